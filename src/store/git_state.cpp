// Where a tree's data stands in git, for a report's header: the commit, and whether the files
// differ from it. `git status` over 10,000 files costs 35-55 ms of CPU (git loads the index and
// lstat's every file) and two processes besides, on every read of a tree in git: a third of a
// warm summary. So the answer is kept in .liushou/cache/git.bin with a digest of what it
// depends on, and served while that digest holds, as the record cache serves a record while
// its file's key holds.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <boost/filesystem.hpp>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "cache.hpp"
#include "cache_io.hpp"
#include "files.hpp"
#include "git_objects.hpp"
#include "liushou/error.hpp"
#include "liushou/store.hpp"
#include "liushou/text.hpp"
#include "tree_internal.hpp"

extern char** environ;

namespace liushou {

namespace fs = boost::filesystem;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    size_t at = 0;
    while (at < text.size()) {
        size_t end = text.find('\n', at);
        if (end == std::string::npos) end = text.size();
        out.push_back(text.substr(at, end - at));
        at = end + 1;
    }
    return out;
}

/// Whether `git status` finds the tree's records changed; false when git cannot say. With
/// `head`, the commit git compared with: HEAD may move between two processes (`git reset
/// --soft` in another window), and an answer about another commit must not be kept.
bool ask_status(const std::string& root, bool& dirty, std::string* head = nullptr) {
    std::string changes;
    read_stats().git_status++;
    // Only the tree's records: a county repository may hold other things, and a cron job's
    // reports/summary.md inside the repository is no change to the figures.
    std::vector<std::string> args = {"status", "--porcelain", "--untracked-files=all"};
    if (head)
        args = {"status", "--porcelain=v2", "--branch", "--no-ahead-behind",
                "--untracked-files=all"};
    for (const char* path : {"--", "liushou.yaml", "staff.yaml", "children", "activities"})
        args.push_back(path);
    if (run_git(args, root, &changes) != 0) return false;
    dirty = false;
    for (const std::string& line : lines_of(changes)) {
        if (!head || line.rfind("# ", 0) != 0)
            dirty = dirty || !line.empty();
        else if (line.rfind("# branch.oid ", 0) == 0)
            *head = line.substr(13);
    }
    return true;
}

/// Variables that move git to another repository, index or configuration than the files
/// found from the tree say (a hook's GIT_DIR and GIT_INDEX_FILE): with one set git is asked
/// every time. Every other GIT_ variable goes into the digest.
bool moves_git(std::string_view name) {
    static const std::array<std::string_view, 12> kMoving = {
        "GIT_DIR",         "GIT_WORK_TREE",        "GIT_INDEX_FILE",
        "GIT_COMMON_DIR",  "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GIT_CONFIG",      "GIT_CONFIG_COUNT",     "GIT_CONFIG_PARAMETERS",
        "GIT_ATTR_SOURCE", "GIT_REPLACE_REF_BASE", "GIT_GRAFT_FILE"};
    for (std::string_view m : kMoving)
        if (name == m) return true;
    return false;
}

/// A config or ref file git reads: "" when there is none; nullopt when it cannot be read
/// whole (not a regular file, more than `limit` bytes), and git must be asked.
std::optional<std::string> settings_file(const std::string& path, uint64_t limit) {
    try {
        return read_regular_file(path, path, limit);
    } catch (const DataError&) {
        return std::nullopt;
    } catch (const IoError&) {
        return std::string();  // none (or unreadable: git cannot read it either)
    }
}

/// A digest of files' keys, in any order: each file's path and key hashed alone, the hashes
/// summed. Whether every key was settled (cache.hpp) when the walk began decides whether the
/// answer may be kept: a file changed in the same tick as its key was taken may change again
/// unseen.
class Digest {
  public:
    explicit Digest(int64_t read_ns) : read_ns_(read_ns) {}

    void text(std::string_view what, std::string_view value) {
        add(fnv1a(value, fnv1a("\n", fnv1a(what))));
    }
    /// `path` as stat (`follow`) or lstat finds it; an absent file counts as absent.
    void file(const std::string& path, bool follow) {
        struct stat st {};
        if ((follow ? ::stat(path.c_str(), &st) : ::lstat(path.c_str(), &st)) == 0)
            key(path, st);
        else
            text(path, "\1absent");
    }
    /// `name` in the open folder `dir`, shown as `path`; or, `descend`ing, what is in it to
    /// its last file (as `git status -uall` lists every untracked file in a folder).
    void entry(int dir, const char* name, const std::string& path, bool descend, int depth = 0) {
        struct stat st {};
        if (::fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
            if (errno == ENOENT)
                text(path, "\1absent");
            else
                whole_ = false;
            return;
        }
        if (depth > 0 || !descend) key(path, st);
        if (descend && S_ISDIR(st.st_mode)) walk(dir, name, path + "/", depth + 1);
    }
    uint64_t value() const { return whole_ ? sum_ ^ count_ : 0; }
    bool settled() const { return settled_; }
    /// When every key that is not settled now will be (0: all are).
    int64_t settles_at() const { return settles_at_; }

  private:
    static uint64_t mix(uint64_t x) {  // splitmix64's finaliser: a sum of FNV hashes is weak
        x ^= x >> 30;
        x *= 0xbf58476d1ce4e5b9ULL;
        x ^= x >> 27;
        x *= 0x94d049bb133111ebULL;
        return x ^ (x >> 31);
    }
    void add(uint64_t h) {
        sum_ += mix(h);
        ++count_;
    }
    void key(const std::string& path, const struct stat& st) {
        const FileKey k = key_of(st);
        uint64_t h = fnv1a(path);
        for (uint64_t v : {k.size, static_cast<uint64_t>(k.mtime_ns), k.inode,
                           static_cast<uint64_t>(k.ctime_ns), static_cast<uint64_t>(st.st_mode)})
            h = fnv1a(std::string_view(reinterpret_cast<const char*>(&v), sizeof v), h);
        add(h);
        if (!liushou::settled(k, read_ns_)) {
            settled_ = false;
            settles_at_ = std::max(settles_at_, liushou::settles_at(k));
        }
    }
    void walk(int parent, const char* name, const std::string& prefix, int depth) {
        // Deeper than a tree's folders go, or larger than a county's: git is asked instead.
        if (depth > 16 || count_ > (1u << 22)) {
            whole_ = false;
            return;
        }
        const int fd = ::openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        DIR* d = fd < 0 ? nullptr : ::fdopendir(fd);
        if (!d) {
            if (fd >= 0) ::close(fd);
            whole_ = false;
            return;
        }
        errno = 0;
        while (const dirent* e = ::readdir(d)) {
            const std::string_view n = e->d_name;
            if (n == "." || n == "..") continue;
            entry(::dirfd(d), e->d_name, prefix + e->d_name, true, depth);
            errno = 0;
        }
        if (errno != 0) whole_ = false;  // a listing cut short is no listing
        ::closedir(d);
    }

    int64_t read_ns_, settles_at_ = 0;
    uint64_t sum_ = 0, count_ = 0;
    bool settled_ = true, whole_ = true;
};

/// Whether git's settings in `text` (a config file) name files this digest cannot follow:
/// an ignore or attributes file of the user's choosing, an included config file.
bool names_other_files(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* key : {"excludesfile", "attributesfile", "[include"})
        if (text.find(key) != std::string::npos) return true;
    return false;
}

/// Adds what besides the tree's own files git's answer depends on: the index, the ignore and
/// attribute files git reads (the tree's folders and those above it in the repository, the
/// repository's, the user's and the system's), the config files, and the environment. False
/// when git's answer depends on more than files this can follow (a config naming an ignore
/// file elsewhere, or including another; replaced or grafted commits): then git is asked
/// every time.
bool digest_settings(Digest& d, const std::string& root, const std::string& git_dir,
                     const std::string& common_dir, const std::string& top) {
    d.file(git_dir + "/index", false);
    std::vector<std::string> configs;
    std::vector<std::string> dirs = {git_dir};
    if (common_dir != git_dir) dirs.push_back(common_dir);  // a linked worktree's
    for (const std::string& dir : dirs) {
        for (const char* name : {"/info/exclude", "/info/attributes"}) d.file(dir + name, true);
        configs.push_back(dir + "/config");
        configs.push_back(dir + "/config.worktree");
    }
    struct stat st {};
    if (::lstat((common_dir + "/info/grafts").c_str(), &st) == 0) return false;
    // A replace ref (`git replace`) changes what a commit holds without changing its id.
    if (DIR* replaced = ::opendir((common_dir + "/refs/replace").c_str())) {
        int names = 0;
        while (::readdir(replaced)) ++names;
        ::closedir(replaced);
        if (names > 2) return false;
    }
    const auto packed = settings_file(common_dir + "/packed-refs", 4u << 20);
    if (!packed || packed->find(" refs/replace/") != std::string::npos) return false;
    boost::system::error_code ec;
    for (fs::path at = fs::canonical(root, ec); !ec && !at.empty(); at = at.parent_path()) {
        d.file((at / ".gitignore").string(), false);
        d.file((at / ".gitattributes").string(), false);
        if (at.string() == top || at == at.root_path()) break;
    }
    const char* home = std::getenv("HOME");
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    const std::string config = xdg && *xdg ? xdg : std::string(home ? home : "") + "/.config";
    for (const std::string& f :
         {config + "/git/ignore", config + "/git/attributes", std::string("/etc/gitattributes")})
        d.file(f, true);
    configs.push_back(config + "/git/config");
    configs.push_back(std::string(home ? home : "") + "/.gitconfig");
    configs.push_back("/etc/gitconfig");
    for (char** e = environ; e && *e; ++e) {
        const std::string_view entry = *e;
        if (entry.rfind("GIT_", 0) != 0) continue;
        d.text("env", entry);
        const std::string_view name = entry.substr(0, entry.find('='));
        if (name == "GIT_CONFIG_GLOBAL" || name == "GIT_CONFIG_SYSTEM") {
            // As git reads it: relative to the tree, where git runs.
            const fs::path f(std::string(entry.substr(name.size() + 1)));
            configs.push_back((f.is_absolute() ? f : fs::path(root) / f).string());
        }
    }
    for (const std::string& f : configs) {
        d.file(f, true);
        const auto text = settings_file(f, 1u << 20);
        if (!text || names_other_files(*text)) return false;
    }
    return true;
}

// The cache file: its magic, the digests, then the answer.
constexpr char kMagic[8] = {'L', 'S', 'H', 'G', 'I', 'T', '0', '3'};

/// git's answer as kept: `outer` digests the commit, the settings and the keys of the tree's
/// top-level files and folders; `inner` every file and folder below children/ and
/// activities/ (0: not taken; such an answer is never served). `walk_after`: a walk found a
/// file not yet settled (one dated ahead, by a PC whose clock runs fast), so none is taken
/// again before it will be: git is asked meanwhile, as without this cache.
struct Kept {
    uint64_t outer = 0, inner = 0;
    int64_t walk_after = 0;
    std::string commit;
    bool dirty = false;
};

std::optional<Kept> read_kept(const std::string& path) {
    // Only a regular file, never a link or FIFO a copied tree brought (map_cache_file).
    size_t size = 0;
    const auto map = cache_io::map_cache_file(path, size);
    if (!map) return std::nullopt;
    const auto body = cache_io::checked_delta(std::string_view(map.get(), size));
    if (!body || body->substr(0, sizeof kMagic) != std::string_view(kMagic, sizeof kMagic))
        return std::nullopt;
    cache_io::In in(body->substr(sizeof kMagic));
    Kept kept;
    kept.outer = in.u64();
    kept.inner = in.u64();
    kept.walk_after = in.i64();
    kept.commit = in.str();
    const int32_t dirty = in.i32();
    if (!in.ok() || !in.at_end() || dirty < 0 || dirty > 1) return std::nullopt;
    kept.dirty = dirty == 1;
    return kept;
}

void keep(const std::string& path, const Kept& kept) {
    std::string bytes(kMagic, sizeof kMagic);
    cache_io::Out o(bytes);
    o.u64(kept.outer);
    o.u64(kept.inner);
    o.i64(kept.walk_after);
    o.str(kept.commit);
    o.i32(kept.dirty ? 1 : 0);
    cache_io::write_delta_file(path, bytes);  // no flush: a lost answer is asked again
}

}  // namespace

GitState git_state(const std::string& root) {
    GitState state;
    std::string head;
    if (run_git({"rev-parse", "--short=12", "HEAD"}, root, &head) != 0) return state;
    state.commit = without_final_newlines(std::move(head));
    ask_status(root, state.dirty);
    return state;
}

namespace tree_detail {

GitState cached_git_state(const std::string& root, const std::string& display) {
    for (char** e = environ; e && *e; ++e)
        if (moves_git(std::string_view(*e).substr(0, std::string_view(*e).find('='))))
            return git_state(root);
    const auto folder = cache_dir(root, display, false);
    if (!folder) return git_state(root);
    std::string out;
    // One process for the commit and where git keeps what status reads. It fails where the
    // plain question may still be answered (a HEAD not yet born, a folder inside .git).
    if (run_git({"rev-parse", "--absolute-git-dir", "--git-common-dir", "--show-toplevel", "HEAD",
                 "--short=12", "HEAD"},
                root, &out) != 0)
        return git_state(root);
    const std::vector<std::string> lines = lines_of(out);
    if (lines.size() != 5 || lines[0].empty() || lines[2].empty() || lines[3].empty() ||
        lines[4].empty())
        return git_state(root);
    GitState state;
    state.commit = lines[4];
    const std::string& git_dir = lines[0];
    const std::string& head = lines[3];
    // Canonical, so that the digest is the same however the tree was named (--root, a cwd).
    boost::system::error_code ec;
    fs::path common = fs::absolute(lines[1], fs::absolute(root, ec));
    if (fs::path canonical = fs::canonical(common, ec); !ec) common = canonical;
    const std::string common_dir = common.string();

    // Every key is taken before git is asked: a file changed after its key was taken shows a
    // new key next time, whatever git saw. The walk below the folders (10,000 lstat's, as
    // dear as a tenth of the summary) is taken only when all else is as it was: after a
    // commit or a `git add` git is asked anyway, and the next read takes it.
    const int64_t started = clock_ns();
    Digest outer(started);
    outer.text("cache", "git.bin 3");
    outer.text("commit", head);
    outer.text("repository", git_dir + "\n" + common_dir + "\n" + lines[2]);
    if (!digest_settings(outer, root, git_dir, common_dir, lines[2])) return git_state(root);
    const int dir = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0) return git_state(root);
    for (const char* name : {kSchoolFile, kStaffFile, kChildrenDir, kActivitiesDir})
        outer.entry(dir, name, name, false);
    Kept now{outer.value(), 0, 0, head, false};
    const std::string path = folder->path("git.bin");
    const auto kept = read_kept(path);
    const bool same = now.outer != 0 && kept && kept->outer == now.outer && kept->commit == head;
    if (same && (kept->inner != 0 || started >= kept->walk_after)) {
        Digest inner(started);
        for (const char* name : {kChildrenDir, kActivitiesDir}) inner.entry(dir, name, name, true);
        now.inner = inner.value();
        if (now.inner != 0 && kept->inner == now.inner) {
            ::close(dir);
            state.dirty = kept->dirty;
            return state;
        }
        if (!inner.settled()) now.inner = 0, now.walk_after = inner.settles_at();
    } else if (same) {
        now.walk_after = kept->walk_after;  // still waiting for a file to settle
    }
    ::close(dir);
    std::string compared;
    if (!ask_status(root, state.dirty, &compared)) return state;
    now.dirty = state.dirty;
    // Kept only when git compared with the commit the digest names and the outer keys were
    // settled; the walk's too, or the answer is kept unservable until walk_after.
    if (now.outer != 0 && outer.settled() && compared == head) keep(path, now);
    return state;
}

}  // namespace tree_detail

}  // namespace liushou
