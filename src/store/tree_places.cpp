// Where check's findings sit in records served from the record cache, which carry no positions:
// .liushou/cache/places.bin keeps, for each child file check had to place, the line and column
// of each field its findings name, keyed by the file's stat as children.bin is, so that the
// next check reads no file to say "children/x.yaml:109:16". A check of 10,000 children, most
// with an open follow-up, read 9,400 files again for this, single-threaded: 3 s.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/filesystem.hpp>
#include <cstring>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "cache.hpp"
#include "cache_io.hpp"
#include "files.hpp"
#include "liushou/error.hpp"
#include "liushou/parallel.hpp"
#include "liushou/store.hpp"
#include "tree_internal.hpp"

namespace liushou {

using cache_io::In;
using cache_io::Out;

namespace {

// Bump when the layout changes: an old file is then ignored, never misread.
constexpr char kPlacesMagic[8] = {'L', 'S', 'H', 'P', 'L', 'A', 'C', '1'};

using Positions = std::vector<std::pair<std::string, std::pair<int, int>>>;

struct Placed {
    FileKey key;
    Positions at;  // each field a finding names -> SourceMap::find's answer for it
};

struct PlacesFile {
    int64_t written_ns = 0;
    std::unordered_map<std::string, Placed> entries;
};

/// The fields SourceMap::locate will look up for `problems`: those of problems with no line
/// yet. A problem with no field is placed at 1:1 whatever the file holds, so it needs none.
std::vector<std::string> fields_to_place(const Problems& problems) {
    std::vector<std::string> out;
    for (const Problem& p : problems)
        if (p.line <= 0 && !p.field.empty()) out.push_back(p.field);
    return out;
}

/// A file's key as the record cache takes it (cache.hpp): false when it is gone or no plain
/// file (a link's target may change without the link's times moving).
bool file_key(const std::string& path, FileKey& key) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
    key = key_of(st);
    return true;
}

/// places.bin as written by write_places; empty when missing, old or corrupt.
PlacesFile read_places(const std::string& path) {
    PlacesFile out;
    size_t size = 0;
    const auto map = cache_io::map_cache_file(path, size);
    if (!map || size < sizeof kPlacesMagic ||
        std::memcmp(map.get(), kPlacesMagic, sizeof kPlacesMagic) != 0)
        return out;
    In in(std::string_view(map.get(), size).substr(sizeof kPlacesMagic));
    out.written_ns = in.i64();
    const uint64_t n = in.count();
    for (uint64_t i = 0; in.ok() && i < n; ++i) {
        std::string id = in.str();
        Placed placed;
        placed.key.size = in.u64();
        placed.key.mtime_ns = in.i64();
        placed.key.inode = in.u64();
        placed.key.ctime_ns = in.i64();
        const uint64_t fields = in.count();
        for (uint64_t k = 0; in.ok() && k < fields; ++k) {
            std::string field = in.str();
            const int line = in.i32();
            const int col = in.i32();
            placed.at.emplace_back(std::move(field), std::make_pair(line, col));
        }
        out.entries.emplace(std::move(id), std::move(placed));
    }
    if (!in.ok() || !in.at_end()) return PlacesFile{};
    return out;
}

void write_places(const std::string& path, const std::vector<const std::string*>& ids,
                  const std::vector<const Placed*>& placed, int64_t started_ns) {
    std::string bytes(kPlacesMagic, sizeof kPlacesMagic);
    Out o(bytes);
    o.i64(started_ns);
    o.u64(ids.size());
    for (size_t i = 0; i < ids.size(); ++i) {
        o.str(*ids[i]);
        o.u64(placed[i]->key.size);
        o.i64(placed[i]->key.mtime_ns);
        o.u64(placed[i]->key.inode);
        o.i64(placed[i]->key.ctime_ns);
        o.u64(placed[i]->at.size());
        for (const auto& [field, at] : placed[i]->at) {
            o.str(field);
            o.i32(at.first);
            o.i32(at.second);
        }
    }
    try {
        atomic_write(path, bytes, 0600);
    } catch (const IoError&) {
        // A read-only tree, a full disk: the next check reads the files again.
    }
}

/// The positions kept for `fields` of a file that still has `key`, if every one is kept and
/// the file is not racy (changed too close to places.bin's writing, or later: git's rule).
const Positions* kept_positions(const PlacesFile& file, const std::string& id, const FileKey& key,
                                const std::vector<std::string>& fields) {
    const auto it = file.entries.find(id);
    if (it == file.entries.end() || !(it->second.key == key)) return nullptr;
    if (!settled(key, file.written_ns)) return nullptr;
    for (const std::string& field : fields) {
        bool found = false;
        for (const auto& kept : it->second.at) found = found || kept.first == field;
        if (!found) return nullptr;
    }
    return &it->second.at;
}

}  // namespace

void Tree::place_children_on_disk(const std::vector<Loaded<Child>*>& files) const {
    using tree_detail::cache_dir;
    const int64_t started = clock_ns();  // before any file is stat'ed
    const auto folder =
        options_.use_cache ? cache_dir(root_, display_prefix_, false) : std::optional<SafeDir>();
    const PlacesFile kept = folder ? read_places(folder->path("places.bin")) : PlacesFile{};
    std::vector<std::vector<std::string>> fields(files.size());
    std::vector<Placed> placed(files.size());
    std::vector<char> known(files.size(), 0);  // 1: placed from the cache, 2: from its file
    parallel_for(files.size(), worker_count(options_.jobs, files.size()), [&](size_t i) {
        Loaded<Child>& f = *files[i];
        fields[i] = fields_to_place(f.problems);
        if (fields[i].empty()) return;  // nothing to look up: no file to read
        // A file of the overlay is not on disk yet: placed from its text, and not kept.
        const bool keyed =
            !overlaid(child_relative(f.id)) &&
            file_key((boost::filesystem::path(root_) / child_relative(f.id)).string(),
                     placed[i].key);
        if (const Positions* at =
                keyed ? kept_positions(kept, f.id, placed[i].key, fields[i]) : nullptr) {
            for (const auto& [field, position] : *at) f.where.at[field] = position;
            placed[i].at = *at;
            known[i] = 1;
            return;
        }
        f.where = load_child(f.id).where;
        for (const std::string& field : fields[i])
            placed[i].at.emplace_back(field, f.where.find(field));
        known[i] = keyed ? 2 : 0;
    });
    // Kept for the next check: every file placed now, when any was read again or the file
    // holds entries no longer needed.
    std::vector<const std::string*> ids;
    std::vector<const Placed*> entries;
    bool read_again = false;
    for (size_t i = 0; i < files.size(); ++i) {
        if (!known[i]) continue;
        read_again = read_again || known[i] == 2;
        ids.push_back(&files[i]->id);
        entries.push_back(&placed[i]);
    }
    if (!options_.use_cache || options_.overlay ||
        (!read_again && ids.size() == kept.entries.size()))
        return;
    try {
        if (const auto out = cache_dir(root_, display_prefix_, true))
            write_places(out->path("places.bin"), ids, entries, started);
    } catch (const Error&) {
        // Only an optimisation: a read-only tree places its findings again next time.
    }
}

}  // namespace liushou
