// Reading a tree as a git commit holds it (report --rev, a county's bare repositories):
// `git ls-tree` for the listing, `git cat-file --batch` for the contents.
#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/filesystem.hpp>
#include <cerrno>
#include <cstring>
#include <exception>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "files.hpp"
#include "git_objects.hpp"
#include "git_revs.hpp"
#include "liushou/error.hpp"
#include "liushou/i18n.hpp"
#include "liushou/store.hpp"
#include "spawn.hpp"

namespace liushou {

namespace fs = boost::filesystem;

namespace {

/// What git_filter got.
enum class Filtered { ok, failed, too_large };

/// `git -C dir args…` (hardened, see git_command) with `input` on its standard input
/// (written by a thread of its own, so that neither side waits on a full pipe) and its
/// standard output in `output`. More than `limit` bytes of output stop git (too_large): a
/// repository is data, and a small one can describe a huge tree.
Filtered git_filter(const std::vector<std::string>& git_args, const std::string& dir,
                    const std::string& input, std::string& output, size_t limit = SIZE_MAX) {
    int in_fds[2] = {-1, -1}, out_fds[2] = {-1, -1};
    if (::pipe2(in_fds, O_CLOEXEC) != 0) return Filtered::failed;
    if (::pipe2(out_fds, O_CLOEXEC) != 0) {
        ::close(in_fds[0]);
        ::close(in_fds[1]);
        return Filtered::failed;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in_fds[0], 0);
    posix_spawn_file_actions_adddup2(&actions, out_fds[1], 1);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    GitCommand c = git_command(git_args, dir);
    const pid_t pid = spawn(c.argv, &actions, &c.env);
    posix_spawn_file_actions_destroy(&actions);
    ::close(in_fds[0]);
    ::close(out_fds[1]);
    if (pid <= 0) {
        ::close(in_fds[1]);
        ::close(out_fds[0]);
        return Filtered::failed;
    }
    std::thread writer([fd = in_fds[1], &input] {
        size_t done = 0;
        while (done < input.size()) {
            const ssize_t n = ::write(fd, input.data() + done, input.size() - done);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;  // git went away: its exit status tells
            done += static_cast<size_t>(n);
        }
        ::close(fd);
    });
    const bool whole = read_all(out_fds[0], output, limit);
    if (!whole) ::kill(pid, SIGKILL);  // our own child, by its id: it would write on
    ::close(out_fds[0]);
    writer.join();
    const int status = wait_for(pid);
    if (!whole) return Filtered::too_large;
    return status == 0 ? Filtered::ok : Filtered::failed;
}

}  // namespace

namespace {

/// The committer's day (YYYY-MM-DD, in the committer's time zone, as `%cs` says) from a commit
/// object's text.
std::string committer_day(const std::string& commit_text) {
    const size_t at = commit_text.find("\ncommitter ");
    if (at == std::string::npos) return "";
    const size_t eol = commit_text.find('\n', at + 1);
    const std::string line = commit_text.substr(at + 1, eol - at - 1);
    const size_t close = line.rfind('>');
    if (close == std::string::npos) return "";
    std::istringstream rest(line.substr(close + 1));
    long long seconds = 0;
    std::string zone;
    if (!(rest >> seconds >> zone) || zone.size() != 5) return "";
    const int sign = zone[0] == '-' ? -1 : 1;
    const long long offset = sign * (std::atoi(zone.substr(1, 2).c_str()) * 3600LL +
                                     std::atoi(zone.substr(3, 2).c_str()) * 60LL);
    const long long local = seconds + offset;
    const long long day = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
    return (Date{1970, 1, 1}.add_days(static_cast<long>(day))).iso();
}

// LSHLIST2: a tree in a folder of a work tree was listed empty before --full-tree, and
// such a listing kept under LSHLIST1 is not to be believed.
constexpr const char* kListingMagic = "LSHLIST2";

IoError too_many_files(const std::string& dir, const std::string& rev, const std::string& where) {
    return IoError(fmt::format("{}: " N_("commit {}: {} holds more than {} files; refused unread "
                                         "(a liushou tree holds at most {} files)"),
                               dir, rev, where, kMaxGitTreeEntries, kMaxGitTreeEntries));
}

/// Throws when the records of a commit's tree would have liushou read more than
/// kMaxGitTreeBytes.
void check_readable(uint64_t readable, const std::string& dir, const std::string& rev,
                    const std::string& where) {
    if (readable > kMaxGitTreeBytes)
        throw IoError(
            fmt::format("{}: " N_("commit {}: the files of {} hold more than {} MiB; refused "
                                  "unread (a liushou tree's records hold at most {} MiB)"),
                        dir, rev, where, kMaxGitTreeBytes >> 20, kMaxGitTreeBytes >> 20));
}

}  // namespace

namespace {

/// Each object's size from `cat-file --batch-check` lines (<oid> SP <type> SP <size>, or
/// <oid> missing).
std::map<std::string, uint64_t> sizes_of(std::string_view lines) {
    std::map<std::string, uint64_t> size_of;
    std::istringstream in{std::string(lines)};
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string oid, type;
        uint64_t size = 0;
        if (fields >> oid >> type >> size) size_of[oid] = size;
    }
    return size_of;
}

/// The answers of `cat-file --batch` (or --batch-command's contents) to `oids`, from `raw`
/// at `at`: each "<oid> <type> <size>\n<contents>\n", or "<oid> missing\n" (nullopt).
std::vector<std::optional<std::string>> batch_answers(const std::string& raw, size_t at,
                                                      const std::vector<std::string>& oids,
                                                      const std::string& dir) {
    std::vector<std::optional<std::string>> out;
    out.reserve(oids.size());
    for (const auto& o : oids) {
        const size_t eol = raw.find('\n', at);
        if (eol == std::string::npos)
            throw IoError(fmt::format("{}: " N_("git cat-file ended early at {}"), dir, o));
        const std::string head = raw.substr(at, eol - at);
        at = eol + 1;
        const size_t space = head.rfind(' ');
        if (space == std::string::npos || head.find(' ') == space) {  // "<oid> missing"
            out.emplace_back(std::nullopt);
            continue;
        }
        const size_t size = std::strtoull(head.c_str() + space + 1, nullptr, 10);
        if (at + size > raw.size())
            throw IoError(fmt::format("{}: " N_("git cat-file ended early at {}"), dir, o));
        out.emplace_back(std::in_place, raw, at, size);
        at += size + 1;
    }
    return out;
}

/// The sizes of `blobs`, by `cat-file --batch-check`.
std::map<std::string, uint64_t> ask_sizes(const std::string& dir, const std::string& rev,
                                          const std::set<std::string>& blobs) {
    std::string input, sizes;
    for (const auto& b : blobs) input += b + "\n";
    if (!blobs.empty() && git_filter({"cat-file", "--batch-check", "--buffer"}, dir, input, sizes,
                                     blobs.size() * 128) != Filtered::ok)
        throw IoError(fmt::format("{}: " N_("git cat-file failed reading commit {}"), dir, rev));
    return sizes_of(sizes);
}

/// Whether this git lacks `cat-file --batch-command` (before 2.36): then each open asks the
/// sizes and the small files by two processes, as before.
std::atomic<bool> no_batch_command{false};

/// The sizes of `blobs` (into `size_of`) and the texts of `commit` then `small`, by one
/// `git cat-file --batch-command`: in a cold county, each git process is a few milliseconds
/// of a school's reading. nullopt when this git cannot, or when the answer is more than the
/// sizes and a few small files (a file too big to read: the caller asks the sizes first).
std::optional<std::vector<std::optional<std::string>>> read_sizes_and_small(
    const std::string& dir, const std::set<std::string>& blobs, const std::string& commit,
    const std::vector<std::string>& small, std::map<std::string, uint64_t>& size_of) {
    if (no_batch_command) return std::nullopt;
    std::string input, raw;
    for (const auto& b : blobs) input += "info " + b + "\n";
    input += "flush\n";  // the sizes first, whole, then the contents
    input += "contents " + commit + "\n";
    for (const auto& b : small) input += "contents " + b + "\n";
    input += "flush\n";
    const Filtered got = git_filter({"cat-file", "--batch-command", "--buffer"}, dir, input, raw,
                                    blobs.size() * 128 + (4u << 20));
    if (got == Filtered::failed) {
        std::string version;
        // git before 2.36 knows no --batch-command; else the repository is what failed, and
        // the two processes of old say how.
        if (git_filter({"cat-file", "--batch-command"}, dir, "", version) == Filtered::failed)
            no_batch_command = true;
        return std::nullopt;
    }
    if (got != Filtered::ok) return std::nullopt;
    // One line of info for each blob, then the contents.
    size_t at = 0;
    for (size_t n = 0; n < blobs.size(); ++n) {
        const size_t eol = raw.find('\n', at);
        if (eol == std::string::npos) return std::nullopt;
        at = eol + 1;
    }
    size_of = sizes_of(std::string_view(raw).substr(0, at));
    std::vector<std::string> asked = {commit};
    asked.insert(asked.end(), small.begin(), small.end());
    try {
        return batch_answers(raw, at, asked, dir);
    } catch (const IoError&) {
        return std::nullopt;  // asked again the old way, which says what is wrong
    }
}

}  // namespace

namespace {

std::mutex last_mutex;
std::shared_ptr<const GitCommit> last_opened;  // one school's listing, kept to the end

}  // namespace

std::shared_ptr<const GitCommit> GitCommit::remember_last(std::shared_ptr<GitCommit> c) {
    const std::lock_guard<std::mutex> guard(last_mutex);
    last_opened = c;
    return c;
}

std::shared_ptr<const GitCommit> GitCommit::same_as_last(const GitCommit& asked) {
    std::shared_ptr<const GitCommit> last;
    {
        const std::lock_guard<std::mutex> guard(last_mutex);
        last = last_opened;
    }
    if (!last || last->git_dir_ != asked.git_dir_ || last->commit_ != asked.commit_ ||
        last->prefix_ != asked.prefix_)
        return nullptr;
    auto c = std::make_shared<GitCommit>();
    c->dir_ = asked.dir_;
    c->rev_ = asked.rev_;
    c->commit_ = asked.commit_;
    c->short_ = asked.short_;
    c->git_dir_ = asked.git_dir_;
    c->prefix_ = asked.prefix_;
    c->date_ = last->date_;
    c->listing_ = last->listing_;
    c->starts_ = last->starts_;
    c->prefetched_ = last->prefetched_;
    return c;
}

std::shared_ptr<const GitCommit> GitCommit::open(const std::string& dir, const std::string& rev,
                                                 bool use_cache) {
    auto c = std::make_shared<GitCommit>();
    c->dir_ = dir;
    c->rev_ = rev;
    // A revision that starts with "-" would be read by git as an option.
    if (rev.empty() || rev.front() == '-')
        throw UsageError(fmt::format(N_("--rev {}: not a branch, tag or commit"), rev));
    // A county reads a hundred repositories, so each costs few processes: this one says where
    // the repository keeps its data, where the tree sits in it, and the commit in full and as
    // `rev-parse --short=12` says it (what a checkout's report header shows). On a warm run it
    // is the only one.
    const std::string spec = rev + "^{commit}";
    std::string out;
    // A warm county asks not even that: a bare repository's ref files say the commit git
    // named last time (git_revs.hpp), or git is asked.
    const auto recalled = use_cache ? recall_rev(dir, rev) : std::nullopt;
    if (recalled) {
        c->git_dir_ = recalled->git_dir;
        c->commit_ = recalled->commit;
        c->short_ = recalled->short_commit;
    } else if (run_git({"rev-parse", "--absolute-git-dir", "--is-bare-repository", "--show-prefix",
                        spec, "--short=12", spec},
                       dir, &out) != 0) {
        std::string ignored;
        if (run_git({"rev-parse", "--git-dir"}, dir, &ignored) != 0)
            throw IoError(fmt::format("{}: " N_("not a git repository, so --rev {} cannot be read"),
                                      dir, rev));
        throw IoError(
            fmt::format("{}: " N_("no commit {} (no such branch, tag or commit)"), dir, rev));
    }
    if (!recalled) {
        std::istringstream lines(out);
        std::string bare;
        std::getline(lines, c->git_dir_);
        std::getline(lines, bare);
        std::getline(lines, c->prefix_);
        if (bare == "true") c->prefix_.clear();
        std::getline(lines, c->commit_);
        std::getline(lines, c->short_);
        if (use_cache && bare == "true")
            remember_rev(dir, rev, {c->git_dir_, c->commit_, c->short_});
    }
    // A command that reads a revision opens it twice (once for its messages' language, then
    // to read): the second time, the commit's listing is the one opened last, not two more git
    // processes (ls-tree, cat-file). Keyed by what the commit is, never by the name asked for
    // (a branch moves).
    if (auto same = same_as_last(*c)) return same;
    // What the commit holds never changes: its listing and small files are kept by commit id.
    // In GIT_DIR/liushou, opened with no link followed (files.hpp: SafeDir): a copied
    // repository's `liushou -> /elsewhere` is refused, never read or written through.
    const std::string listing =
        c->prefix_.empty() ? std::string("listing")
                           : fmt::format("listing-{:016x}", std::hash<std::string>{}(c->prefix_));
    if (use_cache) {
        std::optional<SafeDir> cache;
        try {
            cache =
                SafeDir::open(c->git_dir_, "liushou", false, false, shown_path(c->git_dir_) + "/");
        } catch (const IoError&) {
            // Not made yet: git is asked.
        }
        if (cache && c->read_listing(cache->path(listing))) return remember_last(c);
    }

    out.clear();
    // Only the tree's own directory, recursively; -l gives each blob's size so that an
    // oversized file is refused without being read. A small repository can describe a huge
    // tree (100,000 entries naming one blob take 400 KB): the listing is bounded as it
    // comes, and so are its entries and what they would have liushou read.
    const std::string where = c->prefix_.empty() ? "/" : c->prefix_;
    // Without -l: git would look up the size of every entry, even 100,000 naming one blob;
    // the sizes are asked below once a blob, after the entries are counted.
    // --full-tree: git runs in `dir`, and in a tree below the top of a work tree ls-tree
    // would keep only the paths under that folder of the subtree asked for: none.
    const Filtered listed =
        git_filter({"ls-tree", "-r", "-z", "--full-tree", c->commit_ + ":" + c->prefix_}, dir, "",
                   out, kMaxGitListingBytes);
    if (listed == Filtered::too_large) throw too_many_files(dir, rev, where);
    if (listed != Filtered::ok)
        throw IoError(fmt::format("{}: " N_("commit {} holds no directory {}"), dir, rev, where));
    size_t count = 0;
    std::set<std::string> blobs;
    std::map<std::string, GitEntry> entries;
    for (size_t at = 0; at < out.size();) {
        const size_t end = out.find('\0', at);
        const std::string line = out.substr(at, end == std::string::npos ? end : end - at);
        at = end == std::string::npos ? out.size() : end + 1;
        if (++count > kMaxGitTreeEntries) throw too_many_files(dir, rev, where);
        // <mode> SP <type> SP <object> TAB <path>
        const size_t tab = line.find('\t');
        if (tab == std::string::npos) continue;
        std::istringstream fields(line.substr(0, tab));
        GitEntry e;
        std::string type;
        fields >> e.mode >> type >> e.blob;
        if (type == "blob") blobs.insert(e.blob);
        entries.emplace(line.substr(tab + 1), std::move(e));
    }
    // Each blob's size, so that an oversized file is refused without being read; and the
    // commit (for its date) and the school's two small files, read by every command. Where
    // git has --batch-command (2.36), one process does both.
    std::vector<std::string> small_blobs;  // liushou.yaml, staff.yaml, when they are files
    for (const char* name : {"liushou.yaml", "staff.yaml"})
        if (const auto it = entries.find(name); it != entries.end() && it->second.file())
            small_blobs.push_back(it->second.blob);
    std::map<std::string, uint64_t> size_of;
    std::optional<std::vector<std::optional<std::string>>> small_read =
        read_sizes_and_small(dir, blobs, c->commit_, small_blobs, size_of);
    if (!small_read) size_of = ask_sizes(dir, rev, blobs);
    uint64_t readable = 0;
    for (auto& [name, e] : entries) {
        if (const auto it = size_of.find(e.blob); it != size_of.end()) e.size = it->second;
        // A bigger file is refused unread; those that may be read are what is bounded.
        if (e.file() && e.size <= kMaxRecordBytes) readable += e.size;
    }
    check_readable(readable, dir, rev, where);
    c->keep_entries(entries);
    std::vector<std::string> small = {c->commit_};
    for (const char* name : {"liushou.yaml", "staff.yaml"})
        if (const GitEntry* e = c->find(name); e && e->file() && e->size <= (1u << 20))
            small.push_back(e->blob);
    if (small_read) {
        // Read with the sizes: the commit first, then each small file asked for.
        if (!small_read->front())
            throw IoError(
                fmt::format("{}: " N_("object {} of commit {} is missing"), dir, c->commit_, rev));
        c->date_ = committer_day(*small_read->front());
        for (size_t i = 1; i < small_read->size(); ++i) {
            const std::string& blob = small_blobs[i - 1];
            if (std::find(small.begin() + 1, small.end(), blob) == small.end()) continue;
            if (!(*small_read)[i])  // as GitCommit::read says it
                throw IoError(
                    fmt::format("{}: " N_("object {} of commit {} is missing"), dir, blob, rev));
            c->prefetched_.emplace(blob, std::move(*(*small_read)[i]));
        }
    } else {
        const std::vector<std::string> texts = c->read(small);
        c->date_ = committer_day(texts.front());
        for (size_t i = 1; i < small.size(); ++i) c->prefetched_.emplace(small[i], texts[i]);
    }
    if (use_cache) {
        try {
            // Made 0700: staff.yaml holds phone numbers.
            const SafeDir cache =
                SafeDir::open(c->git_dir_, "liushou", true, true, shown_path(c->git_dir_) + "/");
            c->write_listing(cache.path(listing));
        } catch (const IoError&) {
            // A read-only repository: the next run asks git again.
        }
    }
    ++read_stats().commits_listed;
    return remember_last(c);
}

bool GitCommit::read_listing(const std::string& path) {
    std::string text;
    try {
        text = read_file(path, path, 256u << 20);
    } catch (const Error&) {
        return false;  // none yet, or unreadable: git is asked
    }
    std::istringstream in(text);
    std::string magic, commit, prefix, date, count;
    if (!std::getline(in, magic) || magic != kListingMagic || !std::getline(in, commit) ||
        commit != commit_ || !std::getline(in, prefix) || prefix != prefix_ ||
        !std::getline(in, date) || !std::getline(in, count))
        return false;
    // The listing lives in the repository, which is data: it is held to the limits of what
    // git would have listed, else git is asked (and refuses the tree).
    const unsigned long listed = std::strtoul(count.c_str(), nullptr, 10);
    if (listed > kMaxGitTreeEntries) return false;
    std::map<std::string, GitEntry> entries;
    uint64_t readable = 0;
    for (unsigned long n = listed; n > 0; --n) {
        std::string line;
        if (!std::getline(in, line, '\0')) return false;
        const size_t tab = line.find('\t');
        if (tab == std::string::npos) return false;
        std::istringstream fields(line.substr(0, tab));
        GitEntry e;
        if (!(fields >> e.mode >> e.blob >> e.size)) return false;
        if (e.file() && e.size <= kMaxRecordBytes) readable += e.size;
        if (readable > kMaxGitTreeBytes) return false;
        entries.emplace(line.substr(tab + 1), std::move(e));
    }
    std::map<std::string, std::string> small;
    if (!std::getline(in, count)) return false;
    const unsigned long prefetched = std::strtoul(count.c_str(), nullptr, 10);
    if (prefetched > 2) return false;  // liushou.yaml and staff.yaml
    for (unsigned long n = prefetched; n > 0; --n) {
        std::string blob;
        size_t length = 0;
        if (!(in >> blob >> length) || in.get() != '\n' || length > kMaxRecordBytes) return false;
        std::string bytes(length, '\0');
        if (!in.read(bytes.data(), static_cast<std::streamsize>(length))) return false;
        small.emplace(std::move(blob), std::move(bytes));
    }
    keep_entries(entries);
    prefetched_ = std::move(small);
    date_ = date;
    return true;
}

void GitCommit::write_listing(const std::string& path) const {
    std::string out =
        fmt::format("{}\n{}\n{}\n{}\n{}\n", kListingMagic, commit_, prefix_, date_, starts_.size());
    out += listing_;
    out += fmt::format("{}\n", prefetched_.size());
    for (const auto& [blob, bytes] : prefetched_)
        out += fmt::format("{} {}\n", blob, bytes.size()) + bytes;
    try {
        atomic_write(path, out, 0600);
    } catch (const Error&) {
        // A read-only repository: the next run asks git again.
    }
}

void GitCommit::keep_entries(const std::map<std::string, GitEntry>& entries) {
    // A county holds a thousand listings at once: as text, a fifth of the memory of a map.
    listing_.clear();
    starts_.clear();
    starts_.reserve(entries.size());
    for (const auto& [name, e] : entries) {
        starts_.push_back(static_cast<uint32_t>(listing_.size()));
        listing_ += fmt::format("{} {} {}\t{}", e.mode, e.blob, e.size, name);
        listing_ += '\0';
    }
    listing_.shrink_to_fit();
}

std::string_view GitCommit::name_at(size_t i) const {
    const char* line = listing_.data() + starts_[i];
    const char* tab =
        static_cast<const char*>(std::memchr(line, '\t', listing_.size() - starts_[i]));
    return std::string_view(tab + 1);  // up to the entry's \0
}

size_t GitCommit::first_not_before(std::string_view name) const {
    size_t low = 0, high = starts_.size();  // the entries are sorted by name
    while (low < high) {
        const size_t middle = low + (high - low) / 2;
        if (name_at(middle) < name)
            low = middle + 1;
        else
            high = middle;
    }
    return low;
}

const GitEntry* GitCommit::find(const std::string& relative) const {
    const size_t i = first_not_before(relative);
    if (i == starts_.size() || name_at(i) != relative) return nullptr;
    // Made once, and kept while the commit is: callers hold the pointer.
    const std::lock_guard<std::mutex> guard(made_mutex_);
    const auto [it, fresh] = made_.try_emplace(relative);
    if (fresh) {  // "<mode> <blob> <size>\t", as keep_entries wrote it
        const std::string_view line(listing_.data() + starts_[i]);
        const size_t space = line.find(' '), second = line.find(' ', space + 1);
        it->second.mode = std::string(line.substr(0, space));
        it->second.blob = std::string(line.substr(space + 1, second - space - 1));
        it->second.size = std::strtoull(line.data() + second + 1, nullptr, 10);
    }
    return &it->second;
}

std::vector<std::string> GitCommit::names_in(const std::string& relative) const {
    std::vector<std::string> names;
    const std::string dir = relative + "/";
    for (size_t i = first_not_before(dir); i < starts_.size(); ++i) {
        const std::string_view entry = name_at(i);
        if (entry.compare(0, dir.size(), dir) != 0) break;
        const std::string rest(entry.substr(dir.size()));
        const size_t slash = rest.find('/');
        const std::string name = slash == std::string::npos ? rest : rest.substr(0, slash);
        if (names.empty() || names.back() != name) names.push_back(name);
    }
    return names;
}

namespace {

std::vector<std::optional<std::string>> read_objects_once(const std::string& dir,
                                                          const std::vector<std::string>& oids) {
    std::string input, raw;
    input.reserve(oids.size() * 41);
    for (const auto& o : oids) input += o + "\n";
    if (git_filter({"cat-file", "--batch", "--buffer"}, dir, input, raw) != Filtered::ok)
        throw IoError(fmt::format(N_("{}: git cat-file failed"), dir));
    return batch_answers(raw, 0, oids, dir);
}

/// From this many objects on, two cat-file processes read a half each: a month's sync reads
/// 10,000 records out of their deltas, 0.4 s of one core. Below it (a county's schools, each
/// read on its own worker already) one process.
constexpr size_t kSplitObjects = 4096;

}  // namespace

std::vector<std::optional<std::string>> read_git_objects(const std::string& dir,
                                                         const std::vector<std::string>& oids) {
    if (oids.empty()) return {};
    if (oids.size() < kSplitObjects || std::thread::hardware_concurrency() < 2)
        return read_objects_once(dir, oids);
    const auto middle = oids.begin() + static_cast<long>(oids.size() / 2);
    const std::vector<std::string> first(oids.begin(), middle), second(middle, oids.end());
    std::vector<std::optional<std::string>> later;
    std::exception_ptr failed;
    std::thread other([&] {
        try {
            later = read_objects_once(dir, second);
        } catch (...) {
            failed = std::current_exception();
        }
    });
    std::vector<std::optional<std::string>> out;
    try {
        out = read_objects_once(dir, first);
    } catch (...) {
        other.join();
        throw;
    }
    other.join();
    if (failed) std::rethrow_exception(failed);
    out.reserve(oids.size());
    for (auto& o : later) out.push_back(std::move(o));
    return out;
}

std::string without_final_newlines(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
    return s;
}

std::vector<std::string> GitCommit::read(const std::vector<std::string>& blobs) const {
    std::vector<std::string> out;
    if (blobs.empty()) return out;
    if (blobs.size() == 1)
        if (const auto it = prefetched_.find(blobs.front()); it != prefetched_.end())
            return {it->second};
    auto got = read_git_objects(dir_, blobs);
    out.reserve(blobs.size());
    for (size_t i = 0; i < blobs.size(); ++i) {
        if (!got[i])
            throw IoError(
                fmt::format("{}: " N_("object {} of commit {} is missing"), dir_, blobs[i], rev_));
        out.push_back(std::move(*got[i]));
    }
    return out;
}

}  // namespace liushou
