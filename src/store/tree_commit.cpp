// Reading a tree as a commit holds it (--rev, a county's bare repositories): files come from
// git objects, and decoded children are cached by blob id.
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
#include "tree_source.hpp"

namespace liushou {

namespace fs = boost::filesystem;
using namespace tree_detail;

Tree Tree::open_commit(const TreeOptions& options) {
    // The tree is where --root says, or the nearest one above the cwd; the directory need not
    // hold the files now (a bare repository holds none), only the commit must.
    std::string root = options.root;
    if (root.empty()) {
        TreeOptions on_disk = options;
        on_disk.rev.clear();
        try {
            root = open(on_disk).root();
        } catch (const UsageError&) {
            root = ".";
        }
    }
    if (!fs::is_directory(root)) throw IoError(fmt::format("{}: " N_("no such directory"), root));
    refuse_foreign_tree(root, root);
    Tree tree(root, options);
    tree.commit_ = GitCommit::open(root, options.rev, options.use_cache);
    tree.source_ = commit_source(tree.commit_);
    if (!tree.commit_->find(kSchoolFile))
        throw IoError(
            fmt::format("{}: " N_("commit {} holds no {} there (not a liushou tree in it)"), root,
                        options.rev, kSchoolFile));
    return tree;
}

namespace {

/// A blob's id as a cache key: its bytes fill the key's fields (their top bits cleared, so no
/// field looks like a time after the cache was written: content never goes stale by age).
FileKey blob_key(const GitEntry& e) {
    uint64_t parts[3] = {0, 0, 0};
    for (size_t i = 0; i + 1 < e.blob.size() && i / 2 < 24; i += 2) {
        const uint64_t byte = std::strtoul(e.blob.substr(i, 2).c_str(), nullptr, 16);
        parts[i / 16] = parts[i / 16] << 8 | byte;
    }
    constexpr uint64_t kLow62 = (uint64_t{1} << 62) - 1;
    return FileKey{e.size, static_cast<int64_t>(parts[0] & kLow62), parts[1],
                   static_cast<int64_t>(parts[2] & kLow62)};
}

}  // namespace

std::vector<Loaded<Child>> Tree::load_children_from_commit() const {
    const std::vector<std::string> ids = child_ids();
    // Keyed by blob ids, the cache of a commit holds for every commit of the repository; it
    // lives with the repository's data (a bare repository has no tree to hold .liushou/).
    const std::string& prefix = commit_->prefix();
    // GIT_DIR/liushou is opened as the tree's own cache is (SafeDir): a copied repository's
    // `liushou -> /elsewhere` is refused, never written through.
    const std::string cache_name =
        prefix.empty() ? std::string("children.bin")
                       : fmt::format("children-{:016x}.bin", std::hash<std::string>{}(prefix));
    const std::string git_dir = commit_->git_dir();
    auto open_cache_dir = [&](bool create) -> std::optional<SafeDir> {
        try {
            return SafeDir::open(git_dir, "liushou", create, create, shown_path(git_dir) + "/");
        } catch (const IoError&) {
            return std::nullopt;  // not there yet, or not ours to write: read every blob
        }
    };
    const auto cache_folder = options_.use_cache ? open_cache_dir(false) : std::nullopt;
    const RecordCache cache =
        cache_folder ? RecordCache::read(cache_folder->path(cache_name)) : RecordCache{};
    std::vector<Loaded<Child>> out(ids.size());
    std::vector<FileKey> keys(ids.size());
    std::vector<size_t> unread;
    for (size_t i = 0; i < ids.size(); ++i) {
        Loaded<Child>& file = out[i];
        file.id = ids[i];
        file.relative = child_file(ids[i]);
        file.path = display(file.relative);
        file.exists = true;
        const GitEntry& e = *commit_->find(file.relative);
        const std::string refused = screen_commit_entry(e);
        if (!refused.empty()) {
            file.problems.push_back(Problem{"", refused, Severity::error, 1, 1});
            continue;
        }
        keys[i] = blob_key(e);
        if (cache.find(ids[i], keys[i], file.record, file.comment_line)) {
            file.parsed = true;
            ++read_stats().records_cached;
        } else {
            unread.push_back(i);
        }
    }
    // The objects in batches: one git process each, the decoding spread over the workers,
    // and never more than a batch of texts in memory.
    constexpr size_t kBatch = 4096;
    for (size_t start = 0; start < unread.size(); start += kBatch) {
        const size_t end = std::min(unread.size(), start + kBatch);
        std::vector<std::string> blobs;
        for (size_t k = start; k < end; ++k)
            blobs.push_back(commit_->find(out[unread[k]].relative)->blob);
        const std::vector<std::string> texts = commit_->read(blobs);
        parallel_for(end - start, worker_count(options_.jobs, end - start), [&](size_t k) {
            Loaded<Child>& file = out[unread[start + k]];
            const std::string& text = texts[k];
            ++read_stats().parsed;
            static_cast<Decoded<Child>&>(file) = decode_child(text, false);
            if (!file.problems.empty() && file.where.at.empty())
                static_cast<Decoded<Child>&>(file) = decode_child(text, true);
            file.comment_line = first_comment_line(text);
        });
        if (options_.progress) options_.progress(N_("reading children/"), end, unread.size());
    }
    if (options_.use_cache && (!unread.empty() || cache.size() != ids.size())) {
        std::vector<RecordCache::Entry> entries;
        for (size_t i = 0; i < ids.size(); ++i)
            if (out[i].writable())
                entries.push_back(
                    RecordCache::Entry{&ids[i], keys[i], out[i].comment_line, &out[i].record});
        // Made 0700: every phone number of the tree.
        if (const auto folder = open_cache_dir(true))
            RecordCache::write(folder->path(cache_name), entries,
                               std::numeric_limits<int64_t>::max());
    }
    return out;
}

void Tree::place_children(const std::vector<Loaded<Child>*>& files) const {
    if (!commit_) return place_children_on_disk(files);
    constexpr size_t kBatch = 4096;
    for (size_t start = 0; start < files.size(); start += kBatch) {
        const size_t end = std::min(files.size(), start + kBatch);
        std::vector<std::string> blobs;
        std::vector<Loaded<Child>*> placed;
        for (size_t k = start; k < end; ++k)
            if (const GitEntry* e = commit_->find(files[k]->relative)) {
                blobs.push_back(e->blob);
                placed.push_back(files[k]);
            }
        const std::vector<std::string> texts = commit_->read(blobs);
        for (size_t k = 0; k < placed.size(); ++k)
            placed[k]->where = decode_child(texts[k], true).where;
    }
}

// ---- Each child's figures of a tree read at a commit (cached_per_child, cache_per_child) ----
//
// A commit never changes, and a blob id is its file's content: figures kept with each child's
// blob id hold for every commit that has the same files, with no racy window (the keys are no
// times; see blob_key). They live beside the commit's record cache, GIT_DIR/liushou, so that
// a county's warm report reads each school's figures instead of decoding its children.

namespace {

/// figures-<kind>.bin, one per tree directory of the repository, as children.bin.
std::string commit_cache_name(const std::string& prefix, const char* kind) {
    return prefix.empty() ? fmt::format("{}.bin", kind)
                          : fmt::format("{}-{:016x}.bin", kind, std::hash<std::string>{}(prefix));
}
const char* commit_cache_kind(const ChildFigures*) {
    return "figures";
}
const char* commit_cache_kind(const ChildDuties*) {
    return "duties";
}

}  // namespace

uint64_t Tree::commit_figures_context(std::string_view context, bool with_staff) const {
    // As figures_context, from the blob ids of the files instead of their bytes.
    uint64_t h = fnv1a(context);
    std::vector<std::string> files = {kSchoolFile};
    if (with_staff && commit_->find(kStaffFile)) files.push_back(kStaffFile);
    for (const auto& id : activity_ids())
        files.push_back(std::string(kActivitiesDir) + "/" + id + ".yaml");
    for (const auto& relative : files) {
        const GitEntry* e = commit_->find(relative);
        if (!e || !screen_commit_entry(*e).empty()) return 0;  // said where it is read
        h = fnv1a(relative, fnv1a("\n", h));
        h = fnv1a(e->blob, h);
    }
    return h == 0 ? 1 : h;
}

template <class T>
std::optional<std::vector<T>> Tree::cached_per_child_in_commit(std::string_view context,
                                                               std::string* tail) const {
    const uint64_t digest = commit_figures_context(context, false);
    if (digest == 0) return std::nullopt;
    std::optional<SafeDir> folder;
    try {
        folder = SafeDir::open(commit_->git_dir(), "liushou", false, false,
                               shown_path(commit_->git_dir()) + "/");
    } catch (const IoError&) {
        return std::nullopt;  // not made yet
    }
    std::vector<std::string> ids = child_ids();
    std::sort(ids.begin(), ids.end());
    const auto key_of = [&](std::string_view id, FileKey& key) {
        const GitEntry* e = commit_->find(child_file(std::string(id)));
        if (!e || !screen_commit_entry(*e).empty()) return false;
        key = blob_key(*e);
        return true;
    };
    return PerChildCache<T>::read(
        folder->path(commit_cache_name(commit_->prefix(),
                                       commit_cache_kind(static_cast<const T*>(nullptr)))),
        digest, ids, key_of, tail);
}

template <class T>
void Tree::cache_per_child_in_commit(std::string_view context, const std::vector<std::string>& ids,
                                     const std::vector<T>& figures, const std::string* tail) const {
    const uint64_t digest = commit_figures_context(context, false);
    if (digest == 0) return;
    std::vector<std::string> sorted_ids = ids, listed = child_ids();
    std::sort(sorted_ids.begin(), sorted_ids.end());
    std::sort(listed.begin(), listed.end());
    if (listed != sorted_ids) return;  // a child skipped as unreadable
    std::vector<FileKey> keys(ids.size());
    for (size_t i = 0; i < ids.size(); ++i) {
        const GitEntry* e = commit_->find(child_file(ids[i]));
        if (!e || !screen_commit_entry(*e).empty()) return;
        keys[i] = blob_key(*e);
    }
    try {
        // Made 0700, as the record cache: the figures name children who fall short.
        const SafeDir folder = SafeDir::open(commit_->git_dir(), "liushou", true, true,
                                             shown_path(commit_->git_dir()) + "/");
        // Content never goes stale by age: no key is racy (blob_key).
        PerChildCache<T>::write(
            folder.path(commit_cache_name(commit_->prefix(),
                                          commit_cache_kind(static_cast<const T*>(nullptr)))),
            digest, ids, keys, figures, std::numeric_limits<int64_t>::max(),
            tail ? std::string_view(*tail) : std::string_view());
    } catch (const IoError&) {
        // A read-only repository: the next run works the figures out again.
    }
}

template std::optional<std::vector<ChildFigures>> Tree::cached_per_child_in_commit(
    std::string_view, std::string*) const;
template std::optional<std::vector<ChildDuties>> Tree::cached_per_child_in_commit(
    std::string_view, std::string*) const;
template void Tree::cache_per_child_in_commit(std::string_view, const std::vector<std::string>&,
                                              const std::vector<ChildFigures>&,
                                              const std::string*) const;
template void Tree::cache_per_child_in_commit(std::string_view, const std::vector<std::string>&,
                                              const std::vector<ChildDuties>&,
                                              const std::string*) const;

}  // namespace liushou
