// Replays every kept fuzz input (tests/fuzz/seed, corpus and findings) through the fuzz
// targets, so that what a fuzzer once found stays fixed in every build, with or without clang.
#include <doctest/doctest.h>

#include <boost/filesystem.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "../fuzz/targets.hpp"

namespace fs = boost::filesystem;

namespace {

void run_file(const fs::path& path, int (*run)(const uint8_t*, size_t)) {
    std::ifstream in(path.string(), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    const std::string data = bytes.str();
    run(reinterpret_cast<const uint8_t*>(data.data()), data.size());
}

size_t replay(const std::string& target, int (*run)(const uint8_t*, size_t)) {
    size_t n = 0;
    for (const char* kind : {"seed", "corpus"}) {
        const fs::path dir = fs::path(LIUSHOU_FUZZ_DIR) / kind / target;
        if (!fs::is_directory(dir)) continue;
        for (const auto& entry : fs::directory_iterator(dir)) {
            run_file(entry.path(), run);
            ++n;
        }
    }
    // Findings are named <target>-<what>.
    const fs::path findings = fs::path(LIUSHOU_FUZZ_DIR) / "findings";
    for (const auto& entry : fs::directory_iterator(findings)) {
        if (entry.path().filename().string().rfind(target + "-", 0) != 0) continue;
        run_file(entry.path(), run);
        ++n;
    }
    return n;
}

}  // namespace

TEST_CASE("the kept fuzz corpus replays without a crash or a broken property") {
    CHECK(replay("record", liushou::fuzz::fuzz_record) > 60);
    CHECK(replay("sheet", liushou::fuzz::fuzz_sheet) > 20);
    CHECK(replay("validate", liushou::fuzz::fuzz_validate) > 5);
    CHECK(replay("xlsx", liushou::fuzz::fuzz_xlsx) >= 4);
    CHECK(replay("checklist", liushou::fuzz::fuzz_checklist) >= 2);
    CHECK(replay("manifest", liushou::fuzz::fuzz_manifest) >= 2);
    CHECK(replay("merge", liushou::fuzz::fuzz_merge) >= 2);
    CHECK(replay("journal", liushou::fuzz::fuzz_journal) >= 3);
}
