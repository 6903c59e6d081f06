// The record cache in .liushou/cache: decoded children keyed by what stat says about their
// files, so a read command on an unchanged tree skips parsing. Derived data only: a missing,
// old or corrupt cache is ignored and rebuilt.
#pragma once

#include <sys/stat.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "liushou/records.hpp"
#include "liushou/report.hpp"

namespace liushou {

/// What identifies a file's content without reading it, as git's index does. The ctime is
/// part of it because an edit can keep size and mtime (`dd conv=notrunc` then `touch -r`), but
/// no user program can set the ctime back.
struct FileKey {
    uint64_t size = 0;
    int64_t mtime_ns = 0;
    uint64_t inode = 0;
    int64_t ctime_ns = 0;
    bool operator==(const FileKey& o) const {
        return size == o.size && mtime_ns == o.mtime_ns && inode == o.inode &&
               ctime_ns == o.ctime_ns;
    }
};

/// The key of a file as stat saw it.
inline FileKey key_of(const struct stat& st) {
    return FileKey{static_cast<uint64_t>(st.st_size),
                   static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec,
                   static_cast<uint64_t>(st.st_ino),
                   static_cast<int64_t>(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec};
}

/// How far behind a read's start a finely stamped file must have changed for its key to be
/// trusted. Such a filesystem (ext4, xfs, btrfs; exFAT in 10 ms) stamps from the kernel's
/// coarse clock, at most a scheduler tick (4-10 ms) behind the clock a read's start is taken
/// from; the rest is margin.
constexpr int64_t kSettleNs = 100000000;

/// Git's racy-entry rule: when a file whose key a read found can be trusted unchanged for as
/// long as its key is. A later change in the same timestamp tick as the one recorded may keep
/// the size and both times, so a file stamped too close to the read is read again, by the next
/// read too, until it is settled. Times of whole seconds (ext3, some network shares; FAT, whose
/// USB sticks date a change in steps of two seconds) must be two seconds before the read's
/// second, so that any later change falls in a later step; finer ones (either time: a change
/// always moves the ctime) kSettleNs before it. (Until #48 every file had to be of an earlier
/// second: a script's loop of writes and reads, each in the second of the last write, then read
/// the same files again and again.)
/// settles_at() is the first read start at which the key is trusted (a walk that found it not
/// yet settled waits for that); settled() whether a read that began at `read_ns` trusts it.
inline int64_t settles_at(const FileKey& key) {
    constexpr int64_t kSecond = 1000000000;
    const int64_t changed = key.mtime_ns > key.ctime_ns ? key.mtime_ns : key.ctime_ns;
    // A time too far ahead to add to (a file dated centuries on) never settles.
    if (changed > INT64_MAX - 3 * kSecond) return INT64_MAX;
    if (key.mtime_ns % kSecond == 0 && key.ctime_ns % kSecond == 0)
        return (changed / kSecond + 2) * kSecond;
    return changed + kSettleNs + 1;
}
inline bool settled(const FileKey& key, int64_t read_ns) {
    return settles_at(key) <= read_ns;
}

/// The children's files by id, each with its key as a read found it.
struct StatKeys {
    std::vector<std::string> ids;
    std::vector<FileKey> keys;
};

/// A cache file as read from disk, with its delta; entries are decoded only when asked for.
/// As git's split index: children.bin holds every child as of its last whole write, and
/// children.bin.delta beside it the few records decoded since (a read right after a write
/// adds its one file there instead of rewriting tens of megabytes).
class RecordCache {
  public:
    /// Reads `path` and its delta; an unreadable, old-format or corrupt file gives an empty
    /// cache (a delta of another base, or corrupt, is ignored alone). Not `whole`: only the
    /// base's header and the delta (the records decoded since its last whole write), for a
    /// reader that looks up a few files just written: indexing the base touches every page of
    /// it (tens of megabytes).
    static RecordCache read(const std::string& path, bool whole = true);

    /// The cached record for `id` if its file still has `key`. A file modified in the same
    /// second its entry was written, or later, may have changed unseen: it is never served.
    bool find(const std::string& id, const FileKey& key, Child& child, int& comment_line) const;
    /// The same record still serialized (for deserialize_child), or none as find.
    std::optional<std::string_view> record(const std::string& id, const FileKey& key) const;

    /// Entries (ids) held, in the base and the delta together.
    size_t size() const { return index_.size(); }
    /// Whether there is an entry for `id` (valid or not).
    bool holds(const std::string& id) const { return index_.count(id) != 0; }
    /// Entries held in the delta only; whether there is a base to add a delta to.
    size_t delta_size() const { return delta_count_; }
    bool has_base() const { return base_ns_ != 0; }

    struct Entry {
        const std::string* id;
        FileKey key;
        int comment_line;
        const Child* child;
    };
    /// Writes a cache of `entries` atomically, and drops the delta; `started_ns` is when the
    /// files were stat'ed. Failures are ignored: the cache is only an optimisation.
    static void write(const std::string& path, const std::vector<Entry>& entries,
                      int64_t started_ns);
    /// Writes the delta of this cache's base (read from `path`): `entries` (decoded since
    /// from files stat'ed at `started_ns` or later), and what the delta held for other ids.
    void write_delta(const std::string& path, const std::vector<Entry>& entries,
                     int64_t started_ns) const;

  private:
    struct Slot {
        FileKey key;
        int comment_line;
        int64_t written_ns;  // the entry's own racy bound
        bool in_delta;
        std::string_view bytes;  // the serialized record, in a mapped file
    };
    bool read_delta(const std::string& path);
    /// The cache files, mapped read-only: records are decoded straight from the page cache.
    std::shared_ptr<const char> map_, delta_map_;
    std::unordered_map<std::string, Slot> index_;
    int64_t base_ns_ = 0;
    size_t delta_count_ = 0;
};

/// A cache of each child's figures for one context in .liushou/cache: figures.bin of a
/// summary's (report.hpp: ChildFigures), duties.bin of a checklist's (schedule.hpp:
/// ChildDuties), so that a warm report neither decodes nor counts a child; printed.bin of a
/// printed checklist (PrintedOutput). Only a whole set is served: every child of the list,
/// each file unchanged.
template <class T>
class PerChildCache {
  public:
    using KeyOf = std::function<bool(std::string_view, FileKey&)>;
    /// Works out one child's figures afresh from its file (which has key `now`): false when
    /// it cannot (then the whole set is read again, the way that reports why).
    using Recount = std::function<bool(std::string_view id, const FileKey& now, T& figures)>;
    /// What a read that recounted some children gives for writing the set back as it is now:
    /// whole (write), or as a delta of the file read (write_delta).
    struct Refresh {
        std::vector<std::string> ids;  // in the order they were kept
        std::vector<FileKey> keys;
        std::string tail;
        int64_t base_ns = 0;          // when the file read was written: a delta names it
        std::vector<size_t> changed;  // the positions recounted now
        struct Kept {
            std::string id;
            FileKey key;
            int64_t written_ns;
            std::string blob;
        };
        std::vector<Kept> kept;  // what the delta held for the others, as it was
    };
    /// The figures of the children `ids` (sorted by bytes), in the order they were written,
    /// if the cache holds them for `context` and `key_of(id, key)` gives each file's key; a
    /// child whose file changed or is racy (modified too close to the cache's writing, or
    /// later) is worked out again by `recount`, if given. None otherwise (an added or removed
    /// child, another period or day, an old or corrupt file, a recount that fails). `tail`,
    /// when given, gets the bytes kept after them; `refresh`, when something was recounted,
    /// what write needs to keep the set as it is now.
    static std::optional<std::vector<T>> read(const std::string& path, uint64_t context,
                                              const std::vector<std::string>& ids,
                                              const KeyOf& key_of, std::string* tail = nullptr,
                                              const Recount& recount = {},
                                              Refresh* refresh = nullptr);
    /// Writes the figures of `ids` (files stat'ed as `keys`) atomically, in their order, and
    /// `tail` after them; `started_ns` is when their files were first read, so that a file
    /// changed since is never served.
    static void write(const std::string& path, uint64_t context,
                      const std::vector<std::string>& ids, const std::vector<FileKey>& keys,
                      const std::vector<T>& figures, int64_t started_ns,
                      std::string_view tail = {});
    /// Keeps what a read recounted (`refresh`, `figures` as read gave them) in the delta beside
    /// `path` (`path`.delta, as the record cache's): a read right after a write adds a few
    /// kilobytes instead of rewriting the whole set. Its entries replace the base's, each with
    /// its own racy bound `started_ns`; a whole write drops it.
    static void write_delta(const std::string& path, uint64_t context, const Refresh& refresh,
                            const std::vector<T>& figures, int64_t started_ns);
};
/// Nothing of a child's own: a PerChildCache<PrintedOutput> keeps only each file's key, and a
/// whole output made from them all (Tree::cached_output) as its tail.
struct PrintedOutput {};

/// One child's figures (or duties) as PerChildCache keeps them, appended to `out`; and back,
/// false unless `data` is exactly one such.
void serialize_figures(std::string& out, const ChildFigures& figures);
void serialize_figures(std::string& out, const ChildDuties& duties);
void serialize_figures(std::string& out, const PrintedOutput& nothing);
template <class T>
bool deserialize_figures(std::string_view data, T& figures);

/// staff.yaml decoded, kept in .liushou/cache/staff.bin (cache_staff.cpp): every write reads
/// the list to check a teacher's id, and a county's 1,500 teachers took a third of a log-talk
/// to parse. The list kept for a file with `key`, when the file was settled when it was kept;
/// none when missing, old, torn or for another version of the file.
std::optional<StaffList> read_staff_cache(const std::string& path, const FileKey& key);
/// Keeps `staff`, decoded from a file with `key` that a read beginning at `read_ns` found;
/// nothing when the file was not settled then (it would never be trusted). Failures ignored.
void write_staff_cache(const std::string& path, const FileKey& key, int64_t read_ns,
                       const StaffList& staff);
/// Serialization of a staff list (exposed for tests).
void serialize_staff(std::string& out, const StaffList& staff);
bool deserialize_staff(std::string_view data, StaffList& staff);

/// Serialization of a child record (exposed for tests).
void serialize_child(std::string& out, const Child& child);
bool deserialize_child(std::string_view data, Child& child);
/// The id and name of a serialized record, without decoding the rest (they come first).
bool peek_child_name(std::string_view data, std::string& id, std::string& name);

}  // namespace liushou
