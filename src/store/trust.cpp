// Whose tree may be opened (links in its folders, its owner, git's safe.directory) and how
// reads keep out of a batch's way (the shared read lock on children/).
#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <pwd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/filesystem.hpp>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <thread>
#include <type_traits>

#include "cache.hpp"
#include "files.hpp"
#include "git_objects.hpp"
#include "liushou/error.hpp"
#include "liushou/i18n.hpp"
#include "liushou/store.hpp"
#include "liushou/text.hpp"
#include "tree_internal.hpp"

namespace liushou {

namespace fs = boost::filesystem;

namespace tree_detail {

/// children/, activities/ and .liushou/ must be directories of the tree itself: a link to
/// elsewhere would let a crafted tree have liushou read, cache (with phone numbers) and write
/// files outside.
void refuse_linked_directories(const Tree& tree) {
    for (const char* dir : {kChildrenDir, kActivitiesDir, kStateDir}) {
        struct stat st {};
        const std::string full = (fs::path(tree.root()) / dir).string();
        if (::lstat(full.c_str(), &st) == 0 && S_ISLNK(st.st_mode))
            throw DataError(fmt::format(N_("{}/ is a symbolic link; liushou reads and writes only "
                                           "inside the tree (put the directory itself there)"),
                                        tree.display(dir)));
    }
}

/// The safe.directory entries of the user's and the system's git configuration (never the
/// repository's: a copied tree cannot vouch for itself), read once.
const std::vector<std::string>& safe_directories() {
    static const std::vector<std::string> entries = [] {
        std::vector<std::string> out;
        for (const char* scope : {"--system", "--global"}) {
            std::string text;
            if (run_git({"config", scope, "--get-all", "safe.directory"}, "/", &text) != 0)
                continue;
            size_t start = 0;
            for (size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
                std::string entry = text.substr(start, end - start);
                if (entry.empty())
                    out.clear();  // an empty value resets the list, as in git
                else
                    out.push_back(std::move(entry));
            }
        }
        return out;
    }();
    return entries;
}

/// Whether `dir` is named by a safe.directory entry: the path itself, a `prefix/*` above it,
/// or `*`.
bool trusted_by_git(const fs::path& dir) {
    boost::system::error_code ec;
    const std::string real = fs::canonical(dir, ec).string();
    if (ec) return false;
    for (std::string entry : safe_directories()) {
        if (entry == "*") return true;
        const bool prefix = entry.size() > 2 && entry.compare(entry.size() - 2, 2, "/*") == 0;
        if (prefix) entry.resize(entry.size() - 2);
        const std::string canon = fs::weakly_canonical(entry, ec).string();
        if (ec) continue;
        if (real == canon) return true;
        if (prefix && real.compare(0, canon.size() + 1, canon + "/") == 0) return true;
    }
    return false;
}

/// Whether files owned by `uid` are this user's to read and write as a tree: its own, or
/// root run through sudo by their owner (as git counts SUDO_UID).
bool own_uid(uid_t uid) {
    const uid_t me = ::geteuid();
    if (uid == me) return true;
    if (me != 0) return false;
    const char* sudo_uid = std::getenv("SUDO_UID");
    return sudo_uid && *sudo_uid && std::to_string(uid) == sudo_uid;
}

std::string user_name(uid_t uid) {
    if (const struct passwd* pw = ::getpwuid(uid)) return pw->pw_name;
    return "uid " + std::to_string(uid);
}

/// Refuses a tree whose folder or liushou.yaml belongs to another user, as git refuses a
/// repository of "dubious ownership": a tree in a shared folder, or planted above the cwd,
/// could otherwise have this user's liushou write records into it, or read its settings.
/// safe.directory in the user's git configuration trusts it, for git and liushou alike.
void refuse_foreign_tree(const fs::path& root, const std::string& shown) {
    for (const fs::path& p : {root, root / kSchoolFile}) {
        struct stat st {};
        if (::lstat(p.c_str(), &st) != 0 || own_uid(st.st_uid)) continue;
        if (trusted_by_git(root)) return;
        boost::system::error_code ec;
        const fs::path abs = fs::canonical(root, ec);
        const std::string full = ec ? root.string() : abs.string();
        throw UsageError(fmt::format(
            "{}: " N_("owned by another user ({}); liushou uses only your own trees. If you trust "
                      "it, run: git config --global --add safe.directory {}"),
            shown == "." ? full : shown, user_name(st.st_uid), full));
    }
}

/// children/, held with a shared flock for as long as a Tree of it is open in this process:
/// a batch takes it exclusive for its renames (WriteSession::flush_batch), so a read waits for
/// them rather than see half a batch. One descriptor per folder and process, shared by every
/// Tree of it, so that a writer's own other Tree never holds the lock it upgrades.
std::shared_ptr<const UniqueFd> shared_read_lock(const std::string& root) {
    UniqueFd fd(::open((fs::path(root) / kChildrenDir).c_str(),
                       O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW));
    if (!fd) return nullptr;  // no children yet: nothing half-written to see
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) return nullptr;
    static std::mutex mutex;
    static std::map<std::pair<dev_t, ino_t>, std::weak_ptr<const UniqueFd>> held;
    std::lock_guard<std::mutex> guard(mutex);
    auto& slot = held[{st.st_dev, st.st_ino}];
    if (auto existing = slot.lock()) return existing;
    while (::flock(fd.get(), LOCK_SH) != 0 && errno == EINTR) {
    }
    auto lock = std::make_shared<const UniqueFd>(std::move(fd));
    slot = lock;
    return lock;
}

}  // namespace tree_detail

}  // namespace liushou
