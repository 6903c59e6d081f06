// The tree's lock, the temporaries a killed writer left, and the batch journal that makes a
// batch all or nothing (a command that finds one rolls it forward or removes it).
#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <pwd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/filesystem.hpp>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <thread>
#include <type_traits>

#include "cache.hpp"
#include "files.hpp"
#include "git_objects.hpp"
#include "liushou/error.hpp"
#include "liushou/i18n.hpp"
#include "liushou/store.hpp"
#include "liushou/text.hpp"
#include "tree_internal.hpp"

namespace liushou {

namespace fs = boost::filesystem;
using namespace tree_detail;

namespace {

/// The pid in `name` when it is exactly a temporary file of ours for a file we write in that
/// directory: `.liushou.yaml.tmp.PID.N`, `.staff.yaml.tmp.PID.N`, `.<id>.yaml.tmp.PID.N`.
/// Anything else (`.school.tmp.notes.txt`, `.2025-001.yaml.tmp.backup`) is not ours: 0.
long our_temporary(const std::string& name, bool in_children) {
    if (name.size() < 2 || name.front() != '.') return 0;
    const size_t mark = name.rfind(".tmp.");
    if (mark == std::string::npos || mark < 2) return 0;
    const std::string target = name.substr(1, mark - 1);
    const std::string tail = name.substr(mark + 5);  // PID.N
    const size_t dot = tail.find('.');
    if (dot == std::string::npos || dot == 0 || dot + 1 == tail.size()) return 0;
    const std::string pid = tail.substr(0, dot), n = tail.substr(dot + 1);
    if (pid.size() > 9 || pid.find_first_not_of("0123456789") != std::string::npos ||
        n.size() > 10 || n.find_first_not_of("0123456789") != std::string::npos)
        return 0;
    const bool known =
        in_children ? target.size() > 5 && target.compare(target.size() - 5, 5, ".yaml") == 0 &&
                          valid_child_id(target.substr(0, target.size() - 5))
                    : target == kSchoolFile || target == kStaffFile || target == kJournalFile ||
                          target == "children.bin" || target == "figures.bin" ||
                          target == "children.bin.delta" || target == "duties.bin" ||
                          target == "figures.bin.delta" || target == "duties.bin.delta" ||
                          target == "printed.bin" || target == "places.bin" ||
                          target == "staff.bin" || target == "git.bin";
    return known ? std::atol(pid.c_str()) : 0;
}

}  // namespace

void Tree::remove_stale_temporaries() const {
    // A writer killed between creating its temporary file and renaming it leaves
    // `.NAME.tmp.PID.N` behind. Under the lock no other writer is busy, but a process that is
    // still alive (a PID reused, a writer from an older liushou) keeps its files, and a name
    // that is not exactly ours is never touched: it may be someone's backup.
    // The cache's directory too: enroll reads the whole tree, so a killed enroll can leave
    // a half-written cache behind.
    boost::system::error_code marker_ec;
    const bool killed_writer = fs::exists(writing_marker(root_), marker_ec);
    size_t removed = 0;
    // 0: the root, 1: children/, 2: .liushou/cache, 3: .liushou (a journal being written),
    // 4: activities/ (activity add and rename write there; named like children's files).
    for (const int where : {0, 1, 2, 3, 4}) {
        const bool in_children = where == 1 || where == 4;
        if (in_children && !killed_writer) continue;
        // The cache's folder through its descriptor: never a listing through a link.
        std::optional<SafeDir> state;
        if (where >= 2) {
            try {
                state.emplace(where == 2
                                  ? cache_dir(root_, display_prefix_, false).value()
                                  : SafeDir::open(root_, kStateDir, false, false, display_prefix_));
            } catch (const Error&) {
                continue;
            } catch (const std::bad_optional_access&) {
                continue;
            }
        }
        const fs::path dir = where == 0   ? fs::path(root_)
                             : where == 1 ? fs::path(root_) / kChildrenDir
                             : where == 4 ? fs::path(root_) / kActivitiesDir
                                          : fs::path(state->path(""));
        boost::system::error_code ec;
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
            const long pid = our_temporary(it->path().filename().string(), in_children);
            if (pid <= 0) continue;
            if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
                boost::system::error_code ignored;
                if (fs::remove(it->path(), ignored) && (where < 2 || where == 4)) ++removed;
            }
        }
    }
    if (killed_writer) ::unlink(writing_marker(root_).c_str());
    // Accounted for: the write they belonged to never reached its journal, so none of it was
    // put in place.
    if (removed > 0 && options_.notice)
        options_.notice(fmt::format(
            fmt::runtime(removed == 1 ? N_("undid a write that was stopped before it was applied: "
                                           "{} temporary file removed, no record changed")
                                      : N_("undid a write that was stopped before it was applied: "
                                           "{} temporary files removed, no record changed")),
            removed));
}

UniqueFd Tree::acquire_lock() const {
    const int timeout_seconds = options_.lock_timeout;
    const std::string shown = display_prefix_.empty() ? "." : display_prefix_;
    // The lock is the tree's root directory itself, not a file in .liushou/: that directory
    // is derived data which people may delete at any time, and a lock file deleted while held
    // lets the next writer lock a new file and overwrite the holder's work.
    UniqueFd fd(::open(root_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!fd)
        throw IoError(
            fmt::format("{}: " N_("cannot open the tree to lock it: {}"), shown, errno_text()));
    const std::string children = (fs::path(root_) / kChildrenDir).string();
    if (::access(root_.c_str(), W_OK) != 0 ||
        (::access(children.c_str(), F_OK) == 0 && ::access(children.c_str(), W_OK) != 0)) {
        throw IoError(fmt::format(
            "{}: " N_("the tree is read-only for this user; nothing was written"), shown));
    }
    // flock is released by the kernel when a process dies, so a killed writer never leaves
    // the tree locked.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
    while (::flock(fd.get(), LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR) {
            const std::string why = errno_text();
            throw IoError(fmt::format("{}: " N_("cannot lock the tree: {}"), shown, why));
        }
        if (timeout_seconds <= 0) {
            // --lock-timeout 0: a script that must not wait
            throw IoError(fmt::format(N_("{}: another liushou is writing (--lock-timeout 0 does "
                                         "not wait); nothing was written"),
                                      shown));
        }
        if (std::chrono::steady_clock::now() > deadline) {
            throw IoError(
                fmt::format("{}: " N_("another liushou has been writing for {} s; try again later"),
                            shown, timeout_seconds));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return fd;
}

WriteSession Tree::lock() const {
    if (commit_)
        throw UsageError(fmt::format(
            N_("--rev {}: a commit is read, never written; run the command without --rev"),
            options_.rev));
    // This tree's shared hold on children/ is let go while the writer lock is waited for: a
    // writer holding the lock could otherwise wait for it to put its batch in place.
    if (read_lock_) ::flock(read_lock_->get(), LOCK_UN);
    UniqueFd fd = acquire_lock();
    if (read_lock_) ::flock(read_lock_->get(), LOCK_SH);
    finish_interrupted_batch();
    remove_stale_temporaries();
    // A commit after the write (--commit) must happen under the same lock, or parallel
    // writers race for git's index: the journal keeps a second handle on the same lock.
    if (const auto& journal = options_.journal; journal && !journal->lock)
        journal->lock = UniqueFd(::fcntl(fd.get(), F_DUPFD_CLOEXEC, 3));
    return WriteSession(*this, std::move(fd));
}

namespace {

/// Whether `relative` is a file a batch may write: a journal is a file in the tree, and a
/// copied tree's must not rename or remove anything else (nor leave the tree).
bool journal_target(const std::string& relative) {
    if (relative == kSchoolFile || relative == kStaffFile) return true;
    // Exactly DIR/ID.yaml, spelled as a batch writes it (no "//", no "./").
    const size_t slash = relative.find('/');
    if (slash == std::string::npos || relative.find('/', slash + 1) != std::string::npos)
        return false;
    const std::string dir = relative.substr(0, slash), name = relative.substr(slash + 1);
    return (dir == kChildrenDir || dir == kActivitiesDir) && name.size() > 5 &&
           name.compare(name.size() - 5, 5, ".yaml") == 0 &&
           valid_child_id(name.substr(0, name.size() - 5));
}

}  // namespace

std::optional<std::vector<JournalEntry>> parse_journal(const std::string& text) {
    // A NUL would end a name where the system reads it, not where it was checked.
    if (text.find('\0') != std::string::npos) return std::nullopt;
    std::vector<JournalEntry> out;
    std::istringstream in(text);
    std::string line;
    if (!std::getline(in, line) || line != kJournalMagic) return std::nullopt;
    bool ended = false;
    while (std::getline(in, line)) {
        if (ended) return std::nullopt;
        if (line == "end") {
            ended = true;
            continue;
        }
        std::vector<std::string> fields;
        for (size_t start = 0;;) {
            const size_t tab = line.find('\t', start);
            fields.push_back(line.substr(start, tab - start));
            if (tab == std::string::npos) break;
            start = tab + 1;
        }
        JournalEntry e;
        if (fields.size() == 2 && fields[0] == "remove") {
            e.remove = true;
            e.target = fields[1];
        } else if (fields.size() == 3 && fields[0] == "rename") {
            e.tmp = fields[1];
            e.target = fields[2];
            // Exactly DIR/.NAME.tmp.PID.N beside DIR/NAME.
            const size_t slash = e.target.rfind('/');
            const std::string dir = slash == std::string::npos ? "" : e.target.substr(0, slash + 1);
            const std::string prefix = dir + "." + e.target.substr(dir.size()) + ".tmp.";
            if (e.tmp.size() <= prefix.size() || e.tmp.compare(0, prefix.size(), prefix) != 0 ||
                e.tmp.find_first_not_of("0123456789.", prefix.size()) != std::string::npos)
                return std::nullopt;
        } else {
            return std::nullopt;
        }
        if (!journal_target(e.target)) return std::nullopt;
        out.push_back(std::move(e));
    }
    if (!ended) return std::nullopt;
    return out;
}

bool Tree::finish_interrupted_batch() const {
    std::optional<SafeDir> state;
    try {
        state.emplace(SafeDir::open(root_, kStateDir, false, false, display_prefix_));
    } catch (const IoError&) {
        return false;  // no .liushou/: no journal
    }
    // No journal, the usual case: said without an exception, whose first throw in a process
    // costs a one-file command about half a millisecond of unwinding tables.
    struct stat st {};
    if (::fstatat(state->fd(), kJournalFile, &st, AT_SYMLINK_NOFOLLOW) != 0 && errno == ENOENT)
        return false;
    std::string text;
    try {
        text = read_regular_file(state->path(kJournalFile), display(".liushou/journal"), 1 << 26);
    } catch (const IoError&) {
        return false;
    }
    const auto entries = parse_journal(text);
    size_t done = 0;
    std::vector<std::string> dirs;
    auto open_dir = [&](const std::string& relative) {
        const std::string dir = fs::path(relative).parent_path().string();
        if (std::find(dirs.begin(), dirs.end(), dir) == dirs.end()) dirs.push_back(dir);
        return SafeDir::open(root_, dir, false, false, display_prefix_);
    };
    if (entries) {
        // Applied: every temporary was durable before the journal was written. One not there
        // was renamed before the stop.
        for (const JournalEntry& e : *entries) {
            const SafeDir dir = open_dir(e.target);
            const std::string name = fs::path(e.target).filename().string();
            if (e.remove) {
                if (::unlinkat(dir.fd(), name.c_str(), 0) == 0) ++done;
                continue;
            }
            const std::string tmp = fs::path(e.tmp).filename().string();
            if (::renameat(dir.fd(), tmp.c_str(), dir.fd(), name.c_str()) == 0)
                ++done;
            else if (errno != ENOENT)
                throw IoError(fmt::format(
                    "{}: " N_("cannot finish the write that was stopped halfway: {} (it stays in "
                              ".liushou/journal; free the disk and run liushou again)"),
                    display(e.target), errno_text()));
        }
        for (const auto& dir : dirs) {
            const SafeDir d = SafeDir::open(root_, dir, false, false, display_prefix_);
            ::fsync(d.fd());
        }
    }
    ::unlinkat(state->fd(), kJournalFile, 0);
    // Every temporary of that writer is accounted for now: no "writing" mark to follow.
    ::unlinkat(state->fd(), "writing", 0);
    ::fsync(state->fd());
    if (options_.notice) {
        if (entries)
            options_.notice(
                fmt::format(fmt::runtime(done == 1 ? N_("finished a write that was stopped "
                                                        "halfway: {} file put in place "
                                                        "(.liushou/journal)")
                                                   : N_("finished a write that was stopped "
                                                        "halfway: {} files put in place "
                                                        "(.liushou/journal)")),
                            done));
        else
            options_.notice(
                N_(".liushou/journal: not a whole journal of liushou's; removed, no file changed"));
    }
    return true;
}

}  // namespace liushou
