// liushou key and liushou sync (#42): records travel between PCs with no server as one file
// on a USB stick, a git bundle of the tree's branch encrypted with age to every PC the school
// recorded (liushou.yaml: sync.recipients, public keys only). See man liushou-sync(1), whose
// threat model these files keep: nothing of the records leaves the PC unencrypted (unless
// --plain), a file that was changed or cut short is refused whole, and a sync killed at any
// point leaves the tree as it was or fully synced.
//
// This file: sync --from (decrypt, verify, then the merge of store/sync_merge.cpp), --continue
// and --abort.
#include <algorithm>
#include <boost/filesystem.hpp>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <set>

#include "liushou/i18n.hpp"
#include "liushou/purge.hpp"
#include "sync_parts.hpp"

namespace liushou {

namespace fs = boost::filesystem;

namespace {

using namespace sync_detail;

/// The merged commit `tree` (parents: ours, theirs) applied to the tree, once check passes on
/// it; otherwise the files it names wait in the conflicts folder, as a conflict's do.
/// `disk_is_head`: the records on disk are the branch's (sync --from committed them), so check
/// reads the merge's changed records in memory and the rest from disk and its cache; else
/// (--continue) check reads the merged commit from git.
int commit_and_apply(SyncRepo& repo, Tree& tree, WriteSession& session, const Pending& p,
                     Context& ctx, bool disk_is_head) {
    GitCommand c = git_command({"commit-tree", p.tree, "-p", p.old_head, "-p", p.incoming, "-m",
                                "sync: merged from " + p.from},
                               repo.root);
    identity_env(repo, c.env);
    std::string merged;
    if (run_with(c.argv, &c.env, &merged) != 0)
        throw IoError(
            fmt::format(N_("{}: git commit-tree failed; nothing was changed"), repo.root));
    while (!merged.empty() && merged.back() == '\n') merged.pop_back();
    const SyncChange change = sync_change(repo, p.old_head, merged);
    const auto errors = disk_is_head ? check_change(repo, change, ctx) : check_errors(repo, merged);
    if (!errors.empty()) {
        Pending keep = p;
        keep.paths.clear();
        std::set<std::string> files;
        for (const auto& line : errors) {
            ctx.err << say(ctx, line + "\n");
            std::string file = line.substr(0, line.find(':'));
            const std::string root = repo.root + "/";
            if (file.compare(0, root.size(), root) == 0) file = file.substr(root.size());
            files.insert(file);
        }
        for (const auto& f : files)
            if (f.find("..") == std::string::npos) keep.paths.push_back(f);
        // The files check refuses wait in the conflicts folder, to be fixed there.
        boost::system::error_code ec;
        for (const auto& f : keep.paths) {
            std::string blob;
            if (run_git({"cat-file", "blob", p.tree + ":" + f}, repo.root, &blob) != 0) continue;
            const fs::path at = fs::path(conflicts_dir(repo)) / f;
            fs::create_directories(at.parent_path(), ec);
            atomic_write(at.string(), blob, 0600);
        }
        write_pending(repo, keep);
        ctx.err << fmt::format(
            "liushou: " N_(
                "the merged records would not pass check (above); the tree is as before. Fix the "
                "files in {} and run liushou sync --continue, or liushou sync --abort") "\n",
            conflicts_dir(repo));
        return kDataProblem;
    }
    apply_sync(repo, tree, session, change);
    repo.head = merged;
    drop_pending(repo);
    return kOk;
}

/// A sync file as read and decrypted, before anything of the tree changes.
struct Received {
    std::string bytes;  // the payload: header, then the bundle from `at`
    size_t at = 0;
    SyncHeader header;
    BundleHead bundle;
};

/// Reads `path` (encrypted to this PC's key, or --plain) into `payload`, and its header.
Received open_sync_file(const std::string& path, const Scratch& payload, Context& ctx) {
    const std::string& shown = path;
    std::string head;
    {
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
        if (fd < 0)
            throw UsageError(
                fmt::format("{}: " N_("cannot read: {}"), shown, std::strerror(errno)));
        char buf[64] = {0};
        const ssize_t n = ::read(fd, buf, sizeof buf);
        ::close(fd);
        if (n > 0) head.assign(buf, static_cast<size_t>(n));
    }
    bool encrypted = false;
    if (head.rfind("age-encryption.org/v1\n", 0) == 0) {
        encrypted = true;
        const std::string key = key_path();
        if (::access(key.c_str(), R_OK) != 0)
            throw UsageError(fmt::format(
                N_("{}: this PC has no key ({}), so it cannot open the file; liushou key new makes "
                   "one"),
                shown, key));
        std::string errors;
        const int rc = run_age({"age", "--decrypt", "-i", key, path}, "", payload.path, errors);
        if (rc != 0) {
            if (errors.find("no identity matched") != std::string::npos)
                throw DataError(fmt::format(N_("{}: not encrypted to this PC's key ({}); the "
                                               "sender adds it with liushou key "
                                               "add and syncs again. Nothing was changed"),
                                            shown, public_key(key)));
            throw DataError(fmt::format(
                N_("{}: cannot be decrypted: it was changed or cut short after it was written (or "
                   "is no sync file); nothing was changed"),
                shown));
        }
    } else if (head.rfind("liushou-sync 1\n", 0) == 0) {
        payload.write(read_file(path, shown));
    } else {
        throw DataError(fmt::format(N_("{}: not a liushou sync file; nothing was changed"), shown));
    }
    Received r;
    r.bytes = read_file(payload.path, payload.path);
    if (!decode_sync_payload(r.bytes, r.header, r.at) ||
        !parse_bundle_head(r.bytes.substr(r.at, 1 << 20), r.bundle) || r.bundle.refs.empty())
        throw DataError(fmt::format(N_("{}: not a liushou sync file (its header does not read); "
                                       "nothing was changed"),
                                    shown));
    if (!encrypted)
        ctx.err << "liushou: " N_(
            "warning: the file was not encrypted (written with --plain)") "\n";
    return r;
}

/// Refuses another school's file and one missing its prerequisites, then brings the bundle's
/// objects in; returns its head (no ref names it yet: a refusal's gc then drops them).
std::string unbundle(const SyncRepo& repo, const Received& r, const std::string& shown) {
    // Another school's file: no root commit in common with this tree.
    const auto roots = repo.roots();
    const bool same_school =
        std::any_of(r.header.roots.begin(), r.header.roots.end(), [&](const std::string& root) {
            return std::find(roots.begin(), roots.end(), root) != roots.end();
        });
    if (!same_school)
        throw DataError(fmt::format(
            N_("{}: the file is another school's (school {}; this tree is school {}); nothing was "
               "changed"),
            shown, short_id(r.header.school), roots.empty() ? "-" : short_id(roots.front())));
    std::vector<std::string> missing;
    for (const auto& p : r.bundle.prerequisites)
        if (!git_ok(repo, {"cat-file", "-e", p + "^{commit}"})) missing.push_back(p);
    if (!missing.empty())
        throw DataError(fmt::format(
            fmt::runtime(missing.size() == 1
                             ? N_("{}: the file continues an earlier sync this PC has not "
                                  "received ({} commit missing, e.g. {}); ask {} for a full one "
                                  "(liushou sync --to … --full). Nothing was changed")
                             : N_("{}: the file continues an earlier sync this PC has not "
                                  "received ({} commits missing, e.g. {}); ask {} for a full one "
                                  "(liushou sync --to … --full). Nothing was changed")),
            shown, missing.size(), short_id(missing.front()), r.header.from));
    Scratch bundle(repo.state_dir(), "in.bundle");
    bundle.write(r.bytes.substr(r.at));
    if (!git_ok(repo, {"bundle", "verify", "-q", bundle.path}))
        throw DataError(fmt::format(N_("{}: the bundle inside does not verify (git bundle verify); "
                                       "nothing was changed"),
                                    shown));
    std::string listed;
    if (run_git({"bundle", "unbundle", bundle.path}, repo.root, &listed) != 0)
        throw DataError(fmt::format(N_("{}: the bundle inside is damaged (git could not read its "
                                       "objects); nothing was changed"),
                                    shown));
    return r.bundle.refs.front().first;
}

/// The files that did not merge: each named with its reasons, its marked text left in the
/// conflicts folder, the merge kept pending for --continue or --abort.
int stop_on_conflicts(const SyncRepo& repo, Pending& p, const std::vector<SettledFile>& files,
                      Context& ctx) {
    boost::system::error_code ec;
    fs::remove_all(conflicts_dir(repo), ec);
    for (const auto& f : files) {
        if (f.reasons.empty()) continue;
        for (const auto& r : f.reasons) ctx.err << say(ctx, fmt::format("{}: {}\n", f.path, r));
        const fs::path file = fs::path(conflicts_dir(repo)) / f.path;
        fs::create_directories(file.parent_path(), ec);
        atomic_write(file.string(), f.text, 0600);
        p.paths.push_back(f.path);
    }
    write_pending(repo, p);
    ctx.err << fmt::format(
        fmt::runtime(p.paths.size() == 1
                         ? "liushou: " N_("{} conflict the merge cannot settle (above); the tree "
                                          "is as before. Edit the file in {} (keep one side "
                                          "between <<<<<<< ours and >>>>>>> theirs), then liushou "
                                          "sync --continue; or liushou sync --abort") "\n"
                         : "liushou: " N_("{} conflicts the merge cannot settle (above); the tree "
                                          "is as before. Edit the files in {} (keep one side "
                                          "between <<<<<<< ours and >>>>>>> theirs), then liushou "
                                          "sync --continue; or liushou sync --abort") "\n"),
        p.paths.size(), conflicts_dir(repo));
    return kDataProblem;
}

/// Brings `p.incoming` into the tree: a fast-forward once check passes on it, else a
/// record-wise merge committed once check passes.
int merge_incoming(SyncRepo& repo, Tree& tree, WriteSession& session, Pending& p,
                   const std::vector<std::string>& bases, const std::string& shown, Context& ctx) {
    if (bases.size() == 1 && bases.front() == repo.head) {
        // Theirs holds all of ours: the branch simply moves on, once check passes.
        const SyncChange change = sync_change(repo, repo.head, p.incoming);
        const auto errors = check_change(repo, change, ctx);
        if (!errors.empty()) {
            for (const auto& line : errors) ctx.err << say(ctx, line + "\n");
            run_git({"update-ref", "-d", "refs/liushou/sync/incoming"}, repo.root);
            throw DataError(fmt::format(
                N_("{}: the records it brings would not pass check (above); nothing was changed"),
                shown));
        }
        apply_sync(repo, tree, session, change);
        run_git({"update-ref", "-d", "refs/liushou/sync/incoming"}, repo.root);
        repo.head = p.incoming;
        return kOk;
    }
    // git merges what only one side changed; this process every file both changed
    // (store/sync_merge.cpp), in git's objects only.
    const SyncMerge merge = merge_for_sync(repo, p.incoming, bases);
    p.tree = merge.tree;
    if (!merge.settled()) return stop_on_conflicts(repo, p, merge.files, ctx);
    return commit_and_apply(repo, tree, session, p, ctx, true);
}

}  // namespace

namespace sync_detail {

int run_sync_from(const SyncOptions& o, Context& ctx) {
    Tree tree = open_tree(ctx);
    WriteSession session = tree.lock();
    SyncRepo repo = open_repo(tree);
    if (const std::string done = finish_sync_apply(repo, tree, session); !done.empty())
        ctx.err << "liushou: " << done << "\n";
    if (read_pending(repo))
        throw UsageError(
            N_("a sync is waiting for its conflicts to be resolved: liushou sync --continue after "
               "editing them, or liushou sync --abort"));
    // Read, decrypted and verified before anything of the tree changes.
    const std::string& shown = o.from;
    const Scratch payload(repo.state_dir(), "in.payload");
    const Received received = open_sync_file(o.from, payload, ctx);
    const SyncHeader& header = received.header;
    // A file from before a purge would bring purged data back (#43: store/purge_history.cpp).
    const PrivacySettings privacy = read_privacy(tree.load_school().record);
    refuse_pre_purge_roots(privacy, header.roots, shown);
    const std::string incoming = unbundle(repo, received, shown);
    refuse_purged_in_bundle(repo.root, privacy, incoming, shown);
    if (!git_ok(repo, {"update-ref", "refs/liushou/sync/incoming", incoming}))
        throw IoError(fmt::format(N_("{}: git update-ref failed; nothing was changed"), repo.root));
    // Only now the tree: records written since the last commit are committed first.
    commit_written(repo, ctx);
    repo = SyncRepo::open(repo.root);
    auto record_received = [&](const std::string& result) {
        write_sync_record(repo, SyncRecord{"received",
                                           header.from,
                                           fs::path(o.from).filename().string(),
                                           header.date,
                                           incoming,
                                           {result}});
    };
    // One walk of the history for the three questions: in already, a fast-forward, a merge
    // with one base (each walk costs a tenth of a second at 10,000 children).
    const std::vector<std::string> bases = merge_bases(repo, incoming);
    if (bases.size() == 1 && bases.front() == incoming) {
        run_git({"update-ref", "-d", "refs/liushou/sync/incoming"}, repo.root);
        record_received(repo.head);
        if (!ctx.quiet)
            ctx.out << say(ctx, fmt::format(N_("already up to date with {} (from {}, {})") "\n",
                                            shown, header.from, header.date));
        return kOk;
    }
    Pending p;
    p.old_head = repo.head;
    p.incoming = incoming;
    p.from = header.from;
    p.file = fs::path(o.from).filename().string();
    const int code = merge_incoming(repo, tree, session, p, bases, shown, ctx);
    if (code != kOk) return code;
    record_received(repo.head);
    if (!ctx.quiet)
        ctx.out << say(ctx, fmt::format(N_("synced {} (from {}, {}): the tree is at {}") "\n",
                                        shown, header.from, header.date, short_id(repo.head)));
    return code;
}

/// sync --from FILE --clone DIR: a new PC's first tree, made from a whole sync file (written
/// with --full) in a folder that does not exist yet or is empty. The tree is built in a
/// hidden folder beside DIR and renamed to DIR only once check has passed on it, so a kill
/// leaves no half tree under DIR's name.
int run_sync_clone(const SyncOptions& o, Context& ctx) {
    boost::system::error_code ec;
    const fs::path dir = fs::absolute(fs::path(o.clone)).lexically_normal();
    const std::string shown = o.clone;
    if (fs::exists(fs::symlink_status(dir, ec)) &&
        !(fs::is_directory(fs::symlink_status(dir, ec)) && fs::is_empty(dir, ec)))
        throw UsageError(fmt::format(
            N_("{}: --clone: the folder exists and is not empty; give a new folder"), shown));
    const fs::path parent = dir.has_filename() && dir.filename() != "." ? dir.parent_path() : dir;
    if (!fs::is_directory(parent, ec))
        throw UsageError(fmt::format(N_("{}: --clone: no such folder"), parent.string()));
    // Beside DIR, on its filesystem: the tree made in it is renamed to DIR at the end.
    const TempDir work("." + dir.filename().string() + ".liushou-clone", parent.string());
    const std::string tree_dir = work.path() + "/tree";
    Received received;
    std::string incoming, branch;
    {
        const Scratch payload(work.path(), "in.payload");
        received = open_sync_file(o.from, payload, ctx);
        if (!received.bundle.prerequisites.empty())
            throw DataError(fmt::format(
                N_("{}: the file holds only what is new since an earlier sync; a new PC needs a "
                   "whole one: ask {} for liushou sync --to … --full. Nothing was changed"),
                o.from, received.header.from));
        incoming = received.bundle.refs.front().first;
        branch = received.bundle.refs.front().second;
        if (branch.rfind("refs/heads/", 0) != 0) branch = "refs/heads/main";
        const Scratch bundle(work.path(), "in.bundle");
        bundle.write(received.bytes.substr(received.at));
        if (run_git({"init", "-q", tree_dir}, work.path()) != 0)
            throw IoError(fmt::format(N_("{}: git init failed; nothing was made"), shown));
        std::string listed;
        if (run_git({"bundle", "verify", "-q", bundle.path}, tree_dir) != 0 ||
            run_git({"bundle", "unbundle", bundle.path}, tree_dir, &listed) != 0)
            throw DataError(fmt::format(
                N_("{}: the bundle inside does not verify (git bundle verify); nothing was made"),
                o.from));
    }
    if (run_git({"update-ref", branch, incoming}, tree_dir) != 0 ||
        run_git({"symbolic-ref", "HEAD", branch}, tree_dir) != 0 ||
        run_git({"read-tree", "-u", "--reset", "HEAD"}, tree_dir) != 0)
        throw IoError(
            fmt::format(N_("{}: git could not check the tree out; nothing was made"), shown));
    SyncRepo repo = SyncRepo::open(tree_dir);
    const auto errors = check_errors(repo, "HEAD");
    if (!errors.empty()) {
        for (const auto& line : errors) ctx.err << say(ctx, line + "\n");
        throw DataError(fmt::format(
            N_("{}: the records it brings would not pass check (above); nothing was made"),
            o.from));
    }
    install_git_integration(tree_dir, true);
    write_sync_record(repo, SyncRecord{"received",
                                       received.header.from,
                                       fs::path(o.from).filename().string(),
                                       received.header.date,
                                       incoming,
                                       {incoming}});
    if (fs::is_directory(fs::symlink_status(dir, ec))) fs::remove(dir, ec);  // empty, checked
    if (::rename(tree_dir.c_str(), dir.c_str()) != 0)
        throw IoError(fmt::format(N_("{}: cannot put the new tree in place: {}; nothing was made"),
                                  shown, std::strerror(errno)));
    if (!ctx.quiet)
        ctx.out << say(
            ctx,
            fmt::format(N_("made a new tree in {} from {} (from {}, {}): the tree is at {}") "\n",
                        shown, o.from, received.header.from, received.header.date,
                        short_id(incoming)));
    return kOk;
}

int run_sync_continue(Context& ctx) {
    Tree tree = open_tree(ctx);
    WriteSession session = tree.lock();
    SyncRepo repo = open_repo(tree);
    const auto pending = read_pending(repo);
    if (!pending) throw UsageError(N_("no sync is waiting; nothing to continue"));
    Pending p = *pending;
    if (repo.head != p.old_head)
        throw UsageError(
            N_("the tree has new commits since the sync stopped; liushou sync --abort, then sync "
               "the file again"));
    // Every file to fix, as edited: no conflict marker left, and a record that reads.
    GitCommand idx = git_command({"read-tree", p.tree}, repo.root);
    const std::string index = repo.state_dir() + "/merge.index";
    ::unlink(index.c_str());
    idx.env.push_back("GIT_INDEX_FILE=" + index);
    if (run_with(idx.argv, &idx.env) != 0)
        throw IoError(fmt::format(N_("{}: git read-tree failed; nothing was changed"), repo.root));
    int left = 0;
    for (const auto& path : p.paths) {
        const std::string file = conflicts_dir(repo) + "/" + path;
        std::string text;
        try {
            text = read_regular_file(file, file, kMaxRecordBytes);
        } catch (const Error&) {
            text.clear();
        }
        if (text.find("<<<<<<< ") != std::string::npos ||
            text.find(">>>>>>> ") != std::string::npos) {
            ctx.err << fmt::format(N_("{}: a conflict is still marked (<<<<<<< … >>>>>>>)") "\n",
                                   file);
            ++left;
            continue;
        }
        std::string blob;
        GitCommand h = git_command({"hash-object", "-w", "--no-filters", file}, repo.root);
        if (run_with(h.argv, &h.env, &blob) != 0)
            throw IoError(fmt::format(N_("{}: git hash-object failed"), file));
        while (!blob.empty() && blob.back() == '\n') blob.pop_back();
        GitCommand u = git_command(
            {"update-index", "--add", "--cacheinfo", "100644," + blob + "," + path}, repo.root);
        u.env.push_back("GIT_INDEX_FILE=" + index);
        if (run_with(u.argv, &u.env) != 0)
            throw IoError(fmt::format(N_("{}: git update-index failed"), path));
    }
    if (left > 0) {
        ::unlink(index.c_str());
        throw DataError(
            N_("resolve every conflict first (or liushou sync --abort); nothing was changed"));
    }
    GitCommand w = git_command({"write-tree"}, repo.root);
    w.env.push_back("GIT_INDEX_FILE=" + index);
    std::string tree_id;
    const int rc = run_with(w.argv, &w.env, &tree_id);
    ::unlink(index.c_str());
    if (rc != 0) throw IoError(fmt::format(N_("{}: git write-tree failed"), repo.root));
    while (!tree_id.empty() && tree_id.back() == '\n') tree_id.pop_back();
    p.tree = tree_id;
    const int code = commit_and_apply(repo, tree, session, p, ctx, false);
    if (code != kOk) return code;
    write_sync_record(
        repo, SyncRecord{"received", p.from, p.file, ctx.today.iso(), p.incoming, {repo.head}});
    if (!ctx.quiet)
        ctx.out << say(ctx, fmt::format(N_("synced {} (from {}): the tree is at {}") "\n", p.file,
                                        p.from, short_id(repo.head)));
    return kOk;
}

int run_sync_abort(Context& ctx) {
    Tree tree = open_tree(ctx);
    WriteSession session = tree.lock();
    SyncRepo repo = open_repo(tree);
    if (!read_pending(repo)) throw UsageError(N_("no sync is waiting; nothing to abort"));
    drop_pending(repo);
    if (!ctx.quiet) ctx.out << say(ctx, N_("sync aborted; the tree is as before") "\n");
    return kOk;
}

}  // namespace sync_detail

}  // namespace liushou
