// Wiring shared by the command files: each command declares its options on a CLI11 subcommand
// and leaves behind a runner that main calls with the context once parsing succeeded.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <initializer_list>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "liushou/codec.hpp"
#include "liushou/date.hpp"
#include "liushou/error.hpp"
#include "liushou/store.hpp"
#include "liushou/validate.hpp"

namespace liushou {

/// What every command is given instead of reaching for globals: where, what day, which
/// streams. run_cli fills it from the options and reads the environment here, once.
struct Context {
    Context(std::ostream& o, std::ostream& e) : out(o), err(e) {}
    std::ostream& out;
    std::ostream& err;
    /// `--root` values as given; empty means LIUSHOU_ROOT or the tree above the cwd.
    std::vector<std::string> roots;
    /// Today, from LIUSHOU_TODAY when set, so schedules and reports are testable.
    Date today;
    /// zh or en; empty means the school's `rules.language`.
    std::string lang;
    /// The language messages are written in (messages.cpp): lang, else the tree's, else zh.
    std::string message_lang = "zh";
    bool quiet = false;
    /// --no-cache: read every file, and neither use nor write .liushou/cache.
    bool no_cache = false;
    /// --jobs, else LIUSHOU_JOBS: workers that read files in parallel; 0: one per core.
    int jobs = 0;
    /// --commit: commit the files this command wrote (also `git_commit: true` in liushou.yaml).
    bool commit = false;
    /// LIUSHOU_ROOT: the tree when no --root is given.
    std::string env_root;
    /// LIUSHOU_LOCK_TIMEOUT: seconds a writer waits, for slow machines and valgrind runs.
    int lock_timeout = -1;  // --lock-timeout; -1: LIUSHOU_LOCK_TIMEOUT, else 30
    /// LIUSHOU_FAULT=STEP[@N]: a fault injected into the tree's writes, for the crash tests.
    std::optional<WriteFault> fault;
    /// Filled by the tree's writes; read once the command has succeeded.
    std::shared_ptr<WriteJournal> journal = std::make_shared<WriteJournal>();
    /// --rev: read every tree as this branch, tag or commit holds it, from git's objects.
    std::string rev;
    /// --county: the manifest naming a county's schools (county.yaml).
    std::string county;
    /// --skip-missing: a school of the manifest that cannot be found is named and left out.
    bool skip_missing = false;
    /// Set by run_cli when stderr is a terminal and -q is not given; empty otherwise.
    ProgressFn progress = nullptr;
};

/// The tree options the command line asks for, at `root` (empty: the one open_tree finds).
TreeOptions tree_options(const Context& ctx, const std::string& root);
/// The tree for `ctx`: the first `--root`, else LIUSHOU_ROOT, else the nearest directory at
/// or above the cwd holding liushou.yaml. Throws UsageError when there is none.
Tree open_tree(const Context& ctx);
/// A school of --county that could not be opened, left out under --skip-missing.
struct MissingSchool {
    std::string label;  // as the manifest names it: 孙桥小学, repos/杨集小学.git@main
    std::string why;
};

/// The trees a report reads: every school of --county, else every --root, else the one
/// open_tree finds.
struct SchoolTrees {
    std::vector<Tree> trees;
    std::vector<std::string> labels;  // each tree as the manifest names it ("" without one)
    std::string county;               // the manifest's county ("" without one)
    std::vector<MissingSchool> missing;
};
/// Throws IoError naming a school of the manifest whose path or ref is missing, unless
/// --skip-missing, DataError for a manifest that does not read.
SchoolTrees open_trees(const Context& ctx);

/// What a chosen subcommand will do; returns the exit code.
using Runner = std::function<int(Context&)>;

void setup_init(CLI::App& cmd, Runner& run);
void setup_enroll(CLI::App& cmd, Runner& run);
void setup_check(CLI::App& cmd, Runner& run);
void setup_list(CLI::App& cmd, Runner& run);
void setup_staff(CLI::App& cmd, Runner& run);
void setup_pair(CLI::App& cmd, Runner& run);
void setup_log_talk(CLI::App& cmd, Runner& run);
void setup_schedule(CLI::App& cmd, Runner& run);
void setup_report(CLI::App& cmd, Runner& run);
void setup_rename(CLI::App& cmd, Runner& run);
void setup_merge_file(CLI::App& cmd, Runner& run);
void setup_completion(CLI::App& cmd, Runner& run);
void setup_county(CLI::App& cmd, Runner& run);
void setup_plan(CLI::App& cmd, Runner& run);
void setup_activity(CLI::App& cmd, Runner& run);
void setup_school(CLI::App& cmd, Runner& run);
void setup_group(CLI::App& cmd, Runner& run);
void setup_key(CLI::App& cmd, Runner& run);
void setup_sync(CLI::App& cmd, Runner& run);
void setup_purge(CLI::App& cmd, Runner& run);    // purge.cpp (#43)
void setup_privacy(CLI::App& cmd, Runner& run);  // purge.cpp (#43)

/// check --allow-incomplete of `tree` as it is given (sync checks a merge before writing it,
/// TreeOptions::overlay): its error lines, in English, each naming its file first.
std::vector<std::string> check_error_lines(const Tree& tree, const Context& ctx);

/// sync.cpp, for check: liushou.yaml's sync section that does not read, and every file under
/// `root` (not .git, .liushou) holding an age private key; each as (path in the tree, why).
std::vector<std::pair<std::string, std::string>> sync_problems(const std::string& root,
                                                               const School* school);

/// Sets up the merge driver in the repository holding `root` and, with `hooks`, the
/// pre-commit hook; returns what was done, one line each.
std::string install_git_integration(const std::string& root, bool hooks);

/// Entry point of the executable, testable with any streams.
int run_cli(int argc, char** argv, std::ostream& out, std::ostream& err);

/// `path:line:col: error: field: message`, one per line, in file order.
void print_problems(std::ostream& os, const std::string& path, const Problems& problems);

/// The month a `--month` option names (2026-03), or today's month when it is empty; throws
/// UsageError for anything else.
Month month_option(const std::string& value, const Date& today);

/// The grade and class of a `--class` option: 3-2, or 三年级2班 as people write it; throws
/// UsageError for anything else.
std::pair<int, int> class_option(const std::string& option, const std::string& text);

/// The language for output: --lang, else the school's rules.language, else zh.
std::string output_language(const Context& ctx, const School* school);

/// Keeps `value` alive until the process exits, never destroying it. Freeing a county's
/// records one string at a time costs a tenth of a warm report; the kernel takes the pages
/// back at once. Only for data loaded by a read command just before it returns.
template <class T>
void release_at_exit(T&& value) {
#if defined(__SANITIZE_ADDRESS__)
    (void)value;  // under LeakSanitizer everything is freed, so that real leaks stay visible
#else
    new std::decay_t<T>(std::move(value));  // deliberately never deleted
#endif
}

/// Throws DataError listing `problems` when a file cannot be safely rewritten.
template <class Loaded>
void require_writable(const Loaded& file, Context& ctx) {
    if (file.writable()) return;
    print_problems(ctx.err, file.path, file.problems);
    throw DataError(file.path +
                    ": fix the problems above first (liushou check); liushou does "
                    "not rewrite a file it cannot read completely");
}

/// The child's record for a write under the lock: it must exist, read completely and carry
/// the id its name gives. Throws UsageError or DataError otherwise.
Child load_child_for_write(const Tree& tree, const std::string& id, Context& ctx);

/// Refuses (UsageError) an id for a new child that new_id_error refuses, or that differs from
/// an existing child's id only in case.
void require_new_child_id(const Tree& tree, const std::string& id);

/// Every child a read command can use: a file that cannot be read is named on stderr and
/// skipped, and `skipped` is set so the command can end with exit 1.
/// `errors`, when given, is increased by the errors found in the files.
std::vector<Child> readable_children(const Tree& tree, Context& ctx, bool& skipped,
                                     int* errors = nullptr);
/// The same, with the messages written to `err` (a county's schools are read side by side).
std::vector<Child> readable_children(const Tree& tree, Context& ctx, std::ostream& err,
                                     bool& skipped, int* errors = nullptr);

/// readable_children's rule for one file: whether a read command uses it; else why not is said
/// on `err` (and `skipped` set when it cannot be read). `errors` as readable_children.
bool readable_child(std::ostream& err, const Loaded<Child>& file, bool& skipped,
                    int* errors = nullptr);
/// What that rule needs of a file, kept once its record is let go (Tree::for_each_child).
struct ChildFileVerdict {
    std::string path, id, record_id;
    Problems problems;
    bool parsed = false;
};
bool readable_child(std::ostream& err, const ChildFileVerdict& file, bool& skipped,
                    int* errors = nullptr);

/// Which of `children` (id, 身份证号) no figure counts: each second file of one 身份证号
/// (second_files), named on `err` with the file that is counted instead.
std::vector<bool> second_files_said(
    std::ostream& err, const Tree& tree,
    const std::vector<std::pair<std::string_view, std::string_view>>& children);
/// readable_children less the second files of one 身份证号: the children a figure counts.
std::vector<Child> counted_children(const Tree& tree, Context& ctx, std::ostream& err,
                                    bool& skipped, int* errors = nullptr);

/// Whether a record read from children/<file_id>.yaml is that child's: a copy such as
/// children/2025-001.old.yaml says id 2025-001, and counting it would count the child twice.
/// A copy is named on `err` as skipped.
bool named_by_its_id(std::ostream& err, const std::string& path, const std::string& record_id,
                     const std::string& file_id);

/// A child given on the command line by id or by a name only one child has: an id with a file
/// is taken at once, without reading the others (so log-talk stays cheap); anything else is
/// looked up by name. A name several children share is refused (UsageError, listing their
/// ids and classes); a name nobody has comes back as given, for the caller's "no child".
std::string child_argument(const Tree& tree, const std::string& text, Context& ctx);
/// The same among children already read (report child).
std::string child_argument(const std::vector<const Child*>& children, const std::string& text);

/// Output as written: CSV with a UTF-8 byte order mark into a file (which Excel on Chinese
/// Windows then opens as UTF-8) and plain on standard output (which a script reads), unless
/// --encoding (utf-8, utf-8-bom, gb18030) says; other formats as they are.
std::string encode_output(const std::string& text, bool csv, const std::string& encoding,
                          bool to_file);

/// `text`, written in English, in `lang` (zh or en), line by line through the message
/// catalogue (messages.cpp); what the catalogue does not know stays as it is.
std::string translate(std::string_view text, std::string_view lang);
/// Damerau-Levenshtein distance (a swap of neighbours is one edit), for "did you mean list?".
size_t edit_distance(const std::string& a, const std::string& b);
/// The word of `known` nearest `typed`, at most two edits away; "" when none is.
std::string nearest_word(const std::string& typed, const std::vector<std::string>& known);
/// `text` in `lang` when the catalogue has it whole (help's descriptions), else as it is.
std::string translate_phrase(std::string_view text, std::string_view lang);
/// The catalogue's entries (English pattern, Chinese), for the tests.
std::vector<std::pair<std::string, std::string>> message_catalogue();
/// A status line for standard output ("wrote FILE") in the user's language.
std::string say(const Context& ctx, const std::string& text);
/// --lang, else LIUSHOU_LANG, else the tree's rules.language, else zh.
std::string message_language(const Context& ctx);

/// md and table name one format, the one for people (a Markdown report, an aligned table):
/// every command takes either spelling as its own `name`, so a script need not remember
/// which command says which. A transform runs before the option's check.
inline std::function<std::string(std::string)> human_format_is(std::string name) {
    return [name](std::string v) { return v == "md" || v == "table" ? name : v; };
}

/// --encoding for a CSV a command writes (utf-8-bom | utf-8 | gb18030; encode_output).
void add_output_encoding(CLI::App& cmd, std::string& encoding);

/// --encoding and --sheet for the sheet --from reads (read_sheet), both needing `from`.
void add_sheet_options(CLI::App& cmd, CLI::Option* from, std::string& encoding, std::string& sheet);

/// The format a file's name asks for by its extension, in any case: "md" (.md, .markdown),
/// "txt", "csv", "tsv", "json", "html" (.html, .htm), "docx" or "xlsx"; "" for any other name.
std::string_view format_of_name(const std::string& path);
/// -o names a folder: one that exists, or a name ending in '/'.
bool names_folder(const std::string& output);
/// -o FILE picks the format by its extension (format_of_name) when --format is not given;
/// `formats` are those the command writes, the first its text for people (md or table),
/// which .md and .txt name; .tsv names csv (written with tabs by emit_output). A format the
/// command does not write, or one other than --format's, is a UsageError. "-", no -o and a
/// folder (names_folder) leave the format as it is.
void format_from_output(const CLI::Option* format_option, std::string& format,
                        const std::string& output, std::initializer_list<std::string_view> formats);
/// -o FILE.tsv: the CSV is written with tabs.
bool tab_separated(const std::string& output);
/// A command's CSV (as encode_output wrote it) as TSV: tabs between cells, no quoting.
std::string csv_to_tsv(const std::string& csv);

/// Writes the reference document of --format docx (docx.cpp: A4, margins, Chinese fonts).
void write_reference_docx(const std::string& path);
/// A Word document's body (word/document.xml) with each table the width between the
/// margins, its columns sized by their text, and cells of ids, numbers and rates unbroken.
std::string fit_tables(const std::string& document);
/// fit_tables applied to the document at `path`, in place.
void fit_docx_tables(const std::string& path);

/// A page (--format html) as a Word document, made by pandoc with its charts as pictures.
/// Throws UsageError naming the package when pandoc is not installed.
/// Warns on `err` when a chart cannot become a picture (rsvg-convert missing).
std::string page_to_docx(const std::string& page, std::ostream& err);

/// A command's CSV as a one-sheet workbook (write_xlsx). The ' that csv_line puts before a
/// cell starting like a formula is taken off again: a workbook's text cell never runs.
/// `typed_cells`: a table of label and value (SheetTable::typed_cells).
std::string csv_to_xlsx(const std::string& csv, const std::string& sheet, const Date& created,
                        bool typed_cells = false);

struct ReportStyle;

/// CSV documents (sheet name, CSV) as one workbook, a sheet each, masked with `redact`;
/// `encoding` given is refused (a workbook is UTF-8); `typed_cells`: tables of label and value
/// (SheetTable::typed_cells). cards.cpp.
std::string csv_workbook(bool redact, const std::string& encoding, const Date& created,
                         const std::vector<std::pair<std::string, std::string>>& sheets,
                         bool typed_cells = false);
/// report child --all's cards (id, card as `style` renders it; html: the card's HTML) as one
/// document: a page of a card to a sheet, a JSON array, or the Markdown cards one after
/// another. `school` names the one school of the title, `schools` how many there are.
std::string cards_document(std::vector<std::pair<std::string, std::string>>& cards,
                           const ReportStyle& style, const std::string& school, size_t schools);

/// A command's output: to -o FILE in one atomic write ("wrote FILE" unless --quiet), else to
/// standard output. `format` names what the bytes are: an "xlsx" workbook or a "docx"
/// document is refused on a terminal, which it would garble; anything else is text.
void emit_output(Context& ctx, const std::string& output, const std::string& bytes,
                 std::string_view format = {});

/// An input file's bytes, at most `limit`: `-` is standard input.
std::string read_input(const std::string& path, uint64_t limit = 1 << 20);

/// A register or talk sheet: an .xlsx workbook by its extension or its zip signature (first
/// sheet, or `sheet`), else CSV in `encoding` (auto | utf-8 | gb18030). `detected` names what
/// was read ("xlsx", "UTF-8", "GB18030" ...). Problems go to `problems`; a file that is no
/// sheet at all throws.
Sheet read_sheet(const std::string& path, const std::string& encoding, const std::string& sheet,
                 Problems& problems, std::string* detected);
/// The same sheet as rows parsed when asked for (a CSV sheet is held as its text): for a
/// talk sheet, which may hold a county's million rows.
std::unique_ptr<SheetRows> read_sheet_rows(const std::string& path, const std::string& encoding,
                                           const std::string& sheet, Problems& problems,
                                           std::string* detected);

/// Every child, for a batch write that matches rows against them: all files must read
/// completely, else their problems are printed and DataError is thrown.
std::vector<Child> writable_children(const Tree& tree, Context& ctx);

/// The message for a batch write that failed part way: what failed, how many files were
/// already written, and that running the same command again finishes the job (imports are
/// idempotent).
std::string partial_write_note(const IoError& e, size_t written, const std::string& sheet,
                               const std::string& command);

/// `reading children/ 4000/10000` on one line of a terminal, rewritten in place every tenth of
/// the way and cleared at the end. Plain text: no colour, so NO_COLOR has nothing to turn off.
class TerminalProgress {
  public:
    static constexpr size_t kMinimum = 1000;
    explicit TerminalProgress(std::ostream& err) : err_(err) {}
    void update(const char* what, size_t done, size_t total);
    /// The language "reading children/" is shown in (messages.cpp).
    void language(std::string lang) { lang_ = std::move(lang); }

  private:
    std::ostream& err_;
    std::string lang_ = "zh";
    const char* what_ = nullptr;
    int step_ = -1;
};

/// The commit message for what a command wrote: its action, then the ids it touched.
std::string commit_message(const WriteJournal& journal);
/// With --commit or `git_commit: true`: stages and commits exactly the journal's files.
/// Exit 4 (kNotCommitted) when it could not: the files stay written and staged, git's reason
/// is printed, and the next command with --commit commits them.
int commit_if_asked(Context& ctx);

/// --encoding auto | utf-8 | gb18030 (utf8 and gbk too).
Encoding parse_encoding(const std::string& name);

/// staff.yaml, which must read completely (references are checked against it).
StaffList load_staff_checked(const Tree& tree, Context& ctx);

/// Called once at the start of the program, before the heap is busy: reserves 256 MiB of
/// address space for the main heap and asks the kernel for transparent huge pages there
/// (much as GLIBC_TUNABLES=glibc.malloc.hugetlb=1 does for every heap). Returns the bytes so
/// marked; 0 when the kernel, a limit or the build (sanitizers) leaves it out.
size_t prefer_huge_pages();

/// A date option: flexible forms, not after today. Empty text gives `fallback`.
Date date_option(const std::string& option, const std::string& text, const Date& fallback,
                 const Date& today);

}  // namespace liushou
