// `purge --history` and `purge --value` (#43): git history rewritten with git-filter-repo so
// that no commit, tag, reflog or object keeps a purged value; and sync --from's refusal of a
// file that would bring one back. See liushou-purge(1) and docs/privacy.md.
#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <map>
#include <set>

#include "git_objects.hpp"
#include "liushou/codec.hpp"
#include "liushou/error.hpp"
#include "liushou/i18n.hpp"
#include "liushou/purge.hpp"
#include "liushou/store.hpp"
#include "liushou/sync.hpp"

namespace liushou {

namespace {

/// What replaces a value `purge --value` removes.
constexpr const char* kRemoved = "已删除";

std::string git_out(const std::string& root, const std::vector<std::string>& args) {
    std::string out;
    if (run_git(args, root, &out) != 0)
        throw IoError(
            fmt::format(N_("{}: git {} failed; nothing more was changed"), root, args[0]));
    return out;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    for (size_t at = 0; at < text.size();) {
        size_t end = text.find('\n', at);
        if (end == std::string::npos) end = text.size();
        if (end > at) out.push_back(text.substr(at, end - at));
        at = end + 1;
    }
    return out;
}

/// Blob id -> path, of every blob `rev-list --objects args…` lists.
std::map<std::string, std::string> blobs_listed(const std::string& root,
                                                const std::vector<std::string>& revs) {
    std::vector<std::string> args = {"rev-list", "--objects", "--filter=object:type=blob"};
    args.insert(args.end(), revs.begin(), revs.end());
    std::map<std::string, std::string> out;
    for (const auto& line : lines_of(git_out(root, args))) {
        const size_t space = line.find(' ');
        if (space == std::string::npos) continue;  // a commit
        out.emplace(line.substr(0, space), line.substr(space + 1));
    }
    return out;
}

/// The contents of `oids`, missing ones left out.
std::map<std::string, std::string> read_blobs(const std::string& root,
                                              const std::vector<std::string>& oids) {
    std::map<std::string, std::string> out;
    auto got = read_git_objects(root, oids);
    for (size_t i = 0; i < oids.size(); ++i)
        if (got[i]) out.emplace(oids[i], std::move(*got[i]));
    return out;
}

/// Whether `path` is the file of one of `ids`: children/<id>.yaml.
const std::string* purged_file(const std::string& path, const std::set<std::string>& ids) {
    static const std::string dir = "children/";
    if (path.rfind(dir, 0) != 0 || path.size() < dir.size() + 6 ||
        path.compare(path.size() - 5, 5, ".yaml") != 0)
        return nullptr;
    const auto it = ids.find(path.substr(dir.size(), path.size() - dir.size() - 5));
    return it == ids.end() ? nullptr : &*it;
}

size_t replace_all(std::string& text, const std::string& value, const std::string& by) {
    size_t n = 0;
    for (size_t at = text.find(value); at != std::string::npos;
         at = text.find(value, at + by.size())) {
        text.replace(at, value.size(), by);
        ++n;
    }
    return n;
}

/// `text` as one single-quoted Python string.
std::string python_string(const std::string& text) {
    std::string out = "'";
    for (const char ch : text) {
        if (ch == '\\' || ch == '\'') out += '\\';
        out += ch;
    }
    return out + "'";
}

}  // namespace

HistoryRewrite rewrite_history(const std::string& root, const PrivacySettings& privacy,
                               const std::string& value) {
    std::string prefix;
    if (run_git({"rev-parse", "--show-prefix"}, root, &prefix) != 0)
        throw UsageError(fmt::format(
            N_("{}: not in a git repository, so there is no history to rewrite"), root));
    if (!without_final_newlines(prefix).empty())
        throw UsageError(fmt::format(
            N_("{}: the tree is a folder inside a git repository ({}); purge --history rewrites a "
               "repository whose top is the tree"),
            root, without_final_newlines(prefix)));
    if (run_program({"git-filter-repo", "--version"}) != 0)
        throw UsageError(
            N_("git-filter-repo is not installed (Debian and Ubuntu: apt install git-filter-repo); "
               "nothing was changed"));
    if (!git_out(root, {"status", "--porcelain", "--untracked-files=no"}).empty())
        throw UsageError(fmt::format(
            N_("{}: the tree has changes that are not committed; commit them first (git commit), "
               "since the rewrite resets the files to the rewritten commit. Nothing was changed"),
            root));

    const auto purged = privacy.purged_ids();
    const std::set<std::string> ids(purged.begin(), purged.end());
    const auto listed = blobs_listed(root, {"--all"});
    std::vector<std::string> wanted;
    for (const auto& [oid, path] : listed)
        if (!value.empty() || purged_file(path, ids) || path == "liushou.yaml" ||
            path.rfind("activities/", 0) == 0)
            wanted.push_back(oid);
    const auto contents = read_blobs(root, wanted);

    // Every version of a purged child's file, purged as the file was; the names it ever gave.
    std::map<std::string, std::string> replaced;  // old blob -> new contents
    std::map<std::string, std::vector<std::string>> names;
    for (const auto& [oid, text] : contents) {
        const std::string* id = purged_file(listed.at(oid), ids);
        if (!id) continue;
        Decoded<Child> d = decode_child(text, false);
        Child c;
        if (d.parsed) {
            c = std::move(d.record);
            if (!c.name.empty() && c.name != *id) names[*id].push_back(c.name);
        }
        if (c.id.empty()) c.id = *id;
        purge_child(c, privacy.purged_on(*id).value_or(Date{1970, 1, 1}));
        const std::string now = encode_child(c);
        if (now != text) replaced[oid] = now;
    }
    // A name a child still in the tree has too stays where it is (it may be that child's).
    const Tree tree(root);
    for (const auto& child : tree.load_children())
        if (child.parsed && !ids.count(child.id))
            for (auto& [id, list] : names)
                list.erase(std::remove(list.begin(), list.end(), child.record.name), list.end());
    for (const auto& [oid, text] : contents) {
        const std::string& path = listed.at(oid);
        if (purged_file(path, ids)) continue;
        std::string now = text;
        if (path == "liushou.yaml" || path.rfind("activities/", 0) == 0)
            for (const auto& [id, list] : names) replace_names(now, list, id);
        if (now != text) replaced[oid] = now;
    }
    if (!value.empty())
        for (const auto& [oid, text] : contents) {
            auto it = replaced.find(oid);
            std::string now = it == replaced.end() ? text : it->second;
            if (replace_all(now, value, kRemoved) > 0) replaced[oid] = now;
        }

    HistoryRewrite result;
    result.blobs = replaced.size();
    const auto roots_before = lines_of(git_out(root, {"rev-list", "--max-parents=0", "--all"}));
    TempDir tmp("liushou-purge");
    const std::string blob_dir = tmp.path() + "/blobs";
    ::mkdir(blob_dir.c_str(), 0700);
    for (const auto& [oid, text] : replaced) atomic_write(blob_dir + "/" + oid, text, 0600);
    // The callback runs inside git-filter-repo for every blob; new contents are looked up by
    // the old blob's id, so no personal value is ever on a command line.
    const std::string code = fmt::format(
        "import os\n"
        "p = os.path.join({}, blob.original_id.decode())\n"
        "if os.path.exists(p):\n"
        "    with open(p, 'rb') as f:\n"
        "        blob.data = f.read()\n",
        python_string(blob_dir));
    std::vector<std::string> args = {"filter-repo", "--force", "--quiet", "--blob-callback", code};
    if (!value.empty()) {
        atomic_write(tmp.path() + "/messages", "literal:" + value + "==>" + kRemoved + "\n", 0600);
        args.push_back("--replace-message");
        args.push_back(tmp.path() + "/messages");
    }
    GitCommand c = git_command(args, root);
    std::string said;
    if (run_with(c.argv, &c.env, &said, true) != 0) {
        std::string why;
        for (const auto& line : lines_of(said)) why += "\n  git-filter-repo: " + line;
        throw IoError(fmt::format(N_("{}: git-filter-repo failed{}"), root, why));
    }
    // git-filter-repo expires the reflogs and prunes too; done again so that nothing depends
    // on its defaults.
    git_out(root, {"reflog", "expire", "--expire=now", "--all"});
    git_out(root, {"gc", "--prune=now", "--quiet"});
    std::vector<std::string> old;
    for (const auto& [oid, text] : replaced) old.push_back(oid);
    const auto left = read_blobs(root, old);
    if (!left.empty())
        throw IoError(fmt::format(N_("{}: {} old version(s) of the files are still in git's "
                                     "objects (kept by another work "
                                     "tree, a stash or an alternate object store); remove that, "
                                     "then purge --history again"),
                                  root, left.size()));
    const auto roots_after = lines_of(git_out(root, {"rev-list", "--max-parents=0", "--all"}));
    for (const auto& r : roots_before)
        if (std::find(roots_after.begin(), roots_after.end(), r) == roots_after.end())
            result.old_roots.push_back(r);
    return result;
}

void refuse_pre_purge_roots(const PrivacySettings& privacy, const std::vector<std::string>& roots,
                            const std::string& shown) {
    for (const auto& r : roots)
        if (std::find(privacy.replaced_roots.begin(), privacy.replaced_roots.end(), r) !=
            privacy.replaced_roots.end())
            throw DataError(fmt::format(
                N_("{}: the file was made from the history before it was rewritten on {} (liushou "
                   "purge --history) and would bring purged data back; the sender replaces their "
                   "clone first. Nothing was changed"),
                shown,
                privacy.history_rewritten ? privacy.history_rewritten->iso() : std::string("-")));
}

void refuse_purged_in_bundle(const std::string& root, const PrivacySettings& privacy,
                             const std::string& incoming, const std::string& shown) {
    const auto purged = privacy.purged_ids();
    if (purged.empty()) return;
    const std::set<std::string> ids(purged.begin(), purged.end());
    std::map<std::string, std::string> listed;
    try {
        listed = blobs_listed(root, {incoming, "--not", "HEAD"});
    } catch (const IoError&) {
        listed = blobs_listed(root, {incoming});  // a branch with no commit yet
    }
    std::vector<std::string> wanted;
    for (const auto& [oid, path] : listed)
        if (purged_file(path, ids)) wanted.push_back(oid);
    std::set<std::string> back;
    for (const auto& [oid, text] : read_blobs(root, wanted)) {
        const Decoded<Child> d = decode_child(text, false);
        if (!d.parsed || !purged_on(d.record) || !personal_fields(d.record).empty())
            back.insert(*purged_file(listed.at(oid), ids));
    }
    if (back.empty()) return;
    // The objects it brought hold what was purged: they go again, unreachable as they are
    // (a bundle's objects arrive as a pack, which only a repack drops).
    run_git({"gc", "--prune=now", "--quiet"}, root);
    std::string list;
    for (const auto& id : back) list += (list.empty() ? "" : ", ") + id;
    throw DataError(fmt::format(
        "{}: the file brings back personal data of {} purged {} ({}): it was made on a "
        "PC that has not had the purge; that PC replaces its clone first. Nothing was changed",
        shown, back.size(), back.size() == 1 ? "child" : "children", list));
}

}  // namespace liushou
