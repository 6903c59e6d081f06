// The two places a tree's files are read from (tree_source.hpp): its folder on disk, and a
// commit's objects; and the screening each does before a record is read.
#include "tree_source.hpp"

#include <dirent.h>
#include <fmt/format.h>
#include <sys/stat.h>

#include <boost/filesystem.hpp>
#include <cerrno>
#include <cstring>
#include <string_view>

#include "files.hpp"
#include "git_objects.hpp"
#include "liushou/error.hpp"
#include "liushou/i18n.hpp"
#include "tree_internal.hpp"

namespace liushou {

namespace fs = boost::filesystem;

namespace tree_detail {

/// Why a file of a commit is refused unread, or "" when it may be read. A link is never
/// followed: in a commit it could name anything on the machine that reads it.
std::string screen_commit_entry(const GitEntry& e) {
    if (e.symlink()) return N_("a symbolic link in the commit; refused (commit the file itself)");
    if (!e.file()) return N_("not a regular file");
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
        if (::stat(full.c_str(), &real) != 0) return N_("a symbolic link to nothing");
        boost::system::error_code ec;
        boost::system::error_code root_ec;
        const fs::path target = fs::canonical(full, ec);
        const fs::path base = fs::canonical(root, root_ec);
        const std::string t = target.string(), b = base.string() + "/";
        if (ec || root_ec || t.compare(0, b.size(), b) != 0)
            return N_("a symbolic link to outside the tree; refused (put the file itself here)");
        return screen_record_file(root, full, real);
    }
    if (!S_ISREG(st.st_mode)) return N_("not a regular file");
    if (static_cast<uint64_t>(st.st_size) > kMaxRecordBytes)
        return fmt::format(
            "the file is {:.1f} MB; a record may be at most 1 MiB (was something pasted into it?)",
            static_cast<double>(st.st_size) / 1e6);
    return "";
}

}  // namespace tree_detail

namespace {

using tree_detail::screen_commit_entry;
using tree_detail::screen_record_file;

class DiskSource final : public TreeSource {
  public:
    explicit DiskSource(std::string root) : root_(std::move(root)) {}

    std::vector<Entry> list(const std::string& dir) const override {
        std::vector<Entry> out;
        const std::string full = (fs::path(root_) / dir).string();
        DIR* d = ::opendir(full.c_str());
        if (!d) {
            if (errno == ENOENT) return out;
            throw IoError(fmt::format("{}: " N_("cannot list: {}"), dir, std::strerror(errno)));
        }
        errno = 0;
        while (const struct dirent* e = ::readdir(d)) {
            const std::string_view name(e->d_name);
            if (name != "." && name != "..") out.push_back(Entry{std::string(name), true});
            errno = 0;
        }
        const int error = errno;
        ::closedir(d);
        if (error)
            throw IoError(fmt::format("{}: " N_("cannot list: {}"), dir, std::strerror(error)));
        return out;
    }

    bool has_file(const std::string& relative) const override {
        boost::system::error_code ec;
        return fs::is_regular_file(fs::path(root_) / relative, ec);
    }

    File read(const std::string& relative, const std::string& display) const override {
        File out;
        const std::string full = (fs::path(root_) / relative).string();
        struct stat st {};
        if (::lstat(full.c_str(), &st) != 0) return out;
        out.exists = true;
        out.refused = screen_record_file(root_, full, st);
        if (out.refused.empty()) out.text = read_regular_file(full, display, kMaxRecordBytes);
        return out;
    }

    GitState git_state() const override { return liushou::git_state(root_); }

    std::string commit_date() const override {
        std::string out;
        if (run_git({"show", "-s", "--format=%cs", "HEAD"}, root_, &out) != 0) return "";
        while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
        return out;
    }

  private:
    std::string root_;
};

class CommitSource final : public TreeSource {
  public:
    explicit CommitSource(std::shared_ptr<const GitCommit> commit) : commit_(std::move(commit)) {}

    std::vector<Entry> list(const std::string& dir) const override {
        std::vector<Entry> out;
        for (auto& name : commit_->names_in(dir)) {
            const GitEntry* e = commit_->find(dir + "/" + name);
            const bool file = e && (e->file() || e->symlink());
            out.push_back(Entry{std::move(name), file});
        }
        return out;
    }

    bool has_file(const std::string& relative) const override {
        return commit_->find(relative) != nullptr;
    }

    File read(const std::string& relative, const std::string&) const override {
        File out;
        const GitEntry* e = commit_->find(relative);
        if (!e) return out;
        out.exists = true;
        out.refused = screen_commit_entry(*e);
        if (out.refused.empty()) out.text = commit_->read({e->blob}).front();
        return out;
    }

    GitState git_state() const override { return GitState{commit_->short_commit(), false}; }
    std::string commit_date() const override { return commit_->date(); }

  private:
    std::shared_ptr<const GitCommit> commit_;
};

/// Another source with some files replaced or removed: a change seen before it is written.
class OverlaySource final : public TreeSource {
  public:
    using Files = std::map<std::string, OverlayFile>;
    OverlaySource(std::shared_ptr<const TreeSource> base, std::shared_ptr<const Files> files)
        : base_(std::move(base)), files_(std::move(files)) {}

    std::vector<Entry> list(const std::string& dir) const override {
        std::vector<Entry> out;
        const std::string prefix = dir + "/";
        for (auto& e : base_->list(dir))
            if (files_->find(prefix + e.name) == files_->end()) out.push_back(std::move(e));
        // The files the change makes or keeps, each once (a file it replaces was left out).
        for (auto it = files_->lower_bound(prefix);
             it != files_->end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
            const std::string name = it->first.substr(prefix.size());
            if (it->second.exists && name.find('/') == std::string::npos)
                out.push_back(Entry{name, true});
        }
        return out;
    }

    bool has_file(const std::string& relative) const override {
        const auto it = files_->find(relative);
        return it == files_->end() ? base_->has_file(relative) : it->second.exists;
    }

    File read(const std::string& relative, const std::string& display) const override {
        const auto it = files_->find(relative);
        if (it == files_->end()) return base_->read(relative, display);
        File out;
        out.exists = it->second.exists;
        out.refused = it->second.refused;
        if (out.exists && out.refused.empty()) out.text = it->second.text;
        return out;
    }

    GitState git_state() const override { return base_->git_state(); }
    std::string commit_date() const override { return base_->commit_date(); }

  private:
    std::shared_ptr<const TreeSource> base_;
    std::shared_ptr<const Files> files_;
};

}  // namespace

std::shared_ptr<const TreeSource> overlay_source(
    std::shared_ptr<const TreeSource> base,
    std::shared_ptr<const std::map<std::string, OverlayFile>> overlay) {
    return std::make_shared<OverlaySource>(std::move(base), std::move(overlay));
}

std::shared_ptr<const TreeSource> disk_source(const std::string& root) {
    return std::make_shared<DiskSource>(root);
}

std::shared_ptr<const TreeSource> commit_source(std::shared_ptr<const GitCommit> commit) {
    return std::make_shared<CommitSource>(std::move(commit));
}

}  // namespace liushou
