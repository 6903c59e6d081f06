// The deltas of the per-child caches (figures.bin.delta, duties.bin.delta) and the record
// cache's delta read alone: what a read right after a write keeps, and what it ignores.
#include <doctest/doctest.h>
#include <unistd.h>

#include <boost/filesystem.hpp>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "liushou/codec.hpp"
#include "liushou/store.hpp"
#include "store/cache.hpp"
#include "store/cache_io.hpp"
#include "temp_dir.hpp"

using namespace liushou;
namespace fs = boost::filesystem;
using liushou::testing::slurp;
using liushou::testing::TestDir;

namespace {

constexpr int64_t kSecond = 1000000000LL;
constexpr int64_t kBase = 1000000000LL * kSecond;  // when the base was written

FileKey old_key(uint64_t inode) {
    return FileKey{100, kBase - 5 * kSecond, inode, kBase - 5 * kSecond};
}

}  // namespace

TEST_CASE("a per-child cache keeps what a read recounted in its delta, for its base only") {
    TestDir dir;
    const std::string path = (dir.path / "figures.bin").string();
    const std::vector<std::string> ids = {"A1", "B1", "C1"};
    std::map<std::string, FileKey> files = {
        {"A1", old_key(1)}, {"B1", old_key(2)}, {"C1", old_key(3)}};
    std::vector<ChildFigures> figures(3);
    for (size_t i = 0; i < 3; ++i) figures[i].id = ids[i], figures[i].stats.enrolled = 1;
    PerChildCache<ChildFigures>::write(path, 42, ids, {files["A1"], files["B1"], files["C1"]},
                                       figures, kBase);
    const auto key_of = [&](std::string_view id, FileKey& key) {
        key = files.at(std::string(id));
        return true;
    };
    int recounts = 0;
    const auto recount = [&](std::string_view id, const FileKey&, ChildFigures& f) {
        ++recounts;
        f.id = std::string(id);
        f.stats.enrolled = 7;
        return true;
    };
    // B1 written 10 s after the base: counted again, and kept in the delta.
    files["B1"] = FileKey{120, kBase + 10 * kSecond, 2, kBase + 10 * kSecond};
    PerChildCache<ChildFigures>::Refresh refresh;
    auto read =
        PerChildCache<ChildFigures>::read(path, 42, ids, key_of, nullptr, recount, &refresh);
    REQUIRE(read);
    CHECK(recounts == 1);
    REQUIRE(refresh.changed == std::vector<size_t>{1});
    CHECK(refresh.base_ns == kBase);
    PerChildCache<ChildFigures>::write_delta(path, 42, refresh, *read, kBase + 20 * kSecond);
    CHECK(fs::exists(path + ".delta"));

    // The next read serves B1 from the delta: nothing counted again.
    recounts = 0;
    read = PerChildCache<ChildFigures>::read(path, 42, ids, key_of, nullptr, recount);
    REQUIRE(read);
    CHECK(recounts == 0);
    CHECK((*read)[1].stats.enrolled == 7);
    CHECK((*read)[0].stats.enrolled == 1);
    // Another context ignores it with its base.
    CHECK_FALSE(PerChildCache<ChildFigures>::read(path, 43, ids, key_of));

    // A damaged delta (one byte changed: its checksum fails) is ignored alone.
    {
        std::string bytes = slurp(path + ".delta");
        bytes[bytes.size() / 2] ^= 1;
        std::ofstream(path + ".delta", std::ios::binary | std::ios::trunc) << bytes;
    }
    recounts = 0;
    read = PerChildCache<ChildFigures>::read(path, 42, ids, key_of, nullptr, recount);
    REQUIRE(read);
    CHECK(recounts == 1);

    // A whole write drops the delta.
    PerChildCache<ChildFigures>::write(path, 42, ids, {files["A1"], files["B1"], files["C1"]},
                                       *read, kBase + 30 * kSecond);
    CHECK_FALSE(fs::exists(path + ".delta"));
}

TEST_CASE("the record cache read for a few files holds its delta alone") {
    TestDir dir;
    const std::string path = (dir.path / "children.bin").string();
    Child a, b;
    a.id = "A1", b.id = "B1", a.name = "甲", b.name = "乙";
    const std::string ida = "A1", idb = "B1";
    const FileKey kb{90, kBase + 5 * kSecond, 8, kBase + 5 * kSecond};
    RecordCache::write(path, {RecordCache::Entry{&ida, old_key(7), 0, &a}}, kBase);
    RecordCache::read(path).write_delta(path, {RecordCache::Entry{&idb, kb, 0, &b}},
                                        kBase + 10 * kSecond);
    const RecordCache recent = RecordCache::read(path, false);
    CHECK(recent.has_base());
    CHECK(recent.size() == 1);
    Child out;
    int comment = 0;
    CHECK(recent.find("B1", kb, out, comment));
    CHECK_FALSE(recent.find("A1", old_key(7), out, comment));  // in the base: not read
    // A delta written from it keeps what the delta held, for the same base.
    recent.write_delta(path, {}, kBase + 20 * kSecond);
    const RecordCache whole = RecordCache::read(path);
    CHECK(whole.find("A1", old_key(7), out, comment));
    CHECK(whole.find("B1", kb, out, comment));
}

TEST_CASE("a delta written from two pieces is the one written whole, checksum and all") {
    TestDir dir;
    const std::string whole = (dir.path / "whole.bin").string();
    const std::string pieces = (dir.path / "pieces.bin").string();
    std::string text;
    for (int i = 0; i < 300; ++i) text += static_cast<char>('a' + (i * 7) % 26);
    // Every split, so that the pieces' ends fall at each place within an eight-byte word.
    for (size_t cut : {size_t{0}, size_t{1}, size_t{7}, size_t{8}, size_t{9}, size_t{63},
                       size_t{150}, size_t{299}, size_t{300}}) {
        CAPTURE(cut);
        cache_io::write_delta_file(whole, text);
        cache_io::write_delta_file(pieces, std::string_view(text).substr(0, cut),
                                   std::string_view(text).substr(cut));
        const std::string a = slurp(whole), b = slurp(pieces);
        CHECK(a == b);
        CHECK(cache_io::checked_delta(b) == std::optional<std::string_view>(text));
    }
    // A torn file (one byte short) is refused.
    const std::string b = slurp(pieces);
    CHECK_FALSE(cache_io::checked_delta(std::string_view(b).substr(0, b.size() - 1)));
    // Nothing is left behind but the two files.
    size_t files = 0;
    for (const auto& e : fs::directory_iterator(dir.path)) files += e.path().empty() ? 0 : 1;
    CHECK(files == 2);
}

TEST_CASE("staff.bin gives back the list kept, only for the same settled staff.yaml") {
    TestDir dir;
    const std::string path = (dir.path / "staff.bin").string();
    StaffList list;
    list.staff.push_back(
        Staff{"T001", "张老师", Role::head_teacher, 3, 2, "13700000000", {{"office", "二楼"}}});
    list.staff.push_back(Staff{"T002", "王老师", std::nullopt, std::nullopt, std::nullopt, "", {}});
    list.extras = {{"note", "县里统一"}};
    const FileKey key = old_key(7);
    write_staff_cache(path, key, kBase, list);
    const auto kept = read_staff_cache(path, key);
    REQUIRE(kept);
    CHECK(encode_staff(*kept) == encode_staff(list));
    // Another version of staff.yaml (any part of its key), or a missing file: nothing.
    CHECK_FALSE(read_staff_cache(path, old_key(8)));
    FileKey bigger = key;
    bigger.size += 1;
    CHECK_FALSE(read_staff_cache(path, bigger));
    CHECK_FALSE(read_staff_cache((dir.path / "none.bin").string(), key));
    // A file changed too close to the read that kept it is never kept (git's racy rule).
    const std::string racy = (dir.path / "racy.bin").string();
    const FileKey fresh{100, kBase - kSecond / 100, 9, kBase - kSecond / 100};
    write_staff_cache(racy, fresh, kBase, list);
    CHECK_FALSE(fs::exists(racy));
    // A torn or tampered file is ignored.
    std::string bytes = slurp(path);
    for (const size_t at : {size_t{3}, bytes.size() / 2, bytes.size() - 1}) {
        std::string bad = bytes;
        bad[at] = static_cast<char>(bad[at] ^ 0x20);
        std::ofstream(path, std::ios::binary | std::ios::trunc) << bad;
        CHECK_FALSE(read_staff_cache(path, key));
    }
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes.substr(0, bytes.size() - 9);
    CHECK_FALSE(read_staff_cache(path, key));
    // Every prefix of the serialized list is refused, not half read.
    std::string serialized;
    serialize_staff(serialized, list);
    StaffList back;
    CHECK(deserialize_staff(serialized, back));
    for (size_t n = 0; n < serialized.size(); ++n)
        CHECK_FALSE(deserialize_staff(std::string_view(serialized).substr(0, n), back));
}
