// .liushou/cache/staff.bin: staff.yaml decoded (cache.hpp says why). One file: its magic, the
// schema's fingerprint, the time the read that wrote it began, staff.yaml's key, the list;
// written without an fsync, with a checksum (a torn file is ignored), like a delta.
#include <cstring>
#include <string>

#include "cache.hpp"
#include "cache_io.hpp"

namespace liushou {

using cache_io::In;
using cache_io::Out;

namespace {

// Bump when the layout changes: an old file is then ignored, never misread.
constexpr char kStaffMagic[8] = {'L', 'S', 'H', 'S', 'T', 'A', 'F', '1'};

}  // namespace

std::optional<StaffList> read_staff_cache(const std::string& path, const FileKey& key) {
    size_t size = 0;
    const auto map = cache_io::map_cache_file(path, size);
    if (!map) return std::nullopt;
    const auto body = cache_io::checked_delta(std::string_view(map.get(), size));
    if (!body || body->size() < sizeof kStaffMagic ||
        std::memcmp(body->data(), kStaffMagic, sizeof kStaffMagic) != 0)
        return std::nullopt;
    In in(body->substr(sizeof kStaffMagic));
    const uint64_t fingerprint = in.u64();
    const int64_t written_ns = in.i64();
    const FileKey kept = cache_io::read_key(in);
    if (!in.ok() || fingerprint != cache_io::schema_fingerprint() || !(kept == key) ||
        !settled(key, written_ns))
        return std::nullopt;
    StaffList list;
    if (!deserialize_staff(body->substr(sizeof kStaffMagic + in.pos()), list)) return std::nullopt;
    return list;
}

void write_staff_cache(const std::string& path, const FileKey& key, int64_t read_ns,
                       const StaffList& staff) {
    if (!settled(key, read_ns)) return;
    std::string bytes(kStaffMagic, sizeof kStaffMagic);
    Out o(bytes);
    o.u64(cache_io::schema_fingerprint());
    o.i64(read_ns);
    cache_io::write_key(o, key);
    serialize_staff(bytes, staff);
    cache_io::write_delta_file(path, bytes);
}

}  // namespace liushou
