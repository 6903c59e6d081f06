// Which commit a revision names in a bare repository, from its ref files (git_revs.hpp).
//
// The ref is looked up as git does (gitrevisions(7)): REV, refs/REV, refs/tags/REV,
// refs/heads/REV, refs/remotes/REV, refs/remotes/REV/HEAD, each a loose file or a line of
// packed-refs, a symbolic ref followed. The answer is used only when git gave it before for
// the same revision, through the same ref, to the same object, and that object was the commit
// itself: a ref moved, a ref git would find first, a tag object, all mean git is asked again.
#include "git_revs.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <boost/filesystem.hpp>
#include <cstdlib>
#include <sstream>
#include <vector>

#include "files.hpp"
#include "liushou/error.hpp"
#include "liushou/store.hpp"

namespace liushou {

namespace fs = boost::filesystem;

namespace {

constexpr const char* kRevsMagic = "LSHREVS1";

bool is_hex_id(const std::string& s) {
    return s.size() == 40 && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

/// A plain ref name (master, v1, refs/heads/main): no revision syntax git would read further.
bool plain_ref_name(const std::string& rev) {
    if (rev.empty() || rev.front() == '-' || rev.front() == '/' || rev.back() == '/' ||
        rev.find("..") != std::string::npos || rev.find("//") != std::string::npos ||
        rev.find("@{") != std::string::npos || rev == "@")
        return false;
    if (rev.size() >= 5 && rev.compare(rev.size() - 5, 5, ".lock") == 0) return false;
    return rev.find_first_not_of(
               "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
               "._/-") == std::string::npos;
}

/// The git directory `dir` is, when it is a bare repository git would take as it is.
std::optional<std::string> bare_git_dir(const std::string& dir) {
    // An environment that points git elsewhere: git knows what it means.
    for (const char* var : {"GIT_DIR", "GIT_COMMON_DIR", "GIT_NAMESPACE", "GIT_OBJECT_DIRECTORY",
                            "GIT_WORK_TREE", "GIT_REF_PARANOIA"})
        if (std::getenv(var)) return std::nullopt;
    struct stat st {};
    const auto is = [&](const std::string& p, mode_t type) {
        return ::lstat(p.c_str(), &st) == 0 && (st.st_mode & S_IFMT) == type;
    };
    // git reads DIR/.git first; a linked worktree's or a submodule's git dir (commondir,
    // gitdir) is another's; one owned by someone else git refuses (safe.directory).
    if (::lstat((dir + "/.git").c_str(), &st) == 0 ||
        ::lstat((dir + "/commondir").c_str(), &st) == 0 ||
        ::lstat((dir + "/gitdir").c_str(), &st) == 0 || !is(dir + "/objects", S_IFDIR) ||
        !is(dir + "/refs", S_IFDIR) || !is(dir + "/HEAD", S_IFREG) ||
        ::stat(dir.c_str(), &st) != 0 || st.st_uid != ::geteuid())
        return std::nullopt;
    boost::system::error_code ec;
    const fs::path real = fs::canonical(dir, ec);
    if (ec) return std::nullopt;
    return real.string();
}

/// The refs of packed-refs, name -> object (its peeled lines left out).
struct PackedRefs {
    bool read = false;
    std::string text;
    std::optional<std::string> find(const std::string& git_dir, const std::string& name) {
        if (!read) {
            read = true;
            try {
                text = read_file(git_dir + "/packed-refs", "packed-refs", 64u << 20);
            } catch (const Error&) {
                text.clear();  // none
            }
        }
        std::istringstream lines(text);
        std::string line;
        while (std::getline(lines, line))
            if (line.size() == 41 + name.size() && line[40] == ' ' &&
                line.compare(41, std::string::npos, name) == 0 && is_hex_id(line.substr(0, 40)))
                return line.substr(0, 40);
        return std::nullopt;
    }
};

enum class Found { no, yes, doubt };

/// The object the ref `name` leads to, following symbolic refs; `doubt` for anything git
/// might read otherwise (a link, a reftable, a file that is not a ref).
Found resolve_ref(const std::string& git_dir, std::string name, PackedRefs& packed,
                  std::string& oid, std::string& through) {
    for (int depth = 0; depth < 5; ++depth) {
        const std::string path = git_dir + "/" + name;
        struct stat st {};
        if (::lstat(path.c_str(), &st) == 0) {
            if (!S_ISREG(st.st_mode)) return S_ISDIR(st.st_mode) ? Found::no : Found::doubt;
            std::string text;
            try {
                text = read_file(path, name, 4096);
            } catch (const Error&) {
                return Found::doubt;
            }
            while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
            if (text.rfind("ref: ", 0) == 0) {
                name = text.substr(5);
                if (!plain_ref_name(name) || name.rfind("refs/", 0) != 0) return Found::doubt;
                continue;
            }
            if (!is_hex_id(text)) return Found::doubt;
            oid = text, through = name;
            return Found::yes;
        }
        if (const auto p = packed.find(git_dir, name)) {
            oid = *p, through = name;
            return Found::yes;
        }
        // A symbolic ref to nothing (an unborn branch) is nothing; a name git never met either.
        return depth == 0 ? Found::no : Found::doubt;
    }
    return Found::doubt;
}

/// The object `rev` names by git's order of ref lookups, and the ref it was found through
/// ("" for a full commit id).
bool lookup(const std::string& git_dir, const std::string& rev, std::string& oid,
            std::string& through) {
    if (is_hex_id(rev)) {
        oid = rev, through.clear();
        return true;
    }
    if (!plain_ref_name(rev)) return false;
    PackedRefs packed;
    std::vector<std::string> names;
    // A top-level name git reads only in its root-ref form (HEAD, ORIG_HEAD): "config" is none.
    if (rev.rfind("refs/", 0) == 0 ||
        rev.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ_") == std::string::npos)
        names.push_back(rev);
    for (const char* form : {"refs/", "refs/tags/", "refs/heads/", "refs/remotes/"})
        names.push_back(form + rev);
    names.push_back("refs/remotes/" + rev + "/HEAD");
    for (const std::string& name : names) {
        const Found found = resolve_ref(git_dir, name, packed, oid, through);
        if (found == Found::yes) return true;
        if (found == Found::doubt) return false;
    }
    return false;
}

struct RevLine {
    std::string rev, through, oid, short_commit, git_dir;
};

std::vector<RevLine> read_revs(const SafeDir& folder) {
    std::vector<RevLine> out;
    std::string text;
    try {
        text = read_file(folder.path("revs"), "revs", 1u << 20);
    } catch (const Error&) {
        return out;
    }
    std::istringstream lines(text);
    std::string line;
    if (!std::getline(lines, line) || line != kRevsMagic) return out;
    while (std::getline(lines, line)) {
        std::istringstream fields(line);
        RevLine r;
        if (std::getline(fields, r.rev, '\t') && std::getline(fields, r.through, '\t') &&
            std::getline(fields, r.oid, '\t') && std::getline(fields, r.short_commit, '\t') &&
            std::getline(fields, r.git_dir))
            out.push_back(std::move(r));
    }
    return out;
}

}  // namespace

std::optional<RevParsed> recall_rev(const std::string& dir, const std::string& rev) {
    const auto git_dir = bare_git_dir(dir);
    if (!git_dir) return std::nullopt;
    std::string oid, through;
    if (!lookup(*git_dir, rev, oid, through)) return std::nullopt;
    std::optional<SafeDir> folder;
    try {
        folder = SafeDir::open(*git_dir, "liushou", false, false, *git_dir + "/");
    } catch (const Error&) {
        return std::nullopt;
    }
    for (const RevLine& r : read_revs(*folder))
        if (r.rev == rev && r.through == through && r.oid == oid && r.git_dir == *git_dir &&
            !r.short_commit.empty() && oid.compare(0, r.short_commit.size(), r.short_commit) == 0)
            return RevParsed{*git_dir, oid, r.short_commit};
    return std::nullopt;
}

void remember_rev(const std::string& dir, const std::string& rev, const RevParsed& parsed) {
    const auto git_dir = bare_git_dir(dir);
    std::string oid, through;
    // Only what the ref files say git said too: the same directory, the commit itself.
    if (!git_dir || *git_dir != parsed.git_dir || !lookup(*git_dir, rev, oid, through) ||
        oid != parsed.commit)
        return;
    try {
        const SafeDir folder = SafeDir::open(*git_dir, "liushou", true, true, *git_dir + "/");
        std::vector<RevLine> lines = read_revs(folder);
        bool same = false;
        for (auto it = lines.begin(); it != lines.end();)
            if (it->rev != rev) {
                ++it;
            } else {
                same = it->through == through && it->oid == oid &&
                       it->short_commit == parsed.short_commit;
                it = lines.erase(it);
            }
        if (same) return;  // kept already
        lines.push_back(RevLine{rev, through, oid, parsed.short_commit, *git_dir});
        std::string out = std::string(kRevsMagic) + "\n";
        for (const RevLine& r : lines)
            out += r.rev + "\t" + r.through + "\t" + r.oid + "\t" + r.short_commit + "\t" +
                   r.git_dir + "\n";
        atomic_write(folder.path("revs"), out, 0600);
    } catch (const Error&) {
        // A read-only repository: git is asked each time.
    }
}

}  // namespace liushou
