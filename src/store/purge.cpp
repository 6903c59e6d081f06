// Forgetting on time (#43): the field-keeping logic of a purge, the purge record in
// liushou.yaml, and the history rewrite through git-filter-repo (liushou-purge(1)).
#include "liushou/purge.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <set>

#include "liushou/codec.hpp"
#include "liushou/error.hpp"
#include "liushou/i18n.hpp"
#include "liushou/store.hpp"

namespace liushou {

// ---- the purge record in liushou.yaml ----------------------------------------------------

std::optional<Date> PrivacySettings::purged_on(const std::string& id) const {
    for (const auto& p : purges)
        if (std::find(p.ids.begin(), p.ids.end(), id) != p.ids.end()) return p.date;
    return std::nullopt;
}

std::vector<std::string> PrivacySettings::purged_ids() const {
    std::vector<std::string> out;
    for (const auto& p : purges) out.insert(out.end(), p.ids.begin(), p.ids.end());
    return out;
}

namespace {

std::optional<Date> date_of(const YAML::Node& node) {
    if (!node || !node.IsScalar()) return std::nullopt;
    return parse_iso_date(node.Scalar()).date;
}

const std::string* extra(const Extras& extras, std::string_view key) {
    for (const auto& [k, v] : extras)
        if (k == key) return &v;
    return nullptr;
}

}  // namespace

PrivacySettings read_privacy(const School& school) {
    PrivacySettings out;
    const std::string* text = extra(school.extras, "privacy");
    if (!text) return out;
    YAML::Node node;
    try {
        node = YAML::Load(*text);
    } catch (const YAML::Exception&) {
        out.error = N_("privacy: not a mapping of settings");
        return out;
    }
    if (!node.IsMap()) {
        out.error = N_("privacy: not a mapping of settings");
        return out;
    }
    if (const YAML::Node years = node["retention_years"]) {
        int n = -1;
        try {
            n = years.IsScalar() ? years.as<int>() : -1;
        } catch (const YAML::Exception&) {
        }
        if (n < 1 || n > 100)
            out.error = N_("privacy.retention_years: a number of years, from 1 to 100");
        else
            out.retention_years = n;
    }
    if (const YAML::Node list = node["purged"]; list && list.IsSequence()) {
        for (size_t i = 0; i < list.size(); ++i) {
            PurgeRecord r;
            const auto day = list[i].IsMap() ? date_of(list[i]["date"]) : std::nullopt;
            const YAML::Node ids = list[i].IsMap() ? list[i]["ids"] : YAML::Node();
            if (!day || !ids || !ids.IsSequence()) {
                out.error =
                    fmt::format(N_("privacy.purged[{}]: needs a date and a list of ids"), i);
                continue;
            }
            r.date = *day;
            for (const auto& id : ids)
                if (id.IsScalar()) r.ids.push_back(id.Scalar());
            out.purges.push_back(std::move(r));
        }
    } else if (list) {
        out.error = N_("privacy.purged: expected a list");
    }
    out.history_rewritten = date_of(node["history_rewritten"]);
    if (const YAML::Node roots = node["replaced_roots"]; roots && roots.IsSequence())
        for (const auto& r : roots)
            if (r.IsScalar()) out.replaced_roots.push_back(r.Scalar());
    return out;
}

void write_privacy(School& school, const PrivacySettings& s) {
    // Written by hand, in the records' own layout (ids quoted: 2025-001 is not a number).
    std::string text;
    if (s.retention_years) text += fmt::format("\nretention_years: {}", *s.retention_years);
    if (!s.purges.empty()) {
        text += "\npurged:";
        for (const auto& p : s.purges) {
            text += fmt::format("\n  - date: {}\n    ids:", p.date.iso());
            for (const auto& id : p.ids)
                text += "\n      - \"" + id + "\"";  // valid ids need no escape
        }
    }
    if (s.history_rewritten) text += "\nhistory_rewritten: " + s.history_rewritten->iso();
    if (!s.replaced_roots.empty()) {
        text += "\nreplaced_roots:";
        for (const auto& r : s.replaced_roots) text += "\n  - " + r;
    }
    auto it = std::find_if(school.extras.begin(), school.extras.end(),
                           [](const auto& e) { return e.first == "privacy"; });
    if (text.empty()) {
        if (it != school.extras.end()) school.extras.erase(it);
    } else if (it != school.extras.end()) {
        it->second = text;
    } else {
        school.extras.emplace_back("privacy", text);
    }
}

// ---- what a purge keeps -------------------------------------------------------------------

std::optional<Date> left_on(const Child& c) {
    switch (c.status) {
        case Status::transferred:
        case Status::dropped_out:
        case Status::graduated:
        case Status::left:
            return c.status_on;
        default:
            return std::nullopt;
    }
}

std::optional<Date> purged_on(const Child& c) {
    const std::string* v = extra(c.extras, "purged");
    if (!v) return std::nullopt;
    std::string text = *v;
    if (text.size() >= 2 && (text[0] == '"' || text[0] == '\''))
        text = text.substr(1, text.size() - 2);
    if (auto d = parse_iso_date(text).date) return d;
    return Date{1, 1, 1};  // marked, with a day that does not read: still purged
}

Date years_after(const Date& day, int years) {
    Date d{day.year + years, day.month, day.day};
    if (d.day > days_in_month(d.year, d.month)) d.day = days_in_month(d.year, d.month);
    return d;
}

namespace {

bool is_child_id_text(const std::string& s) {
    return !s.empty() && valid_child_id(s) && s.find_first_of("0123456789") != std::string::npos &&
           s.find_first_not_of("0123456789-._") == std::string::npos;
}

void field(std::vector<std::string>& out, bool present, std::string name) {
    if (present) out.push_back(std::move(name));
}

}  // namespace

std::vector<std::string> personal_fields(const Child& c) {
    std::vector<std::string> out;
    field(out, !c.name.empty() && c.name != c.id, "name");
    field(out, !c.id_number.empty(), "id_number");
    field(out, !c.ethnicity.empty(), "ethnicity");
    field(out, c.birth_date && c.birth_date->day != 1, "birth_date");
    field(out, !c.health.empty(), "health");
    field(out, !c.home_address.empty(), "home_address");
    field(out, !c.notes.empty(), "notes");
    for (size_t i = 0; i < c.parents.size(); ++i) {
        const Parent& p = c.parents[i];
        const std::string at = fmt::format("parents[{}].", i);
        field(out, !p.name.empty(), at + "name");
        field(out, !p.phone.empty(), at + "phone");
        field(out, !p.work_place.empty(), at + "work_place");
        field(out, !p.work_phone.empty(), at + "work_phone");
    }
    const Guardian& g = c.guardian;
    field(out, !g.relation.empty(), "guardian.relation");
    field(out, !g.name.empty(), "guardian.name");
    field(out, !g.occupation.empty(), "guardian.occupation");
    field(out, !g.address.empty(), "guardian.address");
    field(out, !g.phone.empty(), "guardian.phone");
    field(out, !g.health.empty(), "guardian.health");
    field(out, g.age.has_value(), "guardian.age");
    field(out, !c.support.individual_plan.empty(), "support.individual_plan");
    const Pairing& pr = c.pairing;
    field(out, !pr.proxy_parent.empty(), "pairing.proxy_parent");
    for (size_t i = 0; i < pr.buddies.size(); ++i)
        field(out, !is_child_id_text(pr.buddies[i]) && pr.buddies[i] != "-",
              fmt::format("pairing.buddy[{}]", i));
    for (size_t i = 0; i < pr.history.size(); ++i)
        field(out, !pr.history[i].proxy_parent.empty(),
              fmt::format("pairing.history[{}].proxy_parent", i));
    for (size_t i = 0; i < pr.plan.size(); ++i)
        field(out, !pr.plan[i].content.empty() || !pr.plan[i].goal.empty(),
              fmt::format("pairing.plan[{}]", i));
    for (size_t i = 0; i < pr.progress.size(); ++i)
        field(out,
              !pr.progress[i].note.empty() || !pr.progress[i].subject.empty() ||
                  !pr.progress[i].score.empty(),
              fmt::format("pairing.progress[{}]", i));
    for (size_t i = 0; i < c.talks.size(); ++i) {
        field(out, !c.talks[i].summary.empty(), fmt::format("talks[{}].summary", i));
        field(out, !c.talks[i].follow_up.empty(), fmt::format("talks[{}].follow_up", i));
        field(out, c.talks[i].mood.has_value(), fmt::format("talks[{}].mood", i));
    }
    for (size_t i = 0; i < c.changes.size(); ++i)
        field(out, c.changes[i].field == "individual_plan" && !c.changes[i].was.empty(),
              fmt::format("changes[{}].was", i));
    // Keys liushou does not know may hold anything: a purge keeps none but its own.
    for (const auto& [key, value] : c.extras)
        field(out, key != "purged" && key != "purged_incomplete", key);
    return out;
}

void purge_child(Child& c, const Date& on) {
    // A file purged before keeps its day and what it said of completeness; one that got a
    // personal field back (a merge from an old clone) loses it again.
    const auto before = purged_on(c);
    const bool incomplete = before
                                ? extra(c.extras, "purged_incomplete") != nullptr
                                : c.left_behind != LeftBehind::none && !missing_fields(c).empty();
    const Date day = before && before->valid() ? *before : on;
    c.name = c.id;
    c.id_number.clear();
    c.ethnicity.clear();
    if (c.birth_date) c.birth_date->day = 1;  // the year and month: ages and 生日 months
    c.health.clear();
    c.home_address.clear();
    c.notes.clear();
    c.parents.clear();
    c.guardian = Guardian{};
    c.support.individual_plan.clear();
    c.support.extras.clear();
    Pairing& pr = c.pairing;
    pr.proxy_parent.clear();
    // A classmate named as a buddy is someone else's name; the count stays for the figures.
    for (auto& b : pr.buddies)
        if (!is_child_id_text(b)) b = "-";
    for (auto& h : pr.history) {
        h.proxy_parent.clear();
        for (auto& b : h.buddies)
            if (!is_child_id_text(b)) b = "-";
        h.extras.clear();
    }
    for (auto& p : pr.plan) {
        p.content.clear();
        p.goal.clear();
        p.extras.clear();
    }
    for (auto& p : pr.progress) {
        p.note.clear();
        p.subject.clear();
        p.score.clear();
        p.extras.clear();
    }
    pr.extras.clear();
    for (auto& t : c.talks) {
        t.summary.clear();
        t.follow_up.clear();
        t.mood.reset();
        t.extras.clear();
    }
    for (auto& x : c.changes) {
        if (x.field == "individual_plan") x.was.clear();
        x.extras.clear();
    }
    for (auto& e : c.enrolment_history) e.extras.clear();
    c.extras.clear();
    c.extras.emplace_back("purged", day.iso());
    if (incomplete) c.extras.emplace_back("purged_incomplete", "true");
}

size_t replace_names(std::string& text, const std::vector<std::string>& names,
                     const std::string& id) {
    size_t count = 0;
    for (const auto& name : names) {
        // A name of one character would match inside any word: only whole names are replaced.
        if (name.size() < 4 || name == id) continue;
        for (size_t at = text.find(name); at != std::string::npos;
             at = text.find(name, at + id.size())) {
            text.replace(at, name.size(), id);
            ++count;
        }
    }
    return count;
}

void check_purged_child(const Child& c, const PrivacySettings& privacy, Problems& out) {
    const auto day = privacy.purged_on(c.id);
    if (!day) return;
    if (!purged_on(c))
        out.push_back(Problem{
            "", fmt::format(
                    N_("the child was purged on {} (liushou.yaml privacy) but this file is from "
                       "before: a restored backup or a merge from an old clone? liushou purge "
                       "--yes purges it again"),
                    day->iso())});
    for (const auto& f : personal_fields(c))
        out.push_back(
            Problem{f, fmt::format(N_("personal data of a child purged on {}"), day->iso())});
}

void forget_cache(const std::string& root) {
    // Opened beneath the root without following a link, as the cache itself is (SafeDir).
    const int top = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (top < 0) return;
    const int dot = ::openat(top, ".liushou", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    const int dir =
        dot < 0 ? -1 : ::openat(dot, "cache", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (dir >= 0) {
        if (DIR* d = ::fdopendir(::dup(dir))) {
            std::vector<std::string> names;
            while (const dirent* e = ::readdir(d))
                if (e->d_name[0] != '.') names.emplace_back(e->d_name);
            ::closedir(d);
            for (const auto& n : names) ::unlinkat(dir, n.c_str(), 0);
        }
        ::close(dir);
    }
    if (dot >= 0) ::close(dot);
    ::close(top);
}

}  // namespace liushou
