// A tree as a git commit holds it, read from git's objects without a checkout: one `git
// ls-tree` lists it, `git cat-file --batch` gives the contents. A bare repository works as
// well as a clone, so a county reports from the repositories schools push to.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace liushou {

/// The most files read from one commit's tree (below the liushou tree's directory, every
/// kind counted): a county's tree of 50,000 children and its activities fits; a small
/// repository whose tree names one blob 100,000 times does not, and is refused before any
/// file is read.
constexpr size_t kMaxGitTreeEntries = 65536;
/// The most bytes of `git ls-tree` output taken for one tree: 256 a file (a line is about
/// 80 bytes for children/<id>.yaml), so that a listing is refused while it is read.
constexpr size_t kMaxGitListingBytes = kMaxGitTreeEntries * 256;
/// The most bytes of records (files of at most kMaxRecordBytes, the only ones liushou reads)
/// in one commit's tree: 50,000 children of ten years' talks are about 150 MB.
constexpr uint64_t kMaxGitTreeBytes = uint64_t{256} << 20;

/// One file of the commit's tree, below the liushou tree's own directory.
struct GitEntry {
    std::string mode;  // 100644, 100755, 120000 (a symbolic link), 160000 (a submodule)
    std::string blob;  // the object id: a perfect cache key
    uint64_t size = 0;
    bool symlink() const { return mode == "120000"; }
    bool file() const { return mode == "100644" || mode == "100755"; }
};

/// The objects `oids` of the repository at or above `dir`, in order, by one `git cat-file
/// --batch` (a process per object cost more than the work done with them at a school of
/// thousands of files); a missing object is nullopt. Throws IoError when git fails.
std::vector<std::optional<std::string>> read_git_objects(const std::string& dir,
                                                         const std::vector<std::string>& oids);
/// Git's output of one value (a branch, an id) without its final newline.
std::string without_final_newlines(std::string s);

class GitCommit {
  public:
    /// The commit `rev` names in the repository at or above `dir` (a work tree or a bare
    /// repository), with the files under `dir`'s place in it. Throws IoError when `dir` is
    /// not in a repository or `rev` names no commit.
    /// With `use_cache`, what the commit holds (its listing, its date, liushou.yaml and
    /// staff.yaml) is kept by commit id in the repository's liushou/ directory, so that a
    /// second run asks git only which commit `rev` names.
    static std::shared_ptr<const GitCommit> open(const std::string& dir, const std::string& rev,
                                                 bool use_cache = true);

    const std::string& rev() const { return rev_; }
    const std::string& commit() const { return commit_; }
    /// As `git rev-parse --short=12` says it, which is what a checkout's report header shows.
    const std::string& short_commit() const { return short_; }
    /// The committer date, YYYY-MM-DD.
    const std::string& date() const { return date_; }
    /// Where git keeps the repository's data: the record cache of a commit goes there.
    const std::string& git_dir() const { return git_dir_; }
    /// The tree's place in the repository ("" at its top, else "dir/").
    const std::string& prefix() const { return prefix_; }

    /// The entry at `relative` (children/2025-001.yaml), or null.
    const GitEntry* find(const std::string& relative) const;
    /// The names directly inside the directory `relative` (children), sorted.
    std::vector<std::string> names_in(const std::string& relative) const;
    /// The contents of `blobs`, in order; throws IoError when git fails.
    std::vector<std::string> read(const std::vector<std::string>& blobs) const;

  private:
    /// The commit opened last, as a GitCommit for `asked`'s directory and revision, when it
    /// is the same commit at the same place in the same repository; else null.
    static std::shared_ptr<const GitCommit> same_as_last(const GitCommit& asked);
    static std::shared_ptr<const GitCommit> remember_last(std::shared_ptr<GitCommit> c);
    bool read_listing(const std::string& path);
    void write_listing(const std::string& path) const;
    std::string dir_, rev_, commit_, short_, date_, git_dir_, prefix_;
    /// Keeps `entries` as listing_ and starts_.
    void keep_entries(const std::map<std::string, GitEntry>& entries);
    /// The name of the i-th entry, and the first entry whose name is not before `name`.
    std::string_view name_at(size_t i) const;
    size_t first_not_before(std::string_view name) const;
    // The entries as the listing cache holds them ("<mode> <blob> <size>\t<name>\0" each, by
    // name) and where each starts: a county holds a thousand commits' listings at once, and a
    // map of them took 280 bytes an entry, 140 MB for 1,000 schools. find makes an entry a
    // GitEntry when it is asked for, kept in made_ while the commit is.
    std::string listing_;
    std::vector<uint32_t> starts_;
    mutable std::mutex made_mutex_;
    mutable std::map<std::string, GitEntry, std::less<>> made_;
    std::map<std::string, std::string> prefetched_;  // blob id -> text: liushou.yaml, staff.yaml
};

}  // namespace liushou
