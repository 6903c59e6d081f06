#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/filesystem.hpp>
#include <fstream>
#include <sstream>

#include "liushou/error.hpp"
#include "liushou/store.hpp"

using namespace liushou;
namespace fs = boost::filesystem;

namespace {

struct TempDir {
    fs::path path = fs::temp_directory_path() / fs::unique_path("liushou-test-%%%%-%%%%");
    TempDir() { fs::create_directories(path); }
    ~TempDir() { fs::remove_all(path); }
};

std::string slurp(const fs::path& p) {
    std::ifstream in(p.string(), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("ids sort naturally") {
    CHECK(natural_less("2025-2", "2025-10"));
    CHECK(natural_less("2025-099", "2025-100"));
    CHECK(natural_less("2025-999", "2025-1000"));
    CHECK_FALSE(natural_less("2025-10", "2025-2"));
    CHECK(natural_less("a", "b"));
    CHECK(natural_less("x1", "x01a"));
    CHECK_FALSE(natural_less("same", "same"));
}

TEST_CASE("an atomic write replaces the file and leaves no temporary behind") {
    TempDir dir;
    const std::string file = (dir.path / "a.yaml").string();
    CHECK(atomic_write(file, "one\n", 0600));
    CHECK(slurp(file) == "one\n");
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(atomic_write(file, "two\n", 0644));
    CHECK(slurp(file) == "two\n");
    REQUIRE(::stat(file.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);  // an existing file keeps its mode
    int entries = 0;
    for (fs::directory_iterator it(dir.path), end; it != end; ++it) ++entries;
    CHECK(entries == 1);
}

TEST_CASE("writing identical content leaves the file untouched") {
    TempDir dir;
    const std::string file = (dir.path / "a.yaml").string();
    atomic_write(file, "same\n", 0600);
    struct stat before {};
    ::stat(file.c_str(), &before);
    CHECK_FALSE(atomic_write(file, "same\n", 0600));
    struct stat after {};
    ::stat(file.c_str(), &after);
    CHECK(before.st_ino == after.st_ino);
    CHECK(before.st_mtim.tv_nsec == after.st_mtim.tv_nsec);
}

TEST_CASE("a write into a missing directory fails with the path and changes nothing") {
    TempDir dir;
    const std::string file = (dir.path / "missing" / "a.yaml").string();
    CHECK_THROWS_AS(atomic_write(file, "x", 0600), IoError);
    CHECK_FALSE(fs::exists(file));
}

TEST_CASE("the tree refuses ids that leave children/") {
    TempDir dir;
    const Tree tree(dir.path.string());
    CHECK(tree.child_relative("2025-001") == "children/2025-001.yaml");
    CHECK_THROWS_AS(tree.child_relative("../x"), UsageError);
    CHECK_THROWS_AS(tree.child_relative("a/b"), UsageError);
    CHECK_FALSE(tree.child_exists("../liushou"));
}

TEST_CASE("the tree lists child ids and stray files separately") {
    TempDir dir;
    fs::create_directories(dir.path / "children");
    for (const char* name : {"2025-10.yaml", "2025-2.yaml", "notes.txt", "bad id.yaml", ".tmp.x"})
        std::ofstream((dir.path / "children" / name).string()) << "x: 1\n";
    const Tree tree(dir.path.string());
    CHECK(tree.child_ids() == std::vector<std::string>{"2025-2", "2025-10"});
    CHECK(tree.stray_child_files() ==
          std::vector<std::string>{"children/bad id.yaml", "children/notes.txt"});
}

TEST_CASE("a second writer waits for the lock and gives up with an I/O error") {
    TempDir dir;
    const Tree tree(dir.path.string());
    const WriteLock held = tree.lock();
    // flock locks belong to the open file, so a second open in this process contends too.
    CHECK_THROWS_AS(tree.lock(0), IoError);
}

TEST_CASE("loading a child gives the decoded record with its id and display path") {
    TempDir dir;
    fs::create_directories(dir.path / "children");
    std::ofstream((dir.path / "children" / "x1.yaml").string()) << "schema: 1\nid: x1\nname: 甲\n";
    const Tree tree(dir.path.string());
    const auto file = tree.load_child("x1");
    CHECK(file.exists);
    CHECK(file.writable());
    CHECK(file.id == "x1");
    CHECK(file.record.name == "甲");
    CHECK(file.relative == "children/x1.yaml");
    CHECK_FALSE(tree.load_child("nobody").exists);
}
