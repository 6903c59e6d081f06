// liushou schedule: the month's checklist for the school, a teacher or a class.
#include "liushou/schedule.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/filesystem.hpp>
#include <memory>

#include "cli.hpp"
#include "liushou/care.hpp"
#include "liushou/i18n.hpp"
#include "liushou/render.hpp"
#include "liushou/store.hpp"
#include "schedule_sheets.hpp"

namespace liushou {

namespace {

struct ScheduleOptions {
    std::string month;
    std::string teacher;
    std::string klass;
    std::string format = "md";
    std::string encoding;  // of CSV
    std::string output;
    bool per_teacher = false;  // --per-teacher -o DIR/: a sheet to fill in for each teacher
};

/// The sheets to fill in (#46): --teacher T with a workbook, or --per-teacher into a folder.
/// Each is the checklist cut to what its teacher owes, made fresh (its base names the tree's
/// revision, so it is never a cached copy).
int write_checklist_sheets(const ScheduleOptions& o, Context& ctx, const Tree& tree,
                           const School& school, const StaffList& staff,
                           const std::vector<ChildDuties>& duties, const Month& month,
                           const std::vector<Activity>& activities, const std::string& teacher) {
    const GitState git = tree.git_state();
    const std::string revision = git.commit.empty() ? "" : git.commit + (git.dirty ? "+" : "");
    std::vector<std::string> teachers;
    if (!teacher.empty()) {
        teachers.push_back(teacher);
    } else {
        // Every teacher some child of the month is paired with, in staff order.
        for (const Staff& s : staff.staff)
            if (std::any_of(duties.begin(), duties.end(),
                            [&](const ChildDuties& d) { return d.in_month && d.teacher == s.id; }))
                teachers.push_back(s.id);
        if (!o.output.empty()) make_output_dir(o.output);
    }
    std::vector<Checklist> lists;
    for (const std::string& t : teachers) {
        ScheduleFilter filter;
        filter.teacher = t;
        const Schedule schedule =
            schedule_from_duties(school, duties, month, ctx.today, filter, &activities);
        lists.push_back(teacher_checklist(schedule, school.school, t));
    }
    if (o.per_teacher && o.output.empty()) {
        // --per-teacher alone: what each teacher still owes, after the sheets logged so far.
        ctx.out << checklist_overview(lists, duties, staff, output_language(ctx, &school));
        return kOk;
    }
    for (const Checklist& list : lists) {
        const std::string& t = list.teacher;
        const std::string bytes = checklist_workbook(list, staff, revision, ctx.today);
        const Staff* who = staff.find(t);
        const std::string path = o.per_teacher ? (boost::filesystem::path(o.output) /
                                                  checklist_file_name(month, who ? who->name : t))
                                                     .string()
                                               : o.output;
        emit_output(ctx, path, bytes, "xlsx");
    }
    if (teachers.empty() && !ctx.quiet)
        ctx.out << say(
            ctx,
            fmt::format(N_("no child of {} is paired with a teacher; no sheet was written") "\n",
                        month.iso()));
    return kOk;
}

int run_schedule(const ScheduleOptions& o, Context& ctx) {
    const Month month = month_option(o.month, ctx.today);
    const Tree tree = open_tree(ctx);
    const auto school = tree.load_school();
    if (!school.parsed) {
        print_problems(ctx.err, school.path, school.problems);
        return kDataProblem;
    }
    const StaffList staff = load_staff_checked(tree, ctx);
    ScheduleFilter filter;
    if (!o.teacher.empty()) {
        std::string error;
        const Staff* s = find_staff(staff, o.teacher, error);
        if (!s) throw UsageError("--teacher: " + error);
        filter.teacher = s->id;
    }
    if (!o.klass.empty())
        std::tie(filter.grade, filter.class_no) = class_option("--class", o.klass);

    const std::string lang = output_language(ctx, &school.record);
    const bool to_file = !o.output.empty() && o.output != "-";
    if (!o.encoding.empty() && o.format != "csv")
        throw UsageError(o.format == "xlsx"
                             ? N_("--encoding is for CSV; a workbook is UTF-8")
                             : N_("--encoding is for CSV; it goes with --format csv"));
    // The checklist as last printed, when it was made with the same options and nothing it is
    // made from has changed since: printing it again is a copy. (A Word document is pandoc's,
    // not only ours: made afresh.)
    const std::string context = fmt::format("schedule {} {}", month.iso(), ctx.today.iso());
    const std::string printed = fmt::format(
        "{}\nteacher {}\nclass {} {}\nformat {} {} {}\nlanguage {}", context, filter.teacher,
        filter.grade.value_or(0), filter.class_no.value_or(0), o.format, o.encoding, to_file, lang);
    const bool sheets = o.per_teacher || (o.format == "xlsx" && !filter.teacher.empty());
    if (o.format != "docx" && !sheets)
        if (auto bytes = tree.cached_output(printed)) {
            emit_output(ctx, o.output, *bytes, o.format);
            release_at_exit(std::move(*bytes));
            return kOk;
        }

    const int64_t started = clock_ns();
    bool skipped = false;
    std::vector<Activity> activities;
    for (auto& a : tree.load_activities())
        if (a.parsed) activities.push_back(std::move(a.record));
    // Each child's part of the checklist: from the tree's cache when no file has changed since
    // it was worked out for this month and day (a warm checklist decodes no child), else from
    // the records, and kept for the next run.
    std::vector<ChildDuties> duties;
    std::vector<Child> children;
    int errors = 0;
    const GreetingDays greetings = greeting_days(&activities);
    // A child's file changed: its duties were worked out again (and kept in the cache's order);
    // should it now sort elsewhere (another class), the set is sorted and kept again whole.
    bool recounted = false, reordered = false;
    const auto recount = [&](const Child& c, ChildDuties& d) {
        d = child_duties(c, school.record, month, ctx.today, greetings, &activities);
        return true;
    };
    if (auto cached = tree.cached_per_child<ChildDuties>(context, nullptr, recount, &recounted)) {
        duties = std::move(*cached);
        reordered = recounted && !duties_sorted(duties);
        if (reordered) sort_duties(duties);
    } else {
        children = readable_children(tree, ctx, skipped, &errors);
        duties.reserve(children.size());
        for (const Child& c : children)
            duties.push_back(
                child_duties(c, school.record, month, ctx.today, greetings, &activities));
        sort_duties(duties);  // kept so: a warm checklist need not sort
    }
    std::vector<std::string> ids;
    ids.reserve(duties.size());
    for (const ChildDuties& d : duties) ids.push_back(d.child.id);
    bool whole = !skipped && errors == 0;
    if (whole && (!children.empty() || reordered))
        tree.cache_per_child(context, ids, duties, started);
    // One child in two files (one 身份证号) is listed once, as every figure counts it (#39); the
    // other file is named on stderr, so such a checklist is not kept as printed.
    {
        std::vector<std::pair<std::string_view, std::string_view>> keys;
        keys.reserve(duties.size());
        for (const ChildDuties& d : duties) keys.emplace_back(d.child.id, d.id_number);
        const std::vector<bool> second = second_files_said(ctx.err, tree, keys);
        if (std::find(second.begin(), second.end(), true) != second.end()) {
            std::vector<ChildDuties> once;
            once.reserve(duties.size());
            for (size_t i = 0; i < duties.size(); ++i)
                if (!second[i]) once.push_back(std::move(duties[i]));
            duties = std::move(once);
            whole = false;
        }
    }
    if (o.per_teacher || (o.format == "xlsx" && !filter.teacher.empty())) {
        const int status = write_checklist_sheets(o, ctx, tree, school.record, staff, duties, month,
                                                  activities, filter.teacher);
        return skipped ? kDataProblem : status;
    }
    Schedule schedule = schedule_from_duties(school.record, std::move(duties), month, ctx.today,
                                             filter, &activities);
    std::string bytes;
    if (o.format == "xlsx")
        bytes = csv_to_xlsx(schedule_csv(schedule, staff, lang),
                            lang == "en" ? "Checklist" : "工作清单", ctx.today);
    else if (o.format == "html" || o.format == "docx") {
        bytes = markdown_page(schedule_markdown(schedule, school.record, staff, lang), lang);
        if (o.format == "docx") bytes = page_to_docx(bytes, ctx.err);
    } else if (o.format == "csv")
        bytes = encode_output(schedule_csv(schedule, staff, lang), true, o.encoding, to_file);
    else
        bytes = o.format == "json" ? schedule_json(schedule, school.record, staff)
                                   : schedule_markdown(schedule, school.record, staff, lang);
    emit_output(ctx, o.output, bytes, o.format);
    if (whole && o.format != "docx") tree.cache_output(printed, ids, bytes, started);
    release_at_exit(std::move(children));
    release_at_exit(std::move(schedule));  // a county's checklist is freed by the exit
    release_at_exit(std::move(bytes));
    return skipped ? kDataProblem : kOk;
}

}  // namespace

void setup_schedule(CLI::App& cmd, Runner& run) {
    auto o = std::make_shared<ScheduleOptions>();
    cmd.add_option("--month", o->month, N_("The month, e.g. 2026-03 (default: this month)"))
        ->type_name("YYYY-MM");
    cmd.add_option("--teacher", o->teacher,
                   N_("Only this teacher's children (a staff id or unique name)"))
        ->type_name("T");
    cmd.add_option("--class", o->klass, N_("Only this class, e.g. 3-2"))->type_name("G-C");
    auto* format =
        cmd.add_option("--format", o->format,
                       N_("md | json | csv | xlsx | html | docx (default md, or -o FILE's "
                          "extension; csv and xlsx have a row for each thing to do; "
                          "docx needs pandoc)"))
            ->check(CLI::IsMember({"md", "json", "csv", "xlsx", "html", "docx"}))
            ->transform(human_format_is("md"));
    cmd.add_option("-o,--output", o->output,
                   N_("Write to FILE, its extension picking the format; - for standard output"))
        ->type_name("FILE");
    add_output_encoding(cmd, o->encoding);
    cmd.add_flag("--per-teacher", o->per_teacher,
                 N_("With -o DIR/: a workbook to fill in for each teacher (NAME-YYYY-MM.xlsx), "
                    "which log-talk --from takes back; without -o, what each teacher still owes"));
    cmd.callback([o, format, &run] {
        if (o->per_teacher) {
            if (o->output == "-")
                throw UsageError(
                    N_("--per-teacher writes one workbook per teacher: give the folder with -o "
                       "DIR/, or no -o for what each still owes"));
            if (o->output.size() > 5 && o->output.compare(o->output.size() - 5, 5, ".xlsx") == 0)
                throw UsageError(
                    N_("--per-teacher writes one workbook per teacher into a folder: -o DIR/; for "
                       "one teacher's, --teacher T -o FILE.xlsx"));
            if (!o->teacher.empty() || !o->klass.empty())
                throw UsageError(
                    N_("--per-teacher makes every teacher's sheet; for one teacher "
                       "use --teacher T -o FILE.xlsx"));
            if (format->count() && o->format != "xlsx")
                throw UsageError(N_("--per-teacher writes workbooks (xlsx)"));
            o->format = "xlsx";
        } else {
            format_from_output(format, o->format, o->output,
                               {"md", "json", "csv", "xlsx", "html", "docx"});
        }
        run = [o](Context& ctx) { return run_schedule(*o, ctx); };
    });
}

}  // namespace liushou
