// Wiring shared by the command files: each command declares its options on a CLI11 subcommand
// and leaves behind a runner that main calls with the context once parsing succeeded.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

#include "liushou/codec.hpp"
#include "liushou/context.hpp"
#include "liushou/error.hpp"
#include "liushou/validate.hpp"

namespace liushou {

class Tree;
struct Child;
struct School;
struct StaffList;

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
std::vector<Child> readable_children(const Tree& tree, Context& ctx, bool& skipped);

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

  private:
    std::ostream& err_;
    const char* what_ = nullptr;
    int step_ = -1;
};

/// The commit message for what a command wrote: its action, then the ids it touched.
std::string commit_message(const WriteJournal& journal);
/// With --commit or `git_commit: true`: stages and commits exactly the journal's files.
void commit_if_asked(Context& ctx);

/// --encoding auto | utf-8 | gb18030 (utf8 and gbk too).
Encoding parse_encoding(const std::string& name);

/// staff.yaml, which must read completely (references are checked against it).
StaffList load_staff_checked(const Tree& tree, Context& ctx);

/// A date option: flexible forms, not after today. Empty text gives `fallback`.
Date date_option(const std::string& option, const std::string& text, const Date& fallback,
                 const Date& today);

}  // namespace liushou
