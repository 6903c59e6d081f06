#include "liushou/store.hpp"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <boost/filesystem.hpp>
#include <chrono>
#include <cstring>
#include <fstream>
#include <future>
#include <map>
#include <sstream>
#include <thread>

#include "liushou/error.hpp"
#include "store/cache.hpp"
#include "store/files.hpp"
#include "temp_dir.hpp"

using namespace liushou;
namespace fs = boost::filesystem;
using liushou::testing::slurp;
using liushou::testing::TestDir;

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
    TestDir dir;
    const std::string file = (dir.path / "a.yaml").string();
    CHECK(atomic_write(file, "one\n", 0600));
    CHECK(slurp(file) == "one\n");
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    ::chmod(file.c_str(), 0644);  // as a clone checks it out
    CHECK(atomic_write(file, "two\n", 0600));
    CHECK(slurp(file) == "two\n");
    REQUIRE(::stat(file.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);  // the mode asked for, never the old file's
    ::chmod(file.c_str(), 0644);
    CHECK(atomic_write(file, "two\n", 0600));  // same bytes, looser mode: rewritten to tighten
    REQUIRE(::stat(file.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    int entries = 0;
    for (fs::directory_iterator it(dir.path), end; it != end; ++it) ++entries;
    CHECK(entries == 1);
}

TEST_CASE("writing identical content leaves the file untouched") {
    TestDir dir;
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
    TestDir dir;
    const std::string file = (dir.path / "missing" / "a.yaml").string();
    CHECK_THROWS_AS(atomic_write(file, "x", 0600), IoError);
    CHECK_FALSE(fs::exists(file));
}

namespace {

int entries_in(const fs::path& dir) {
    int n = 0;
    for (fs::directory_iterator it(dir), end; it != end; ++it) ++n;
    return n;
}

}  // namespace

TEST_CASE("a batch writes nothing in place until it is flushed, then every file at once") {
    TestDir dir;
    const std::string a = (dir.path / "a.yaml").string(), b = (dir.path / "b.yaml").string();
    atomic_write(a, "old a\n", 0600);
    BatchWrite batch;
    CHECK(batch.stage(a, "new a\n", 0600, "a.yaml"));
    CHECK(batch.stage(b, "new b\n", 0600, "b.yaml"));
    // Unchanged is judged against the file on disk (a batch writes each file once).
    CHECK_FALSE(batch.stage(a, "old a\n", 0600, "a.yaml"));
    CHECK(slurp(a) == "old a\n");  // staged, not yet in place
    CHECK_FALSE(fs::exists(b));
    CHECK(entries_in(dir.path) == 3);  // a.yaml and two temporaries
    const auto renamed = batch.flush();
    CHECK(renamed == std::vector<std::string>{"a.yaml", "b.yaml"});
    CHECK(slurp(a) == "new a\n");
    CHECK(slurp(b) == "new b\n");
    CHECK(entries_in(dir.path) == 2);  // no temporary left
    CHECK(batch.flush().empty());
}

TEST_CASE("a batch leaves unchanged files alone and drops its temporaries when not flushed") {
    TestDir dir;
    const std::string a = (dir.path / "a.yaml").string();
    atomic_write(a, "same\n", 0600);
    {
        BatchWrite batch;
        CHECK_FALSE(batch.stage(a, "same\n", 0600, "a.yaml"));
        CHECK(batch.pending() == 0);
        CHECK(batch.stage((dir.path / "b.yaml").string(), "b\n", 0600, "b"));
        CHECK(entries_in(dir.path) == 2);  // a.yaml and b's temporary
    }                                      // dropped: an exception on the way out of an import
    CHECK(entries_in(dir.path) == 1);
    CHECK_FALSE(fs::exists(dir.path / "b.yaml"));
}

TEST_CASE("a failed rename in a batch says which files are in place; the rest are old") {
    TestDir dir;
    std::vector<std::string> files;
    for (const char* name : {"a", "b", "c"}) {
        files.push_back((dir.path / name).string());
        atomic_write(files.back(), "old\n", 0600);
    }
    const auto faulty = faulty_files(WriteFault{"rename", 2});
    BatchWrite batch(*faulty);
    for (size_t i = 0; i < files.size(); ++i)
        batch.stage(files[i], "new\n", 0600, fs::path(files[i]).filename().string());
    try {
        batch.flush();
        FAIL("the rename of the second file should fail");
    } catch (const RenameError& e) {
        CHECK(e.renamed() == std::vector<std::string>{"a"});
        CHECK(std::string(e.what()).find("rename failed") != std::string::npos);
    }
    CHECK(slurp(files[0]) == "new\n");
    CHECK(slurp(files[1]) == "old\n");
    CHECK(slurp(files[2]) == "old\n");
    CHECK(entries_in(dir.path) == 3);  // the temporaries of b and c are gone
}

TEST_CASE(
    "a write session marks the tree while it writes, and only a left mark sends the next "
    "writer to clean children/") {
    TestDir dir;
    fs::create_directories(dir.path / "children");
    const Tree tree(dir.path.string());
    const fs::path mark = dir.path / ".liushou" / "writing";
    const fs::path stray = dir.path / "children" / ".2025-001.yaml.tmp.99999999.0";
    std::ofstream(stray.string()) << "half";
    {
        WriteSession session = tree.lock();
        CHECK(fs::exists(stray));  // no mark: nobody was killed, children/ is not listed
        session.write_text("children/2025-002.yaml", "id: 2025-002\n", 0600);
        CHECK(fs::exists(mark));
    }
    CHECK_FALSE(fs::exists(mark));
    CHECK_FALSE(fs::exists(dir.path / ".liushou"));  // made for the mark alone
    fs::create_directories(mark.parent_path());
    std::ofstream(mark.string()) << "";  // what a killed writer leaves
    { WriteSession session = tree.lock(); }
    CHECK_FALSE(fs::exists(stray));
    CHECK_FALSE(fs::exists(mark));
}

TEST_CASE(
    "write_children writes every child in order, counts the changed files, and stops at one "
    "that would not read back with the ones before it written") {
    TestDir dir;
    fs::create_directories(dir.path / "children");
    const Tree tree(dir.path.string());
    std::vector<Child> children(700);  // more than one chunk of those prepared ahead
    for (size_t i = 0; i < children.size(); ++i) {
        children[i].id = fmt::format("2025-{:03}", i + 1);
        children[i].name = fmt::format("学生{}", i + 1);
    }
    std::vector<const Child*> all;
    for (const Child& c : children) all.push_back(&c);
    std::vector<size_t> seen;
    {
        WriteSession session = tree.lock();
        session.begin_batch();
        CHECK(session.write_children(all, [&](size_t done) { seen.push_back(done); }) == 700);
        session.end_batch();
    }
    REQUIRE(seen.size() == 700);
    CHECK(seen.front() == 0);
    CHECK(seen.back() == 699);
    CHECK(slurp(dir.path / "children" / "2025-700.yaml").find("name: 学生700") !=
          std::string::npos);
    children[1].name = "改名";
    children[600].name = "坏\x01名";  // a control character: refused when read back
    {
        WriteSession session = tree.lock();
        CHECK_THROWS_AS(session.write_children(all), DataError);
    }
    CHECK(slurp(dir.path / "children" / "2025-002.yaml").find("name: 改名") != std::string::npos);
    CHECK(slurp(dir.path / "children" / "2025-601.yaml").find("name: 学生601") !=
          std::string::npos);
    {
        WriteSession session = tree.lock();
        CHECK(session.write_children({}) == 0);
        CHECK(session.write_children({&children[0], &children[1]}) == 0);  // unchanged
    }
}

TEST_CASE("the tests' disk fails the nth file at its step, counting unchanged files too") {
    TestDir dir;
    const std::string a = (dir.path / "a").string(), b = (dir.path / "b").string();
    atomic_write(a, "same\n", 0600);
    atomic_write(b, "old\n", 0600);
    for (const char* step : {"write", "fsync", "rename"}) {
        const auto faulty = faulty_files(WriteFault{step, 2});
        CHECK_FALSE(write_atomically(a, "same\n", 0600, *faulty));  // file 1, unchanged
        try {
            write_atomically(b, "a longer new text\n", 0600, *faulty);  // file 2
            FAIL("the second file should fail at " << step);
        } catch (const IoError& e) {
            CHECK(std::string(e.what()).find(std::string(step) + " failed") != std::string::npos);
            CHECK(std::string(e.what()).find("the file is unchanged") != std::string::npos);
        }
        CHECK(slurp(b) == "old\n");
        CHECK(entries_in(dir.path) == 2);                    // the temporary is gone
        CHECK(write_atomically(b, "new\n", 0600, *faulty));  // file 3 is written
        CHECK(slurp(b) == "new\n");
        atomic_write(b, "old\n", 0600);
    }
    // In a batch, the one flush for every file says which of them did not become durable.
    const auto faulty = faulty_files(WriteFault{"fsync", 2});
    BatchWrite batch(*faulty);
    CHECK(batch.stage(a, "new a\n", 0600, "a"));
    CHECK(batch.stage(b, "new b\n", 0600, "b"));
    CHECK_THROWS_WITH_AS(batch.flush(), doctest::Contains("/b: fsync failed"), IoError);
    CHECK(slurp(a) == "same\n");
    CHECK(slurp(b) == "old\n");
}

TEST_CASE("a whole batch puts nothing in place before it ends, however many files it holds") {
    TestDir dir;
    fs::create_directories(dir.path / "children");
    const Tree tree(dir.path.string());
    const size_t count = kBatchFiles + 3;  // past the size at which a batch flushes
    auto name = [&](size_t i) { return fmt::format("children/x{}.yaml", i); };
    {
        WriteSession session = tree.lock();
        session.begin_batch(true);
        for (size_t i = 0; i < count; ++i) session.write_text(name(i), "a: 1\n", 0600);
        CHECK(session.files_in_place() == 0);
        CHECK_FALSE(fs::exists(dir.path / name(0)));
    }  // dropped: a problem was found after the last write
    CHECK(fs::is_empty(dir.path / "children"));
    {
        WriteSession session = tree.lock();
        session.begin_batch(true);
        for (size_t i = 0; i < count; ++i) session.write_text(name(i), "a: 1\n", 0600);
        session.end_batch();
        CHECK(session.files_in_place() == count);
    }
    CHECK(slurp(dir.path / name(count - 1)) == "a: 1\n");
}

TEST_CASE("the disk is set writing every half batch of files, never at the files between") {
    TestDir dir;
    std::future<void> running;
    for (size_t files : {size_t{1}, kFlushAheadFiles - 1, kFlushAheadFiles + 1}) {
        flush_ahead(running, files, dir.path.string());
        CHECK_FALSE(running.valid());
    }
    flush_ahead(running, kFlushAheadFiles, dir.path.string());
    REQUIRE(running.valid());
    running.wait();
    flush_ahead(running, 2 * kFlushAheadFiles, dir.path.string());  // the last one is done
    REQUIRE(running.valid());
    running.get();
    CHECK_FALSE(running.valid());
    // A directory that has gone is no error: the flush that counts comes at the end.
    flush_ahead(running, kFlushAheadFiles, (dir.path / "gone").string());
    REQUIRE(running.valid());
    running.get();
}

namespace {

/// The names in `dir`, hidden ones too, sorted.
std::vector<std::string> names_in(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

int mode_of(const fs::path& p) {
    struct stat st {};
    REQUIRE(::lstat(p.string().c_str(), &st) == 0);
    return static_cast<int>(st.st_mode & 07777);
}

}  // namespace

TEST_CASE("a new output directory appears whole at finish, or not at all") {
    TestDir dir;
    const fs::path cards = dir.path / "out" / "cards";
    const size_t count = kBatchFiles + 5;  // past an early flush
    // Its parent must be there: a mistyped folder is said, not made (#44).
    CHECK_THROWS_WITH_AS(OutputDirectory(cards.string() + "/"), doctest::Contains("no folder"),
                         UsageError);
    CHECK_FALSE(fs::exists(dir.path / "out"));
    fs::create_directory(dir.path / "out");
    {
        OutputDirectory out(cards.string() + "/");
        for (size_t i = 0; i < count; ++i) out.write(fmt::format("{}.md", i), "卡\n");
        CHECK_FALSE(fs::exists(cards));
        REQUIRE(names_in(dir.path / "out").size() == 1);
        CHECK(names_in(dir.path / "out")[0].rfind(".cards.tmp.", 0) == 0);
        out.finish();
    }
    CHECK(names_in(dir.path / "out") == std::vector<std::string>{"cards"});
    CHECK(mode_of(cards) == 0700);
    CHECK(names_in(cards).size() == count);
    CHECK(slurp(cards / fmt::format("{}.md", count - 1)) == "卡\n");
    CHECK(mode_of(cards / "0.md") == 0600);

    {  // dropped before finish (a card failed): nothing is left, not even the hidden one
        OutputDirectory out((dir.path / "other").string());
        out.write("a.md", "x");
    }
    CHECK(names_in(dir.path) == std::vector<std::string>{"out"});
}

TEST_CASE("what a stopped run left beside a new output directory goes; a live run's stays") {
    TestDir dir;
    const fs::path dead = dir.path / ".cards.tmp.999999999.0";  // above any pid_max
    const fs::path alive = dir.path / fmt::format(".cards.tmp.{}.77", ::getpid());
    fs::create_directories(dead / "sub");
    std::ofstream(dead / "sub" / "a.md") << "张三 13912345678";
    fs::create_directories(alive);
    std::ofstream(dir.path / ".cards.tmp.999999998.0") << "a file, not ours";
    fs::create_directories(dir.path / ".cards.tmp.x.0");          // not a run's name
    fs::create_directories(dir.path / ".other.tmp.999999999.0");  // another directory's
    {
        OutputDirectory out((dir.path / "cards").string());
        out.write("b.md", "y");
        out.finish();
    }
    std::vector<std::string> kept{".cards.tmp.999999998.0", alive.filename().string(),
                                  ".cards.tmp.x.0", ".other.tmp.999999999.0", "cards"};
    std::sort(kept.begin(), kept.end());
    CHECK(names_in(dir.path) == kept);
}

TEST_CASE("into an existing output directory each file replaces its own; the rest stay") {
    TestDir dir;
    const fs::path cards = dir.path / "cards";
    fs::create_directories(cards);
    ::chmod(cards.string().c_str(), 0755);
    std::ofstream(cards / "a.md") << "old a";
    std::ofstream(cards / "mine.txt") << "kept";
    {
        OutputDirectory out(cards.string());
        out.write("a.md", "new a");
        out.write("b.md", "new b");
        CHECK(slurp(cards / "a.md") == "old a");  // nothing in place before finish
        CHECK_FALSE(fs::exists(cards / "b.md"));
        out.finish();
    }
    CHECK(names_in(cards) == std::vector<std::string>{"a.md", "b.md", "mine.txt"});
    CHECK(slurp(cards / "a.md") == "new a");
    CHECK(slurp(cards / "mine.txt") == "kept");
    CHECK(mode_of(cards) == 0700);
    CHECK(mode_of(cards / "b.md") == 0600);
}

TEST_CASE("an output directory made by another run meanwhile gets the files one by one") {
    TestDir dir;
    const fs::path cards = dir.path / "cards";
    OutputDirectory out(cards.string());
    out.write("a.md", "ours");
    fs::create_directories(cards);
    std::ofstream(cards / "a.md") << "theirs";
    std::ofstream(cards / "z.md") << "theirs";
    out.finish();
    CHECK(names_in(dir.path) == std::vector<std::string>{"cards"});
    CHECK(slurp(cards / "a.md") == "ours");
    CHECK(slurp(cards / "z.md") == "theirs");
}

TEST_CASE("an output directory that is a link or a file is refused, and nothing is written") {
    TestDir dir;
    fs::create_directories(dir.path / "real");
    fs::create_symlink(dir.path / "real", dir.path / "link");
    CHECK_THROWS_AS(OutputDirectory((dir.path / "link").string()), UsageError);
    std::ofstream(dir.path / "file") << "x";
    try {
        OutputDirectory out((dir.path / "file").string());
        FAIL("a file was taken for a directory");
    } catch (const UsageError& e) {
        CHECK(std::string(e.what()) == "-o " + (dir.path / "file").string() +
                                           ": a file, not a directory; name a directory for "
                                           "the cards (or FILE.html for one page)");
    }
    CHECK(names_in(dir.path) == std::vector<std::string>{"file", "link", "real"});
    CHECK(fs::is_empty(dir.path / "real"));
}

TEST_CASE("the tree refuses ids that leave children/") {
    TestDir dir;
    const Tree tree(dir.path.string());
    CHECK(tree.child_relative("2025-001") == "children/2025-001.yaml");
    CHECK_THROWS_AS(tree.child_relative("../x"), UsageError);
    CHECK_THROWS_AS(tree.child_relative("a/b"), UsageError);
    CHECK_FALSE(tree.child_exists("../liushou"));
}

TEST_CASE("the tree lists child ids and stray files separately") {
    TestDir dir;
    fs::create_directories(dir.path / "children");
    for (const char* name : {"2025-10.yaml", "2025-2.yaml", "notes.txt", "bad id.yaml", ".tmp.x"})
        std::ofstream((dir.path / "children" / name).string()) << "x: 1\n";
    const Tree tree(dir.path.string());
    CHECK(tree.child_ids() == std::vector<std::string>{"2025-2", "2025-10"});
    CHECK(tree.stray_child_files() ==
          std::vector<std::string>{"children/bad id.yaml", "children/notes.txt"});
}

TEST_CASE("a second writer gives up with an I/O error when the lock stays held") {
    TestDir dir;
    TreeOptions options;
    options.lock_timeout = 1;
    const Tree tree(dir.path.string(), options);
    const WriteSession held = tree.lock();
    // flock locks belong to the open file, so a second open in this process contends too.
    const auto start = std::chrono::steady_clock::now();
    CHECK_THROWS_AS(tree.lock(), IoError);
    CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(900));
}

TEST_CASE("a second writer waits for the lock and takes it once the first lets go") {
    TestDir dir;
    const Tree tree(dir.path.string());
    std::promise<void> locked;
    std::thread first([&] {
        const WriteSession held = tree.lock();
        locked.set_value();
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
    });  // the lock is released when `held` goes out of scope
    locked.get_future().wait();
    const auto start = std::chrono::steady_clock::now();
    {
        const WriteSession second = tree.lock();
        CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(200));
    }
    first.join();
}

TEST_CASE("loading a child gives the decoded record with its id and display path") {
    TestDir dir;
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

TEST_CASE("an overlay is read in place of the disk's files, and never cached") {
    TestDir dir;
    fs::create_directories(dir.path / "children");
    for (const char* id : {"a1", "a2", "a3"})
        std::ofstream((dir.path / "children" / (std::string(id) + ".yaml")).string())
            << "schema: 1\nid: " << id << "\nname: 甲\n";
    (void)Tree(dir.path.string()).load_children();  // the disk's records, cached
    auto overlay = std::make_shared<std::map<std::string, OverlayFile>>();
    (*overlay)["children/a1.yaml"] = OverlayFile{true, "", "schema: 1\nid: a1\nname: 乙\n"};
    (*overlay)["children/a2.yaml"] = OverlayFile{};  // removed
    (*overlay)["children/b1.yaml"] = OverlayFile{true, "", "schema: 1\nid: b1\nname: 丙\n"};
    (*overlay)["children/b2.yaml"] = OverlayFile{true, "a symbolic link", ""};
    TreeOptions options;
    options.overlay = overlay;
    const Tree merged(dir.path.string(), options);
    CHECK(merged.child_ids() == std::vector<std::string>{"a1", "a3", "b1", "b2"});
    CHECK_FALSE(merged.child_exists("a2"));
    std::map<std::string, std::string> names;
    std::map<std::string, bool> refused;
    for (const auto& f : merged.load_children()) {
        names[f.id] = f.record.name;
        refused[f.id] = !f.problems.empty();
    }
    CHECK(names["a1"] == "乙");
    CHECK(names["a3"] == "甲");
    CHECK(names["b1"] == "丙");
    CHECK(refused["b2"]);
    // The disk and its cache are as they were.
    const Tree disk(dir.path.string());
    CHECK(disk.child_ids() == std::vector<std::string>{"a1", "a2", "a3"});
    for (const auto& f : disk.load_children()) CHECK(f.record.name == "甲");
}

TEST_CASE("a child record survives the cache's serialization, extras and all") {
    Child c;
    c.id = "2025-001";
    c.name = "王小明";
    c.gender = Gender::female;
    c.birth_date = Date{2016, 2, 29};
    c.grade = 3;
    c.status = Status::transferred;
    c.status_on = Date{2026, 3, 1};
    c.boarding = false;
    c.parents.push_back(Parent{"father", "王建国", "13812345678", "深圳", "", {{"wechat", "abc"}}});
    c.guardian.age = 68;
    c.support.subsidies = {"two_exemptions_one_subsidy"};
    c.pairing.teacher = "T001";
    c.pairing.history.push_back(
        PairingPeriod{"T002", {"B", "C"}, "P", Date{2025, 9, 1}, Date{2026, 2, 28}, {}});
    Talk t;
    t.date = Date{2026, 3, 2};
    t.kind = TalkKind::home_visit;
    t.summary = "多行\n记录";
    t.mood = Mood::low;
    t.closes = Date{2026, 3, 1};
    c.talks.push_back(t);
    c.extras = {{"hobby", "画画"}, {"list", "\n- a\n- b"}};
    std::string bytes;
    serialize_child(bytes, c);
    Child back;
    REQUIRE(deserialize_child(bytes, back));
    CHECK(encode_child(back) == encode_child(c));
    // Every truncation is refused rather than misread.
    for (size_t cut = 0; cut < bytes.size(); cut += 7) {
        Child partial;
        CHECK_FALSE(deserialize_child(std::string_view(bytes).substr(0, cut), partial));
    }
}

TEST_CASE("the cache serves a record only for the same file key, and never a racy one") {
    TestDir dir;
    const std::string path = (dir.path / "children.bin").string();
    Child c;
    c.id = "A1";
    c.name = "甲";
    const std::string id = "A1";
    const int64_t written = 2000000000LL * 1000000000LL / 2;  // some second, in ns
    const FileKey old_key{100, written - 5000000000LL, 7, written - 5000000000LL};  // 5 s before
    const FileKey racy_key{100, written + 100, 8, written + 100};             // the same second
    const FileKey racy_ctime{100, written - 5000000000LL, 8, written + 100};  // touched back
    RecordCache::write(path, {RecordCache::Entry{&id, old_key, 3, &c}}, written);
    const RecordCache cache = RecordCache::read(path);
    CHECK(cache.size() == 1);
    Child out;
    int comment = 0;
    CHECK(cache.find("A1", old_key, out, comment));
    CHECK(out.name == "甲");
    CHECK(comment == 3);
    CHECK_FALSE(
        cache.find("A1", FileKey{101, old_key.mtime_ns, 7, old_key.ctime_ns}, out, comment));
    CHECK_FALSE(
        cache.find("A1", FileKey{100, old_key.mtime_ns + 1, 7, old_key.ctime_ns}, out, comment));
    CHECK_FALSE(
        cache.find("A1", FileKey{100, old_key.mtime_ns, 9, old_key.ctime_ns}, out, comment));
    // Size, mtime and inode kept, but the inode changed since (an edit with its mtime put back).
    CHECK_FALSE(
        cache.find("A1", FileKey{100, old_key.mtime_ns, 7, old_key.ctime_ns + 1}, out, comment));
    CHECK_FALSE(cache.find("A2", old_key, out, comment));
    RecordCache::write(path, {RecordCache::Entry{&id, racy_key, 0, &c}}, written);
    CHECK_FALSE(RecordCache::read(path).find("A1", racy_key, out, comment));
    RecordCache::write(path, {RecordCache::Entry{&id, racy_ctime, 0, &c}}, written);
    CHECK_FALSE(RecordCache::read(path).find("A1", racy_ctime, out, comment));
    std::ofstream(path, std::ios::trunc) << "garbage";
    CHECK(RecordCache::read(path).size() == 0);
}

TEST_CASE("a file's key is trusted once it has settled: whole seconds, or 100 ms before") {
    constexpr int64_t s = 1000000000LL, ms = 1000000LL;
    const int64_t read = 1700000000LL * s + 500 * ms;  // a read began half way through a second
    const auto key = [](int64_t mtime, int64_t ctime) { return FileKey{100, mtime, 7, ctime}; };
    // Finely stamped (ext4): trusted when changed at least kSettleNs before the read began,
    // whichever second that was in.
    CHECK(settled(key(read - 101 * ms, read - 101 * ms), read));
    CHECK(settled(key(read - 3 * s + 1, read - 101 * ms), read));
    CHECK_FALSE(settled(key(read - 99 * ms, read - 99 * ms), read));
    CHECK_FALSE(settled(key(read - 3 * s + 1, read - 50 * ms), read));  // touched since
    CHECK_FALSE(settled(key(read + 1, read + 1), read));
    // A change 10 ms before a read that began in the next second: the old rule (an earlier
    // second) trusted it; too close for a coarse clock.
    const int64_t early = 1700000001LL * s + 5 * ms;
    CHECK_FALSE(settled(key(early - 10 * ms, early - 10 * ms), early));
    // Modified in whole seconds (ext3, FAT): two seconds before the read's, however close; FAT
    // dates a change in steps of two seconds, so a change at 1699999999.9 s reads 1699999998.
    CHECK(settled(key(1699999998LL * s, 1699999998LL * s), read));
    CHECK_FALSE(settled(key(1699999999LL * s, 1699999999LL * s), read));
    CHECK_FALSE(settled(key(1700000000LL * s, 1700000000LL * s), read));  // the read's second
    CHECK_FALSE(settled(key(1700000000LL * s, 1699999998LL * s), read));
    // One time whole and the other not (a `touch -d`; FAT's creation time in hundredths): the
    // finer rule, over the later of the two.
    CHECK(settled(key(1699999999LL * s, 1700000000LL * s + 1), read));
    CHECK(settled(key(1699999998LL * s, 1600000000LL * s + 370 * ms), read));
    CHECK_FALSE(settled(key(1700000000LL * s, read - 10 * ms), read));
    // settles_at() is the first read start that trusts a key, for either kind of time; a
    // time too far ahead to add to never settles.
    for (const FileKey& k : {key(read, read), key(read - 5 * ms, read + 7 * ms),
                             key(1700000000LL * s, 1700000000LL * s), key(-3 * s, -3 * s)}) {
        CHECK(settled(k, settles_at(k)));
        CHECK_FALSE(settled(k, settles_at(k) - 1));
    }
    CHECK(settles_at(key(INT64_MAX - 1, 0)) == INT64_MAX);
    CHECK_FALSE(settled(key(INT64_MAX - 1, 0), INT64_MAX - 1));
}

TEST_CASE("the children come from the cache alone only while it holds every file as it is") {
    TestDir dir;
    fs::create_directories(dir.path / "children");
    const auto write = [&](const std::string& id, const std::string& name) {
        std::ofstream((dir.path / "children" / (id + ".yaml")).string())
            << "schema: 1\nid: " << id << "\nname: " << name << "\ngrade: 3\n";
    };
    write("2025-1", "甲");
    write("2025-2", "乙");
    write("2025-10", "丙");
    Tree tree(dir.path.string());
    CHECK_FALSE(tree.cached_children());  // no cache yet
    // The cache never serves a file changed in the second it was written: wait one out.
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    const auto loaded = tree.load_children();
    REQUIRE(loaded.size() == 3);
    const auto cached = tree.cached_children();
    REQUIRE(cached);
    REQUIRE(cached->size() == 3);
    for (size_t i = 0; i < 3; ++i) {
        CHECK(cached->id(i) == loaded[i].id);
        std::string id, name;
        REQUIRE(cached->name(i, id, name));
        CHECK(id == loaded[i].record.id);
        CHECK(name == loaded[i].record.name);
        Child whole;
        REQUIRE(cached->load(i, whole));
        CHECK(encode_child(whole) == encode_child(loaded[i].record));
    }
    // The records outlive the Tree's own reads: they are in the mapping the result holds.
    const CachedChildren kept = *cached;
    tree.set_cache(false);
    CHECK_FALSE(tree.cached_children());
    tree.set_cache(true);
    CHECK(tree.cached_children());

    write("2025-2", "乙二");  // changed since the cache was written
    CHECK_FALSE(tree.cached_children());
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    tree.load_children();  // the cache is brought up to date
    REQUIRE(tree.cached_children());
    std::string id, name;
    REQUIRE(tree.cached_children()->name(1, id, name));
    CHECK(name == "乙二");
    REQUIRE(kept.name(1, id, name));  // the earlier copy still reads its own mapping
    CHECK(name == "乙");

    fs::remove(dir.path / "children" / "2025-10.yaml");  // an entry for a child since removed
    CHECK_FALSE(tree.cached_children());
    write("2025-3", "丁");  // a new child, in place of the removed one: same count
    CHECK_FALSE(tree.cached_children());
}

TEST_CASE("the record cache's delta serves what was decoded since its base, for that base only") {
    TestDir dir;
    const std::string path = (dir.path / "children.bin").string();
    const int64_t base_ns = 1000000000LL * 1000000000LL;  // some second, in ns
    Child a, b, a2;
    a.id = a2.id = "A1", b.id = "B1";
    a.name = "甲", a2.name = "甲二", b.name = "乙";
    const std::string ida = "A1", idb = "B1";
    const FileKey ka{100, base_ns - 5000000000LL, 7, base_ns - 5000000000LL};
    const FileKey ka2{101, base_ns + 5000000000LL, 7, base_ns + 5000000000LL};  // changed since
    const FileKey kb{90, base_ns - 5000000000LL, 8, base_ns - 5000000000LL};
    RecordCache::write(path, {RecordCache::Entry{&ida, ka, 0, &a}}, base_ns);
    const RecordCache base = RecordCache::read(path);
    REQUIRE(base.has_base());
    CHECK(base.delta_size() == 0);
    // A1 changed and B1 added, decoded by a read 10 s after the base was written.
    base.write_delta(path,
                     {RecordCache::Entry{&ida, ka2, 0, &a2}, RecordCache::Entry{&idb, kb, 2, &b}},
                     base_ns + 10000000000LL);
    const RecordCache both = RecordCache::read(path);
    CHECK(both.size() == 2);
    CHECK(both.delta_size() == 2);
    Child out;
    int comment = 0;
    REQUIRE(both.find("A1", ka2, out, comment));
    CHECK(out.name == "甲二");
    CHECK_FALSE(both.find("A1", ka, out, comment));  // the base's A1 is replaced
    REQUIRE(both.find("B1", kb, out, comment));
    CHECK(comment == 2);
    // A later delta keeps what the delta held for the others.
    both.write_delta(path, {RecordCache::Entry{&ida, ka2, 0, &a2}}, base_ns + 20000000000LL);
    CHECK(RecordCache::read(path).find("B1", kb, out, comment));
    // A damaged delta is ignored alone; a new base drops it.
    {
        std::string bytes = slurp(path + ".delta");
        std::ofstream(path + ".delta", std::ios::binary | std::ios::trunc)
            << bytes.substr(0, bytes.size() - 3);
    }
    CHECK(RecordCache::read(path).size() == 1);
    CHECK(RecordCache::read(path).find("A1", ka, out, comment));
    both.write_delta(path, {}, base_ns + 20000000000LL);
    RecordCache::write(path, {RecordCache::Entry{&ida, ka, 0, &a}}, base_ns + 1);
    CHECK_FALSE(fs::exists(path + ".delta"));
    both.write_delta(path, {RecordCache::Entry{&idb, kb, 0, &b}}, base_ns + 20000000000LL);
    CHECK(RecordCache::read(path).size() == 1);  // a delta of the old base: ignored
}

TEST_CASE("a cache written under another schema (a field added since) is ignored as a whole") {
    TestDir dir;
    const std::string path = (dir.path / "children.bin").string();
    Child c;
    c.id = "A1";
    const std::string id = "A1";
    const FileKey key{100, 5000000000LL, 7, 5000000000LL};
    RecordCache::write(path, {RecordCache::Entry{&id, key, 0, &c}}, 9000000000LL);
    REQUIRE(RecordCache::read(path).size() == 1);
    // After the magic, the hash of schema.hpp's shape: another schema writes another hash.
    std::string bytes = slurp(path);
    bytes[8] = static_cast<char>(bytes[8] ^ 1);
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
    CHECK(RecordCache::read(path).size() == 0);
}

TEST_CASE("the store reads no environment variable: the command line passes everything in") {
    TestDir dir;
    fs::create_directories(dir.path / "children");
    // Variables the command line reads; the store must ignore them. Each would change what
    // happens here: a fault fails the write, "do not wait" fails the lock that another holder
    // releases after a moment, and another root is not this tree.
    ::setenv("LIUSHOU_FAULT", "write", 1);
    ::setenv("LIUSHOU_LOCK_TIMEOUT", "0", 1);
    ::setenv("LIUSHOU_ROOT", "/nonexistent", 1);
    TreeOptions waits;
    waits.lock_timeout = 10;
    const Tree tree(dir.path.string(), waits);
    {
        // The lock is the root folder's flock (Tree::acquire_lock): held elsewhere a moment.
        const int held = ::open(dir.path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        REQUIRE(held >= 0);
        REQUIRE(::flock(held, LOCK_EX | LOCK_NB) == 0);
        auto release = std::async(std::launch::async, [held] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            ::close(held);
        });
        WriteSession session = tree.lock();
        CHECK(session.write_text("notes.txt", "x\n", 0600));
        release.get();
    }
    CHECK(slurp(dir.path / "notes.txt") == "x\n");
    ::unsetenv("LIUSHOU_FAULT");
    ::unsetenv("LIUSHOU_LOCK_TIMEOUT");
    ::unsetenv("LIUSHOU_ROOT");

    // The same kind of fault, passed in, fails the session's second write and leaves the file.
    TreeOptions options;
    options.fault = WriteFault{"fsync", 2};
    const Tree faulty(dir.path.string(), options);
    WriteSession session = faulty.lock();
    CHECK(session.write_text("first.txt", "1\n", 0600));
    CHECK_THROWS_AS(session.write_text("notes.txt", "y\n", 0600), IoError);
    CHECK(slurp(dir.path / "notes.txt") == "x\n");
    CHECK(session.write_text("notes.txt", "z\n", 0600));
    CHECK(slurp(dir.path / "notes.txt") == "z\n");
}

TEST_CASE("Tree::open finds the tree the options name, and says which setting named it") {
    TestDir dir;
    TreeOptions options;
    options.root = (dir.path / "none").string();
    CHECK_THROWS_WITH_AS(Tree::open(options), doctest::Contains("liushou init"), UsageError);
    options.root_from = "LIUSHOU_ROOT";
    CHECK_THROWS_WITH_AS(Tree::open(options), doctest::Contains("LIUSHOU_ROOT="), UsageError);
    std::ofstream((dir.path / "liushou.yaml").string()) << "schema: 1\nschool: x\n";
    options.root = dir.path.string();
    CHECK(Tree::open(options).root() == dir.path.string());
    fs::create_directory_symlink("/tmp", dir.path / "children");
    CHECK_THROWS_AS(Tree::open(options), DataError);
}

// ---- SafeDir: folders beneath a tree, never through a link (#40) ----

TEST_CASE("SafeDir opens and makes folders beneath the base, the last one 0700") {
    TestDir t;
    const SafeDir dir = SafeDir::open(t.path.string(), ".liushou/cache", true, true, "");
    struct stat st {};
    REQUIRE(::stat((t.path / ".liushou/cache").c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0700);
    // A file written by its path lands in the very folder.
    REQUIRE(atomic_write(dir.path("x.bin"), "bytes", 0600));
    CHECK(slurp(t.path / ".liushou/cache/x.bin") == "bytes");
    // Opened again without `create`, it is the same folder; a missing one is an IoError.
    CHECK_NOTHROW(SafeDir::open(t.path.string(), ".liushou/cache", false, false, ""));
    CHECK_THROWS_AS(SafeDir::open(t.path.string(), ".liushou/none", false, false, ""), IoError);
}

TEST_CASE("SafeDir refuses a link at any component, naming it, and changes nothing there") {
    TestDir t, elsewhere;
    fs::create_directories(t.path / "tree/.liushou");
    ::chmod(elsewhere.path.c_str(), 01777);
    fs::create_symlink(elsewhere.path, t.path / "tree/.liushou/cache");
    const std::string tree = (t.path / "tree").string();
    for (const bool create : {false, true}) {
        try {
            (void)SafeDir::open(tree, ".liushou/cache", create, true, "school/");
            FAIL("a link was followed");
        } catch (const DataError& e) {
            CHECK(std::string(e.what()).find("school/.liushou/cache: a symbolic link") == 0);
        }
    }
    // The link's target is neither written nor chmod-ed.
    struct stat st {};
    REQUIRE(::stat(elsewhere.path.c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 01777);
    CHECK(fs::is_empty(elsewhere.path));
    // A link higher up is refused just the same, and so is a way out of the base.
    fs::remove(t.path / "tree/.liushou/cache");
    fs::remove(t.path / "tree/.liushou");
    fs::create_symlink(elsewhere.path, t.path / "tree/.liushou");
    CHECK_THROWS_AS(SafeDir::open(tree, ".liushou/cache", true, true, ""), DataError);
    CHECK_THROWS_AS(SafeDir::open(tree, "../x", true, false, ""), DataError);
    CHECK(fs::is_empty(elsewhere.path));
}

TEST_CASE("SafeDir's paths name the folder opened, whatever is put in its place later") {
    TestDir t, elsewhere;
    fs::create_directories(t.path / "cache");
    const SafeDir dir = SafeDir::open(t.path.string(), "cache", false, false, "");
    // Swapped for a link after the check: the write still lands in the folder that was opened.
    fs::rename(t.path / "cache", t.path / "moved");
    fs::create_symlink(elsewhere.path, t.path / "cache");
    REQUIRE(atomic_write(dir.path("f"), "x", 0600));
    CHECK(fs::exists(t.path / "moved/f"));
    CHECK(fs::is_empty(elsewhere.path));
}

TEST_CASE("an output placed in a tree through a link in it is refused") {
    TestDir t, elsewhere;
    fs::create_directories(t.path / "tree");
    { std::ofstream(t.path / "tree/liushou.yaml") << "schema: 1\n"; }
    fs::create_symlink(elsewhere.path, t.path / "tree/reports");
    CHECK_THROWS_AS(write_output((t.path / "tree/reports/x.md").string(), "x"), UsageError);
    CHECK_THROWS_AS(write_output((t.path / "tree/reports/new/x.md").string(), "x"), UsageError);
    CHECK(fs::is_empty(elsewhere.path));
    // Outside any tree, a link is the user's own way to a folder.
    fs::create_symlink(elsewhere.path, t.path / "out");
    write_output((t.path / "out/x.md").string(), "x");
    CHECK(slurp(elsewhere.path / "x.md") == "x");
}

// ---- git as data (#40) ----------------------------------------------------------------

namespace {

bool has(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

TEST_CASE("every git command is made with the repository's programs turned off") {
    TestDir dir;
    REQUIRE(liushou::run_git({"init", "-q"}, dir.path.string()) == 0);
    const std::string real = fs::canonical(dir.path).string();
    {
        std::ofstream config((dir.path / ".git" / "config").string(), std::ios::app);
        config << "[filter \"a=b.c\"]\n\tclean = \"touch " << real
               << "/PWNED; cat\"\n[filter \"plain\"]\n\tsmudge = cat\n";
    }
    const liushou::GitCommand status =
        liushou::git_command({"status", "--porcelain"}, dir.path.string());
    const auto& a = status.argv;
    CHECK(a.front() == "git");
    CHECK(has(a, "--no-pager"));
    CHECK(has(a, "core.fsmonitor=false"));
    CHECK(has(a, "core.hooksPath=/dev/null"));
    CHECK(has(a, "protocol.allow=never"));
    CHECK(has(a, "safe.directory=" + real));
    CHECK(has(a, "safe.directory=/"));
    // Every filter the config names is emptied, even one whose name -c could not say.
    CHECK(has(a, "--config-env=filter.a=b.c.clean=LIUSHOU_GIT_EMPTY"));
    CHECK(has(a, "--config-env=filter.a=b.c.required=LIUSHOU_GIT_FALSE"));
    CHECK(has(a, "--config-env=filter.plain.smudge=LIUSHOU_GIT_EMPTY"));
    // The subcommand comes after every setting, with its safety options first.
    const auto at = std::find(a.begin(), a.end(), "status");
    REQUIRE(at != a.end());
    CHECK(*(at + 1) == "--ignore-submodules=all");
    CHECK(*(at + 2) == "--porcelain");
    CHECK(has(status.env, "GIT_ALLOW_PROTOCOL=liushou-none"));
    CHECK(has(status.env, "LIUSHOU_GIT_EMPTY="));

    // A command that reads only objects does not pay for listing filters.
    const liushou::GitCommand rev = liushou::git_command({"rev-parse", "HEAD"}, dir.path.string());
    CHECK(std::none_of(rev.argv.begin(), rev.argv.end(), [](const std::string& s) {
        return s.rfind("--config-env=filter.", 0) == 0;
    }));
    const liushou::GitCommand diff = liushou::git_command({"diff", "--cached"}, dir.path.string());
    CHECK(has(diff.argv, "--no-ext-diff"));
    CHECK(has(diff.argv, "--no-textconv"));

    // And it works: a file hashed by status runs no clean filter.
    {
        std::ofstream((dir.path / ".git" / "info" / "attributes").string()) << "* filter=a=b.c\n";
        std::ofstream((dir.path / "f.txt").string()) << "x\n";
    }
    std::string out;
    CHECK(liushou::run_git({"add", "f.txt"}, dir.path.string(), &out, true) == 0);
    CHECK(liushou::run_git({"status", "--porcelain"}, dir.path.string(), &out) == 0);
    CHECK_FALSE(fs::exists(dir.path / "PWNED"));
    // Nor does the refresh after a sync, which hashes a file written again (new stat data).
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    std::ofstream((dir.path / "f.txt").string()) << "x\n";
    CHECK(liushou::run_git({"update-index", "-q", "--refresh"}, dir.path.string(), &out) == 0);
    CHECK_FALSE(fs::exists(dir.path / "PWNED"));
}

TEST_CASE("liushou's hook names the tree as one word for sh") {
    const std::string script = liushou::liushou_hook_script("孙桥 小学/it's/");
    CHECK(liushou::is_liushou_hook(script));
    CHECK(script.find("exec liushou --root './孙桥 小学/it'\\''s/' check --staged") !=
          std::string::npos);
    CHECK_FALSE(liushou::is_liushou_hook("#!/bin/sh\ntouch x\n"));
}
