// The deltas of the per-child caches (figures.bin.delta, duties.bin.delta) and the record
// cache's delta read alone: what a read right after a write keeps, and what it ignores.
#include <doctest/doctest.h>
#include <unistd.h>

#include <boost/filesystem.hpp>
#include <fstream>
#include <map>
#include <sstream>

#include "liushou/store.hpp"
#include "store/cache.hpp"
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
