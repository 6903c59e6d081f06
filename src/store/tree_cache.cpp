// Loading every child in parallel through the per-child caches (.liushou/cache): decoded
// records, figures, duties and printed outputs, keyed by what stat says about each file.
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

ReadStats& read_stats() {
    static ReadStats stats;
    return stats;
}

int64_t clock_ns() {
    struct timespec ts {};
    clock_gettime(CLOCK_REALTIME, &ts);
    return static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

namespace {

/// A child file's key (cache.hpp), by its name in children/ (open as `dir`): false when it is
/// gone or not a plain file (a link, which a cache never vouches for: its target may change
/// without the link's times moving).
bool child_key(int dir, const std::string& id, FileKey& key) {
    struct stat st {};
    if (::fstatat(dir, (id + ".yaml").c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 ||
        !S_ISREG(st.st_mode))
        return false;
    key = key_of(st);
    return true;
}

/// children/, opened to stat its files by name (child_key); -1 when it cannot be.
int open_children_dir(const std::string& root) {
    return ::open((fs::path(root) / kChildrenDir).c_str(),
                  O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
}

const char* cache_name(const Child*) {
    return "children.bin";
}
const char* cache_name(const ChildFigures*) {
    return "figures.bin";
}
const char* cache_name(const ChildDuties*) {
    return "duties.bin";
}
const char* cache_name(const PrintedOutput*) {
    return "printed.bin";
}

template <class T>
std::string cache_path(const SafeDir& dir) {
    return dir.path(cache_name(static_cast<const T*>(nullptr)));
}

}  // namespace

namespace tree_detail {

// .liushou/cache, opened beneath the root with no link followed (SafeDir): a copied tree's
/// `.liushou/cache -> /elsewhere` is refused, never written through. nullopt when it is not
/// there and `create` is false. Both folders are the owner's alone: the cache holds every
/// phone number of the tree.
std::optional<SafeDir> cache_dir(const std::string& root, const std::string& display, bool create) {
    try {
        const SafeDir state = SafeDir::open(root, kStateDir, create, create, display);
        return SafeDir::open(state.path(""), "cache", create, create,
                             display + std::string(kStateDir) + "/");
    } catch (const IoError&) {
        if (create) throw;
        return std::nullopt;  // not made yet (or unreadable: read every file instead)
    }
}

}  // namespace tree_detail

/// The digest of what figures depend on besides the children: the caller's context (the
/// period, the last counted day), liushou.yaml (rules, terms), the activities (greetings) and,
/// `with_staff`, staff.yaml (a printed output names teachers). 0 when one of those files
/// cannot be read: then nothing is cached.
uint64_t Tree::figures_context(std::string_view context, bool with_staff) const {
    uint64_t h = fnv1a(context);
    try {
        std::vector<std::string> files = {kSchoolFile};
        // A tree without staff.yaml has no names to change.
        boost::system::error_code ec;
        if (with_staff && fs::exists(fs::path(root_) / kStaffFile, ec)) files.push_back(kStaffFile);
        for (const auto& id : activity_ids())
            files.push_back(std::string(kActivitiesDir) + "/" + id + ".yaml");
        for (const auto& relative : files) {
            h = fnv1a(relative, fnv1a("\n", h));
            h = fnv1a(
                read_regular_file((fs::path(root_) / relative).string(), relative, kMaxRecordBytes),
                h);
        }
    } catch (const Error&) {
        return 0;
    }
    return h == 0 ? 1 : h;
}

namespace {

/// The most records a delta of the record cache holds before a whole write folds it in: a
/// delta is rewritten whole on every read that adds to it.
size_t delta_limit(size_t children) {
    return std::min<size_t>(4096, std::max<size_t>(256, children / 16));
}

}  // namespace

template <class T>
std::optional<std::vector<T>> Tree::cached_per_child(
    std::string_view context, std::string* tail,
    const std::function<bool(const Child&, T&)>& recount, bool* recounted) const {
    if (!options_.use_cache || options_.overlay) return std::nullopt;
    // A printed output may name the commit, which its children's blobs do not say.
    if constexpr (std::is_same_v<T, PrintedOutput>) {
        if (commit_) return std::nullopt;
    } else if (commit_) {
        return cached_per_child_in_commit<T>(context, tail);  // tree_commit.cpp
    }
    const int64_t started = clock_ns();  // before any file is stat'ed
    const uint64_t digest = figures_context(context, std::is_same_v<T, PrintedOutput>);
    if (digest == 0) return std::nullopt;
    // The children as listed, in byte order (natural order costs a sort that would be much of
    // the work); the figures come in the order they were kept in.
    std::vector<std::string> ids = listed_child_ids();
    std::sort(ids.begin(), ids.end());
    const auto cache = cache_dir(root_, display_prefix_, false);
    if (!cache) return std::nullopt;
    const int dir = open_children_dir(root_);
    if (dir < 0) return std::nullopt;
    // A changed or racy child: its record from the record cache if that holds it as it is,
    // else its file decoded (and kept in the record cache's delta for the next reader).
    // The record cache's delta first (a file written since the last whole write of the
    // record cache, another reader may have decoded already); the whole cache only once
    // many files are missed (after a write of many files that a whole write has folded in).
    std::once_flag recent_once, records_once;
    std::optional<RecordCache> recent, records;
    std::atomic<int> missed{0};
    std::mutex parsed_mutex;
    std::vector<std::pair<std::string, FileKey>> parsed_ids;
    std::vector<std::pair<int, Child>> parsed;
    typename PerChildCache<T>::Recount again;
    if (recount)
        again = [&](std::string_view id_view, const FileKey& now, T& figures) {
            const std::string id(id_view);
            std::call_once(recent_once,
                           [&] { recent = RecordCache::read(cache_path<Child>(*cache), false); });
            Child child;
            int comment_line = 0;
            bool found = recent->find(id, now, child, comment_line);
            if (!found && ++missed > 16) {
                std::call_once(records_once,
                               [&] { records = RecordCache::read(cache_path<Child>(*cache)); });
                found = records->find(id, now, child, comment_line);
            }
            if (found) {
                ++read_stats().records_cached;
                if (child.id != id)
                    return false;  // a copy under another name: said by the whole read
                figures = T{};
                return recount(child, figures);
            }
            const std::string relative = child_file(id);
            std::string text;
            try {
                text = read_regular_file((fs::path(root_) / relative).string(), display(relative),
                                         kMaxRecordBytes);
            } catch (const Error&) {
                return false;  // the whole read says why
            }
            Decoded<Child> decoded = decode_child(text, false);
            ++read_stats().parsed;
            if (!decoded.writable() || decoded.record.id != id) return false;
            figures = T{};
            if (!recount(decoded.record, figures)) return false;
            const std::lock_guard<std::mutex> guard(parsed_mutex);
            parsed_ids.emplace_back(id, now);
            parsed.emplace_back(first_comment_line(text), std::move(decoded.record));
            return true;
        };
    typename PerChildCache<T>::Refresh refresh;
    auto figures = PerChildCache<T>::read(
        cache_path<T>(*cache), digest, ids,
        [&](std::string_view id, FileKey& key) { return child_key(dir, std::string(id), key); },
        tail, again, &refresh);
    ::close(dir);
    if (!figures) return figures;
    if constexpr (std::is_same_v<T, ChildDuties>) {
        // The keys a printed checklist made from these duties is kept with (cache_output).
        auto keys = std::make_shared<StatKeys>();
        keys->ids = std::move(refresh.ids);
        keys->keys = std::move(refresh.keys);
        last_keys_ = keys;
        if (!refresh.changed.empty()) refresh.ids = keys->ids, refresh.keys = keys->keys;
    }
    if (!refresh.changed.empty()) {
        // Kept as they are now, so the next read serves them (the racy ones once they have
        // settled: cache.hpp): in the delta while it is small, else the whole set rewritten. (A
        // caller that reorders them writes the set again in its order.)
        if (recounted) *recounted = true;
        const size_t delta = refresh.kept.size() + refresh.changed.size();
        if (delta <= delta_limit(ids.size()) && delta * 2 <= ids.size())
            PerChildCache<T>::write_delta(cache_path<T>(*cache), digest, refresh, *figures,
                                          started);
        else
            PerChildCache<T>::write(cache_path<T>(*cache), digest, refresh.ids, refresh.keys,
                                    *figures, started, refresh.tail);
    }
    if (!parsed.empty() && recent && recent->has_base() &&
        recent->delta_size() + parsed.size() <= delta_limit(ids.size())) {
        std::vector<RecordCache::Entry> entries;
        for (size_t i = 0; i < parsed.size(); ++i)
            entries.push_back(RecordCache::Entry{&parsed_ids[i].first, parsed_ids[i].second,
                                                 parsed[i].first, &parsed[i].second});
        recent->write_delta(cache_path<Child>(*cache), entries, started);
    }
    return figures;
}

template <class T>
void Tree::cache_per_child(std::string_view context, const std::vector<std::string>& ids,
                           const std::vector<T>& figures, int64_t started_ns,
                           const std::string* tail) const {
    if (!options_.use_cache || options_.overlay || ids.size() != figures.size()) return;
    if constexpr (std::is_same_v<T, PrintedOutput>) {
        if (commit_) return;
    } else if (commit_) {
        return cache_per_child_in_commit(context, ids, figures, tail);  // tree_commit.cpp
    }
    // Every child of the tree, kept in the caller's order.
    std::vector<std::string> sorted_ids = ids;
    std::sort(sorted_ids.begin(), sorted_ids.end());
    std::vector<std::string> listed = listed_child_ids();
    std::sort(listed.begin(), listed.end());
    if (listed != sorted_ids) return;  // a child skipped as unreadable, or one added since
    const uint64_t digest = figures_context(context, std::is_same_v<T, PrintedOutput>);
    if (digest == 0) return;
    const int dir = open_children_dir(root_);
    if (dir < 0) return;
    std::vector<FileKey> keys(ids.size());
    bool all = true;
    // The keys the duties this output was made from were checked against, when it is theirs
    // (the same children in the same order): each file stat'ed once, not twice.
    if (std::is_same_v<T, PrintedOutput> && last_keys_ && last_keys_->ids == ids)
        keys = last_keys_->keys;
    else
        for (size_t i = 0; i < ids.size() && all; ++i) all = child_key(dir, ids[i], keys[i]);
    ::close(dir);
    if (!all) return;
    // The figures name children who fall short: for the tree's owner only, as the records.
    try {
        const auto cache = cache_dir(root_, display_prefix_, true);
        PerChildCache<T>::write(cache_path<T>(*cache), digest, ids, keys, figures, started_ns,
                                tail ? std::string_view(*tail) : std::string_view());
    } catch (const IoError&) {
        // Only an optimisation: a read-only tree works the figures out again.
    }
}

std::optional<std::string> Tree::cached_output(std::string_view context) const {
    std::string bytes;
    if (!cached_per_child<PrintedOutput>(context, &bytes)) return std::nullopt;
    return bytes;
}

void Tree::cache_output(std::string_view context, const std::vector<std::string>& ids,
                        const std::string& bytes, int64_t started_ns) const {
    cache_per_child(context, ids, std::vector<PrintedOutput>(ids.size()), started_ns, &bytes);
}

template std::optional<std::vector<ChildFigures>> Tree::cached_per_child(
    std::string_view, std::string*, const std::function<bool(const Child&, ChildFigures&)>&,
    bool*) const;
template std::optional<std::vector<ChildDuties>> Tree::cached_per_child(
    std::string_view, std::string*, const std::function<bool(const Child&, ChildDuties&)>&,
    bool*) const;
template void Tree::cache_per_child(std::string_view, const std::vector<std::string>&,
                                    const std::vector<ChildFigures>&, int64_t,
                                    const std::string*) const;
template void Tree::cache_per_child(std::string_view, const std::vector<std::string>&,
                                    const std::vector<ChildDuties>&, int64_t,
                                    const std::string*) const;

namespace {

/// One child file as load_children reads it: served from `cache` where its key is the same,
/// else decoded (with positions when it has problems); `given`, a sync's record not written
/// yet, in place of the file. True when it was decoded from the file (so may be cached).
bool read_child_file(const Tree& tree, const RecordCache& cache, const OverlayFile* given,
                     const std::string& id, Loaded<Child>& file, FileKey& key) {
    file.id = id;
    file.relative = child_file(id);  // ids from child_ids() are valid
    file.path = tree.display(file.relative);
    if (given) {
        // A change not written yet (a sync's merged record): parsed, never cached.
        file.exists = given->exists;
        if (!given->refused.empty())
            file.problems.push_back(Problem{"", given->refused, Severity::error, 1, 1});
        if (!given->exists || !given->refused.empty()) return false;
        static_cast<Decoded<Child>&>(file) = decode_child(given->text, false);
        if (!file.problems.empty() && file.where.at.empty())
            static_cast<Decoded<Child>&>(file) = decode_child(given->text, true);
        file.comment_line = first_comment_line(given->text);
        ++read_stats().parsed;
        return false;
    }
    const std::string full = (fs::path(tree.root()) / file.relative).string();
    struct stat st {};
    if (::lstat(full.c_str(), &st) != 0) return false;  // gone since the listing
    file.exists = true;
    if (!S_ISREG(st.st_mode) || static_cast<uint64_t>(st.st_size) > kMaxRecordBytes) {
        const std::string refused = screen_record_file(tree.root(), full, st);
        if (!refused.empty()) {
            file.problems.push_back(Problem{"", refused, Severity::error, 1, 1});
            return false;
        }
        ::stat(full.c_str(), &st);  // a link inside the tree: key the cache on its target
    }
    key = key_of(st);
    if (cache.find(id, key, file.record, file.comment_line)) {
        file.parsed = true;
        ++read_stats().records_cached;
        return false;
    }
    const std::string text = read_regular_file(full, file.path, kMaxRecordBytes);
    static_cast<Decoded<Child>&>(file) = decode_child(text, false);
    if (!file.problems.empty() && file.where.at.empty())
        static_cast<Decoded<Child>&>(file) = decode_child(text, true);
    file.comment_line = first_comment_line(text);
    ++read_stats().parsed;
    return true;
}

}  // namespace

void Tree::for_each_child(const std::function<void(size_t)>& sized,
                          const std::function<void(size_t, Loaded<Child>&)>& each) const {
    if (commit_ || options_.use_cache) {
        // The record cache is written from every record at once, and a commit is read in one
        // batch: these keep load_children's records and hand them on.
        std::vector<Loaded<Child>> all = load_children();
        sized(all.size());
        parallel_for(all.size(), worker_count(options_.jobs, all.size()),
                     [&](size_t i) { each(i, all[i]); });
        return;
    }
    const std::vector<std::string> ids = child_ids();
    sized(ids.size());
    const RecordCache none;
    std::atomic<size_t> finished{0};
    const std::thread::id caller = std::this_thread::get_id();
    parallel_for(ids.size(), worker_count(options_.jobs, ids.size()), [&](size_t i) {
        const size_t started_before = finished++;
        if (options_.progress && std::this_thread::get_id() == caller)
            options_.progress(N_("reading children/"), started_before, ids.size());
        Loaded<Child> file;
        FileKey key;
        read_child_file(*this, none, overlaid(child_file(ids[i])), ids[i], file, key);
        each(i, file);
    });
    if (options_.progress) options_.progress(N_("reading children/"), ids.size(), ids.size());
}

std::vector<Loaded<Child>> Tree::load_children() const {
    if (commit_) return load_children_from_commit();
    const std::vector<std::string> ids = child_ids();
    const auto cache_folder =
        options_.use_cache ? cache_dir(root_, display_prefix_, false) : std::nullopt;
    const RecordCache cache =
        cache_folder ? RecordCache::read(cache_path<Child>(*cache_folder)) : RecordCache{};
    const int64_t started = clock_ns();
    std::vector<Loaded<Child>> out(ids.size());
    std::vector<FileKey> keys(ids.size());
    std::vector<char> fresh(ids.size(), 0);
    std::atomic<size_t> finished{0};
    const std::thread::id caller = std::this_thread::get_id();
    auto read_one = [&](size_t i) {
        const size_t started_before = finished++;  // shown on a terminal only: roughly
        if (options_.progress && std::this_thread::get_id() == caller)
            options_.progress(N_("reading children/"), started_before, ids.size());
        fresh[i] =
            read_child_file(*this, cache, overlaid(child_file(ids[i])), ids[i], out[i], keys[i]);
    };
    parallel_for(ids.size(), worker_count(options_.jobs, ids.size()), read_one);
    if (options_.progress) options_.progress(N_("reading children/"), ids.size(), ids.size());

    // Refresh the cache when anything was parsed or a cached file is gone: the few records
    // decoded since its last whole write go to its delta, else it is written whole.
    const size_t parsed_now = static_cast<size_t>(std::count(fresh.begin(), fresh.end(), 1));
    if (options_.use_cache && !options_.overlay && (parsed_now > 0 || cache.size() != ids.size())) {
        size_t held = 0;  // ids the cache holds: all it holds, when no child has gone
        for (const std::string& id : ids) held += cache.holds(id);
        const bool delta = cache.has_base() && held == cache.size() &&
                           cache.delta_size() + parsed_now <= delta_limit(ids.size());
        std::vector<RecordCache::Entry> entries;
        for (size_t i = 0; i < ids.size(); ++i)
            if (out[i].exists && out[i].writable() && (!delta || fresh[i]))
                entries.push_back(
                    RecordCache::Entry{&ids[i], keys[i], out[i].comment_line, &out[i].record});
        try {
            const auto folder = cache_dir(root_, display_prefix_, true);
            if (delta)
                cache.write_delta(cache_path<Child>(*folder), entries, started);
            else
                RecordCache::write(cache_path<Child>(*folder), entries, started);
        } catch (const IoError&) {
            // A read-only tree, a full disk: the next read parses again.
        }
    }
    // A file that vanished between listing and reading is simply not there.
    out.erase(
        std::remove_if(out.begin(), out.end(), [](const Loaded<Child>& f) { return !f.exists; }),
        out.end());
    return out;
}

bool CachedChildren::name(size_t i, std::string& id, std::string& name) const {
    return peek_child_name(records_[i], id, name);
}

bool CachedChildren::load(size_t i, Child& child) const {
    return deserialize_child(records_[i], child);
}

std::optional<CachedChildren> Tree::cached_children() const {
    if (commit_ || !options_.use_cache || options_.overlay) return std::nullopt;
    CachedChildren out;
    out.ids_ = child_ids();
    const auto folder = cache_dir(root_, display_prefix_, false);
    if (!folder) return std::nullopt;
    auto cache = std::make_shared<const RecordCache>(RecordCache::read(cache_path<Child>(*folder)));
    // An entry for a child since removed: load_children would rewrite the cache.
    if (cache->size() != out.ids_.size()) return std::nullopt;
    const int dir = open_children_dir(root_);
    if (dir < 0) return std::nullopt;
    out.records_.reserve(out.ids_.size());
    for (const std::string& id : out.ids_) {
        FileKey key;
        std::optional<std::string_view> bytes;
        if (child_key(dir, id, key)) bytes = cache->record(id, key);
        if (!bytes) break;  // changed, gone, a link: load_children reads it
        out.records_.push_back(*bytes);
    }
    ::close(dir);
    if (out.records_.size() != out.ids_.size()) return std::nullopt;
    out.cache_ = std::move(cache);
    return out;
}

}  // namespace liushou
