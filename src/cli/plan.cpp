// liushou plan: the month-by-month work plan of liushou.yaml, listed and ticked off, so that the
// checklist shows what was done and the summary how much of the plan was carried out.
#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "cli.hpp"
#include "liushou/i18n.hpp"
#include "liushou/render.hpp"
#include "liushou/schedule.hpp"
#include "liushou/store.hpp"

namespace liushou {

namespace {

struct PlanOptions {
    std::string month;
    int task = 0;
    std::string date, note;
    bool undo = false;
    bool amend = false;  // change a tick already there (its old values kept in its changes)
    CLI::Option* note_opt = nullptr;
    std::string format = "table";
};

int run_done(const PlanOptions& o, Context& ctx) {
    const Month month = month_option(o.month, ctx.today);
    if (o.month.empty()) throw UsageError(N_("which month? liushou plan done 2026-03 1"));
    std::optional<Date> day;
    if (!o.date.empty()) day = date_option("--date", o.date, ctx.today, ctx.today);
    if (o.undo && o.amend) throw UsageError(N_("--undo and --amend: give one"));
    const Tree tree = open_tree(ctx);
    WriteSession session = tree.lock();
    const auto file = tree.load_school();
    require_writable(file, ctx);
    School school = file.record;
    bool changed = true;
    const std::string why =
        o.undo ? unmark_plan_done(school, month, o.task)
               : tick_plan_task(
                     school, month, o.task, day,
                     o.note_opt->count() ? std::optional<std::string>(o.note) : std::nullopt,
                     o.amend, ctx.today, changed);
    if (!why.empty())
        throw DataError(fmt::format("plan {}: {}", o.undo ? "done --undo" : "done", why));
    ctx.journal->action = fmt::format("plan {} {} {}{}", o.undo ? "undone" : "done", month.iso(),
                                      o.task, o.amend ? " (amended)" : "");
    const bool written = changed && session.write_school(school);
    const std::string task = school.plan.at(month.month).at(static_cast<size_t>(o.task - 1));
    if (!ctx.quiet) {
        const auto tick = std::find_if(
            school.plan_done.begin(), school.plan_done.end(),
            [&](const PlanDone& d) { return d.month == month.iso() && d.task == o.task; });
        const std::string on =
            tick != school.plan_done.end() && tick->date ? tick->date->iso() : "?";
        ctx.out << say(
            ctx, o.undo ? fmt::format(N_("{} task {} not done: {}") "\n", month.iso(), o.task, task)
                 : !written ? fmt::format(N_("{} task {} already done on {}: {}") "\n", month.iso(),
                                          o.task, on, task)
                 : o.amend ? fmt::format(N_("{} task {} amended: done on {}: {}") "\n", month.iso(),
                                         o.task, on, task)
                           : fmt::format(N_("{} task {} done on {}: {}") "\n", month.iso(), o.task,
                                         on, task));
    }
    return kOk;
}

int run_list(const PlanOptions& o, Context& ctx) {
    const Tree tree = open_tree(ctx);
    const auto file = tree.load_school();
    if (!file.parsed) {
        print_problems(ctx.err, file.path, file.problems);
        throw DataError(file.path + ": cannot be read");
    }
    const School& school = file.record;
    const Wording w(output_language(ctx, &school));
    // A month, or every month of the school year (08-01 to 07-31).
    std::vector<Month> months;
    if (!o.month.empty()) {
        months.push_back(month_option(o.month, ctx.today));
    } else if (const int y = school.start_year(); y > 0) {
        for (int i = 0; i < 12; ++i) months.push_back(Month{i < 5 ? y : y + 1, (7 + i) % 12 + 1});
    }
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> json;
    for (const Month& m : months) {
        const auto tasks = plan_tasks(school, m, ctx.today);
        for (size_t i = 0; i < tasks.size(); ++i) {
            const PlanTask& t = tasks[i];
            rows.push_back({m.iso(), std::to_string(i + 1), t.task,
                            t.done ? t.done->iso() : w.t("not done"), t.note});
            json.push_back(json_object({{"month", json_string(m.iso())},
                                        {"task", std::to_string(i + 1)},
                                        {"text", json_string(t.task)},
                                        {"done", t.done ? json_string(t.done->iso()) : "null"},
                                        {"note", json_string(t.note)}}));
        }
    }
    if (o.format == "json") {
        ctx.out << json_list_document("tasks", json);
        return kOk;
    }
    const std::vector<std::string> head = {w.t("Month"), w.t("No."), w.t("Task"),
                                           w.t("checkbox\004Done"), w.t("plan\004Note")};
    if (o.format == "csv") {
        ctx.out << csv_line(head);
        for (const auto& r : rows) ctx.out << csv_line(r);
        return kOk;
    }
    ctx.out << render_table(head, rows);
    return kOk;
}

}  // namespace

void setup_plan(CLI::App& cmd, Runner& run) {
    cmd.require_subcommand(1);
    auto o = std::make_shared<PlanOptions>();
    auto* done = cmd.add_subcommand("done", N_("Tick a task of a month's plan off"));
    done->add_option("month", o->month, N_("The month, e.g. 2026-03"))
        ->type_name("YYYY-MM")
        ->required();
    done->add_option("task", o->task, N_("The task's number in that month's plan (plan list)"))
        ->type_name("N")
        ->required();
    done->add_option("--date", o->date, N_("When it was done (default: today)"))->type_name("DATE");
    o->note_opt =
        done->add_option("--note", o->note, N_("How it went, in a few words"))->type_name("TEXT");
    done->add_flag("--amend", o->amend,
                   N_("Change the date or note of a task already ticked off (the old ones are kept "
                      "in the tick's changes)"));
    done->add_flag("--undo", o->undo, N_("Take the tick off again"));
    done->callback([o, &run] { run = [o](Context& ctx) { return run_done(*o, ctx); }; });

    auto* list = cmd.add_subcommand("list", N_("The plan's tasks, numbered, and which are done"));
    list->add_option("--month", o->month, N_("Only this month (default: the whole school year)"))
        ->type_name("YYYY-MM");
    list->add_option("--format", o->format, N_("table | json | csv (default table)"))
        ->check(CLI::IsMember({"table", "json", "csv"}))
        ->transform(human_format_is("table"));
    list->callback([o, &run] { run = [o](Context& ctx) { return run_list(*o, ctx); }; });
}

}  // namespace liushou
