// What the commands share: opening the tree, reading and checking the children they work
// on, the options that take a class, a month or a date, and committing what they wrote.
#include <fcntl.h>
#include <fmt/format.h>
#include <langinfo.h>
#include <locale.h>
#include <malloc.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <boost/filesystem.hpp>
#include <cerrno>
#include <chrono>
#include <cstdint>
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

namespace liushou {

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
        ctx.err << fmt::format("liushou: " N_("{}: --commit: the tree is not in a git repository "
                                              "(the files were written; run git init)") "\n",
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
            "liushou: " N_(
                "{}: --commit: git commit failed (the files were written and are staged; once the "
                "cause is fixed, the next command with --commit commits them)") "\n",
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
        ctx.out << say(ctx, fmt::format(fmt::runtime(journal.files.size() == 1
                                                         ? N_("committed {} ({} file)") "\n"
                                                         : N_("committed {} ({} files)") "\n"),
                                        head, journal.files.size()));
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
        fmt::runtime(written == 1 ? "{}\n" N_("{}: {} file is in place; the next liushou command "
                                              "puts the rest in place from .liushou/journal")
                                  : "{}\n" N_("{}: {} files are in place; the next liushou "
                                              "command puts the rest in place from "
                                              ".liushou/journal")),
        e.what(), sheet, written);
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
        throw UsageError(N_("--county is for report, list and county status; give --root DIR"));
    if (ctx.roots.size() > 1)
        throw UsageError(
            N_("this command reads one tree; give one --root (report and list read "
               "several)"));
    if (!ctx.roots.empty()) return Tree::open(tree_options(ctx, ctx.roots.front()));
    TreeOptions o = tree_options(ctx, ctx.env_root);
    if (!o.root.empty()) o.root_from = "LIUSHOU_ROOT";
    return Tree::open(o);
}

/// 3-2, or 三年级2班 as people write it.
std::pair<int, int> class_option(const std::string& option, const std::string& text) {
    const auto parsed = parse_class(text);
    if (!parsed)
        throw UsageError(
            fmt::format(N_("{} {}: write the class as 3-2, 三年级二班 or 三(2)班 (grade 1 to 6)"),
                        option, text));
    return *parsed;
}

Month month_option(const std::string& value, const Date& today) {
    if (value.empty()) return Month{today.year, today.month};
    const auto parsed = parse_month(value);
    if (!parsed) throw UsageError(fmt::format(N_("--month {}: write the month as 2026-03"), value));
    return *parsed;
}

std::string output_language(const Context& ctx, const School* school) {
    if (!ctx.lang.empty()) return ctx.lang;
    if (school && (school->rules.language == "en" || school->rules.language == "zh"))
        return school->rules.language;
    return "zh";
}

Child load_child_for_write(const Tree& tree, const std::string& id, Context& ctx) {
    if (!tree.child_exists(id)) throw UsageError(fmt::format(N_("no child {}"), id));
    const Loaded<Child> file = tree.load_child(id);
    require_writable(file, ctx);
    if (file.record.id != id) {
        const auto at = file.where.find("id");
        throw DataError(fmt::format(N_("the file says id {}, its name says {}; fix one first"),
                                    file.record.id, id),
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
                fmt::format(N_("the id {} differs from {} only in case; on Windows and "
                               "macOS they would be one file"),
                            id, other));
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
        throw UsageError(fmt::format(
            N_("no child {} (no child has that name, and it is not an id)"), trim(text)));
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
    for (auto& file : files)
        if (readable_child(err, file, skipped, errors)) out.push_back(std::move(file.record));
    return out;
}

namespace {

bool readable(std::ostream& err, const std::string& path, const std::string& file_id,
              const std::string& record_id, const Problems& problems, bool parsed, bool& skipped,
              int* errors) {
    if (errors)
        for (const auto& p : problems) *errors += p.severity == Severity::error;
    if (!parsed) {
        err << fmt::format(N_("{}: skipped, it cannot be read (run liushou check)") "\n", path);
        skipped = true;
        return false;
    }
    return named_by_its_id(err, path, record_id, file_id);
}

}  // namespace

bool readable_child(std::ostream& err, const Loaded<Child>& file, bool& skipped, int* errors) {
    return readable(err, file.path, file.id, file.record.id, file.problems, file.parsed, skipped,
                    errors);
}

bool readable_child(std::ostream& err, const ChildFileVerdict& file, bool& skipped, int* errors) {
    return readable(err, file.path, file.id, file.record_id, file.problems, file.parsed, skipped,
                    errors);
}

std::vector<bool> second_files_said(
    std::ostream& err, const Tree& tree,
    const std::vector<std::pair<std::string_view, std::string_view>>& children) {
    std::vector<bool> out(children.size(), false);
    for (const SecondFile& s : second_files(children)) {
        out[s.dropped] = true;
        // As a copy named after another id is said: the files, never the number (private).
        err << fmt::format(
            N_("{}: skipped, it has the same 身份证号 as {}, which is counted (one child in two "
               "files? run liushou check)") "\n",
            tree.display(tree.child_relative(std::string(children[s.dropped].first))),
            tree.display(tree.child_relative(std::string(children[s.kept].first))));
    }
    return out;
}

std::vector<Child> counted_children(const Tree& tree, Context& ctx, std::ostream& err,
                                    bool& skipped, int* errors) {
    std::vector<Child> all = readable_children(tree, ctx, err, skipped, errors);
    std::vector<std::pair<std::string_view, std::string_view>> keys;
    keys.reserve(all.size());
    for (const Child& c : all) keys.emplace_back(c.id, c.id_number);
    const std::vector<bool> second = second_files_said(err, tree, keys);
    std::vector<Child> out;
    out.reserve(all.size());
    for (size_t i = 0; i < all.size(); ++i)
        if (!second[i]) out.push_back(std::move(all[i]));
    return out;
}

bool named_by_its_id(std::ostream& err, const std::string& path, const std::string& record_id,
                     const std::string& file_id) {
    if (record_id == file_id) return true;
    err << fmt::format(
        N_("{}: skipped, it says id {} but is named {}.yaml (a copy? run liushou check)") "\n",
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
            ctx.err << fmt::format(N_("{}: ignored, it says id {} but is named {}.yaml") "\n",
                                   file.path, file.record.id.empty() ? "(none)" : file.record.id,
                                   file.id);
            continue;
        }
        out.push_back(std::move(file.record));
    }
    if (unreadable)
        throw DataError(
            N_("some children's files cannot be read (above); fix them first so the "
               "rows can be matched to children"));
    return out;
}

Encoding parse_encoding(const std::string& name) {
    if (name == "auto") return Encoding::automatic;
    if (name == "utf-8" || name == "utf8") return Encoding::utf8;
    if (name == "gb18030" || name == "gbk") return Encoding::gb18030;
    throw UsageError(fmt::format(N_("--encoding {}: use auto, utf-8 or gb18030"), name));
}

StaffList load_staff_checked(const Tree& tree, Context& ctx) {
    // No positions: only the decoder's own problems are said, and they always have theirs.
    Loaded<StaffList> staff = tree.load_staff(false);
    require_writable(staff, ctx);
    staff.record.index();
    return std::move(staff.record);
}

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
size_t prefer_huge_pages() {
    return 0;  // the sanitizers' allocator owns the heap
}
#else
namespace {

/// The first line of a small system file, or "" when it cannot be read.
std::string first_line_of(const char* path) {
    char text[64] = {};
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return "";
    const ssize_t got = ::read(fd, text, sizeof text - 1);
    ::close(fd);
    const std::string line(text, got > 0 ? static_cast<size_t>(got) : 0);
    return line.substr(0, line.find('\n'));
}

}  // namespace

size_t prefer_huge_pages() {
    // Why: where a page fault is dear (7-13 us in a VM), a warm summary of 10,000 children
    // spent a third of its time faulting in the heap's 4 KiB pages one by one, a log-talk a
    // sixth, and an import of 50,000 more. The main heap is given 256 MiB of address space
    // at once (memory comes on first touch), that range is marked for huge pages, and blocks
    // up to 32 MiB come from it instead of mappings of their own. Growth past the range, and
    // the worker threads' arenas, keep small pages; memory freed stays the process's until
    // it exits (no trimming), which a command's few seconds can afford.
    //
    // Only where the kernel has huge pages and gives them on advice, of a size that fits.
    const size_t huge = std::strtoul(
        first_line_of("/sys/kernel/mm/transparent_hugepage/hpage_pmd_size").c_str(), nullptr, 10);
    if (huge < (4u << 10) || (huge & (huge - 1)) != 0 || huge > (4u << 20) ||
        first_line_of("/sys/kernel/mm/transparent_hugepage/enabled").find("[never]") !=
            std::string::npos)
        return 0;
    // Not under a limit on address space or data, nor with strict overcommit: there the
    // reserve would be charged in full and could make a later allocation fail.
    for (const int resource : {RLIMIT_AS, RLIMIT_DATA})
        if (struct rlimit limit{};
            ::getrlimit(resource, &limit) != 0 || limit.rlim_cur != RLIM_INFINITY)
            return 0;
    if (first_line_of("/proc/sys/vm/overcommit_memory") == "2") return 0;

    constexpr size_t kRange = size_t{256} << 20;
    constexpr int kDefault = 128 << 10;  // M_TOP_PAD, M_TRIM_THRESHOLD, M_MMAP_THRESHOLD
    const auto at = [](const void* p) { return reinterpret_cast<uintptr_t>(p); };
    const uintptr_t before = at(sbrk(0));
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, static_cast<int>(2 * kRange));
    // Grows the heap by the pad, once: later growth asks for what it needs, as before.
    // (Volatile: a block freed unused may be left out by the compiler.)
    mallopt(M_TOP_PAD, static_cast<int>(kRange));
    void* volatile grown = std::malloc(huge);
    mallopt(M_TOP_PAD, kDefault);
    const uintptr_t after = at(sbrk(0));
    // Growing wrote a header past the block, so the range starts after it (a huge page
    // cannot come where a small one already is); and it lies in what the break gained, never
    // over another mapping (a block from mmap, when the break could not move, gains none).
    const uintptr_t from = (at(grown) + huge + 64 + huge - 1) & ~(huge - 1);
    const uintptr_t to = after & ~(huge - 1);
    const bool grew = grown && before <= from && from < to && to <= after;
    std::free(grown);
    if (!grew || madvise(reinterpret_cast<void*>(from), to - from, MADV_HUGEPAGE) != 0) {
        mallopt(M_MMAP_THRESHOLD, kDefault);  // no range: big blocks mapped on their own
        mallopt(M_TRIM_THRESHOLD, kDefault);
        return 0;
    }
    // The top of the heap now starts where `grown` did: one block never freed nor touched
    // passes over it up to the range, so that what the free lists cannot serve, even a small
    // command's, comes from huge pages.
    void* volatile skip = std::malloc(from - at(grown));
    (void)skip;
    return to - from;
}
#endif

Date date_option(const std::string& option, const std::string& text, const Date& fallback,
                 const Date& today) {
    if (text.empty()) return fallback;
    const DateParse parsed = parse_flexible_date(text);
    if (!parsed.date) throw DataError(option + ": " + parsed.error);
    if (*parsed.date > today)
        throw DataError(fmt::format("{}: {} is in the future", option, parsed.date->iso()));
    return *parsed.date;
}

}  // namespace liushou
