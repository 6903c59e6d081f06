// liushou key (#42): records travel between PCs with no server as one file
// on a USB stick, a git bundle of the tree's branch encrypted with age to every PC the school
// recorded (liushou.yaml: sync.recipients, public keys only). See man liushou-sync(1), whose
// threat model these files keep: nothing of the records leaves the PC unencrypted (unless
// --plain), a file that was changed or cut short is refused whole, and a sync killed at any
// point leaves the tree as it was or fully synced.
//
// This file: this PC's age key (outside the tree) and the recipients in liushou.yaml.
#include <sys/stat.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <boost/filesystem.hpp>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <optional>

#include "liushou/i18n.hpp"
#include "sync_parts.hpp"

namespace liushou {

namespace fs = boost::filesystem;

namespace sync_detail {

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
            if (problems) problems->push_back(N_("sync: not a mapping of settings"));
            continue;
        }
        if (!node.IsMap()) {
            if (problems) problems->push_back(N_("sync: not a mapping of settings"));
            continue;
        }
        const YAML::Node list = node["recipients"];
        if (!list) continue;
        if (!list.IsSequence()) {
            if (problems) problems->push_back(N_("sync.recipients: expected a list"));
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
                        N_("sync.recipients[{}]: needs a name and an age public key (age1…)"), i));
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
        throw UsageError(fmt::format(N_("{}: the key would be inside the tree {}, and could be "
                                        "committed; set LIUSHOU_KEY to "
                                        "a file outside it"),
                                     key, root));
}

int run_key_new(Context& ctx) {
    const std::string path = key_path();
    require_outside_tree(path, ctx);
    boost::system::error_code ec;
    if (fs::symlink_status(path, ec).type() != fs::file_not_found)
        throw UsageError(fmt::format(
            N_("{}: this PC already has a key; liushou never replaces one (what was sent to it "
               "could no longer be read). liushou key show prints its public key"),
            path));
    const fs::path dir = fs::absolute(path).parent_path();
    if (!fs::exists(dir, ec)) {
        fs::create_directories(dir, ec);
        if (ec)
            throw IoError(
                fmt::format(N_("{}: cannot make the folder: {}"), dir.string(), ec.message()));
        fs::permissions(dir, fs::owner_all, ec);
    }
    // age-keygen writes a new file mode 0600 in a private folder beside the key, which is then
    // linked into place: link() never replaces a file, so two runs cannot overwrite each other.
    std::optional<TempDir> made;
    try {
        made.emplace(".liushou-key", dir.string());
    } catch (const IoError&) {
        throw IoError(fmt::format(N_("{}: cannot write a key there"), dir.string()));
    }
    const std::string fresh = made->path() + "/key.txt";
    std::string said;
    const int rc = run_program({"age-keygen", "-o", fresh}, &said, true);
    int linked = -1;
    if (rc == 0) {
        ::chmod(fresh.c_str(), 0600);
        linked = ::link(fresh.c_str(), path.c_str());
    }
    made.reset();  // the fresh file with it: the key is linked in place or not made
    if (rc < 0) throw UsageError(N_("age-keygen is not installed (apt install age)"));
    if (rc != 0) throw IoError(fmt::format(N_("{}: age-keygen failed; no key was made"), path));
    if (linked != 0)
        throw UsageError(
            fmt::format(N_("{}: this PC already has a key; liushou never replaces one"), path));
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
        ctx, fmt::format(N_("made this PC's key: {} (keep it; never copy it into the tree)") "\n",
                         path));
    ctx.out << say(ctx, N_("its public key, for liushou key add on every PC of the school:") "\n");
    ctx.out << pub << "\n";
    return kOk;
}

int run_key_show(Context& ctx) {
    const std::string path = key_path();
    const std::string pub = public_key(path);
    if (pub.empty())
        throw UsageError(
            fmt::format(N_("{}: this PC has no key yet; liushou key new makes one"), path));
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
        throw DataError(N_("fix liushou.yaml's sync section first; nothing was written"));
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
            N_("{}: a recipient's name is a short word for a PC or person (no / \\ or :)"), name));
    if (key.rfind("AGE-SECRET-KEY-", 0) == 0)
        throw UsageError(
            N_("that is a private key: never give it to liushou key add (nor to anyone); give the "
               "public key, which liushou key show prints on its PC"));
    if (!valid_age_recipient(key))
        throw UsageError(fmt::format(
            N_("{}: not an age public key (age1 and 58 letters and digits, as liushou key show "
               "prints it)"),
            key));
    return change_recipients(ctx, "key add " + name, [&](std::vector<Recipient>& list) {
        for (const auto& r : list) {
            if (r.key == key && r.name == name)
                return fmt::format(N_("unchanged: {} is a recipient"), name);
            if (r.key == key)
                throw UsageError(fmt::format(N_("that key is already recorded as {}"), r.name));
            if (r.name == name)
                throw UsageError(fmt::format(
                    N_("{} already has another key; liushou key remove {} first"), name, name));
        }
        list.push_back(Recipient{name, key});
        return fmt::format(N_("added recipient {}"), name);
    });
}

int run_key_remove(const std::string& name, Context& ctx) {
    return change_recipients(ctx, "key remove " + name, [&](std::vector<Recipient>& list) {
        const auto it = std::find_if(list.begin(), list.end(),
                                     [&](const Recipient& r) { return r.name == name; });
        if (it == list.end()) {
            std::string names;
            for (const auto& r : list) names += (names.empty() ? "" : ", ") + r.name;
            throw UsageError(fmt::format(N_("no recipient {} (recipients: {})"), name,
                                         names.empty() ? "none" : names));
        }
        list.erase(it);
        return fmt::format(N_("removed recipient {}"), name);
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
        ctx.out << say(ctx, N_("no recipients yet: liushou key add NAME AGE1… records one") "\n");
    for (const auto& r : list)
        ctx.out << r.name << "\t" << r.key
                << (r.key == mine ? "\t" + say(ctx, N_("(this PC)")) : std::string()) << "\n";
    return problems.empty() ? kOk : kDataProblem;
}

}  // namespace sync_detail

using namespace sync_detail;

void setup_key(CLI::App& cmd, Runner& run) {
    cmd.require_subcommand(1);
    CLI::App* make = cmd.add_subcommand(
        "new", N_("Make this PC's age key ($LIUSHOU_KEY, else ~/.config/liushou/key.txt; never in "
                  "the tree) and print its public key"));
    make->callback([&run] { run = [](Context& ctx) { return run_key_new(ctx); }; });
    CLI::App* show = cmd.add_subcommand("show", N_("Print this PC's public key (age1…)"));
    show->callback([&run] { run = [](Context& ctx) { return run_key_show(ctx); }; });
    auto add_o = std::make_shared<std::pair<std::string, std::string>>();
    CLI::App* add = cmd.add_subcommand(
        "add", N_("Record a PC's public key in liushou.yaml: sync files are encrypted to it"));
    add->add_option("name", add_o->first, N_("A short name for the PC or person"))->required();
    add->add_option("key", add_o->second, N_("Its public key (age1…, from liushou key show)"))
        ->required();
    add->callback([add_o, &run] {
        run = [add_o](Context& ctx) { return run_key_add(add_o->first, add_o->second, ctx); };
    });
    CLI::App* list = cmd.add_subcommand("list", N_("List the recipients in liushou.yaml"));
    list->callback([&run] { run = [](Context& ctx) { return run_key_list(ctx); }; });
    auto remove_o = std::make_shared<std::string>();
    CLI::App* remove = cmd.add_subcommand("remove", N_("Remove a recipient from liushou.yaml"));
    remove->add_option("name", *remove_o, N_("The recipient's name"))->required();
    remove->callback([remove_o, &run] {
        run = [remove_o](Context& ctx) { return run_key_remove(*remove_o, ctx); };
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
                             N_("holds an age private key (AGE-SECRET-KEY-…): remove it from the "
                                "tree and make a new key (liushou key new), since this one may "
                                "have been copied"));
    }
    return out;
}

}  // namespace liushou
