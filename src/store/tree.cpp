// The records tree: finding it, listing and loading its files, and the settings files.
// Where the files are read from (the folder, or a commit) is tree_source.cpp; the per-child
// caches are in tree_cache.cpp, reading every child of a commit at once in tree_commit.cpp,
// trust in trust.cpp, writing in write_session.cpp, the lock and batch journal in journal.cpp.
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
#include "tree_source.hpp"

namespace liushou {

namespace fs = boost::filesystem;
using namespace tree_detail;

namespace tree_detail {

fs::path writing_marker(const std::string& root) {
    return fs::path(root) / kStateDir / "writing";
}

/// children/<id>.yaml, for an id already known to be valid.
std::string child_file(const std::string& id) {
    return std::string(kChildrenDir) + "/" + id + ".yaml";
}

/// children/<name>, for any name found in the directory.
std::string child_file_name(const std::string& name) {
    return std::string(kChildrenDir) + "/" + name;
}

}  // namespace tree_detail

// ---- Tree ------------------------------------------------------------------------------

Tree::Tree(const std::string& root, TreeOptions options)
    : root_(root), options_(std::move(options)), source_(disk_source(root)) {
    if (options_.overlay) source_ = overlay_source(source_, options_.overlay);
    // Paths are shown relative to the cwd when the tree is below it, as git does.
    boost::system::error_code ec;
    const fs::path cwd = fs::current_path(ec);
    const fs::path abs = fs::weakly_canonical(fs::absolute(root), ec);
    fs::path rel = abs.lexically_relative(cwd);
    if (ec || rel.empty()) rel = root;
    display_prefix_ = rel == "." ? "" : rel.string() + "/";
}

Tree Tree::open(const TreeOptions& options) {
    if (!options.rev.empty()) return open_commit(options);
    std::string root = options.root;
    if (!root.empty()) {
        if (!fs::exists(fs::path(root) / kSchoolFile)) {
            if (!options.root_from.empty())
                throw UsageError(fmt::format(N_("{}={}: not a liushou tree (no {})"),
                                             options.root_from, root, kSchoolFile));
            throw UsageError(fmt::format(
                "{}: " N_("not a liushou tree (no {}); create one with: liushou init {}"), root,
                kSchoolFile, root));
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
                N_("not inside a liushou tree (no liushou.yaml here or above); use --root DIR, "
                   "set LIUSHOU_ROOT, or create one with: liushou init DIR --school NAME"));
    }
    refuse_foreign_tree(root, root == "." ? std::string(".") : root);
    Tree tree(root, options);
    refuse_linked_directories(tree);
    // A batch stopped halfway is finished (or undone) before anything is read.
    struct stat st {};
    if (::lstat((fs::path(root) / kStateDir / kJournalFile).c_str(), &st) == 0) {
        UniqueFd lock;
        try {
            lock = tree.acquire_lock();
        } catch (const IoError& e) {
            throw IoError(fmt::format("{}: " N_("a write was stopped halfway and must be finished "
                                                "by a liushou that may write the tree: {}"),
                                      tree.display(".liushou/journal"), e.what()));
        }
        tree.finish_interrupted_batch();
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
    std::vector<std::string> ids = listed_child_ids();
    std::sort(ids.begin(), ids.end(), natural_less);
    return ids;
}

std::vector<std::string> Tree::listed_child_ids() const {
    std::vector<std::string> ids;
    std::vector<TreeSource::Entry> entries;
    try {
        entries = source_->list(kChildrenDir);
    } catch (const IoError& e) {
        throw IoError(display_prefix_ + e.what());  // the folder as the user sees it
    }
    for (auto& e : entries) {
        constexpr std::string_view yaml = ".yaml";
        const std::string_view name(e.name);
        if (!e.file || name.size() <= yaml.size() || name.substr(name.size() - yaml.size()) != yaml)
            continue;
        std::string id(name.substr(0, name.size() - yaml.size()));
        if (valid_child_id(id)) ids.push_back(std::move(id));
    }
    return ids;
}

std::vector<std::string> Tree::stray_child_files() const {
    std::vector<std::string> stray;
    std::vector<TreeSource::Entry> entries;
    try {
        entries = source_->list(kChildrenDir);
    } catch (const IoError&) {
        return stray;  // child_ids says why
    }
    for (const auto& e : entries) {
        if (e.name.front() == '.') continue;  // editors' and our own temporary files
        const fs::path p(e.name);
        if (!e.file || p.extension() != ".yaml" || !valid_child_id(p.stem().string()))
            stray.push_back(child_file_name(e.name));
    }
    std::sort(stray.begin(), stray.end());
    return stray;
}

bool Tree::child_exists(const std::string& id) const {
    return valid_child_id(id) && source_->has_file(child_file(id));
}

template <class T, class F>
Loaded<T> Tree::load(const std::string& relative, F decode) const {
    Loaded<T> out;
    out.relative = relative;
    out.path = display(relative);
    TreeSource::File file = source_->read(relative, out.path);
    out.exists = file.exists;
    if (!file.refused.empty()) {
        out.problems.push_back(Problem{"", std::move(file.refused), Severity::error, 1, 1});
        return out;
    }
    if (!file.exists) return out;
    static_cast<Decoded<T>&>(out) = decode(file.text);
    out.comment_line = first_comment_line(file.text);
    return out;
}

Loaded<Child> Tree::load_child(const std::string& id, bool positions) const {
    Loaded<Child> file = load<Child>(child_relative(id), [positions](std::string_view text) {
        ++read_stats().parsed;
        Decoded<Child> decoded = decode_child(text, positions);
        if (!positions && !decoded.problems.empty()) decoded = decode_child(text, true);
        return decoded;
    });
    file.id = id;
    return file;
}

GitState Tree::git_state() const {
    if (commit_ || options_.overlay || !options_.use_cache) return source_->git_state();
    return cached_git_state(root_, display_prefix_);
}

std::string Tree::commit_date() const {
    return source_->commit_date();
}

std::vector<std::string> Tree::activity_ids() const {
    std::vector<std::string> ids;
    std::vector<TreeSource::Entry> entries;
    try {
        entries = source_->list(kActivitiesDir);
    } catch (const IoError&) {
        return ids;  // an activities/ that cannot be listed holds none, as before
    }
    for (const auto& e : entries) {
        const fs::path p(e.name);
        if (p.extension() == ".yaml" && valid_child_id(p.stem().string()))
            ids.push_back(p.stem().string());
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

Loaded<StaffList> Tree::load_staff(bool positions) const {
    // The list kept in staff.bin (cache.hpp) serves the callers that want no positions (every
    // write), for the file on disk only, and only a list that read without a problem.
    const bool cacheable = !positions && !commit_ && options_.use_cache && !options_.overlay;
    const int64_t started = clock_ns();  // before the file is stat'ed
    FileKey key;
    struct stat st {};
    const bool keyed = cacheable && ::lstat((fs::path(root_) / kStaffFile).c_str(), &st) == 0 &&
                       S_ISREG(st.st_mode);
    if (keyed) key = key_of(st);
    std::optional<StaffList> kept;
    try {
        if (const auto folder = keyed ? tree_detail::cache_dir(root_, display_prefix_, false)
                                      : std::optional<SafeDir>())
            kept = read_staff_cache(folder->path("staff.bin"), key);
    } catch (const Error&) {
        // A cache folder refused (a link, another owner's): staff.yaml itself is read.
    }
    if (kept) {
        ++read_stats().staff_cached;
        Loaded<StaffList> out;
        out.relative = kStaffFile;
        out.path = display(kStaffFile);
        out.exists = out.parsed = true;
        out.record = std::move(*kept);
        return out;
    }
    auto staff = load<StaffList>(
        kStaffFile, [positions](std::string_view text) { return decode_staff(text, positions); });
    if (!staff.exists) staff.parsed = true;  // no staff.yaml yet: an empty list
    if (keyed && staff.exists && staff.parsed && staff.problems.empty()) {
        try {
            if (const auto folder = tree_detail::cache_dir(root_, display_prefix_, true))
                write_staff_cache(folder->path("staff.bin"), key, started, staff.record);
        } catch (const Error&) {
            // Only an optimisation: a read-only tree reads staff.yaml every time.
        }
    }
    return staff;
}

Loaded<School> Tree::load_school() const {
    // Every command reads liushou.yaml twice: once for the language of its messages, then for
    // itself. The same bytes decode the same, so the second time costs the read alone.
    return load<School>(kSchoolFile, [](std::string_view text) {
        static std::mutex lock;  // a county's schools are read by several threads
        static std::string seen_text;
        static std::optional<Decoded<School>> seen;
        {
            const std::lock_guard<std::mutex> hold(lock);
            if (seen && text == seen_text) return *seen;
        }
        Decoded<School> decoded = decode_school(text);
        const std::lock_guard<std::mutex> hold(lock);
        seen.reset();  // never a text beside another's decode, even if a copy fails
        seen_text.assign(text);
        seen = decoded;
        return decoded;
    });
}

}  // namespace liushou
