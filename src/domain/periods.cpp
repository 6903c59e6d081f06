// Which days a summary is over: a term found in each school by its dates, or the days asked
// for, and the rules in which the schools differ.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "liushou/i18n.hpp"
#include "liushou/report.hpp"
#include "liushou/text.hpp"
#include "liushou/validate.hpp"

namespace liushou {

namespace {

Date later(const Date& a, const Date& b) {
    return a < b ? b : a;
}
Date earlier(const Date& a, const Date& b) {
    return a < b ? a : b;
}

}  // namespace

namespace {

/// The days of `a` and `b` in common.
long overlap_days(const Date& a_from, const Date& a_to, const Date& b_from, const Date& b_to) {
    const Date from = later(a_from, b_from), to = earlier(a_to, b_to);
    return to < from ? 0 : to.days() - from.days() + 1;
}

std::string term_names(const School& s) {
    std::string names;
    for (const auto& t : s.terms) names += (names.empty() ? "" : ", ") + t.name;
    return names;
}

}  // namespace

namespace {

PeriodChoice choose_unbounded(const std::vector<const School*>& schools, const PeriodRequest& ask) {
    PeriodChoice out;
    if (ask.from && ask.to) {
        out.periods.assign(schools.size(), Period{*ask.from, *ask.to, ""});
        out.asked = out.periods.front();
        return out;
    }
    // A term or "the term of the day" means something only within one school year.
    for (const School* s : schools) {
        if (s->school_year == schools.front()->school_year) continue;
        std::string years;
        for (const School* t : schools)
            years += (years.empty() ? "" : ", ") + t->school + " " + t->school_year;
        out.error = "the trees are of different school years (" + years +
                    "); give the period as dates with --from and --to";
        return out;
    }
    const bool county = schools.size() > 1;
    if (!ask.term.empty()) {
        const Term* wanted = nullptr;
        for (const School* s : schools) {
            for (const auto& t : s->terms)
                if (t.name == ask.term && t.from && t.to) wanted = &t;
            if (wanted) break;
        }
        if (!wanted) {
            std::string names;
            for (const School* s : schools)
                names += (names.empty() ? "" : "; ") + (county ? s->school + ": " : std::string()) +
                         term_names(*s);
            out.error = fmt::format(N_("--term {}: the terms are {}"), ask.term, names);
            return out;
        }
        for (const School* s : schools) {
            const Term* best = nullptr;
            long best_days = 0;
            for (const auto& t : s->terms) {
                if (!t.from || !t.to) continue;
                const long days = overlap_days(*t.from, *t.to, *wanted->from, *wanted->to);
                if (days > best_days) best = &t, best_days = days;
            }
            if (!best) {
                out.error = "--term " + ask.term + ": " + s->school + " has no term over " +
                            wanted->from->iso() + " to " + wanted->to->iso() +
                            " (its terms: " + term_names(*s) + ")";
                return out;
            }
            out.periods.push_back(Period{*best->from, *best->to, best->name});
        }
        out.asked = Period{*wanted->from, *wanted->to, wanted->name};
        return out;
    }
    for (const School* s : schools) {
        // The term the reference day falls in, else the whole school year: from its
        // earliest term's start to its latest term's end, in whatever order they are listed.
        const Term* term = nullptr;
        std::optional<Date> year_from, year_to;
        for (const auto& t : s->terms) {
            if (!t.from || !t.to) continue;
            if (*t.from <= ask.as_of && ask.as_of <= *t.to) term = &t;
            if (!year_from || *t.from < *year_from) year_from = t.from;
            if (!year_to || *year_to < *t.to) year_to = t.to;
        }
        if (term) {
            out.periods.push_back(Period{*term->from, *term->to, term->name});
        } else if (year_from && year_to) {
            out.periods.push_back(Period{*year_from, *year_to, s->school_year});
        } else {
            out.error = (county ? s->school + ": " : std::string()) +
                        N_("no term in liushou.yaml holds the date; give --from and --to");
            return out;
        }
    }
    out.asked = out.periods.front();
    return out;
}

}  // namespace

PeriodChoice choose_periods(const std::vector<const School*>& schools, const PeriodRequest& ask) {
    PeriodChoice out = choose_unbounded(schools, ask);
    if (!out.error.empty()) return out;
    // Every figure walks the period month by month for every child, and the by-month tables
    // list them: --from 0001-01-01 (or a term of liushou.yaml from year 1) cost 20 s for 30
    // children. Only the part up to the day the figures are for is walked.
    const bool county = schools.size() > 1;
    for (size_t i = 0; i < out.periods.size(); ++i) {
        const Period& p = out.periods[i];
        const Date end = earlier(p.to, ask.as_of);
        if (!(Date{p.from.year + kMaxPeriodYears, p.from.month, 1} < end)) continue;
        constexpr const char* kWhy =
            "spans more than {} years, the longest a report covers; give a shorter period";
        out.error = p.name.empty()
                        ? fmt::format(std::string("the period {} to {} ") + kWhy, p.from.iso(),
                                      end.iso(), kMaxPeriodYears)
                        : fmt::format(std::string("{} of liushou.yaml ({} to {}) ") + kWhy, p.name,
                                      p.from.iso(), end.iso(), kMaxPeriodYears);
        if (county && !p.name.empty()) out.error = schools[i]->school + ": " + out.error;
        return out;
    }
    return out;
}

std::vector<RuleDifference> rule_differences(const std::vector<const School*>& schools) {
    std::vector<RuleDifference> out;
    auto months = [](const std::vector<int>& v) {
        std::string t;
        for (int m : v) t += (t.empty() ? "" : ", ") + std::to_string(m);
        return "[" + t + "]";
    };
    const std::pair<const char*, std::string (*)(const Rules&)> kRules[] = {
        {"talks_per_month", [](const Rules& r) { return std::to_string(r.talks_per_month); }},
        {"family_calls_per_month",
         [](const Rules& r) { return std::to_string(r.family_calls_per_month); }},
        {"home_visits_per_term",
         [](const Rules& r) { return std::to_string(r.home_visits_per_term); }},
        {"guardian_meetings_per_term",
         [](const Rules& r) { return std::to_string(r.guardian_meetings_per_term); }},
        {"months_without_talks", nullptr},
    };
    for (const auto& [rule, value] : kRules) {
        RuleDifference d{rule, {}};
        bool differ = false;
        for (const School* s : schools) {
            const std::string v = value ? value(s->rules) : months(s->rules.months_without_talks);
            if (!d.values.empty() && d.values.front().second != v) differ = true;
            d.values.emplace_back(s->school, v);
        }
        if (differ) out.push_back(std::move(d));
    }
    return out;
}

}  // namespace liushou
