// liushou report summary | child | class | talks: what the school sends to the county and
// keeps on file, over one tree or several (--root repeated).
#include <fmt/format.h>

#include <atomic>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <sstream>
#include <thread>

#include "liushou/i18n.hpp"
#include "liushou/parallel.hpp"
#include "report_parts.hpp"

namespace liushou {
namespace report_cli {

namespace {

/// One school's files; messages go to `err`, problems that stop the report are thrown.
LoadedTree load_tree(const Tree& tree, Context& ctx, std::ostream& err, bool& skipped,
                     ChildRecords records) {
    LoadedTree t;
    t.tree = tree;
    if (tree.rev().empty()) {
        t.git = std::async(std::launch::async, [tree] { return tree.git_state(); }).share();
    } else {
        // A commit's state is what it is (no git is asked): no thread, and no copy of the
        // tree held by one until the report ends.
        std::promise<GitState> state;
        state.set_value(tree.git_state());
        t.git = state.get_future().share();
    }
    auto school = tree.load_school();
    if (!school.parsed) {
        print_problems(err, school.path, school.problems);
        throw DataError(fmt::format(N_("{}: cannot be read; nothing was reported"), school.path));
    }
    t.school = school.record;
    const auto staff = tree.load_staff();
    if (staff.parsed) {
        t.staff = staff.record;
        t.staff.index();  // every card and row names its teachers: 2,000 in a county
    } else
        skipped = true, print_problems(err, staff.path, staff.problems);
    for (const auto& p : staff.problems) t.errors += p.severity == Severity::error;
    if (records == ChildRecords::one_by_one) t.cached = tree.cached_children();
    if (t.cached) {
        // As readable_children, without the records: a record in the cache reads cleanly.
        t.child_names.reserve(t.cached->size());
        std::ostringstream copies;  // said once it is sure the cache is whole
        std::string id, name;
        for (size_t k = 0; t.cached && k < t.cached->size(); ++k) {
            const std::string& file_id = t.cached->id(k);
            if (!t.cached->name(k, id, name))
                t.cached.reset();  // a damaged cache: the files are read instead
            else if (named_by_its_id(copies, tree.display(tree.child_relative(file_id)), id,
                                     file_id)) {
                t.child_names.emplace(id, name);
                t.cached_cards.push_back(k);
            }
        }
        if (t.cached)
            err << copies.str();
        else
            t.child_names.clear(), t.cached_cards.clear();
    }
    if (records != ChildRecords::none && !t.cached) {
        t.children = records == ChildRecords::counted
                         ? counted_children(tree, ctx, err, skipped, &t.errors)
                         : readable_children(tree, ctx, err, skipped, &t.errors);
        t.child_names.reserve(t.children.size());
        for (const auto& c : t.children) t.child_names.emplace(c.id, c.name);
    }
    for (auto& a : tree.load_activities()) {
        for (const auto& p : a.problems) t.errors += p.severity == Severity::error;
        if (a.parsed)
            t.activities.push_back(std::move(a.record));
        else
            err << fmt::format(N_("{}: skipped, it cannot be read (run liushou check)") "\n",
                               a.path),
                skipped = true;
    }
    return t;
}

}  // namespace

/// Runs `work(i, err, skipped)` for each of `n` schools side by side (while git inflates one
/// repository's objects, another school's records are decoded); messages keep the schools'
/// order, and the first failure is rethrown.
void for_each_school(Context& ctx, size_t n, bool& skipped,
                     const std::function<void(size_t, std::ostream&, bool&)>& work) {
    if (n == 1) {
        work(0, ctx.err, skipped);
        return;
    }
    std::vector<std::ostringstream> errs(n);
    std::vector<std::exception_ptr> failures(n);
    std::vector<char> skips(n, 0);
    std::atomic<size_t> next{0};
    auto run = [&] {
        for (size_t i = next++; i < n; i = next++) {
            try {
                bool s = false;
                work(i, errs[i], s);
                skips[i] = s;
            } catch (...) {
                failures[i] = std::current_exception();
            }
        }
    };
    // A school is a tree to read: a thread each, up to the cores (or --jobs).
    run_on_threads(std::min(worker_count(ctx.jobs, n, 1), static_cast<int>(std::max<size_t>(n, 1))),
                   run);
    for (size_t i = 0; i < n; ++i) {
        ctx.err << errs[i].str();
        if (failures[i]) std::rethrow_exception(failures[i]);
        skipped = skipped || skips[i];
    }
}

/// The schools' trees, with what `records` asks of their children.
LoadedTrees load_trees(Context& ctx, bool& skipped, bool json, ChildRecords records) {
    LoadedTrees out;
    const SchoolTrees opened = open_trees(ctx);
    out.coverage.county = opened.county;
    // Why a school is missing is a message: in the reader's language, as the report is; in
    // JSON the same in every language (English, as check --format json quotes messages).
    for (const auto& m : opened.missing)
        out.coverage.missing.emplace_back(m.label, json ? m.why : say(ctx, m.why));
    out.trees.resize(opened.trees.size());
    for_each_school(ctx, opened.trees.size(), skipped, [&](size_t i, std::ostream& err, bool& s) {
        out.trees[i] = load_tree(opened.trees[i], ctx, err, s, records);
    });
    return out;
}

std::vector<Provenance> provenance(const std::vector<LoadedTree>& trees) {
    std::vector<Provenance> out;
    for (const auto& t : trees)
        out.push_back(Provenance{&t.school, &t.staff, t.git.get().commit, t.git.get().dirty,
                                 t.errors, &t.activities, &t.child_names});
    return out;
}

ReportStyle style_of(const ReportOptions& o, const Context& ctx, const School& school) {
    ReportStyle style;
    style.lang = output_language(ctx, &school);
    o.lang = style.lang;
    // A workbook is the CSV's table, typed (csv_to_xlsx); a Word document is the page's.
    style.format = o.format == "json"                         ? Format::json
                   : o.format == "csv" || o.format == "xlsx"  ? Format::csv
                   : o.format == "html" || o.format == "docx" ? Format::html
                                                              : Format::md;
    style.redact = o.redact;
    return style;
}

std::string encoded(const ReportOptions& o, const Context& ctx, const std::string& report,
                    bool to_file) {
    // --redact masks each field as it is written, and here everything the report prints once
    // more, whoever wrote it (a template's own text, a school's name, a heading): every
    // report and format leaves through this function.
    std::string masked;
    if (o.redact)
        masked = redact_document(report, o.format == "json"                         ? Format::json
                                         : o.format == "csv" || o.format == "xlsx"  ? Format::csv
                                         : o.format == "html" || o.format == "docx" ? Format::html
                                                                                    : Format::md);
    const std::string& text = o.redact ? masked : report;
    if (o.format == "xlsx") {
        if (!o.encoding.empty()) throw UsageError(N_("--encoding is for CSV; a workbook is UTF-8"));
        return csv_to_xlsx(text, o.lang == "en" ? o.sheet.second : o.sheet.first, ctx.today,
                           o.typed_cells);
    }
    if (o.format == "docx") {
        if (!o.encoding.empty()) throw UsageError(N_("--encoding is for CSV; a document is UTF-8"));
        return page_to_docx(text, ctx.err);
    }
    return encode_output(text, o.format == "csv", o.encoding, to_file);
}

bool streams(const ReportOptions& o) {
    // To standard output, a text that leaves as it is made (UTF-8, nothing masked); a file is
    // written whole (write_output: atomically, and left alone when it holds the same bytes).
    return (o.output.empty() || o.output == "-") && !o.redact && o.encoding.empty() &&
           (o.format == "md" || o.format == "json" || o.format == "html");
}

void emit(const ReportOptions& o, Context& ctx, const std::string& text) {
    const bool to_file = !o.output.empty() && o.output != "-";
    // A text that leaves as it is (UTF-8, nothing masked) is not copied first: a province's
    // summary is 60 MB of Markdown, 200 MB of JSON.
    if (!o.redact && o.encoding.empty() &&
        (o.format == "md" || o.format == "json" || o.format == "html")) {
        emit_output(ctx, o.output, text, o.format);
        return;
    }
    emit_output(ctx, o.output, encoded(o, ctx, text, to_file), o.format);
}

}  // namespace report_cli

namespace {

using namespace report_cli;

Date date_arg(const std::string& option, const std::string& text, const Date& fallback) {
    if (text.empty()) return fallback;
    const DateParse parsed = parse_flexible_date(text);
    if (!parsed.date) throw UsageError(option + ": " + parsed.error);
    return *parsed.date;
}

int run_summary(const ReportOptions& o, Context& ctx) {
    const Date as_of = date_arg("--as-of", o.as_of, ctx.today);
    if (as_of > ctx.today)
        throw UsageError(fmt::format(N_("--as-of {} is in the future"), as_of.iso()));
    PeriodRequest ask;
    ask.as_of = as_of;
    ask.term = o.term;
    if (!o.term.empty() && (!o.from.empty() || !o.to.empty()))
        throw UsageError(N_("give --term or --from/--to, not both"));
    if (!o.template_file.empty() && o.format != "md")
        throw UsageError(N_("--template fills a Markdown text; it goes with --format md"));
    if (!o.from.empty() || !o.to.empty()) {
        if (o.from.empty() || o.to.empty()) throw UsageError(N_("--from and --to go together"));
        ask.from = date_arg("--from", o.from, ctx.today);
        ask.to = date_arg("--to", o.to, ctx.today);
        if (*ask.to < *ask.from) throw UsageError(N_("--to is before --from"));
    }
    bool skipped = false;
    auto loaded = load_trees(ctx, skipped, o.format == "json", ChildRecords::none);
    auto& trees = loaded.trees;
    const School& first = trees.front().school;
    std::vector<const School*> schools;
    for (const auto& t : trees) schools.push_back(&t.school);
    // Each school over its own days: a term is found in each by its dates, not its name.
    const PeriodChoice chosen = choose_periods(schools, ask);
    if (!chosen.error.empty()) throw UsageError(chosen.error);
    for (size_t i = 0; i < trees.size(); ++i)
        if (as_of < chosen.periods[i].from)
            throw UsageError(
                fmt::format(N_("{}the period starts {}, after the day the figures are for ({})"),
                            trees.size() > 1 ? trees[i].school.school + ": " : "",
                            chosen.periods[i].from.iso(), as_of.iso()));
    // Each child's figures: read from the tree's figures cache when no file has changed since
    // they were worked out for these days (a warm report decodes no child), else worked out
    // from the records and kept for the next run. Each school's are summed into its part of
    // the summary as soon as they are had, and let go with its records: a county of 1,000
    // schools holds its report, never every child's figures or records at once.
    std::vector<SchoolSummary> parts(trees.size());
    for_each_school(ctx, trees.size(), skipped, [&](size_t i, std::ostream& err, bool& s) {
        LoadedTree& t = trees[i];
        const Period& own = chosen.periods[i];
        const Date end = own.to < as_of ? own.to : as_of;
        const std::string context =
            fmt::format("summary {} {} {}", own.from.iso(), own.to.iso(), end.iso());
        const GreetingDays greetings = greeting_days(&t.activities);
        // A child whose file changed since is counted again from that file alone.
        const auto recount = [&](const Child& c, ChildFigures& f) {
            f = child_figures(c, t.school, own, end, greetings);
            return true;
        };
        std::vector<ChildFigures> figures;
        if (auto cached = t.tree->cached_per_child<ChildFigures>(context, nullptr, recount)) {
            figures = std::move(*cached);
        } else {
            const int64_t started = clock_ns();
            bool child_skipped = false;
            int errors = 0;
            // Each child is counted by the worker that read it, and its record let go there
            // (readable_children's files, less their records, are judged after, in order).
            std::vector<ChildFileVerdict> files;
            std::vector<char> exists;
            std::vector<ChildFigures> all;
            t.tree->for_each_child(
                [&](size_t n) { files.resize(n), exists.resize(n), all.resize(n); },
                [&](size_t k, Loaded<Child>& file) {
                    if (file.parsed && file.record.id == file.id)
                        all[k] = child_figures(file.record, t.school, own, end, greetings);
                    exists[k] = file.exists;
                    files[k] = {std::move(file.path), std::move(file.id), std::move(file.record.id),
                                std::move(file.problems), file.parsed};
                });
            std::vector<std::string> ids;
            figures.reserve(files.size());
            for (size_t k = 0; k < files.size(); ++k)
                if (exists[k] && readable_child(err, files[k], child_skipped, &errors)) {
                    figures.push_back(std::move(all[k]));
                    ids.push_back(std::move(files[k].id));
                }
            t.errors += errors;
            s = s || child_skipped;
            if (!child_skipped && errors == 0)
                t.tree->cache_per_child(context, ids, figures, started);
        }
        // Every child's figures are kept (the cache holds the tree as it is); one child in
        // two files is counted once, from either.
        std::vector<std::pair<std::string_view, std::string_view>> keys;
        keys.reserve(figures.size());
        for (const ChildFigures& f : figures) keys.emplace_back(f.id, f.id_number);
        const std::vector<bool> second = second_files_said(err, *t.tree, keys);
        size_t kept = 0;
        for (size_t k = 0; k < figures.size(); ++k)
            if (!second[k]) {
                if (kept != k) figures[kept] = std::move(figures[k]);
                ++kept;
            }
        figures.resize(kept);
        parts[i] = summarize_school(SchoolRecords{&t.school, nullptr, own, &t.activities, &figures},
                                    chosen.asked, as_of);
        t.tree.reset();  // a repository's listing, a school's cache maps: no longer needed
    });
    const Summary summary = combine_schools(std::move(parts), chosen.asked, as_of);
    if (!o.template_file.empty()) {
        // The school's own 工作总结, its placeholders filled in; all or nothing.
        const std::string text = read_input(o.template_file);
        if (const size_t bad = invalid_utf8_at(text); bad != std::string::npos)
            throw DataError(N_("the template is not UTF-8 text; save it as UTF-8"), o.template_file,
                            1 + static_cast<int>(std::count(
                                    text.begin(), text.begin() + static_cast<long>(bad), '\n')));
        const TemplateFill filled = fill_summary_template(
            summary, provenance(trees), loaded.coverage, style_of(o, ctx, first), text);
        if (!filled.unknown.empty()) {
            for (const auto& [line, name] : filled.unknown)
                ctx.err << fmt::format("{}:{}:1: error: unknown placeholder {}\n", o.template_file,
                                       line, name);
            std::string known;
            for (const auto& p : summary_placeholders()) known += (known.empty() ? "" : " ") + p;
            throw DataError(fmt::format("{}: " N_("nothing was written; the placeholders are {}"),
                                        o.template_file, known));
        }
        emit(o, ctx, filled.text);
    } else if (o.format == "xlsx") {
        // The figures' sheet, and a second naming each child of a rate below 100%.
        const ReportStyle style = style_of(o, ctx, first);
        const bool en = style.lang == "en";
        const std::string table =
            render_summary(summary, provenance(trees), loaded.coverage, style);
        emit_output(
            ctx, o.output,
            csv_workbook(o.redact, o.encoding, ctx.today,
                         {{en ? o.sheet.second : o.sheet.first, table},
                          {en ? "Shortfalls" : "尚未达到", render_shortfalls_csv(summary, style)}}),
            o.format);
    } else if (streams(o)) {
        // Written as it is made: a province's JSON is 200 MB, its page more.
        write_summary(summary, provenance(trees), loaded.coverage, style_of(o, ctx, first),
                      [&](std::string_view piece) {
                          ctx.out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
                      });
    } else {
        emit(o, ctx,
             render_summary(summary, provenance(trees), loaded.coverage, style_of(o, ctx, first)));
    }
    release_at_exit(std::move(loaded));
    return skipped ? kDataProblem : kOk;
}

/// The class `report class` is asked for, in whichever of its forms.
std::pair<int, int> class_asked(const ReportOptions& o) {
    if (!o.klass.empty()) {
        if (!o.class_words.empty())
            throw UsageError(N_("give the class once: report class 3-2 or --class 3-2"));
        return class_option("--class", o.klass);
    }
    if (o.class_words.size() == 1) return class_option("class", o.class_words[0]);
    if (o.class_words.size() == 2) {
        const auto g = parse_small_number(o.class_words[0]);
        const auto k = parse_small_number(o.class_words[1]);
        if (!g || *g < 1 || *g > 6 || !k || *k < 1 || *k > 99)
            throw UsageError(fmt::format(N_("class {} {}: write the class as 3-2, 三年级二班 or "
                                            "三(2)班 (grade 1 to 6)"),
                                         o.class_words[0], o.class_words[1]));
        return {*g, *k};
    }
    throw UsageError(N_("which class? liushou report class 3-2"));
}

int run_class(const ReportOptions& o, Context& ctx) {
    const auto [grade, class_no] = class_asked(o);
    bool skipped = false;
    const auto loaded = load_trees(ctx, skipped, false, ChildRecords::counted);
    const auto& trees = loaded.trees;
    const auto sources = provenance(trees);
    std::vector<ClassRoster> rosters;
    for (size_t i = 0; i < trees.size(); ++i) {
        ClassRoster r{&sources[i], {}};
        for (const Child& c : trees[i].children)
            if (c.grade == grade && c.class_no == class_no && enrolled_on_day(c, ctx.today))
                r.children.push_back(&c);
        std::sort(r.children.begin(), r.children.end(),
                  [](const Child* a, const Child* b) { return natural_less(a->id, b->id); });
        rosters.push_back(r);
    }
    emit(o, ctx,
         render_class(grade, class_no, rosters, ctx.today, style_of(o, ctx, trees.front().school)));
    return skipped ? kDataProblem : kOk;
}

int run_talks(const ReportOptions& o, Context& ctx) {
    const Month month = month_option(o.month, ctx.today);
    bool skipped = false;
    const auto loaded = load_trees(ctx, skipped, false, ChildRecords::counted);
    const auto& trees = loaded.trees;
    const auto sources = provenance(trees);
    std::vector<TalkLine> lines;
    for (size_t i = 0; i < trees.size(); ++i)
        for (const Child& c : trees[i].children)
            for (const Talk& t : c.talks)
                // An entry dated when the child was not enrolled counts nowhere, the log
                // included; check reports it.
                if (t.date && t.date->year == month.year && t.date->month == month.month &&
                    enrolled_on_day(c, *t.date))
                    lines.push_back(TalkLine{&sources[i], &c, &t});
    std::stable_sort(lines.begin(), lines.end(), [](const TalkLine& a, const TalkLine& b) {
        if (*a.talk->date != *b.talk->date) return *a.talk->date < *b.talk->date;
        return natural_less(a.child->id, b.child->id);
    });
    emit(o, ctx, render_talks(month, lines, style_of(o, ctx, trees.front().school)));
    return skipped ? kDataProblem : kOk;
}

int run_subsidies(const ReportOptions& o, Context& ctx) {
    bool skipped = false;
    const auto loaded = load_trees(ctx, skipped, false, ChildRecords::counted);
    const auto& trees = loaded.trees;
    const auto sources = provenance(trees);
    SubsidyRoll roll;
    roll.as_of = ctx.today;
    // The children as they stand today: a subsidy granted or ended later is not there.
    std::vector<std::vector<Child>> now(trees.size());
    for (size_t i = 0; i < trees.size(); ++i) {
        for (const Child& c : trees[i].children)
            if (enrolled_on_day(c, ctx.today)) {
                ++roll.enrolled;
                Child then = state_on(c, ctx.today);
                if (!then.support.subsidies.empty()) now[i].push_back(std::move(then));
            }
        std::sort(now[i].begin(), now[i].end(), [](const Child& a, const Child& b) {
            const auto ka = std::make_pair(a.grade.value_or(99), a.class_no.value_or(99));
            const auto kb = std::make_pair(b.grade.value_or(99), b.class_no.value_or(99));
            return ka != kb ? ka < kb : natural_less(a.id, b.id);
        });
    }
    for (size_t i = 0; i < trees.size(); ++i) {
        ClassRoster r{&sources[i], {}};
        for (const Child& c : now[i]) r.children.push_back(&c);
        roll.schools.push_back(r);
    }
    emit(o, ctx, render_subsidies(roll, style_of(o, ctx, trees.front().school)));
    return skipped ? kDataProblem : kOk;
}

CLI::Option* common_options(CLI::App& cmd, ReportOptions& o) {
    auto* format =
        cmd.add_option("--format", o.format,
                       N_("md | json | csv | xlsx | html | docx (default md, or -o FILE's "
                          "extension; docx needs pandoc)"))
            ->check(CLI::IsMember({"md", "json", "csv", "xlsx", "html", "docx"}))
            ->transform(human_format_is("md"));
    cmd.add_flag("--redact", o.redact,
                 N_("Mask phone numbers (138****5678), id numbers and house numbers"));
    cmd.add_option(
           "-o,--output", o.output,
           N_("Write to FILE, its extension picking the format (.md .txt .csv .tsv .json .html "
              ".docx .xlsx); - for standard output; with child --all, a folder DIR/"))
        ->type_name("FILE");
    add_output_encoding(cmd, o.encoding);
    return format;
}

}  // namespace

void setup_report(CLI::App& cmd, Runner& run) {
    cmd.require_subcommand(1);
    auto o = std::make_shared<ReportOptions>();

    auto* summary =
        cmd.add_subcommand("summary", N_("The 工作总结: every rate, by grade and class"));
    summary->add_option("--term", o->term, N_("A term of liushou.yaml, e.g. 第二学期"))
        ->type_name("NAME");
    summary->add_option("--from", o->from, N_("First day of the period"))->type_name("DATE");
    summary->add_option("--to", o->to, N_("Last day of the period"))->type_name("DATE");
    summary
        ->add_option("--as-of", o->as_of,
                     N_("Recompute as the records stood on this day (default: today)"))
        ->type_name("DATE");
    summary
        ->add_option(
            "--template", o->template_file,
            N_("Fill the school's own 工作总结 (Markdown) with {{建档率}}, {{基本情况表}} …"))
        ->type_name("FILE");
    summary->callback([o, format = common_options(*summary, *o), &run] {
        format_from_output(format, o->format, o->output,
                           {"md", "json", "csv", "xlsx", "html", "docx"});
        o->sheet = {"工作总结", "Summary"};
        run = [o](Context& ctx) { return run_summary(*o, ctx); };
    });

    auto* child = cmd.add_subcommand("child", N_("A child's 档案卡: every field, pairing, talks"));
    child->add_option("id", o->id, N_("The child"))->type_name("ID");
    child->add_flag(
        "--all", o->all,
        N_("Every child's card: one document (-o FILE, or standard output), a sheet each in "
           "-o FILE.xlsx, or a file each in -o DIR/"));
    child->callback([o, format = common_options(*child, *o), &run] {
        format_from_output(format, o->format, o->output,
                           {"md", "json", "csv", "xlsx", "html", "docx"});
        o->sheet = {"档案卡", "Card"};
        o->typed_cells = true;
        run = [o](Context& ctx) { return run_child(*o, ctx); };
    });

    auto* klass = cmd.add_subcommand("class", N_("A class roster with guardians and pairs"));
    klass
        ->add_option("class", o->class_words,
                     N_("The class: 3-2, 三年级二班, 三(2)班, or grade and number"))
        ->type_name("G-C")
        ->expected(0, 2);
    klass->add_option("--class", o->klass, N_("The class, as above"))->type_name("G-C");
    klass->callback([o, format = common_options(*klass, *o), &run] {
        format_from_output(format, o->format, o->output,
                           {"md", "json", "csv", "xlsx", "html", "docx"});
        o->sheet = {"班级名册", "Class"};
        run = [o](Context& ctx) { return run_class(*o, ctx); };
    });

    auto* subsidies = cmd.add_subcommand(
        "subsidies", N_("Who receives which subsidy (两免一补, 营养餐 …), with counts"));
    subsidies->callback([o, format = common_options(*subsidies, *o), &run] {
        format_from_output(format, o->format, o->output,
                           {"md", "json", "csv", "xlsx", "html", "docx"});
        o->sheet = {"资助名单", "Subsidies"};
        run = [o](Context& ctx) { return run_subsidies(*o, ctx); };
    });

    auto* talks = cmd.add_subcommand("talks", N_("The month's log of talks, visits and calls"));
    talks->add_option("--month", o->month, N_("The month (default: this month)"))
        ->type_name("YYYY-MM");
    talks->callback([o, format = common_options(*talks, *o), &run] {
        format_from_output(format, o->format, o->output,
                           {"md", "json", "csv", "xlsx", "html", "docx"});
        o->sheet = {"谈心记录", "Talks"};
        run = [o](Context& ctx) { return run_talks(*o, ctx); };
    });
}

}  // namespace liushou
