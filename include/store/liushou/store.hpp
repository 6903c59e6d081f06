// The records tree on disk: finding it, reading files, atomic writes under a lock.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "liushou/codec.hpp"
#include "liushou/report.hpp"
#include "liushou/schedule.hpp"

namespace liushou {

/// A file descriptor owned by one object at a time and closed with it, so that no way out of a
/// function (a throw included) leaks one, and a lock held through one ends with its owner.
class UniqueFd {
  public:
    UniqueFd() = default;
    explicit UniqueFd(int fd) : fd_(fd) {}
    UniqueFd(UniqueFd&& other) noexcept : fd_(other.release()) {}
    UniqueFd& operator=(UniqueFd&& other) noexcept {
        if (this != &other) reset(other.release());
        return *this;
    }
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;
    ~UniqueFd() { reset(); }
    int get() const { return fd_; }
    explicit operator bool() const { return fd_ >= 0; }
    /// Gives the descriptor up without closing it.
    int release() {
        const int fd = fd_;
        fd_ = -1;
        return fd;
    }
    /// Closes the one held (its error, as a close at exit, is not anyone's to act on).
    void reset(int fd = -1);

  private:
    int fd_ = -1;
};

/// The files a command wrote, for `--commit`: paths inside the tree, and what to say about them.
struct WriteJournal {
    std::string root;
    std::vector<std::string> files;
    /// What the command did, without names or notes: "log-talk 2025-017 2026-03-12 talk".
    std::string action;
    /// A handle on the tree's writer lock, kept open until the commit is made (or none).
    UniqueFd lock;
};

/// Reports how far long work has got (`done` of `total`); shown on a terminal only.
using ProgressFn = std::function<void(const char* what, size_t done, size_t total)>;

/// A fault injected into the tree's file writes, for the tests of what a full disk, an I/O
/// error or a crash leaves behind: the `nth` file a write session writes fails at `step`: write
/// (ENOSPC), fsync (EIO), rename (EIO), or kill-before-rename / kill-after-rename (SIGKILL);
/// with `nth` 0, a batch is killed at kill-before-journal or kill-after-journal.
struct WriteFault {
    std::string step;
    long nth = 1;
};

/// How a command wants its tree found, read and written. The command line fills it from its
/// options and the environment; the store reads no environment variable of its own.
/// A file as a change not yet written would leave it (TreeOptions::overlay).
struct OverlayFile {
    bool exists = false;  // false: the change removes it
    std::string refused;  // why it may not be read (a link, too big), or ""
    std::string text;
};

struct TreeOptions {
    /// The tree's directory; empty: the nearest directory at or above the cwd holding
    /// liushou.yaml.
    std::string root;
    /// What named `root` when it was not --root (e.g. "LIUSHOU_ROOT"), for the error message.
    std::string root_from;
    /// Whether reads may use and refresh .liushou/cache.
    bool use_cache = true;
    /// Workers that read files in parallel; 0: one per core.
    int jobs = 0;
    /// Seconds a writer waits for the lock before giving up.
    int lock_timeout = 30;
    /// Where the files written are noted (for --commit); may be null.
    std::shared_ptr<WriteJournal> journal;
    ProgressFn progress;
    /// One line for the user, said once (a write stopped halfway, finished or undone).
    std::function<void(const std::string&)> notice;
    /// check's value checks of one child (validate_child with the command's today): a write
    /// that would give a child file an error it did not have is refused.
    std::function<void(const Child&, Problems&)> validate;
    std::optional<WriteFault> fault;
    /// A branch, tag or commit: read the tree as that commit holds it, from git's objects,
    /// instead of the files on disk (report --rev). Such a tree cannot be written.
    std::string rev;
    /// Files read from here instead of the disk, by their path in the tree (children/ID.yaml):
    /// a change checked before it is written (sync checks its merged records so). The cache
    /// serves the other files and is not written.
    std::shared_ptr<const std::map<std::string, OverlayFile>> overlay;
};

/// A decoded file with the path it came from (as shown to the user).
template <class T>
struct Loaded : Decoded<T> {
    std::string path;      // display path, relative to the cwd when possible
    std::string relative;  // path inside the tree: children/2025-017.yaml
    std::string id;        // for a child's file: the id its name gives
    int comment_line = 0;  // first line with a comment, which a rewrite would drop
    bool exists = false;
};

/// What this process read, counted for LIUSHOU_STATS=1 (main prints them to stderr at exit,
/// for tests and profiling; docs/hacking.md): child files decoded from their YAML, records
/// served by the record cache, and children whose figures (or duties) were served by a
/// per-child cache or worked out again from their file on a warm read.
struct ReadStats {
    std::atomic<long> parsed{0};
    std::atomic<long> records_cached{0};
    std::atomic<long> figures_cached{0};
    std::atomic<long> figures_recounted{0};
    std::atomic<long> staff_cached{0};    // staff.yaml served from .liushou/cache/staff.bin
    std::atomic<long> git_status{0};      // `git status` run (the header's mark of changes)
    std::atomic<long> commits_listed{0};  // commits whose files git listed (--rev, county)
};
ReadStats& read_stats();

/// The wall clock in nanoseconds, as the caches compare it with files' times.
int64_t clock_ns();

class WriteSession;
class TreeSource;
class FileSink;
class BatchWrite;
class SafeDir;
class GitCommit;
struct GitState;
class RecordCache;
struct StatKeys;

/// Every child of a tree as the record cache holds it, each decoded only when asked: a reader
/// that takes the children one by one (the cards) holds one record, not the whole tree's.
class CachedChildren {
  public:
    size_t size() const { return ids_.size(); }
    /// The id that child i's file name gives.
    const std::string& id(size_t i) const { return ids_[i]; }
    /// The id and the name the record holds, read without decoding the rest.
    bool name(size_t i, std::string& id, std::string& name) const;
    /// The whole record of child i; false if the cache's bytes do not decode.
    bool load(size_t i, Child& child) const;

  private:
    friend class Tree;
    std::shared_ptr<const RecordCache> cache_;  // holds the mapped file the records are in
    std::vector<std::string> ids_;
    std::vector<std::string_view> records_;
};

class Tree {
  public:
    /// The tree `options` name, or the nearest one above the cwd. Throws UsageError when there
    /// is none, DataError when its children/ or .liushou/ is a link out of it.
    static Tree open(const TreeOptions& options);
    /// A tree at `root`, which need not exist yet (init).
    explicit Tree(const std::string& root, TreeOptions options = {});

    const std::string& root() const { return root_; }
    /// `relative` as the user should see it: relative to the cwd when inside it.
    std::string display(const std::string& relative) const;

    /// children/<id>.yaml; throws UsageError for an id that could leave children/.
    std::string child_relative(const std::string& id) const;
    /// Child ids from the file names in children/, in natural order (2025-2 before 2025-10).
    std::vector<std::string> child_ids() const;
    /// Names in children/ that are not `<valid id>.yaml` (stray files), for check.
    std::vector<std::string> stray_child_files() const;
    bool child_exists(const std::string& id) const;

    /// Without `positions`, a record that reads cleanly carries no line of each field (check
    /// needs them to place its own findings; a write does not).
    Loaded<Child> load_child(const std::string& id, bool positions = true) const;
    /// Gives each of `files` (records served from the cache, which carry no positions) the
    /// line and column of each field its problems name, read again from its file: from a
    /// commit by one git process for all of them, since a process per child cost minutes at
    /// 10,000 children; on disk from .liushou/cache/places.bin where the file is unchanged
    /// since a check placed it, else from the file, and kept there for the next check.
    void place_children(const std::vector<Loaded<Child>*>& files) const;
    /// Every child, read by parallel workers and served from .liushou/cache where the file is
    /// unchanged. Records come without `where` and `text`, except for files with problems,
    /// which are always decoded afresh with positions.
    std::vector<Loaded<Child>> load_children() const;
    /// Every child as load_children reads it, each handed to `each(i, file)` on a worker
    /// thread (i in load_children's order; `sized` first gets the count). Without the record
    /// cache each record is let go as soon as `each` returns: a cold summary keeps a child's
    /// figures, not 10,000 records (120 MB of memory and its page faults). With the cache or a
    /// revision, load_children's records are handed on. A file gone since the listing comes with
    /// `exists` false.
    void for_each_child(const std::function<void(size_t)>& sized,
                        const std::function<void(size_t, Loaded<Child>&)>& each) const;
    /// Every child from the record cache alone: only when load_children would decode nothing
    /// and keep nothing new (each file a plain file as the cache holds it, and no other entry
    /// in the cache); none otherwise, and with a revision. Same ids, same order.
    std::optional<CachedChildren> cached_children() const;
    /// Each child's figures for a report, as cache_per_child kept them for `context` (what
    /// they depend on besides the tree's files: the period, the last counted day, the month;
    /// liushou.yaml and the activities are added here): only when every child file,
    /// liushou.yaml and every activity are as they were then. T is ChildFigures (a summary's,
    /// report.hpp) or ChildDuties (a checklist's, schedule.hpp); they come in byte order of
    /// the ids, not natural order. None without the cache. With a revision, each child's
    /// blob id is its key (in the repository's liushou/ directory), and a child changed since
    /// is not recounted: none then (nor ever for a printed output, which may name the
    /// commit). For a printed
    /// output (T PrintedOutput) staff.yaml is part of the context too, and `tail` gets the
    /// bytes kept after the figures.
    /// With `recount`, a child whose file changed (or was modified too close to the cache's
    /// writing to be trusted: git's racy entries) is worked out again by it from that one file,
    /// the others served, and the cache is kept as it is now (unless `recounted` is given: it
    /// is then set, for a caller that reorders the set and keeps it with cache_per_child).
    template <class T>
    std::optional<std::vector<T>> cached_per_child(
        std::string_view context, std::string* tail = nullptr,
        const std::function<bool(const Child&, T&)>& recount = {}, bool* recounted = nullptr) const;
    /// Keeps `figures` of `ids` (every child, all read cleanly) for cached_per_child;
    /// `started_ns` (clock_ns()) is from before the files were read. Does nothing when `ids`
    /// are not all the tree's children.
    template <class T>
    void cache_per_child(std::string_view context, const std::vector<std::string>& ids,
                         const std::vector<T>& figures, int64_t started_ns,
                         const std::string* tail = nullptr) const;
    /// An output made from every child (the month's checklist), as cache_output kept it for
    /// `context` (every option it was made with): only when every child file, liushou.yaml,
    /// staff.yaml, every activity and this program are as they were then. None with a revision
    /// or without the cache.
    std::optional<std::string> cached_output(std::string_view context) const;
    /// Keeps `bytes`, made from the children `ids` (every child, all read cleanly, as they
    /// were at `started_ns` or later), for cached_output. Only the last output is kept.
    void cache_output(std::string_view context, const std::vector<std::string>& ids,
                      const std::string& bytes, int64_t started_ns) const;
    /// staff.yaml. Without `positions`, `where` stays empty unless the file has problems: a
    /// county's list of 1,500 teachers made 6,000 positions, a third of a log-talk's memory.
    Loaded<StaffList> load_staff(bool positions = true) const;
    Loaded<School> load_school() const;
    /// Activity ids from activities/<id>.yaml, in natural order; the files' records. A school
    /// holds a few hundred a year: read directly, not cached.
    std::vector<std::string> activity_ids() const;
    std::vector<Loaded<Activity>> load_activities() const;

    /// Waits for the tree's writer lock (an flock on its root directory) for
    /// `options.lock_timeout` seconds, then throws IoError. The session it returns is the only
    /// way to write the tree's files, and holds the lock until it is destroyed.
    WriteSession lock() const;

    /// Whether reads may use and refresh the cache (a batch write reads every file afresh).
    void set_cache(bool use) { options_.use_cache = use; }
    /// Show paths under `prefix` instead of the tree's own place (a staged copy in /tmp).
    void set_display_prefix(std::string prefix) { display_prefix_ = std::move(prefix); }

    /// The revision read (TreeOptions::rev), or "" for the files on disk.
    const std::string& rev() const { return options_.rev; }
    /// Where the tree's data stands in git: the commit read with a rev, else the checkout's
    /// HEAD and whether the tree's files differ from it.
    GitState git_state() const;
    /// The date of that commit (YYYY-MM-DD), or "" outside git.
    std::string commit_date() const;

  private:
    friend class WriteSession;
    static Tree open_commit(const TreeOptions& options);
    template <class T, class F>
    Loaded<T> load(const std::string& relative, F decode) const;
    /// Deletes temporary files left by writers that were killed before their batch was
    /// applied, saying how many (options_.notice).
    void remove_stale_temporaries() const;
    /// The writer lock on the root directory (a descriptor to close), waiting as
    /// options_.lock_timeout says.
    UniqueFd acquire_lock() const;
    /// Under the lock: finishes a batch whose journal (.liushou/journal) is down, or undoes
    /// one whose journal is not; says which (options_.notice). false when there was none.
    bool finish_interrupted_batch() const;
    std::vector<Loaded<Child>> load_children_from_commit() const;
    /// place_children of a tree on disk, through .liushou/cache/places.bin (tree_places.cpp).
    void place_children_on_disk(const std::vector<Loaded<Child>*>& files) const;
    /// cached_per_child and cache_per_child of a tree read at a commit, keyed by blob ids in
    /// the repository's liushou/ directory (tree_commit.cpp).
    template <class T>
    std::optional<std::vector<T>> cached_per_child_in_commit(std::string_view context,
                                                             std::string* tail) const;
    template <class T>
    void cache_per_child_in_commit(std::string_view context, const std::vector<std::string>& ids,
                                   const std::vector<T>& figures, const std::string* tail) const;
    /// figures_context of a commit's files, from their blob ids; 0 when one is refused.
    uint64_t commit_figures_context(std::string_view context, bool with_staff) const;
    uint64_t figures_context(std::string_view context, bool with_staff = false) const;
    /// The ids of children/<id>.yaml as the directory lists them (unsorted).
    std::vector<std::string> listed_child_ids() const;
    /// The file `relative` as options_.overlay gives it, or null when it is read from disk.
    const OverlayFile* overlaid(const std::string& relative) const {
        if (!options_.overlay) return nullptr;
        const auto it = options_.overlay->find(relative);
        return it == options_.overlay->end() ? nullptr : &it->second;
    }
    std::string root_;
    std::string display_prefix_;
    TreeOptions options_;
    /// Where the files are read from: the folder, or with a rev the commit's objects.
    std::shared_ptr<const TreeSource> source_;
    /// With a rev: the commit whose objects are read instead of the files (its reading of
    /// every child at once, and the caches a commit does without).
    std::shared_ptr<const GitCommit> commit_;
    /// children/, held with a shared flock while the tree is open: a batch takes it exclusive
    /// for its renames, so a read never sees half a batch (holds the descriptor).
    std::shared_ptr<const UniqueFd> read_lock_;
    /// Each child file's key as the last read of the duties cache found it (tree_cache.cpp),
    /// for the printed checklist made from them.
    mutable std::shared_ptr<const StatKeys> last_keys_;
};

/// The writes of one command, under the tree's writer lock, which it holds until destroyed.
/// Every write is atomic (a temporary file, fsync, rename, fsync of the directory) and is
/// first decoded back, so nothing the next read would refuse is ever written.
class WriteSession {
  public:
    WriteSession(WriteSession&&) noexcept;
    WriteSession& operator=(WriteSession&&) = delete;
    ~WriteSession();

    /// Encodes and writes; returns false (and touches nothing) when the file already holds
    /// exactly these bytes.
    bool write_child(const Child& child, const std::string& was = {});
    /// write_child for each, in order, while the next ones are encoded and read back on
    /// another core (a batch: an import, a class's meeting). Returns how many files changed;
    /// `progress(done)` is called before each. A child that would not read back stops it
    /// there, as write_child would, with the ones before it written.
    size_t write_children(const std::vector<const Child*>& children,
                          const std::function<void(size_t)>& progress = {});
    /// `make(i, scratch)`: the i-th child to write (in `scratch`, or one of the caller's), or
    /// nullptr for none. It runs on worker threads, ahead of the writes and for several i at
    /// once; what it gives is written as write_children writes. While `hold` is set nothing
    /// more is written (a problem was found: the caller drops the batch).
    using MakeChild = std::function<const Child*(size_t, Child&)>;
    size_t write_made_children(size_t count, const MakeChild& make,
                               const std::function<void(size_t)>& progress = {},
                               const std::atomic<bool>* hold = nullptr);
    bool write_staff(const StaffList& staff);
    bool write_school(const School& school);
    bool write_activity(const Activity& activity);
    bool write_text(const std::string& relative, const std::string& content, int mode);
    /// Deletes a child's file, durably, and notes it for --commit.
    void remove_child(const std::string& id);

    /// From here to end_batch(), writes are durable together rather than one by one (an
    /// import of a register, a talk sheet): one flush per few thousand files instead of two
    /// per file. A write that fails first puts the files before it in place, so that what
    /// was written is what the note of a failed import counts.
    /// `whole`: nothing at all is put in place before end_batch (a sheet checked while it is
    /// written, whose problem found part way must leave every file as it was); a session
    /// destroyed first drops the batch.
    void begin_batch(bool whole = false);
    void end_batch();
    /// Files this session has put in place (renamed), batched or not.
    size_t files_in_place() const { return in_place_; }

  private:
    friend class Tree;
    WriteSession(const Tree& tree, UniqueFd fd);
    void flush_batch();
    /// Refuses (DataError) a child whose file would get an error check reports, one the file
    /// as it is does not have: no command leaves a tree check refuses.
    /// `was`: the id whose file holds the record as it was (a rename's old id), else its own.
    void refuse_new_errors(const Child& child, const std::string& relative,
                           const std::string& was = {}) const;
    /// Where the writes go: the system's calls, or a test's faults (TreeOptions::fault).
    FileSink& files() const;
    const Tree* tree_;
    UniqueFd fd_;                       // the writer lock (an flock, released when it closes)
    std::unique_ptr<FileSink> faulty_;  // null: system_files()
    size_t in_place_ = 0;
    bool marked_ = false;  // the "writing" marker is made (tree.cpp: writing_marker)
    bool whole_batch_ = false;
    // The directories written in, each opened once beneath the root with no link followed
    // (files.hpp: SafeDir) and kept open while a batch's temporaries may name them.
    std::vector<std::pair<std::string, std::shared_ptr<const SafeDir>>> dirs_;
    std::unique_ptr<BatchWrite> batch_;
};

/// Writes `content` to `path` atomically: a temporary file in the same directory, fsync,
/// rename, fsync of the directory. Returns false without writing when nothing would change.
/// For files outside the records (git's merge result, a hook); tree files go through a
/// WriteSession, which holds the lock.
bool atomic_write(const std::string& path, const std::string& content, int mode);

/// Writes a report or checklist to `path` (-o): atomically, mode 0600 (it holds names and
/// notes), whatever mode a file there had. A FIFO or terminal is written through; a symbolic
/// link, directory or other special file is refused with UsageError, never replaced.
void write_output(const std::string& path, const std::string& content);

/// The files of report child --all -o DIR, with one flush for the lot (they are derived, and
/// a rerun writes them again); files not finished are not written. Made and kept 0700 (the
/// files hold names and notes).
/// - A DIR that does not exist yet appears whole: the files go into a hidden directory
///   beside it, made for them, which finish() flushes once and renames to DIR. A crash leaves
///   no DIR, only the hidden one (.DIR.tmp.*). This spares a rename per file, which in a
///   directory of 50,000 cards cost more than writing them.
/// - Into a DIR that exists, each file replaces its own as write_output writes one (a FIFO
///   there is written through); finish() flushes once and puts them in place.
/// Throws UsageError when DIR is a symbolic link or a file, IoError when it cannot be made or
/// written.
class OutputDirectory {
  public:
    explicit OutputDirectory(const std::string& dir);
    ~OutputDirectory();
    OutputDirectory(const OutputDirectory&) = delete;
    OutputDirectory& operator=(const OutputDirectory&) = delete;
    /// `name` is a file name in DIR (no slash).
    void write(const std::string& name, const std::string& content);
    void finish();

  private:
    std::string dir_;
    std::string staging_;             // the hidden directory; "" when DIR exists
    std::vector<std::string> names_;  // written into staging_
    std::future<void> early_flush_;   // of the files written so far, beside the next ones
    std::unique_ptr<BatchWrite> batch_;
};

/// The largest record file read (a child with ten years of monthly talks is about 50 KB):
/// anything bigger is refused unread, so a stray paste cannot exhaust memory.
constexpr uint64_t kMaxRecordBytes = 1 << 20;
/// The largest sheet imported: a county's 10,000 rows are about 3 MB.
constexpr uint64_t kMaxSheetBytes = 64 << 20;
/// A CSV talk sheet is held as its text alone (not as cells), and a county's two years of
/// talks are 120 MB: it may be larger.
constexpr uint64_t kMaxTalkSheetBytes = uint64_t{256} << 20;

/// Reads a whole file; throws IoError naming `display` on failure, DataError when it is
/// larger than `limit` bytes.
std::string read_file(const std::string& path, const std::string& display,
                      uint64_t limit = UINT64_MAX);

/// Reads a tree file: only a regular file, never blocking on a FIFO or device; throws
/// DataError when it is not one or holds more than `limit` bytes.
std::string read_regular_file(const std::string& path, const std::string& display, uint64_t limit);

/// A private folder (0700) for a program's files, removed with all it holds when this goes out
/// of scope: pandoc's input, the hooks of a commit, a staged copy of a tree. They hold
/// children's names. Made in TMPDIR, or in `parent` when the files are to be linked or
/// renamed beside something there (a key, a clone).
class TempDir {
  public:
    /// Throws IoError when no folder can be made; `prefix` names it (liushou-docx).
    explicit TempDir(const std::string& prefix, const std::string& parent = "");
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return path_; }

  private:
    std::string path_;
};

/// Runs a program found on PATH (no shell; standard input from /dev/null): its exit status, or
/// -1 when it cannot be started or did not exit. Output is captured as run_git's below.
int run_program(const std::vector<std::string>& args, std::string* output = nullptr,
                bool with_errors = false);

/// run_program with the environment `env` (the process's own when null).
int run_with(const std::vector<std::string>& args, std::vector<std::string>* env,
             std::string* output = nullptr, bool with_errors = false);

/// A git command as liushou runs it: its argv (from "git") and environment.
struct GitCommand {
    std::vector<std::string> argv;
    std::vector<std::string> env;
};
/// `git -C dir args…` made safe to run on a repository that is data (a copied tree, another
/// school's clone): nothing its config, attributes, hooks or includes name is run (no
/// fsmonitor, filter, textconv, external diff, pager, gpg, ssh or helper), hooks come from
/// `hooks` only (a directory; /dev/null: none), and git is told to trust the repository's
/// ownership (liushou decides that itself). Every git command liushou runs is made here.
GitCommand git_command(const std::vector<std::string>& args, const std::string& dir,
                       const std::string& hooks = "/dev/null");

/// The command liushou's pre-commit hook runs, for a tree at `prefix` in its work tree.
std::string liushou_hook_command(const std::string& prefix);
/// The pre-commit hook `init --hooks` installs, for a tree at `prefix` in its work tree.
std::string liushou_hook_script(const std::string& prefix);
/// Whether a hook's text is one liushou installed (it may then be replaced).
bool is_liushou_hook(const std::string& text);

/// Runs `git -C dir args…` (no shell) as git_command makes it; its exit status, or -1
/// without git. Standard output goes to `output` when given, else it is discarded like
/// standard error; `with_errors` sends standard error there too (git's reason when a command
/// fails). A `commit` runs only the hooks liushou installed, written afresh.
int run_git(const std::vector<std::string>& args, const std::string& dir,
            std::string* output = nullptr, bool with_errors = false);

/// Where a tree's data stands in git: the short commit, and whether files under the tree
/// differ from it. An empty commit when git is missing or the tree is not in a repository.
struct GitState {
    std::string commit;
    bool dirty = false;
};
GitState git_state(const std::string& root);

}  // namespace liushou
