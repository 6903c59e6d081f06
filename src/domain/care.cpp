#include "liushou/care.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "liushou/i18n.hpp"
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
    std::optional<PairingPeriod> found;
    // The current pairing is whatever of it is written: a teacher, buddies (学习帮手 alone
    // count for with_buddy) or a proxy parent. Without `since` it holds on every day, as it
    // always has (liushou-records(5)).
    const bool current = !p.teacher.empty() || !p.buddies.empty() || !p.proxy_parent.empty();
    if (current && (!p.since || *p.since <= day))
        found = PairingPeriod{p.teacher, p.buddies, p.proxy_parent, p.since, std::nullopt, {}};
    else
        for (auto it = p.history.rbegin(); it != p.history.rend() && !found; ++it)
            if ((!it->from || *it->from <= day) && (!it->to || day <= *it->to)) found = *it;
    // A pairing that begins on a day the child was not enrolled counts in no figure: the
    // rule `check` reports ("the entry counts nowhere"), not a second one.
    if (found && found->from && counts_nowhere(child, *found->from)) return std::nullopt;
    return found;
}

bool repair(Child& child, const PairingChange& change, Problems& out) {
    Pairing& p = child.pairing;
    const std::string teacher = change.teacher.value_or(p.teacher);
    const std::vector<std::string> buddies = change.buddies.value_or(p.buddies);
    const std::string proxy = change.proxy_parent.value_or(p.proxy_parent);
    if (teacher.empty()) {
        out.push_back(Problem{"teacher", N_("a pairing needs a teacher (--teacher)")});
        return false;
    }
    if (teacher == p.teacher && buddies == p.buddies && proxy == p.proxy_parent) return false;
    const bool paired = !p.teacher.empty() || !p.buddies.empty() || !p.proxy_parent.empty();
    if (paired && p.since && change.since < *p.since) {
        out.push_back(
            Problem{"since", fmt::format(N_("{} is before the current pairing began ({})"),
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

std::string child_description(const Child& c) {
    // Each part always there, so that one catalogue entry reads every description; the class
    // as the grade and class numbers, which the catalogue writes 三年级1班.
    return fmt::format(
        N_("{} ({}, {}, {})"), c.id,
        c.grade && c.class_no ? fmt::format(N_("class {}-{}"), *c.grade, *c.class_no)
        : c.grade             ? fmt::format("grade {}", *c.grade)
                              : std::string(N_("class not recorded")),
        c.gender ? std::string(key_of(*c.gender)) : std::string(N_("gender not recorded")),
        c.birth_date ? "born " + c.birth_date->iso() : std::string(N_("birth date not recorded")));
}

std::string shared_name_error(std::string_view name, const std::vector<const Child*>& named) {
    std::string who;
    for (const Child* c : named) who += (who.empty() ? "" : ", ") + child_description(*c);
    return fmt::format(N_("{} is the name of {} children: {}; give the id"), trim(name),
                       named.size(), who);
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
        return fmt::format(N_("{} has {} entries of {} ({}); say which with --kind or --by"),
                           child.id, found.size(), day.iso(), which);
    }
    const Talk& gone = child.talks[found.front()];
    for (const Talk& t : child.talks)
        if (t.closes == day && (!t.closes_kind || *t.closes_kind == gone.kind) &&
            (t.closes_by.empty() || t.closes_by == gone.by) && !gone.follow_up.empty())
            return fmt::format(N_("the entry of {} closes its follow-up; delete that one first"),
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
            out.errors.push_back(fmt::format(N_("{}: a child cannot be their own buddy"), b));
            continue;
        }
        if (looks_like_child_id(b)) {
            if (!child_exists(b)) {
                out.errors.push_back(
                    fmt::format(N_("no child {} (give a child's id or a classmate's name)"), b));
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
        out.push_back(Problem{"date", N_("a talk needs a date")});
    } else if (*talk.date > today) {
        out.push_back(Problem{"date", fmt::format(N_("{} is in the future"), talk.date->iso())});
    } else if (const std::string why = not_enrolled_reason(child, *talk.date); !why.empty()) {
        out.push_back(Problem{"date", why});
    }
    if (talk.by.empty())
        out.push_back(Problem{"by", N_("say who held the talk (a staff id)")});
    else if (!staff.find(talk.by))
        out.push_back(Problem{"by", fmt::format(N_("teacher {} is not in staff.yaml"), talk.by)});
    if (talk.summary.empty()) out.push_back(Problem{"summary", N_("say what the talk was about")});
    if (talk.closes) {
        const auto open = open_follow_ups(child);
        const bool found = std::any_of(open.begin(), open.end(), [&](const Talk* t) {
            return *t->date == *talk.closes &&
                   (!talk.closes_kind || *talk.closes_kind == t->kind) &&
                   (talk.closes_by.empty() || talk.closes_by == t->by);
        });
        if (!found)
            out.push_back(Problem{"close-follow-up", fmt::format(N_("no open follow-up from {}"),
                                                                 talk.closes->iso())});
        else if (talk.date && *talk.date < *talk.closes)
            out.push_back(
                Problem{"close-follow-up", N_("a follow-up is closed on or after its day")});
    }
}

const Staff* find_staff(const StaffList& staff, const std::string& id_or_name, std::string& error) {
    if (const Staff* s = staff.find(id_or_name)) return s;
    // A teacher as every report shows them, 李老师（T003） or Li (T003): a report's sheet read
    // back is the sheet it was. The name must be the id's, or the cell is not taken.
    for (const auto& [open, close] : {std::pair<std::string_view, std::string_view>{"（", "）"},
                                      std::pair<std::string_view, std::string_view>{" (", ")"}}) {
        const std::string_view text(id_or_name);
        const size_t at = text.rfind(open);
        if (at == std::string_view::npos || text.size() < close.size() ||
            text.substr(text.size() - close.size()) != close)
            continue;
        const std::string name(text.substr(0, at));
        const std::string id(
            text.substr(at + open.size(), text.size() - close.size() - at - open.size()));
        if (const Staff* s = staff.find(id)) {
            if (s->name == name) return s;
            error = fmt::format(N_("{}: {} is {} in staff.yaml, not {}"), id_or_name, id, s->name,
                                name);
            return nullptr;
        }
    }
    std::vector<const Staff*> named;
    for (const auto& s : staff.staff)
        if (s.name == id_or_name) named.push_back(&s);
    if (named.size() == 1) return named[0];
    if (named.empty()) {
        error = fmt::format(N_("no staff member {} in staff.yaml (give a staff id or name)"),
                            id_or_name);
    } else {
        std::string ids;
        for (const Staff* s : named) ids += (ids.empty() ? "" : ", ") + s->id;
        error = fmt::format(N_("{} is the name of {}; give the staff id"), id_or_name, ids);
    }
    return nullptr;
}

TalkSheet::TalkSheet(const std::vector<std::string>& header, const StaffList& staff, Problems& out)
    : header_(header), column_(kCount, -1), staff_(staff) {
    // 班级 is read and left: the talks report (report talks --format csv|xlsx) shows it for
    // the reader, and the child is found by 学号 or 姓名 all the same.
    static const std::vector<std::vector<std::string>> kHeaders = {
        {"学号", "id"},   {"姓名", "name"},          {"日期", "date"},
        {"类型", "kind"}, {"教师", "by", "teacher"}, {"内容", "summary"},
        {"情绪", "mood"}, {"跟进事项", "follow_up"}, {"班级", "class"},
    };
    const size_t before = out.size();
    for (size_t i = 0; i < header.size(); ++i) {
        const std::string h = normalise_header(header[i]);
        int found = -1;
        for (int c = 0; c < kCount; ++c)
            for (const auto& name : kHeaders[static_cast<size_t>(c)])
                if (h == name || header[i] == name) found = c;
        if (found < 0) {
            if (h.empty()) continue;
            out.push_back(Problem{header[i],
                                  N_("unknown column; a talk sheet has 学号 or 姓名, 日期, "
                                     "类型, 教师, 内容, 情绪, 跟进事项 (and 班级)"),
                                  Severity::error, 1, static_cast<int>(i + 1)});
        } else if (column_[static_cast<size_t>(found)] >= 0) {
            out.push_back(Problem{header[i], N_("a second column for the same thing"),
                                  Severity::error, 1, static_cast<int>(i + 1)});
        } else {
            column_[static_cast<size_t>(found)] = static_cast<int>(i);
        }
    }
    auto missing = [&](const char* what) {
        out.push_back(Problem{"header", fmt::format(N_("the sheet has no {} column"), what),
                              Severity::error, 1, 1});
    };
    if (column_[kId] < 0 && column_[kName] < 0) missing(N_("学号 or 姓名"));
    if (column_[kDate] < 0) missing(N_("日期 (date)"));
    if (column_[kBy] < 0) missing(N_("教师 (teacher)"));
    if (column_[kSummary] < 0) missing(N_("内容 (summary)"));
    ok_ = out.size() == before;
}

std::string TalkSheet::cell(const Sheet::Row& row, Col c) const {
    const int at = column_[c];
    if (at < 0 || static_cast<size_t>(at) >= row.cells.size()) return {};
    const std::string& v = row.cells[static_cast<size_t>(at)];
    size_t from = 0, to = v.size();
    while (from < to && (v[from] == ' ' || v[from] == '\t')) ++from;
    while (to > from && (v[to - 1] == ' ' || v[to - 1] == '\t')) --to;
    return v.substr(from, to - from);
}

void TalkSheet::problem(const Sheet::Row& row, Col c, std::string message, Problems& out) const {
    const int at = column_[c] >= 0 ? column_[c] : 0;
    out.push_back(Problem{fmt::format(N_("row {}, {}"), row.row, header_[static_cast<size_t>(at)]),
                          std::move(message), Severity::error, row.line, at + 1});
}

bool TalkSheet::needs_names(const Sheet::Row& row) const {
    return cell(row, kId).empty() && !cell(row, kName).empty();
}

ChildIndex::ChildIndex(std::vector<std::string> child_ids) : ids(std::move(child_ids)) {
    by_id.reserve(ids.size());
    for (size_t i = 0; i < ids.size(); ++i) by_id.emplace(ids[i], i);
}

std::optional<size_t> TalkSheet::child_of(const Sheet::Row& row, const ChildIndex& children,
                                          Problems& out) {
    // A sheet names a few teachers a thousand times each: each is looked up once, here, so
    // that plan_child only reads the table.
    const std::string teacher = cell(row, kBy);
    if (!teacher.empty() && teachers_.find(teacher) == teachers_.end()) {
        std::string error;
        const Staff* s = find_staff(staff_, teacher, error);
        teachers_.emplace(teacher, std::make_pair(s, std::move(error)));
    }
    const std::string id = cell(row, kId), name = cell(row, kName);
    if (!id.empty()) {
        if (const auto it = children.by_id.find(id); it != children.by_id.end()) return it->second;
        problem(row, kId, fmt::format(N_("no child {}"), id), out);
    } else if (!name.empty()) {
        const auto it = children.by_name.find(name);
        const std::vector<size_t> found =
            it == children.by_name.end() ? std::vector<size_t>{} : it->second;
        if (found.size() == 1) return found[0];
        if (found.empty()) {
            problem(row, kName, fmt::format(N_("no child named {}"), name), out);
        } else {
            std::string who;
            for (size_t i : found) {
                const auto told = children.described.find(i);
                who += (who.empty() ? "" : ", ") +
                       (told == children.described.end() ? children.ids[i] : told->second);
            }
            problem(row, kName,
                    fmt::format(N_("{} children are named {}: {}; use the 学号 column"),
                                found.size(), name, who),
                    out);
        }
    } else {
        problem(row, column_[kId] >= 0 ? kId : kName, N_("say which child (学号 or 姓名)"), out);
    }
    talk_of(row, out);  // every bad cell of the row is said at once
    return std::nullopt;
}

void TalkSheet::no_child(const Sheet::Row& row, const std::string& id, Problems& out) const {
    problem(row, cell(row, kId).empty() ? kName : kId, fmt::format(N_("no child {}"), id), out);
    talk_of(row, out);
}

Talk TalkSheet::talk_of(const Sheet::Row& row, Problems& out) const {
    Talk talk;
    const DateParse date = parse_flexible_date(cell(row, kDate));
    if (!date.date)
        problem(row, kDate, date.error, out);
    else
        talk.date = date.date;
    const std::string kind = cell(row, kKind);
    if (!kind.empty()) {
        const auto k = enum_from_text<TalkKind>(kind);
        if (!k)
            problem(
                row, kKind,
                fmt::format(N_("\"{}\" is not 谈心, 家访, 亲情电话, 座谈会, 心理辅导 or 生日祝福"),
                            kind),
                out);
        else
            talk.kind = *k;
    }
    const std::string teacher = cell(row, kBy);
    if (teacher.empty()) {
        problem(row, kBy, N_("say who held the talk (a staff id or name)"), out);
    } else if (const auto found = teachers_.find(teacher); found == teachers_.end()) {
        std::string error;  // not seen by child_of (plan_child called on its own)
        if (const Staff* s = find_staff(staff_, teacher, error))
            talk.by = s->id;
        else
            problem(row, kBy, error, out);
    } else if (found->second.first) {
        talk.by = found->second.first->id;
    } else {
        problem(row, kBy, found->second.second, out);
    }
    talk.summary = cell(row, kSummary);
    const std::string mood = cell(row, kMood);
    if (!mood.empty()) {
        const auto m = enum_from_text<Mood>(mood);
        if (!m)
            problem(row, kMood, fmt::format(N_("\"{}\" is not 好, 一般 or 低落"), mood), out);
        else
            talk.mood = m;
    }
    talk.follow_up = cell(row, kFollowUp);
    return talk;
}

std::vector<TalkRow> TalkSheet::plan_child(const Child& child, size_t index,
                                           const std::vector<Sheet::Row>& rows, const Date& today,
                                           Problems& out) const {
    std::vector<TalkRow> planned;
    std::map<std::string, size_t> seen;  // talk key -> index in `planned` of its first row
    for (const Sheet::Row& row : rows) {
        const size_t before = out.size();
        const Talk talk = talk_of(row, out);
        if (out.size() != before) continue;

        Problems checks;
        check_talk(talk, child, staff_, today, checks);
        for (const auto& p : checks) {
            const Col c = p.field == "date" ? kDate : p.field == "by" ? kBy : kSummary;
            problem(row, c, p.message, out);
        }
        if (out.size() != before) continue;

        TalkRow one{row.row, index, talk, false};
        // The same talk with another mood or follow-up is not a repeat to drop: the row is
        // refused, naming what differs, so nobody believes it was recorded.
        auto refuse_different = [&](const Talk& other, const std::string& where) {
            std::string fields;
            for (const auto& f : talk_differences(other, talk))
                fields += (fields.empty() ? "" : ", ") + f;
            problem(
                row, kSummary,
                fmt::format("the same talk ({} {} by {}) is {} with a different {}; "
                            "correct the row, or change the logged one with "
                            "log-talk {} --amend",
                            talk.date->iso(), key_of(talk.kind), talk.by, where, fields, child.id),
                out);
        };
        for (const Talk& t : child.talks) {
            if (!same_talk(t, talk)) continue;
            if (talk_differences(t, talk).empty())
                one.duplicate = true;
            else
                refuse_different(t, N_("already logged"));
        }
        const std::string key =
            fmt::format("{}|{}|{}|{}", talk.date->iso(), key_of(talk.kind), talk.by, talk.summary);
        const auto earlier = seen.find(key);
        if (earlier != seen.end()) {
            const TalkRow& first = planned[earlier->second];
            if (talk_differences(first.talk, talk).empty())
                one.duplicate = true;
            else
                refuse_different(first.talk, fmt::format("on row {}", first.row));
        }
        if (out.size() != before) continue;
        if (earlier == seen.end()) seen.emplace(key, planned.size());
        planned.push_back(std::move(one));
    }
    return planned;
}

TalkImportPlan plan_talk_import(const Sheet& sheet, const std::vector<Child>& children,
                                const StaffList& staff, const Date& today) {
    TalkImportPlan plan;
    TalkSheet talks(sheet.header, staff, plan.problems);
    if (!talks.ok()) return plan;
    std::vector<std::string> ids;
    for (const Child& c : children) ids.push_back(c.id);
    ChildIndex index(std::move(ids));
    for (size_t i = 0; i < children.size(); ++i) index.add_name(i, children[i]);
    std::vector<std::vector<Sheet::Row>> rows(children.size());
    for (const Sheet::Row& row : sheet.rows) {
        const auto child = talks.child_of(row, index, plan.problems);
        if (child) rows[*child].push_back(row);
    }
    for (size_t i = 0; i < children.size(); ++i)
        if (!rows[i].empty())
            for (TalkRow& r : talks.plan_child(children[i], i, rows[i], today, plan.problems))
                plan.rows.push_back(std::move(r));
    // In the sheet's order, as a person reads them.
    std::stable_sort(plan.rows.begin(), plan.rows.end(),
                     [](const TalkRow& a, const TalkRow& b) { return a.row < b.row; });
    std::stable_sort(plan.problems.begin(), plan.problems.end(),
                     [](const Problem& a, const Problem& b) { return a.line < b.line; });
    return plan;
}

}  // namespace liushou
