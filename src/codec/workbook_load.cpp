// The workbook functions of the program itself: liushou-workbook.so, loaded on first use
// (liushou/workbook_api.hpp says why). It is looked for beside the program (a build tree)
// and then where `cmake --install` puts it (LIUSHOU_WORKBOOK_DIR, relative to the program's
// folder); never on a search path or from the environment, so no other file can stand in
// for it.
#include <dlfcn.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/filesystem/path.hpp>
#include <string>

#include "liushou/error.hpp"
#include "liushou/i18n.hpp"
#include "liushou/workbook_api.hpp"

#ifndef LIUSHOU_WORKBOOK_DIR
#define LIUSHOU_WORKBOOK_DIR "../lib/liushou"
#endif

namespace liushou {
namespace {

namespace fs = boost::filesystem;

constexpr const char* kModule = "liushou-workbook.so";

std::string program_folder() {
    std::string path(4096, '\0');
    const ssize_t n = ::readlink("/proc/self/exe", path.data(), path.size());
    if (n <= 0) return ".";
    path.resize(static_cast<size_t>(n));
    const size_t slash = path.rfind('/');
    return slash == std::string::npos ? "." : path.substr(0, slash == 0 ? 1 : slash);
}

const WorkbookApi* load() {
    const std::string folder = program_folder();
    const std::string installed =
        fs::path(folder + "/" LIUSHOU_WORKBOOK_DIR).lexically_normal().string();
    for (const std::string& place : {folder + "/" + kModule, installed + "/" + kModule}) {
        struct stat st {};
        if (::stat(place.c_str(), &st) != 0) continue;
        // RTLD_LOCAL: its libraries' names stay out of the program's own lookups.
        void* module = ::dlopen(place.c_str(), RTLD_NOW | RTLD_LOCAL);
        const char* why = module ? nullptr : ::dlerror();
        using Entry = const WorkbookApi* (*)();
        auto* entry =
            module ? reinterpret_cast<Entry>(::dlsym(module, "liushou_workbook_api")) : nullptr;
        if (module && !entry) why = ::dlerror();
        if (!entry)
            throw IoError(fmt::format(N_("cannot load {}, which reads and writes workbooks: {}"),
                                      place, why ? why : "?"));
        return entry();
    }
    throw IoError(fmt::format(N_("{} is missing beside the program and in {}; it reads and "
                                 "writes workbooks (is liushou fully installed?)"),
                              kModule, installed));
}

}  // namespace

const WorkbookApi& workbook_api() {
    // Loaded once; a failed load throws and the next call tries again.
    static const WorkbookApi* const api = load();
    return *api;
}

}  // namespace liushou
