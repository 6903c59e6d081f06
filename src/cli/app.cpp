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
    {"list", "List children, filtered, as a table, JSON, CSV or a workbook", setup_list},
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
    {"key", "This PC's age key and the school's recipients (liushou.yaml)", setup_key},
    {"sync", "Sync by file (a USB stick): encrypted git bundles, merged record by record",
     setup_sync},
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
    const std::string line = fmt::format("{} {}/{}", translate(what, lang_), done, total);
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
    // A rename writes one child's file under its new id and removes it under the old: one child.
    size_t children = ids.size();
    if (journal.action.rfind("rename ", 0) == 0) {
        const size_t space = journal.action.find(' ', 7);
        const std::string from = journal.action.substr(7, space - 7);
        const std::string to = space == std::string::npos ? "" : journal.action.substr(space + 1);
        if (std::count(ids.begin(), ids.end(), from) && std::count(ids.begin(), ids.end(), to))
            --children;
    }
    if (ids.size() > 1 || (ids.size() == 1 && journal.action.find(ids[0]) == std::string::npos)) {
        subject += fmt::format(": {} {}", children, children == 1 ? "child" : "children");
        for (const auto& id : ids) body += id + "\n";
    }
    return body.empty() ? subject : subject + "\n\n" + body;
}

int commit_if_asked(Context& ctx) {
    WriteJournal& journal = *ctx.journal;
    bool asked = ctx.commit;
    if (journal.files.empty()) {
        // Nothing written now (an import run again, say), but an earlier --commit may have
        // written and staged records it could not commit: this run commits them.
        if (!asked) return kOk;
        std::string staged;
        const std::string root = open_tree(ctx).root();
        if (run_git({"diff", "--cached", "--name-only", "-z", "--", "liushou.yaml", "staff.yaml",
                     "children", "activities"},
                    root, &staged) != 0 ||
            staged.empty())
            return kOk;
        journal.root = root;
        for (size_t start = 0; start < staged.size();) {
            const size_t end = std::min(staged.find('\0', start), staged.size());
            if (end > start) journal.files.push_back(staged.substr(start, end - start));
            start = end + 1;
        }
        if (journal.action.empty()) journal.action = "records staged by an earlier --commit";
    }
    if (!asked) {
        const Loaded<School> school = Tree(journal.root).load_school();
        asked = school.parsed && school.record.git_commit;
    }
    if (!asked) return kOk;
    std::string inside;
    if (run_git({"rev-parse", "--is-inside-work-tree"}, journal.root, &inside) != 0) {
        ctx.err << fmt::format(
            "liushou: {}: --commit: the tree is not in a git repository (the "
            "files were written; run git init)\n",
            journal.root);
        return kNotCommitted;
    }
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
    std::string said;  // git's own words when it fails
    auto attempt = [&](const std::vector<std::string>& args) {
        for (;;) {
            said.clear();
            if (run_git(args, journal.root, &said, true) == 0) return true;
            if (git_dir.empty() || ::access(index_lock.c_str(), F_OK) != 0 ||
                std::chrono::steady_clock::now() > deadline)
                return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    };
    if (!attempt(add) || !attempt(commit)) {
        ctx.err << fmt::format(
            "liushou: {}: --commit: git commit failed (the files were written "
            "and are staged; once the cause is fixed, the next command with "
            "--commit commits them)\n",
            journal.root);
        for (size_t start = 0; start < said.size();) {  // git's reason, as git said it
            const size_t end = std::min(said.find('\n', start), said.size());
            if (end > start) ctx.err << "  git: " << said.substr(start, end - start) << "\n";
            start = end + 1;
        }
        return kNotCommitted;
    }
    if (!ctx.quiet) {
        std::string head;
        run_git({"rev-parse", "--short", "HEAD"}, journal.root, &head);
        while (!head.empty() && head.back() == '\n') head.pop_back();
        ctx.out << say(ctx, fmt::format("committed {} ({} file{})\n", head, journal.files.size(),
                                        journal.files.size() == 1 ? "" : "s"));
    }
    return kOk;
}

std::string partial_write_note(const IoError& e, size_t written, const std::string& sheet,
                               const std::string& command) {
    // A batch is all or nothing: before its journal nothing is in place; after it, the next
    // command puts the rest in place (tree.cpp: finish_interrupted_batch).
    if (written == 0)
        return fmt::format(
            "{}\n{}: nothing was written (a batch is all or nothing); once the cause is fixed, "
            "run the same {} again",
            e.what(), sheet, command);
    return fmt::format(
        "{}\n{}: {} file{} in place; the next liushou command puts the rest in place "
        "from .liushou/journal",
        e.what(), sheet, written, written == 1 ? " is" : "s are");
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
    // Standard error is translated line by line where it leaves.
    std::ostream* err = &ctx.err;
    o.notice = [err](const std::string& line) { *err << "liushou: " << line << "\n"; };
    o.validate = [today = ctx.today](const Child& c, Problems& p) { validate_child(c, today, p); };
    o.fault = ctx.fault;
    o.rev = ctx.rev;
    return o;
}

Tree open_tree(const Context& ctx) {
    if (!ctx.county.empty())
        throw UsageError("--county is for report, list and county status; give --root DIR");
    if (ctx.roots.size() > 1)
        throw UsageError(
            "this command reads one tree; give one --root (report and list read "
            "several)");
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

void add_output_encoding(CLI::App& cmd, std::string& encoding) {
    cmd.add_option("--encoding", encoding,
                   "CSV's: utf-8-bom (default with -o, so Excel reads it), utf-8 (default on "
                   "standard output) or gb18030")
        ->check(CLI::IsMember({"utf-8", "utf-8-bom", "gb18030"}));
}

void add_sheet_options(CLI::App& cmd, CLI::Option* from, std::string& encoding,
                       std::string& sheet) {
    cmd.add_option("--encoding", encoding, "A CSV sheet's: auto | utf-8 | gb18030 (default auto)")
        ->needs(from);
    cmd.add_option("--sheet", sheet, "The workbook's sheet to read (default: the first)")
        ->type_name("NAME")
        ->needs(from);
}

std::string_view format_of_name(const std::string& path, bool pages) {
    auto ends_with = [&](std::string_view ext) {
        if (path.size() <= ext.size()) return false;
        std::string tail = path.substr(path.size() - ext.size());
        for (auto& c : tail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return tail == ext;
    };
    if (ends_with(".xlsx")) return "xlsx";
    if (pages && (ends_with(".html") || ends_with(".htm"))) return "html";
    if (pages && ends_with(".docx")) return "docx";
    return {};
}

void format_from_output(const CLI::Option* format_option, std::string& format,
                        const std::string& output, bool pages) {
    if (format_option->count()) return;
    if (const std::string_view named = format_of_name(output, pages); !named.empty())
        format = std::string(named);
}

std::string page_to_docx(const std::string& page) {
    namespace fs = boost::filesystem;
    // A private directory for pandoc's input: the page holds children's names.
    std::string dir = (fs::temp_directory_path() / "liushou-docx-XXXXXX").string();
    if (!::mkdtemp(dir.data()))
        throw IoError(fmt::format("cannot make a temporary directory: {}", std::strerror(errno)));
    struct Remove {
        std::string dir;
        ~Remove() {
            boost::system::error_code ec;
            fs::remove_all(dir, ec);
        }
    } remove{dir};
    // Each inline chart becomes an SVG file of its own, named by an <img>, so that Word gets
    // the chart as a picture; a file on its own needs the SVG namespace a page does without.
    std::string html;
    size_t pos = 0;
    for (int n = 1;; ++n) {
        const size_t start = page.find("<svg ", pos);
        const size_t end = start == std::string::npos ? start : page.find("</svg>", start);
        if (end == std::string::npos) break;
        const std::string name = fmt::format("figure-{}.svg", n);
        write_output((fs::path(dir) / name).string(),
                     "<svg xmlns=\"http://www.w3.org/2000/svg\" " +
                         page.substr(start + 5, end + 6 - start - 5) + "\n");
        html += page.substr(pos, start - pos) + "<img src=\"" + name + "\" alt=\"\">";
        pos = end + 6;
    }
    html += page.substr(pos);
    const std::string in = (fs::path(dir) / "page.html").string();
    const std::string out = (fs::path(dir) / "page.docx").string();
    write_output(in, html);
    std::string said;
    const int status = run_program({"pandoc", "--quiet", "--from", "html", "--to", "docx",
                                    "--resource-path", dir, "--output", out, in},
                                   &said, true);
    if (status == -1)
        throw UsageError(
            "--format docx needs pandoc, which is not installed (Debian: apt install pandoc)");
    if (status != 0)
        throw IoError(
            fmt::format("pandoc could not make the document: {}", said.substr(0, said.find('\n'))));
    return read_file(out, out, uint64_t{1} << 30);
}

std::string csv_to_xlsx(const std::string& csv, const std::string& sheet, const Date& created) {
    Problems problems;  // none: the CSV is our own
    Sheet parsed = parse_csv(csv, problems);
    auto unguard = [](std::string& cell) {
        if (cell.size() > 1 && cell[0] == '\'' &&
            std::string_view("=+-@\t\r").find(cell[1]) != std::string_view::npos)
            cell.erase(0, 1);
    };
    SheetTable table{sheet, std::move(parsed.header), {}};
    for (auto& h : table.header) unguard(h);
    for (auto& row : parsed.rows) {
        for (auto& cell : row.cells) unguard(cell);
        table.rows.push_back(std::move(row.cells));
    }
    return write_xlsx({table}, created);
}

void emit_output(Context& ctx, const std::string& output, const std::string& bytes,
                 std::string_view format) {
    if (output.empty() || output == "-") {
        if ((format == "xlsx" || format == "docx") && &ctx.out == &std::cout && ::isatty(1))
            throw UsageError(format == "docx"
                                 ? "a Word document is not for the terminal: give -o FILE.docx"
                                 : "an .xlsx workbook is not for the terminal: give -o FILE.xlsx");
        ctx.out << bytes;
        return;
    }
    write_output(output, bytes);
    if (!ctx.quiet) ctx.out << say(ctx, fmt::format("wrote {}\n", output));
}

std::string read_input(const std::string& path, uint64_t limit) {
    if (path != "-") return read_file(path, path, limit);
    // Standard input, as every input file may be: read to its end, within the same limit.
    std::string bytes;
    char buffer[1 << 16];
    while (std::cin.read(buffer, sizeof buffer) || std::cin.gcount() > 0) {
        bytes.append(buffer, static_cast<size_t>(std::cin.gcount()));
        if (bytes.size() > limit)
            throw DataError(fmt::format("-: more than the limit of {} MiB; refused", limit >> 20));
    }
    if (std::cin.bad()) throw IoError("-: cannot read standard input");
    return bytes;
}

namespace {

/// A sheet file's bytes, with whether they are a workbook (by name or zip signature); an
/// old .xls and options that do not fit the kind are refused.
std::string read_sheet_bytes(const std::string& path, const std::string& encoding,
                             const std::string& sheet, bool& workbook, uint64_t limit) {
    std::string bytes = read_input(path, limit);
    auto ends_with = [&](std::string_view ext) {
        if (path.size() < ext.size()) return false;
        std::string tail = path.substr(path.size() - ext.size());
        for (auto& ch : tail) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        return tail == ext;
    };
    const bool zip = bytes.compare(0, 4, "PK\x03\x04") == 0;
    if (ends_with(".xls") || bytes.compare(0, 4, "\xD0\xCF\x11\xE0") == 0)
        throw DataError(
            fmt::format("{}: an old Excel 97-2003 workbook (.xls); save it as .xlsx "
                        "(Excel 2007 or later) or as CSV",
                        path));
    workbook = ends_with(".xlsx") || ends_with(".xlsm") || zip;
    if (workbook && bytes.size() > kMaxSheetBytes)  // a workbook is read whole, as cells
        throw DataError(fmt::format("{}: the file is {:.1f} MB, more than the limit of {} MiB",
                                    path, static_cast<double>(bytes.size()) / 1e6,
                                    kMaxSheetBytes >> 20));
    if (workbook && !encoding.empty() && encoding != "auto")
        throw UsageError("--encoding is for CSV sheets; a workbook says its own");
    if (!workbook && !sheet.empty())
        throw UsageError(fmt::format("--sheet is for .xlsx workbooks; {} is CSV", path));
    return bytes;
}

}  // namespace

Sheet read_sheet(const std::string& path, const std::string& encoding, const std::string& sheet,
                 Problems& problems, std::string* detected) {
    bool workbook = false;
    std::string bytes = read_sheet_bytes(path, encoding, sheet, workbook, kMaxSheetBytes);
    if (workbook) {
        if (detected) *detected = "xlsx";
        return read_xlsx(bytes, path, sheet, problems);
    }
    const std::string text = sheet_to_utf8(
        std::move(bytes), parse_encoding(encoding.empty() ? "auto" : encoding), path, detected);
    return parse_csv(text, problems);
}

std::unique_ptr<SheetRows> read_sheet_rows(const std::string& path, const std::string& encoding,
                                           const std::string& sheet, Problems& problems,
                                           std::string* detected) {
    bool workbook = false;
    std::string bytes = read_sheet_bytes(path, encoding, sheet, workbook, kMaxTalkSheetBytes);
    if (workbook) {
        if (detected) *detected = "xlsx";
        return std::make_unique<HeldSheet>(read_xlsx(bytes, path, sheet, problems));
    }
    return index_csv(
        sheet_to_utf8(std::move(bytes), parse_encoding(encoding.empty() ? "auto" : encoding), path,
                      detected),
        problems);
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
        if (!named_by_its_id(err, file.path, file.record.id, file.id)) continue;
        out.push_back(std::move(file.record));
    }
    return out;
}

bool named_by_its_id(std::ostream& err, const std::string& path, const std::string& record_id,
                     const std::string& file_id) {
    if (record_id == file_id) return true;
    err << fmt::format(
        "{}: skipped, it says id {} but is named {}.yaml (a copy? "
        "run liushou check)\n",
        path, record_id.empty() ? "(none)" : record_id, file_id);
    return false;
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
    Loaded<StaffList> staff = tree.load_staff();
    require_writable(staff, ctx);
    staff.record.index();
    return std::move(staff.record);
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
    err << fmt::format("liushou: cannot write standard output: {}\n",
                       why ? std::strerror(why) : "the stream failed");
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

/// Levenshtein distance, for "did you mean list?".
size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = up;
        }
    }
    return row[b.size()];
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
                   "Language of messages, reports and checklists (default: LIUSHOU_LANG, else "
                   "the school's rules.language, else zh)")
        ->check(CLI::IsMember({"zh", "en"}));
    app.add_flag("-q,--quiet", ctx.quiet, "Print only problems and requested output");
    app.add_flag("--no-cache", ctx.no_cache,
                 "Read every file; neither use nor refresh the cache in .liushou/cache");
    app.add_flag("--commit", ctx.commit,
                 "After a write, git-commit exactly the files it changed (ids and the action "
                 "in the message; never names or notes; never pushes)");
    app.add_option("--lock-timeout", ctx.lock_timeout,
                   "Seconds a write waits for another to finish (default 30; 0: fail at once "
                   "with exit 3)")
        ->check(CLI::Range(0, 86400))
        ->type_name("SECONDS");
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
        std::string option = arg.rfind("--", 0) == 0 ? arg.substr(0, arg.find('=')) : "";
        if (option.empty() && i > 1 && std::string(argv[i - 1]).rfind("-", 0) == 0)
            option = argv[i - 1];
        // Text typed under a GB18030 (or other) locale arrives in that encoding: decoded, so
        // that no record is ever written in anything but UTF-8; undecodable, it is refused.
        if (invalid_utf8_at(arg) != std::string::npos && ::access(arg.c_str(), F_OK) != 0) {
            const std::string charset = locale_charset();
            const auto decoded = charset == "UTF-8" || charset == "ANSI_X3.4-1968"
                                     ? std::nullopt
                                     : charset_to_utf8(arg, charset.c_str());
            if (!decoded) {
                speak(argv_language(words));
                err << fmt::format(
                    "liushou: {}{} is not UTF-8 text, and the locale's character set ({}) does "
                    "not say what it is; use a UTF-8 terminal (LANG=zh_CN.UTF-8) or a locale "
                    "of the text's encoding\n",
                    option.empty() ? "argument " + std::to_string(i) : option,
                    option.empty() ? "" : "'s value", charset);
                return kUsage;
            }
            arg = *decoded;
        }
        const std::string bad = forbidden_character(arg);
        if (!bad.empty()) {
            speak(argv_language(words));
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
    // An unknown command is named, with the nearest real one (CLI11 would only say that a
    // subcommand is required).
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string w = args[i];
        if (w == "--") break;
        if (w.rfind("-", 0) == 0) {
            static const std::set<std::string> kValued = {"--root", "--rev",  "--county",
                                                          "--lang", "--jobs", "--lock-timeout"};
            i += kValued.count(w);
            continue;
        }
        const auto known = std::find_if(std::begin(kCommands), std::end(kCommands),
                                        [&](const CommandSpec& c) { return w == c.name; });
        if (known != std::end(kCommands)) break;
        std::string nearest;
        size_t best = 3;  // at most two edits away
        for (const auto& c : kCommands)
            if (const size_t d = edit_distance(w, c.name); d < best) best = d, nearest = c.name;
        speak(argv_language(words));
        err << (nearest.empty()
                    ? fmt::format("liushou: unknown command {}; liushou --help lists them\n", w)
                    : fmt::format("liushou: unknown command {}; did you mean {}?\n", w, nearest));
        return kUsage;
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
        ~ReleaseLock() {
            if (journal.lock_fd >= 0) ::close(journal.lock_fd);
            journal.lock_fd = -1;
        }
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
