// What the files of the records tree (tree.cpp, trust.cpp, tree_cache.cpp, tree_commit.cpp,
// write_session.cpp, journal.cpp) share and nothing outside the store needs: the tree's file
// names and the few helpers every part uses. Internal to src/store.
#pragma once

#include <sys/stat.h>

#include <memory>
#include <optional>
#include <string>

#include "files.hpp"
#include "git_objects.hpp"
#include "liushou/parallel.hpp"
#include "liushou/store.hpp"

namespace boost::filesystem {
class path;
}

namespace liushou::tree_detail {

constexpr const char* kSchoolFile = "liushou.yaml";
constexpr const char* kStaffFile = "staff.yaml";
constexpr const char* kChildrenDir = "children";
constexpr const char* kStateDir = ".liushou";
constexpr const char* kActivitiesDir = "activities";

/// .liushou/journal: the renames and removals of a batch whose temporaries are all durable.
/// Written (atomically) before the first rename and removed after the last, it makes a batch
/// all or nothing: a command that finds it finishes the batch (finish_interrupted_batch).
constexpr const char* kJournalFile = "journal";
constexpr const char* kJournalMagic = "liushou batch journal 1";

/// Present while a writer may have temporary files in children/: made before its first one,
/// removed when its session ends. Found by the next writer (under the lock, so its maker is
/// gone), it means that writer was killed, and only then is children/ searched for what it
/// left: a single write must not list 50,000 files. Lost with .liushou/ (or a power cut),
/// it only leaves stray temporaries, which readers ignore.
boost::filesystem::path writing_marker(const std::string& root);

/// children/<id>.yaml, for an id already known to be valid.
std::string child_file(const std::string& id);

/// children/<name>, for any name found in the directory.
std::string child_file_name(const std::string& name);

/// Why a file of a commit is refused unread, or "" when it may be read. A link is never
/// followed: in a commit it could name anything on the machine that reads it.
std::string screen_commit_entry(const GitEntry& e);

/// Why a record file is refused unread, or "" when it may be read.
std::string screen_record_file(const std::string& root, const std::string& full,
                               const struct stat& st);

// ---- trust.cpp: whose tree may be opened, and how reads keep out of a batch's way ---------

/// children/, activities/ and .liushou/ must be directories of the tree itself.
void refuse_linked_directories(const Tree& tree);

/// Whether this process's user (or, under sudo, the user who ran sudo) is `uid`.
bool own_uid(uid_t uid);

/// Refuses a tree owned by another user unless git's safe.directory trusts it.
void refuse_foreign_tree(const boost::filesystem::path& root, const std::string& shown);

/// A shared flock on children/, held while a Tree of it is open in this process.
std::shared_ptr<const UniqueFd> shared_read_lock(const std::string& root);

// ---- tree_cache.cpp ------------------------------------------------------------------------

/// .liushou/cache, opened beneath the root with no link followed (SafeDir): a copied tree's
/// `.liushou/cache -> /elsewhere` is refused, never written through. nullopt when it is not
/// there and `create` is false. Both folders are the owner's alone: the cache holds every
/// phone number of the tree.
std::optional<SafeDir> cache_dir(const std::string& root, const std::string& display, bool create);

// ---- git_state.cpp -------------------------------------------------------------------------

/// git_state() of the tree at `root`, served from .liushou/cache/git.bin while nothing git's
/// answer depends on has changed (the commit, the index, every file under the tree's records,
/// the ignore files, the configuration); asked of git, and kept, otherwise.
GitState cached_git_state(const std::string& root, const std::string& display);

}  // namespace liushou::tree_detail
