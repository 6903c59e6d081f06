// The merge under `liushou sync --from` (#42, man liushou-sync(1)): the branch and what
// arrived are merged in git's object store only, so that the tree's files change later in one
// journalled batch (apply_sync) or not at all. git merge-tree merges what one side changed;
// every file both sides changed is settled here, in this process and on worker threads: a
// month of a school's talks changes thousands of files, and a merge-driver process for each
// cost minutes.
#include <fcntl.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/filesystem.hpp>
#include <cstdlib>
#include <exception>
#include <map>
#include <mutex>
#include <set>
#include <sstream>

#include "files.hpp"
#include "git_objects.hpp"
#include "liushou/codec.hpp"
#include "liushou/error.hpp"
#include "liushou/i18n.hpp"
#include "liushou/parallel.hpp"
#include "liushou/sync.hpp"

namespace liushou {

namespace fs = boost::filesystem;

namespace {

/// Sides as git stages them: 0 base, 1 ours, 2 theirs; "" where a side has no file.
using Sides = std::array<std::string, 3>;

bool record_file(const std::string& path) {
    return path == "liushou.yaml" || (path.rfind("children/", 0) == 0 && path.size() > 14 &&
                                      path.compare(path.size() - 5, 5, ".yaml") == 0);
}

/// Why a record did not merge, field by field.
std::vector<std::string> conflict_reasons(const MergeResult& r) {
    std::vector<std::string> out;
    if (r.different_children)
        out.push_back(
            N_("two different children were given this id on the two PCs (liushou rename gives one "
               "of them another)"));
    if (!r.refusal.message.empty()) out.push_back(r.refusal.message);
    for (const auto& c : r.conflicts)
        out.push_back(c.field + ": changed differently on both sides");
    if (out.empty()) out.push_back(N_("changed differently on both sides"));
    return out;
}

/// The entries git merge-tree left conflicted (`out` after the tree id at `nul`): staged
/// entries "mode oid stage\tpath", then an empty one, then messages.
std::vector<std::pair<std::string, Sides>> conflicted(const std::string& out, size_t nul) {
    std::map<std::string, Sides> staged;
    std::vector<std::string> order;
    for (size_t i = nul + 1; i < out.size();) {
        const size_t end = std::min(out.find('\0', i), out.size());
        const std::string entry = out.substr(i, end - i);
        i = end + 1;
        if (entry.empty()) break;
        const size_t tab = entry.find('\t');
        if (tab == std::string::npos) continue;
        std::istringstream f(entry.substr(0, tab));
        std::string mode, oid;
        int stage = 0;
        f >> mode >> oid >> stage;
        const std::string path = entry.substr(tab + 1);
        if (!staged.count(path)) order.push_back(path);
        if (stage >= 1 && stage <= 3) staged[path][static_cast<size_t>(stage - 1)] = oid;
    }
    std::vector<std::pair<std::string, Sides>> list;
    for (const auto& path : order) list.emplace_back(path, staged[path]);
    return list;
}

/// The blobs `oids` name (missing ones left out).
std::map<std::string, std::string> read_blobs(const SyncRepo& repo,
                                              const std::set<std::string>& oids) {
    const std::vector<std::string> list(oids.begin(), oids.end());
    auto got = read_git_objects(repo.root, list);
    std::map<std::string, std::string> out;
    for (size_t i = 0; i < list.size(); ++i)
        if (got[i]) out.emplace(list[i], std::move(*got[i]));
    return out;
}

/// Merges one file both sides changed: a record record by record, anything else by git's
/// line merge (what merge-tree already made of it). `work` holds the fallback's files.
SettledFile settle(const SyncRepo& repo, const std::string& path, const std::string& tree_id,
                   const Sides& sides, const std::map<std::string, std::string>& blobs,
                   const std::string& work, size_t n) {
    SettledFile s{path, "", {}};
    std::string texts[3];
    for (size_t i = 0; i < 3; ++i)
        if (const auto it = blobs.find(sides[i]); !sides[i].empty() && it != blobs.end())
            texts[i] = it->second;
    if (sides[1].empty() || sides[2].empty()) {
        s.text = sides[1].empty() ? texts[2] : texts[1];
        s.reasons = {N_("changed on one side and removed on the other")};
        return s;
    }
    if (!record_file(path)) {
        // Not a record: what git's line merge made of it (markers included).
        run_git({"cat-file", "blob", tree_id + ":" + path}, repo.root, &s.text);
        s.reasons = {N_("changed differently on both sides")};
        return s;
    }
    const MergeResult r = path == "liushou.yaml" ? merge_school_files(texts[0], texts[1], texts[2])
                                                 : merge_child_files(texts[0], texts[1], texts[2]);
    if (r.merged || !r.refusal.message.empty()) {
        s.text = r.text;
        if (r.different_children || !r.refusal.message.empty() || !r.conflicts.empty())
            s.reasons = conflict_reasons(r);
        return s;
    }
    // A record path whose sides do not all read as records: git's line merge, as the merge
    // driver falls back to.
    const std::string base = fmt::format("{}/merge.{}.base", work, n),
                      ours = fmt::format("{}/merge.{}.ours", work, n),
                      theirs = fmt::format("{}/merge.{}.theirs", work, n);
    scratch_write(base, texts[0]);
    scratch_write(ours, texts[1]);
    scratch_write(theirs, texts[2]);
    const int rc = run_git(
        {"merge-file", "-p", "-L", "ours", "-L", "base", "-L", "theirs", ours, base, theirs},
        repo.root, &s.text);
    if (rc != 0) s.reasons = {N_("changed differently on both sides")};
    return s;
}

/// `tree_id` with the settled files' texts in place of git's, by a temporary index in `work`:
/// the blobs written by one fast-import, the entries by one update-index.
std::string tree_with(const SyncRepo& repo, const std::string& tree_id,
                      const std::vector<SettledFile>& files, const std::string& work) {
    if (files.empty()) return tree_id;
    // fast-import writes the blobs into one pack: hash-object -w made a loose file for each,
    // 0.3 s of file creation for a class's 557 records.
    std::string stream;
    for (size_t i = 0; i < files.size(); ++i)
        stream += fmt::format("blob\nmark :{}\ndata {}\n{}\n", i + 1, files[i].text.size(),
                              files[i].text);
    scratch_write(work + "/stream", stream);
    const std::string marks = work + "/marks";
    GitCommand h = git_command({"fast-import", "--quiet", "--export-marks=" + marks}, repo.root);
    std::string errors;
    if (run_program_files(h.argv, &h.env, work + "/stream", "", &errors) != 0)
        throw IoError(fmt::format("{}: git fast-import failed ({}); nothing was changed", repo.root,
                                  without_final_newlines(errors.substr(0, errors.find('\n')))));
    std::vector<std::string> oids(files.size());
    size_t found = 0;
    std::istringstream listed(read_file(marks, marks));
    for (std::string line; std::getline(listed, line);) {  // ":<mark> <oid>"
        const size_t space = line.find(' ');
        if (line.empty() || line[0] != ':' || space == std::string::npos) continue;
        const size_t mark = std::strtoul(line.c_str() + 1, nullptr, 10);
        if (mark < 1 || mark > files.size() || !oids[mark - 1].empty()) continue;
        oids[mark - 1] = line.substr(space + 1);
        ++found;
    }
    if (found != files.size())
        throw IoError(fmt::format("{}: git fast-import failed; nothing was changed", repo.root));
    std::string info;
    for (size_t i = 0; i < files.size(); ++i)
        info += "100644 " + oids[i] + "\t" + files[i].path + "\n";
    scratch_write(work + "/info", info);
    const std::string env_index = "GIT_INDEX_FILE=" + work + "/index";
    GitCommand r = git_command({"read-tree", tree_id}, repo.root);
    r.env.push_back(env_index);
    GitCommand u = git_command({"update-index", "--index-info"}, repo.root);
    u.env.push_back(env_index);
    GitCommand w = git_command({"write-tree"}, repo.root);
    w.env.push_back(env_index);
    std::string written;
    if (run_with(r.argv, &r.env) != 0 ||
        run_program_files(u.argv, &u.env, work + "/info", "", nullptr) != 0 ||
        run_with(w.argv, &w.env, &written) != 0)
        throw IoError(
            fmt::format("{}: git could not write the merged tree; nothing was changed", repo.root));
    return without_final_newlines(written);
}

/// `env` with `name` set to `value`: an entry already there (a hook's GIT_INDEX_FILE) would be
/// the one git reads, since it comes first.
void set_env(std::vector<std::string>& env, const std::string& name, const std::string& value) {
    const std::string prefix = name + "=";
    env.erase(std::remove_if(env.begin(), env.end(),
                             [&](const std::string& e) { return e.rfind(prefix, 0) == 0; }),
              env.end());
    env.push_back(prefix + value);
}

/// A .gitattributes below the tree's top, tracked or not: git would read it, and its patterns
/// cannot be moved into an attributes file of the top.
bool nested_attributes(const std::string& root) {
    boost::system::error_code ec;
    fs::recursive_directory_iterator it(root, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        if (it.depth() == 0 && it->path().filename() == ".git") {
            it.disable_recursion_pending();
            continue;
        }
        if (it.depth() > 0 && it->path().filename() == ".gitattributes") return true;
    }
    return ec.failed();  // unreadable: the exact (slower) merge
}

/// git merge-tree of HEAD and `theirs`, every record both sides changed left conflicted (ours
/// kept) for `settle`, its output in `out`; returns git's exit status.
///
/// The driver `false` does that, but git starts it once a file: 557 processes for a class's
/// month of home visits cost more than the merge itself. git's own `binary` driver does the
/// same in-process, but only where the tree's .gitattributes (which names liushou's driver)
/// is not read: so git runs with an empty work tree and index, and the tree's top
/// .gitattributes, with the records' driver replaced, is given as the attributes file. That
/// is exactly what git would read when the tree has no other .gitattributes and the branches
/// have one merge base; otherwise (a criss-cross history, whose ancestor git merges first
/// with the driver) the driver `false` runs as before.
int merge_tree(const SyncRepo& repo, const std::string& theirs, const std::string& work,
               bool one_base, std::string& out) {
    const std::string attributes = work + "/attributes";
    const std::string records = "children/*.yaml merge={0}\nliushou.yaml merge={0}\n";
    const std::vector<std::string> args = {"merge-tree", "--write-tree", "-z", "HEAD", theirs};
    if (one_base && !nested_attributes(repo.root)) {
        std::string top;
        try {
            top = read_regular_file(repo.root + "/.gitattributes", ".gitattributes", 1 << 20);
        } catch (const Error&) {
            top.clear();  // none: git reads none
        }
        if (!top.empty() && top.back() != '\n') top += '\n';
        scratch_write(attributes, top + fmt::format(records, "binary"));
        const std::string empty = work + "/empty";
        boost::system::error_code ec;
        fs::create_directories(empty, ec);
        GitCommand m = merge_command(args, repo.root, "false", attributes);
        const auto at = std::find(m.argv.begin(), m.argv.end(), "-C");
        if (at != m.argv.end() && at + 1 != m.argv.end()) *(at + 1) = empty;
        set_env(m.env, "GIT_DIR", repo.git_dir);
        set_env(m.env, "GIT_WORK_TREE", empty);
        set_env(m.env, "GIT_INDEX_FILE", work + "/no-index");
        return run_with(m.argv, &m.env, &out);
    }
    // The driver is `false`: git leaves every record both sides changed conflicted (keeping
    // ours) for `settle`, even in a tree without init's .gitattributes.
    scratch_write(attributes, fmt::format(records, "liushou"));
    GitCommand m = merge_command(args, repo.root, "false", attributes);
    return run_with(m.argv, &m.env, &out);
}

}  // namespace

// No fsync (sync.hpp says why): atomic_write's two fsyncs a file cost seconds for a class's 557
// merged records on a journaled disk, and a 12 MB bundle about a second.
void scratch_write(const std::string& path, const std::string& text) {
    const int fd =
        ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        throw IoError(fmt::format("{}: " N_("cannot write: {}"), shown_path(path), errno_text()));
    write_and_close(fd, shown_path(path), text);
}

bool SyncMerge::settled() const {
    return std::all_of(files.begin(), files.end(),
                       [](const SettledFile& f) { return f.reasons.empty(); });
}

std::vector<std::string> merge_bases(const SyncRepo& repo, const std::string& theirs) {
    std::string out;
    std::vector<std::string> bases;
    if (run_git({"merge-base", "--all", "HEAD", theirs}, repo.root, &out) != 0) return bases;
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);)
        if (!line.empty()) bases.push_back(line);
    return bases;
}

SyncMerge merge_for_sync(const SyncRepo& repo, const std::string& theirs,
                         const std::vector<std::string>& bases) {
    // The merge's own files, in the sync state folder (0700): children's records never go to
    // a shared temporary folder.
    const std::string work = repo.state_dir() + "/settled";
    boost::system::error_code ec;
    fs::remove_all(work, ec);
    fs::create_directories(work, ec);
    struct Gone {
        std::string dir;
        ~Gone() {
            boost::system::error_code e;
            fs::remove_all(dir, e);
        }
    } gone{work};
    std::string out;
    const int rc = merge_tree(repo, theirs, work, bases.size() == 1, out);
    if (rc != 0 && rc != 1)
        throw IoError(fmt::format(N_("{}: git merge-tree failed; nothing was changed"), repo.root));
    const size_t nul = out.find('\0');
    if (nul == std::string::npos)
        throw IoError(
            fmt::format("{}: git merge-tree said no tree; nothing was changed", repo.root));
    const std::string tree_id = out.substr(0, nul);
    const auto list = conflicted(out, nul);
    std::set<std::string> oids;
    for (const auto& [path, sides] : list)
        for (const auto& o : sides)
            if (!o.empty()) oids.insert(o);
    const auto blobs = read_blobs(repo, oids);
    SyncMerge merge;
    merge.files.resize(list.size());
    parallel_for(list.size(), worker_count(0, list.size()), [&](size_t i) {
        merge.files[i] = settle(repo, list[i].first, tree_id, list[i].second, blobs, work, i);
    });
    merge.tree = tree_with(repo, tree_id, merge.files, work);
    return merge;
}

}  // namespace liushou
