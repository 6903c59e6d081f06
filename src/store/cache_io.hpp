// What the cache files share (cache.cpp: decoded records; cache_figures.cpp: each child's
// figures, duties and printed outputs): the fixed-width writer and the bounds-checked reader
// of their binary layout, the schema's fingerprint and the mapping of a cache file. Internal
// to src/store.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cache.hpp"
#include "liushou/records.hpp"

namespace liushou::cache_io {

class Out {
  public:
    explicit Out(std::string& s) : s_(s) {}
    void u64(uint64_t v) { s_.append(reinterpret_cast<const char*>(&v), sizeof v); }
    void i64(int64_t v) { s_.append(reinterpret_cast<const char*>(&v), sizeof v); }
    void i32(int32_t v) { s_.append(reinterpret_cast<const char*>(&v), sizeof v); }
    void str(std::string_view v) {
        u64(v.size());
        s_.append(v.data(), v.size());
    }
    void date(const std::optional<Date>& d) {
        i32(d ? static_cast<int32_t>(d->days()) + 1000000 : 0);
    }
    void opt(const std::optional<int>& v) { i32(v ? *v : INT32_MIN); }
    template <class E>
    void en(const std::optional<E>& v) {
        i32(v ? static_cast<int32_t>(*v) : -1);
    }
    void extras(const Extras& e) {
        u64(e.size());
        for (const auto& [k, v] : e) str(k), str(v);
    }
    void strings(const std::vector<std::string>& v) {
        u64(v.size());
        for (const auto& x : v) str(x);
    }
    void bytes(std::string_view v) { s_.append(v.data(), v.size()); }

  private:
    std::string& s_;
};

class In {
  public:
    explicit In(std::string_view s) : s_(s) {}
    bool ok() const { return ok_; }
    uint64_t u64() { return raw<uint64_t>(); }
    int64_t i64() { return raw<int64_t>(); }
    int32_t i32() { return raw<int32_t>(); }
    std::string str() {
        const uint64_t n = u64();
        if (!ok_ || n > s_.size() - pos_) return fail<std::string>();
        std::string v(s_.substr(pos_, n));
        pos_ += n;
        return v;
    }
    std::optional<Date> date() {
        const int32_t v = i32();
        if (v == 0) return std::nullopt;
        return Date::from_days(static_cast<long>(v) - 1000000);
    }
    std::optional<int> opt() {
        const int32_t v = i32();
        return v == INT32_MIN ? std::nullopt : std::optional<int>(v);
    }
    template <class E>
    std::optional<E> en(int count) {
        const int32_t v = i32();
        if (v < -1 || v >= count) return fail<std::optional<E>>();
        return v < 0 ? std::nullopt : std::optional<E>(static_cast<E>(v));
    }
    Extras extras() {
        Extras e;
        const uint64_t n = count();
        for (uint64_t i = 0; ok_ && i < n; ++i) {
            std::string k = str();
            e.emplace_back(std::move(k), str());
        }
        return e;
    }
    std::vector<std::string> strings() {
        std::vector<std::string> v;
        const uint64_t n = count();
        v.reserve(n);
        for (uint64_t i = 0; ok_ && i < n; ++i) v.push_back(str());
        return v;
    }
    /// A list length, refused when it could not fit in what is left.
    uint64_t count() {
        const uint64_t n = u64();
        if (n > s_.size() - pos_) return fail<uint64_t>();
        return n;
    }
    bool at_end() const { return pos_ == s_.size(); }
    size_t left() const { return s_.size() - pos_; }
    size_t pos() const { return pos_; }
    /// The next `n` bytes, skipped.
    std::string_view bytes(uint64_t n) {
        if (!ok_ || n > s_.size() - pos_) return fail<std::string_view>();
        const std::string_view v = s_.substr(pos_, n);
        pos_ += n;
        return v;
    }

  private:
    template <class T>
    T raw() {
        T v{};
        if (!ok_ || sizeof v > s_.size() - pos_) return fail<T>();
        std::memcpy(&v, s_.data() + pos_, sizeof v);
        pos_ += sizeof v;
        return v;
    }
    template <class T>
    T fail() {
        ok_ = false;
        return T{};
    }
    std::string_view s_;
    size_t pos_ = 0;
    bool ok_ = true;
};

/// A file's key as every cache file stores it: size, mtime, inode, ctime.
inline void write_key(Out& o, const FileKey& key) {
    o.u64(key.size);
    o.i64(key.mtime_ns);
    o.u64(key.inode);
    o.i64(key.ctime_ns);
}
inline FileKey read_key(In& in) {
    FileKey key;
    key.size = in.u64();
    key.mtime_ns = in.i64();
    key.inode = in.u64();
    key.ctime_ns = in.i64();
    return key;
}

/// A hash of the child schema's shape, written after each cache file's magic: a cache written
/// by a liushou whose schema.hpp differs (a field added) is ignored as a whole, never misread.
uint64_t schema_fingerprint();

/// A cache file mapped read-only, unmapped with the last copy; null when there is none.
std::shared_ptr<const char> map_cache_file(const std::string& path, size_t& size);

/// A checksum of `bytes`, eight at a time (a delta is read on every warm read: FNV-1a byte by
/// byte would cost a few milliseconds for a delta of a few megabytes).
uint64_t checksum(std::string_view bytes);

/// Writes a delta (a cache file a read adds to) atomically but without an fsync, with its
/// checksum appended: a read command never waits for the disk. A delta the machine lost or
/// tore in a crash is ignored by `checked_delta` (the checksum), and what it held is worked
/// out again from the files, whose keys vouch for every entry. Failures are ignored.
void write_delta_file(const std::string& path, std::string_view bytes);
/// The same for the bytes of `head` then `tail`, neither copied (a checklist kept as printed
/// is megabytes).
void write_delta_file(const std::string& path, std::string_view head, std::string_view tail);
/// The bytes of a delta written by write_delta_file, without their checksum; none when the
/// checksum does not match (a torn or foreign file).
std::optional<std::string_view> checked_delta(std::string_view file);

}  // namespace liushou::cache_io
