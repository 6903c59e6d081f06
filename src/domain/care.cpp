#include "liushou/care.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "liushou/schedule.hpp"
#include "liushou/schema.hpp"
#include "liushou/text.hpp"

namespace liushou {

bool same_talk(const Talk& a, const Talk& b) {
    return a.date == b.date && a.kind == b.kind && a.by == b.by && a.summary == b.summary;
}

std::vector<std::string> talk_differences(const Talk& a, const Talk& b) {
    std::vector<std::string> out;
    if (a.mood != b.mood) out.emplace_back("mood");
    if (a.follow_up != b.follow_up) out.emplace_back("follow_up");
    if (a.closes != b.closes || a.closes_kind != b.closes_kind || a.closes_by != b.closes_by)
        out.emplace_back("closes");
    if (a.extras != b.extras) out.emplace_back("other keys");
    return out;
}

// ---- pairing ---------------------------------------------------------------------------

std::optional<PairingPeriod> pairing_on(const Child& child, const Date& day) {
    const Pairing& p = child.pairing;
    if (!p.teacher.empty() && (!p.since || *p.since <= day))
        return PairingPeriod{p.teacher, p.buddies, p.proxy_parent, p.since, std::nullopt, {}};
    for (auto it = p.history.rbegin(); it != p.history.rend(); ++it)
        if ((!it->from || *it->from <= day) && (!it->to || day <= *it->to)) return *it;
    return std::nullopt;
}

bool repair(Child& child, const PairingChange& change, Problems& out) {
    Pairing& p = child.pairing;
    const std::string teacher = change.teacher.value_or(p.teacher);
    const std::vector<std::string> buddies = change.buddies.value_or(p.buddies);
    const std::string proxy = change.proxy_parent.value_or(p.proxy_parent);
    if (teacher.empty()) {
        out.push_back(Problem{"teacher", "a pairing needs a teacher (--teacher)"});
        return false;
    }
    if (teacher == p.teacher && buddies == p.buddies && proxy == p.proxy_parent) return false;
    const bool paired = !p.teacher.empty() || !p.buddies.empty() || !p.proxy_parent.empty();
    if (paired && p.since && change.since < *p.since) {
        out.push_back(Problem{"since", fmt::format("{} is before the current pairing began ({})",
                                                   change.since.iso(), p.since->iso())});
        return false;
    }
    if (const std::string why = not_enrolled_reason(child, change.since); !why.empty()) {
        out.push_back(Problem{"since", why});
        return false;
    }
    // A new pairing from a later day closes the current one; on the same day it corrects it.
    if (paired && (!p.since || change.since > *p.since))
        p.history.push_back(PairingPeriod{
            p.teacher, p.buddies, p.proxy_parent, p.since, change.since.add_days(-1), {}});
    p.teacher = teacher;
    p.buddies = buddies;
    p.proxy_parent = proxy;
    p.since = change.since;
    return true;
}

std::vector<const Child*> children_named(const std::vector<Child>& children,
                                         std::string_view name) {
    const std::string_view wanted = trim(name);
    std::vector<const Child*> out;
    if (wanted.empty()) return out;
    for (const auto& c : children)
        if (c.name == wanted) out.push_back(&c);
    return out;
}

std::string shared_name_error(std::string_view name, const std::vector<const Child*>& named) {
    std::string who;
    for (const Child* c : named)
        who += fmt::format(
            "{}{}{}", who.empty() ? "" : ", ", c->id,
            c->grade && c->class_no ? fmt::format(" ({}-{})", *c->grade, *c->class_no) : "");
    return fmt::format("{} is the name of {} children: {}; give the id", trim(name), named.size(),
                       who);
}

std::string delete_talk(Child& child, const Date& day, std::optional<TalkKind> kind,
                        const std::string& by) {
    std::vector<size_t> found;
    for (size_t i = 0; i < child.talks.size(); ++i) {
        const Talk& t = child.talks[i];
        if (t.date == day && (!kind || t.kind == *kind) && (by.empty() || t.by == by))
            found.push_back(i);
    }
    if (found.empty())
        return fmt::format("{} has no entry of {}{} to delete", child.id, day.iso(),
                           kind ? " of kind " + std::string(key_of(*kind)) : "");
    if (found.size() > 1) {
        std::string which;
        for (size_t i : found)
            which += fmt::format("{}{} by {}", which.empty() ? "" : ", ",
                                 key_of(child.talks[i].kind), child.talks[i].by);
        return fmt::format("{} has {} entries of {} ({}); say which with --kind or --by", child.id,
                           found.size(), day.iso(), which);
    }
    const Talk& gone = child.talks[found.front()];
    for (const Talk& t : child.talks)
        if (t.closes == day && (!t.closes_kind || *t.closes_kind == gone.kind) &&
            (t.closes_by.empty() || t.closes_by == gone.by) && !gone.follow_up.empty())
            return fmt::format("the entry of {} closes its follow-up; delete that one first",
                               t.date ? t.date->iso() : "?");
    child.talks.erase(child.talks.begin() + static_cast<long>(found.front()));
    return "";
}

BuddyChoice resolve_buddies(const Child& child, const std::vector<std::string>& given,
                            const std::function<bool(std::string_view)>& child_exists,
                            const std::vector<Child>& children) {
    BuddyChoice out;
    for (const auto& value : given) {
        const std::string b(trim(value));
        if (b.empty()) continue;
        std::string id = b;
        if (b == child.id || (!child.name.empty() && b == child.name)) {
            out.errors.push_back(fmt::format("{}: a child cannot be their own buddy", b));
            continue;
        }
        if (looks_like_child_id(b)) {
            if (!child_exists(b)) {
                out.errors.push_back(
                    fmt::format("no child {} (give a child's id or a classmate's name)", b));
                continue;
            }
        } else {
            std::vector<const Child*> named = children_named(children, b);
            named.erase(std::remove_if(named.begin(), named.end(),
                                       [&](const Child* c) { return c->id == child.id; }),
                        named.end());
            if (named.size() > 1) {
                out.errors.push_back(shared_name_error(b, named));
                continue;
            }
            if (named.size() == 1) id = named.front()->id;
        }
        if (std::find(out.buddies.begin(), out.buddies.end(), id) == out.buddies.end())
            out.buddies.push_back(id);
    }
    return out;
}

namespace {

/// Adds `item` unless an entry with the same value in every field is there already.
template <class T, class Describe>
bool add_once(std::vector<T>& items, const T& item, Describe describe) {
    for (const auto& existing : items)
        if (schema::same_values(existing, item, describe)) return false;
    items.push_back(item);
    return true;
}

}  // namespace

bool add_plan(Child& child, const PlanItem& plan) {
    return add_once(child.pairing.plan, plan, [](auto& v, auto& i) { schema::plan_item(v, i); });
}

bool add_progress(Child& child, const ProgressItem& progress) {
    return add_once(child.pairing.progress, progress,
                    [](auto& v, auto& i) { schema::progress_item(v, i); });
}

std::map<std::string, int> teacher_load(const std::vector<Child>& children,
                                        const StaffList& staff) {
    std::map<std::string, int> load;
    for (const auto& s : staff.staff) load[s.id] = 0;
    for (const auto& c : children)
        if (c.status == Status::enrolled && !c.pairing.teacher.empty()) ++load[c.pairing.teacher];
    return load;
}

std::vector<Suggestion> suggest_pairings(const std::vector<Child>& children,
                                         const StaffList& staff) {
    std::map<std::string, int> load = teacher_load(children, staff);
    std::vector<const Staff*> candidates;
    for (const auto& s : staff.staff)
        if (!s.role || *s.role == Role::head_teacher || *s.role == Role::teacher)
            candidates.push_back(&s);
    std::sort(candidates.begin(), candidates.end(),
              [](const Staff* a, const Staff* b) { return natural_less(a->id, b->id); });

    std::vector<const Child*> unpaired;
    for (const auto& c : children)
        if (c.status == Status::enrolled && c.pairing.teacher.empty()) unpaired.push_back(&c);
    std::sort(unpaired.begin(), unpaired.end(),
              [](const Child* a, const Child* b) { return natural_less(a->id, b->id); });

    std::vector<Suggestion> out;
    for (const Child* c : unpaired) {
        const Staff* head = nullptr;
        for (const Staff* s : candidates)
            if (s->role == Role::head_teacher && s->grade && s->grade == c->grade &&
                s->class_no == c->class_no) {
                head = s;
                break;
            }
        if (head) {
            ++load[head->id];
            out.push_back(Suggestion{c->id, head->id, "head_teacher"});
            continue;
        }
        const Staff* least = nullptr;
        for (const Staff* s : candidates)
            if (!least || load[s->id] < load[least->id]) least = s;
        if (!least) continue;
        ++load[least->id];
        out.push_back(Suggestion{c->id, least->id, "least_loaded"});
    }
    return out;
}

// ---- talks -----------------------------------------------------------------------------

TalkAdd add_talk(Child& child, const Talk& talk, std::vector<std::string>* differs) {
    for (const auto& t : child.talks) {
        if (!same_talk(t, talk)) continue;
        const auto d = talk_differences(t, talk);
        if (d.empty()) return TalkAdd::duplicate;
        if (differs) *differs = d;
        return TalkAdd::differs;
    }
    child.talks.push_back(talk);
    return TalkAdd::added;
}

size_t replace_talk(Child& child, const Talk& talk) {
    size_t found = 0;
    Talk* hit = nullptr;
    for (auto& t : child.talks)
        if (t.date == talk.date && t.kind == talk.kind && t.by == talk.by) ++found, hit = &t;
    if (found == 1) *hit = talk;
    return found;
}

bool closes_follow_up(const Talk& closer, const Talk& opened) {
    return &closer != &opened && closer.closes && opened.date && *closer.closes == *opened.date &&
           (!closer.closes_kind || *closer.closes_kind == opened.kind) &&
           (closer.closes_by.empty() || closer.closes_by == opened.by) && closer.date &&
           *closer.date >= *opened.date;
}

std::vector<const Talk*> open_follow_ups(const Child& child, const std::optional<Date>& as_of) {
    std::vector<const Talk*> open;
    for (const auto& t : child.talks) {
        if (t.follow_up.empty() || !t.date || (as_of && *as_of < *t.date)) continue;
        const bool closed = std::any_of(child.talks.begin(), child.talks.end(), [&](const Talk& u) {
            return closes_follow_up(u, t) && (!as_of || *u.date <= *as_of);
        });
        if (!closed) open.push_back(&t);
    }
    std::stable_sort(open.begin(), open.end(),
                     [](const Talk* a, const Talk* b) { return *a->date < *b->date; });
    return open;
}

void check_talk(const Talk& talk, const Child& child, const StaffList& staff, const Date& today,
                Problems& out) {
    if (!talk.date) {
        out.push_back(Problem{"date", "a talk needs a date"});
    } else if (*talk.date > today) {
        out.push_back(Problem{"date", fmt::format("{} is in the future", talk.date->iso())});
    } else if (const std::string why = not_enrolled_reason(child, *talk.date); !why.empty()) {
        out.push_back(Problem{"date", why});
    }
    if (talk.by.empty())
        out.push_back(Problem{"by", "say who held the talk (a staff id)"});
    else if (!staff.find(talk.by))
        out.push_back(Problem{"by", fmt::format("teacher {} is not in staff.yaml", talk.by)});
    if (talk.summary.empty()) out.push_back(Problem{"summary", "say what the talk was about"});
    if (talk.closes) {
        const auto open = open_follow_ups(child);
        const bool found = std::any_of(open.begin(), open.end(), [&](const Talk* t) {
            return *t->date == *talk.closes &&
                   (!talk.closes_kind || *talk.closes_kind == t->kind) &&
                   (talk.closes_by.empty() || talk.closes_by == t->by);
        });
        if (!found)
            out.push_back(Problem{"close-follow-up",
                                  fmt::format("no open follow-up from {}", talk.closes->iso())});
        else if (talk.date && *talk.date < *talk.closes)
            out.push_back(Problem{"close-follow-up", "a follow-up is closed on or after its day"});
    }
}

const Staff* find_staff(const StaffList& staff, const std::string& id_or_name, std::string& error) {
    if (const Staff* s = staff.find(id_or_name)) return s;
    std::vector<const Staff*> named;
    for (const auto& s : staff.staff)
        if (s.name == id_or_name) named.push_back(&s);
    if (named.size() == 1) return named[0];
    if (named.empty()) {
        error =
            fmt::format("no staff member {} in staff.yaml (give a staff id or name)", id_or_name);
    } else {
        std::string ids;
        for (const Staff* s : named) ids += (ids.empty() ? "" : ", ") + s->id;
        error = fmt::format("{} is the name of {}; give the staff id", id_or_name, ids);
    }
    return nullptr;
}

TalkImportPlan plan_talk_import(const Sheet& sheet, const std::vector<Child>& children,
                                const StaffList& staff, const Date& today) {
    TalkImportPlan plan;
    // 班级 is read and left: the talks report (report talks --format csv|xlsx) shows it for
    // the reader, and the child is found by 学号 or 姓名 all the same.
    enum Col { kId, kName, kDate, kKind, kBy, kSummary, kMood, kFollowUp, kClass, kCount };
    static const std::vector<std::vector<std::string>> kHeaders = {
        {"学号", "id"},   {"姓名", "name"},          {"日期", "date"},
        {"类型", "kind"}, {"教师", "by", "teacher"}, {"内容", "summary"},
        {"情绪", "mood"}, {"跟进事项", "follow_up"}, {"班级", "class"},
    };
    std::vector<int> column(kCount, -1);
    for (size_t i = 0; i < sheet.header.size(); ++i) {
        const std::string h = normalise_header(sheet.header[i]);
        int found = -1;
        for (int c = 0; c < kCount; ++c)
            for (const auto& name : kHeaders[static_cast<size_t>(c)])
                if (h == name || sheet.header[i] == name) found = c;
        if (found < 0) {
            if (h.empty()) continue;
            plan.problems.push_back(Problem{sheet.header[i],
                                            "unknown column; a talk sheet has 学号 or 姓名, 日期, "
                                            "类型, 教师, 内容, 情绪, 跟进事项 (and 班级)",
                                            Severity::error, 1, static_cast<int>(i + 1)});
        } else if (column[static_cast<size_t>(found)] >= 0) {
            plan.problems.push_back(Problem{sheet.header[i], "a second column for the same thing",
                                            Severity::error, 1, static_cast<int>(i + 1)});
        } else {
            column[static_cast<size_t>(found)] = static_cast<int>(i);
        }
    }
    auto missing = [&](const char* what) {
        plan.problems.push_back(Problem{"header", fmt::format("the sheet has no {} column", what),
                                        Severity::error, 1, 1});
    };
    if (column[kId] < 0 && column[kName] < 0) missing("学号 or 姓名");
    if (column[kDate] < 0) missing("日期 (date)");
    if (column[kBy] < 0) missing("教师 (teacher)");
    if (column[kSummary] < 0) missing("内容 (summary)");
    if (!plan.problems.empty()) return plan;

    // Hashed: a county's sheet has a million rows to match.
    std::unordered_map<std::string, size_t> by_id;
    std::unordered_map<std::string, std::vector<size_t>> by_name;
    by_id.reserve(children.size());
    by_name.reserve(children.size());
    for (size_t i = 0; i < children.size(); ++i) {
        by_id[children[i].id] = i;
        by_name[children[i].name].push_back(i);
    }
    // A sheet names a few teachers a thousand times each: each name is looked up once.
    std::unordered_map<std::string, std::pair<const Staff*, std::string>> teachers;
    std::unordered_map<std::string, size_t> seen;  // child index | talk key -> first row index

    for (const Sheet::Row& row : sheet.rows) {
        auto cell = [&](Col c) -> std::string {
            const int at = column[c];
            if (at < 0 || static_cast<size_t>(at) >= row.cells.size()) return {};
            std::string v = row.cells[static_cast<size_t>(at)];
            while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.pop_back();
            while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.erase(0, 1);
            return v;
        };
        const size_t before = plan.problems.size();
        auto problem = [&](Col c, std::string message) {
            const int at = column[c] >= 0 ? column[c] : 0;
            plan.problems.push_back(
                Problem{fmt::format("row {}, {}", row.row, sheet.header[static_cast<size_t>(at)]),
                        std::move(message), Severity::error, row.line, at + 1});
        };

        std::optional<size_t> child;
        const std::string id = cell(kId), name = cell(kName);
        if (!id.empty()) {
            const auto it = by_id.find(id);
            if (it == by_id.end())
                problem(kId, fmt::format("no child {}", id));
            else
                child = it->second;
        } else if (!name.empty()) {
            const auto it = by_name.find(name);
            if (it == by_name.end()) {
                problem(kName, fmt::format("no child named {}", name));
            } else if (it->second.size() > 1) {
                std::string ids;
                for (size_t i : it->second) ids += (ids.empty() ? "" : ", ") + children[i].id;
                problem(kName, fmt::format("{} children are named {} ({}); use the 学号 column",
                                           it->second.size(), name, ids));
            } else {
                child = it->second[0];
            }
        } else {
            problem(column[kId] >= 0 ? kId : kName, "say which child (学号 or 姓名)");
        }

        Talk talk;
        const DateParse date = parse_flexible_date(cell(kDate));
        if (!date.date)
            problem(kDate, date.error);
        else
            talk.date = date.date;
        const std::string kind = cell(kKind);
        if (!kind.empty()) {
            const auto k = enum_from_text<TalkKind>(kind);
            if (!k)
                problem(
                    kKind,
                    fmt::format("\"{}\" is not 谈心, 家访, 亲情电话, 座谈会, 心理辅导 or 生日祝福",
                                kind));
            else
                talk.kind = *k;
        }
        const std::string teacher = cell(kBy);
        if (teacher.empty()) {
            problem(kBy, "say who held the talk (a staff id or name)");
        } else {
            auto found = teachers.find(teacher);
            if (found == teachers.end()) {
                std::string error;
                const Staff* s = find_staff(staff, teacher, error);
                found = teachers.emplace(teacher, std::make_pair(s, std::move(error))).first;
            }
            if (found->second.first)
                talk.by = found->second.first->id;
            else
                problem(kBy, found->second.second);
        }
        talk.summary = cell(kSummary);
        const std::string mood = cell(kMood);
        if (!mood.empty()) {
            const auto m = enum_from_text<Mood>(mood);
            if (!m)
                problem(kMood, fmt::format("\"{}\" is not 好, 一般 or 低落", mood));
            else
                talk.mood = m;
        }
        talk.follow_up = cell(kFollowUp);
        if (plan.problems.size() != before || !child) continue;

        Problems checks;
        check_talk(talk, children[*child], staff, today, checks);
        for (const auto& p : checks) {
            const Col c = p.field == "date" ? kDate : p.field == "by" ? kBy : kSummary;
            problem(c, p.message);
        }
        if (plan.problems.size() != before) continue;

        TalkRow out{row.row, *child, talk, false};
        // The same talk with another mood or follow-up is not a repeat to drop: the row is
        // refused, naming what differs, so nobody believes it was recorded.
        auto refuse_different = [&](const Talk& other, const std::string& where) {
            std::string fields;
            for (const auto& f : talk_differences(other, talk))
                fields += (fields.empty() ? "" : ", ") + f;
            problem(kSummary, fmt::format("the same talk ({} {} by {}) is {} with a different {}; "
                                          "correct the row, or change the logged one with "
                                          "log-talk {} --amend",
                                          talk.date->iso(), key_of(talk.kind), talk.by, where,
                                          fields, children[*child].id));
        };
        for (const Talk& t : children[*child].talks) {
            if (!same_talk(t, talk)) continue;
            if (talk_differences(t, talk).empty())
                out.duplicate = true;
            else
                refuse_different(t, "already logged");
        }
        const std::string key = fmt::format("{}|{}|{}|{}|{}", *child, talk.date->iso(),
                                            key_of(talk.kind), talk.by, talk.summary);
        const auto earlier = seen.find(key);
        if (earlier != seen.end()) {
            const TalkRow& first = plan.rows[earlier->second];
            if (talk_differences(first.talk, talk).empty())
                out.duplicate = true;
            else
                refuse_different(first.talk, fmt::format("on row {}", first.row));
        }
        if (plan.problems.size() != before) continue;
        if (earlier == seen.end()) seen.emplace(key, plan.rows.size());
        plan.rows.push_back(std::move(out));
    }
    return plan;
}

}  // namespace liushou
