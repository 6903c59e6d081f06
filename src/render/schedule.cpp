// The month's checklist as Markdown (a GFM task list with a summary table) and as JSON.
#include "liushou/schedule.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <future>
#include <iterator>
#include <map>
#include <tuple>

#include "liushou/fields.hpp"
#include "liushou/render.hpp"

namespace liushou {

std::string field_label(std::string_view path, std::string_view lang) {
    if (path.rfind("parents (", 0) == 0)
        return lang == "en" ? "a parent's name, phone and work place" : "父母姓名、电话、务工地址";
    if (lang == "en") return std::string(path);
    for (const auto& f : child_fields())
        if (f.path == path) return std::string(f.headers.front());
    return std::string(path);
}

namespace {

/// The schedule's wording (render.hpp); a short name, as every line here uses it.
using Md = Wording;

std::string teacher_label(const std::string& id, const StaffList& staff, const Md& m) {
    if (id.empty()) return m.t("No teacher yet");
    const Staff* s = staff.find(id);
    if (!s) return m.f("{} (not in staff.yaml)", md_escape(id));
    return m.f("{} ({})", md_escape(s->name), md_escape(id));
}

/// "2025-009 赵磊，六年级3班", appended: a county's checklist has tens of thousands.
void append_child(std::string& out, const ChildRef& c, const Md& m) {
    out += md_escape(c.id);
    out += ' ';
    out += md_escape(c.name);
    if (!c.grade && !c.class_no) return;
    // A school has a few dozen classes: each label is made once.
    thread_local std::map<std::tuple<bool, int, int>, std::string> labels;
    const auto key = std::make_tuple(m.en(), c.grade.value_or(-1), c.class_no.value_or(-1));
    auto it = labels.find(key);
    if (it == labels.end())
        it = labels.emplace(key, class_label(c.grade, c.class_no, m.lang())).first;
    const std::string& klass = it->second;
    if (klass.empty()) return;
    out += m.en() ? ", " : "，";
    out += klass;
}

std::string child_line(const ChildRef& c, const Md& m) {
    std::string out;
    append_child(out, c, m);
    return out;
}

const char* kind_en(TalkKind k) {
    switch (k) {
        case TalkKind::talk:
            return "Talks";
        case TalkKind::home_visit:
            return "Home visits";
        case TalkKind::family_call:
            return "Family calls";
        case TalkKind::meeting:
            return "Guardian meetings";
        case TalkKind::counselling:
            return "Counselling";
        case TalkKind::greeting:
            return "Birthday greetings";
    }
    return "";
}

std::string cadence_rule(const Cadence& c, const Md& m) {
    return c.per_term ? m.f("{} a term", c.required) : m.f("{} a month", c.required);
}

void cadence_section(std::string& out, const Cadence& c, const Schedule& s, const StaffList& staff,
                     const Md& m) {
    const std::string title = m.en() ? kind_en(c.kind) : std::string(zh_of(c.kind));
    if (!c.due) {
        out += fmt::format("## {}\n\n", title);
        if (c.required <= 0)
            out += m.t("Not required by the school's rules.\n\n");
        else if (c.per_term)
            out += m.t("This month is outside every term.\n\n");
        else if (c.starts)
            out +=
                m.en()
                    ? fmt::format("This term asks for them from {} on; not counted this month.\n\n",
                                  c.starts->iso())
                    : fmt::format("本学期从 {} 月起要求{}，本月不计。\n\n", c.starts->month, title);
        else
            // Not "a holiday": the plan may well list talks and visits for the month (the
            // seed's 二月份 does); only the per-child monthly count is not asked.
            out += m.en()
                       ? "The school's rules ask for none in this month "
                         "(months_without_talks); not counted.\n\n"
                       : fmt::format(
                             "学校规则不要求 {} 月逐人{}（months_without_talks），本月不计。\n\n",
                             s.month.month, title);
        return;
    }
    out += m.en() ? fmt::format("## {}: {} still owed ({}{})\n\n", title, c.owing,
                                cadence_rule(c, m), c.per_term ? ", this term" : "")
                  : fmt::format("## {}：{}尚欠 {} 名（{}）\n\n", title,
                                c.per_term ? "本学期" : "本月", c.owing, cadence_rule(c, m));
    if (c.groups.empty()) {
        out += m.t("All done.\n\n");
        return;
    }
    const std::string last_word = m.t("last");
    for (const auto& g : c.groups) {
        out += fmt::format("### {}\n\n", teacher_label(g.teacher, staff, m));
        for (const auto& o : g.children) {
            out += "- [ ] ";
            append_child(out, *o.child, m);
            if (c.required > 1 || o.done > 0) out += m.f(", {} done", o.done);
            if (o.last)
                out += (m.en() ? ", " : "，") + last_word + " " + o.last->iso();
            else
                out += m.t(", never");
            out += '\n';
        }
        out += "\n";
    }
}

std::string json_ref(const ChildRef& c) {
    auto opt = [](const std::optional<int>& v) { return v ? std::to_string(*v) : "null"; };
    return fmt::format("\"id\": {}, \"name\": {}, \"grade\": {}, \"class\": {}", json_string(c.id),
                       json_string(c.name), opt(c.grade), opt(c.class_no));
}

std::string json_cadence(const Cadence& c, const StaffList& staff) {
    std::string out = fmt::format(
        "{{\"kind\": {}, \"required\": {}, \"per\": {}, \"due\": {}, \"starts\": {}, "
        "\"expected\": {}, \"owing\": {}, \"teachers\": [",
        json_string(key_of(c.kind)), c.required, c.per_term ? "\"term\"" : "\"month\"",
        c.due ? "true" : "false", c.starts ? json_string(c.starts->iso()) : "null", c.expected,
        c.owing);
    for (size_t i = 0; i < c.groups.size(); ++i) {
        const auto& g = c.groups[i];
        const Staff* who = staff.find(g.teacher);
        out += fmt::format("{}\n    {{\"teacher\": {}, \"teacher_name\": {}, \"children\": [",
                           i ? "," : "", g.teacher.empty() ? "null" : json_string(g.teacher),
                           who ? json_string(who->name) : "null");
        for (size_t k = 0; k < g.children.size(); ++k) {
            const Owed& o = g.children[k];
            out += fmt::format("{}\n      {{{}, \"done\": {}, \"last\": {}}}", k ? "," : "",
                               json_ref(*o.child), o.done,
                               o.last ? json_string(o.last->iso()) : "null");
        }
        out += "]}";
    }
    return out + "]}";
}

void birthdays_and_follow_ups(std::string& out, const Schedule& s, const Md& m, size_t to);

/// The children whose attendance of an activity is not yet recorded (活动签到), and, when some
/// teacher's sheet of the month came back (log-talk --from), which came back and what each
/// left owed: printed only then, so a school that never hands out sheets sees no new heading.
void attendance_and_sheets(std::string& out, const Schedule& s, const StaffList& staff,
                           const Md& m) {
    if (!s.attendance.empty()) {
        out += m.t("\nAttendance not yet recorded (活动签到):\n\n");
        for (const AttendanceOwed& a : s.attendance) {
            const Activity& act = s.activities[a.activity];
            out += fmt::format("- [ ] {} {}{}", act.date->iso(), md_escape(act.title), m.t(": "));
            append_child(out, a.child, m);
            out += '\n';
        }
    }
    if (s.returned.empty()) return;
    out += m.t("\n## Sheets returned\n\n");
    for (const ReturnedSheet& r : s.returned) {
        const Staff* who = staff.find(r.teacher);
        const std::string name = md_escape(who ? who->name : r.name.empty() ? r.teacher : r.name);
        const std::string day = r.date ? r.date->iso() : "?";
        out += m.en() ? fmt::format("- {}: {} (returned {}; {} of {} rows still owed)\n", name,
                                    md_escape(r.file), day, r.owed.value_or(0), r.rows.value_or(0))
                      : fmt::format("- {}：{}（{} 交回，{} 行中还有 {} 行未完成）\n", name,
                                    md_escape(r.file), day, r.rows.value_or(0), r.owed.value_or(0));
    }
    if (!s.not_returned.empty()) {
        out += m.t("- Not yet returned: ");
        for (size_t i = 0; i < s.not_returned.size(); ++i) {
            const Staff* who = staff.find(s.not_returned[i]);
            out += (i ? m.t(", ") : "") + md_escape(who ? who->name : s.not_returned[i]);
        }
        out += '\n';
    }
}
void follow_ups_and_the_rest(std::string& out, const Schedule& s, const Md& m,
                             std::string_view lang, size_t from);

}  // namespace

std::string schedule_markdown(const Schedule& s, const School& school, const StaffList& staff,
                              std::string_view lang) {
    const Md m(lang);
    std::string out;
    if (m.en())
        out += fmt::format("# {} checklist, {}\n\n", md_escape(school.school), s.month.iso());
    else
        out += fmt::format("# {} {}年{}月关爱留守儿童工作清单\n\n", md_escape(school.school),
                           s.month.year, s.month.month);
    const std::string term = s.term.empty()
                                 ? m.t("outside terms")
                                 : fmt::format("{}{}{} – {}{}", md_escape(s.term), m.t(" ("),
                                               s.term_from->iso(), s.term_to->iso(), m.t(")"));
    out +=
        m.f("- School year {}, {}\n- As of {}\n- Children enrolled this "
            "month: {}\n\n",
            md_escape(school.school_year), term, s.as_of.iso(), s.enrolled);

    // The overview table: what is owed at a glance.
    out += m.t("## Overview\n\n| Item | Expected | Still owed |\n| --- | ---: | ---: |\n");
    for (const Cadence* c : {&s.talks, &s.family_calls, &s.home_visits, &s.meetings}) {
        const std::string name = m.en() ? kind_en(c->kind) : std::string(zh_of(c->kind));
        if (c->due)
            out += fmt::format("| {}{}{}{} | {} | {} |\n", name, m.t(" ("), cadence_rule(*c, m),
                               m.t(")"), c->expected, c->owing);
        else
            out += fmt::format("| {} | — | — |\n", name);
    }
    // Birthdays still owed a greeting, as the talks still owed.
    const auto ungreeted = std::count_if(s.birthdays.begin(), s.birthdays.end(),
                                         [](const Birthday& b) { return !b.greeted; });
    out += fmt::format("| {} | {} | {} |\n", m.t("Birthdays this month"), s.birthdays.size(),
                       ungreeted);
    out += fmt::format("| {} | | {} |\n", m.t("Open follow-ups"), s.follow_ups.size());
    out += fmt::format("| {} | | {} |\n", m.t("Without a teacher"), s.unpaired.size());
    out += fmt::format("| {} | | {} |\n\n", m.t("Incomplete files"), s.incomplete.size());

    out += m.t("## The plan for this month\n\n");
    if (s.plan.empty()) out += m.t("Nothing planned.\n");
    for (const auto& task : s.plan) {
        if (!task.done) {
            out += "- [ ] " + md_escape(task.task) + "\n";
            continue;
        }
        const std::string note = task.note.empty() ? "" : m.t(": ") + md_escape(task.note);
        out += "- [x] " + md_escape(task.task) + m.f(" (done {}{})", task.done->iso(), note) + "\n";
    }
    out += "\n";
    out += m.t("## Events\n\n");
    if (s.events.empty() && s.activities.empty()) out += m.t("None.\n");
    // An event is ticked when an activity was recorded for it (liushou activity add).
    for (size_t i = 0; i < s.events.size(); ++i) {
        const auto& e = s.events[i];
        std::string done;
        for (const auto& a : s.activities)
            if (a.id == s.event_recorded[i])
                done = m.t(": ") + md_escape(a.title) + m.t(" (") + a.date->iso() + m.t(")");
        out += fmt::format("- [{}] {}{}{}{}{}\n", done.empty() ? " " : "x", md_escape(e.name),
                           m.t(" ("), e.date, m.t(")"), done);
    }
    if (!s.activities.empty()) {
        out += std::string(s.events.empty() ? "" : "\n") + m.t("Activities recorded:\n\n");
        for (const auto& a : s.activities)
            out += m.en() ? fmt::format("- {} {}: {} ({} children)\n", a.date->iso(),
                                        a.kind ? key_of(*a.kind) : "", md_escape(a.title),
                                        a.children.size())
                          : fmt::format("- {} {}：{}（{} 名）\n", a.date->iso(),
                                        a.kind ? zh_of(*a.kind) : "", md_escape(a.title),
                                        a.children.size());
    }
    attendance_and_sheets(out, s, staff, m);
    out += "\n";

    // The lists after the cadences are written by two other threads meanwhile: a county's
    // checklist is megabytes of lines. (Only the cadences look up staff.)
    // The follow-ups, often the longest list, are split between two of them.
    // Each text is reserved about its size once: grown a doubling at a time, megabytes were
    // copied over and over into fresh pages (page faults are most of that cost).
    const size_t half = s.follow_ups.size() / 2;
    auto first = std::async(std::launch::async, [&] {
        std::string part;
        part.reserve((64 << 10) + 192 * (half + s.birthdays.size()));
        birthdays_and_follow_ups(part, s, m, half);
        return part;
    });
    auto second = std::async(std::launch::async, [&] {
        std::string part;
        part.reserve((64 << 10) + 192 * (s.follow_ups.size() - half));
        follow_ups_and_the_rest(part, s, m, lang, half);
        return part;
    });
    for (const Cadence* c : {&s.talks, &s.family_calls, &s.home_visits, &s.meetings})
        cadence_section(out, *c, s, staff, m);
    const std::string one = first.get(), two = second.get();
    out.reserve(out.size() + one.size() + two.size());
    out += one;
    out += two;
    return out;
}

namespace {

void follow_up_lines(std::string& out, const Schedule& s, const Md& m, size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) {
        const OpenFollowUp& f = *s.follow_ups[i];
        out += "- [ ] ";
        append_child(out, f.child, m);
        if (m.en())
            fmt::format_to(std::back_inserter(out), ": {} (from {} by {}, open {} days)\n",
                           md_escape(f.text), f.date.iso(), md_escape(f.by), f.days_open);
        else
            fmt::format_to(std::back_inserter(out), "：{}（{} {}，已 {} 天）\n", md_escape(f.text),
                           f.date.iso(), md_escape(f.by), f.days_open);
    }
}

/// The birthdays and the follow-ups before `to`.
void birthdays_and_follow_ups(std::string& out, const Schedule& s, const Md& m, size_t to) {
    out += m.t("## Birthdays\n\n");
    if (s.birthdays.empty()) out += m.t("None this month.\n");
    // A greeting (log-talk --kind 生日祝福) in the month ticks the birthday off.
    for (const auto& b : s.birthdays) {
        const std::string box = b.greeted ? "- [x] " : "- [ ] ";
        const std::string greeted =
            !b.greeted ? ""
            : m.en()   ? fmt::format(" (greeted {})", b.greeted->iso())
                       : fmt::format("（{}月{}日已祝福）", b.greeted->month, b.greeted->day);
        out += m.en() ? fmt::format("{}{}: {} turns {}{}\n", box, b.day.iso(),
                                    child_line(b.child, m), b.age, greeted)
                      : fmt::format("{}{}月{}日 {}，{} 岁生日{}\n", box, b.day.month, b.day.day,
                                    child_line(b.child, m), b.age, greeted);
    }
    out += "\n";

    out += m.t("## Open follow-ups\n\n");
    if (s.follow_ups.empty()) out += m.t("None.\n");
    follow_up_lines(out, s, m, 0, to);
}

/// The follow-ups from `from` on, children without a teacher, incomplete files.
void follow_ups_and_the_rest(std::string& out, const Schedule& s, const Md& m,
                             std::string_view lang, size_t from) {
    follow_up_lines(out, s, m, from, s.follow_ups.size());
    out += "\n";

    out += m.t("## Without a teacher\n\n");
    if (s.unpaired.empty()) out += m.t("None.\n");
    for (const auto& c : s.unpaired) {
        out += "- [ ] ";
        append_child(out, c, m);
        out += '\n';
    }
    out += "\n";

    out += m.t("## Incomplete files\n\n");
    if (s.incomplete.empty()) out += m.t("None.\n");
    for (const auto& i : s.incomplete) {
        std::string missing;
        for (const auto& f : i.missing)
            missing += (missing.empty() ? "" : m.t(", ")) + md_escape(field_label(f, lang));
        out += fmt::format("- [ ] {}{}{}\n", child_line(i.child, m), m.t(": missing "), missing);
    }
}

}  // namespace

std::string schedule_csv(const Schedule& s, const StaffList& staff, std::string_view lang) {
    // One row per thing to do, so a teacher can filter the workbook by 教师 or 事项 and tick
    // 完成 by hand; the Markdown's sections become the 事项 column.
    const Md m(lang);
    std::string out =
        csv_line({m.t("task\004Item"), m.t("staff\004Teacher"), m.t("ID"), m.t("Name"),
                  m.t("Class"), m.t("Date"), m.t("checkbox\004Done"), m.t("task\004Note")});
    const std::string yes = m.t("yes");
    auto row = [&](const std::string& item, const std::string& teacher, const ChildRef* c,
                   const std::string& date, bool done, const std::string& note) {
        out += csv_line({item, teacher, c ? c->id : "", c ? c->name : "",
                         c ? class_label(c->grade, c->class_no, lang) : "", date, done ? yes : "",
                         note});
    };
    auto teacher_name = [&](const std::string& id) {
        const Staff* t = id.empty() ? nullptr : staff.find(id);
        return t ? t->name : id;
    };
    for (const auto& task : s.plan)
        row(m.t("Plan"), "", nullptr, task.done ? task.done->iso() : "", task.done.has_value(),
            task.task + (task.note.empty() ? "" : m.t(": ") + task.note));
    for (size_t i = 0; i < s.events.size(); ++i) {
        std::string recorded;
        for (const auto& a : s.activities)
            if (a.id == s.event_recorded[i]) recorded = m.t(": ") + a.title;
        row(m.t("Event"), "", nullptr, s.events[i].date, !recorded.empty(),
            s.events[i].name + recorded);
    }
    for (const Cadence* c : {&s.talks, &s.family_calls, &s.home_visits, &s.meetings}) {
        if (!c->due) continue;
        const std::string item = m.en() ? kind_en(c->kind) : std::string(zh_of(c->kind));
        for (const auto& g : c->groups)
            for (const auto& o : g.children)
                row(item, teacher_name(g.teacher), o.child, o.last ? o.last->iso() : "", false,
                    m.en() ? fmt::format("{} of {} done{}", o.done, c->required,
                                         o.last ? ", the date is the last" : "")
                           : fmt::format("已 {} 次，应 {} 次{}", o.done, c->required,
                                         o.last ? "；日期为上次" : ""));
    }
    for (const auto& b : s.birthdays)
        row(m.t("Birthday greeting"), "", &b.child, b.day.iso(), b.greeted.has_value(),
            m.f("turns {}", b.age));
    for (const OpenFollowUp* p : s.follow_ups) {
        const OpenFollowUp& f = *p;
        row(m.t("Follow-up"), teacher_name(f.by), &f.child, f.date.iso(), false,
            f.text + m.f(" (open {} days)", f.days_open));
    }
    for (const auto& c : s.unpaired) row(m.t("Pairing"), "", &c, "", false, m.t("no teacher yet"));
    for (const auto& i : s.incomplete) {
        std::string missing;
        for (const auto& f : i.missing)
            missing += (missing.empty() ? "" : m.t(", ")) + field_label(f, lang);
        row(m.t("Incomplete file"), "", &i.child, "", false, m.t("missing ") + missing);
    }
    return out;
}

std::string schedule_json(const Schedule& s, const School& school, const StaffList& staff) {
    std::string out = fmt::format("{{\n  \"liushou_json\": {},\n", kJsonVersion);
    out += fmt::format("  \"school\": {},\n  \"school_year\": {},\n  \"month\": {},\n",
                       json_string(school.school), json_string(school.school_year),
                       json_string(s.month.iso()));
    out += fmt::format("  \"as_of\": {},\n  \"term\": {},\n  \"enrolled\": {},\n",
                       json_string(s.as_of.iso()), s.term.empty() ? "null" : json_string(s.term),
                       s.enrolled);
    out += "  \"plan\": [";
    for (size_t i = 0; i < s.plan.size(); ++i)
        out += fmt::format("{}{{\"task\": {}, \"done\": {}, \"note\": {}}}", i ? ", " : "",
                           json_string(s.plan[i].task),
                           s.plan[i].done ? "\"" + s.plan[i].done->iso() + "\"" : "null",
                           json_string(s.plan[i].note));
    out += "],\n  \"events\": [";
    for (size_t i = 0; i < s.events.size(); ++i)
        out += fmt::format("{}{{\"name\": {}, \"date\": {}, \"recorded\": {}}}", i ? ", " : "",
                           json_string(s.events[i].name), json_string(s.events[i].date),
                           s.event_recorded[i].empty() ? "null" : json_string(s.event_recorded[i]));
    out += "],\n  \"activities\": [";
    for (size_t i = 0; i < s.activities.size(); ++i) {
        const Activity& a = s.activities[i];
        out += fmt::format(
            "{}{{\"id\": {}, \"date\": \"{}\", \"kind\": {}, \"title\": {}, "
            "\"children\": {}}}",
            i ? ", " : "", json_string(a.id), a.date->iso(),
            a.kind ? json_string(key_of(*a.kind)) : "null", json_string(a.title),
            a.children.size());
    }
    out += "],\n";
    out += "  \"talks\": " + json_cadence(s.talks, staff) + ",\n";
    out += "  \"family_calls\": " + json_cadence(s.family_calls, staff) + ",\n";
    out += "  \"home_visits\": " + json_cadence(s.home_visits, staff) + ",\n";
    out += "  \"meetings\": " + json_cadence(s.meetings, staff) + ",\n";
    out += "  \"birthdays\": [";
    for (size_t i = 0; i < s.birthdays.size(); ++i) {
        const auto& b = s.birthdays[i];
        out += fmt::format(
            "{}\n    {{{}, \"birth_date\": {}, \"day\": {}, \"age\": {}, \"greeted\": {}}}",
            i ? "," : "", json_ref(b.child), json_string(b.birth.iso()), json_string(b.day.iso()),
            b.age, b.greeted ? json_string(b.greeted->iso()) : "null");
    }
    out += "],\n  \"follow_ups\": [";
    for (size_t i = 0; i < s.follow_ups.size(); ++i) {
        const OpenFollowUp& f = *s.follow_ups[i];
        out += fmt::format(
            "{}\n    {{{}, \"date\": {}, \"follow_up\": {}, \"by\": {}, \"days_open\": {}}}",
            i ? "," : "", json_ref(f.child), json_string(f.date.iso()), json_string(f.text),
            json_string(f.by), f.days_open);
    }
    out += "],\n  \"unpaired\": [";
    for (size_t i = 0; i < s.unpaired.size(); ++i)
        out += fmt::format("{}\n    {{{}}}", i ? "," : "", json_ref(s.unpaired[i]));
    out += "],\n  \"incomplete\": [";
    for (size_t i = 0; i < s.incomplete.size(); ++i) {
        std::string missing;
        for (const auto& f : s.incomplete[i].missing)
            missing += (missing.empty() ? "" : ", ") + json_string(f);
        out += fmt::format("{}\n    {{{}, \"missing\": [{}]}}", i ? "," : "",
                           json_ref(s.incomplete[i].child), missing);
    }
    out += "]\n}\n";
    return out;
}

}  // namespace liushou
