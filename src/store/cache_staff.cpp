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

void serialize_staff(std::string& out, const StaffList& list) {
    Out o(out);
    o.u64(list.staff.size());
    for (const Staff& s : list.staff) {
        o.str(s.id);
        o.str(s.name);
        o.en(s.role);
        o.opt(s.grade);
        o.opt(s.class_no);
        o.str(s.phone);
        o.extras(s.extras);
    }
    o.extras(list.extras);
}

bool deserialize_staff(std::string_view data, StaffList& list) {
    In in(data);
    const uint64_t n = in.count();
    list.staff.clear();
    list.staff.reserve(n);
    for (uint64_t i = 0; in.ok() && i < n; ++i) {
        Staff s;
        s.id = in.str();
        s.name = in.str();
        s.role = in.en<Role>(static_cast<int>(enum_entries<Role>().size()));
        s.grade = in.opt();
        s.class_no = in.opt();
        s.phone = in.str();
        s.extras = in.extras();
        list.staff.push_back(std::move(s));
    }
    list.extras = in.extras();
    return in.ok() && in.at_end();
}

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
