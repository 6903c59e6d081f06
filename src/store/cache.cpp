// The record cache (.liushou/cache/children.bin): each child decoded, serialized field by
// field in schema order, keyed by its file's stat. The figures caches are in
// cache_figures.cpp; the layout's writer and reader in cache_io.hpp.
#include "cache.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <thread>

#include "cache_io.hpp"
#include "files.hpp"
#include "liushou/error.hpp"
#include "liushou/schema.hpp"
#include "liushou/store.hpp"
#include "liushou/text.hpp"

namespace liushou {

using cache_io::In;
using cache_io::map_cache_file;
using cache_io::Out;
using cache_io::schema_fingerprint;

namespace {

// Bump when the layout changes: an old cache is then ignored, never misread. (A field added to
// schema.hpp changes the layout too; the record count and the exact end are checked, so a
// forgotten bump is caught as a bad cache, but bump anyway.)
constexpr char kMagic[8] = {'L', 'S', 'H', 'C', 'A', 'C', 'H', '6'};

/// Writes a record described in schema.hpp, field by field in schema order.
class RecordOut {
  public:
    explicit RecordOut(Out& o) : o_(o) {}
    void text(std::string_view, const std::string& v) { o_.str(v); }
    void date(std::string_view, const std::optional<Date>& v) { o_.date(v); }
    void integer(std::string_view, const std::optional<int>& v) { o_.opt(v); }
    void boolean(std::string_view, const std::optional<bool>& v) { o_.i32(v ? (*v ? 1 : 0) : -1); }
    void boolean(std::string_view, bool v) { o_.i32(v ? 1 : 0); }
    template <class E>
    void enumeration(std::string_view, const std::optional<E>& v) {
        o_.en(v);
    }
    template <class E>
    void enumeration(std::string_view, const E& v) {
        o_.i32(static_cast<int32_t>(v));
    }
    void text_list(std::string_view, const std::vector<std::string>& v) { o_.strings(v); }
    void one_or_more(std::string_view, const std::vector<std::string>& v) { o_.strings(v); }
    template <class S, class F>
    void map(std::string_view, const S& sub, F describe) {
        describe(*this, sub);
        o_.extras(sub.extras);
    }
    template <class S, class F>
    void list(std::string_view, const std::vector<S>& items, F describe, std::string_view) {
        o_.u64(items.size());
        for (const S& item : items) map("", item, describe);
    }

  private:
    Out& o_;
};

/// Reads what RecordOut wrote; any value out of range (an enum past its last value) fails.
class RecordIn {
  public:
    explicit RecordIn(In& in) : in_(in) {}
    bool ok() const { return in_.ok() && ok_; }
    void text(std::string_view, std::string& v) { v = in_.str(); }
    void date(std::string_view, std::optional<Date>& v) { v = in_.date(); }
    void integer(std::string_view, std::optional<int>& v) { v = in_.opt(); }
    void boolean(std::string_view, std::optional<bool>& v) {
        const int32_t b = in_.i32();
        if (b < -1 || b > 1) ok_ = false;
        if (b >= 0) v = b == 1;
    }
    void boolean(std::string_view, bool& v) {
        const int32_t b = in_.i32();
        if (b < 0 || b > 1) ok_ = false;
        v = b == 1;
    }
    template <class E>
    void enumeration(std::string_view, std::optional<E>& v) {
        v = in_.en<E>(static_cast<int>(enum_entries<E>().size()));
    }
    template <class E>
    void enumeration(std::string_view key, E& v) {
        std::optional<E> e;
        enumeration(key, e);
        if (!e)
            ok_ = false;
        else
            v = *e;
    }
    void text_list(std::string_view, std::vector<std::string>& v) { v = in_.strings(); }
    void one_or_more(std::string_view, std::vector<std::string>& v) { v = in_.strings(); }
    template <class S, class F>
    void map(std::string_view, S& sub, F describe) {
        describe(*this, sub);
        sub.extras = in_.extras();
    }
    template <class S, class F>
    void list(std::string_view, std::vector<S>& items, F describe, std::string_view) {
        const uint64_t n = in_.count();
        // Each item takes at least its extras' count (8 bytes): a length no file could hold
        // reserves no more than the file's bytes allow.
        items.reserve(std::min<uint64_t>(n, in_.left() / 8));
        for (uint64_t i = 0; ok() && i < n; ++i) {
            S item;
            map("", item, describe);
            items.push_back(std::move(item));
        }
    }

  private:
    In& in_;
    bool ok_ = true;
};

/// Writes the shape of a record's schema: every key with its kind, nesting and enum sizes.
class Shape {
  public:
    explicit Shape(std::string& out) : out_(out) {}
    template <class X>
    void text(std::string_view k, const X&) {
        add(k, "t");
    }
    template <class X>
    void date(std::string_view k, const X&) {
        add(k, "d");
    }
    template <class X>
    void integer(std::string_view k, const X&) {
        add(k, "i");
    }
    void boolean(std::string_view k, const std::optional<bool>&) { add(k, "b?"); }
    void boolean(std::string_view k, bool) { add(k, "b"); }
    template <class E>
    void enumeration(std::string_view k, const std::optional<E>&) {
        add(k, "e?" + std::to_string(enum_entries<E>().size()));
    }
    template <class E>
    void enumeration(std::string_view k, const E&) {
        add(k, "e" + std::to_string(enum_entries<E>().size()));
    }
    template <class X>
    void text_list(std::string_view k, const X&) {
        add(k, "l");
    }
    template <class X>
    void one_or_more(std::string_view k, const X&) {
        add(k, "l1");
    }
    template <class S, class F>
    void map(std::string_view k, const S& sub, F describe) {
        add(k, "{");
        describe(*this, sub);
        out_ += "};";
    }
    template <class S, class F>
    void list(std::string_view k, const std::vector<S>&, F describe, std::string_view) {
        add(k, "[");
        const S item{};
        describe(*this, item);
        out_ += "];";
    }

  private:
    void add(std::string_view key, const std::string& kind) {
        out_.append(key).append(":").append(kind).append(";");
    }
    std::string& out_;
};

}  // namespace

namespace cache_io {

/// A hash of the shape of the records the caches hold (a child, the staff list), written after
/// the magic: a cache written by a liushou whose schema.hpp differs (a field added) is ignored
/// as a whole, never misread.
uint64_t schema_fingerprint() {
    static const uint64_t hash = [] {
        std::string shape;
        Shape v(shape);
        const Child blank;
        schema::child(v, blank);
        const StaffList no_staff;
        schema::staff_list(v, no_staff);
        uint64_t h = 1469598103934665603ULL;  // FNV-1a
        for (unsigned char c : shape) h = (h ^ c) * 1099511628211ULL;
        return h;
    }();
    return hash;
}

/// A cache file mapped read-only, unmapped with the last copy; null when there is none.
/// Derived data that anyone may have replaced: only a regular file is mapped, and the open
/// never blocks (a FIFO put here would otherwise hang every read command).
std::shared_ptr<const char> map_cache_file(const std::string& path, size_t& size) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW);
    if (fd < 0) return nullptr;
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0) {
        ::close(fd);
        return nullptr;
    }
    const size_t length = static_cast<size_t>(st.st_size);
    void* addr = ::mmap(nullptr, length, PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (addr == MAP_FAILED) return nullptr;
    size = length;
    return std::shared_ptr<const char>(static_cast<const char*>(addr), [length](const char* p) {
        ::munmap(const_cast<char*>(p), length);
    });
}

namespace {

/// checksum() of pieces taken one after another, as of the one string they make (`total`
/// bytes in all): a checklist kept as printed is megabytes, not worth a copy to sum it.
class Checksum {
  public:
    explicit Checksum(size_t total) : h_(0x9E3779B97F4A7C15ULL ^ total) {}
    void add(std::string_view bytes) {
        if (bytes.empty()) return;  // an empty view may hold no pointer at all, for memcpy
        size_t i = 0;
        if (held_ > 0) {  // the last piece's ragged end, made a word
            i = std::min(sizeof word_ - held_, bytes.size());
            std::memcpy(word_ + held_, bytes.data(), i);
            held_ += i;
            if (held_ < sizeof word_) return;
            mix(word_);
            held_ = 0;
        }
        for (; i + 8 <= bytes.size(); i += 8) mix(bytes.data() + i);
        held_ = std::min(bytes.size() - i, sizeof word_ - 1);  // what is left: less than a word
        std::memcpy(word_, bytes.data() + i, held_);
    }
    uint64_t done() {
        for (size_t i = 0; i < held_; ++i)
            h_ = (h_ ^ static_cast<unsigned char>(word_[i])) * 1099511628211ULL;
        return h_ ^ (h_ >> 29);
    }

  private:
    void mix(const char* eight) {
        uint64_t w;
        std::memcpy(&w, eight, 8);
        h_ = (h_ ^ w) * 0xFF51AFD7ED558CCDULL;
        h_ ^= h_ >> 32;
    }
    uint64_t h_;
    char word_[8] = {};
    size_t held_ = 0;
};

}  // namespace

uint64_t checksum(std::string_view bytes) {
    Checksum sum(bytes.size());
    sum.add(bytes);
    return sum.done();
}

void write_delta_file(const std::string& path, std::string_view bytes) {
    write_delta_file(path, bytes, {});
}

void write_delta_file(const std::string& path, std::string_view head, std::string_view tail) {
    Checksum summing(head.size() + tail.size());
    summing.add(head);
    summing.add(tail);
    const uint64_t sum = summing.done();
    const std::string_view end(reinterpret_cast<const char*>(&sum), sizeof sum);
    FileSink& files = system_files();
    const std::string tmp = temporary_beside(path);
    const int fd = files.create(tmp, 0600);
    // A read-only tree, a full disk: the next read works those entries out again.
    if (fd < 0) return;
    // Root writing in a user's tree: the cache stays the user's, as stage_file keeps a record
    // (a root:root 0600 cache would be unreadable to the owner's own liushou).
    const auto owner = owner_for_root(directory_of(path).string());
    bool whole = !owner || ::fchown(fd, owner->uid, owner->gid) == 0;
    for (std::string_view piece : {head, tail, end})
        while (whole && !piece.empty()) {
            const ssize_t n = files.write(fd, piece.data(), piece.size());
            if (n < 0 && errno == EINTR) continue;
            whole = n > 0;
            if (whole) piece.remove_prefix(static_cast<size_t>(n));
        }
    whole = ::close(fd) == 0 && whole;
    try {
        if (whole) rename_staged(tmp, path, files, true);
    } catch (const IoError&) {
        whole = false;
    }
    if (!whole) ::unlink(tmp.c_str());
}

std::optional<std::string_view> checked_delta(std::string_view file) {
    uint64_t sum = 0;
    if (file.size() < sizeof sum) return std::nullopt;
    const std::string_view bytes = file.substr(0, file.size() - sizeof sum);
    std::memcpy(&sum, file.data() + bytes.size(), sizeof sum);
    if (checksum(bytes) != sum) return std::nullopt;
    return bytes;
}

}  // namespace cache_io

void serialize_child(std::string& buffer, const Child& c) {
    Out o(buffer);
    o.i32(c.schema);
    RecordOut fields(o);
    schema::child(fields, c);
    o.extras(c.extras);
}

bool deserialize_child(std::string_view data, Child& c) {
    In in(data);
    c = Child{};
    c.schema = in.i32();
    RecordIn fields(in);
    schema::child(fields, c);
    c.extras = in.extras();
    return fields.ok() && in.at_end();
}

void serialize_staff(std::string& buffer, const StaffList& list) {
    Out o(buffer);
    RecordOut fields(o);
    schema::staff_list(fields, list);
    o.extras(list.extras);
}

bool deserialize_staff(std::string_view data, StaffList& list) {
    In in(data);
    list = StaffList{};
    RecordIn fields(in);
    schema::staff_list(fields, list);
    list.extras = in.extras();
    return fields.ok() && in.at_end();
}

bool peek_child_name(std::string_view data, std::string& id, std::string& name) {
    // schema::child describes id and name first, as serialize_child writes them after the
    // schema number (the unit tests compare this with a whole decode).
    In in(data);
    in.i32();
    id = in.str();
    name = in.str();
    return in.ok();
}

namespace {

// The delta's own magic: it names its base by the base's written time.
// 2: checksummed, written without an fsync (cache_io::write_delta_file).
constexpr char kDeltaMagic[8] = {'L', 'S', 'H', 'C', 'D', 'L', 'T', '2'};

std::string delta_path(const std::string& path) {
    return path + ".delta";
}

/// Writes a cache file atomically. Failures are ignored: the cache is only an optimisation.
void write_cache_file(const std::string& path, const std::string& bytes) {
    try {
        atomic_write(path, bytes, 0600);
    } catch (const IoError&) {
        // A read-only tree, a full disk: the next run simply parses again.
    }
}

}  // namespace

RecordCache RecordCache::read(const std::string& path, bool whole) {
    RecordCache cache;
    size_t size = 0;
    cache.map_ = map_cache_file(path, size);
    if (!cache.map_) return cache;
    const std::string_view data(cache.map_.get(), size);
    In in(data);
    if (in.bytes(sizeof kMagic) != std::string_view(kMagic, sizeof kMagic)) return RecordCache{};
    if (in.u64() != schema_fingerprint()) return RecordCache{};
    cache.base_ns_ = in.i64();
    if (!whole) {
        if (!in.ok() || cache.base_ns_ == 0) return RecordCache{};
        cache.map_.reset();  // only its time was needed
        if (!cache.read_delta(path)) cache.delta_map_.reset();
        return cache;
    }
    const uint64_t count = in.count();
    cache.index_.reserve(count);
    for (uint64_t i = 0; in.ok() && i < count; ++i) {
        std::string id = in.str();
        Slot slot{};
        slot.key = read_key(in);
        slot.comment_line = in.i32();
        slot.written_ns = cache.base_ns_;
        slot.in_delta = false;
        slot.bytes = in.bytes(in.u64());  // decoded only when asked for
        if (in.ok()) cache.index_.emplace(std::move(id), slot);
    }
    if (!in.ok() || cache.base_ns_ == 0) return RecordCache{};
    if (!cache.read_delta(path)) cache.delta_map_.reset();
    return cache;
}

bool RecordCache::read_delta(const std::string& path) {
    size_t size = 0;
    delta_map_ = map_cache_file(delta_path(path), size);
    if (!delta_map_) return false;
    const auto checked = cache_io::checked_delta(std::string_view(delta_map_.get(), size));
    if (!checked) return false;  // torn by a crash, or foreign: ignored
    In in(*checked);
    if (in.bytes(sizeof kDeltaMagic) != std::string_view(kDeltaMagic, sizeof kDeltaMagic) ||
        in.u64() != schema_fingerprint() || in.i64() != base_ns_)
        return false;  // another base's (or an old format): ignored
    const uint64_t count = in.count();
    std::vector<std::pair<std::string, Slot>> slots;
    slots.reserve(count);
    for (uint64_t i = 0; in.ok() && i < count; ++i) {
        std::string id = in.str();
        Slot slot{};
        slot.key = read_key(in);
        slot.comment_line = in.i32();
        slot.written_ns = in.i64();
        slot.in_delta = true;
        slot.bytes = in.bytes(in.u64());
        slots.emplace_back(std::move(id), slot);
    }
    if (!in.ok() || !in.at_end()) return false;  // all of it or none
    for (auto& [id, slot] : slots) {
        auto [it, added] = index_.insert_or_assign(std::move(id), slot);
        (void)it, (void)added;
        ++delta_count_;
    }
    return true;
}

std::optional<std::string_view> RecordCache::record(const std::string& id,
                                                    const FileKey& key) const {
    const auto it = index_.find(id);
    if (it == index_.end() || !(it->second.key == key)) return std::nullopt;
    if (!settled(key, it->second.written_ns)) return std::nullopt;  // racy: read it again
    return it->second.bytes;
}

bool RecordCache::find(const std::string& id, const FileKey& key, Child& child,
                       int& comment_line) const {
    const auto bytes = record(id, key);
    if (!bytes || !deserialize_child(*bytes, child)) return false;
    comment_line = index_.find(id)->second.comment_line;
    return true;
}

void RecordCache::write(const std::string& path, const std::vector<Entry>& entries,
                        int64_t started_ns) {
    std::string out;
    Out o(out);
    o.bytes(std::string_view(kMagic, sizeof kMagic));
    o.u64(schema_fingerprint());
    o.i64(started_ns);
    o.u64(entries.size());
    std::string record;
    for (const Entry& e : entries) {
        record.clear();
        serialize_child(record, *e.child);
        o.str(*e.id);
        write_key(o, e.key);
        o.i32(e.comment_line);
        o.u64(record.size());
        out += record;
    }
    // The delta goes first: left beside the new base, it would name the old one and be ignored,
    // but a base written in the same nanosecond as the old one must not adopt it.
    ::unlink(delta_path(path).c_str());
    write_cache_file(path, out);
}

void RecordCache::write_delta(const std::string& path, const std::vector<Entry>& entries,
                              int64_t started_ns) const {
    if (!has_base()) return;
    std::string out;
    Out o(out);
    o.bytes(std::string_view(kDeltaMagic, sizeof kDeltaMagic));
    o.u64(schema_fingerprint());
    o.i64(base_ns_);
    std::unordered_map<std::string_view, const Entry*> fresh;
    for (const Entry& e : entries) fresh.emplace(*e.id, &e);
    size_t kept = 0, kept_bytes = 0;
    for (const auto& [id, slot] : index_)
        if (slot.in_delta && !fresh.count(id)) ++kept, kept_bytes += id.size() + slot.bytes.size();
    // Reserved once: grown a doubling at a time, a delta of a few megabytes (a 100-row import
    // kept beside a read's one file) was copied over and over into fresh pages.
    out.reserve(64 + kept_bytes + (kept + entries.size()) * 64 + entries.size() * 8192);
    o.u64(kept + entries.size());
    // What the delta held for other children, as it was (each with its own racy bound).
    for (const auto& [id, slot] : index_) {
        if (!slot.in_delta || fresh.count(id)) continue;
        o.str(id);
        write_key(o, slot.key);
        o.i32(slot.comment_line);
        o.i64(slot.written_ns);
        o.str(slot.bytes);
    }
    std::string record;
    for (const Entry& e : entries) {
        record.clear();
        serialize_child(record, *e.child);
        o.str(*e.id);
        write_key(o, e.key);
        o.i32(e.comment_line);
        o.i64(started_ns);
        o.str(record);
    }
    cache_io::write_delta_file(delta_path(path), std::move(out));
}

}  // namespace liushou
