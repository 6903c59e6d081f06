// The command table and the one place errors become messages and exit codes.
#include <fmt/format.h>
#include <langinfo.h>
#include <locale.h>
#include <unistd.h>

#include <algorithm>
#include <boost/filesystem.hpp>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <functional>
#include <iostream>
#include <set>
#include <sstream>
#include <thread>

#include "cli.hpp"
#include "liushou/care.hpp"
#include "liushou/error.hpp"
#include "liushou/i18n.hpp"
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
    {"init", N_("Create a records tree for a school"), setup_init},
    {"enroll", N_("Add or update children, one by options or many from a sheet"), setup_enroll},
    {"check", N_("Validate every file of the tree and report all problems"), setup_check},
    {"list", N_("List children, filtered, as a table, JSON, CSV or a workbook"), setup_list},
    {"staff", N_("Keep the teacher list (staff.yaml)"), setup_staff},
    {"pair", N_("Pair children with teachers and buddies; help plans and progress"), setup_pair},
    {"log-talk", N_("Record talks, home visits, family calls and meetings"), setup_log_talk},
    {"schedule", N_("The month's checklist: plan, events, talks owed, birthdays, follow-ups"),
     setup_schedule},
    {"report", N_("Reports: the summary with every rate, a child's card, a class, a month's talks"),
     setup_report},
    {"school", N_("The school's settings in liushou.yaml: name, county, language, rules"),
     setup_school},
    {"group", N_("The leading group (领导小组): add and remove its people"), setup_group},
    {"activity", N_("School activities (集体活动): record one for all who took part, list them"),
     setup_activity},
    {"plan", N_("The month-by-month work plan: list its tasks, tick them off"), setup_plan},
    {"county", N_("A county's schools: the manifest (county.yaml) and each school's state"),
     setup_county},
    {"rename", N_("Give a child a new id: its file, its id and every buddy reference"),
     setup_rename},
    {"merge-file", N_("git's merge driver for children's files (set up by init)"),
     setup_merge_file},
    {"key", N_("This PC's age key and the school's recipients (liushou.yaml)"), setup_key},
    {"sync", N_("Sync by file (a USB stick): encrypted git bundles, merged record by record"),
     setup_sync},
    {"purge", N_("Forget children who left: their personal data, in the files and git history"),
     setup_purge},
    {"privacy", N_("Where personal data lives, who left when, what is due for purge"),
     setup_privacy},
    {"completion", N_("Print the bash or zsh completion script"), setup_completion},
};

}  // namespace

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
    // LIUSHOU_LANG: the language of one user's terminal, over the tree's; --lang over both.
    if (const std::string lang = get("LIUSHOU_LANG");
        ctx.lang.empty() && (lang == "zh" || lang == "en"))
        ctx.lang = lang;
    if (ctx.jobs == 0) ctx.jobs = std::max(0, std::min(std::atoi(get("LIUSHOU_JOBS").c_str()), 64));
    // --lock-timeout over LIUSHOU_LOCK_TIMEOUT; 0 is "do not wait".
    if (const std::string t = get("LIUSHOU_LOCK_TIMEOUT");
        ctx.lock_timeout < 0 && !t.empty() &&
        t.find_first_not_of("0123456789") == std::string::npos)
        ctx.lock_timeout = std::min(std::atoi(t.c_str()), 86400);
    if (ctx.lock_timeout < 0) ctx.lock_timeout = 30;
    if (const std::string spec = get("LIUSHOU_FAULT"); !spec.empty()) {
        WriteFault f;
        const size_t at = spec.find('@');
        f.step = spec.substr(0, at);
        if (at != std::string::npos) f.nth = std::atol(spec.c_str() + at + 1);
        ctx.fault = f;
    }
}

}  // namespace

std::string message_language(const Context& ctx) {
    if (!ctx.lang.empty()) return ctx.lang;
    // The tree's rules.language, when there is a tree to find (not for init, nor a county).
    try {
        if (ctx.county.empty()) {
            const Tree tree = open_tree(ctx);
            const auto school = tree.load_school();
            if (school.parsed) return output_language(ctx, &school.record);
        }
    } catch (const std::exception&) {
        // No tree here: the default.
    }
    return "zh";
}

std::string say(const Context& ctx, const std::string& text) {
    return translate(text, ctx.message_lang);
}

size_t edit_distance(const std::string& a, const std::string& b) {
    // Damerau-Levenshtein (optimal string alignment): two neighbours swapped, the commonest
    // slip of a typist, is one edit, so lsit is one edit from list and three from init.
    std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
    for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (size_t i = 1; i <= a.size(); ++i)
        for (size_t j = 1; j <= b.size(); ++j) {
            d[i][j] = std::min(
                {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

std::string nearest_word(const std::string& typed, const std::vector<std::string>& known) {
    std::string nearest;
    size_t best = 3;  // at most two edits away
    for (const auto& word : known)
        if (const size_t d = edit_distance(typed, word); d < best) best = d, nearest = word;
    return nearest;
}

namespace {

/// Whether standard output lost what was written to it (a full disk, a closed descriptor):
/// then the reason is said and the command fails, since a script must not take a cut-off
/// list for the whole. A reader that closed the pipe early (head) is no failure.
bool output_failed(std::ostream& out, std::ostream& err) {
    errno = 0;
    out.flush();
    if (&out == &std::cout) std::fflush(stdout);
    if (!out.fail()) return false;
    const int why = errno;
    if (why == EPIPE) return false;
    err << fmt::format("liushou: " N_("cannot write standard output: {}") "\n",
                       why ? std::strerror(why) : N_("the stream failed"));
    return true;
}

/// --help in the user's language: CLI11's own words (用法, 选项, 命令 …) and each description
/// the catalogue knows; a description it does not know stays English.
void localise_help(CLI::App& app, const std::string& lang) {
    if (lang == "en") return;
    const auto f = app.get_formatter();
    for (const auto& [en, zh] :
         std::vector<std::pair<const char*, const char*>>{{"Usage", "用法"},
                                                          {"OPTIONS", "选项"},
                                                          {"SUBCOMMAND", "命令"},
                                                          {"SUBCOMMANDS", "命令"},
                                                          {"Positionals", "参数"},
                                                          {"REQUIRED", "（必填）"},
                                                          {"Needs", "需要"},
                                                          {"Excludes", "不能与"}})
        f->label(en, zh);
    std::function<void(CLI::App&)> walk = [&](CLI::App& a) {
        a.description(translate_phrase(a.get_description(), lang));
        a.footer(translate_phrase(a.get_footer(), lang));
        if (a.get_group() == "Subcommands") a.group("命令");
        for (CLI::Option* o : a.get_options()) {
            // A field's option reads "监护人电话: the phone the school calls …": the header
            // stays, the help is looked up.
            const std::string d = o->get_description();
            std::string zh = translate_phrase(d, lang);
            if (const size_t colon = d.find(": "); zh == d && colon != std::string::npos) {
                const std::string tail = translate_phrase(d.substr(colon + 2), lang);
                if (tail != d.substr(colon + 2)) zh = d.substr(0, colon) + "：" + tail;
            }
            o->description(zh);
            if (o->get_group() == "Options") o->group("选项");
        }
        for (CLI::App* sub : a.get_subcommands({})) walk(*sub);
    };
    walk(app);
}

/// The character set of the user's locale (LC_ALL, LC_CTYPE, LANG), as iconv names it.
std::string locale_charset() {
    locale_t loc = ::newlocale(LC_CTYPE_MASK, "", static_cast<locale_t>(nullptr));
    if (!loc) return "ANSI_X3.4-1968";  // a locale this system does not have: plain C
    const std::string charset = ::nl_langinfo_l(CODESET, loc);
    ::freelocale(loc);
    return charset;
}

/// Standard error as liushou writes it: line by line, in the user's language (messages.cpp),
/// with every number that looks like a phone or id number masked, since messages land in
/// terminals, hooks' output and CI logs.
class MaskingBuf : public std::streambuf {
  public:
    explicit MaskingBuf(std::ostream& dest) : dest_(dest) {}
    ~MaskingBuf() override { sync(); }
    void language(const std::string& lang) { lang_ = lang; }

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
        dest_ << mask_private_numbers(translate(line_, lang_));
        line_.clear();
    }
    std::ostream& dest_;
    std::string line_;
    std::string lang_ = "zh";
};

/// The global options, which may come before or after the command.
void add_global_options(CLI::App& app, Context& ctx) {
    app.add_option("--root", ctx.roots,
                   N_("The records tree (default: $LIUSHOU_ROOT, else the nearest directory "
                      "holding liushou.yaml)"))
        ->type_name("DIR");
    app.add_option("--rev", ctx.rev,
                   N_("Read the tree as this branch, tag or commit holds it (from git's objects: "
                      "no checkout; bare repositories too); reading commands only"))
        ->type_name("REV");
    app.add_option("--county", ctx.county,
                   N_("A county manifest (county.yaml) naming every school's tree or repository"))
        ->type_name("FILE");
    app.add_flag("--skip-missing", ctx.skip_missing,
                 N_("With --county: leave out, and name, a school whose path or ref is missing"));
    app.add_option("--lang", ctx.lang,
                   N_("Language of messages, reports and checklists (default: LIUSHOU_LANG, else "
                      "the school's rules.language, else zh)"))
        ->check(CLI::IsMember({"zh", "en"}));
    app.add_flag("-q,--quiet", ctx.quiet, N_("Print only problems and requested output"));
    app.add_flag("--no-cache", ctx.no_cache,
                 N_("Read every file; neither use nor refresh the cache in .liushou/cache"));
    app.add_flag("--commit", ctx.commit,
                 N_("After a write, git-commit exactly the files it changed (ids and the action "
                    "in the message; never names or notes; never pushes)"));
    app.add_option("--lock-timeout", ctx.lock_timeout,
                   N_("Seconds a write waits for another to finish (default 30; 0: fail at once "
                      "with exit 3)"))
        ->check(CLI::Range(0, 86400))
        ->type_name("SECONDS");
    app.add_option("--jobs", ctx.jobs, N_("Workers reading files (default: one per core)"))
        ->check(CLI::Range(1, 64))
        ->type_name("N");
}

/// Every command's name, and help.
std::vector<std::string> command_names() {
    std::vector<std::string> out = {"help"};
    for (const auto& c : kCommands) out.emplace_back(c.name);
    return out;
}

/// The first word of `args` that is no option nor an option's value: "" when it names a
/// command (then `named` is that command); that word when it names none. `help [COMMAND...]`
/// becomes `COMMAND... --help`, as in git and hledger (help alone the main help); then an
/// unknown COMMAND is the word returned.
std::string command_word(std::vector<char*>& args, std::string& help_word, std::string& named) {
    const std::vector<std::string> names = command_names();
    auto known = [&](const std::string& w) {
        return std::find(names.begin(), names.end(), w) != names.end();
    };
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string w = args[i];
        if (w == "--") break;
        if (w.rfind("-", 0) == 0) {
            static const std::set<std::string> kValued = {"--root", "--rev",  "--county",
                                                          "--lang", "--jobs", "--lock-timeout"};
            i += kValued.count(w);
            continue;
        }
        if (w != "help") {
            if (!known(w)) return w;
            named = w;
            return "";
        }
        // help help is help: the main help.
        while (i < args.size() && std::string(args[i]) == "help")
            args.erase(args.begin() + static_cast<long>(i));
        if (i < args.size() && args[i][0] != '-') {
            if (!known(args[i])) return args[i];
            named = args[i];
        }
        args.push_back(help_word.data());
        return "";
    }
    return "";
}

/// Why the i-th word typed cannot be taken (a message), else "" with `arg` decoded to UTF-8.
std::string argument_problem(int i, char** argv, std::string& arg) {
    std::string option = arg.rfind("--", 0) == 0 ? arg.substr(0, arg.find('=')) : "";
    if (option.empty() && i > 1 && std::string(argv[i - 1]).rfind("-", 0) == 0)
        option = argv[i - 1];
    const std::string which = option.empty() ? "argument " + std::to_string(i) : option;
    const char* value = option.empty() ? "" : "'s value";
    // Text typed under a GB18030 (or other) locale arrives in that encoding: decoded, so
    // that no record is ever written in anything but UTF-8; undecodable, it is refused.
    if (invalid_utf8_at(arg) != std::string::npos && ::access(arg.c_str(), F_OK) != 0) {
        const std::string charset = locale_charset();
        const auto decoded = charset == "UTF-8" || charset == "ANSI_X3.4-1968"
                                 ? std::nullopt
                                 : charset_to_utf8(arg, charset.c_str());
        if (!decoded)
            return fmt::format(
                "liushou: {}{} is not UTF-8 text, and the locale's character set ({}) does "
                "not say what it is; use a UTF-8 terminal (LANG=zh_CN.UTF-8) or a locale "
                "of the text's encoding\n",
                which, value, charset);
        arg = *decoded;
    }
    const std::string bad = forbidden_character(arg);
    if (!bad.empty())
        return fmt::format(
            "liushou: {}{} holds the character {}, which no record may hold "
            "(a control or text-reordering character); remove it\n",
            which, value, bad);
    return "";
}

}  // namespace

int run_cli(int argc, char** argv, std::ostream& out, std::ostream& raw_err) {
    MaskingBuf masking(raw_err);
    std::ostream err(&masking);
    CLI::App app{
        N_("liushou (留守): records, checklists and reports for a school's care of "
           "left-behind children")};
    app.name("liushou");
    app.require_subcommand(1);
    app.fallthrough();  // global options may follow the command: liushou list --root x
    app.set_version_flag("--version", std::string("liushou ") + LIUSHOU_VERSION);
    app.footer(
        N_("Run 'liushou help COMMAND' or 'liushou COMMAND --help' for a command's options; man "
           "liushou for more."));

    Context ctx(out, err);
    add_global_options(app, ctx);

    // Every value typed on the command line is checked as check checks a file, before any
    // command sees it: a control or reordering character is refused (it would be written,
    // and the file then refused by every later write), and text is put in NFC so that one
    // name has one spelling. Arguments naming existing files are left as they are.
    // The language of every message: --lang, else LIUSHOU_LANG, else the tree's, else zh.
    auto speak = [&](const std::string& given) {
        if (ctx.lang.empty()) ctx.lang = given;
        read_environment(ctx);
        ctx.message_lang = message_language(ctx);
        masking.language(ctx.message_lang);
    };
    // When parsing failed, --lang may not have been stored: read it from the words.
    auto argv_language = [](const std::vector<char*>& words) -> std::string {
        for (size_t i = 1; i < words.size(); ++i) {
            const std::string w = words[i];
            if (w == "--lang" && i + 1 < words.size()) return words[i + 1];
            if (w.rfind("--lang=", 0) == 0) return w.substr(7);
        }
        return "";
    };
    const std::vector<char*> words(argv, argv + argc);
    std::vector<std::string> normalised;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (const std::string why = argument_problem(i, argv, arg); !why.empty()) {
            speak(argv_language(words));
            err << why;
            return kUsage;
        }
        normalised.push_back(::access(arg.c_str(), F_OK) == 0 ? arg : to_nfc(arg));
    }
    std::vector<char*> args = {argv[0]};
    for (auto& a : normalised) args.push_back(a.data());
    // An unknown command is named, with the nearest real one (CLI11 would only say that a
    // subcommand is required).
    std::string help_word = "--help";  // outlives args, which may point at it
    std::string named;
    if (const std::string unknown = command_word(args, help_word, named); !unknown.empty()) {
        const std::string nearest = nearest_word(unknown, command_names());
        speak(argv_language(words));
        err << (nearest.empty()
                    ? fmt::format(
                          "liushou: " N_("unknown command {}; liushou --help lists them") "\n",
                          unknown)
                    : fmt::format("liushou: " N_("unknown command {}; did you mean {}?") "\n",
                                  unknown, nearest));
        return kUsage;
    }
    // Only the command the words name gets its options: building all twenty commands' options
    // was a fifth of every start (a log-talk in a script's loop pays it each time). The others
    // are named, with their summaries, so that the words parse as before; no command named
    // (the main help) or `completion` (which writes every option) builds them all.
    Runner run;
    for (const auto& spec : kCommands) {
        CLI::App* cmd = app.add_subcommand(spec.name, spec.summary);
        if (named.empty() || named == "completion" || named == spec.name) spec.setup(*cmd, run);
    }
    try {
        app.parse(static_cast<int>(args.size()), args.data());
    } catch (const CLI::CallForHelp& e) {
        speak(argv_language(words));
        localise_help(app, ctx.message_lang);
        return app.exit(e, out, err);
    } catch (const CLI::CallForAllHelp& e) {
        speak(argv_language(words));
        localise_help(app, ctx.message_lang);
        return app.exit(e, out, err);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e, out, err);
    } catch (const CLI::ParseError& e) {
        speak(argv_language(args));
        app.exit(e, out, err);
        return kUsage;
    } catch (const Error& e) {
        speak(argv_language(args));
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
        ~ReleaseLock() { journal.lock.reset(); }
    } release{*ctx.journal};
    try {
        ctx.today = today_from_environment();
        speak("");
        if (shown) shown->language(ctx.message_lang);
        if (!run) return kUsage;
        const int code = run(ctx);
        if (output_failed(out, err)) return kIoFailure;
        if (code == 0) return commit_if_asked(ctx);
        return code;
    } catch (const DataError& e) {
        out.flush();
        if (!e.path().empty())
            err << fmt::format(N_("{}:{}:{}: error: {}") "\n", e.path(), std::max(e.line(), 1),
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
        err << "liushou: " N_("out of memory") "\n";
        return kIoFailure;
    } catch (const std::exception& e) {
        out.flush();
        err << "liushou: internal error: " << e.what() << "\n";
        return kIoFailure;
    }
}

}  // namespace liushou
