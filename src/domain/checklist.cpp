// A teacher's checklist to fill in, and what comes back (liushou-schedule(1), #46).
#include "liushou/checklist.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <map>

#include "liushou/date.hpp"
#include "liushou/i18n.hpp"
#include "liushou/text.hpp"

namespace liushou {

namespace {

enum Col { kKey, kItem, kId, kName, kClass, kNote, kDone, kDate, kKind, kSummary, kMood, kFollow };

/// FNV-1a: a check against edits by hand, not against forgery (a sheet comes from the school's
/// own teachers).
uint32_t fnv1a(const std::string& s) {
    uint32_t h = 2166136261u;
    for (unsigned char c : s) {
        h ^= c;
        h *= 16777619u;
    }
    return h;
}

/// 是 or 否 as people type them; nullopt for anything else, "" for blank.
std::optional<std::optional<bool>> yes_no(std::string_view cell) {
    std::string s(trim(cell));
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (s.empty()) return std::optional<bool>{};
    for (const char* y : {"是", "yes", "y", "true", "1", "√", "✓", "✔", "完成", "已完成"})
        if (s == y) return std::optional<bool>{true};
    for (const char* n : {"否", "no", "n", "false", "0", "×", "✗", "未完成"})
        if (s == n) return std::optional<bool>{false};
    return std::nullopt;
}

struct Key {
    Month month;
    std::string teacher;
    int number = 0;
};

/// "2026-03/T01/4/1f0c9a2e" -> its parts (the check is recomputed by the caller).
std::optional<Key> parse_key(const std::string& key) {
    const size_t a = key.find('/');
    const size_t c = key.rfind('/');
    const size_t b = a == std::string::npos ? a : key.rfind('/', c - 1);
    if (a == std::string::npos || b == std::string::npos || b <= a || c <= b) return std::nullopt;
    const auto month = parse_month(key.substr(0, a));
    const std::string number = key.substr(b + 1, c - b - 1);
    if (!month || number.empty() || number.size() > 6 ||
        number.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    return Key{*month, key.substr(a + 1, b - a - 1), std::stoi(number)};
}

/// What a row's check covers besides 学号: its 姓名, and for a follow-up or a task of the
/// plan its 说明 too, which says which follow-up or task it is.
std::string checked_name(const std::string& item, std::string_view name, std::string_view note) {
    if (item == "跟进事项" || item == "工作安排" || item == "活动签到")
        return fmt::format("{}\n{}", trim(name), trim(note));
    return std::string(trim(name));
}

}  // namespace

std::string checklist_key(const std::string& school, const Month& month, const std::string& teacher,
                          int number, const std::string& item, const std::string& id,
                          const std::string& name) {
    const std::string what = fmt::format("{}\n{}\n{}\n{}\n{}\n{}\n{}", school, month.iso(), teacher,
                                         number, item, trim(id), trim(name));
    return fmt::format("{}/{}/{}/{:08x}", month.iso(), teacher, number, fnv1a(what));
}

const std::vector<std::string>& checklist_header() {
    static const std::vector<std::string> kHeader = {"编号", "事项", "学号", "姓名",
                                                     "班级", "说明", "完成", "日期",
                                                     "类型", "内容", "情绪", "跟进事项"};
    return kHeader;
}

bool is_checklist_header(const std::vector<std::string>& header) {
    auto has = [&](const char* name) {
        return std::any_of(header.begin(), header.end(),
                           [&](const std::string& h) { return trim(h) == name; });
    };
    return has("编号") && has("完成");
}

Checklist teacher_checklist(const Schedule& s, const std::string& school,
                            const std::string& teacher) {
    Checklist out{school, s.month, teacher, {}};
    auto add = [&](const std::string& item, TalkKind kind, const ChildRef& child, std::string note,
                   std::optional<Date> closes) {
        ChecklistRow row;
        row.number = static_cast<int>(out.rows.size()) + 1;
        row.item = item;
        row.kind = kind;
        row.child = child;
        row.note = std::move(note);
        row.closes = closes;
        row.key = checklist_key(school, s.month, teacher, row.number, item, child.id,
                                checked_name(item, child.name, row.note));
        out.rows.push_back(std::move(row));
    };
    for (const Cadence* c : {&s.talks, &s.family_calls, &s.home_visits, &s.meetings}) {
        if (!c->due) continue;
        for (const TeacherGroup& g : c->groups) {
            if (g.teacher != teacher) continue;
            for (const Owed& o : g.children) {
                // One row per entry still short, so that each row is one entry.
                const int short_by = std::max(1, c->required - o.done);
                for (int i = 0; i < short_by; ++i)
                    add(std::string(zh_of(c->kind)), c->kind, *o.child,
                        fmt::format("已 {} 次，应 {} 次{}", o.done + i, c->required,
                                    c->per_term ? "（本学期）" : "（本月）"),
                        std::nullopt);
            }
        }
    }
    for (const Birthday& b : s.birthdays)
        if (!b.greeted)
            add("生日祝福", TalkKind::greeting, b.child,
                fmt::format("{} 岁生日（{}月{}日）", b.age, b.day.month, b.day.day), std::nullopt);
    // Whoever wrote the follow-up, the child's teacher sees to it.
    for (const OpenFollowUp* f : s.follow_ups)
        add("跟进事项", TalkKind::talk, f->child, fmt::format("{}：{}", f->date.iso(), f->text),
            f->date);
    // Each child the teacher answers for, for each activity that expected it unrecorded.
    for (const AttendanceOwed& a : s.attendance)
        if (a.teacher == teacher && a.activity < s.activities.size()) {
            const Activity& act = s.activities[a.activity];
            add("活动签到", TalkKind::talk, a.child,
                fmt::format("{}：{}", act.date ? act.date->iso() : "", act.title), std::nullopt);
        }
    // The month's plan, in every teacher's sheet: whoever does a task ticks it off.
    for (size_t i = 0; i < s.plan.size(); ++i)
        if (!s.plan[i].done)
            add("工作安排", TalkKind::talk, ChildRef{},
                fmt::format("任务 {}：{}", i + 1, s.plan[i].task), std::nullopt);
    return out;
}

ReturnedChecklist checklist_talk_sheet(const SheetRows& sheet, const ChecklistBase& base,
                                       const std::string& school, Problems& out) {
    ReturnedChecklist back;
    Sheet& talks = back.talks;
    std::vector<std::optional<Date>>& closes = back.closes;
    talks.header = {"学号", "姓名", "日期", "类型", "教师", "内容", "情绪", "跟进事项"};
    talks.header_line = sheet.header_line();
    closes.clear();

    // Columns by name: a teacher may have moved or hidden some, and LibreOffice keeps them.
    std::vector<int> col(kFollow + 1, -1);
    const auto& names = checklist_header();
    for (size_t c = 0; c < sheet.header().size(); ++c)
        for (size_t k = 0; k < names.size(); ++k)
            if (trim(sheet.header()[c]) == names[k] && col[k] < 0) col[k] = static_cast<int>(c);
    for (size_t k = 0; k < names.size(); ++k)
        if (col[k] < 0)
            out.push_back(Problem{names[k],
                                  N_("the checklist has lost this column; fill in the sheet as it "
                                     "was sent, without deleting columns"),
                                  Severity::error, sheet.header_line(), 1});
    if (!out.empty()) return back;

    std::optional<Month> month = base.month;
    std::string teacher = base.teacher;
    Sheet::Row row;
    auto cell = [&](int k) -> std::string {
        const int c = col[static_cast<size_t>(k)];
        return c >= 0 && static_cast<size_t>(c) < row.cells.size()
                   ? std::string(trim(row.cells[static_cast<size_t>(c)]))
                   : "";
    };
    auto problem = [&](int k, std::string message) {
        out.push_back(Problem{fmt::format(N_("row {}, {}"), row.row, names[static_cast<size_t>(k)]),
                              std::move(message), Severity::error, row.row,
                              col[static_cast<size_t>(k)] + 1});
    };
    for (size_t r = 0; r < sheet.size(); ++r) {
        sheet.row(r, row);
        const std::string key = cell(kKey);
        std::optional<Date> closing;
        TalkKind kind = TalkKind::talk;
        bool has_kind = false;
        if (!key.empty()) {
            const auto parsed = parse_key(key);
            if (!parsed) {
                problem(kKey, N_("编号 was changed; the list's own cells are not to be changed"));
                continue;
            }
            if (!month) month = parsed->month;
            if (teacher.empty()) teacher = parsed->teacher;
            if (parsed->month.iso() != month->iso() || parsed->teacher != teacher) {
                problem(kKey,
                        fmt::format(N_("the row is of the list of {} for {}, and this sheet is "
                                       "the list of {} for {}; rows of two lists were mixed"),
                                    parsed->month.iso(), parsed->teacher, month->iso(), teacher));
                continue;
            }
            if (checklist_key(school, parsed->month, parsed->teacher, parsed->number, cell(kItem),
                              cell(kId),
                              checked_name(cell(kItem), cell(kName), cell(kNote))) != key) {
                problem(kName,
                        base.school.empty()
                            ? N_("学号, 姓名 or 事项 is not what the list was made with (or the "
                                 "list is of another school); these cells are not to be changed: "
                                 "put them back, and write another child's entry in an empty row "
                                 "at the end")
                            : N_("学号, 姓名 or 事项 is not what the list was made with; these "
                                 "cells are not to be changed: put them back, and write another "
                                 "child's entry in an empty row at the end"));
                continue;
            }
            if (const auto e = enum_from_text<TalkKind>(cell(kItem))) {
                kind = *e;
                has_kind = true;
            }
            if (cell(kItem) == "跟进事项") {
                const std::string note = cell(kNote);
                closing = parse_iso_date(note.substr(0, std::min<size_t>(10, note.size()))).date;
            }
        }
        const auto done = yes_no(cell(kDone));
        if (!done) {
            problem(kDone, fmt::format(N_("{}: use 是 (done) or 否 (not done)"), cell(kDone)));
            continue;
        }
        back.listed += !key.empty();
        if (done->has_value() && !**done) {
            back.still_owed += !key.empty();  // 否
            continue;
        }
        const bool filled = !cell(kDate).empty() || !cell(kSummary).empty();
        if (key.empty()) {
            // An extra row: an entry the list did not ask for, when anything of it is filled.
            if (!filled && cell(kId).empty() && cell(kName).empty() && !done->has_value()) continue;
        } else if (!done->has_value()) {
            if (filled)
                problem(kDone, N_("the row is filled in but 完成 is blank; choose 是 or 否"));
            ++back.still_owed;  // blank
            continue;
        }
        if (!month) {
            problem(kKey, N_("the sheet has no 编号 to say which month it is of"));
            continue;
        }
        if (cell(kItem) == "活动签到" && !key.empty()) {
            // "2026-03-11：感恩母亲节主题班会": the child was there; the day is the activity's,
            // so 日期 may be left blank.
            const std::string note = cell(kNote);
            const size_t colon = note.find("：");
            const auto day = parse_iso_date(note.substr(0, std::min<size_t>(10, note.size()))).date;
            if (!day || colon == std::string::npos) {
                problem(kNote, N_("说明 does not name the activity's day and title"));
                continue;
            }
            back.attendance.push_back(
                AttendanceTick{row.row, cell(kId), *day, note.substr(colon + 3)});
            continue;
        }
        const std::string date_text = cell(kDate);
        if (date_text.empty()) {
            problem(kDate, N_("the date is missing; write the day it was done"));
            continue;
        }
        if (const auto d = parse_flexible_date(date_text).date;
            d && (*d < month->first() || month->last() < *d)) {
            problem(kDate, fmt::format(N_("{} is not in {}, the month of this list; an entry of "
                                          "another month goes in that month's list"),
                                       d->iso(), month->iso()));
            continue;
        }
        if (cell(kItem) == "工作安排" && !key.empty()) {
            // "任务 2：…": a tick of the plan's task 2, not an entry of a child.
            const std::string note = cell(kNote);
            const size_t digits = note.find_first_of("0123456789");
            const int task = digits == std::string::npos ? 0 : std::atoi(note.c_str() + digits);
            back.ticks.push_back(PlanTick{row.row, task, date_text, cell(kSummary)});
            continue;
        }
        std::string kind_text = cell(kKind);
        if (kind_text.empty() && has_kind) kind_text = std::string(key_of(kind));
        talks.rows.push_back(Sheet::Row{row.row,
                                        row.line,
                                        {cell(kId), cell(kName), date_text, kind_text, teacher,
                                         cell(kSummary), cell(kMood), cell(kFollow)}});
        closes.push_back(closing);
    }
    back.month = month;
    back.teacher = teacher;
    return back;
}

std::vector<size_t> record_attendance(std::vector<Activity>& activities,
                                      const std::vector<AttendanceTick>& ticks, size_t& added,
                                      size_t& repeated, Problems& problems) {
    std::vector<size_t> changed;
    for (const AttendanceTick& t : ticks) {
        std::vector<size_t> same;
        for (size_t i = 0; i < activities.size(); ++i)
            if (activities[i].date == t.day && activities[i].title == t.title) same.push_back(i);
        if (same.empty()) {
            problems.push_back(
                Problem{fmt::format("row {}, 说明", t.row),
                        fmt::format(N_("no activity of {} called {} is on file; was it "
                                       "removed or renamed since the sheet was made?"),
                                    t.day.iso(), t.title),
                        Severity::error, t.row, 6});
            continue;
        }
        std::sort(same.begin(), same.end(), [&](size_t a, size_t b) {
            return natural_less(activities[a].id, activities[b].id);
        });
        const bool listed = std::any_of(same.begin(), same.end(), [&](size_t i) {
            const auto& c = activities[i].children;
            return std::find(c.begin(), c.end(), t.child) != c.end();
        });
        if (listed) {
            ++repeated;
            continue;
        }
        Activity& a = activities[same.front()];
        a.children.push_back(t.child);
        std::sort(a.children.begin(), a.children.end(), natural_less);
        if (std::find(changed.begin(), changed.end(), same.front()) == changed.end())
            changed.push_back(same.front());
        ++added;
    }
    return changed;
}

bool note_returned(School& school, const ReturnedChecklist& returned, const std::string& name,
                   const std::string& file, const Date& today) {
    if (!returned.month) return false;
    const std::string month = returned.month->iso();
    auto& list = school.returned_sheets;
    auto it = std::find_if(list.begin(), list.end(), [&](const ReturnedSheet& r) {
        return r.month == month && r.teacher == returned.teacher && r.file == file;
    });
    if (it != list.end()) {
        if (it->rows == returned.listed && it->owed == returned.still_owed && it->name == name)
            return false;  // the same sheet logged again
    } else {
        // After the last of its month or earlier: the list stays in month order.
        it = std::find_if(list.begin(), list.end(),
                          [&](const ReturnedSheet& r) { return month < r.month; });
        it = list.insert(it, ReturnedSheet{});
        it->month = month;
        it->teacher = returned.teacher;
        it->file = file;
    }
    it->name = name;
    it->date = today;
    it->rows = returned.listed;
    it->owed = returned.still_owed;
    return true;
}

}  // namespace liushou
