// liushou activity add | list: the school's activities (集体活动) — 主题班会, 心理健康课, 安全教育,
// 文艺演出, 节日关爱 … — recorded once, with the children who took part as ids.
#include <fmt/format.h>

#include <memory>
#include <set>

#include "cli.hpp"
#include "liushou/care.hpp"
#include "liushou/i18n.hpp"
#include "liushou/render.hpp"
#include "liushou/report.hpp"
#include "liushou/store.hpp"

namespace liushou {

namespace {

struct ActivityOptions {
    std::string date, kind, title, children = "all", summary, month;
    std::vector<std::string> by;
    std::string format = "table";
};

/// A short digest of what makes an activity itself: two clones that record different
/// activities on one day give different ids (and files), so their merge is clean.
std::string digest(const Activity& a) {
    uint64_t h = 1469598103934665603ULL;  // FNV-1a
    auto mix = [&](const std::string& s) {
        for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
        h = (h ^ 0xff) * 1099511628211ULL;
    };
    mix(a.title);
    mix(a.participants);
    for (const auto& b : a.by) mix(b);
    return fmt::format("{:08x}", static_cast<uint32_t>(h ^ (h >> 32)));
}

int run_add(const ActivityOptions& o, Context& ctx) {
    Activity a;
    a.date = date_option("--date", o.date, ctx.today, ctx.today);
    a.kind = enum_from_text<ActivityKind>(o.kind);
    if (!a.kind)
        throw UsageError(fmt::format(
            N_("--kind {}: use one of {} (主题班会/心理健康/安全教育/文体活动/节日关爱/生日祝福/"
               "家长学校/社会关爱/其他)"),
            o.kind, enum_keys<ActivityKind>()));
    if (o.title.empty()) throw UsageError(N_("--title: what was the activity called?"));
    a.title = o.title;
    a.summary = o.summary;
    a.participants = o.children.empty() ? "all" : o.children;

    const Tree tree = open_tree(ctx);
    WriteSession session = tree.lock();
    const StaffList staff = load_staff_checked(tree, ctx);
    for (const auto& who : o.by) {
        std::string error;
        const Staff* s = find_staff(staff, who, error);
        if (!s) throw UsageError("--by " + who + ": " + error);
        a.by.push_back(s->id);
    }
    // Who took part: the children enrolled on the day, all of them, those of the classes named
    // (in the class of that day), or those named by id.
    bool skipped = false;
    const std::vector<Child> children = readable_children(tree, ctx, skipped);
    std::set<std::string> chosen;
    std::vector<std::string> parts;
    {
        std::string item;
        for (char ch : a.participants + ",") {
            if (ch == ',' || ch == ' ') {
                if (!item.empty()) parts.push_back(item);
                item.clear();
            } else {
                item += ch;
            }
        }
    }
    for (const auto& given : parts) {
        // A child by id or by a name only one child has, a class, or all.
        const std::vector<const Child*> called = children_named(children, given);
        if (called.size() > 1) throw UsageError("--children: " + shared_name_error(given, called));
        const std::string part = called.size() == 1 ? called.front()->id : given;
        const auto named = std::find_if(children.begin(), children.end(),
                                        [&](const Child& c) { return c.id == part; });
        if (part == "all" || part == "全部" || part == "全校") {
            for (const Child& c : children)
                if (enrolled_on_day(c, *a.date)) chosen.insert(c.id);
        } else if (named != children.end()) {
            if (!enrolled_on_day(*named, *a.date))
                throw DataError(fmt::format("--children: " N_("{} was not enrolled on {}"), part,
                                            a.date->iso()));
            chosen.insert(part);
        } else {
            if (!parse_class(part))
                throw UsageError(fmt::format(N_("--children {}: not a child's id or name, nor a "
                                                "class (3-2, 三(2)班), nor all"),
                                             part));
            const auto [grade, klass] = class_option("--children", part);
            size_t found = 0;
            for (const Child& c : children) {
                const Child then = state_on(c, *a.date);
                if (then.grade == grade && then.class_no == klass && enrolled_on_day(then, *a.date))
                    chosen.insert(c.id), ++found;
            }
            if (found == 0)
                throw DataError(fmt::format("--children: " N_("no child of {} was enrolled on {}"),
                                            class_label(grade, klass, "zh"), a.date->iso()));
        }
    }
    if (chosen.empty()) throw DataError("--children: no child was enrolled on " + a.date->iso());
    a.children.assign(chosen.begin(), chosen.end());
    std::sort(a.children.begin(), a.children.end(), natural_less);

    a.id = fmt::format("{}-{}-{}", a.date->iso(), key_of(*a.kind), digest(a));
    for (const auto& old : tree.load_activities())
        if (old.id == a.id && old.parsed && encode_activity(old.record) == encode_activity(a)) {
            ctx.out << (ctx.quiet ? a.id + "\n"  // the id a script goes on with
                                  : say(ctx, fmt::format(N_("already recorded: {}") "\n", a.id)));
            return kOk;
        }
    ctx.journal->action = "activity add " + a.id;
    session.write_activity(a);
    if (ctx.quiet) ctx.out << a.id << "\n";
    if (!ctx.quiet)
        ctx.out << say(ctx,
                       fmt::format(fmt::runtime(a.children.size() == 1
                                                    ? N_("recorded {}: {} {}, {} child") "\n"
                                                    : N_("recorded {}: {} {}, {} children") "\n"),
                                   a.id, zh_of(*a.kind), a.title, a.children.size()));
    return skipped ? kDataProblem : kOk;
}

int run_list(const ActivityOptions& o, Context& ctx) {
    const Tree tree = open_tree(ctx);
    const auto school = tree.load_school();
    const Wording w(output_language(ctx, school.parsed ? &school.record : nullptr));
    std::optional<Month> month;
    if (!o.month.empty()) month = month_option(o.month, ctx.today);
    std::vector<std::vector<std::string>> rows;
    std::vector<std::pair<std::string, std::string>> json;  // (date and id, object)
    int problems = 0;
    for (const auto& file : tree.load_activities()) {
        if (!file.parsed) {
            print_problems(ctx.err, file.path, file.problems);
            ++problems;
            continue;
        }
        const Activity& a = file.record;
        if (month && (!a.date || a.date->year != month->year || a.date->month != month->month))
            continue;
        const std::string kind =
            a.kind ? std::string(w.en() ? key_of(*a.kind) : zh_of(*a.kind)) : "";
        std::string by;
        for (const auto& b : a.by) by += (by.empty() ? "" : " ") + b;
        rows.push_back({a.date ? a.date->iso() : "", kind, a.title,
                        std::to_string(a.children.size()), by, a.id});
        std::string ids;
        for (const auto& c : a.children) ids += (ids.empty() ? "" : ", ") + json_string(c);
        std::string organisers;
        for (const auto& b : a.by) organisers += (organisers.empty() ? "" : ", ") + json_string(b);
        json.emplace_back((a.date ? a.date->iso() : "") + a.id,
                          json_object({{"id", json_string(a.id)},
                                       {"date", a.date ? json_string(a.date->iso()) : "null"},
                                       {"kind", a.kind ? json_string(key_of(*a.kind)) : "null"},
                                       {"title", json_string(a.title)},
                                       {"by", "[" + organisers + "]"},
                                       {"participants", json_string(a.participants)},
                                       {"children", "[" + ids + "]"},
                                       {"summary", json_string(a.summary)}}));
    }
    std::sort(rows.begin(), rows.end());
    if (o.format == "json") {
        std::sort(json.begin(), json.end());
        std::vector<std::string> items;
        for (auto& j : json) items.push_back(std::move(j.second));
        ctx.out << json_list_document("activities", items);
        return problems ? kDataProblem : kOk;
    }
    const std::vector<std::string> head = {
        w.t("Date"),     w.t("activity\004Kind"), w.t("Activity"),
        w.t("Children"), w.t("organizer\004By"),  w.t("Id")};
    if (o.format == "csv") {
        ctx.out << csv_line(head);
        for (const auto& r : rows) ctx.out << csv_line(r);
    } else {
        ctx.out << render_table(head, rows);
        if (!ctx.quiet)
            ctx.out << (w.en() ? fmt::format("{} activities\n", rows.size())
                               : fmt::format("共 {} 次活动\n", rows.size()));
    }
    return problems ? kDataProblem : kOk;
}

}  // namespace

void setup_activity(CLI::App& cmd, Runner& run) {
    cmd.require_subcommand(1);
    auto o = std::make_shared<ActivityOptions>();
    auto* add =
        cmd.add_subcommand("add", N_("Record a school activity once, for all who took part"));
    add->add_option("--date", o->date, N_("When (default: today)"))->type_name("DATE");
    add->add_option("--kind", o->kind,
                    "class_meeting | mental_health | safety | arts_sports | festival | birthday | "
                    "parent_school | community | other (主题班会/心理健康/安全教育/文体活动/"
                    "节日关爱/生日祝福/家长学校/社会关爱/其他)")
        ->required();
    add->add_option("--title", o->title, N_("What it was called, e.g. 感恩母亲节主题班会"))
        ->required();
    add->add_option("--children", o->children,
                    N_("Who took part: all (default), classes (3-2,4-1) or child ids"))
        ->type_name("WHO");
    add->add_option("--by", o->by, N_("An organiser: staff id or unique name; repeat"))
        ->type_name("T");
    add->add_option("--summary", o->summary, N_("What happened, in a few words"))
        ->type_name("TEXT");
    add->callback([o, &run] { run = [o](Context& ctx) { return run_add(*o, ctx); }; });

    auto* list = cmd.add_subcommand("list", N_("The activities recorded, in date order"));
    list->add_option("--month", o->month, N_("Only this month"))->type_name("YYYY-MM");
    list->add_option("--format", o->format, N_("table | json | csv (default table)"))
        ->check(CLI::IsMember({"table", "json", "csv"}))
        ->transform(human_format_is("table"));
    list->callback([o, &run] { run = [o](Context& ctx) { return run_list(*o, ctx); }; });
}

}  // namespace liushou
