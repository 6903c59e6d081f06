// liushou key and liushou sync (#42): records travel between PCs with no server as one file
// on a USB stick, a git bundle of the tree's branch encrypted with age to every PC the school
// recorded (liushou.yaml: sync.recipients, public keys only). See man liushou-sync(1), whose
// threat model these files keep: nothing of the records leaves the PC unencrypted (unless
// --plain), a file that was changed or cut short is refused whole, and a sync killed at any
// point leaves the tree as it was or fully synced.
//
// What the three files share: key.cpp (this PC's key, the recipients in liushou.yaml),
// sync.cpp (sending, status, the state kept in GIT_DIR/liushou/sync) and sync_from.cpp
// (receiving: decrypt, verify, merge, --continue, --abort).
#pragma once

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <optional>
#include <string>
#include <vector>

#include "cli.hpp"
#include "liushou/store.hpp"
#include "liushou/sync.hpp"

namespace liushou::sync_detail {

struct Recipient {
    std::string name, key;
};

/// Where this PC's age identity is: $LIUSHOU_KEY, else ~/.config/liushou/key.txt.
std::string key_path();
/// The public key (age1…) of the identity in `path`, or "" when there is none.
std::string public_key(const std::string& path);
/// The recipients liushou.yaml names, in file order; a malformed one is named in `problems`.
std::vector<Recipient> recipients_of(const School& school, std::vector<std::string>* problems);

struct SyncOptions {
    std::string to, from;
    std::string clone;  // --from FILE --clone DIR: a new tree for a new PC
    bool full = false, plain = false, status = false, resume = false, abort = false;
};

/// A file in the sync state folder (or, for --clone, the new tree's work folder), removed when
/// it goes out of scope: the decrypted payload and the bundle are plain records, kept only
/// while needed, mode 0600 in a folder only the user can enter.
struct Scratch {
    std::string path;
    Scratch(const std::string& dir, const std::string& name) : path(dir + "/" + name) {
        ::unlink(path.c_str());
        const int fd =
            ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (fd < 0) throw IoError(fmt::format("{}: cannot write", path));
        ::close(fd);
    }
    ~Scratch() { ::unlink(path.c_str()); }
    /// Replaces the file's content, with no fsync (scratch_write): two fsyncs (file and
    /// folder) of the 12 MB payload and bundle cost a journaled disk about a second a sync.
    void write(const std::string& content) const { scratch_write(path, content); }
};

// The merge waiting for --continue or --abort: GIT_DIR/liushou/sync/pending, and the files to
// edit in GIT_DIR/liushou/sync/conflicts/.
struct Pending {
    std::string old_head, incoming, tree, from, file;
    std::vector<std::string> paths;
};

/// This executable, to run check and the merge driver as the same program.
std::string self_executable();
std::string short_id(const std::string& oid);
/// Commits the records written since the last commit, so what is sent is the tree as it stands.
void commit_written(const SyncRepo& repo, Context& ctx);
/// Who the commit is by when git knows no name (a PC nobody set git up on).
void identity_env(const SyncRepo& repo, std::vector<std::string>& env);
std::string pending_path(const SyncRepo& repo);
std::string conflicts_dir(const SyncRepo& repo);
std::optional<Pending> read_pending(const SyncRepo& repo);
void write_pending(const SyncRepo& repo, const Pending& p);
void drop_pending(const SyncRepo& repo);
/// check, run on commit `rev` as this executable: its error lines (with the file named first).
std::vector<std::string> check_errors(const SyncRepo& repo, const std::string& rev);
/// check of the tree as `change` leaves it, in this process: the records on disk (which are
/// the branch's: the caller committed what was written) with the change's texts in place of
/// theirs. The same error lines as check_errors on `change.to`, without reading every record
/// again from git nor parsing the texts twice.
std::vector<std::string> check_change(const SyncRepo& repo, const SyncChange& change,
                                      const Context& ctx);
SyncRepo open_repo(const Tree& tree);
/// Runs age with an argument vector (never a shell), its input and output files given.
int run_age(const std::vector<std::string>& args, const std::string& input,
            const std::string& output, std::string& errors);

int run_sync_from(const SyncOptions& o, Context& ctx);
int run_sync_clone(const SyncOptions& o, Context& ctx);
int run_sync_continue(Context& ctx);
int run_sync_abort(Context& ctx);

}  // namespace liushou::sync_detail
