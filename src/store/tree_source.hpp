// Where a tree's files are read from: its folder on disk, or the objects of a commit (report
// --rev, a county's `git:` schools). Tree asks a source for listings, files and where the
// data stands in git, and never asks which kind it has, except to refuse a write or a cache.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "liushou/store.hpp"

namespace liushou {

class GitCommit;

class TreeSource {
  public:
    virtual ~TreeSource() = default;
    struct Entry {
        std::string name;
        /// Whether it may hold a record: a file or a link. (On disk every entry is said to;
        /// what is no file is refused when it is read.)
        bool file = true;
    };
    /// The names in a folder of the tree (children/, activities/), unsorted; none when the
    /// folder is not there. Throws IoError when it cannot be listed.
    virtual std::vector<Entry> list(const std::string& dir) const = 0;
    /// Whether `relative` is there as a file (on disk, a link to one counts).
    virtual bool has_file(const std::string& relative) const = 0;
    struct File {
        bool exists = false;
        std::string refused;  // why it is not read (a link out of the tree, too big), or ""
        std::string text;
    };
    /// A record file, read no further than its screening allows; `display` names it.
    virtual File read(const std::string& relative, const std::string& display) const = 0;
    virtual GitState git_state() const = 0;
    /// The date of the commit the data stands at (YYYY-MM-DD), or "" outside git.
    virtual std::string commit_date() const = 0;
};

/// The tree's folder at `root`.
std::shared_ptr<const TreeSource> disk_source(const std::string& root);
/// The tree as `commit` holds it.
std::shared_ptr<const TreeSource> commit_source(std::shared_ptr<const GitCommit> commit);
/// `base` with the files of `overlay` in place of its own (TreeOptions::overlay).
std::shared_ptr<const TreeSource> overlay_source(
    std::shared_ptr<const TreeSource> base,
    std::shared_ptr<const std::map<std::string, OverlayFile>> overlay);

}  // namespace liushou
