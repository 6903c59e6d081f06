// The reports about children: a child's 档案卡, a class roster and a month's talks, in
// Markdown, CSV and JSON. With redaction on, phones, id numbers and house numbers are masked.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>

#include "liushou/fields.hpp"
#include "liushou/i18n.hpp"
#include "liushou/report_render.hpp"
#include "liushou/schema.hpp"
#include "liushou/validate.hpp"
#include "report_common.hpp"

namespace liushou {

using namespace report_detail;

namespace {

// ---- child card ------------------------------------------------------------------------

std::string date_text(const std::optional<Date>& d) {
    return schema::value_text(d);
}

/// A record as typed JSON (liushou-json(5)): every field of the schema, null or [] when it
/// has no value, numbers and booleans as such, enumerations by key; a visitor over
/// schema.hpp. Unknown keys are left out. Text goes through the Writer (masked when
/// redacting).
class JsonRecord {
  public:
    JsonRecord(const Writer& w, std::string indent) : w_(w), indent_(std::move(indent)) {}
    /// The object, its members one a line when `lines`, else on one line.
    std::string object(bool lines) const {
        if (members_.empty()) return "{}";
        std::string out = "{";
        for (size_t i = 0; i < members_.size(); ++i)
            out += (i ? "," : "") + (lines ? "\n" + indent_ + "  " : i ? " " : "") + members_[i];
        return out + (lines ? "\n" + indent_ + "}" : "}");
    }
    void text(std::string_view key, const std::string& v) { add(key, w_.json(v)); }
    void date(std::string_view key, const std::optional<Date>& v) {
        add(key, v ? json_string(v->iso()) : "null");
    }
    void integer(std::string_view key, const std::optional<int>& v) {
        add(key, v ? std::to_string(*v) : "null");
    }
    void boolean(std::string_view key, const std::optional<bool>& v) {
        add(key, v ? (*v ? "true" : "false") : "null");
    }
    template <class E>
    void enumeration(std::string_view key, const std::optional<E>& v) {
        add(key, v ? json_string(key_of(*v)) : "null");
    }
    template <class E, class = std::enable_if_t<std::is_enum_v<E>>>
    void enumeration(std::string_view key, const E& v) {
        add(key, json_string(key_of(v)));
    }
    void text_list(std::string_view key, const std::vector<std::string>& v) {
        std::string out = "[";
        for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + w_.json(v[i]);
        add(key, out + "]");
    }
    void one_or_more(std::string_view key, const std::vector<std::string>& v) {
        text_list(key == "buddy" ? "buddies" : key, v);
    }
    template <class S, class F>
    void map(std::string_view key, const S& sub, F describe) {
        JsonRecord inner(w_, indent_ + "  ");
        describe(inner, sub);
        add(key, inner.object(false));
    }
    template <class S, class F>
    void list(std::string_view key, const std::vector<S>& items, F describe, std::string_view) {
        std::string out = "[";
        for (size_t i = 0; i < items.size(); ++i) {
            JsonRecord inner(w_, indent_ + "    ");
            describe(inner, items[i]);
            // A talk, visit or call carries its handle (#41), which --delete and --amend= take
            // when its day has several entries: a script needs not number them itself.
            if constexpr (std::is_same_v<std::decay_t<S>, Talk>) {
                const std::string handle = talk_handle(items, i);
                inner.add("handle", handle.empty() ? "null" : json_string(handle));
            }
            out += (i ? "," : "") + ("\n" + indent_ + "    ") + inner.object(false);
        }
        add(key, out + (items.empty() ? "]" : "\n" + indent_ + "  ]"));
    }

  private:
    void add(std::string_view key, const std::string& value) {
        members_.push_back(json_string(key) + ": " + value);
    }
    const Writer& w_;
    std::string indent_;
    std::vector<std::string> members_;
};

/// A card's talks, visits and calls, each by its handle (the date, numbered when its day has
/// several), which log-talk --delete and --amend take.
std::string card_talks(const Child& c, const Provenance& source, const Writer& w) {
    std::string out = w.t("## Talks, visits and calls\n\n");
    out += header(
        {w.t("Date"), w.t("Kind"), w.t("By"), w.t("Summary"), w.t("Mood"), w.t("Follow-up")});
    for (size_t i = 0; i < c.talks.size(); ++i) {
        const Talk& t = c.talks[i];
        std::string follow = w.text(t.follow_up);
        if (t.closes)
            follow +=
                (follow.empty() ? "" : " ") + w.f("(closes the follow-up of {})", t.closes->iso());
        // The date is the entry's handle, numbered when its day has several (2026-03-10#2),
        // which log-talk --delete and --amend take.
        const std::string handle = talk_handle(c.talks, i);
        out += row({handle.empty() ? date_text(t.date) : handle,
                    std::string(w.en() ? key_of(t.kind) : zh_of(t.kind)),
                    staff_name(source, t.by, w), w.text(t.summary), enum_text(t.mood, w), follow});
    }
    return out;
}

/// The school's activities the child took part in (recorded once, with the child's id).
std::string card_activities(const Child& c, const Provenance& source, const Writer& w) {
    std::string out;
    if (source.activities) {
        std::vector<const Activity*> mine;
        for (const Activity& a : *source.activities)
            if (std::find(a.children.begin(), a.children.end(), c.id) != a.children.end())
                mine.push_back(&a);
        std::sort(mine.begin(), mine.end(),
                  [](const Activity* a, const Activity* b) { return a->date < b->date; });
        out += w.t("\n## Activities taken part in\n\n");
        if (mine.empty())
            out += w.t("None.\n");
        else
            out += header({w.t("Date"), w.t("activity\004Kind"), w.t("Activity")});
        for (const Activity* a : mine)
            out += row({date_text(a->date),
                        a->kind ? std::string(w.en() ? key_of(*a->kind) : zh_of(*a->kind)) : "",
                        w.text(a->title)});
    }
    return out;
}

}  // namespace

std::string render_child(const Child& original, const Provenance& source,
                         const ReportStyle& style) {
    if (style.format == Format::html)
        return as_page(style,
                       [&](const ReportStyle& md) { return render_child(original, source, md); });
    const Writer w(style);
    // Records are read back in date order; a copy to sort only for one that is not (a
    // copy of each of a county's records was a tenth of the time of every card).
    std::optional<Child> sorted;
    if (!original.lists_sorted()) {
        sorted = original;
        sorted->sort_lists();
    }
    const Child& c = sorted ? *sorted : original;
    if (style.format == Format::csv) {
        return child_table_csv(c, source, w);
    }
    if (style.format == Format::json) {
        JsonRecord record(w, "  ");
        schema::child(record, c);
        const auto missing = missing_fields_by_relation(c);
        return fmt::format(
            "{{\n  \"liushou_json\": {},\n  \"school\": {},\n  \"complete\": {},\n  "
            "\"missing\": {},\n  \"child\": {}\n}}\n",
            kJsonVersion, w.json(source.school->school), missing.empty() ? "true" : "false",
            json_strings(missing), record.object(true));
    }
    std::string out = w.f("# File of {} ({})\n\n", w.text(c.name), w.text(c.id));
    out += w.f("- School: {}\n", w.text(source.school->school));
    const auto missing = missing_fields(c);
    std::string state = missing.empty() ? w.t("complete") : "";
    for (const auto& m : missing)
        state +=
            (state.empty() ? w.t("missing ") : w.t(", ")) + md_escape(field_label(m, style.lang));
    out += w.t("- File: ") + state + "\n\n";

    out += w.t("## The child\n\n");
    out += header({w.t("Field"), w.t("Value")});
    auto line = [&](std::string_view en, const std::string& value) {
        out += row({w.t(en), value});
    };
    line(N_("ID"), w.text(c.id));
    line(N_("Name"), w.text(c.name));
    line(N_("Gender"), enum_text(c.gender, w));
    line(N_("Born"), date_text(c.birth_date));
    line(N_("ID number"), w.text(c.id_number));
    line(N_("Ethnicity"), w.text(c.ethnicity));
    line(N_("Class"), class_label(c.grade, c.class_no, style.lang));
    line(N_("date\004Enrolled"), date_text(c.enrolled_on));
    line(N_("Status"), std::string(w.en() ? key_of(c.status) : zh_of(c.status)) +
                           (c.status_on ? " " + c.status_on->iso() : ""));
    line(N_("Left behind"), enum_text(c.left_behind, w));
    line(N_("Boarding"), c.boarding ? (*c.boarding ? w.t("yes") : w.t("no")) : "");
    line(N_("Health"), w.text(c.health));
    line(N_("Home address"), w.text(c.home_address));
    out += "\n";

    out += w.t("## Parents\n\n");
    out += header({w.t("Relation"), w.t("Name"), w.t("Phone"), w.t("Works at"), w.t("Work phone")});
    for (const auto& p : c.parents)
        out += row({p.relation == "father"   ? w.t("father")
                    : p.relation == "mother" ? w.t("mother")
                                             : w.text(p.relation),
                    w.text(p.name), w.text(p.phone), w.text(p.work_place), w.text(p.work_phone)});
    out += "\n";
    const Guardian& g = c.guardian;
    out += w.t("## Guardian\n\n");
    out += header({w.t("Relation"), w.t("Name"), w.t("Occupation"), w.t("Address"), w.t("Phone"),
                   w.t("Health"), w.t("Age")});
    out += row({w.text(g.relation), w.text(g.name), w.text(g.occupation), w.text(g.address),
                w.text(g.phone), w.text(g.health), g.age ? std::to_string(*g.age) : ""});
    out += "\n";

    out += w.t("## Support\n\n");
    out += header({w.t("Field"), w.t("Value")});
    std::string subsidies;
    for (const auto& s : c.support.subsidies)
        subsidies +=
            (subsidies.empty() ? "" : w.t(", ")) + w.text(subsidy_label(s, w.style().lang));
    line(N_("Key child"), c.support.key_child ? w.t("yes") : w.t("no"));
    line(N_("Subsidies"), subsidies);
    line(N_("Individual plan"), w.text(c.support.individual_plan));
    out += "\n";

    out += w.t("## Pairing\n\n");
    out += header({w.t("Period"), w.t("Teacher"), w.t("Buddy"), w.t("Proxy parent")});
    const Pairing& p = c.pairing;
    if (!p.teacher.empty())
        out += row({w.f("from {}", date_text(p.since)), staff_name(source, p.teacher, w),
                    buddy_names(source, p.buddies, w), w.text(p.proxy_parent)});
    for (auto it = p.history.rbegin(); it != p.history.rend(); ++it)
        out += row({fmt::format("{} – {}", date_text(it->from), date_text(it->to)),
                    staff_name(source, it->teacher, w), buddy_names(source, it->buddies, w),
                    w.text(it->proxy_parent)});
    out += "\n";
    out += w.t("## Help plans\n\n");
    out += header({w.t("From"), w.t("To"), w.t("Content"), w.t("Goal")});
    for (const auto& i : p.plan)
        out += row({date_text(i.from), date_text(i.to), w.text(i.content), w.text(i.goal)});
    out += "\n";
    out += w.t("## Progress\n\n");
    out += header({w.t("Date"), w.t("Subject"), w.t("Score"), w.t("Note")});
    for (const auto& i : p.progress)
        out += row({date_text(i.date), w.text(i.subject), w.text(i.score), w.text(i.note)});
    out += "\n";
    out += card_talks(c, source, w) + card_activities(c, source, w);
    if (!c.notes.empty()) out += w.t("\n## Notes\n\n") + w.text(c.notes) + "\n";
    return out;
}

std::string render_subsidies(const SubsidyRoll& roll, const ReportStyle& style) {
    if (style.format == Format::html)
        return as_page(style, [&](const ReportStyle& md) { return render_subsidies(roll, md); });
    const Writer w(style);
    const bool county = roll.schools.size() > 1;
    // Each subsidy in the order first met, with its children in class order.
    std::vector<std::pair<std::string, std::vector<std::pair<const Provenance*, const Child*>>>> by;
    size_t subsidised = 0;
    for (const auto& r : roll.schools)
        for (const Child* c : r.children) {
            subsidised += !c->support.subsidies.empty();
            for (const auto& key : c->support.subsidies) {
                auto it = std::find_if(by.begin(), by.end(),
                                       [&](const auto& b) { return b.first == key; });
                if (it == by.end()) it = by.insert(by.end(), {key, {}});
                it->second.emplace_back(r.source, c);
            }
        }
    std::stable_sort(by.begin(), by.end(), [](const auto& a, const auto& b) {
        const int ra = subsidy_order(a.first), rb = subsidy_order(b.first);
        return ra != rb ? ra < rb : a.first < b.first;
    });
    const std::string lang = style.lang;
    if (style.format == Format::json) {
        std::vector<std::string> items;
        for (const auto& [key, children] : by) {
            std::string list;
            for (const auto& [source, c] : children)
                list += fmt::format(
                    "{}{{\"school\": {}, \"id\": {}, \"name\": {}, \"grade\": {}, \"class\": {}}}",
                    list.empty() ? "" : ", ", w.json(source->school->school), w.json(c->id),
                    w.json(c->name), c->grade ? std::to_string(*c->grade) : "null",
                    c->class_no ? std::to_string(*c->class_no) : "null");
            items.push_back(fmt::format("{{\"key\": {}, \"label\": {}, \"children\": [{}]}}",
                                        w.json(key), w.json(subsidy_label(key, lang)), list));
        }
        return json_list_document("subsidies", items,
                                  {{"as_of", json_string(roll.as_of.iso())},
                                   {"enrolled", std::to_string(roll.enrolled)},
                                   {"subsidised", std::to_string(subsidised)}});
    }
    if (style.format == Format::csv) {
        std::vector<std::string> head = {w.t("Subsidy"), w.t("ID"), w.t("Name"), w.t("Class")};
        if (county) head.insert(head.begin(), w.t("School"));
        std::vector<std::vector<std::string>> rows;
        for (const auto& [key, children] : by)
            for (const auto& [source, c] : children) {
                std::vector<std::string> cells = {w.text(subsidy_label(key, lang)), w.text(c->id),
                                                  w.text(c->name),
                                                  class_label(c->grade, c->class_no, lang)};
                if (county) cells.insert(cells.begin(), w.text(source->school->school));
                rows.push_back(cells);
            }
        return csv_table(head, rows);
    }
    const School& first = *roll.schools.front().source->school;
    std::string out = county ? w.t("# Subsidies received\n\n")
                             : w.f("# {}: Subsidies received\n\n", w.text(first.school));
    out +=
        w.f("- As of {}\n- Enrolled left-behind children: {}, of them "
            "receiving a subsidy: {}\n\n",
            roll.as_of.iso(), roll.enrolled, subsidised);
    if (by.empty()) return out + w.t("No child receives a subsidy.\n");
    out += header({w.t("Subsidy"), w.t("Children")}, 1);
    for (const auto& [key, children] : by)
        out += row({w.text(subsidy_label(key, lang)), std::to_string(children.size())});
    for (const auto& [key, children] : by) {
        out += fmt::format("\n## {}{}\n\n", w.text(subsidy_label(key, lang)),
                           w.f(" ({})", children.size()));
        std::vector<std::string> head = {w.t("ID"), w.t("Name"), w.t("Class")};
        if (county) head.insert(head.begin(), w.t("School"));
        out += header(head);
        for (const auto& [source, c] : children) {
            std::vector<std::string> cells = {w.text(c->id), w.text(c->name),
                                              class_label(c->grade, c->class_no, lang)};
            if (county) cells.insert(cells.begin(), w.text(source->school->school));
            out += row(cells);
        }
    }
    return out;
}

std::string render_class(int grade, int class_no, const std::vector<ClassRoster>& rosters,
                         const Date& as_of, const ReportStyle& style) {
    if (style.format == Format::html)
        return as_page(style, [&](const ReportStyle& md) {
            return render_class(grade, class_no, rosters, as_of, md);
        });
    const Writer w(style);
    const bool county = rosters.size() > 1;
    std::vector<std::string> head = {w.t("ID"),          w.t("Name"),     w.t("Gender"),
                                     w.t("Left behind"), w.t("Guardian"), w.t("Teacher"),
                                     w.t("Buddy"),       w.t("Last talk")};
    if (county) head.insert(head.begin(), w.t("School"));
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> json;  // one object a child
    for (const auto& r : rosters) {
        for (const Child* c : r.children) {
            std::optional<Date> last;
            for (const auto& t : c->talks)
                if (t.kind == TalkKind::talk && t.date && *t.date <= as_of &&
                    (!last || *last < *t.date))
                    last = t.date;
            if (style.format == Format::json) {
                // Values are the same in every language: keys, not words.
                auto key = [](const auto& v) {
                    return v ? json_string(key_of(*v)) : std::string("null");
                };
                std::vector<std::pair<std::string, std::string>> fields = {
                    {"id", w.json(c->id)},
                    {"name", w.json(c->name)},
                    {"gender", key(c->gender)},
                    {"left_behind", key(c->left_behind)},
                    {"guardian", json_object({{"relation", w.json(c->guardian.relation)},
                                              {"name", w.json(c->guardian.name)}})},
                    {"teacher", w.json(c->pairing.teacher)},
                    {"buddies", w.json_list(c->pairing.buddies)},
                    {"last_talk", last ? json_string(last->iso()) : "null"}};
                if (county)
                    fields.insert(fields.begin(), {"school", w.json(r.source->school->school)});
                json.push_back(json_object(fields));
                continue;
            }
            std::string guardian = w.text(c->guardian.relation);
            if (!c->guardian.name.empty())
                guardian += (guardian.empty() ? "" : " ") + w.text(c->guardian.name);
            std::vector<std::string> cells = {
                w.text(c->id), w.text(c->name), enum_text(c->gender, w),
                enum_text(c->left_behind, w), guardian,
                // The teacher as the Markdown shows them, 李老师（T003）, in every format.
                staff_name(*r.source, c->pairing.teacher, w),
                buddy_names(*r.source, c->pairing.buddies, w), date_text(last)};
            if (county) cells.insert(cells.begin(), w.text(r.source->school->school));
            rows.push_back(cells);
        }
    }
    if (style.format == Format::csv) return csv_table(head, rows);
    if (style.format == Format::json)
        return json_list_document("children", json,
                                  {{"grade", std::to_string(grade)},
                                   {"class", std::to_string(class_no)},
                                   {"as_of", json_string(as_of.iso())}});
    std::string out = w.en()
                          ? fmt::format("# Class {}-{}: left-behind children\n\n", grade, class_no)
                          : fmt::format("# {}留守儿童名册\n\n", class_label(grade, class_no, "zh"));
    out += w.f("- As of {}\n- Children: {}\n\n", as_of.iso(), rows.size());
    out += header(head);
    for (const auto& r : rows) out += row(r);
    return out;
}

std::string render_talks(const Month& month, const std::vector<TalkLine>& talks,
                         const ReportStyle& style) {
    if (style.format == Format::html)
        return as_page(style,
                       [&](const ReportStyle& md) { return render_talks(month, talks, md); });
    const Writer w(style);
    const bool county =
        !talks.empty() && std::any_of(talks.begin(), talks.end(), [&](const TalkLine& l) {
            return l.source != talks.front().source;
        });
    std::vector<std::string> head = {w.t("Date"),    w.t("ID"),   w.t("Name"),
                                     w.t("Class"),   w.t("Kind"), w.t("By"),
                                     w.t("Summary"), w.t("Mood"), w.t("Follow-up")};
    if (county) head.insert(head.begin(), w.t("School"));
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> json;  // one object an entry
    for (const auto& l : talks) {
        if (style.format == Format::json) {
            // Values are the same in every language: keys, not words.
            auto num = [](const std::optional<int>& v) {
                return v ? std::to_string(*v) : std::string("null");
            };
            std::vector<std::pair<std::string, std::string>> fields = {
                {"date", l.talk->date ? json_string(l.talk->date->iso()) : "null"},
                {"id", w.json(l.child->id)},
                {"name", w.json(l.child->name)},
                {"grade", num(l.child->grade)},
                {"class", num(l.child->class_no)},
                {"kind", json_string(key_of(l.talk->kind))},
                {"by", w.json(l.talk->by)},
                {"summary", w.json(l.talk->summary)},
                {"mood", l.talk->mood ? json_string(key_of(*l.talk->mood)) : "null"},
                {"follow_up", w.json(l.talk->follow_up)}};
            if (county) fields.insert(fields.begin(), {"school", w.json(l.source->school->school)});
            json.push_back(json_object(fields));
            continue;
        }
        std::vector<std::string> cells = {
            date_text(l.talk->date), w.text(l.child->id), w.text(l.child->name),
            class_label(l.child->grade, l.child->class_no, style.lang),
            // A Chinese CSV says 亲情电话; the teacher is 李老师（T003） in every format, as
            // the Markdown shows them, which log-talk --from reads back (find_staff).
            std::string(w.en() ? key_of(l.talk->kind) : zh_of(l.talk->kind)),
            staff_name(*l.source, l.talk->by, w), w.text(l.talk->summary),
            enum_text(l.talk->mood, w), w.text(l.talk->follow_up)};
        if (county) cells.insert(cells.begin(), w.text(l.source->school->school));
        rows.push_back(cells);
    }
    if (style.format == Format::csv) return csv_table(head, rows);
    if (style.format == Format::json)
        return json_list_document("talks", json, {{"month", json_string(month.iso())}});
    std::string out = w.en() ? fmt::format("# Talks and visits, {}\n\n", month.iso())
                             : fmt::format("# {}年{}月谈心与家访记录\n\n", month.year, month.month);
    out += w.f("- Entries: {}\n\n", rows.size());
    out += header(head);
    for (const auto& r : rows) out += row(r);
    return out;
}

}  // namespace liushou
