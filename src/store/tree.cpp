// The records tree: finding it, listing and loading its files (in parallel, through the
// cache), and the write session that holds its lock.
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
#include "liushou/store.hpp"
#include "liushou/text.hpp"

namespace liushou {

namespace fs = boost::filesystem;

namespace {

constexpr const char* kSchoolFile = "liushou.yaml";
constexpr const char* kStaffFile = "staff.yaml";
constexpr const char* kChildrenDir = "children";
constexpr const char* kStateDir = ".liushou";

/// Present while a writer may have temporary files in children/: made before its first one,
/// removed when its session ends. Found by the next writer (under the lock, so its maker is
/// gone), it means that writer was killed, and only then is children/ searched for what it
/// left: a single write must not list 50,000 files. Lost with .liushou/ (or a power cut),
/// it only leaves stray temporaries, which readers ignore.
fs::path writing_marker(const std::string& root) {
    return fs::path(root) / kStateDir / "writing";
}

constexpr const char* kActivitiesDir = "activities";

/// .liushou/journal: the renames and removals of a batch whose temporaries are all durable.
/// Written (atomically) before the first rename and removed after the last, it makes a batch
/// all or nothing: a command that finds it finishes the batch (finish_interrupted_batch).
constexpr const char* kJournalFile = "journal";
constexpr const char* kJournalMagic = "liushou batch journal 1";

/// A test's kill at a named point of a batch (WriteFault with nth 0).
void maybe_kill(const std::optional<WriteFault>& fault, const char* step) {
    if (fault && fault->nth == 0 && fault->step == step) ::kill(::getpid(), SIGKILL);
}

/// children/<id>.yaml, for an id already known to be valid.
std::string child_file(const std::string& id) {
    return std::string(kChildrenDir) + "/" + id + ".yaml";
}

/// children/<name>, for any name found in the directory.
std::string child_file_name(const std::string& name) {
    return std::string(kChildrenDir) + "/" + name;
}

/// Why a file of a commit is refused unread, or "" when it may be read. A link is never
/// followed: in a commit it could name anything on the machine that reads it.
std::string screen_commit_entry(const GitEntry& e) {
    if (e.symlink()) return "a symbolic link in the commit; refused (commit the file itself)";
    if (!e.file()) return "not a regular file";
    if (e.size > kMaxRecordBytes)
        return fmt::format(
            "the file is {:.1f} MB; a record may be at most 1 MiB (was something pasted into it?)",
            static_cast<double>(e.size) / 1e6);
    return "";
}

/// Why a record file is refused unread, or "" when it may be read.
std::string screen_record_file(const std::string& root, const std::string& full,
                               const struct stat& st) {
    if (S_ISLNK(st.st_mode)) {
        // A link that stays inside the tree is only another name for a tree file; one that
        // leaves it would let a crafted tree read, or a write replace, files elsewhere.
        struct stat real {};
        if (::stat(full.c_str(), &real) != 0) return "a symbolic link to nothing";
        boost::system::error_code ec;
        boost::system::error_code root_ec;
        const fs::path target = fs::canonical(full, ec);
        const fs::path base = fs::canonical(root, root_ec);
        const std::string t = target.string(), b = base.string() + "/";
        if (ec || root_ec || t.compare(0, b.size(), b) != 0)
            return "a symbolic link to outside the tree; refused (put the file itself here)";
        return screen_record_file(root, full, real);
    }
    if (!S_ISREG(st.st_mode)) return "not a regular file";
    if (static_cast<uint64_t>(st.st_size) > kMaxRecordBytes)
        return fmt::format(
            "the file is {:.1f} MB; a record may be at most 1 MiB (was something pasted into it?)",
            static_cast<double>(st.st_size) / 1e6);
    return "";
}

}  // namespace

// ---- Tree ------------------------------------------------------------------------------

Tree::Tree(const std::string& root, TreeOptions options)
    : root_(root), options_(std::move(options)) {
    // Paths are shown relative to the cwd when the tree is below it, as git does.
    boost::system::error_code ec;
    const fs::path cwd = fs::current_path(ec);
    const fs::path abs = fs::weakly_canonical(fs::absolute(root), ec);
    fs::path rel = abs.lexically_relative(cwd);
    if (ec || rel.empty()) rel = root;
    display_prefix_ = rel == "." ? "" : rel.string() + "/";
}

namespace {

/// children/, activities/ and .liushou/ must be directories of the tree itself: a link to
/// elsewhere would let a crafted tree have liushou read, cache (with phone numbers) and write
/// files outside.
void refuse_linked_directories(const Tree& tree) {
    for (const char* dir : {kChildrenDir, kActivitiesDir, kStateDir}) {
        struct stat st {};
        const std::string full = (fs::path(tree.root()) / dir).string();
        if (::lstat(full.c_str(), &st) == 0 && S_ISLNK(st.st_mode))
            throw DataError(
                fmt::format("{}/ is a symbolic link; liushou reads and writes only "
                            "inside the tree (put the directory itself there)",
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
            "{}: owned by another user ({}); liushou uses only your own trees. If you trust "
            "it, run: git config --global --add safe.directory {}",
            shown == "." ? full : shown, user_name(st.st_uid), full));
    }
}

/// children/, held with a shared flock for as long as a Tree of it is open in this process:
/// a batch takes it exclusive for its renames (WriteSession::flush_batch), so a read waits for
/// them rather than see half a batch. One descriptor per folder and process, shared by every
/// Tree of it, so that a writer's own other Tree never holds the lock it upgrades.
std::shared_ptr<const int> shared_read_lock(const std::string& root) {
    const int fd = ::open((fs::path(root) / kChildrenDir).c_str(),
                          O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return nullptr;  // no children yet: nothing half-written to see
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        ::close(fd);
        return nullptr;
    }
    static std::mutex mutex;
    static std::map<std::pair<dev_t, ino_t>, std::weak_ptr<const int>> held;
    std::lock_guard<std::mutex> guard(mutex);
    auto& slot = held[{st.st_dev, st.st_ino}];
    if (auto existing = slot.lock()) {
        ::close(fd);
        return existing;
    }
    while (::flock(fd, LOCK_SH) != 0 && errno == EINTR) {
    }
    std::shared_ptr<const int> lock(new int(fd), [](const int* p) {
        ::close(*p);
        delete p;
    });
    slot = lock;
    return lock;
}

}  // namespace

Tree Tree::open_commit(const TreeOptions& options) {
    // The tree is where --root says, or the nearest one above the cwd; the directory need not
    // hold the files now (a bare repository holds none), only the commit must.
    std::string root = options.root;
    if (root.empty()) {
        TreeOptions on_disk = options;
        on_disk.rev.clear();
        try {
            root = open(on_disk).root();
        } catch (const UsageError&) {
            root = ".";
        }
    }
    if (!fs::is_directory(root)) throw IoError(fmt::format("{}: no such directory", root));
    refuse_foreign_tree(root, root);
    Tree tree(root, options);
    tree.commit_ = GitCommit::open(root, options.rev, options.use_cache);
    if (!tree.commit_->find(kSchoolFile))
        throw IoError(fmt::format("{}: commit {} holds no {} there (not a liushou tree in it)",
                                  root, options.rev, kSchoolFile));
    return tree;
}

Tree Tree::open(const TreeOptions& options) {
    if (!options.rev.empty()) return open_commit(options);
    std::string root = options.root;
    if (!root.empty()) {
        if (!fs::exists(fs::path(root) / kSchoolFile)) {
            if (!options.root_from.empty())
                throw UsageError(fmt::format("{}={}: not a liushou tree (no {})", options.root_from,
                                             root, kSchoolFile));
            throw UsageError(
                fmt::format("{}: not a liushou tree (no {}); create one with: liushou init {}",
                            root, kSchoolFile, root));
        }
    } else {
        boost::system::error_code ec;
        fs::path dir = fs::current_path(ec);
        const fs::path start = dir;
        struct stat start_st {};
        const bool have_start = ::stat(start.c_str(), &start_st) == 0;
        while (!dir.empty()) {
            // As git's discovery: never across a filesystem boundary (a USB stick mounted in
            // a folder finds no tree of the disk above it), and never past a folder of
            // another user's: a liushou.yaml there is found (and refused by its owner), one
            // further up is not looked for.
            struct stat st {};
            if (::stat(dir.c_str(), &st) != 0) break;
            if (have_start && st.st_dev != start_st.st_dev) break;
            if (fs::exists(dir / kSchoolFile, ec)) {
                const fs::path rel = dir.lexically_relative(start);
                root = rel.empty() ? "." : rel.string();
                break;
            }
            if (!own_uid(st.st_uid) || dir == dir.root_path()) break;
            dir = dir.parent_path();
        }
        if (root.empty())
            throw UsageError(
                "not inside a liushou tree (no liushou.yaml here or above); use --root DIR, "
                "set LIUSHOU_ROOT, or create one with: liushou init DIR --school NAME");
    }
    refuse_foreign_tree(root, root == "." ? std::string(".") : root);
    Tree tree(root, options);
    refuse_linked_directories(tree);
    // A batch stopped halfway is finished (or undone) before anything is read.
    struct stat st {};
    if (::lstat((fs::path(root) / kStateDir / kJournalFile).c_str(), &st) == 0) {
        int fd = -1;
        try {
            fd = tree.acquire_lock();
        } catch (const IoError& e) {
            throw IoError(fmt::format(
                "{}: a write was stopped halfway and must be finished by a liushou that may "
                "write the tree: {}",
                tree.display(".liushou/journal"), e.what()));
        }
        try {
            tree.finish_interrupted_batch();
        } catch (...) {
            ::close(fd);
            throw;
        }
        ::close(fd);
    }
    tree.read_lock_ = shared_read_lock(tree.root());
    return tree;
}

std::string Tree::display(const std::string& relative) const {
    // A file read from a commit is named as git would: the path, then which commit.
    return display_prefix_ + relative + (commit_ ? "@" + options_.rev : "");
}

std::string Tree::child_relative(const std::string& id) const {
    const std::string problem = child_id_error(id);
    if (!problem.empty()) throw UsageError(problem);
    return child_file(id);
}

std::vector<std::string> Tree::child_ids() const {
    std::vector<std::string> ids;
    if (commit_) {
        for (const auto& name : commit_->names_in(kChildrenDir)) {
            const fs::path p(name);
            const GitEntry* e = commit_->find(child_file_name(name));
            if (e && (e->file() || e->symlink()) && p.extension() == ".yaml" &&
                valid_child_id(p.stem().string()))
                ids.push_back(p.stem().string());
        }
        std::sort(ids.begin(), ids.end(), natural_less);
        return ids;
    }
    ids = listed_child_ids();
    std::sort(ids.begin(), ids.end(), natural_less);
    return ids;
}

std::vector<std::string> Tree::listed_child_ids() const {
    std::vector<std::string> ids;
    const std::string dir = (fs::path(root_) / kChildrenDir).string();
    DIR* d = ::opendir(dir.c_str());
    if (!d) {
        if (errno == ENOENT) return ids;
        throw IoError(
            fmt::format("{}: cannot list: {}", display(kChildrenDir), std::strerror(errno)));
    }
    errno = 0;
    while (const struct dirent* e = ::readdir(d)) {
        const std::string_view name(e->d_name);
        constexpr std::string_view yaml = ".yaml";
        if (name.size() <= yaml.size() || name.substr(name.size() - yaml.size()) != yaml) continue;
        std::string id(name.substr(0, name.size() - yaml.size()));
        if (valid_child_id(id)) ids.push_back(std::move(id));
        errno = 0;
    }
    const int error = errno;
    ::closedir(d);
    if (error)
        throw IoError(
            fmt::format("{}: cannot list: {}", display(kChildrenDir), std::strerror(error)));
    return ids;
}

std::vector<std::string> Tree::stray_child_files() const {
    std::vector<std::string> stray;
    if (commit_) {
        for (const auto& name : commit_->names_in(kChildrenDir)) {
            if (name.front() == '.') continue;
            const fs::path p(name);
            const GitEntry* e = commit_->find(child_file_name(name));
            if (!e || (!e->file() && !e->symlink()) || p.extension() != ".yaml" ||
                !valid_child_id(p.stem().string()))
                stray.push_back(child_file_name(name));
        }
        return stray;
    }
    boost::system::error_code ec;
    const fs::path dir = fs::path(root_) / kChildrenDir;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.front() == '.') continue;  // editors' and our own temporary files
        const fs::path p(name);
        if (p.extension() != ".yaml" || !valid_child_id(p.stem().string()))
            stray.push_back(std::string(kChildrenDir) + "/" + name);
    }
    std::sort(stray.begin(), stray.end());
    return stray;
}

bool Tree::child_exists(const std::string& id) const {
    if (!valid_child_id(id)) return false;
    if (commit_) return commit_->find(child_file(id)) != nullptr;
    boost::system::error_code ec;
    return fs::is_regular_file(fs::path(root_) / child_relative(id), ec);
}

template <class T, class F>
Loaded<T> Tree::load(const std::string& relative, F decode) const {
    Loaded<T> out;
    out.relative = relative;
    out.path = display(relative);
    if (commit_) {
        const GitEntry* e = commit_->find(relative);
        if (!e) return out;
        out.exists = true;
        const std::string refused = screen_commit_entry(*e);
        if (!refused.empty()) {
            out.problems.push_back(Problem{"", refused, Severity::error, 1, 1});
            return out;
        }
        const std::string text = commit_->read({e->blob}).front();
        static_cast<Decoded<T>&>(out) = decode(text);
        out.comment_line = first_comment_line(text);
        return out;
    }
    const fs::path full = fs::path(root_) / relative;
    struct stat st {};
    if (::lstat(full.c_str(), &st) != 0) return out;
    out.exists = true;
    const std::string refused = screen_record_file(root_, full.string(), st);
    if (!refused.empty()) {
        out.problems.push_back(Problem{"", refused, Severity::error, 1, 1});
        return out;
    }
    const std::string text = read_regular_file(full.string(), out.path, kMaxRecordBytes);
    static_cast<Decoded<T>&>(out) = decode(text);
    out.comment_line = first_comment_line(text);
    return out;
}

Loaded<Child> Tree::load_child(const std::string& id, bool positions) const {
    Loaded<Child> file = load<Child>(child_relative(id), [positions](std::string_view text) {
        Decoded<Child> decoded = decode_child(text, positions);
        if (!positions && !decoded.problems.empty()) decoded = decode_child(text, true);
        return decoded;
    });
    file.id = id;
    return file;
}

namespace {

int worker_count(int requested, size_t items) {
    if (requested > 0) return std::min(requested, 64);  // asked for: tests compare 1 and 2
    const int n = std::max(1, std::min(static_cast<int>(std::thread::hardware_concurrency()), 64));
    // A thread costs more than reading a few files.
    return static_cast<int>(
        std::min<size_t>(static_cast<size_t>(n), std::max<size_t>(1, items / 64)));
}

}  // namespace

int64_t clock_ns() {
    struct timespec ts {};
    clock_gettime(CLOCK_REALTIME, &ts);
    return static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

namespace {

/// A child file's key (cache.hpp), by its name in children/ (open as `dir`): false when it is
/// gone or not a plain file (a link, which a cache never vouches for: its target may change
/// without the link's times moving).
bool child_key(int dir, const std::string& id, FileKey& key) {
    struct stat st {};
    if (::fstatat(dir, (id + ".yaml").c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 ||
        !S_ISREG(st.st_mode))
        return false;
    key = FileKey{static_cast<uint64_t>(st.st_size),
                  static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec,
                  static_cast<uint64_t>(st.st_ino),
                  static_cast<int64_t>(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec};
    return true;
}

/// children/, opened to stat its files by name (child_key); -1 when it cannot be.
int open_children_dir(const std::string& root) {
    return ::open((fs::path(root) / kChildrenDir).c_str(),
                  O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
}

const char* cache_name(const Child*) {
    return "children.bin";
}
const char* cache_name(const ChildFigures*) {
    return "figures.bin";
}
const char* cache_name(const ChildDuties*) {
    return "duties.bin";
}
const char* cache_name(const PrintedOutput*) {
    return "printed.bin";
}

/// .liushou/cache, opened beneath the root with no link followed (SafeDir): a copied tree's
/// `.liushou/cache -> /elsewhere` is refused, never written through. nullopt when it is not
/// there and `create` is false. Both folders are the owner's alone: the cache holds every
/// phone number of the tree.
std::optional<SafeDir> cache_dir(const std::string& root, const std::string& display, bool create) {
    try {
        const SafeDir state = SafeDir::open(root, kStateDir, create, create, display);
        return SafeDir::open(state.path(""), "cache", create, create,
                             display + std::string(kStateDir) + "/");
    } catch (const IoError&) {
        if (create) throw;
        return std::nullopt;  // not made yet (or unreadable: read every file instead)
    }
}

template <class T>
std::string cache_path(const SafeDir& dir) {
    return dir.path(cache_name(static_cast<const T*>(nullptr)));
}

}  // namespace

/// The digest of what figures depend on besides the children: the caller's context (the
/// period, the last counted day), liushou.yaml (rules, terms), the activities (greetings) and,
/// `with_staff`, staff.yaml (a printed output names teachers). 0 when one of those files
/// cannot be read: then nothing is cached.
uint64_t Tree::figures_context(std::string_view context, bool with_staff) const {
    uint64_t h = fnv1a(context);
    try {
        std::vector<std::string> files = {kSchoolFile};
        // A tree without staff.yaml has no names to change.
        boost::system::error_code ec;
        if (with_staff && fs::exists(fs::path(root_) / kStaffFile, ec)) files.push_back(kStaffFile);
        for (const auto& id : activity_ids())
            files.push_back(std::string(kActivitiesDir) + "/" + id + ".yaml");
        for (const auto& relative : files) {
            h = fnv1a(relative, fnv1a("\n", h));
            h = fnv1a(
                read_regular_file((fs::path(root_) / relative).string(), relative, kMaxRecordBytes),
                h);
        }
    } catch (const Error&) {
        return 0;
    }
    return h == 0 ? 1 : h;
}

template <class T>
std::optional<std::vector<T>> Tree::cached_per_child(std::string_view context,
                                                     std::string* tail) const {
    if (commit_ || !options_.use_cache) return std::nullopt;
    const uint64_t digest = figures_context(context, std::is_same_v<T, PrintedOutput>);
    if (digest == 0) return std::nullopt;
    // The children as listed, in byte order (natural order costs a sort that would be much of
    // the work); the figures come in the order they were kept in.
    std::vector<std::string> ids = listed_child_ids();
    std::sort(ids.begin(), ids.end());
    const auto cache = cache_dir(root_, display_prefix_, false);
    if (!cache) return std::nullopt;
    const int dir = open_children_dir(root_);
    if (dir < 0) return std::nullopt;
    auto figures = PerChildCache<T>::read(
        cache_path<T>(*cache), digest, ids,
        [&](std::string_view id, FileKey& key) { return child_key(dir, std::string(id), key); },
        tail);
    ::close(dir);
    return figures;
}

template <class T>
void Tree::cache_per_child(std::string_view context, const std::vector<std::string>& ids,
                           const std::vector<T>& figures, int64_t started_ns,
                           const std::string* tail) const {
    if (commit_ || !options_.use_cache || ids.size() != figures.size()) return;
    // Every child of the tree, kept in the caller's order.
    std::vector<std::string> sorted_ids = ids;
    std::sort(sorted_ids.begin(), sorted_ids.end());
    std::vector<std::string> listed = listed_child_ids();
    std::sort(listed.begin(), listed.end());
    if (listed != sorted_ids) return;  // a child skipped as unreadable, or one added since
    const uint64_t digest = figures_context(context, std::is_same_v<T, PrintedOutput>);
    if (digest == 0) return;
    const int dir = open_children_dir(root_);
    if (dir < 0) return;
    std::vector<FileKey> keys(ids.size());
    bool all = true;
    for (size_t i = 0; i < ids.size() && all; ++i) all = child_key(dir, ids[i], keys[i]);
    ::close(dir);
    if (!all) return;
    // The figures name children who fall short: for the tree's owner only, as the records.
    try {
        const auto cache = cache_dir(root_, display_prefix_, true);
        PerChildCache<T>::write(cache_path<T>(*cache), digest, ids, keys, figures, started_ns,
                                tail ? std::string_view(*tail) : std::string_view());
    } catch (const IoError&) {
        // Only an optimisation: a read-only tree works the figures out again.
    }
}

std::optional<std::string> Tree::cached_output(std::string_view context) const {
    std::string bytes;
    if (!cached_per_child<PrintedOutput>(context, &bytes)) return std::nullopt;
    return bytes;
}

void Tree::cache_output(std::string_view context, const std::vector<std::string>& ids,
                        const std::string& bytes, int64_t started_ns) const {
    cache_per_child(context, ids, std::vector<PrintedOutput>(ids.size()), started_ns, &bytes);
}

template std::optional<std::vector<ChildFigures>> Tree::cached_per_child(std::string_view,
                                                                         std::string*) const;
template std::optional<std::vector<ChildDuties>> Tree::cached_per_child(std::string_view,
                                                                        std::string*) const;
template void Tree::cache_per_child(std::string_view, const std::vector<std::string>&,
                                    const std::vector<ChildFigures>&, int64_t,
                                    const std::string*) const;
template void Tree::cache_per_child(std::string_view, const std::vector<std::string>&,
                                    const std::vector<ChildDuties>&, int64_t,
                                    const std::string*) const;

std::vector<Loaded<Child>> Tree::load_children() const {
    if (commit_) return load_children_from_commit();
    const std::vector<std::string> ids = child_ids();
    const auto cache_folder =
        options_.use_cache ? cache_dir(root_, display_prefix_, false) : std::nullopt;
    const RecordCache cache =
        cache_folder ? RecordCache::read(cache_path<Child>(*cache_folder)) : RecordCache{};
    const int64_t started = clock_ns();
    std::vector<Loaded<Child>> out(ids.size());
    std::vector<FileKey> keys(ids.size());
    std::vector<char> fresh(ids.size(), 0);
    std::atomic<size_t> next{0};
    std::exception_ptr failure;
    std::mutex failure_mutex;

    std::atomic<size_t> finished{0};
    const std::thread::id caller = std::this_thread::get_id();
    auto work = [&] {
        try {
            for (size_t i = next++; i < ids.size(); i = next++, ++finished) {
                if (options_.progress && std::this_thread::get_id() == caller)
                    options_.progress("reading children/", finished.load(), ids.size());
                Loaded<Child>& file = out[i];
                file.id = ids[i];
                file.relative = child_file(ids[i]);  // ids from child_ids() are valid
                file.path = display(file.relative);
                const std::string full = (fs::path(root_) / file.relative).string();
                struct stat st {};
                if (::lstat(full.c_str(), &st) != 0) continue;  // gone since the listing
                file.exists = true;
                if (!S_ISREG(st.st_mode) || static_cast<uint64_t>(st.st_size) > kMaxRecordBytes) {
                    const std::string refused = screen_record_file(root_, full, st);
                    if (!refused.empty()) {
                        file.problems.push_back(Problem{"", refused, Severity::error, 1, 1});
                        continue;
                    }
                    ::stat(full.c_str(),
                           &st);  // a link inside the tree: key the cache on its target
                }
                keys[i] = FileKey{
                    static_cast<uint64_t>(st.st_size),
                    static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec,
                    static_cast<uint64_t>(st.st_ino),
                    static_cast<int64_t>(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec};
                if (cache.find(ids[i], keys[i], file.record, file.comment_line)) {
                    file.parsed = true;
                    continue;
                }
                const std::string text = read_regular_file(full, file.path, kMaxRecordBytes);
                static_cast<Decoded<Child>&>(file) = decode_child(text, false);
                if (!file.problems.empty() && file.where.at.empty())
                    static_cast<Decoded<Child>&>(file) = decode_child(text, true);
                file.comment_line = first_comment_line(text);
                fresh[i] = 1;
            }
        } catch (...) {
            const std::lock_guard<std::mutex> guard(failure_mutex);
            if (!failure) failure = std::current_exception();
            next = ids.size();
        }
    };
    const int workers = worker_count(options_.jobs, ids.size());
    std::vector<std::thread> threads;
    for (int w = 1; w < workers; ++w) threads.emplace_back(work);
    work();
    for (auto& t : threads) t.join();
    if (options_.progress) options_.progress("reading children/", ids.size(), ids.size());
    if (failure) std::rethrow_exception(failure);

    // Refresh the cache when anything was parsed or a cached file is gone.
    const size_t parsed_now = static_cast<size_t>(std::count(fresh.begin(), fresh.end(), 1));
    if (options_.use_cache && (parsed_now > 0 || cache.size() != ids.size())) {
        std::vector<RecordCache::Entry> entries;
        for (size_t i = 0; i < ids.size(); ++i)
            if (out[i].exists && out[i].writable())
                entries.push_back(
                    RecordCache::Entry{&ids[i], keys[i], out[i].comment_line, &out[i].record});
        try {
            const auto folder = cache_dir(root_, display_prefix_, true);
            RecordCache::write(cache_path<Child>(*folder), entries, started);
        } catch (const IoError&) {
            // A read-only tree, a full disk: the next read parses again.
        }
    }
    // A file that vanished between listing and reading is simply not there.
    out.erase(
        std::remove_if(out.begin(), out.end(), [](const Loaded<Child>& f) { return !f.exists; }),
        out.end());
    return out;
}

bool CachedChildren::name(size_t i, std::string& id, std::string& name) const {
    return peek_child_name(records_[i], id, name);
}

bool CachedChildren::load(size_t i, Child& child) const {
    return deserialize_child(records_[i], child);
}

std::optional<CachedChildren> Tree::cached_children() const {
    if (commit_ || !options_.use_cache) return std::nullopt;
    CachedChildren out;
    out.ids_ = child_ids();
    const auto folder = cache_dir(root_, display_prefix_, false);
    if (!folder) return std::nullopt;
    auto cache = std::make_shared<const RecordCache>(RecordCache::read(cache_path<Child>(*folder)));
    // An entry for a child since removed: load_children would rewrite the cache.
    if (cache->size() != out.ids_.size()) return std::nullopt;
    const int dir = open_children_dir(root_);
    if (dir < 0) return std::nullopt;
    out.records_.reserve(out.ids_.size());
    for (const std::string& id : out.ids_) {
        FileKey key;
        std::optional<std::string_view> bytes;
        if (child_key(dir, id, key)) bytes = cache->record(id, key);
        if (!bytes) break;  // changed, gone, a link: load_children reads it
        out.records_.push_back(*bytes);
    }
    ::close(dir);
    if (out.records_.size() != out.ids_.size()) return std::nullopt;
    out.cache_ = std::move(cache);
    return out;
}

namespace {

/// A blob's id as a cache key: its bytes fill the key's fields (their top bits cleared, so no
/// field looks like a time after the cache was written: content never goes stale by age).
FileKey blob_key(const GitEntry& e) {
    uint64_t parts[3] = {0, 0, 0};
    for (size_t i = 0; i + 1 < e.blob.size() && i / 2 < 24; i += 2) {
        const uint64_t byte = std::strtoul(e.blob.substr(i, 2).c_str(), nullptr, 16);
        parts[i / 16] = parts[i / 16] << 8 | byte;
    }
    constexpr uint64_t kLow62 = (uint64_t{1} << 62) - 1;
    return FileKey{e.size, static_cast<int64_t>(parts[0] & kLow62), parts[1],
                   static_cast<int64_t>(parts[2] & kLow62)};
}

}  // namespace

std::vector<Loaded<Child>> Tree::load_children_from_commit() const {
    const std::vector<std::string> ids = child_ids();
    // Keyed by blob ids, the cache of a commit holds for every commit of the repository; it
    // lives with the repository's data (a bare repository has no tree to hold .liushou/).
    const std::string& prefix = commit_->prefix();
    // GIT_DIR/liushou is opened as the tree's own cache is (SafeDir): a copied repository's
    // `liushou -> /elsewhere` is refused, never written through.
    const std::string cache_name =
        prefix.empty() ? std::string("children.bin")
                       : fmt::format("children-{:016x}.bin", std::hash<std::string>{}(prefix));
    const std::string git_dir = commit_->git_dir();
    auto open_cache_dir = [&](bool create) -> std::optional<SafeDir> {
        try {
            return SafeDir::open(git_dir, "liushou", create, create, shown_path(git_dir) + "/");
        } catch (const IoError&) {
            return std::nullopt;  // not there yet, or not ours to write: read every blob
        }
    };
    const auto cache_folder = options_.use_cache ? open_cache_dir(false) : std::nullopt;
    const RecordCache cache =
        cache_folder ? RecordCache::read(cache_folder->path(cache_name)) : RecordCache{};
    std::vector<Loaded<Child>> out(ids.size());
    std::vector<FileKey> keys(ids.size());
    std::vector<size_t> unread;
    for (size_t i = 0; i < ids.size(); ++i) {
        Loaded<Child>& file = out[i];
        file.id = ids[i];
        file.relative = child_file(ids[i]);
        file.path = display(file.relative);
        file.exists = true;
        const GitEntry& e = *commit_->find(file.relative);
        const std::string refused = screen_commit_entry(e);
        if (!refused.empty()) {
            file.problems.push_back(Problem{"", refused, Severity::error, 1, 1});
            continue;
        }
        keys[i] = blob_key(e);
        if (cache.find(ids[i], keys[i], file.record, file.comment_line))
            file.parsed = true;
        else
            unread.push_back(i);
    }
    // The objects in batches: one git process each, the decoding spread over the workers,
    // and never more than a batch of texts in memory.
    constexpr size_t kBatch = 4096;
    for (size_t start = 0; start < unread.size(); start += kBatch) {
        const size_t end = std::min(unread.size(), start + kBatch);
        std::vector<std::string> blobs;
        for (size_t k = start; k < end; ++k)
            blobs.push_back(commit_->find(out[unread[k]].relative)->blob);
        const std::vector<std::string> texts = commit_->read(blobs);
        std::atomic<size_t> next{start};
        auto work = [&] {
            for (size_t k = next++; k < end; k = next++) {
                Loaded<Child>& file = out[unread[k]];
                const std::string& text = texts[k - start];
                static_cast<Decoded<Child>&>(file) = decode_child(text, false);
                if (!file.problems.empty() && file.where.at.empty())
                    static_cast<Decoded<Child>&>(file) = decode_child(text, true);
                file.comment_line = first_comment_line(text);
            }
        };
        const int workers = worker_count(options_.jobs, end - start);
        std::vector<std::thread> threads;
        for (int w = 1; w < workers; ++w) threads.emplace_back(work);
        work();
        for (auto& t : threads) t.join();
        if (options_.progress) options_.progress("reading children/", end, unread.size());
    }
    if (options_.use_cache && (!unread.empty() || cache.size() != ids.size())) {
        std::vector<RecordCache::Entry> entries;
        for (size_t i = 0; i < ids.size(); ++i)
            if (out[i].writable())
                entries.push_back(
                    RecordCache::Entry{&ids[i], keys[i], out[i].comment_line, &out[i].record});
        // Made 0700: every phone number of the tree.
        if (const auto folder = open_cache_dir(true))
            RecordCache::write(folder->path(cache_name), entries,
                               std::numeric_limits<int64_t>::max());
    }
    return out;
}

GitState Tree::git_state() const {
    if (commit_) return GitState{commit_->short_commit(), false};
    return liushou::git_state(root_);
}

std::string Tree::commit_date() const {
    if (commit_) return commit_->date();
    std::string out;
    if (run_git({"show", "-s", "--format=%cs", "HEAD"}, root_, &out) != 0) return "";
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
}

std::vector<std::string> Tree::activity_ids() const {
    std::vector<std::string> ids;
    auto consider = [&](const std::string& name) {
        const fs::path p(name);
        if (p.extension() == ".yaml" && valid_child_id(p.stem().string()))
            ids.push_back(p.stem().string());
    };
    if (commit_) {
        for (const auto& name : commit_->names_in(kActivitiesDir)) consider(name);
    } else {
        boost::system::error_code ec;
        const fs::path dir = fs::path(root_) / kActivitiesDir;
        if (fs::is_directory(dir, ec))
            for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
                consider(it->path().filename().string());
    }
    std::sort(ids.begin(), ids.end(), natural_less);
    return ids;
}

std::vector<Loaded<Activity>> Tree::load_activities() const {
    std::vector<Loaded<Activity>> out;
    for (const auto& id : activity_ids()) {
        Loaded<Activity> file =
            load<Activity>(std::string(kActivitiesDir) + "/" + id + ".yaml", decode_activity);
        file.id = id;
        if (file.exists) out.push_back(std::move(file));
    }
    return out;
}

Loaded<StaffList> Tree::load_staff() const {
    auto staff = load<StaffList>(kStaffFile, decode_staff);
    if (!staff.exists) staff.parsed = true;  // no staff.yaml yet: an empty list
    return staff;
}

Loaded<School> Tree::load_school() const {
    return load<School>(kSchoolFile, decode_school);
}

bool WriteSession::write_text(const std::string& relative, const std::string& content, int mode) {
    const Tree& tree = *tree_;
    const fs::path rel(relative);
    const std::string dir_name = rel.parent_path().string();
    // One look per directory and session: a batch writes thousands of files into children/.
    auto known = std::find_if(dirs_.begin(), dirs_.end(),
                              [&](const auto& d) { return d.first == dir_name; });
    if (known == dirs_.end()) {
        auto dir = std::make_shared<const SafeDir>(
            SafeDir::open(tree.root_, dir_name, true, false, tree.display_prefix_));
        dirs_.emplace_back(dir_name, std::move(dir));
        known = dirs_.end() - 1;
    }
    if (!marked_) {
        // Before the first temporary file (see writing_marker).
        try {
            const SafeDir state =
                SafeDir::open(tree.root_, kStateDir, true, true, tree.display_prefix_);
            const int mfd =
                ::openat(state.fd(), "writing", O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
            if (mfd >= 0) ::close(mfd);
        } catch (const IoError&) {
            // Without the marker only stray temporaries can be left (writing_marker).
        }
        marked_ = true;
    }
    const std::string full = known->second->path(rel.filename().string());
    // Only the tree's own files take part in fault injection, never the cache.
    try {
        if (batch_) {
            bool staged = false;
            try {
                staged = batch_->stage(full, content, mode, tree.options_.fault, ++files_written_,
                                       relative);
            } catch (const IoError&) {
                batch_.reset();  // all or nothing: no file of the batch is put in place
                throw;
            }
            return staged;
        }
        const bool written =
            write_atomically(full, content, mode, tree.options_.fault, ++files_written_);
        in_place_ += written;
        if (written && tree.options_.journal) {
            tree.options_.journal->root = tree.root_;
            tree.options_.journal->files.push_back(relative);
        }
        return written;
    } catch (const IoError& e) {
        // Name the file as the user sees it rather than by its joined path.
        std::string message = e.what();
        if (message.compare(0, full.size(), full) == 0)
            message.replace(0, full.size(), tree.display(relative));
        throw IoError(message);
    }
}

namespace {

/// The last guard of every write: the bytes about to be written must decode without an error,
/// exactly as check and the next write will decode them. A value that slipped past a command's
/// own checks (a control character, say) is refused here rather than written and found later.
template <class T, class Decode>
void refuse_unreadable(const std::string& text, Decode decode, const std::string& display) {
    const Decoded<T> back = decode(text);
    if (back.writable()) return;
    for (const Problem& p : back.problems) {
        if (p.severity != Severity::error) continue;
        throw DataError(fmt::format("{}{}; nothing was written",
                                    p.field.empty() ? "" : p.field + ": ", p.message),
                        display, p.line, p.col);
    }
    throw DataError("the record would not read back; nothing was written", display);
}

/// A child's text read back: without field positions, which only a refusal needs.
Decoded<Child> decode_child_back(std::string_view text) {
    Decoded<Child> back = decode_child(text, false);
    if (!back.writable()) back = decode_child(text, true);
    return back;
}

}  // namespace

void WriteSession::refuse_new_errors(const Child& child, const std::string& relative,
                                     const std::string& was) const {
    const auto& validate = tree_->options_.validate;
    if (!validate) return;
    Problems after;
    validate(child, after);
    if (!has_errors(after)) return;  // the usual case: nothing more to read
    // An error the file has already is not this write's doing (a teacher may log a talk for a
    // child whose guardian's phone is still wrong); only a new one is refused.
    std::set<std::pair<std::string, std::string>> before;
    const std::string& old_id = was.empty() ? child.id : was;
    if (tree_->child_exists(old_id)) {
        const Loaded<Child> old = tree_->load_child(old_id, false);
        if (old.parsed) {
            Problems p;
            validate(old.record, p);
            for (const Problem& x : p)
                if (x.severity == Severity::error) before.emplace(x.field, x.message);
        }
    }
    for (const Problem& p : after)
        if (p.severity == Severity::error && !before.count({p.field, p.message}))
            throw DataError(fmt::format("{}{}; nothing was written (check would refuse the file)",
                                        p.field.empty() ? "" : p.field + ": ", p.message),
                            tree_->display(relative));
}

bool WriteSession::write_child(const Child& child, const std::string& was) {
    const std::string relative = tree_->child_relative(child.id);
    const std::string text = encode_child(child);
    refuse_unreadable<Child>(text, decode_child_back, tree_->display(relative));
    refuse_new_errors(child, relative, was);
    return write_text(relative, text, 0600);
}

size_t WriteSession::write_children(const std::vector<const Child*>& children,
                                    const std::function<void(size_t)>& progress) {
    return write_made_children(
        children.size(), [&children](size_t i, Child&) { return children[i]; }, progress);
}

size_t WriteSession::write_made_children(size_t count, const MakeChild& make,
                                         const std::function<void(size_t)>& progress,
                                         const std::atomic<bool>* hold) {
    // Making a child (reading its file, adding to it), encoding it and the read-back check
    // cost more than writing the temporary file: worker threads prepare the chunks ahead,
    // a few at most (their texts are held until written), while this thread writes in order.
    struct Prepared {
        bool skip = true;
        std::string relative, text;
        std::exception_ptr error;
    };
    constexpr size_t kChunk = 128;
    const size_t chunks = (count + kChunk - 1) / kChunk;
    const size_t workers = static_cast<size_t>(worker_count(tree_->options_.jobs, count));
    const size_t ahead = 2 * workers;
    std::vector<std::vector<Prepared>> ready(chunks);
    std::vector<char> done(chunks, 0);
    std::mutex mutex;
    std::condition_variable changed_state;
    size_t next = 0, taken = 0;
    bool quit = false;
    auto work = [&] {
        Child scratch;
        for (;;) {
            size_t c = 0;
            {
                std::unique_lock<std::mutex> lock(mutex);
                changed_state.wait(lock,
                                   [&] { return quit || next >= chunks || next < taken + ahead; });
                if (quit || next >= chunks) return;
                c = next++;
            }
            std::vector<Prepared> out(std::min(count, (c + 1) * kChunk) - c * kChunk);
            for (size_t k = 0; k < out.size(); ++k) {
                Prepared& p = out[k];
                try {
                    const Child* child = make(c * kChunk + k, scratch);
                    if (!child) continue;
                    p.skip = false;
                    p.relative = tree_->child_relative(child->id);
                    p.text = encode_child(*child);
                    refuse_unreadable<Child>(p.text, decode_child_back, tree_->display(p.relative));
                    refuse_new_errors(*child, p.relative);
                } catch (...) {
                    p.skip = false;
                    p.error = std::current_exception();
                }
            }
            {
                const std::lock_guard<std::mutex> lock(mutex);
                ready[c] = std::move(out);
                done[c] = 1;
            }
            changed_state.notify_all();
        }
    };
    std::vector<std::thread> threads;
    struct Join {  // on every way out, a throw included
        std::vector<std::thread>& threads;
        std::mutex& mutex;
        std::condition_variable& cv;
        bool& quit;
        ~Join() {
            {
                const std::lock_guard<std::mutex> lock(mutex);
                quit = true;
            }
            cv.notify_all();
            for (auto& t : threads) t.join();
        }
    } join{threads, mutex, changed_state, quit};
    for (size_t w = 0; w < workers && w < chunks; ++w) threads.emplace_back(work);
    size_t written = 0;
    for (size_t c = 0; c < chunks; ++c) {
        std::vector<Prepared> chunk;
        {
            std::unique_lock<std::mutex> lock(mutex);
            changed_state.wait(lock, [&] { return done[c] != 0; });
            chunk = std::move(ready[c]);
            taken = c + 1;
        }
        changed_state.notify_all();
        for (size_t k = 0; k < chunk.size(); ++k) {
            if (progress) progress(c * kChunk + k);
            if (chunk[k].error) std::rethrow_exception(chunk[k].error);
            if (chunk[k].skip || (hold && hold->load())) continue;
            written += write_text(chunk[k].relative, chunk[k].text, 0600);
        }
    }
    return written;
}

bool WriteSession::write_staff(const StaffList& staff) {
    const std::string text = encode_staff(staff);
    refuse_unreadable<StaffList>(text, decode_staff, tree_->display(kStaffFile));
    return write_text(kStaffFile, text, 0600);  // teachers' phone numbers
}

bool WriteSession::write_activity(const Activity& activity) {
    if (!valid_child_id(activity.id))
        throw UsageError(fmt::format("activity id {}: letters, digits, . _ - only", activity.id));
    const std::string relative = std::string(kActivitiesDir) + "/" + activity.id + ".yaml";
    const std::string text = encode_activity(activity);
    refuse_unreadable<Activity>(text, decode_activity, tree_->display(relative));
    return write_text(relative, text, 0600);  // names of the children who took part
}

bool WriteSession::write_school(const School& school) {
    const std::string text = encode_school(school);
    refuse_unreadable<School>(text, decode_school, tree_->display(kSchoolFile));
    return write_text(kSchoolFile, text, 0600);  // the leading group's names
}

void WriteSession::remove_child(const std::string& id) {
    const std::string relative = tree_->child_relative(id);
    if (batch_) {  // with the batch's renames, from its journal
        const SafeDir dir =
            SafeDir::open(tree_->root_, kChildrenDir, false, false, tree_->display_prefix_);
        batch_->remove((fs::path(tree_->root_) / relative).string(), relative);
        return;
    }
    const fs::path full = fs::path(tree_->root_) / relative;
    if (::unlink(full.c_str()) != 0)
        throw IoError(fmt::format("{}: cannot remove: {}", tree_->display(relative), errno_text()));
    const int dfd = ::open(full.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    if (const auto& journal = tree_->options_.journal) {
        journal->root = tree_->root_;
        journal->files.push_back(relative);
    }
}

WriteSession::WriteSession(const Tree& tree, int fd) : tree_(&tree), fd_(fd) {}

WriteSession::WriteSession(WriteSession&& other) noexcept
    : tree_(other.tree_),
      fd_(other.fd_),
      files_written_(other.files_written_),
      in_place_(other.in_place_),
      marked_(other.marked_),
      whole_batch_(other.whole_batch_),
      dirs_(std::move(other.dirs_)),
      batch_(std::move(other.batch_)) {
    other.fd_ = -1;
    other.marked_ = false;
}

WriteSession::~WriteSession() {
    // A batch not ended (an exception on the way) is dropped: its temporaries are removed
    // and the files stay as they were.
    batch_.reset();
    if (marked_) {  // no temporary file is left
        const fs::path marker = writing_marker(tree_->root_);
        ::unlink(marker.c_str());
        ::rmdir(marker.parent_path().c_str());  // made for the mark alone (init): not kept
    }
    if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

void WriteSession::begin_batch(bool whole) {
    // Every batch is whole now (all or nothing, through the journal); `whole` is kept for
    // the callers that said so before.
    if (!batch_) batch_ = std::make_unique<BatchWrite>();
    whole_batch_ = whole;
}

void WriteSession::end_batch() {
    if (!batch_) return;
    flush_batch();
    batch_.reset();
    whole_batch_ = false;
}

void WriteSession::flush_batch() {
    const auto& journal = tree_->options_.journal;
    auto note = [&](const std::vector<std::string>& renamed) {
        in_place_ += renamed.size();
        if (!journal || renamed.empty()) return;
        journal->root = tree_->root_;
        journal->files.insert(journal->files.end(), renamed.begin(), renamed.end());
    };
    // The file named as the user sees it rather than by its joined path.
    auto shown = [&](const IoError& e) {
        std::string message = e.what();
        for (const auto& [name, dir] : dirs_) {
            const std::string raw = dir->path("");
            if (message.compare(0, raw.size(), raw) == 0)
                message.replace(0, raw.size(), tree_->display(name.empty() ? "" : name + "/"));
        }
        const std::string root = tree_->root_ + "/";
        if (message.compare(0, root.size(), root) == 0)
            message.replace(0, root.size(), tree_->display(""));
        return IoError(message);
    };
    // The journal, written once every temporary is durable: from then on the batch is
    // applied, and the next command finishes it should this one stop.
    std::optional<SafeDir> state;
    auto write_journal = [&](const std::vector<BatchWrite::Staged>& staged,
                             const std::vector<BatchWrite::Removal>& removals) {
        maybe_kill(tree_->options_.fault, "kill-before-journal");
        std::string text = std::string(kJournalMagic) + "\n";
        for (const auto& f : staged) {
            const fs::path target(f.relative);
            const std::string tmp = (target.parent_path() / fs::path(f.tmp).filename()).string();
            text += fmt::format("rename\t{}\t{}\n", tmp, f.relative);
        }
        for (const auto& r : removals) text += fmt::format("remove\t{}\n", r.relative);
        text += "end\n";
        state.emplace(SafeDir::open(tree_->root_, kStateDir, true, true, tree_->display_prefix_));
        write_atomically(state->path(kJournalFile), text, 0600, std::nullopt, 0);
        maybe_kill(tree_->options_.fault, "kill-after-journal");
        // Readers wait while the files change (Tree::read_lock_).
        if (tree_->read_lock_) ::flock(*tree_->read_lock_, LOCK_EX);
    };
    auto done = [&] {
        if (tree_->read_lock_) ::flock(*tree_->read_lock_, LOCK_SH);
        if (!state) return;
        ::unlinkat(state->fd(), kJournalFile, 0);
        ::fsync(state->fd());
    };
    try {
        note(batch_->flush(tree_->options_.fault, write_journal));
        done();
    } catch (const RenameError& e) {
        note(e.renamed());  // the files before the failed one are in place
        if (tree_->read_lock_) ::flock(*tree_->read_lock_, LOCK_SH);
        throw shown(e);
    } catch (const IoError& e) {
        if (tree_->read_lock_) ::flock(*tree_->read_lock_, LOCK_SH);
        throw shown(e);
    }
}

namespace {

/// The pid in `name` when it is exactly a temporary file of ours for a file we write in that
/// directory: `.liushou.yaml.tmp.PID.N`, `.staff.yaml.tmp.PID.N`, `.<id>.yaml.tmp.PID.N`.
/// Anything else (`.school.tmp.notes.txt`, `.2025-001.yaml.tmp.backup`) is not ours: 0.
long our_temporary(const std::string& name, bool in_children) {
    if (name.size() < 2 || name.front() != '.') return 0;
    const size_t mark = name.rfind(".tmp.");
    if (mark == std::string::npos || mark < 2) return 0;
    const std::string target = name.substr(1, mark - 1);
    const std::string tail = name.substr(mark + 5);  // PID.N
    const size_t dot = tail.find('.');
    if (dot == std::string::npos || dot == 0 || dot + 1 == tail.size()) return 0;
    const std::string pid = tail.substr(0, dot), n = tail.substr(dot + 1);
    if (pid.size() > 9 || pid.find_first_not_of("0123456789") != std::string::npos ||
        n.size() > 10 || n.find_first_not_of("0123456789") != std::string::npos)
        return 0;
    const bool known =
        in_children ? target.size() > 5 && target.compare(target.size() - 5, 5, ".yaml") == 0 &&
                          valid_child_id(target.substr(0, target.size() - 5))
                    : target == kSchoolFile || target == kStaffFile || target == kJournalFile ||
                          target == "children.bin" || target == "figures.bin" ||
                          target == "duties.bin" || target == "printed.bin";
    return known ? std::atol(pid.c_str()) : 0;
}

}  // namespace

void Tree::remove_stale_temporaries() const {
    // A writer killed between creating its temporary file and renaming it leaves
    // `.NAME.tmp.PID.N` behind. Under the lock no other writer is busy, but a process that is
    // still alive (a PID reused, a writer from an older liushou) keeps its files, and a name
    // that is not exactly ours is never touched: it may be someone's backup.
    // The cache's directory too: enroll reads the whole tree, so a killed enroll can leave
    // a half-written cache behind.
    boost::system::error_code marker_ec;
    const bool killed_writer = fs::exists(writing_marker(root_), marker_ec);
    size_t removed = 0;
    // 0: the root, 1: children/, 2: .liushou/cache, 3: .liushou (a journal being written),
    // 4: activities/ (activity add and rename write there; named like children's files).
    for (const int where : {0, 1, 2, 3, 4}) {
        const bool in_children = where == 1 || where == 4;
        if (in_children && !killed_writer) continue;
        // The cache's folder through its descriptor: never a listing through a link.
        std::optional<SafeDir> state;
        if (where >= 2) {
            try {
                state.emplace(where == 2
                                  ? cache_dir(root_, display_prefix_, false).value()
                                  : SafeDir::open(root_, kStateDir, false, false, display_prefix_));
            } catch (const Error&) {
                continue;
            } catch (const std::bad_optional_access&) {
                continue;
            }
        }
        const fs::path dir = where == 0   ? fs::path(root_)
                             : where == 1 ? fs::path(root_) / kChildrenDir
                             : where == 4 ? fs::path(root_) / kActivitiesDir
                                          : fs::path(state->path(""));
        boost::system::error_code ec;
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
            const long pid = our_temporary(it->path().filename().string(), in_children);
            if (pid <= 0) continue;
            if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
                boost::system::error_code ignored;
                if (fs::remove(it->path(), ignored) && (where < 2 || where == 4)) ++removed;
            }
        }
    }
    if (killed_writer) ::unlink(writing_marker(root_).c_str());
    // Accounted for: the write they belonged to never reached its journal, so none of it was
    // put in place.
    if (removed > 0 && options_.notice)
        options_.notice(fmt::format(
            "undid a write that was stopped before it was applied: {} temporary file{} removed, "
            "no record changed",
            removed, removed == 1 ? "" : "s"));
}

int Tree::acquire_lock() const {
    const int timeout_seconds = options_.lock_timeout;
    const std::string shown = display_prefix_.empty() ? "." : display_prefix_;
    // The lock is the tree's root directory itself, not a file in .liushou/: that directory
    // is derived data which people may delete at any time, and a lock file deleted while held
    // lets the next writer lock a new file and overwrite the holder's work.
    const int fd = ::open(root_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        throw IoError(fmt::format("{}: cannot open the tree to lock it: {}", shown, errno_text()));
    const std::string children = (fs::path(root_) / kChildrenDir).string();
    if (::access(root_.c_str(), W_OK) != 0 ||
        (::access(children.c_str(), F_OK) == 0 && ::access(children.c_str(), W_OK) != 0)) {
        ::close(fd);
        throw IoError(
            fmt::format("{}: the tree is read-only for this user; nothing was written", shown));
    }
    // flock is released by the kernel when a process dies, so a killed writer never leaves
    // the tree locked.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
    while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR) {
            const std::string why = errno_text();
            ::close(fd);
            throw IoError(fmt::format("{}: cannot lock the tree: {}", shown, why));
        }
        if (timeout_seconds <= 0) {
            ::close(fd);  // --lock-timeout 0: a script that must not wait
            throw IoError(
                fmt::format("{}: another liushou is writing (--lock-timeout 0 does "
                            "not wait); nothing was written",
                            shown));
        }
        if (std::chrono::steady_clock::now() > deadline) {
            ::close(fd);
            throw IoError(
                fmt::format("{}: another liushou has been writing for {} s; try again later", shown,
                            timeout_seconds));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return fd;
}

WriteSession Tree::lock() const {
    if (commit_)
        throw UsageError(
            fmt::format("--rev {}: a commit is read, never written; run the command without --rev",
                        options_.rev));
    // This tree's shared hold on children/ is let go while the writer lock is waited for: a
    // writer holding the lock could otherwise wait for it to put its batch in place.
    if (read_lock_) ::flock(*read_lock_, LOCK_UN);
    const int fd = acquire_lock();
    if (read_lock_) ::flock(*read_lock_, LOCK_SH);
    try {
        finish_interrupted_batch();
    } catch (...) {
        ::close(fd);
        throw;
    }
    remove_stale_temporaries();
    // A commit after the write (--commit) must happen under the same lock, or parallel
    // writers race for git's index: the journal keeps a second handle on the same lock.
    if (const auto& journal = options_.journal; journal && journal->lock_fd < 0)
        journal->lock_fd = ::fcntl(fd, F_DUPFD_CLOEXEC, 3);
    return WriteSession(*this, fd);
}

namespace {

/// Whether `relative` is a file a batch may write: a journal is a file in the tree, and a
/// copied tree's must not rename or remove anything else (nor leave the tree).
bool journal_target(const std::string& relative) {
    if (relative == kSchoolFile || relative == kStaffFile) return true;
    // Exactly DIR/ID.yaml, spelled as a batch writes it (no "//", no "./").
    const size_t slash = relative.find('/');
    if (slash == std::string::npos || relative.find('/', slash + 1) != std::string::npos)
        return false;
    const std::string dir = relative.substr(0, slash), name = relative.substr(slash + 1);
    return (dir == kChildrenDir || dir == kActivitiesDir) && name.size() > 5 &&
           name.compare(name.size() - 5, 5, ".yaml") == 0 &&
           valid_child_id(name.substr(0, name.size() - 5));
}

}  // namespace

std::optional<std::vector<JournalEntry>> parse_journal(const std::string& text) {
    // A NUL would end a name where the system reads it, not where it was checked.
    if (text.find('\0') != std::string::npos) return std::nullopt;
    std::vector<JournalEntry> out;
    std::istringstream in(text);
    std::string line;
    if (!std::getline(in, line) || line != kJournalMagic) return std::nullopt;
    bool ended = false;
    while (std::getline(in, line)) {
        if (ended) return std::nullopt;
        if (line == "end") {
            ended = true;
            continue;
        }
        std::vector<std::string> fields;
        for (size_t start = 0;;) {
            const size_t tab = line.find('\t', start);
            fields.push_back(line.substr(start, tab - start));
            if (tab == std::string::npos) break;
            start = tab + 1;
        }
        JournalEntry e;
        if (fields.size() == 2 && fields[0] == "remove") {
            e.remove = true;
            e.target = fields[1];
        } else if (fields.size() == 3 && fields[0] == "rename") {
            e.tmp = fields[1];
            e.target = fields[2];
            // Exactly DIR/.NAME.tmp.PID.N beside DIR/NAME.
            const size_t slash = e.target.rfind('/');
            const std::string dir = slash == std::string::npos ? "" : e.target.substr(0, slash + 1);
            const std::string prefix = dir + "." + e.target.substr(dir.size()) + ".tmp.";
            if (e.tmp.size() <= prefix.size() || e.tmp.compare(0, prefix.size(), prefix) != 0 ||
                e.tmp.find_first_not_of("0123456789.", prefix.size()) != std::string::npos)
                return std::nullopt;
        } else {
            return std::nullopt;
        }
        if (!journal_target(e.target)) return std::nullopt;
        out.push_back(std::move(e));
    }
    if (!ended) return std::nullopt;
    return out;
}

bool Tree::finish_interrupted_batch() const {
    std::optional<SafeDir> state;
    try {
        state.emplace(SafeDir::open(root_, kStateDir, false, false, display_prefix_));
    } catch (const IoError&) {
        return false;  // no .liushou/: no journal
    }
    std::string text;
    try {
        text = read_regular_file(state->path(kJournalFile), display(".liushou/journal"), 1 << 26);
    } catch (const IoError&) {
        return false;
    }
    const auto entries = parse_journal(text);
    size_t done = 0;
    std::vector<std::string> dirs;
    auto open_dir = [&](const std::string& relative) {
        const std::string dir = fs::path(relative).parent_path().string();
        if (std::find(dirs.begin(), dirs.end(), dir) == dirs.end()) dirs.push_back(dir);
        return SafeDir::open(root_, dir, false, false, display_prefix_);
    };
    if (entries) {
        // Applied: every temporary was durable before the journal was written. One not there
        // was renamed before the stop.
        for (const JournalEntry& e : *entries) {
            const SafeDir dir = open_dir(e.target);
            const std::string name = fs::path(e.target).filename().string();
            if (e.remove) {
                if (::unlinkat(dir.fd(), name.c_str(), 0) == 0) ++done;
                continue;
            }
            const std::string tmp = fs::path(e.tmp).filename().string();
            if (::renameat(dir.fd(), tmp.c_str(), dir.fd(), name.c_str()) == 0)
                ++done;
            else if (errno != ENOENT)
                throw IoError(fmt::format(
                    "{}: cannot finish the write that was stopped halfway: {} (it stays in "
                    ".liushou/journal; free the disk and run liushou again)",
                    display(e.target), errno_text()));
        }
        for (const auto& dir : dirs) {
            const SafeDir d = SafeDir::open(root_, dir, false, false, display_prefix_);
            ::fsync(d.fd());
        }
    }
    ::unlinkat(state->fd(), kJournalFile, 0);
    // Every temporary of that writer is accounted for now: no "writing" mark to follow.
    ::unlinkat(state->fd(), "writing", 0);
    ::fsync(state->fd());
    if (options_.notice) {
        if (entries)
            options_.notice(
                fmt::format("finished a write that was stopped halfway: {} file{} put in place "
                            "(.liushou/journal)",
                            done, done == 1 ? "" : "s"));
        else
            options_.notice(
                ".liushou/journal: not a whole journal of liushou's; removed, no file changed");
    }
    return true;
}

}  // namespace liushou
