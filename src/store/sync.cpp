// The git plumbing of `liushou sync` (#42): the repository a tree syncs, its sync state, the
// payload's header, and the step that puts a merged commit into the tree's files.
#include "liushou/sync.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <boost/filesystem.hpp>
#include <map>
#include <sstream>

#include "files.hpp"
#include "git_objects.hpp"
#include "liushou/error.hpp"
#include "liushou/i18n.hpp"
#include "liushou/validate.hpp"
#include "tree_internal.hpp"

namespace liushou {

namespace fs = boost::filesystem;

namespace {

std::vector<std::string> split(const std::string& text, char sep) {
    std::vector<std::string> out;
    for (size_t at = 0; at < text.size();) {
        size_t end = text.find(sep, at);
        if (end == std::string::npos) end = text.size();
        out.push_back(text.substr(at, end - at));
        at = end + 1;
    }
    return out;
}

bool is_oid(const std::string& s) {
    return (s.size() == 40 || s.size() == 64) &&
           s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

constexpr const char* kPayloadMagic = "liushou-sync 1\n";
constexpr const char* kApplying = "applying";

}  // namespace

std::string git_text(const SyncRepo& repo, const std::vector<std::string>& args,
                     const std::string& what) {
    std::string out;
    if (run_git(args, repo.root, &out) != 0)
        throw IoError(fmt::format(N_("{}: git failed while {}"), repo.root, what));
    return without_final_newlines(out);
}

bool git_ok(const SyncRepo& repo, const std::vector<std::string>& args) {
    return run_git(args, repo.root) == 0;
}

SyncRepo SyncRepo::open(const std::string& root) {
    SyncRepo r;
    r.root = root;
    std::string out;
    if (run_git({"rev-parse", "--absolute-git-dir", "--show-prefix", "--is-bare-repository"}, root,
                &out) != 0)
        throw UsageError(fmt::format(
            N_("{}: not in a git repository; sync moves the tree's git history (liushou init makes "
               "one)"),
            root));
    const auto lines = split(without_final_newlines(out), '\n');
    if (lines.size() < 3 || lines[2] == "true")
        throw UsageError(fmt::format(N_("{}: not in a git repository; sync moves the tree's git "
                                        "history (liushou init makes one)"),
                                     root));
    r.git_dir = lines[0];
    if (!lines[1].empty())
        throw UsageError(fmt::format(
            N_("{}: the tree is a folder inside a larger git repository ({}); sync moves a whole "
               "repository, so it needs a tree of its own (liushou init in a new folder)"),
            root, lines[1]));
    out.clear();
    if (run_git({"symbolic-ref", "-q", "HEAD"}, root, &out) != 0)
        throw UsageError(
            fmt::format(N_("{}: git is on no branch (a detached HEAD); git switch to the school's "
                           "branch first"),
                        root));
    r.branch = without_final_newlines(out);
    out.clear();
    if (run_git({"rev-parse", "-q", "--verify", "HEAD^{commit}"}, root, &out) == 0)
        r.head = without_final_newlines(out);
    return r;
}

std::string SyncRepo::state_dir() const {
    // Made 0700 through its descriptor, no link followed: a copied repository's
    // `liushou -> /elsewhere` is refused, never written through.
    SafeDir::open(git_dir, "liushou/sync", true, true, shown_path(git_dir) + "/");
    return git_dir + "/liushou/sync";
}

std::vector<std::string> SyncRepo::roots(const std::string& rev) const {
    std::string out;
    if (run_git({"rev-list", "--max-parents=0", rev, "--"}, root, &out) != 0) return {};
    std::vector<std::string> list;
    for (auto& l : split(without_final_newlines(out), '\n'))
        if (is_oid(l)) list.push_back(l);
    std::sort(list.begin(), list.end());
    return list;
}

std::string encode_sync_header(const SyncHeader& h) {
    std::string roots;
    for (const auto& r : h.roots) roots += (roots.empty() ? "" : " ") + r;
    return fmt::format("{}school {}\nroots {}\nfrom {}\ndate {}\nhead {}\n\n", kPayloadMagic,
                       h.school, roots, h.from, h.date, h.head);
}

bool decode_sync_payload(const std::string& payload, SyncHeader& header, size_t& bundle_at) {
    const std::string magic = kPayloadMagic;
    if (payload.compare(0, magic.size(), magic) != 0) return false;
    const size_t end = payload.find("\n\n", magic.size() - 1);
    if (end == std::string::npos || end > 64 * 1024) return false;
    for (const auto& line : split(payload.substr(magic.size(), end - magic.size()), '\n')) {
        const size_t space = line.find(' ');
        const std::string key = line.substr(0, space);
        const std::string value = space == std::string::npos ? "" : line.substr(space + 1);
        if (key == "school") header.school = value;
        if (key == "roots") header.roots = split(value, ' ');
        if (key == "from") header.from = value;
        if (key == "date") header.date = value;
        if (key == "head") header.head = value;
    }
    if (!is_oid(header.school) || !is_oid(header.head)) return false;
    for (const auto& r : header.roots)
        if (!is_oid(r)) return false;
    bundle_at = end + 2;
    return true;
}

bool parse_bundle_head(const std::string& bytes, BundleHead& out) {
    size_t at = bytes.find('\n');
    if (at == std::string::npos) return false;
    const std::string first = bytes.substr(0, at);
    if (first != "# v2 git bundle" && first != "# v3 git bundle") return false;
    ++at;
    while (at < bytes.size()) {
        const size_t end = bytes.find('\n', at);
        if (end == std::string::npos || end - at > 4096) return false;
        const std::string line = bytes.substr(at, end - at);
        at = end + 1;
        if (line.empty()) return true;
        if (line[0] == '@') continue;  // v3 capabilities
        if (line[0] == '-') {
            const std::string oid = line.substr(1, line.find(' ') - 1);
            if (!is_oid(oid)) return false;
            out.prerequisites.push_back(oid);
            continue;
        }
        const size_t space = line.find(' ');
        if (space == std::string::npos || !is_oid(line.substr(0, space))) return false;
        out.refs.emplace_back(line.substr(0, space), line.substr(space + 1));
    }
    return false;
}

std::vector<SyncRecord> read_sync_state(const SyncRepo& repo) {
    std::vector<SyncRecord> out;
    std::string text;
    try {
        text = read_regular_file(repo.state_dir() + "/state", "sync state", 1 << 20);
    } catch (const Error&) {
        return out;  // none yet
    }
    for (const auto& line : split(text, '\n')) {
        const auto f = split(line, '\t');
        // The last field (the basis) may be empty, and split() then leaves it out.
        if (f.size() < 5 || (f[0] != "sent" && f[0] != "received")) continue;
        SyncRecord r{f[0], f[1], f[2], f[3], f[4], {}};
        for (const auto& b : split(f.size() > 5 ? f[5] : "", ' '))
            if (is_oid(b)) r.basis.push_back(b);
        out.push_back(std::move(r));
    }
    return out;
}

void write_sync_record(const SyncRepo& repo, const SyncRecord& record) {
    std::vector<SyncRecord> all = read_sync_state(repo);
    all.erase(std::remove_if(all.begin(), all.end(),
                             [&](const SyncRecord& r) {
                                 return r.kind == record.kind && r.where == record.where;
                             }),
              all.end());
    all.push_back(record);
    std::string text;
    for (const auto& r : all) {
        std::string basis;
        for (const auto& b : r.basis) basis += (basis.empty() ? "" : " ") + b;
        // A tab or newline in a folder's name would break the line: the state is liushou's
        // own note, so such a character is written as a space.
        auto clean = [](std::string s) {
            for (char& c : s)
                if (c == '\t' || c == '\n' || c == '\r') c = ' ';
            return s;
        };
        text += fmt::format("{}\t{}\t{}\t{}\t{}\t{}\n", r.kind, clean(r.where), clean(r.file),
                            r.date, r.head, basis);
    }
    atomic_write(repo.state_dir() + "/state", text, 0600);
}

namespace {

/// A record file the tree's journalled batch may write (tree.cpp: journal_target).
bool record_path(const std::string& path) {
    if (path == "liushou.yaml" || path == "staff.yaml") return true;
    const size_t slash = path.find('/');
    if (slash == std::string::npos || path.find('/', slash + 1) != std::string::npos) return false;
    const std::string dir = path.substr(0, slash), name = path.substr(slash + 1);
    return (dir == "children" || dir == "activities") && name.size() > 5 &&
           name.compare(name.size() - 5, 5, ".yaml") == 0 &&
           valid_child_id(name.substr(0, name.size() - 5));
}

struct FileChange {
    char status;  // A M D T
    std::string path;
};

std::vector<FileChange> changes_between(const SyncRepo& repo, const std::string& from,
                                        const std::string& to) {
    std::string out;
    if (run_git({"diff-tree", "-r", "-z", "--no-renames", "--name-status", from, to}, repo.root,
                &out) != 0)
        throw IoError(fmt::format(N_("{}: git diff-tree failed comparing {} and {}"), repo.root,
                                  from.substr(0, 12), to.substr(0, 12)));
    std::vector<FileChange> list;
    const auto parts = split(out, '\0');
    for (size_t i = 0; i + 1 < parts.size(); i += 2)
        if (!parts[i].empty()) list.push_back(FileChange{parts[i][0], parts[i + 1]});
    return list;
}

/// A file of a commit: its mode and its blob's text.
struct CommitFile {
    std::string mode, text;
};

/// The files `paths` of commit `rev`, with their modes, by one git cat-file.
std::vector<CommitFile> blobs_of(const SyncRepo& repo, const std::string& rev,
                                 const std::vector<std::string>& paths) {
    std::vector<CommitFile> out;
    if (paths.empty()) return out;
    // The blobs by their ids from one ls-tree: git resolves "rev:path" by inflating and
    // scanning the folder's tree anew for each path, which took 46 s for a month's 10,000
    // changed children.
    std::string listing;
    if (run_git({"ls-tree", "-r", "-z", "--full-tree", rev}, repo.root, &listing) != 0)
        throw IoError(
            fmt::format("{}: git ls-tree failed reading {}", repo.root, rev.substr(0, 12)));
    std::map<std::string, std::pair<std::string, std::string>> entry_of;  // path: mode, oid
    for (const auto& entry : split(listing, '\0')) {
        // "<mode> <type> <object>\t<path>"
        const size_t tab = entry.find('\t');
        if (tab == std::string::npos) continue;
        const size_t space = entry.rfind(' ', tab);
        if (space == std::string::npos) continue;
        entry_of[entry.substr(tab + 1)] = {entry.substr(0, entry.find(' ')),
                                           entry.substr(space + 1, tab - space - 1)};
    }
    std::vector<std::string> oids;
    for (const auto& p : paths) {
        const auto it = entry_of.find(p);
        if (it == entry_of.end())
            throw IoError(fmt::format(N_("{}: {} is missing from commit {}"), repo.root, p,
                                      rev.substr(0, 12)));
        out.push_back(CommitFile{it->second.first, {}});
        oids.push_back(it->second.second);
    }
    auto got = read_git_objects(repo.root, oids);
    for (size_t i = 0; i < paths.size(); ++i) {
        if (!got[i])
            throw IoError(fmt::format(N_("{}: {} is missing from commit {}"), repo.root, paths[i],
                                      rev.substr(0, 12)));
        out[i].text = std::move(*got[i]);
    }
    return out;
}

/// A changed record as check is to see it: refused as check --rev refuses a commit's file.
OverlayFile overlay_file(CommitFile&& f) {
    GitEntry entry{f.mode, "", f.text.size()};
    OverlayFile out{true, tree_detail::screen_commit_entry(entry), {}};
    if (out.refused.empty()) out.text = std::move(f.text);
    return out;
}

/// Refuses a path that would write where no tree file may be: in .git or .liushou, or through
/// a symbolic link of the work tree.
void require_plain_path(const SyncRepo& repo, const std::string& path) {
    fs::path at(repo.root);
    const auto parts = split(path, '/');
    for (size_t i = 0; i < parts.size(); ++i) {
        std::string lower = parts[i];
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (lower.empty() || lower == "." || lower == ".." || lower == ".git" ||
            lower == ".liushou")
            throw DataError(fmt::format(N_("the synced history holds a file {}, which no tree may "
                                           "hold; nothing was changed"),
                                        path));
        at /= parts[i];
        struct stat st;
        if (i + 1 < parts.size() && ::lstat(at.c_str(), &st) == 0 && !S_ISDIR(st.st_mode))
            throw DataError(fmt::format(N_("{}: {} is not a folder (a link?); nothing was changed"),
                                        path, at.string()));
    }
}

/// The index at `to`, with stat data for every file, as after a checkout.
void index_follows(const SyncRepo& repo, const std::string& to) {
    // Entries that did not change keep what git knows of their files.
    run_git({"read-tree", "--reset", to}, repo.root);
    // The changed entries have no stat data now, so every later `git status` (each read of a
    // tree in git asks one, without writing the index) would hash their files again: a
    // month's sync changes all 10,000 records, 0.2-0.5 s on every later command. Refreshed
    // once here; a failure (someone else's git holds the index) only leaves that cost.
    run_git({"update-index", "-q", "--refresh"}, repo.root);
}

void move_branch(const SyncRepo& repo, const std::string& from, const std::string& to) {
    if (run_git({"update-ref", "-m", "liushou sync", repo.branch, to, from}, repo.root) != 0)
        throw IoError(fmt::format(N_("{}: git update-ref failed moving {} to {}"), repo.root,
                                  repo.branch, to.substr(0, 12)));
    index_follows(repo, to);
}

}  // namespace

SyncChange sync_change(const SyncRepo& repo, const std::string& from, const std::string& to) {
    SyncChange change{from, to, {}, {}};
    auto records = std::make_shared<std::map<std::string, OverlayFile>>();
    std::vector<std::string> write_records;
    for (const auto& c : changes_between(repo, from, to)) {
        if (!record_path(c.path)) {
            change.others.emplace_back(c.path, c.status == 'D');
        } else if (c.status == 'D') {
            records->emplace(c.path, OverlayFile{});
        } else {
            write_records.push_back(c.path);
        }
    }
    // Each changed record read once, by one ls-tree and one cat-file: check sees these texts
    // (TreeOptions::overlay) and apply_sync writes them.
    auto files = blobs_of(repo, to, write_records);
    for (size_t i = 0; i < write_records.size(); ++i)
        records->emplace(write_records[i], overlay_file(std::move(files[i])));
    change.records = std::move(records);
    return change;
}

void apply_sync(const SyncRepo& repo, Tree& tree, WriteSession& session, const std::string& from,
                const std::string& to) {
    apply_sync(repo, tree, session, sync_change(repo, from, to));
}

void apply_sync(const SyncRepo& repo, Tree& tree, WriteSession& session, const SyncChange& change) {
    (void)tree;
    const std::string &from = change.from, &to = change.to;
    std::vector<std::string> write_others, remove_children, remove_others;
    for (const auto& [path, file] : *change.records) {
        require_plain_path(repo, path);
        if (!file.exists && path.rfind("children/", 0) == 0) remove_children.push_back(path);
        if (!file.exists && path.rfind("children/", 0) != 0) remove_others.push_back(path);
        // A record check refuses unread (a link, a file over 1 MiB) is never written as one:
        // check stopped the sync before this, so only a changed repository gets here.
        if (file.exists && !file.refused.empty())
            throw DataError(fmt::format(N_("the synced history holds a file {}, which no tree may "
                                           "hold; nothing was changed"),
                                        path));
    }
    for (const auto& [path, removed] : change.others) {
        require_plain_path(repo, path);
        (removed ? remove_others : write_others).push_back(path);
    }
    const std::string marker = repo.state_dir() + "/" + kApplying;
    atomic_write(marker, fmt::format("{}\n{}\n{}\n", repo.branch, from, to), 0600);
    // Records first, all or nothing through the tree's journal.
    session.begin_batch(true);
    for (const auto& [path, file] : *change.records)
        if (file.exists) session.write_text(path, file.text, 0600);
    for (const auto& path : remove_children) {
        boost::system::error_code ec;
        if (fs::exists(fs::path(repo.root) / path, ec))  // a finish after a kill: already gone
            session.remove_child(path.substr(9, path.size() - 9 - 5));
    }
    session.end_batch();
    // Then the rest (.gitattributes, an activity removed, a note beside the records): rare,
    // each replaced atomically.
    const std::vector<CommitFile> others = blobs_of(repo, to, write_others);
    for (size_t i = 0; i < write_others.size(); ++i) {
        const fs::path full = fs::path(repo.root) / write_others[i];
        boost::system::error_code ec;
        fs::create_directories(full.parent_path(), ec);
        atomic_write(full.string(), others[i].text, 0644);
    }
    for (const auto& path : remove_others) ::unlink((fs::path(repo.root) / path).c_str());
    move_branch(repo, from, to);
    ::unlink(marker.c_str());
}

std::string finish_sync_apply(SyncRepo& repo, Tree& tree, WriteSession& session) {
    const std::string marker = repo.state_dir() + "/" + kApplying;
    std::string text;
    try {
        text = read_regular_file(marker, marker, 4096);
    } catch (const Error&) {
        return "";
    }
    const auto lines = split(without_final_newlines(text), '\n');
    if (lines.size() != 3 || lines[0] != repo.branch || !is_oid(lines[1]) || !is_oid(lines[2])) {
        ::unlink(marker.c_str());
        return "";
    }
    const std::string &from = lines[1], &to = lines[2];
    if (repo.head == to) {  // the branch moved; only the marker was left
        index_follows(repo, to);
        ::unlink(marker.c_str());
        return N_("finished the sync a kill interrupted");
    }
    if (repo.head != from) {  // the branch moved elsewhere since: nothing of ours to finish
        ::unlink(marker.c_str());
        return "";
    }
    // The records' batch was put in place whole or not at all (the lock finished or undid
    // it): the files say which.
    std::vector<std::string> paths;
    for (const auto& c : changes_between(repo, from, to))
        if (record_path(c.path)) paths.push_back(c.path);
    bool in_place = !paths.empty();
    if (in_place) {
        std::vector<std::string> args = {"diff", "--quiet", to, "--"};
        args.insert(args.end(), paths.begin(), paths.end());
        in_place = run_git(args, repo.root) == 0;
    }
    if (!in_place) {
        ::unlink(marker.c_str());
        return N_("a sync a kill interrupted had changed nothing; the tree is as before");
    }
    apply_sync(repo, tree, session, from, to);  // the rest; the records are already there
    repo.head = to;
    return N_("finished the sync a kill interrupted");
}

}  // namespace liushou
