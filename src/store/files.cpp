// Reading and writing single files: the limits on what is read, and the one atomic write
// (temporary file, fsync, rename, directory fsync) behind every file liushou writes.
#include "files.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/filesystem.hpp>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <map>
#include <system_error>

#include "liushou/error.hpp"
#include "liushou/i18n.hpp"

namespace liushou {

namespace fs = boost::filesystem;

std::string errno_text() {
    return std::strerror(errno);
}

void UniqueFd::reset(int fd) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
}

TempDir::TempDir(const std::string& prefix, const std::string& parent) {
    std::string made =
        ((parent.empty() ? fs::temp_directory_path() : fs::path(parent)) / (prefix + "-XXXXXX"))
            .string();
    if (!::mkdtemp(made.data())) {  // mkdtemp makes it 0700
        if (parent.empty())
            throw IoError(fmt::format(N_("cannot make a temporary folder: {}"), errno_text()));
        throw IoError(fmt::format(N_("{}: cannot make a folder: {}"), parent, errno_text()));
    }
    path_ = std::move(made);
}

TempDir::~TempDir() {
    boost::system::error_code ec;
    fs::remove_all(path_, ec);
}

namespace {

std::string read_fd(UniqueFd fd, const std::string& display, uint64_t limit, uint64_t size = 0) {
    std::string out;
    // A regular file's size, when known, is reserved at once: growing the string copied a
    // 10 MB file's bytes several times over.
    if (size > 0) out.reserve(static_cast<size_t>(std::min(size, limit)) + 1);
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw IoError(fmt::format("{}: " N_("cannot read: {}"), display, errno_text()));
        }
        if (n == 0) break;
        out.append(buffer, static_cast<size_t>(n));
        // A pipe, a device or a file still growing has no size to check first: the limit
        // holds for what is actually read (`--from-csv /dev/zero` must not eat the memory).
        if (out.size() > limit)
            throw DataError(fmt::format("{}: " N_("more than the limit of {} MiB; refused"),
                                        display, limit >> 20));
    }
    return out;
}

}  // namespace

std::string read_file(const std::string& path, const std::string& display, uint64_t limit) {
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd) throw IoError(fmt::format("{}: " N_("cannot read: {}"), display, errno_text()));
    struct stat st {};
    if (::fstat(fd.get(), &st) == 0 && S_ISDIR(st.st_mode))
        throw IoError(fmt::format("{}: " N_("cannot read: it is a directory"), display));
    if (::fstat(fd.get(), &st) == 0 && S_ISREG(st.st_mode) &&
        static_cast<uint64_t>(st.st_size) > limit)
        throw DataError(fmt::format("{}: the file is {:.1f} MB, more than the limit of {} MiB",
                                    display, static_cast<double>(st.st_size) / 1e6, limit >> 20));
    return read_fd(std::move(fd), display, limit,
                   S_ISREG(st.st_mode) ? static_cast<uint64_t>(st.st_size) : 0);
}

std::string read_regular_file(const std::string& path, const std::string& display, uint64_t limit) {
    // O_NONBLOCK: a FIFO swapped in after the caller's lstat must not hang the command.
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
    if (!fd) throw IoError(fmt::format("{}: " N_("cannot read: {}"), display, errno_text()));
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode))
        throw DataError(fmt::format("{}: " N_("not a regular file; refused"), display));
    if (static_cast<uint64_t>(st.st_size) > limit)
        throw DataError(fmt::format("{}: the file is {:.1f} MB, more than the limit of {} MiB",
                                    display, static_cast<double>(st.st_size) / 1e6, limit >> 20));
    return read_fd(std::move(fd), display, limit, static_cast<uint64_t>(st.st_size));
}

namespace {

/// The process's umask, read once (umask() can only be read by setting it; this runs before
/// any thread writes a file, in the first write).
mode_t process_umask() {
    static const mode_t mask = [] {
        const mode_t m = ::umask(077);
        ::umask(m);
        return m;
    }();
    return mask;
}

}  // namespace

std::string temporary_beside(const std::string& path) {
    static std::atomic<unsigned> counter{0};
    const fs::path target(path);
    return (directory_of(path) /
            fmt::format(".{}.tmp.{}.{}", target.filename().string(), ::getpid(), counter++))
        .string();
}

StagedFile stage_file(const std::string& path, const std::string& content, int mode,
                      FileSink& files, bool flush) {
    files.begin_file();
    struct stat st {};
    const bool existed = ::stat(path.c_str(), &st) == 0;
    const char* outcome = existed ? N_("the file is unchanged") : N_("nothing was written");
    if (existed) {
        // Unchanged content is not written at all: no new mtime, no churn for git. (A file
        // whose mode is looser than asked is rewritten all the same, to tighten it.)
        if (static_cast<size_t>(st.st_size) == content.size() &&
            static_cast<int>(st.st_mode & 07777) == mode) {
            try {
                if (read_regular_file(path, path, kMaxRecordBytes * 64) == content)
                    return {"", true};
            } catch (const Error&) {
            }
        }
        // The mode is always the one asked for, never the old file's: a clone checks children's
        // files out 0644, and a rewrite makes them 0600 again.
    }
    const fs::path dir = directory_of(path);
    const std::string tmp = temporary_beside(path);
    const int fd = files.create(tmp, mode);
    if (fd < 0) throw IoError(fmt::format("{}: " N_("cannot write: {}"), path, errno_text()));
    auto fail = [&](const char* what) {
        const std::string why = errno_text();
        ::close(fd);
        ::unlink(tmp.c_str());
        throw IoError(fmt::format("{}: {} failed: {} ({})", path, what, why, outcome));
    };
    // Root writing in a user's tree: the file stays the user's (a root:root 0600 record
    // would stop the owner's own liushou from reading it).
    if (const auto owner = owner_for_root(dir.string());
        owner && ::fchown(fd, owner->uid, owner->gid) != 0)
        fail("chown");
    size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = files.write(fd, content.data() + done, content.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("write");
        }
        done += static_cast<size_t>(n);
    }
    // open() gave the mode less the umask: a chmod only when the umask took something away.
    if ((static_cast<mode_t>(mode) & process_umask()) != 0 &&
        ::fchmod(fd, static_cast<mode_t>(mode)) != 0)
        fail("chmod");
    // A batch flushes once for all its files (syncfs). Starting each file's write-back here
    // (sync_file_range) was measured slower: it competes with the next files' creation.
    if (flush && files.fsync(fd) != 0) fail("fsync");
    if (::close(fd) != 0) {
        ::unlink(tmp.c_str());
        throw IoError(fmt::format("{}: " N_("close failed: {}"), path, errno_text()));
    }
    return {tmp, existed};
}

void rename_staged(const std::string& tmp, const std::string& path, FileSink& files, bool existed,
                   bool journaled) {
    if (files.rename(tmp, path) != 0) {
        const std::string why = errno_text();
        // A journaled batch keeps it: the next command puts it in place.
        if (journaled)
            throw IoError(fmt::format("{}: " N_("rename failed: {} (the next liushou command "
                                                "finishes the write from .liushou/journal)"),
                                      path, why));
        ::unlink(tmp.c_str());
        throw IoError(
            fmt::format("{}: " N_("rename failed: {} ({})"), path, why,
                        existed ? N_("the file is unchanged") : N_("nothing was written")));
    }
}

bool write_atomically(const std::string& path, const std::string& content, int mode,
                      FileSink& files) {
    const StagedFile staged = stage_file(path, content, mode, files, true);
    if (staged.tmp.empty()) return false;
    rename_staged(staged.tmp, path, files, staged.existed);
    // The rename is durable only once the directory entry is on disk.
    sync_directory(directory_of(path));
    return true;
}

void flush_ahead(std::future<void>& running, size_t files, const std::string& dir) {
    if (files % kFlushAheadFiles != 0) return;
    if (running.valid() && running.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return;
    try {
        running = std::async(std::launch::async, [dir] { sync_filesystem(dir); });
    } catch (const std::system_error&) {
        // No thread to be had: the writing starts at the final flush, as it did before.
    }
}

BatchWrite::~BatchWrite() {
    if (early_flush_.valid()) early_flush_.wait();  // before its files go
    for (const auto& f : pending_) ::unlink(f.tmp.c_str());
}

bool BatchWrite::stage(const std::string& path, const std::string& content, int mode,
                       std::string relative) {
    StagedFile staged = stage_file(path, content, mode, files_, false);
    if (staged.tmp.empty()) return false;
    pending_.push_back(Staged{std::move(staged.tmp), path, std::move(relative), staged.existed});
    flush_ahead(early_flush_, pending_.size(), directory_of(path).string());
    return true;
}

void BatchWrite::remove(const std::string& path, std::string relative) {
    removals_.push_back(Removal{path, std::move(relative)});
}

std::vector<std::string> BatchWrite::flush(const BeforeRenames& before_renames) {
    std::vector<std::string> renamed;
    if (early_flush_.valid()) early_flush_.wait();
    if (pending_.empty() && removals_.empty()) return renamed;
    // Every temporary durable at once: before that, a crash leaves the old files and some
    // stray temporaries, which the next writer removes.
    std::vector<std::string> tmps;
    for (const auto& f : pending_) tmps.push_back(f.tmp);
    if (const auto failed = files_.sync_batch(tmps)) {
        const Staged& f = pending_[*failed];
        const std::string why = errno_text();
        throw IoError(
            fmt::format("{}: fsync failed: {} ({})", f.path, why,
                        f.existed ? N_("the file is unchanged") : N_("nothing was written")));
    }
    // From the journal on, the batch is applied: whatever stops the renames, the next
    // command finishes them.
    if (before_renames) before_renames(pending_, removals_);
    // Then the renames, in the order written; each file is old or new whatever happens.
    std::vector<fs::path> dirs;
    try {
        for (size_t i = 0; i < pending_.size(); ++i) {
            const Staged& f = pending_[i];
            rename_staged(f.tmp, f.path, files_, f.existed, static_cast<bool>(before_renames));
            renamed.push_back(f.relative);
            const fs::path dir = directory_of(f.path);
            if (std::find(dirs.begin(), dirs.end(), dir) == dirs.end()) dirs.push_back(dir);
        }
        for (const Removal& r : removals_) {
            if (::unlink(r.path.c_str()) != 0 && errno != ENOENT)
                throw IoError(fmt::format("{}: " N_("cannot remove: {}"), r.path, errno_text()));
            renamed.push_back(r.relative);
            const fs::path dir = directory_of(r.path);
            if (std::find(dirs.begin(), dirs.end(), dir) == dirs.end()) dirs.push_back(dir);
        }
    } catch (const IoError& e) {
        // With a journal, the temporaries not yet renamed stay for the next command to put in
        // place; without one (a plain batch), they go and those files stay as they were.
        if (!before_renames)
            for (size_t i = renamed.size() + 1; i < pending_.size(); ++i)
                ::unlink(pending_[i].tmp.c_str());
        pending_.clear();
        removals_.clear();
        for (const auto& dir : dirs) sync_directory(dir);
        throw RenameError(e.what(), std::move(renamed));
    }
    pending_.clear();
    removals_.clear();
    for (const auto& dir : dirs) sync_directory(dir);
    return renamed;
}

bool atomic_write(const std::string& path, const std::string& content, int mode) {
    return write_atomically(path, content, mode);
}

void write_and_close(int fd, const std::string& path, const std::string& content) {
    for (size_t done = 0; done < content.size();) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const std::string why = errno_text();
            ::close(fd);
            throw IoError(fmt::format("{}: " N_("write failed: {}"), path, why));
        }
        done += static_cast<size_t>(n);
    }
    if (::close(fd) != 0)
        throw IoError(fmt::format("{}: " N_("close failed: {}"), path, errno_text()));
}

namespace {

/// Refuses an output placed in a tree through a link in it: a copied tree's `reports ->
/// /elsewhere` must not take `-o reports/summary.md` out of the tree. The folders of `path`
/// are looked at from the top; once one of them holds a liushou.yaml, none below it may be a
/// link. (Links above a tree, such as a home on another disk, are the user's own.)
void refuse_link_in_tree(const std::string& path, const std::string& shown) {
    boost::system::error_code ec;
    const fs::path abs = fs::absolute(path, ec).lexically_normal();
    if (ec) return;
    fs::path prefix, tree;
    for (const auto& part : abs.parent_path()) {
        prefix /= part;
        struct stat st {};
        if (::lstat(prefix.c_str(), &st) != 0) return;  // made below: nothing there to follow
        if (S_ISLNK(st.st_mode) && !tree.empty())
            throw UsageError(fmt::format(
                N_("-o {}: {} in the tree is a symbolic link; liushou never writes through a link "
                   "in a tree (name a folder outside the tree, or the real one)"),
                shown, prefix.lexically_relative(tree).string()));
        if (tree.empty() && S_ISDIR(st.st_mode) &&
            ::lstat((prefix / "liushou.yaml").c_str(), &st) == 0)
            tree = prefix;
    }
}

/// -o PATH's folder, when it names one, must exist and be a folder.
void refuse_missing_parent(const std::string& path) {
    const fs::path parent = fs::path(path).parent_path();
    if (parent.empty()) return;
    struct stat st {};
    if (::stat(parent.c_str(), &st) != 0)
        throw UsageError(fmt::format(N_("-o {}: no folder {}; make it first (mkdir -p {})"), path,
                                     parent.string(), parent.string()));
    if (!S_ISDIR(st.st_mode))
        throw UsageError(fmt::format(N_("-o {}: {} is not a folder"), path, parent.string()));
}

/// write_output's checks of what `path` is; true when it was a pipe or terminal, written
/// through (nothing left to do).
bool written_through(const std::string& path, const std::string& content) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0) {
        if (S_ISLNK(st.st_mode))
            throw UsageError(fmt::format(N_("-o {}: a symbolic link; liushou does not replace it "
                                            "(name a file, or use -o - for standard output)"),
                                         path));
        if (S_ISDIR(st.st_mode))
            throw UsageError(fmt::format(N_("-o {}: a directory; name a file in it"), path));
        if (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)) {
            // A pipe or a terminal is written through, never replaced by a file.
            const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOFOLLOW);
            if (fd < 0)
                throw IoError(fmt::format("{}: " N_("cannot write: {}"), path, errno_text()));
            write_and_close(fd, path, content);
            return true;
        }
        if (!S_ISREG(st.st_mode))
            throw UsageError(
                fmt::format(N_("-o {}: not a regular file; liushou does not replace it"), path));
    }
    refuse_link_in_tree(path, path);
    // A folder -o names must be there: a mistyped one is said, not made (as git and hledger
    // do); -o ./x.md and -o ../x.md name folders that are.
    refuse_missing_parent(path);
    return false;
}

}  // namespace

void write_output(const std::string& path, const std::string& content) {
    if (!written_through(path, content)) write_atomically(path, content, 0600);
}

namespace {

/// What runs stopped halfway left in `parent` (their cards hold names and phone numbers): a
/// directory of ours named `prefix`PID.N whose process is gone.
void remove_dead_runs(const fs::path& parent, const std::string& prefix) {
    boost::system::error_code ec;
    for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.compare(0, prefix.size(), prefix) != 0) continue;
        const std::string rest = name.substr(prefix.size());  // PID.N
        const size_t dot = rest.find('.');
        if (dot == 0 || dot == std::string::npos ||
            rest.find_first_not_of("0123456789.") != std::string::npos)
            continue;
        const long pid = std::strtol(rest.substr(0, dot).c_str(), nullptr, 10);
        struct stat left {};
        const bool ours = ::lstat(it->path().string().c_str(), &left) == 0 &&
                          S_ISDIR(left.st_mode) && left.st_uid == ::geteuid();
        const bool gone = pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
        if (ours && gone) {
            boost::system::error_code removed;
            fs::remove_all(it->path(), removed);
        }
    }
}

}  // namespace

OutputDirectory::OutputDirectory(const std::string& dir) : dir_(dir) {
    while (dir_.size() > 1 && dir_.back() == '/') dir_.pop_back();
    refuse_link_in_tree(dir_, dir);  // the folders above it; itself just below
    struct stat st {};
    if (::lstat(dir_.c_str(), &st) == 0) {
        if (S_ISLNK(st.st_mode))
            throw UsageError(
                fmt::format(N_("-o {}: a symbolic link; name the directory itself"), dir));
        if (!S_ISDIR(st.st_mode))
            throw UsageError(fmt::format(N_("-o {}: a file, not a directory; name a directory for "
                                            "the cards (or FILE.html for one page)"),
                                         dir));
        ::chmod(dir_.c_str(), 0700);
        batch_ = std::make_unique<BatchWrite>();
        return;
    }
    const fs::path target(dir_);
    const fs::path parent = directory_of(dir_);
    refuse_missing_parent(dir_);  // the folder it goes in is there; itself is made
    const std::string prefix = "." + target.filename().string() + ".tmp.";
    remove_dead_runs(parent, prefix);
    static std::atomic<unsigned> counter{0};
    const std::string staging =
        (parent / fmt::format("{}{}.{}", prefix, ::getpid(), counter++)).string();
    if (::mkdir(staging.c_str(), 0700) != 0)
        throw IoError(fmt::format("{}: " N_("cannot create: {}"), dir, errno_text()));
    staging_ = staging;
    ::chmod(staging_.c_str(), 0700);  // whatever the umask took away
}

OutputDirectory::~OutputDirectory() {
    if (early_flush_.valid()) early_flush_.wait();
    if (staging_.empty()) return;  // finished, or writing into DIR (BatchWrite cleans up)
    boost::system::error_code ec;
    fs::remove_all(staging_, ec);
}

void OutputDirectory::write(const std::string& name, const std::string& content) {
    const std::string path = dir_ + "/" + name;
    if (batch_) {
        if (!written_through(path, content)) batch_->stage(path, content, 0600, path);
        return;
    }
    // A directory only this process knows: no temporary and no rename per file.
    const std::string staged = staging_ + "/" + name;
    const int fd =
        ::open(staged.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) throw IoError(fmt::format("{}: " N_("cannot write: {}"), path, errno_text()));
    if ((0600 & process_umask()) != 0) ::fchmod(fd, 0600);
    names_.push_back(name);
    write_and_close(fd, path, content);
    // At 50,000 cards the flush in finish() waited a second for 400 MB before this.
    flush_ahead(early_flush_, names_.size(), staging_);
}

void OutputDirectory::finish() {
    if (batch_) {
        batch_->flush();
        return;
    }
    if (early_flush_.valid()) early_flush_.wait();
    // Every file durable, then the directory's entries, then its name.
    if (!sync_filesystem(staging_))
        for (const auto& name : names_) fsync_file(staging_ + "/" + name);
    sync_directory(staging_);
    if (::rename(staging_.c_str(), dir_.c_str()) != 0) {
        if (errno != EEXIST && errno != ENOTEMPTY && errno != EISDIR)
            throw IoError(fmt::format("{}: " N_("cannot create: {}"), dir_, errno_text()));
        // Another run made DIR meanwhile: each file takes the place of its own there.
        struct stat st {};
        if (::lstat(dir_.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
            throw IoError(fmt::format("{}: " N_("cannot create: {}"), dir_, std::strerror(EEXIST)));
        for (const auto& name : names_)
            if (::rename((staging_ + "/" + name).c_str(), (dir_ + "/" + name).c_str()) != 0)
                throw IoError(
                    fmt::format("{}: " N_("cannot write: {}"), dir_ + "/" + name, errno_text()));
        sync_directory(dir_);
        ::rmdir(staging_.c_str());
    }
    staging_.clear();
    sync_directory(directory_of(dir_));
}

}  // namespace liushou

namespace liushou {

std::string shown_path(const std::string& path) {
    boost::system::error_code ec;
    const fs::path cwd = fs::current_path(ec);
    if (ec) return path;
    const fs::path rel = fs::path(path).lexically_relative(cwd);
    if (rel.empty() || *rel.begin() == "..") return path;
    return rel.string();
}

std::optional<Owner> owner_for_root(const std::string& dir) {
    if (::geteuid() != 0) return std::nullopt;
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0 || st.st_uid == 0) return std::nullopt;
    return Owner{st.st_uid, st.st_gid};
}

SafeDir SafeDir::open(const std::string& base, const std::string& relative, bool create,
                      bool owner_only, const std::string& display) {
    int fd = ::open(base.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) throw IoError(fmt::format("{}: " N_("cannot open: {}"), base, errno_text()));
    const std::optional<Owner> owner = create ? owner_for_root(base) : std::nullopt;
    std::string path = base, shown;
    const fs::path rel(relative);
    for (auto it = rel.begin(); it != rel.end(); ++it) {
        const std::string name = it->string();
        if (name.empty() || name == ".") continue;
        shown += (shown.empty() ? "" : "/") + name;
        path += "/" + name;
        if (name == "..") {
            ::close(fd);
            throw DataError(fmt::format("{}{}: leaves the tree; refused", display, shown));
        }
        int next = ::openat(fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (next < 0 && errno == ENOENT && create) {
            if (::mkdirat(fd, name.c_str(), 0700) == 0 || errno == EEXIST)
                next = ::openat(fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            // A folder root makes in another's tree is given to the tree's owner; when that
            // fails the folder is only root's, which the owner's next write reports.
            if (next >= 0 && owner && ::fchown(next, owner->uid, owner->gid) != 0) errno = 0;
        }
        if (next < 0) {
            const int error = errno;
            struct stat st {};
            const bool link =
                ::fstatat(fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode);
            ::close(fd);
            if (link || error == ELOOP)
                throw DataError(fmt::format(
                    "{}{}: a symbolic link; liushou never reads or writes through a link in "
                    "a tree (remove it; it is not the tree's data)",
                    display, shown));
            if (error == ENOTDIR)
                throw DataError(fmt::format("{}{}: not a directory", display, shown));
            throw IoError(
                fmt::format("{}{}: cannot open: {}", display, shown, std::strerror(error)));
        }
        ::close(fd);
        fd = next;
    }
    // Through the descriptor: a chmod by name would follow a link put there meanwhile.
    if (owner_only) {
        struct stat st {};
        if (::fstat(fd, &st) == 0 && (st.st_mode & 07777) != 0700) (void)::fchmod(fd, 0700);
    }
    return SafeDir(fd, path);
}

std::string SafeDir::path(const std::string& name) const {
    static const bool proc = ::access("/proc/self/fd", X_OK) == 0;
    if (!proc) return path_ + "/" + name;
    return fmt::format("/proc/self/fd/{}/{}", fd_.get(), name);
}

}  // namespace liushou
