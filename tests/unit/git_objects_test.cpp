// Reading many objects out of git at once (store/git_objects.hpp): in the order asked, from
// one cat-file process or, for thousands, from two reading a half each.
#include "store/git_objects.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <fstream>
#include <string>
#include <vector>

#include "liushou/sync.hpp"
#include "temp_dir.hpp"

using namespace liushou;
using liushou::testing::TestDir;

namespace {

/// `count` blobs written into a new repository in `dir`; their ids, in order.
std::vector<std::string> blobs_in(const TestDir& dir, size_t count) {
    const std::string root = dir.path.string();
    REQUIRE(run_git({"init", "-q", "repo"}, root) == 0);
    std::string stream;
    for (size_t i = 0; i < count; ++i) {
        const std::string text = fmt::format("id: 2025-{:05}\nname: 学生{}\n", i, i);
        stream += fmt::format("blob\nmark :{}\ndata {}\n{}\n", i + 1, text.size(), text);
    }
    std::ofstream(root + "/stream", std::ios::binary) << stream;
    std::ofstream(root + "/marks").close();
    GitCommand c = git_command({"fast-import", "--quiet", "--export-marks=" + root + "/marks"},
                               root + "/repo");
    REQUIRE(run_program_files(c.argv, &c.env, root + "/stream", "", nullptr) == 0);
    std::vector<std::string> oids(count);
    std::ifstream marks(root + "/marks");
    for (std::string mark, oid; marks >> mark >> oid;)
        oids.at(std::stoul(mark.substr(1)) - 1) = oid;
    return oids;
}

}  // namespace

TEST_CASE("read_git_objects answers in the order asked, a missing object as none") {
    for (const size_t count : {size_t{3}, size_t{5000}}) {  // one process; two halves
        CAPTURE(count);
        TestDir dir;
        std::vector<std::string> oids = blobs_in(dir, count);
        // Asked in reverse, with an object the repository does not have in the second half.
        std::vector<std::string> asked(oids.rbegin(), oids.rend());
        const std::string missing(40, 'e');
        asked.insert(asked.end() - 1, missing);
        const auto got = read_git_objects((dir.path / "repo").string(), asked);
        REQUIRE(got.size() == asked.size());
        for (size_t i = 0; i < asked.size(); ++i) {
            if (asked[i] == missing) {
                CHECK_FALSE(got[i].has_value());
                continue;
            }
            const size_t n = count - 1 - (i < asked.size() - 2 ? i : i - 1);
            REQUIRE(got[i].has_value());
            CHECK(*got[i] == fmt::format("id: 2025-{:05}\nname: 学生{}\n", n, n));
        }
    }
}
