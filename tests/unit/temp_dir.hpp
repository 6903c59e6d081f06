// A scratch folder removed with its contents when the test ends, and a whole-file read: what
// the store and cache tests share.
#pragma once

#include <boost/filesystem.hpp>
#include <fstream>
#include <sstream>
#include <string>

namespace liushou::testing {

struct TestDir {
    boost::filesystem::path path = boost::filesystem::temp_directory_path() /
                                   boost::filesystem::unique_path("liushou-test-%%%%-%%%%");
    TestDir() { boost::filesystem::create_directories(path); }
    ~TestDir() {
        boost::system::error_code ec;  // a destructor must not throw
        boost::filesystem::remove_all(path, ec);
    }
};

inline std::string slurp(const boost::filesystem::path& p) {
    std::ifstream in(p.string(), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace liushou::testing
