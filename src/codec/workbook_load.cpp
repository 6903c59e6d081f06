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
#include <cstring>
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

/// The program's own folder. Without /proc (a chroot) there is none to trust: never the
/// working folder, which may be a tree from a USB stick.
std::string program_folder() {
    std::string path(4096, '\0');
    const ssize_t n = ::readlink("/proc/self/exe", path.data(), path.size());
    const size_t slash = n > 0 ? path.rfind('/', static_cast<size_t>(n)) : std::string::npos;
    if (n <= 0 || static_cast<size_t>(n) >= path.size() || slash == std::string::npos ||
        path[0] != '/')
        throw IoError(fmt::format(N_("cannot find the program's own folder (/proc/self/exe), "
                                     "where {} is; is /proc mounted?"),
                                  kModule));
    return path.substr(0, slash == 0 ? 1 : slash);
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
        // A module of another build (an upgrade half done, an older one left in the installed
        // place) would be called through the wrong pointers: its table must list the very
        // functions this program's does, in the same order.
        const WorkbookApi* api = entry();
        if (!api || std::strcmp(api->functions, kWorkbookFunctionNames) != 0)
            throw IoError(fmt::format(
                N_("{} is of another build of liushou (is liushou fully installed?)"), place));
        return api;
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
