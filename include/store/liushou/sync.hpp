// Sync by file (#42): the git plumbing under `liushou sync` (man liushou-sync(1)). A tree's
// branch travels as a git bundle; what arrives is merged with liushou's record-wise merge
// driver in git's object store only, and the tree's files are then changed in one journalled
// batch, so a kill leaves the tree as it was or fully synced.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "liushou/store.hpp"

namespace liushou {

/// run_program with standard input read from the file `input` ("" : /dev/null) and standard
/// output written into the existing file `output` (truncated; "" : /dev/null); standard error
/// into `errors` when given. The exit status, or -1 when the program could not be started.
int run_program_files(const std::vector<std::string>& args, std::vector<std::string>* env,
                      const std::string& input, const std::string& output, std::string* errors);

/// git_command for a merge (merge-tree, merge, pull): `driver` is the command git runs as
/// liushou's merge driver (`false` leaves a file both sides changed conflicted, for the caller
/// to settle), and no other driver a repository's config may define runs. `attributes`, when
/// given, is a gitattributes file read before the tree's own (core.attributesFile).
GitCommand merge_command(const std::vector<std::string>& git_args, const std::string& dir,
                         const std::string& driver, const std::string& attributes = "");

/// The repository a tree syncs: its branch and where liushou keeps its sync state.
struct SyncRepo {
    std::string root;     // the tree, which is the top of its work tree
    std::string git_dir;  // absolute
    std::string branch;   // refs/heads/…
    std::string head;     // the branch's commit; "" before the first
    /// Throws UsageError when `root` is not the top of a git work tree on a branch.
    static SyncRepo open(const std::string& root);
    /// GIT_DIR/liushou/sync, made 0700 (no link followed): state, pending merge, temporaries.
    std::string state_dir() const;
    /// The commits of the branch with no parent, sorted: the school's identity in git (every
    /// clone shares them; another school's tree has its own).
    std::vector<std::string> roots(const std::string& rev = "HEAD") const;
};

/// Runs git in the repository; its standard output, trimmed of the last newline. Throws
/// IoError naming `what` when git fails.
std::string git_text(const SyncRepo& repo, const std::vector<std::string>& args,
                     const std::string& what);
/// Whether git exits 0.
bool git_ok(const SyncRepo& repo, const std::vector<std::string>& args);

/// What a sync file says about itself inside its encryption: the school, the sender, the day.
struct SyncHeader {
    std::string school;              // the smallest root commit
    std::vector<std::string> roots;  // every root commit of the sender's branch
    std::string from;                // the sender's PC
    std::string date;                // YYYY-MM-DD
    std::string head;                // the sender's branch
};
std::string encode_sync_header(const SyncHeader& h);
/// Splits a payload into its header and the bundle after it; false when it is not one.
bool decode_sync_payload(const std::string& payload, SyncHeader& header, size_t& bundle_at);

/// A git bundle's own header: the commits it needs (prerequisites) and its refs.
struct BundleHead {
    std::vector<std::string> prerequisites;
    std::vector<std::pair<std::string, std::string>> refs;  // commit, ref name
};
/// false when `bytes` does not start as a v2 or v3 git bundle.
bool parse_bundle_head(const std::string& bytes, BundleHead& out);

/// One line of the sync state (GIT_DIR/liushou/sync/state): what was last sent to a place or
/// received from a PC.
struct SyncRecord {
    std::string kind;   // sent | received
    std::string where;  // the folder written to, or the PC received from
    std::string file;
    std::string date;
    std::string head;
    std::vector<std::string> basis;  // sent: the commits the bundle left out (its prerequisites)
};
std::vector<SyncRecord> read_sync_state(const SyncRepo& repo);
/// Replaces the record of the same kind and place, atomically.
void write_sync_record(const SyncRepo& repo, const SyncRecord& record);

/// A file both sides of a sync changed, as the merge settled it: the merged text, or the text
/// with its conflicts marked and why it did not merge.
struct SettledFile {
    std::string path, text;
    std::vector<std::string> reasons;  // empty: merged
};
/// The branch merged with `theirs`, in git's object store only (the tree's files are not
/// touched): `tree` holds what git merged and every settled file's text.
struct SyncMerge {
    std::string tree;
    std::vector<SettledFile> files;  // those both sides changed
    bool settled() const;            // no file left with reasons
};
/// git merge-tree of the branch and `theirs`: git merges what one side changed; every file
/// both changed is merged here, a record record by record (as the merge driver does for git
/// pull), anything else by git's line merge. `bases`: the merge bases of HEAD and `theirs`
/// (git merge-base --all), as the caller found them.
SyncMerge merge_for_sync(const SyncRepo& repo, const std::string& theirs,
                         const std::vector<std::string>& bases);

/// Writes a scratch file of sync's own (mode 0600, no fsync): it only feeds the next step of
/// this command (age, git, the merge) and is removed after it, so a kill loses nothing durable.
void scratch_write(const std::string& path, const std::string& text);

/// The merge bases of HEAD and `theirs` (git merge-base --all): one walk of the history tells
/// whether `theirs` is already in (it is the one base), a fast-forward (HEAD is) or a merge.
std::vector<std::string> merge_bases(const SyncRepo& repo, const std::string& theirs);

/// Changes the tree's files from the branch's commit `from` to `to` and then moves the
/// branch, all under the writer lock `session` holds: records in one journalled batch (all
/// or nothing, finished by the next liushou command after a kill), other files one by one,
/// then the branch and the index. A marker (GIT_DIR/liushou/sync/applying) says what is being
/// done until the branch has moved; finish_sync_apply completes or drops it.
void apply_sync(const SyncRepo& repo, Tree& tree, WriteSession& session, const std::string& from,
                const std::string& to);
/// What a sync from the branch's commit `from` to `to` changes in the tree's files, read from
/// git once: every record file (children/, activities/, liushou.yaml, staff.yaml) as `to`
/// holds it, for check to see before anything is written (TreeOptions::overlay) and for
/// apply_sync to write; the other files by name.
struct SyncChange {
    std::string from, to;
    /// By path; exists false: removed. Shared with the tree check reads (TreeOptions::overlay).
    std::shared_ptr<const std::map<std::string, OverlayFile>> records;
    std::vector<std::pair<std::string, bool>> others;  // path, removed
};
SyncChange sync_change(const SyncRepo& repo, const std::string& from, const std::string& to);
/// apply_sync of a change already read (the texts check saw are the ones written).
void apply_sync(const SyncRepo& repo, Tree& tree, WriteSession& session, const SyncChange& change);
/// Under the lock, before anything else: a sync killed while applying is finished when its
/// files are in place, else forgotten (the tree is as before). Returns what was done ("" for
/// nothing).
std::string finish_sync_apply(SyncRepo& repo, Tree& tree, WriteSession& session);

}  // namespace liushou
