// liushou key and liushou sync (#42): records travel between PCs with no server as one file
// on a USB stick, a git bundle of the tree's branch encrypted with age to every PC the school
// recorded (liushou.yaml: sync.recipients, public keys only). See man liushou-sync(1), whose
// threat model this file keeps: nothing of the records leaves the PC unencrypted (unless
// --plain), a file that was changed or cut short is refused whole, and a sync killed at any
// point leaves the tree as it was or fully synced.
#include "liushou/sync.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <boost/filesystem.hpp>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>

#include "cli.hpp"
#include "liushou/purge.hpp"
#include "liushou/store.hpp"

namespace liushou {

namespace fs = boost::filesystem;

namespace {

// ---- keys ---------------------------------------------------------------------------------

constexpr const char* kSecretPrefix = "AGE-SECRET-KEY-1";

/// Where this PC's age identity is: $LIUSHOU_KEY, else ~/.config/liushou/key.txt.
std::string key_path() {
    if (const char* k = std::getenv("LIUSHOU_KEY"); k && *k) return k;
    if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x)
        return std::string(x) + "/liushou/key.txt";
    const char* home = std::getenv("HOME");
    return std::string(home && *home ? home : ".") + "/.config/liushou/key.txt";
}

/// Whether `text` is an age public key: "age1" and bech32 data with a valid checksum.
bool valid_age_recipient(const std::string& text) {
    static const std::string charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    if (text.size() != 62 || text.compare(0, 4, "age1") != 0) return false;
    std::vector<int> values;
    for (size_t i = 4; i < text.size(); ++i) {
        const size_t v = charset.find(text[i]);
        if (v == std::string::npos) return false;
        values.push_back(static_cast<int>(v));
    }
    // BIP 173's checksum over the human-readable part "age" and the data.
    auto polymod = [](const std::vector<int>& v) {
        static const uint32_t gen[] = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
        uint32_t chk = 1;
        for (int x : v) {
            const uint32_t top = chk >> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ static_cast<uint32_t>(x);
            for (int i = 0; i < 5; ++i)
                if ((top >> i) & 1) chk ^= gen[i];
        }
        return chk;
    };
    std::vector<int> all;
    for (char c : std::string("age")) all.push_back(c >> 5);
    all.push_back(0);
    for (char c : std::string("age")) all.push_back(c & 31);
    all.insert(all.end(), values.begin(), values.end());
    return polymod(all) == 1;
}

struct Recipient {
    std::string name, key;
};

/// The recipients liushou.yaml names (its `sync:` section, kept by the records' reader as a
/// key it does not interpret), in file order; a malformed one is named in `problems`.
std::vector<Recipient> recipients_of(const School& school, std::vector<std::string>* problems) {
    std::vector<Recipient> out;
    for (const auto& [key, text] : school.extras) {
        if (key != "sync") continue;
        YAML::Node node;
        try {
            node = YAML::Load(text);  // screened with the whole file when it was read
        } catch (const YAML::Exception&) {
            if (problems) problems->push_back("sync: not a mapping of settings");
            continue;
        }
        if (!node.IsMap()) {
            if (problems) problems->push_back("sync: not a mapping of settings");
            continue;
        }
        const YAML::Node list = node["recipients"];
        if (!list) continue;
        if (!list.IsSequence()) {
            if (problems) problems->push_back("sync.recipients: expected a list");
            continue;
        }
        for (size_t i = 0; i < list.size(); ++i) {
            const YAML::Node item = list[i];
            Recipient r;
            if (item.IsMap() && item["name"] && item["name"].IsScalar())
                r.name = item["name"].Scalar();
            if (item.IsMap() && item["key"] && item["key"].IsScalar()) r.key = item["key"].Scalar();
            if (!valid_age_recipient(r.key) || r.name.empty()) {
                if (problems)
                    problems->push_back(fmt::format(
                        "sync.recipients[{}]: needs a name and an age public key (age1…)", i));
                continue;
            }
            out.push_back(r);
        }
    }
    return out;
}

/// liushou.yaml's `sync:` section holding `recipients`, as the records' writer keeps an
/// unknown key (a block after "\n"); other keys of the section stay as they were.
void set_recipients(School& school, const std::vector<Recipient>& list) {
    YAML::Node node(YAML::NodeType::Map);
    auto it = std::find_if(school.extras.begin(), school.extras.end(),
                           [](const auto& e) { return e.first == "sync"; });
    if (it != school.extras.end()) {
        try {
            YAML::Node old = YAML::Load(it->second);
            if (old.IsMap()) node = old;
        } catch (const YAML::Exception&) {
        }
    }
    node.remove("recipients");
    if (!list.empty()) {
        YAML::Node seq(YAML::NodeType::Sequence);
        for (const auto& r : list) {
            YAML::Node item(YAML::NodeType::Map);
            item["name"] = r.name;
            item["key"] = r.key;
            seq.push_back(item);
        }
        node["recipients"] = seq;
    }
    std::string text;
    if (node.size() > 0) {
        YAML::Emitter e;
        e << node;
        text = std::string("\n") + e.c_str();
    }
    if (it != school.extras.end()) {
        if (text.empty())
            school.extras.erase(it);
        else
            it->second = text;
    } else if (!text.empty()) {
        school.extras.emplace_back("sync", text);
    }
}

/// This PC's public key from its identity file ("" when there is none).
std::string public_key(const std::string& path) {
    std::string out;
    if (::access(path.c_str(), R_OK) != 0) return "";
    if (run_program({"age-keygen", "-y", path}, &out) != 0) return "";
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return valid_age_recipient(out) ? out : "";
}

/// Refuses a key path inside the tree: a private key must never be committed.
void require_outside_tree(const std::string& key, Context& ctx) {
    std::string root;
    try {
        root = open_tree(ctx).root();
    } catch (const Error&) {
        return;  // no tree here
    }
    boost::system::error_code ec;
    const fs::path tree = fs::canonical(root, ec);
    if (ec) return;
    fs::path at = fs::absolute(key).parent_path();
    const fs::path real = fs::weakly_canonical(at, ec);
    if (ec) return;
    const std::string t = tree.string() + "/", r = real.string() + "/";
    if (r.compare(0, t.size(), t) == 0)
        throw UsageError(fmt::format(
            "{}: the key would be inside the tree {}, and could be committed; set LIUSHOU_KEY to "
            "a file outside it",
            key, root));
}

int run_key_new(Context& ctx) {
    const std::string path = key_path();
    require_outside_tree(path, ctx);
    boost::system::error_code ec;
    if (fs::symlink_status(path, ec).type() != fs::file_not_found)
        throw UsageError(fmt::format(
            "{}: this PC already has a key; liushou never replaces one (what was sent to it "
            "could no longer be read). liushou key show prints its public key",
            path));
    const fs::path dir = fs::absolute(path).parent_path();
    if (!fs::exists(dir, ec)) {
        fs::create_directories(dir, ec);
        if (ec)
            throw IoError(
                fmt::format("{}: cannot make the folder: {}", dir.string(), ec.message()));
        fs::permissions(dir, fs::owner_all, ec);
    }
    // age-keygen writes a new file mode 0600 in a private folder beside the key, which is then
    // linked into place: link() never replaces a file, so two runs cannot overwrite each other.
    std::string made = (dir / ".liushou-key-XXXXXX").string();
    if (!::mkdtemp(made.data()))
        throw IoError(fmt::format("{}: cannot write a key there", dir.string()));
    const std::string fresh = made + "/key.txt";
    std::string said;
    const int rc = run_program({"age-keygen", "-o", fresh}, &said, true);
    int linked = -1;
    if (rc == 0) {
        ::chmod(fresh.c_str(), 0600);
        linked = ::link(fresh.c_str(), path.c_str());
    }
    ::unlink(fresh.c_str());
    ::rmdir(made.c_str());
    if (rc < 0) throw UsageError("age-keygen is not installed (apt install age)");
    if (rc != 0) throw IoError(fmt::format("{}: age-keygen failed; no key was made", path));
    if (linked != 0)
        throw UsageError(
            fmt::format("{}: this PC already has a key; liushou never replaces one", path));
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    const std::string pub = public_key(path);
    if (ctx.quiet) {
        ctx.out << pub << "\n";
        return kOk;
    }
    ctx.out << say(
        ctx, fmt::format("made this PC's key: {} (keep it; never copy it into the tree)\n", path));
    ctx.out << say(ctx, "its public key, for liushou key add on every PC of the school:\n");
    ctx.out << pub << "\n";
    return kOk;
}

int run_key_show(Context& ctx) {
    const std::string path = key_path();
    const std::string pub = public_key(path);
    if (pub.empty())
        throw UsageError(
            fmt::format("{}: this PC has no key yet; liushou key new makes one", path));
    ctx.out << pub << "\n";
    return kOk;
}

/// A change of liushou.yaml's recipients under the lock.
template <class Change>
int change_recipients(Context& ctx, const std::string& action, Change change) {
    const Tree tree = open_tree(ctx);
    WriteSession session = tree.lock();
    const auto file = tree.load_school();
    require_writable(file, ctx);
    School school = file.record;
    std::vector<std::string> problems;
    std::vector<Recipient> list = recipients_of(school, &problems);
    if (!problems.empty()) {
        for (const auto& p : problems) ctx.err << fmt::format("{}: {}\n", file.path, p);
        throw DataError("fix liushou.yaml's sync section first; nothing was written");
    }
    const std::string said = change(list);
    set_recipients(school, list);
    ctx.journal->action = action;
    session.write_school(school);
    if (!ctx.quiet) ctx.out << say(ctx, said + "\n");
    return kOk;
}

int run_key_add(const std::string& name, const std::string& key, Context& ctx) {
    if (name.empty() || name.size() > 60 || name.find_first_of("/\\:\t\n") != std::string::npos)
        throw UsageError(fmt::format(
            "{}: a recipient's name is a short word for a PC or person (no / \\ or :)", name));
    if (key.rfind("AGE-SECRET-KEY-", 0) == 0)
        throw UsageError(
            "that is a private key: never give it to liushou key add (nor to anyone); give the "
            "public key, which liushou key show prints on its PC");
    if (!valid_age_recipient(key))
        throw UsageError(fmt::format(
            "{}: not an age public key (age1 and 58 letters and digits, as liushou key show "
            "prints it)",
            key));
    return change_recipients(ctx, "key add " + name, [&](std::vector<Recipient>& list) {
        for (const auto& r : list) {
            if (r.key == key && r.name == name)
                return fmt::format("unchanged: {} is a recipient", name);
            if (r.key == key)
                throw UsageError(fmt::format("that key is already recorded as {}", r.name));
            if (r.name == name)
                throw UsageError(fmt::format(
                    "{} already has another key; liushou key remove {} first", name, name));
        }
        list.push_back(Recipient{name, key});
        return fmt::format("added recipient {}", name);
    });
}

int run_key_remove(const std::string& name, Context& ctx) {
    return change_recipients(ctx, "key remove " + name, [&](std::vector<Recipient>& list) {
        const auto it = std::find_if(list.begin(), list.end(),
                                     [&](const Recipient& r) { return r.name == name; });
        if (it == list.end()) {
            std::string names;
            for (const auto& r : list) names += (names.empty() ? "" : ", ") + r.name;
            throw UsageError(fmt::format("no recipient {} (recipients: {})", name,
                                         names.empty() ? "none" : names));
        }
        list.erase(it);
        return fmt::format("removed recipient {}", name);
    });
}

int run_key_list(Context& ctx) {
    const Tree tree = open_tree(ctx);
    const auto file = tree.load_school();
    require_writable(file, ctx);
    std::vector<std::string> problems;
    const auto list = recipients_of(file.record, &problems);
    for (const auto& p : problems) ctx.err << fmt::format("{}: {}\n", file.path, p);
    const std::string mine = public_key(key_path());
    if (list.empty() && !ctx.quiet)
        ctx.out << say(ctx, "no recipients yet: liushou key add NAME AGE1… records one\n");
    for (const auto& r : list)
        ctx.out << r.name << "\t" << r.key
                << (r.key == mine ? "\t" + say(ctx, "(this PC)") : std::string()) << "\n";
    return problems.empty() ? kOk : kDataProblem;
}

// ---- sync ---------------------------------------------------------------------------------

struct SyncOptions {
    std::string to, from;
    bool full = false, plain = false, status = false, resume = false, abort = false;
};

std::string self_executable() {
    std::string path(4096, '\0');
    const ssize_t n = ::readlink("/proc/self/exe", path.data(), path.size());
    if (n <= 0) return "liushou";
    path.resize(static_cast<size_t>(n));
    return path;
}

/// A file in the sync state folder, removed when it goes out of scope (the decrypted payload
/// and the bundle: plain records, kept only while needed, mode 0600 in .git/).
struct Scratch {
    std::string path;
    Scratch(const SyncRepo& repo, const std::string& name) : path(repo.state_dir() + "/" + name) {
        ::unlink(path.c_str());
        const int fd =
            ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (fd < 0) throw IoError(fmt::format("{}: cannot write", path));
        ::close(fd);
    }
    ~Scratch() { ::unlink(path.c_str()); }
};

/// "s" for a count other than one: the catalogue's "[s]" matches either spelling.
const char* plural_s(size_t n) {
    return n == 1 ? "" : "s";
}

std::string short_id(const std::string& oid) {
    return oid.substr(0, 12);
}

/// This PC's name: the recipient whose key is this PC's, else the host's name.
std::string pc_name(const std::vector<Recipient>& recipients) {
    const std::string mine = public_key(key_path());
    for (const auto& r : recipients)
        if (!mine.empty() && r.key == mine) return r.name;
    char host[256] = {0};
    if (::gethostname(host, sizeof host - 1) == 0 && host[0]) return host;
    return "pc";
}

/// A name as part of a file name: anything but letters, digits, CJK and . _ - becomes _.
std::string file_word(const std::string& s) {
    std::string out;
    for (const unsigned char c : s)
        out += (std::isalnum(c) || c >= 0x80 || c == '.' || c == '_' || c == '-') ? char(c) : '_';
    return out.empty() ? "pc" : out;
}

/// Commits the records written since the last commit (commands run without --commit), so
/// that what is sent, and what is merged into, is the tree as it stands.
void commit_written(const SyncRepo& repo, Context& ctx) {
    std::string changes;
    run_git({"status", "--porcelain", "--untracked-files=all", "--", "liushou.yaml", "staff.yaml",
             "children", "activities"},
            repo.root, &changes);
    if (!changes.empty()) {
        std::string said;
        // Only paths that exist on disk or in git's index: git refuses a pathspec matching
        // nothing (a tree with no activities/ yet).
        std::vector<std::string> add = {"add", "-A", "--"};
        for (const char* p : {"liushou.yaml", "staff.yaml", "children", "activities"}) {
            std::string listed;
            boost::system::error_code ec;
            if (fs::exists(fs::path(repo.root) / p, ec) ||
                (run_git({"ls-files", "--", p}, repo.root, &listed) == 0 && !listed.empty()))
                add.push_back(p);
        }
        if (run_git(add, repo.root) != 0 ||
            run_git({"commit", "-q", "-m", "records written before a sync"}, repo.root, &said,
                    true) != 0)
            throw DataError(fmt::format(
                "{}: the records written since the last commit could not be committed (git "
                "commit failed; liushou check names any problem); nothing was synced",
                repo.root));
        if (!ctx.quiet) ctx.err << "liushou: committed the records written since the last commit\n";
    }
    changes.clear();
    // Anything else changed by hand in tracked files would be mixed into a merge.
    run_git({"status", "--porcelain", "--untracked-files=no"}, repo.root, &changes);
    if (!changes.empty())
        throw UsageError(fmt::format(
            "{}: files outside the records have changes not committed (git status lists them); "
            "commit or undo them first; nothing was synced",
            repo.root));
}

/// Who the commit is by when git knows no name (a PC nobody set git up on).
void identity_env(const SyncRepo& repo, std::vector<std::string>& env) {
    if (run_git({"var", "GIT_COMMITTER_IDENT"}, repo.root) == 0) return;
    for (const char* v : {"GIT_AUTHOR_NAME=liushou", "GIT_AUTHOR_EMAIL=liushou@localhost",
                          "GIT_COMMITTER_NAME=liushou", "GIT_COMMITTER_EMAIL=liushou@localhost"})
        env.push_back(v);
}

std::string read_state_file(const std::string& path) {
    try {
        return read_regular_file(path, path, 1 << 20);
    } catch (const Error&) {
        return "";
    }
}

// The merge waiting for --continue or --abort: GIT_DIR/liushou/sync/pending, and the files to
// edit in GIT_DIR/liushou/sync/conflicts/.
struct Pending {
    std::string old_head, incoming, tree, from, file;
    std::vector<std::string> paths;
};

std::string pending_path(const SyncRepo& repo) {
    return repo.state_dir() + "/pending";
}
std::string conflicts_dir(const SyncRepo& repo) {
    return repo.state_dir() + "/conflicts";
}

std::optional<Pending> read_pending(const SyncRepo& repo) {
    const std::string text = read_state_file(pending_path(repo));
    if (text.empty()) return std::nullopt;
    Pending p;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        const size_t tab = line.find('\t');
        if (tab == std::string::npos) continue;
        const std::string key = line.substr(0, tab), value = line.substr(tab + 1);
        if (key == "old") p.old_head = value;
        if (key == "incoming") p.incoming = value;
        if (key == "tree") p.tree = value;
        if (key == "from") p.from = value;
        if (key == "file") p.file = value;
        if (key == "path") p.paths.push_back(value);
    }
    return p;
}

void drop_pending(const SyncRepo& repo) {
    boost::system::error_code ec;
    fs::remove_all(conflicts_dir(repo), ec);
    ::unlink(pending_path(repo).c_str());
    run_git({"update-ref", "-d", "refs/liushou/sync/incoming"}, repo.root);
}

/// Why a file did not merge, field by field, from its three sides as git staged them.
std::vector<std::string> conflict_reasons(const std::string& path, const std::string& base,
                                          const std::string& ours, const std::string& theirs) {
    const bool school = path == "liushou.yaml";
    const bool record = school || (path.rfind("children/", 0) == 0 && path.size() > 14 &&
                                   path.compare(path.size() - 5, 5, ".yaml") == 0);
    if (!record) return {"changed differently on both sides"};
    const MergeResult r =
        school ? merge_school_files(base, ours, theirs) : merge_child_files(base, ours, theirs);
    std::vector<std::string> out;
    if (r.different_children)
        out.push_back(
            "two different children were given this id on the two PCs (liushou rename gives one "
            "of them another)");
    if (!r.refusal.message.empty()) out.push_back(r.refusal.message);
    for (const auto& c : r.conflicts)
        out.push_back(c.field + ": changed differently on both sides");
    if (out.empty()) out.push_back("changed differently on both sides");
    return out;
}

/// check, run on commit `rev` as this executable: its error lines (with the file named first).
std::vector<std::string> check_errors(const SyncRepo& repo, const std::string& rev, Context& ctx) {
    std::vector<std::string> args = {
        self_executable(), "--root", repo.root, "--rev", rev,
        "--lang",          "en",     "check",   "-q",    "--allow-incomplete"};
    std::string out;
    run_program(args, &out, true);
    (void)ctx;
    std::vector<std::string> errors;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);)
        if (line.find(": error: ") != std::string::npos) errors.push_back(line);
    return errors;
}

/// The merged commit `tree` (parents: ours, theirs) applied to the tree, once check passes on
/// it; otherwise the files it names wait in the conflicts folder, as a conflict's do.
int commit_and_apply(SyncRepo& repo, Tree& tree, WriteSession& session, const Pending& p,
                     Context& ctx) {
    GitCommand c = git_command({"commit-tree", p.tree, "-p", p.old_head, "-p", p.incoming, "-m",
                                "sync: merged from " + p.from},
                               repo.root);
    identity_env(repo, c.env);
    std::string merged;
    if (run_with(c.argv, &c.env, &merged) != 0)
        throw IoError(fmt::format("{}: git commit-tree failed; nothing was changed", repo.root));
    while (!merged.empty() && merged.back() == '\n') merged.pop_back();
    const auto errors = check_errors(repo, merged, ctx);
    if (!errors.empty()) {
        Pending keep = p;
        keep.paths.clear();
        std::set<std::string> files;
        for (const auto& line : errors) {
            ctx.err << say(ctx, line + "\n");
            std::string file = line.substr(0, line.find(':'));
            const std::string root = repo.root + "/";
            if (file.compare(0, root.size(), root) == 0) file = file.substr(root.size());
            files.insert(file);
        }
        for (const auto& f : files)
            if (f.find("..") == std::string::npos) keep.paths.push_back(f);
        // The files check refuses wait in the conflicts folder, to be fixed there.
        boost::system::error_code ec;
        for (const auto& f : keep.paths) {
            std::string blob;
            if (run_git({"cat-file", "blob", p.tree + ":" + f}, repo.root, &blob) != 0) continue;
            const fs::path at = fs::path(conflicts_dir(repo)) / f;
            fs::create_directories(at.parent_path(), ec);
            atomic_write(at.string(), blob, 0600);
        }
        std::string text;
        text += "old\t" + keep.old_head + "\nincoming\t" + keep.incoming + "\ntree\t" + keep.tree +
                "\nfrom\t" + keep.from + "\nfile\t" + keep.file + "\n";
        for (const auto& f : keep.paths) text += "path\t" + f + "\n";
        atomic_write(pending_path(repo), text, 0600);
        ctx.err << fmt::format(
            "liushou: the merged records would not pass check (above); the tree is as before. "
            "Fix the files in {} and run liushou sync --continue, or liushou sync --abort\n",
            conflicts_dir(repo));
        return kDataProblem;
    }
    apply_sync(repo, tree, session, p.old_head, merged);
    repo.head = merged;
    drop_pending(repo);
    return kOk;
}

SyncRepo open_repo(const Tree& tree) {
    return SyncRepo::open(tree.root());
}

/// Runs age with an argument vector (never a shell), its input and output files given.
int run_age(const std::vector<std::string>& args, const std::string& input,
            const std::string& output, std::string& errors) {
    const int rc = run_program_files(args, nullptr, input, output, &errors);
    if (rc < 0) throw UsageError("age is not installed (apt install age); nothing was done");
    return rc;
}

int run_sync_to(const SyncOptions& o, Context& ctx) {
    Tree tree = open_tree(ctx);
    WriteSession session = tree.lock();
    SyncRepo repo = open_repo(tree);
    if (const std::string done = finish_sync_apply(repo, tree, session); !done.empty())
        ctx.err << "liushou: " << done << "\n";
    const auto school = tree.load_school();
    require_writable(school, ctx);
    std::vector<std::string> problems;
    const auto recipients = recipients_of(school.record, &problems);
    if (!problems.empty()) {
        for (const auto& p : problems) ctx.err << fmt::format("{}: {}\n", school.path, p);
        throw DataError("fix liushou.yaml's sync section first; nothing was written");
    }
    if (recipients.empty() && !o.plain)
        throw UsageError(
            "liushou.yaml names no recipient, so the file could be read by anyone who finds "
            "it: liushou key add NAME AGE1… for every PC of the school (--plain writes it "
            "unencrypted)");
    commit_written(repo, ctx);
    repo = SyncRepo::open(repo.root);
    if (repo.head.empty())
        throw UsageError(fmt::format("{}: nothing is committed yet; nothing to sync", repo.root));
    const auto roots = repo.roots();
    const std::string pc = pc_name(recipients);
    // Where: a folder gets <school>-<date>-<PC>.liushou, the school named by its id (the
    // name of a file is the one thing a lost stick shows).
    boost::system::error_code ec;
    fs::path dest(o.to);
    std::string name;
    if (fs::is_directory(dest, ec)) {
        name = fmt::format("{}-{}-{}.liushou", short_id(roots.front()), ctx.today.iso(),
                           file_word(pc));
        dest /= name;
    } else {
        name = dest.filename().string();
        if (!fs::is_directory(dest.parent_path().empty() ? fs::path(".") : dest.parent_path(), ec))
            throw UsageError(fmt::format("{}: no such folder", dest.parent_path().string()));
        if (fs::is_symlink(dest, ec) || (fs::exists(dest, ec) && !fs::is_regular_file(dest, ec)))
            throw UsageError(fmt::format("{}: not a file liushou may replace", dest.string()));
    }
    const fs::path folder = fs::weakly_canonical(fs::absolute(dest).parent_path(), ec);
    // Incremental: the commits the last file written to this folder already carried are left
    // out; when that very file is replaced (twice in a day), what it left out is.
    std::vector<std::string> basis;
    if (!o.full)
        for (const auto& r : read_sync_state(repo))
            if (r.kind == "sent" && r.where == folder.string())
                basis = r.file == name ? r.basis : std::vector<std::string>{r.head};
    basis.erase(std::remove_if(basis.begin(), basis.end(),
                               [&](const std::string& b) {
                                   return !git_ok(repo, {"merge-base", "--is-ancestor", b, "HEAD"});
                               }),
                basis.end());
    if (std::find(basis.begin(), basis.end(), repo.head) != basis.end()) {
        if (!ctx.quiet)
            ctx.out << say(ctx, fmt::format("nothing new since the last sync to {}; nothing "
                                            "written (--full writes the whole history)\n",
                                            folder.string()));
        return kOk;
    }
    Scratch bundle(repo, "out.bundle");
    std::vector<std::string> args = {"bundle", "create", "-q", bundle.path, repo.branch};
    for (const auto& b : basis) args.push_back("^" + b);
    std::string said;
    if (run_git(args, repo.root, &said, true) != 0)
        throw IoError(fmt::format("{}: git bundle create failed; nothing was written", repo.root));
    SyncHeader header{roots.front(), roots, pc, ctx.today.iso(), repo.head};
    Scratch payload(repo, "out.payload");
    atomic_write(payload.path, encode_sync_header(header) + read_file(bundle.path, bundle.path),
                 0600);
    // The file appears whole or not at all: a temporary beside it, then a rename.
    const fs::path tmp = dest.parent_path() / ("." + name + ".tmp");
    fs::remove(tmp, ec);
    {
        const int fd =
            ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (fd < 0)
            throw IoError(fmt::format("{}: cannot write there", tmp.parent_path().string()));
        ::close(fd);
    }
    struct RemoveTmp {
        fs::path p;
        ~RemoveTmp() {
            boost::system::error_code e;
            fs::remove(p, e);
        }
    } remove_tmp{tmp};
    if (o.plain) {
        atomic_write(tmp.string(), read_file(payload.path, payload.path), 0600);
    } else {
        std::vector<std::string> age = {"age", "--encrypt"};
        for (const auto& r : recipients) {
            age.push_back("-r");
            age.push_back(r.key);
        }
        std::string errors;
        if (run_age(age, payload.path, tmp.string(), errors) != 0)
            throw IoError(
                fmt::format("{}: age could not encrypt; nothing was written", tmp.string()));
    }
    {
        const int fd = ::open(tmp.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd >= 0) {
            ::fsync(fd);
            ::close(fd);
        }
    }
    if (::rename(tmp.c_str(), dest.c_str()) != 0)
        throw IoError(fmt::format("{}: cannot write: {}", dest.string(), std::strerror(errno)));
    const int dfd = ::open(dest.parent_path().empty() ? "." : dest.parent_path().c_str(),
                           O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    write_sync_record(repo,
                      SyncRecord{"sent", folder.string(), name, ctx.today.iso(), repo.head, basis});
    if (o.plain)
        ctx.err << "liushou: warning: the file is not encrypted: anyone who finds it can read "
                   "every record in it\n";
    if (!ctx.quiet) {
        const uintmax_t size = fs::file_size(dest, ec);
        const std::string how = basis.empty()
                                    ? std::string("the whole history")
                                    : fmt::format("the commits since {}", short_id(basis.front()));
        ctx.out << say(
            ctx, fmt::format("wrote {} ({} bytes, {}, {})\n", dest.string(), size, how,
                             o.plain ? std::string("not encrypted")
                                     : fmt::format("encrypted to {} recipient{}", recipients.size(),
                                                   plural_s(recipients.size()))));
    }
    return kOk;
}

int run_sync_from(const SyncOptions& o, Context& ctx) {
    Tree tree = open_tree(ctx);
    WriteSession session = tree.lock();
    SyncRepo repo = open_repo(tree);
    if (const std::string done = finish_sync_apply(repo, tree, session); !done.empty())
        ctx.err << "liushou: " << done << "\n";
    if (read_pending(repo))
        throw UsageError(
            "a sync is waiting for its conflicts to be resolved: liushou sync --continue after "
            "editing them, or liushou sync --abort");
    // Read and decrypted before anything of the tree changes.
    const std::string shown = o.from;
    std::string head;
    {
        const int fd = ::open(o.from.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
        if (fd < 0)
            throw UsageError(fmt::format("{}: cannot read: {}", shown, std::strerror(errno)));
        char buf[64] = {0};
        const ssize_t n = ::read(fd, buf, sizeof buf);
        ::close(fd);
        if (n > 0) head.assign(buf, static_cast<size_t>(n));
    }
    Scratch payload(repo, "in.payload");
    bool encrypted = false;
    if (head.rfind("age-encryption.org/v1\n", 0) == 0) {
        encrypted = true;
        const std::string key = key_path();
        if (::access(key.c_str(), R_OK) != 0)
            throw UsageError(fmt::format(
                "{}: this PC has no key ({}), so it cannot open the file; liushou key new makes "
                "one",
                shown, key));
        std::string errors;
        const int rc = run_age({"age", "--decrypt", "-i", key, o.from}, "", payload.path, errors);
        if (rc != 0) {
            if (errors.find("no identity matched") != std::string::npos)
                throw DataError(fmt::format(
                    "{}: not encrypted to this PC's key ({}); the sender adds it with liushou key "
                    "add and syncs again. Nothing was changed",
                    shown, public_key(key)));
            throw DataError(fmt::format(
                "{}: cannot be decrypted: it was changed or cut short after it was written (or "
                "is no sync file); nothing was changed",
                shown));
        }
    } else if (head.rfind("liushou-sync 1\n", 0) == 0) {
        atomic_write(payload.path, read_file(o.from, shown), 0600);
    } else {
        throw DataError(fmt::format("{}: not a liushou sync file; nothing was changed", shown));
    }
    const std::string bytes = read_file(payload.path, payload.path);
    SyncHeader header;
    size_t at = 0;
    BundleHead bundle_head;
    if (!decode_sync_payload(bytes, header, at) ||
        !parse_bundle_head(bytes.substr(at, 1 << 20), bundle_head) || bundle_head.refs.empty())
        throw DataError(
            fmt::format("{}: not a liushou sync file (its header does not read); "
                        "nothing was changed",
                        shown));
    if (!encrypted)
        ctx.err << "liushou: warning: the file was not encrypted (written with --plain)\n";
    // A file from before a purge would bring purged data back (#43: store/purge_history.cpp).
    const PrivacySettings privacy = read_privacy(tree.load_school().record);
    refuse_pre_purge_roots(privacy, header.roots, shown);
    // Another school's file: no root commit in common with this tree.
    const auto roots = repo.roots();
    const bool same_school =
        std::any_of(header.roots.begin(), header.roots.end(), [&](const std::string& r) {
            return std::find(roots.begin(), roots.end(), r) != roots.end();
        });
    if (!same_school)
        throw DataError(fmt::format(
            "{}: the file is another school's (school {}; this tree is school {}); nothing was "
            "changed",
            shown, short_id(header.school), roots.empty() ? "-" : short_id(roots.front())));
    std::vector<std::string> missing;
    for (const auto& p : bundle_head.prerequisites)
        if (!git_ok(repo, {"cat-file", "-e", p + "^{commit}"})) missing.push_back(p);
    if (!missing.empty())
        throw DataError(fmt::format(
            "{}: the file continues an earlier sync this PC has not received ({} commit{} "
            "missing, e.g. {}); ask {} for a full one (liushou sync --to … --full). Nothing was "
            "changed",
            shown, missing.size(), plural_s(missing.size()), short_id(missing.front()),
            header.from));
    Scratch bundle(repo, "in.bundle");
    atomic_write(bundle.path, bytes.substr(at), 0600);
    if (!git_ok(repo, {"bundle", "verify", "-q", bundle.path}))
        throw DataError(
            fmt::format("{}: the bundle inside does not verify (git bundle verify); "
                        "nothing was changed",
                        shown));
    std::string listed;
    if (run_git({"bundle", "unbundle", bundle.path}, repo.root, &listed) != 0)
        throw DataError(
            fmt::format("{}: the bundle inside is damaged (git could not read its "
                        "objects); nothing was changed",
                        shown));
    const std::string incoming = bundle_head.refs.front().first;
    refuse_purged_in_bundle(repo.root, privacy, incoming, shown);
    if (!git_ok(repo, {"update-ref", "refs/liushou/sync/incoming", incoming}))
        throw IoError(fmt::format("{}: git update-ref failed; nothing was changed", repo.root));
    // Only now the tree: records written since the last commit are committed first.
    commit_written(repo, ctx);
    repo = SyncRepo::open(repo.root);
    auto record_received = [&](const std::string& result) {
        write_sync_record(repo, SyncRecord{"received",
                                           header.from,
                                           fs::path(o.from).filename().string(),
                                           header.date,
                                           incoming,
                                           {result}});
    };
    if (git_ok(repo, {"merge-base", "--is-ancestor", incoming, "HEAD"})) {
        run_git({"update-ref", "-d", "refs/liushou/sync/incoming"}, repo.root);
        record_received(repo.head);
        if (!ctx.quiet)
            ctx.out << say(ctx, fmt::format("already up to date with {} (from {}, {})\n", shown,
                                            header.from, header.date));
        return kOk;
    }
    Pending p;
    p.old_head = repo.head;
    p.incoming = incoming;
    p.from = header.from;
    p.file = fs::path(o.from).filename().string();
    int code = kOk;
    if (git_ok(repo, {"merge-base", "--is-ancestor", "HEAD", incoming})) {
        // Theirs holds all of ours: the branch simply moves on, once check passes.
        const auto errors = check_errors(repo, incoming, ctx);
        if (!errors.empty()) {
            for (const auto& line : errors) ctx.err << say(ctx, line + "\n");
            run_git({"update-ref", "-d", "refs/liushou/sync/incoming"}, repo.root);
            throw DataError(fmt::format(
                "{}: the records it brings would not pass check (above); nothing was changed",
                shown));
        }
        apply_sync(repo, tree, session, repo.head, incoming);
        run_git({"update-ref", "-d", "refs/liushou/sync/incoming"}, repo.root);
        repo.head = incoming;
    } else {
        const std::string attributes = repo.state_dir() + "/attributes";
        atomic_write(attributes, "children/*.yaml merge=liushou\nliushou.yaml merge=liushou\n",
                     0600);
        GitCommand m = merge_command({"merge-tree", "--write-tree", "-z", "HEAD", incoming},
                                     repo.root, self_executable(), attributes);
        std::string out;
        const int rc = run_with(m.argv, &m.env, &out);
        if (rc != 0 && rc != 1)
            throw IoError(fmt::format("{}: git merge-tree failed; nothing was changed", repo.root));
        const auto nul = out.find('\0');
        p.tree = out.substr(0, nul);
        if (rc == 1) {
            // Conflicts: staged entries "mode oid stage\tpath", then an empty one, then messages.
            std::map<std::string, std::array<std::string, 3>> staged;
            std::vector<std::string> order;
            for (size_t i = nul + 1; i < out.size();) {
                const size_t end = std::min(out.find('\0', i), out.size());
                const std::string entry = out.substr(i, end - i);
                i = end + 1;
                if (entry.empty()) break;
                const size_t tab = entry.find('\t');
                if (tab == std::string::npos) continue;
                std::istringstream f(entry.substr(0, tab));
                std::string mode, oid;
                int stage = 0;
                f >> mode >> oid >> stage;
                const std::string path = entry.substr(tab + 1);
                if (!staged.count(path)) order.push_back(path);
                if (stage >= 1 && stage <= 3) staged[path][static_cast<size_t>(stage - 1)] = oid;
            }
            boost::system::error_code ec;
            fs::remove_all(conflicts_dir(repo), ec);
            for (const auto& path : order) {
                const auto& sides = staged[path];
                std::string texts[3];
                for (size_t s = 0; s < 3; ++s)
                    if (!sides[s].empty())
                        run_git({"cat-file", "blob", sides[s]}, repo.root, &texts[s]);
                const auto reasons =
                    sides[1].empty() || sides[2].empty()
                        ? std::vector<std::string>{"changed on one side and removed on the other"}
                        : conflict_reasons(path, texts[0], texts[1], texts[2]);
                for (const auto& r : reasons) ctx.err << say(ctx, fmt::format("{}: {}\n", path, r));
                std::string marked;
                if (run_git({"cat-file", "blob", p.tree + ":" + path}, repo.root, &marked) != 0)
                    marked = texts[1];
                const fs::path file = fs::path(conflicts_dir(repo)) / path;
                fs::create_directories(file.parent_path(), ec);
                atomic_write(file.string(), marked, 0600);
                p.paths.push_back(path);
            }
            std::string text = "old\t" + p.old_head + "\nincoming\t" + p.incoming + "\ntree\t" +
                               p.tree + "\nfrom\t" + p.from + "\nfile\t" + p.file + "\n";
            for (const auto& f : p.paths) text += "path\t" + f + "\n";
            atomic_write(pending_path(repo), text, 0600);
            ctx.err << fmt::format(
                "liushou: {} conflict{} the merge cannot settle (above); the tree is as before. "
                "Edit the file{} in {} (keep one side between <<<<<<< ours and >>>>>>> theirs), "
                "then liushou sync --continue; or liushou sync --abort\n",
                p.paths.size(), plural_s(p.paths.size()), plural_s(p.paths.size()),
                conflicts_dir(repo));
            return kDataProblem;
        }
        code = commit_and_apply(repo, tree, session, p, ctx);
        if (code != kOk) return code;
    }
    record_received(repo.head);
    if (!ctx.quiet)
        ctx.out << say(ctx, fmt::format("synced {} (from {}, {}): the tree is at {}\n", shown,
                                        header.from, header.date, short_id(repo.head)));
    return code;
}

int run_sync_continue(Context& ctx) {
    Tree tree = open_tree(ctx);
    WriteSession session = tree.lock();
    SyncRepo repo = open_repo(tree);
    const auto pending = read_pending(repo);
    if (!pending) throw UsageError("no sync is waiting; nothing to continue");
    Pending p = *pending;
    if (repo.head != p.old_head)
        throw UsageError(
            "the tree has new commits since the sync stopped; liushou sync --abort, then sync "
            "the file again");
    // Every file to fix, as edited: no conflict marker left, and a record that reads.
    GitCommand idx = git_command({"read-tree", p.tree}, repo.root);
    const std::string index = repo.state_dir() + "/merge.index";
    ::unlink(index.c_str());
    idx.env.push_back("GIT_INDEX_FILE=" + index);
    if (run_with(idx.argv, &idx.env) != 0)
        throw IoError(fmt::format("{}: git read-tree failed; nothing was changed", repo.root));
    int left = 0;
    for (const auto& path : p.paths) {
        const std::string file = conflicts_dir(repo) + "/" + path;
        std::string text;
        try {
            text = read_regular_file(file, file, kMaxRecordBytes);
        } catch (const Error&) {
            text.clear();
        }
        if (text.find("<<<<<<< ") != std::string::npos ||
            text.find(">>>>>>> ") != std::string::npos) {
            ctx.err << fmt::format("{}: a conflict is still marked (<<<<<<< … >>>>>>>)\n", file);
            ++left;
            continue;
        }
        std::string blob;
        GitCommand h = git_command({"hash-object", "-w", "--no-filters", file}, repo.root);
        if (run_with(h.argv, &h.env, &blob) != 0)
            throw IoError(fmt::format("{}: git hash-object failed", file));
        while (!blob.empty() && blob.back() == '\n') blob.pop_back();
        GitCommand u = git_command(
            {"update-index", "--add", "--cacheinfo", "100644," + blob + "," + path}, repo.root);
        u.env.push_back("GIT_INDEX_FILE=" + index);
        if (run_with(u.argv, &u.env) != 0)
            throw IoError(fmt::format("{}: git update-index failed", path));
    }
    if (left > 0) {
        ::unlink(index.c_str());
        throw DataError(
            "resolve every conflict first (or liushou sync --abort); nothing was changed");
    }
    GitCommand w = git_command({"write-tree"}, repo.root);
    w.env.push_back("GIT_INDEX_FILE=" + index);
    std::string tree_id;
    const int rc = run_with(w.argv, &w.env, &tree_id);
    ::unlink(index.c_str());
    if (rc != 0) throw IoError(fmt::format("{}: git write-tree failed", repo.root));
    while (!tree_id.empty() && tree_id.back() == '\n') tree_id.pop_back();
    p.tree = tree_id;
    const int code = commit_and_apply(repo, tree, session, p, ctx);
    if (code != kOk) return code;
    write_sync_record(
        repo, SyncRecord{"received", p.from, p.file, ctx.today.iso(), p.incoming, {repo.head}});
    if (!ctx.quiet)
        ctx.out << say(ctx, fmt::format("synced {} (from {}): the tree is at {}\n", p.file, p.from,
                                        short_id(repo.head)));
    return kOk;
}

int run_sync_abort(Context& ctx) {
    Tree tree = open_tree(ctx);
    WriteSession session = tree.lock();
    SyncRepo repo = open_repo(tree);
    if (!read_pending(repo)) throw UsageError("no sync is waiting; nothing to abort");
    drop_pending(repo);
    if (!ctx.quiet) ctx.out << say(ctx, "sync aborted; the tree is as before\n");
    return kOk;
}

int run_sync_status(Context& ctx) {
    const Tree tree = open_tree(ctx);
    const SyncRepo repo = open_repo(tree);
    const auto records = read_sync_state(repo);
    if (records.empty() && !ctx.quiet)
        ctx.out << say(ctx, "no sync yet: liushou sync --to FOLDER writes a file\n");
    for (const auto& r : records) {
        if (r.kind == "sent")
            ctx.out << say(ctx,
                           fmt::format("sent to {}: {} on {} ({}, {})\n", r.where, r.file, r.date,
                                       short_id(r.head),
                                       r.basis.empty() ? std::string("the whole history")
                                                       : "since " + short_id(r.basis.front())));
        else
            ctx.out << say(ctx, fmt::format("received from {}: {} of {} ({})\n", r.where, r.file,
                                            r.date, short_id(r.head)));
    }
    if (const auto p = read_pending(repo))
        ctx.out << say(
            ctx, fmt::format("waiting: {} from {}, {} file{} to resolve in {}\n", p->file, p->from,
                             p->paths.size(), plural_s(p->paths.size()), conflicts_dir(repo)));
    return kOk;
}

}  // namespace

void setup_key(CLI::App& cmd, Runner& run) {
    cmd.require_subcommand(1);
    CLI::App* make = cmd.add_subcommand(
        "new",
        "Make this PC's age key ($LIUSHOU_KEY, else ~/.config/liushou/key.txt; never in "
        "the tree) and print its public key");
    make->callback([&run] { run = [](Context& ctx) { return run_key_new(ctx); }; });
    CLI::App* show = cmd.add_subcommand("show", "Print this PC's public key (age1…)");
    show->callback([&run] { run = [](Context& ctx) { return run_key_show(ctx); }; });
    auto add_o = std::make_shared<std::pair<std::string, std::string>>();
    CLI::App* add = cmd.add_subcommand(
        "add", "Record a PC's public key in liushou.yaml: sync files are encrypted to it");
    add->add_option("name", add_o->first, "A short name for the PC or person")->required();
    add->add_option("key", add_o->second, "Its public key (age1…, from liushou key show)")
        ->required();
    add->callback([add_o, &run] {
        run = [add_o](Context& ctx) { return run_key_add(add_o->first, add_o->second, ctx); };
    });
    CLI::App* list = cmd.add_subcommand("list", "List the recipients in liushou.yaml");
    list->callback([&run] { run = [](Context& ctx) { return run_key_list(ctx); }; });
    auto remove_o = std::make_shared<std::string>();
    CLI::App* remove = cmd.add_subcommand("remove", "Remove a recipient from liushou.yaml");
    remove->add_option("name", *remove_o, "The recipient's name")->required();
    remove->callback([remove_o, &run] {
        run = [remove_o](Context& ctx) { return run_key_remove(*remove_o, ctx); };
    });
}

void setup_sync(CLI::App& cmd, Runner& run) {
    auto o = std::make_shared<SyncOptions>();
    auto* to = cmd.add_option("--to", o->to,
                              "Write the tree's history, encrypted, to this file or folder (a "
                              "USB stick)")
                   ->type_name("PATH");
    auto* from =
        cmd.add_option("--from", o->from, "Merge a file written by sync --to on another PC")
            ->type_name("FILE");
    auto* status = cmd.add_flag("--status", o->status,
                                "What was last sent and received, per "
                                "folder and PC");
    auto* resume = cmd.add_flag("--continue", o->resume,
                                "Finish a sync stopped by conflicts, once they are edited");
    auto* abort = cmd.add_flag("--abort", o->abort, "Drop a sync stopped by conflicts");
    cmd.add_flag("--full", o->full, "With --to: the whole history, not only what is new")
        ->needs(to);
    cmd.add_flag("--plain", o->plain, "With --to: write the file unencrypted (a warning says so)")
        ->needs(to);
    for (auto* a : {to, from, status, resume, abort})
        for (auto* b : {to, from, status, resume, abort})
            if (a != b) a->excludes(b);
    cmd.callback([o, &run] {
        run = [o](Context& ctx) {
            if (!o->to.empty()) return run_sync_to(*o, ctx);
            if (!o->from.empty()) return run_sync_from(*o, ctx);
            if (o->resume) return run_sync_continue(ctx);
            if (o->abort) return run_sync_abort(ctx);
            if (o->status) return run_sync_status(ctx);
            throw UsageError("give --to PATH, --from FILE, --status, --continue or --abort");
        };
    });
}

std::vector<std::pair<std::string, std::string>> sync_problems(const std::string& root,
                                                               const School* school) {
    std::vector<std::pair<std::string, std::string>> out;
    if (school) {
        std::vector<std::string> problems;
        recipients_of(*school, &problems);
        for (const auto& p : problems) out.emplace_back("liushou.yaml", p);
    }
    // A private key anywhere in the tree would be committed and travel with every clone.
    boost::system::error_code ec;
    for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (it->symlink_status(ec).type() == fs::directory_file) {
            if (name == ".git" || name == ".liushou") it.disable_recursion_pending();
            continue;
        }
        if (it->symlink_status(ec).type() != fs::regular_file) continue;
        std::string text;
        try {
            text = read_regular_file(it->path().string(), name, 64u << 20);
        } catch (const Error&) {
            continue;
        }
        if (text.find(kSecretPrefix) != std::string::npos)
            out.emplace_back(fs::relative(it->path(), root, ec).string(),
                             "holds an age private key (AGE-SECRET-KEY-…): remove it from the "
                             "tree and make a new key (liushou key new), since this one may "
                             "have been copied");
    }
    return out;
}

}  // namespace liushou
