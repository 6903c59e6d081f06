// File I/O shared by the store's parts: reading with limits, atomic writes with injected faults.
#pragma once

#include <sys/types.h>

#include <boost/filesystem/path.hpp>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "liushou/error.hpp"
#include "liushou/store.hpp"

namespace liushou {

/// strerror(errno), for messages.
std::string errno_text();

/// The system calls of a write, behind one interface, so that a test can make any of them fail
/// as a full disk or a failing disk would, or stop the process between two of them as a crash
/// would (ninja's DiskInterface serves its tests the same way). system_files() is the real
/// one; a write session whose options name a WriteFault uses faulty_files(). Files are
/// numbered in the order their writes begin (begin_file), unchanged ones included, which is
/// what WriteFault::nth counts.
class FileSink {
  public:
    virtual ~FileSink() = default;
    /// A file of the tree is about to be written (or found unchanged).
    virtual void begin_file() {}
    /// Makes the temporary `tmp` (O_EXCL, never following a link); -1 and errno on failure.
    virtual int create(const std::string& tmp, int mode);
    virtual ssize_t write(int fd, const char* data, size_t size);
    virtual int fsync(int fd);
    /// Makes every one of `tmps` durable, with one flush of their filesystem where it can;
    /// the index of one that could not be made durable (errno set), if any.
    virtual std::optional<size_t> sync_batch(const std::vector<std::string>& tmps);
    virtual int rename(const std::string& from, const std::string& to);
    /// A named point between two steps of a batch ("kill-before-journal"), where a crash test
    /// may stop the process.
    virtual void reached(const char* point) { (void)point; }
};
FileSink& system_files();

/// One syncfs of the filesystem holding `dir`: every file written there so far is durable.
/// False when it is refused; the caller then fsyncs each file (fsync_file).
bool sync_filesystem(const boost::filesystem::path& dir);
void fsync_file(const std::string& path);
/// fsyncs a directory: a rename or removal in it is durable only then.
void sync_directory(const boost::filesystem::path& dir);
/// The folder a file is in ("." for a bare name).
boost::filesystem::path directory_of(const std::string& path);
/// Fails (or kills the process) as `fault` says, and otherwise writes as system_files() does.
std::unique_ptr<FileSink> faulty_files(const WriteFault& fault);

/// Writes `content` to `path` atomically: a temporary file in the same directory, fsync,
/// rename, fsync of the directory. Returns false without writing when the file already holds
/// exactly these bytes with this mode.
bool write_atomically(const std::string& path, const std::string& content, int mode,
                      FileSink& files = system_files());

/// Writes all of `content` to `fd` and closes it, with no fsync: for files nothing needs
/// after a crash. IoError naming `path` on failure.
void write_and_close(int fd, const std::string& path, const std::string& content);

/// Files a batch stages before it flushes: few flushes, and a bounded number of temporaries
/// (and of rows to redo) should the machine stop halfway.
constexpr size_t kBatchFiles = 4096;

/// The first half of a write: `content` in a temporary file beside `path`, flushed to disk
/// when `flush`. `tmp` is "" when `path` already holds exactly these bytes.
struct StagedFile {
    std::string tmp;
    bool existed = false;  // whether `path` was there (what a failure leaves: old or nothing)
};
/// A new name for a temporary file beside `path`: `.NAME.tmp.PID.N`, in its directory.
std::string temporary_beside(const std::string& path);
StagedFile stage_file(const std::string& path, const std::string& content, int mode,
                      FileSink& files, bool flush);
/// The second half: the temporary file takes the place of `path` (removed on failure, kept
/// when `journaled`: the batch journal finishes the write).
void rename_staged(const std::string& tmp, const std::string& path, FileSink& files, bool existed,
                   bool journaled = false);

/// A failed rename in a batch, with the files renamed before it (tree-relative names).
class RenameError : public IoError {
  public:
    RenameError(const std::string& what, std::vector<std::string> renamed)
        : IoError(what), renamed_(std::move(renamed)) {}
    const std::vector<std::string>& renamed() const { return renamed_; }

  private:
    std::vector<std::string> renamed_;
};

/// Many files written with one flush, the way git's core.fsyncMethod=batch writes objects:
/// every file to a temporary without a flush of its own, then one syncfs for all of them,
/// then (through `before_renames`, which writes the tree's batch journal) the renames and
/// removals, then one fsync of each directory. A crash before the journal is down leaves every
/// file old and the temporaries, which the next writer removes; after it, the next command
/// finishes the renames from the journal. Temporaries left by a failure are removed by the
/// destructor. While the temporaries are written, the disk is set writing the ones before in
/// the background (flush_ahead), so the one syncfs has little left to do.
class BatchWrite {
  public:
    struct Staged {
        std::string tmp, path, relative;
        bool existed;
    };
    struct Removal {
        std::string path, relative;
    };
    using BeforeRenames =
        std::function<void(const std::vector<Staged>&, const std::vector<Removal>&)>;

    /// The files' writes go through `files`, which must outlive the batch.
    explicit BatchWrite(FileSink& files = system_files()) : files_(files) {}
    BatchWrite(const BatchWrite&) = delete;
    BatchWrite& operator=(const BatchWrite&) = delete;
    ~BatchWrite();
    /// Writes the temporary file; false (nothing staged) when `path` is unchanged.
    bool stage(const std::string& path, const std::string& content, int mode, std::string relative);
    /// `path` is to go when the batch is put in place (after every rename).
    void remove(const std::string& path, std::string relative);
    /// Makes every staged file durable, calls `before_renames` (the journal) and puts every
    /// file in place; returns the `relative` names renamed and removed. Throws RenameError
    /// when a rename fails (the journal then finishes the batch on the next command).
    std::vector<std::string> flush(const BeforeRenames& before_renames = {});
    size_t pending() const { return pending_.size() + removals_.size(); }

  private:
    FileSink& files_;
    std::vector<Staged> pending_;
    std::vector<Removal> removals_;
    std::future<void> early_flush_;  // of the temporaries so far, beside the next ones
};

/// Every kFlushAheadFiles files (`files` written so far), a syncfs of `dir`'s filesystem on
/// another thread, unless the one before is still running: the disk writes the files so far
/// while the next ones are made. It only starts the writing early: durability is still the
/// one flush the caller does at the end, whose result alone counts. Half a batch, so that a
/// batch of kBatchFiles has its first half on disk when it flushes.
constexpr size_t kFlushAheadFiles = kBatchFiles / 2;
void flush_ahead(std::future<void>& running, size_t files, const std::string& dir);

/// A directory beneath a trusted base (the tree's root, or the repository's GIT_DIR), reached
/// one component at a time with O_NOFOLLOW: a tree copied from elsewhere may hold a link named
/// `.liushou/cache` (committed with `git add -f`) that would have liushou write the records'
/// cache, or chmod, wherever it points. The one way the store opens its own folders in a tree.
class SafeDir {
  public:
    /// Opens base/relative; `create` makes what is missing (mode 0700), `owner_only` sets the
    /// last one 0700 through its descriptor (never a chmod by name). Throws DataError naming
    /// `display` + the component when one is a link or not a directory, IoError when it cannot
    /// be opened or made.
    static SafeDir open(const std::string& base, const std::string& relative, bool create,
                        bool owner_only, const std::string& display);
    SafeDir(SafeDir&&) noexcept = default;
    SafeDir& operator=(SafeDir&&) noexcept = default;
    int fd() const { return fd_.get(); }
    /// A path naming `name` in this very directory, whatever is renamed or linked above it
    /// since it was opened: the kernel resolves /proc/self/fd/N to the directory itself, and
    /// a name in it is opened O_NOFOLLOW, made O_EXCL or replaced by rename, none of which
    /// follows a link. (Without /proc, the path as checked.)
    std::string path(const std::string& name) const;

  private:
    SafeDir(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
    UniqueFd fd_;
    std::string path_;  // as opened; the fallback of path()
};

/// One line of .liushou/journal (tree.cpp): a rename of a temporary onto its file, or a
/// removal, paths relative to the tree.
struct JournalEntry {
    bool remove = false;
    std::string tmp, target;
};
/// The journal's entries; nullopt unless it is whole (its last line "end") and every entry is
/// one of ours: a file a batch may write (liushou.yaml, staff.yaml, children/ID.yaml,
/// activities/ID.yaml) and a temporary `.NAME.tmp.PID.N` beside it. A journal is a file in
/// the tree: a copied one must not rename or remove anything else, nor leave the tree.
std::optional<std::vector<JournalEntry>> parse_journal(const std::string& text);

/// `path` as a message shows it: relative to the cwd when it lies below it (as git names
/// paths), else as it is.
std::string shown_path(const std::string& path);

/// The uid and gid files written in a tree must have, when root writes in a tree of another
/// user's: the owner of `dir` (the tree keeps its owner's files, readable by its owner's
/// liushou). Nothing to do (nullopt) for any other user, who can only make files of its own.
struct Owner {
    uid_t uid;
    gid_t gid;
};
std::optional<Owner> owner_for_root(const std::string& dir);

}  // namespace liushou
