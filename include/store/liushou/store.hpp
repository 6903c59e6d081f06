// The records tree on disk: finding it, reading files, atomic writes under a lock.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "liushou/codec.hpp"
#include "liushou/context.hpp"

namespace liushou {

/// A decoded file with the path it came from (as shown to the user).
template <class T>
struct Loaded : Decoded<T> {
    std::string path;      // display path, relative to the cwd when possible
    std::string relative;  // path inside the tree: children/2025-017.yaml
    std::string id;        // for a child's file: the id its name gives
    int comment_line = 0;  // first line with a comment, which a rewrite would drop
    bool exists = false;
};

/// Holds the tree's writer lock (an flock on the tree's root directory) until destroyed.
class WriteLock {
  public:
    WriteLock(WriteLock&&) noexcept;
    ~WriteLock();

  private:
    friend class Tree;
    explicit WriteLock(int fd) : fd_(fd) {}
    int fd_;
};

class Tree {
  public:
    /// The tree for `ctx`: the first `--root`, else LIUSHOU_ROOT, else the nearest directory
    /// at or above the cwd holding liushou.yaml. Throws UsageError when there is none.
    static Tree open(const Context& ctx);
    /// Every `--root` given (a county report), else the one tree `open` finds.
    static std::vector<Tree> open_all(const Context& ctx);
    /// A tree at `root`, which need not exist yet (init).
    explicit Tree(const std::string& root);

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

    Loaded<Child> load_child(const std::string& id) const;
    /// Every child, read by parallel workers and served from .liushou/cache where the file is
    /// unchanged. Records come without `where` and `text`, except for files with problems,
    /// which are always decoded afresh with positions.
    std::vector<Loaded<Child>> load_children() const;
    Loaded<StaffList> load_staff() const;
    Loaded<School> load_school() const;

    /// Encodes and writes atomically; returns false (and touches nothing) when the file
    /// already holds exactly these bytes.
    bool write_child(const Child& child) const;
    bool write_staff(const StaffList& staff) const;
    bool write_school(const School& school) const;
    bool write_text(const std::string& relative, const std::string& content, int mode) const;
    /// Deletes a child's file (under the lock), durably, and notes it for --commit.
    void remove_child(const std::string& id) const;

    /// Serialises writers; waits up to `timeout_seconds` then throws IoError.
    WriteLock lock(int timeout_seconds = 30) const;

    /// Whether read commands may use and refresh the cache, and how many workers read.
    void set_cache(bool use) { use_cache_ = use; }
    void set_jobs(int jobs) { jobs_ = jobs; }
    /// Show paths under `prefix` instead of the tree's own place (a staged copy in /tmp).
    void set_display_prefix(std::string prefix) { display_prefix_ = std::move(prefix); }
    /// Where the files this tree writes are noted (for --commit).
    void set_journal(std::shared_ptr<WriteJournal> journal) { journal_ = std::move(journal); }

  private:
    template <class T, class F>
    Loaded<T> load(const std::string& relative, F decode) const;
    /// Cache, workers and journal as the command line asks.
    void configure(const Context& ctx);
    /// Deletes temporary files left by writers that were killed mid-write.
    void remove_stale_temporaries() const;
    std::string root_;
    std::string display_prefix_;
    bool use_cache_ = true;
    std::shared_ptr<WriteJournal> journal_;
    ProgressFn progress_;
    int jobs_ = 0;
};

/// Writes `content` to `path` atomically: a temporary file in the same directory, fsync,
/// rename, fsync of the directory. Returns false without writing when nothing would change.
bool atomic_write(const std::string& path, const std::string& content, int mode);

/// Writes a report or checklist to `path` (-o): atomically, mode 0600 (it holds names and
/// notes), whatever mode a file there had. A FIFO or terminal is written through; a symbolic
/// link, directory or other special file is refused with UsageError, never replaced.
void write_output(const std::string& path, const std::string& content);

/// The largest record file read (a child with ten years of monthly talks is about 50 KB):
/// anything bigger is refused unread, so a stray paste cannot exhaust memory.
constexpr uint64_t kMaxRecordBytes = 1 << 20;
/// The largest sheet imported: a county's 10,000 rows are about 3 MB.
constexpr uint64_t kMaxSheetBytes = 64 << 20;

/// Reads a whole file; throws IoError naming `display` on failure, DataError when it is
/// larger than `limit` bytes.
std::string read_file(const std::string& path, const std::string& display,
                      uint64_t limit = UINT64_MAX);

/// Reads a tree file: only a regular file, never blocking on a FIFO or device; throws
/// DataError when it is not one or holds more than `limit` bytes.
std::string read_regular_file(const std::string& path, const std::string& display, uint64_t limit);

/// Runs `git -C dir args…` (no shell); its exit status, or -1 without git. Standard output
/// goes to `output` when given, else it is discarded like standard error.
int run_git(const std::vector<std::string>& args, const std::string& dir,
            std::string* output = nullptr);

/// Where a tree's data stands in git: the short commit, and whether files under the tree
/// differ from it. An empty commit when git is missing or the tree is not in a repository.
struct GitState {
    std::string commit;
    bool dirty = false;
};
GitState git_state(const std::string& root);

}  // namespace liushou
