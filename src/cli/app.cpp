// The command table and the one place errors become messages and exit codes.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <sstream>
#include <thread>

#include "cli.hpp"
#include "liushou/care.hpp"
#include "liushou/error.hpp"
#include "liushou/records.hpp"
#include "liushou/store.hpp"
#include "liushou/text.hpp"

#ifndef LIUSHOU_VERSION
#define LIUSHOU_VERSION "0.0.0"
#endif

namespace liushou {

namespace {

struct CommandSpec {
    const char* name;
    const char* summary;
    void (*setup)(CLI::App&, Runner&);
};

// The whole command surface in one place.
const CommandSpec kCommands[] = {
    {"init", "Create a records tree for a school", setup_init},
    {"enroll", "Add or update children, one by options or many from a sheet", setup_enroll},
    {"check", "Validate every file of the tree and report all problems", setup_check},
    {"list", "List children, filtered, as a table, JSON or CSV", setup_list},
    {"staff", "Keep the teacher list (staff.yaml)", setup_staff},
    {"pair", "Pair children with teachers and buddies; help plans and progress", setup_pair},
    {"log-talk", "Record talks, home visits, family calls and meetings", setup_log_talk},
    {"schedule", "The month's checklist: plan, events, talks owed, birthdays, follow-ups",
     setup_schedule},
    {"report", "Reports: the summary with every rate, a child's card, a class, a month's talks",
     setup_report},
    {"school", "The school's settings in liushou.yaml: name, county, language, rules",
     setup_school},
    {"group", "The leading group (领导小组): add and remove its people", setup_group},
    {"activity", "School activities (集体活动): record one for all who took part, list them",
     setup_activity},
    {"plan", "The month-by-month work plan: list its tasks, tick them off", setup_plan},
    {"county", "A county's schools: the manifest (county.yaml) and each school's state",
     setup_county},
    {"rename", "Give a child a new id: its file, its id and every buddy reference", setup_rename},
    {"merge-file", "git's merge driver for children's files (set up by init)", setup_merge_file},
    {"completion", "Print the bash or zsh completion script", setup_completion},
};

}  // namespace

void TerminalProgress::update(const char* what, size_t done, size_t total) {
    // Small jobs finish before anyone could read a counter.
    if (total < kMinimum) return;
    const int step = static_cast<int>(done * 10 / total);  // every tenth, so output stays small
    if (what != what_) {
        what_ = what;
        step_ = -1;
    }
    if (step == step_) return;
    step_ = step;
    const std::string line = fmt::format("{} {}/{}", what, done, total);
    err_ << "\r" << line;
    if (done == total) err_ << "\r" << std::string(line.size() + 8, ' ') << "\r";
    err_.flush();
}

std::string commit_message(const WriteJournal& journal) {
    // Ids and the action only: a commit message travels with every clone and push, so it must
    // never carry a name, a phone number or a note.
    std::vector<std::string> ids;
    for (const auto& f : journal.files)
        if (f.rfind("children/", 0) == 0 && f.size() > 14)
            ids.push_back(f.substr(9, f.size() - 9 - 5));
    std::string subject = journal.action;
    if (subject.empty()) subject = "liushou";
    std::string body;
    if (ids.size() > 1 || (ids.size() == 1 && journal.action.find(ids[0]) == std::string::npos)) {
        subject += fmt::format(": {} {}", ids.size(), ids.size() == 1 ? "child" : "children");
        for (const auto& id : ids) body += id + "\n";
    }
    return body.empty() ? subject : subject + "\n\n" + body;
}

void commit_if_asked(Context& ctx) {
    const WriteJournal& journal = *ctx.journal;
    if (journal.files.empty()) return;
    bool asked = ctx.commit;
    if (!asked) {
        const Loaded<School> school = Tree(journal.root).load_school();
        asked = school.parsed && school.record.git_commit;
    }
    if (!asked) return;
    std::string inside;
    if (run_git({"rev-parse", "--is-inside-work-tree"}, journal.root, &inside) != 0)
        throw IoError(
            fmt::format("{}: --commit: the tree is not in a git repository (the files "
                        "were written; run git init)",
                        journal.root));
    std::vector<std::string> add = {"add", "--"};
    add.insert(add.end(), journal.files.begin(), journal.files.end());
    std::vector<std::string> commit = {"commit", "-q", "-m", commit_message(journal), "--"};
    commit.insert(commit.end(), journal.files.begin(), journal.files.end());
    // We still hold liushou's lock (the journal's handle), so no other liushou is committing;
    // git's own index lock may still be held for a moment by someone's git command: wait for it.
    std::string git_dir;
    run_git({"rev-parse", "--absolute-git-dir"}, journal.root, &git_dir);
    while (!git_dir.empty() && git_dir.back() == '\n') git_dir.pop_back();
    const std::string index_lock = git_dir + "/index.lock";
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    auto attempt = [&](const std::vector<std::string>& args) {
        for (;;) {
            if (run_git(args, journal.root) == 0) return true;
            if (git_dir.empty() || ::access(index_lock.c_str(), F_OK) != 0 ||
                std::chrono::steady_clock::now() > deadline)
                return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    };
    if (!attempt(add) || !attempt(commit))
        throw IoError(
            fmt::format("{}: --commit: git commit failed (the files were written; see "
                        "git status, and liushou check --staged if a hook refused)",
                        journal.root));
    if (!ctx.quiet) {
        std::string head;
        run_git({"rev-parse", "--short", "HEAD"}, journal.root, &head);
        while (!head.empty() && head.back() == '\n') head.pop_back();
        ctx.out << fmt::format("committed {} ({} file{})\n", head, journal.files.size(),
                               journal.files.size() == 1 ? "" : "s");
    }
}

std::string partial_write_note(const IoError& e, size_t written, const std::string& sheet,
                               const std::string& command) {
    return fmt::format(
        "{}\n{}: {} file{} had been written before this one; once the cause is "
        "fixed, run the same {} again to finish (rows already written are left "
        "as they are)",
        e.what(), sheet, written, written == 1 ? "" : "s", command);
}

void print_problems(std::ostream& os, const std::string& path, const Problems& problems) {
    Problems sorted = problems;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Problem& a, const Problem& b) {
        return std::make_pair(a.line, a.col) < std::make_pair(b.line, b.col);
    });
    for (const auto& p : sorted) {
        // check prints to standard output, which is not masked as a whole: the message is.
        os << fmt::format("{}:{}:{}: {}: {}{}\n", path, p.line > 0 ? p.line : 1,
                          p.col > 0 ? p.col : 1,
                          p.severity == Severity::error ? "error" : "warning",
                          p.field.empty() ? "" : p.field + ": ", mask_private_numbers(p.message));
    }
}

TreeOptions tree_options(const Context& ctx, const std::string& root) {
    TreeOptions o;
    o.root = root;
    o.use_cache = !ctx.no_cache;
    o.jobs = ctx.jobs;
    o.lock_timeout = ctx.lock_timeout;
    o.journal = ctx.journal;
    o.progress = ctx.progress;
    o.fault = ctx.fault;
    o.rev = ctx.rev;
    return o;
}

Tree open_tree(const Context& ctx) {
    if (!ctx.county.empty())
        throw UsageError("--county is for report, list and county status; give --root DIR");
    if (!ctx.roots.empty()) return Tree::open(tree_options(ctx, ctx.roots.front()));
    TreeOptions o = tree_options(ctx, ctx.env_root);
    if (!o.root.empty()) o.root_from = "LIUSHOU_ROOT";
    return Tree::open(o);
}

/// 3-2, or 三年级2班 as people write it.
std::pair<int, int> class_option(const std::string& option, const std::string& text) {
    const auto parsed = parse_class(text);
    if (!parsed)
        throw UsageError(fmt::format(
            "{} {}: write the class as 3-2, 三年级二班 or 三(2)班 (grade 1 to 6)", option, text));
    return *parsed;
}

Month month_option(const std::string& value, const Date& today) {
    if (value.empty()) return Month{today.year, today.month};
    const auto parsed = parse_month(value);
    if (!parsed) throw UsageError(fmt::format("--month {}: write the month as 2026-03", value));
    return *parsed;
}

std::string output_language(const Context& ctx, const School* school) {
    if (!ctx.lang.empty()) return ctx.lang;
    if (school && (school->rules.language == "en" || school->rules.language == "zh"))
        return school->rules.language;
    return "zh";
}

Child load_child_for_write(const Tree& tree, const std::string& id, Context& ctx) {
    if (!tree.child_exists(id)) throw UsageError(fmt::format("no child {}", id));
    const Loaded<Child> file = tree.load_child(id);
    require_writable(file, ctx);
    if (file.record.id != id) {
        const auto at = file.where.find("id");
        throw DataError(
            fmt::format("the file says id {}, its name says {}; fix one first", file.record.id, id),
            file.path, at.first, at.second);
    }
    return file.record;
}

void require_new_child_id(const Tree& tree, const std::string& id) {
    const std::string why = new_id_error(id);
    if (!why.empty()) throw UsageError(why);
    for (const auto& other : tree.child_ids())
        if (other != id && fold_case(other) == fold_case(id))
            throw UsageError(
                fmt::format("the id {} differs from {} only in case; on Windows and "
                            "macOS they would be one file",
                            id, other));
}

std::string encode_output(const std::string& text, bool csv, const std::string& encoding,
                          bool to_file) {
    if (!encoding.empty() && !csv)
        throw UsageError("--encoding is for CSV; it goes with --format csv");
    if (!csv) return text;
    const CsvEncoding e = encoding == "gb18030"     ? CsvEncoding::gb18030
                          : encoding == "utf-8"     ? CsvEncoding::utf8
                          : encoding == "utf-8-bom" ? CsvEncoding::utf8_bom
                          : to_file                 ? CsvEncoding::utf8_bom
                                                    : CsvEncoding::utf8;
    return encode_csv(text, e);
}

std::string child_argument(const std::vector<const Child*>& children, const std::string& text) {
    for (const Child* c : children)
        if (c->id == text) return text;
    std::vector<const Child*> named;
    for (const Child* c : children)
        if (!trim(text).empty() && c->name == trim(text)) named.push_back(c);
    if (named.size() > 1) throw UsageError(shared_name_error(text, named));
    if (!named.empty()) return named.front()->id;
    // Ids are ASCII: a Chinese word that is nobody's name is no child at all.
    if (std::any_of(text.begin(), text.end(), [](char ch) { return ch & 0x80; }))
        throw UsageError(
            fmt::format("no child {} (no child has that name, and it is not an id)", trim(text)));
    return text;
}

std::string child_argument(const Tree& tree, const std::string& text, Context& ctx) {
    if (child_id_error(text).empty() && tree.child_exists(text)) return text;
    std::ostringstream quiet;  // a file that cannot be read is check's business, not this one's
    bool skipped = false;
    const std::vector<Child> all = readable_children(tree, ctx, quiet, skipped);
    std::vector<const Child*> refs;
    refs.reserve(all.size());
    for (const auto& c : all) refs.push_back(&c);
    return child_argument(refs, text);
}

std::vector<Child> readable_children(const Tree& tree, Context& ctx, bool& skipped, int* errors) {
    return readable_children(tree, ctx, ctx.err, skipped, errors);
}

std::vector<Child> readable_children(const Tree& tree, Context&, std::ostream& err, bool& skipped,
                                     int* errors) {
    auto files = tree.load_children();
    std::vector<Child> out;
    out.reserve(files.size());
    for (auto& file : files) {
        if (errors)
            for (const auto& p : file.problems) *errors += p.severity == Severity::error;
        if (!file.parsed) {
            err << fmt::format("{}: skipped, it cannot be read (run liushou check)\n", file.path);
            skipped = true;
            continue;
        }
        // A copy such as children/2025-001.old.yaml says id 2025-001: counting it would count
        // the child twice. Only a file named after the id it holds is a child's file.
        if (file.record.id != file.id) {
            err << fmt::format(
                "{}: skipped, it says id {} but is named {}.yaml (a copy? "
                "run liushou check)\n",
                file.path, file.record.id.empty() ? "(none)" : file.record.id, file.id);
            continue;
        }
        out.push_back(std::move(file.record));
    }
    return out;
}

std::vector<Child> writable_children(const Tree& tree, Context& ctx) {
    // A batch write rewrites some of these records: each is decoded from the bytes on disk
    // under the lock, never taken from the cache, which could hold a version a hand edit
    // has since replaced.
    Tree fresh = tree;
    fresh.set_cache(false);
    auto files = fresh.load_children();
    std::vector<Child> out;
    out.reserve(files.size());
    bool unreadable = false;
    for (auto& file : files) {
        if (!file.writable()) {
            print_problems(ctx.err, file.path, file.problems);
            unreadable = true;
            continue;
        }
        // A copy under another name is neither matched nor written: writing it back would
        // replace the real file of the id it holds.
        if (file.record.id != file.id) {
            ctx.err << fmt::format("{}: ignored, it says id {} but is named {}.yaml\n", file.path,
                                   file.record.id.empty() ? "(none)" : file.record.id, file.id);
            continue;
        }
        out.push_back(std::move(file.record));
    }
    if (unreadable)
        throw DataError(
            "some children's files cannot be read (above); fix them first so the "
            "rows can be matched to children");
    return out;
}

Encoding parse_encoding(const std::string& name) {
    if (name == "auto") return Encoding::automatic;
    if (name == "utf-8" || name == "utf8") return Encoding::utf8;
    if (name == "gb18030" || name == "gbk") return Encoding::gb18030;
    throw UsageError(fmt::format("--encoding {}: use auto, utf-8 or gb18030", name));
}

StaffList load_staff_checked(const Tree& tree, Context& ctx) {
    const Loaded<StaffList> staff = tree.load_staff();
    require_writable(staff, ctx);
    return staff.record;
}

Date date_option(const std::string& option, const std::string& text, const Date& fallback,
                 const Date& today) {
    if (text.empty()) return fallback;
    const DateParse parsed = parse_flexible_date(text);
    if (!parsed.date) throw DataError(option + ": " + parsed.error);
    if (*parsed.date > today)
        throw DataError(fmt::format("{}: {} is in the future", option, parsed.date->iso()));
    return *parsed.date;
}

namespace {

/// Today's local date, or LIUSHOU_TODAY (YYYY-MM-DD) when set; throws UsageError if malformed.
Date today_from_environment() {
    const char* forced = std::getenv("LIUSHOU_TODAY");
    if (forced && *forced) {
        const DateParse parsed = parse_iso_date(forced);
        if (!parsed.date) throw UsageError("LIUSHOU_TODAY: " + parsed.error);
        return *parsed.date;
    }
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

/// Every LIUSHOU_* variable, read here and nowhere else (LIUSHOU_TODAY too, above).
void read_environment(Context& ctx) {
    auto get = [](const char* name) -> std::string {
        const char* v = std::getenv(name);
        return v ? v : "";
    };
    ctx.env_root = get("LIUSHOU_ROOT");
    if (ctx.jobs == 0) ctx.jobs = std::max(0, std::min(std::atoi(get("LIUSHOU_JOBS").c_str()), 64));
    if (const int t = std::atoi(get("LIUSHOU_LOCK_TIMEOUT").c_str()); t > 0) ctx.lock_timeout = t;
    if (const std::string spec = get("LIUSHOU_FAULT"); !spec.empty()) {
        WriteFault f;
        const size_t at = spec.find('@');
        f.step = spec.substr(0, at);
        if (at != std::string::npos) f.nth = std::atol(spec.c_str() + at + 1);
        ctx.fault = f;
    }
}

/// Standard error as liushou writes it: line by line, with every number that looks like a
/// phone or id number masked, since messages land in terminals, hooks' output and CI logs.
class MaskingBuf : public std::streambuf {
  public:
    explicit MaskingBuf(std::ostream& dest) : dest_(dest) {}
    ~MaskingBuf() override { sync(); }

  protected:
    int_type overflow(int_type c) override {
        if (c == traits_type::eof()) return traits_type::not_eof(c);
        line_ += static_cast<char>(c);
        if (c == '\n') emit();
        return c;
    }
    std::streamsize xsputn(const char* s, std::streamsize n) override {
        for (std::streamsize i = 0; i < n; ++i) overflow(traits_type::to_int_type(s[i]));
        return n;
    }
    int sync() override {
        emit();
        dest_.flush();
        return 0;
    }

  private:
    void emit() {
        if (line_.empty()) return;
        dest_ << mask_private_numbers(line_);
        line_.clear();
    }
    std::ostream& dest_;
    std::string line_;
};

}  // namespace

int run_cli(int argc, char** argv, std::ostream& out, std::ostream& raw_err) {
    MaskingBuf masking(raw_err);
    std::ostream err(&masking);
    CLI::App app{
        "liushou (留守): records, checklists and reports for a school's care of "
        "left-behind children"};
    app.name("liushou");
    app.require_subcommand(1);
    app.fallthrough();  // global options may follow the command: liushou list --root x
    app.set_version_flag("--version", std::string("liushou ") + LIUSHOU_VERSION);
    app.footer("Run 'liushou COMMAND --help' for a command's options; man liushou for more.");

    Context ctx(out, err);
    app.add_option("--root", ctx.roots,
                   "The records tree (default: $LIUSHOU_ROOT, else the nearest directory "
                   "holding liushou.yaml)")
        ->type_name("DIR");
    app.add_option("--rev", ctx.rev,
                   "Read the tree as this branch, tag or commit holds it (from git's objects: "
                   "no checkout; bare repositories too); reading commands only")
        ->type_name("REV");
    app.add_option("--county", ctx.county,
                   "A county manifest (county.yaml) naming every school's tree or repository")
        ->type_name("FILE");
    app.add_flag("--skip-missing", ctx.skip_missing,
                 "With --county: leave out, and name, a school whose path or ref is missing");
    app.add_option("--lang", ctx.lang,
                   "Language of reports and checklists (default: the "
                   "school's rules.language, else zh)")
        ->check(CLI::IsMember({"zh", "en"}));
    app.add_flag("-q,--quiet", ctx.quiet, "Print only problems and requested output");
    app.add_flag("--no-cache", ctx.no_cache,
                 "Read every file; neither use nor refresh the cache in .liushou/cache");
    app.add_flag("--commit", ctx.commit,
                 "After a write, git-commit exactly the files it changed (ids and the action "
                 "in the message; never names or notes; never pushes)");
    app.add_option("--jobs", ctx.jobs, "Workers reading files (default: one per core)")
        ->check(CLI::Range(1, 64))
        ->type_name("N");

    Runner run;
    for (const auto& spec : kCommands) {
        CLI::App* cmd = app.add_subcommand(spec.name, spec.summary);
        spec.setup(*cmd, run);
    }

    // Every value typed on the command line is checked as check checks a file, before any
    // command sees it: a control or reordering character is refused (it would be written,
    // and the file then refused by every later write), and text is put in NFC so that one
    // name has one spelling. Arguments naming existing files are left as they are.
    std::vector<std::string> normalised;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const std::string bad = forbidden_character(arg);
        if (!bad.empty()) {
            std::string option = arg.rfind("--", 0) == 0 ? arg.substr(0, arg.find('=')) : "";
            if (option.empty() && i > 1 && std::string(argv[i - 1]).rfind("-", 0) == 0)
                option = argv[i - 1];
            err << fmt::format(
                "liushou: {}{} holds the character {}, which no record may hold "
                "(a control or text-reordering character); remove it\n",
                option.empty() ? "argument " + std::to_string(i) : option,
                option.empty() ? "" : "'s value", bad);
            return kUsage;
        }
        normalised.push_back(::access(arg.c_str(), F_OK) == 0 ? arg : to_nfc(arg));
    }
    std::vector<char*> args = {argv[0]};
    for (auto& a : normalised) args.push_back(a.data());
    try {
        app.parse(static_cast<int>(args.size()), args.data());
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e, out, err);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e, out, err);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e, out, err);
    } catch (const CLI::ParseError& e) {
        app.exit(e, out, err);
        return kUsage;
    } catch (const Error& e) {
        out.flush();
        err << "liushou: " << e.what() << "\n";
        return e.exit_code();
    }
    // Long work (a cold load of a county, an import of thousands of rows) shows how far it
    // has got, but only to a person at a terminal: never into a pipe, a file or a log.
    std::shared_ptr<TerminalProgress> shown;
    if (!ctx.quiet && &raw_err == &std::cerr && ::isatty(2)) {
        shown = std::make_shared<TerminalProgress>(raw_err);
        ctx.progress = [shown](const char* what, size_t done, size_t total) {
            shown->update(what, done, total);
        };
    }
    // The writer lock may be kept past the command for its commit; it ends with the command.
    struct ReleaseLock {
        WriteJournal& journal;
        ~ReleaseLock() {
            if (journal.lock_fd >= 0) ::close(journal.lock_fd);
            journal.lock_fd = -1;
        }
    } release{*ctx.journal};
    try {
        ctx.today = today_from_environment();
        read_environment(ctx);
        if (!run) return kUsage;
        const int code = run(ctx);
        out.flush();
        if (code == 0) commit_if_asked(ctx);
        return code;
    } catch (const DataError& e) {
        out.flush();
        if (!e.path().empty())
            err << fmt::format("{}:{}:{}: error: {}\n", e.path(), std::max(e.line(), 1),
                               std::max(e.col(), 1), e.what());
        else
            err << "liushou: " << e.what() << "\n";
        return e.exit_code();
    } catch (const Error& e) {
        out.flush();
        err << "liushou: " << e.what() << "\n";
        return e.exit_code();
    } catch (const std::bad_alloc&) {
        out.flush();
        err << "liushou: out of memory\n";
        return kIoFailure;
    } catch (const std::exception& e) {
        out.flush();
        err << "liushou: internal error: " << e.what() << "\n";
        return kIoFailure;
    }
}

}  // namespace liushou
