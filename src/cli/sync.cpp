// liushou key and liushou sync (#42): records travel between PCs with no server as one file
// on a USB stick, a git bundle of the tree's branch encrypted with age to every PC the school
// recorded (liushou.yaml: sync.recipients, public keys only). See man liushou-sync(1), whose
// threat model these files keep: nothing of the records leaves the PC unencrypted (unless
// --plain), a file that was changed or cut short is refused whole, and a sync killed at any
// point leaves the tree as it was or fully synced.
//
// This file: what sending and receiving share, sync --to and sync --status.
#include <sys/stat.h>

#include <algorithm>
#include <boost/filesystem.hpp>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "liushou/i18n.hpp"
#include "sync_parts.hpp"

namespace liushou {

namespace fs = boost::filesystem;

namespace sync_detail {

std::string self_executable() {
    std::string path(4096, '\0');
    const ssize_t n = ::readlink("/proc/self/exe", path.data(), path.size());
    if (n <= 0) return "liushou";
    path.resize(static_cast<size_t>(n));
    return path;
}

std::string short_id(const std::string& oid) {
    return oid.substr(0, 12);
}

/// This PC's name: the recipient whose key is this PC's, else the host's name.
std::string pc_name(const std::vector<Recipient>& recipients) {
    const std::string mine = public_key(key_path());
    for (const auto& r : recipients)
        if (!mine.empty() && r.key == mine) return r.name;
    char host[256] = {0};
    if (::gethostname(host, sizeof host - 1) == 0 && host[0]) return host;
    return "pc";
}

/// A name as part of a file name: anything but letters, digits, CJK and . _ - becomes _.
std::string file_word(const std::string& s) {
    std::string out;
    for (const unsigned char c : s)
        out += (std::isalnum(c) || c >= 0x80 || c == '.' || c == '_' || c == '-') ? char(c) : '_';
    return out.empty() ? "pc" : out;
}

/// Commits the records written since the last commit (commands run without --commit), so
/// that what is sent, and what is merged into, is the tree as it stands.
void commit_written(const SyncRepo& repo, Context& ctx) {
    // One git status for both questions: at a school of 10,000 children each costs a second.
    std::string status;
    if (run_git({"status", "--porcelain", "-z", "--no-renames", "--untracked-files=all"}, repo.root,
                &status) != 0)
        throw IoError(fmt::format("{}: git status failed; nothing was synced", repo.root));
    auto is_record = [](const std::string& path) {
        return path == "liushou.yaml" || path == "staff.yaml" || path.rfind("children/", 0) == 0 ||
               path.rfind("activities/", 0) == 0;
    };
    bool records = false, others = false;
    for (size_t at = 0; at + 3 < status.size();) {  // "XY path\0"
        const size_t end = std::min(status.find('\0', at), status.size());
        const std::string code = status.substr(at, 2), path = status.substr(at + 3, end - at - 3);
        at = end + 1;
        if (is_record(path))
            records = true;
        else if (code != "??")
            others = true;
    }
    // Anything else changed by hand in tracked files would be mixed into a merge: refused
    // before anything is committed.
    if (others)
        throw UsageError(fmt::format(
            N_("{}: files outside the records have changes not committed (git status lists them); "
               "commit or undo them first; nothing was synced"),
            repo.root));
    if (!records) return;
    std::string said;
    // Only paths that exist on disk or in git's index: git refuses a pathspec matching
    // nothing (a tree with no activities/ yet).
    std::vector<std::string> add = {"add", "-A", "--"};
    for (const char* p : {"liushou.yaml", "staff.yaml", "children", "activities"}) {
        std::string listed;
        boost::system::error_code ec;
        if (fs::exists(fs::path(repo.root) / p, ec) ||
            (run_git({"ls-files", "--", p}, repo.root, &listed) == 0 && !listed.empty()))
            add.push_back(p);
    }
    if (run_git(add, repo.root) != 0 ||
        run_git({"commit", "-q", "-m", "records written before a sync"}, repo.root, &said, true) !=
            0)
        throw DataError(fmt::format(
            N_("{}: the records written since the last commit could not be committed (git "
               "commit failed; liushou check names any problem); nothing was synced"),
            repo.root));
    if (!ctx.quiet)
        ctx.err << "liushou: " N_("committed the records written since the last commit") "\n";
}

/// Who the commit is by when git knows no name (a PC nobody set git up on).
void identity_env(const SyncRepo& repo, std::vector<std::string>& env) {
    if (run_git({"var", "GIT_COMMITTER_IDENT"}, repo.root) == 0) return;
    for (const char* v : {"GIT_AUTHOR_NAME=liushou", "GIT_AUTHOR_EMAIL=liushou@localhost",
                          "GIT_COMMITTER_NAME=liushou", "GIT_COMMITTER_EMAIL=liushou@localhost"})
        env.push_back(v);
}

std::string read_state_file(const std::string& path) {
    try {
        return read_regular_file(path, path, 1 << 20);
    } catch (const Error&) {
        return "";
    }
}

std::string pending_path(const SyncRepo& repo) {
    return repo.state_dir() + "/pending";
}
std::string conflicts_dir(const SyncRepo& repo) {
    return repo.state_dir() + "/conflicts";
}

std::optional<Pending> read_pending(const SyncRepo& repo) {
    const std::string text = read_state_file(pending_path(repo));
    if (text.empty()) return std::nullopt;
    Pending p;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        const size_t tab = line.find('\t');
        if (tab == std::string::npos) continue;
        const std::string key = line.substr(0, tab), value = line.substr(tab + 1);
        if (key == "old") p.old_head = value;
        if (key == "incoming") p.incoming = value;
        if (key == "tree") p.tree = value;
        if (key == "from") p.from = value;
        if (key == "file") p.file = value;
        if (key == "path") p.paths.push_back(value);
    }
    return p;
}

void write_pending(const SyncRepo& repo, const Pending& p) {
    std::string text = "old\t" + p.old_head + "\nincoming\t" + p.incoming + "\ntree\t" + p.tree +
                       "\nfrom\t" + p.from + "\nfile\t" + p.file + "\n";
    for (const auto& f : p.paths) text += "path\t" + f + "\n";
    atomic_write(pending_path(repo), text, 0600);
}

void drop_pending(const SyncRepo& repo) {
    boost::system::error_code ec;
    fs::remove_all(conflicts_dir(repo), ec);
    ::unlink(pending_path(repo).c_str());
    run_git({"update-ref", "-d", "refs/liushou/sync/incoming"}, repo.root);
}

/// check, run on commit `rev` as this executable: its error lines (with the file named first).
std::vector<std::string> check_errors(const SyncRepo& repo, const std::string& rev) {
    std::vector<std::string> args = {
        self_executable(), "--root", repo.root, "--rev", rev,
        "--lang",          "en",     "check",   "-q",    "--allow-incomplete"};
    std::string out;
    run_program(args, &out, true);
    std::vector<std::string> errors;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);)
        if (line.find(": error: ") != std::string::npos) errors.push_back(line);
    return errors;
}

std::vector<std::string> check_change(const SyncRepo& repo, const SyncChange& change,
                                      const Context& ctx) {
    TreeOptions options = tree_options(ctx, repo.root);
    options.rev.clear();
    options.progress = nullptr;
    options.overlay = change.records;
    // Opened beside the session's tree, without its shared read lock (the batch that follows
    // takes that lock exclusive); gone before anything is written.
    Tree merged(repo.root, options);
    merged.set_display_prefix(repo.root + "/");  // as check --rev named the files
    return check_error_lines(merged, ctx);
}

SyncRepo open_repo(const Tree& tree) {
    return SyncRepo::open(tree.root());
}

/// Runs age with an argument vector (never a shell), its input and output files given.
int run_age(const std::vector<std::string>& args, const std::string& input,
            const std::string& output, std::string& errors) {
    const int rc = run_program_files(args, nullptr, input, output, &errors);
    if (rc < 0) throw UsageError(N_("age is not installed (apt install age); nothing was done"));
    return rc;
}

}  // namespace sync_detail

using namespace sync_detail;

namespace {

int run_sync_to(const SyncOptions& o, Context& ctx) {
    Tree tree = open_tree(ctx);
    WriteSession session = tree.lock();
    SyncRepo repo = open_repo(tree);
    if (const std::string done = finish_sync_apply(repo, tree, session); !done.empty())
        ctx.err << "liushou: " << done << "\n";
    const auto school = tree.load_school();
    require_writable(school, ctx);
    std::vector<std::string> problems;
    const auto recipients = recipients_of(school.record, &problems);
    if (!problems.empty()) {
        for (const auto& p : problems) ctx.err << fmt::format("{}: {}\n", school.path, p);
        throw DataError("fix liushou.yaml's sync section first; nothing was written");
    }
    if (recipients.empty() && !o.plain)
        throw UsageError(
            N_("liushou.yaml names no recipient, so the file could be read by anyone who finds "
               "it: liushou key add NAME AGE1… for every PC of the school (--plain writes it "
               "unencrypted)"));
    commit_written(repo, ctx);
    repo = SyncRepo::open(repo.root);
    if (repo.head.empty())
        throw UsageError(
            fmt::format(N_("{}: nothing is committed yet; nothing to sync"), repo.root));
    const auto roots = repo.roots();
    const std::string pc = pc_name(recipients);
    // Where: a folder gets <school>-<date>-<PC>.liushou, the school named by its id (the
    // name of a file is the one thing a lost stick shows).
    boost::system::error_code ec;
    fs::path dest(o.to);
    std::string name;
    if (fs::is_directory(dest, ec)) {
        name = fmt::format("{}-{}-{}.liushou", short_id(roots.front()), ctx.today.iso(),
                           file_word(pc));
        dest /= name;
    } else {
        name = dest.filename().string();
        if (!fs::is_directory(dest.parent_path().empty() ? fs::path(".") : dest.parent_path(), ec))
            throw UsageError(fmt::format(N_("{}: no such folder"), dest.parent_path().string()));
        if (fs::is_symlink(dest, ec) || (fs::exists(dest, ec) && !fs::is_regular_file(dest, ec)))
            throw UsageError(fmt::format(N_("{}: not a file liushou may replace"), dest.string()));
    }
    const fs::path folder = fs::weakly_canonical(fs::absolute(dest).parent_path(), ec);
    // Incremental: the commits the last file written to this folder already carried are left
    // out; when that very file is replaced (twice in a day), what it left out is.
    std::vector<std::string> basis;
    if (!o.full)
        for (const auto& r : read_sync_state(repo))
            if (r.kind == "sent" && r.where == folder.string())
                basis = r.file == name ? r.basis : std::vector<std::string>{r.head};
    basis.erase(std::remove_if(basis.begin(), basis.end(),
                               [&](const std::string& b) {
                                   return !git_ok(repo, {"merge-base", "--is-ancestor", b, "HEAD"});
                               }),
                basis.end());
    if (std::find(basis.begin(), basis.end(), repo.head) != basis.end()) {
        if (!ctx.quiet)
            ctx.out << say(ctx, fmt::format(N_("nothing new since the last sync to {}; nothing "
                                               "written (--full writes the whole history)") "\n",
                                            folder.string()));
        return kOk;
    }
    Scratch bundle(repo.state_dir(), "out.bundle");
    std::vector<std::string> args = {"bundle", "create", "-q", bundle.path, repo.branch};
    for (const auto& b : basis) args.push_back("^" + b);
    std::string said;
    if (run_git(args, repo.root, &said, true) != 0)
        throw IoError(
            fmt::format(N_("{}: git bundle create failed; nothing was written"), repo.root));
    SyncHeader header{roots.front(), roots, pc, ctx.today.iso(), repo.head};
    Scratch payload(repo.state_dir(), "out.payload");
    payload.write(encode_sync_header(header) + read_file(bundle.path, bundle.path));
    // The file appears whole or not at all: a temporary beside it, then a rename.
    const fs::path tmp = dest.parent_path() / ("." + name + ".tmp");
    fs::remove(tmp, ec);
    {
        const int fd =
            ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (fd < 0)
            throw IoError(fmt::format(N_("{}: cannot write there"), tmp.parent_path().string()));
        ::close(fd);
    }
    struct RemoveTmp {
        fs::path p;
        ~RemoveTmp() {
            boost::system::error_code e;
            fs::remove(p, e);
        }
    } remove_tmp{tmp};
    if (o.plain) {
        atomic_write(tmp.string(), read_file(payload.path, payload.path), 0600);
    } else {
        std::vector<std::string> age = {"age", "--encrypt"};
        for (const auto& r : recipients) {
            age.push_back("-r");
            age.push_back(r.key);
        }
        std::string errors;
        if (run_age(age, payload.path, tmp.string(), errors) != 0)
            throw IoError(
                fmt::format(N_("{}: age could not encrypt; nothing was written"), tmp.string()));
    }
    {
        const int fd = ::open(tmp.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd >= 0) {
            ::fsync(fd);
            ::close(fd);
        }
    }
    if (::rename(tmp.c_str(), dest.c_str()) != 0)
        throw IoError(
            fmt::format("{}: " N_("cannot write: {}"), dest.string(), std::strerror(errno)));
    const int dfd = ::open(dest.parent_path().empty() ? "." : dest.parent_path().c_str(),
                           O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    write_sync_record(repo,
                      SyncRecord{"sent", folder.string(), name, ctx.today.iso(), repo.head, basis});
    if (o.plain)
        ctx.err << "liushou: " N_(
            "warning: the file is not encrypted: anyone who finds it can read every record "
            "in it") "\n";
    if (!ctx.quiet) {
        const uintmax_t size = fs::file_size(dest, ec);
        const std::string how =
            basis.empty() ? std::string(N_("the whole history"))
                          : fmt::format(N_("the commits since {}"), short_id(basis.front()));
        ctx.out << say(
            ctx,
            fmt::format(N_("wrote {} ({} bytes, {}, {})") "\n", dest.string(), size, how,
                        o.plain ? std::string(N_("not encrypted"))
                                : fmt::format(fmt::runtime(recipients.size() == 1
                                                               ? N_("encrypted to {} recipient")
                                                               : N_("encrypted to {} recipients")),
                                              recipients.size())));
    }
    return kOk;
}

int run_sync_status(Context& ctx) {
    const Tree tree = open_tree(ctx);
    const SyncRepo repo = open_repo(tree);
    const auto records = read_sync_state(repo);
    if (records.empty() && !ctx.quiet)
        ctx.out << say(ctx, N_("no sync yet: liushou sync --to FOLDER writes a file") "\n");
    for (const auto& r : records) {
        if (r.kind == "sent")
            ctx.out << say(
                ctx, fmt::format(N_("sent to {}: {} on {} ({}, {})") "\n", r.where, r.file, r.date,
                                 short_id(r.head),
                                 r.basis.empty() ? std::string(N_("the whole history"))
                                                 : "since " + short_id(r.basis.front())));
        else
            ctx.out << say(ctx, fmt::format(N_("received from {}: {} of {} ({})") "\n", r.where,
                                            r.file, r.date, short_id(r.head)));
    }
    if (const auto p = read_pending(repo))
        ctx.out << say(
            ctx, fmt::format(
                     fmt::runtime(p->paths.size() == 1
                                      ? N_("waiting: {} from {}, {} file to resolve in {}") "\n"
                                      : N_("waiting: {} from {}, {} files to resolve in {}") "\n"),
                     p->file, p->from, p->paths.size(), conflicts_dir(repo)));
    return kOk;
}

}  // namespace

void setup_sync(CLI::App& cmd, Runner& run) {
    auto o = std::make_shared<SyncOptions>();
    auto* to = cmd.add_option("--to", o->to,
                              N_("Write the tree's history, encrypted, to this file or folder (a "
                                 "USB stick)"))
                   ->type_name("PATH");
    auto* from =
        cmd.add_option("--from", o->from, N_("Merge a file written by sync --to on another PC"))
            ->type_name("FILE");
    auto* status = cmd.add_flag("--status", o->status,
                                N_("What was last sent and received, per "
                                   "folder and PC"));
    auto* resume = cmd.add_flag("--continue", o->resume,
                                N_("Finish a sync stopped by conflicts, once they are edited"));
    auto* abort = cmd.add_flag("--abort", o->abort, N_("Drop a sync stopped by conflicts"));
    cmd.add_option("--clone", o->clone,
                   N_("With --from: make a new tree in this folder (new or empty) from a whole "
                      "file, as on a new PC"))
        ->type_name("DIR")
        ->needs(from);
    cmd.add_flag("--full", o->full, N_("With --to: the whole history, not only what is new"))
        ->needs(to);
    cmd.add_flag("--plain", o->plain,
                 N_("With --to: write the file unencrypted (a warning says so)"))
        ->needs(to);
    for (auto* a : {to, from, status, resume, abort})
        for (auto* b : {to, from, status, resume, abort})
            if (a != b) a->excludes(b);
    cmd.callback([o, &run] {
        run = [o](Context& ctx) {
            if (!o->to.empty()) return run_sync_to(*o, ctx);
            if (!o->from.empty() && !o->clone.empty()) return run_sync_clone(*o, ctx);
            if (!o->from.empty()) return run_sync_from(*o, ctx);
            if (o->resume) return run_sync_continue(ctx);
            if (o->abort) return run_sync_abort(ctx);
            if (o->status) return run_sync_status(ctx);
            throw UsageError(N_("give --to PATH, --from FILE, --status, --continue or --abort"));
        };
    });
}

}  // namespace liushou
