// The summary report (工作总结的数据) as Markdown: the title and sources, then one section
// per table (summary_parts.hpp names them), each written by its own function. JSON, CSV and
// the school's template are in summary_data.cpp.
#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <stdexcept>

#include "summary_parts.hpp"

namespace liushou::summary_detail {

namespace {

/// A month's label, with the days counted when the period or the reference day cuts it.
std::string month_label(const MonthRate& m, const Writer& w) {
    if (!m.cut()) return m.month.iso();
    const std::string from = m.from.iso().substr(5), to = m.to.iso().substr(5);
    return w.f("{} ({} to {})", m.month.iso(), from, to);
}

std::string term_label(const TermRate& t, const Writer& w) {
    if (!t.cut) return w.text(t.term);
    return w.f("{} ({} to {})", w.text(t.term), t.from.iso(), t.to.iso());
}

/// A rule of liushou.yaml as the header names it when schools set it differently.
std::string rule_label(const std::string& rule, const Writer& w) {
    if (rule == "talks_per_month") return w.t("talks a month");
    if (rule == "family_calls_per_month") return w.t("family calls a month");
    if (rule == "home_visits_per_term") return w.t("home visits a term");
    if (rule == "guardian_meetings_per_term") return w.t("guardian meetings a term");
    if (rule == "months_without_talks") return w.t("months without talks");
    return rule;
}

std::string group_name(const Stats& s, const Writer& w, bool with_class) {
    if (with_class) {
        const std::string label = class_label(s.grade, s.class_no, w.style().lang);
        return label.empty() ? w.t("unknown") : label;
    }
    if (!s.grade) return w.t("grade\004unknown");
    return w.en() ? fmt::format("grade {}", *s.grade) : class_label(s.grade, std::nullopt, "zh");
}

/// The county a report is for: the manifest's, else the one every school names, else the
/// schools' counties joined (which the header then points out).
std::vector<std::string> counties_of(const std::vector<Provenance>& sources) {
    std::vector<std::string> out;
    for (const auto& p : sources)
        if (!p.school->county.empty() &&
            std::find(out.begin(), out.end(), p.school->county) == out.end())
            out.push_back(p.school->county);
    return out;
}

/// A chart's bars, one per group, of one rate.
std::vector<ChartBar> rate_bars(const std::vector<Stats>& groups, Rate Stats::*rate,
                                const std::function<std::string(const Stats&)>& name) {
    std::vector<ChartBar> bars;
    for (const auto& g : groups) {
        const Rate& r = g.*rate;
        bars.push_back({name(g), r.shown_percent(), pct(r)});
    }
    return bars;
}

/// What every section reads, and the figures a page collects.
struct SummaryMd {
    const Summary& s;
    const std::vector<Provenance>& sources;
    const Coverage& coverage;
    const Writer& w;
    std::vector<std::string>* figures;
    // Markdown names user text escaped; a chart's labels are plain, and the SVG escapes them.
    // (A Writer holds its style by reference: the style lives here, before it.)
    ReportStyle plain_style;
    Writer plain;
    bool county;
    const School& first;

    SummaryMd(const Summary& s_, const std::vector<Provenance>& sources_, const Coverage& coverage_,
              const Writer& w_, std::vector<std::string>* figures_)
        : s(s_),
          sources(sources_),
          coverage(coverage_),
          w(w_),
          figures(figures_),
          plain_style([&] {
              ReportStyle style = w_.style();
              style.format = Format::json;
              return style;
          }()),
          plain(plain_style),
          county(sources_.size() > 1 || !coverage_.county.empty()),
          first(*sources_.front().school) {}

    std::string add_figure(std::string svg) const {
        figures->push_back(std::move(svg));
        return figure_line(figures->size() - 1) + "\n\n";
    }

    std::string head() const;
    std::string children() const;
    std::string movement() const;
    std::string rates() const;
    std::string monthly_talks() const;
    std::string calls_visits_meetings() const;
    std::string plan() const;
    std::string activities() const;
    std::string by_school() const;
    std::string group_table(const std::vector<Stats>& groups, bool classes) const;
    std::string by_class() const;
    std::string shortfalls() const;
};

std::string SummaryMd::head() const {
    std::string out;
    const bool own_periods = s.periods_differ();
    if (county) {
        const auto named = counties_of(sources);
        std::string title = coverage.county;
        if (title.empty())
            for (const auto& c : named) title += (title.empty() ? "" : w.t(", ")) + c;
        title = w.text(title);
        out +=
            title.empty()
                ? w.f("# Summary of care for left-behind children ({} schools)\n\n", sources.size())
                : w.f("# {}: Summary of care for left-behind children ({} schools)\n\n", title,
                      sources.size());
    } else {
        out += w.f("# {}: summary of care for left-behind children\n\n", w.text(first.school));
    }
    auto period_text = [&](const Period& p) {
        const std::string name = p.name.empty() ? "" : w.text(p.name) + " ";
        return w.f("{}{} to {}", name, p.from.iso(), p.to.iso());
    };
    if (own_periods) {
        // Each school over its own term: the dates are on each school's line below.
        const std::string asked = s.period.name.empty() ? "" : w.text(s.period.name);
        out += w.en() ? fmt::format("- Period: {}each school over its own term's dates (below)\n",
                                    asked.empty() ? "" : asked + ", ")
                      : fmt::format("- 统计期间：{}各校按本校学期的日期（见下）\n",
                                    asked.empty() ? "" : asked + "，");
        out += w.f("- As of {}\n", s.as_of.iso());
    } else {
        out += w.f("- Period: {}\n- As of {} (figures up to {})\n", period_text(s.period),
                   s.as_of.iso(), s.end.iso());
    }
    for (size_t i = 0; i < sources.size(); ++i) {
        const auto& p = sources[i];
        std::string from =
            p.commit.empty()
                ? w.t("not a git repository")
                : fmt::format("git {}{}", p.commit, p.dirty ? w.t(" + uncommitted changes") : "");
        if (own_periods)
            from += w.f("; {}, figures up to {}", period_text(s.periods[i]), s.ends[i].iso());
        if (p.errors > 0)
            from += w.en() ? fmt::format("; {} error{} in its files (liushou check lists them)",
                                         p.errors, p.errors == 1 ? "" : "s")
                           : fmt::format("；文件中有 {} 个错误（liushou check 列出）", p.errors);
        out += w.en() ? fmt::format("- Computed from: {} ({}{}), {}\n", w.text(p.school->school),
                                    w.text(p.school->school_year),
                                    p.school->county.empty() ? "" : ", " + w.text(p.school->county),
                                    from)
                      : fmt::format("- 数据来源：{}（{}{}），{}\n", w.text(p.school->school),
                                    p.school->county.empty() ? "" : w.text(p.school->county) + "，",
                                    w.text(p.school->school_year), from);
    }
    for (const auto& [school, why] : coverage.missing)
        out += w.f("- Not counted, not found: {} ({})\n", w.text(school), w.text(why));
    if (county) {
        // Schools of another county than the title's are said, never summed in silently.
        std::string others;
        for (const auto& p : sources) {
            const bool fits = coverage.county.empty()
                                  ? counties_of(sources).size() <= 1
                                  : p.school->county.empty() || p.school->county == coverage.county;
            if (!fits)
                others += (others.empty() ? "" : w.t("; ")) + w.text(p.school->school) + w.t(": ") +
                          (p.school->county.empty() ? w.t("no county") : w.text(p.school->county));
        }
        if (!others.empty()) out += w.f("- Note: not all schools are of one county ({})\n", others);
        std::vector<const School*> schools;
        for (const auto& p : sources) schools.push_back(p.school);
        const auto diffs = rule_differences(schools);
        if (!diffs.empty()) {
            std::string list;
            for (const auto& d : diffs) {
                std::string values;
                for (const auto& [school, value] : d.values)
                    values +=
                        (values.empty() ? "" : w.t("clause\004, ")) + w.text(school) + " " + value;
                list +=
                    (list.empty() ? "" : w.t("; ")) + rule_label(d.rule, w) + w.t(": ") + values;
            }
            out +=
                w.f("- The schools' rules differ ({}): each school is counted "
                    "by its own rules, and the totals add up those counts\n",
                    list);
        }
    }
    if (!county) {
        const LeadingGroup& g = first.leading_group;
        auto names = [&](const std::vector<std::string>& v) {
            std::string r;
            for (const auto& n : v) r += (r.empty() ? "" : w.t(", ")) + w.text(n);
            return r.empty() ? std::string("—") : r;
        };
        out += w.f("- Leading group: leader {}; deputies {}; members {}\n",
                   g.leader.empty() ? "—" : w.text(g.leader), names(g.deputies), names(g.members));
    }
    out += "\n";
    return out;
}

std::string SummaryMd::children() const {
    std::string out;
    out += header({w.t("Item"), w.t("Children")}, 1);
    for (const auto& c : kMovement)
        out += row({w.pick(c.zh, c.en), std::to_string(s.total.*(c.value))});
    for (const auto& c : kCounts)
        if (c.value != &Stats::one_parent || s.total.one_parent > 0)  // only when recorded
            out += row({w.pick(c.zh, c.en), std::to_string(s.total.*(c.value))});
    out += "\n";
    return out;
}

std::string SummaryMd::movement() const {
    std::string out;
    // The same movement for every grade and its classes, so each row can be added up.
    {
        std::vector<std::string> head;
        if (county) head.push_back(w.t("School"));
        head.push_back(w.t("Grade, class"));
        const size_t first_number = head.size();
        for (const auto& c : kMovement) head.push_back(w.pick(c.zh, c.en));
        out += header(head, first_number);
        auto movement_row = [&](const Stats& g, const std::string& label) {
            std::vector<std::string> cells;
            if (county) cells.push_back(w.text(g.school));
            cells.push_back(label);
            for (const auto& c : kMovement) cells.push_back(std::to_string(g.*(c.value)));
            out += row(cells);
        };
        for (const auto& g : s.by_grade) {
            movement_row(g, group_name(g, w, false));
            for (const auto& k : s.by_class)
                if (k.school == g.school && k.grade == g.grade)
                    movement_row(k, group_name(k, w, true));
        }
        out += "\n";
    }
    return out;
}

std::string SummaryMd::rates() const {
    std::string out;
    out += header({w.t("Rate"), w.t("Done"), w.t("Of"), w.t("Percent")}, 1);
    for (const auto& m : kMetrics) {
        const Rate& r = s.total.*(m.rate);
        out += row({w.pick(m.zh, m.en), std::to_string(r.num), std::to_string(r.den), pct(r)});
    }
    out += "\n";
    return out;
}

std::string SummaryMd::monthly_talks() const {
    std::string out;
    if (s.total.talks_by_month.empty()) {
        out += w.t("No month of the period requires talks.\n\n");
    } else {
        out += header({w.t("Month"), w.t("Talked"), w.t("talks\004Of"), w.t("done\004Percent")}, 1);
        std::string labels, bars;
        for (const auto& m : s.total.talks_by_month) {
            out += row({month_label(m, w), std::to_string(m.rate.num), std::to_string(m.rate.den),
                        pct(m.rate)});
            labels += (labels.empty() ? "" : ", ") + fmt::format("\"{}\"", m.month.iso());
            const std::string p = m.rate.shown();
            bars += (bars.empty() ? "" : ", ") + (p.empty() ? std::string("0.0") : p);
        }
        if (figures) {
            std::vector<ChartBar> columns;
            for (const auto& m : s.total.talks_by_month)
                columns.push_back({m.month.iso(), m.rate.shown_percent(), pct(m.rate)});
            out += "\n" + add_figure(svg_columns(w.t("Monthly talk coverage"), columns));
        } else {
            out += fmt::format(
                "\n```mermaid\nxychart-beta\n    title \"{}\"\n    x-axis [{}]\n"
                "    y-axis \"%\" 0 --> 100\n    bar [{}]\n```\n\n",
                w.t("Monthly talk coverage (%)"), labels, bars);
        }
    }
    return out;
}

std::string SummaryMd::calls_visits_meetings() const {
    std::string out;
    const Rules& rules = first.rules;
    std::vector<const School*> all_schools;
    for (const auto& p : sources) all_schools.push_back(p.school);
    const auto diffs = rule_differences(all_schools);
    auto differs = [&](const char* rule) {
        return std::any_of(diffs.begin(), diffs.end(),
                           [&](const RuleDifference& d) { return d.rule == rule; });
    };
    // "家访（每学期 1 次）"; a cadence the schools set differently has no one number to print.
    auto cadence = [&](const char* rule, const char* what, int n, bool per_term) {
        if (differs(rule)) return w.f("{} (each school's own rule)", w.t(what));
        return per_term ? w.f("{} ({} a term)", w.t(what), n)
                        : w.f("{} ({} a month)", w.t(what), n);
    };
    out += header({w.t("Item"), w.t("Period"), w.t("Done"), w.t("Of"), w.t("Percent")}, 2);
    const std::string calls_label =
        cadence("family_calls_per_month", N_("Family calls"), rules.family_calls_per_month, false);
    const std::string visits_label =
        cadence("home_visits_per_term", N_("Home visits"), rules.home_visits_per_term, true);
    const std::string meetings_label =
        cadence("guardian_meetings_per_term", N_("Guardian meetings"),
                rules.guardian_meetings_per_term, true);
    for (const auto& m : s.total.calls_by_month)
        out += row({calls_label, month_label(m, w), std::to_string(m.rate.num),
                    std::to_string(m.rate.den), pct(m.rate)});
    for (const auto& t : s.total.visits_by_term)
        out += row({visits_label, term_label(t, w), std::to_string(t.rate.num),
                    std::to_string(t.rate.den), pct(t.rate)});
    for (const auto& t : s.total.meetings_by_term)
        out += row({meetings_label, term_label(t, w), std::to_string(t.rate.num),
                    std::to_string(t.rate.den), pct(t.rate)});
    out += "\n";
    // The seed's 心理咨询 and 矫正 are for the key children: the sentence says how many.
    out +=
        w.en()
            ? fmt::format(
                  "Counselling (心理辅导): {} session{} for {} child{}, {} of them "
                  "key children.\n\n",
                  s.total.counselling_sessions, s.total.counselling_sessions == 1 ? "" : "s",
                  s.total.counselled, s.total.counselled == 1 ? "" : "ren", s.total.counselled_key)
            : fmt::format("心理辅导：{} 次，{} 名儿童，其中重点帮扶对象 {} 名。\n\n",
                          s.total.counselling_sessions, s.total.counselled, s.total.counselled_key);
    {
        const Rate greeted{s.total.birthdays_greeted, s.total.birthdays};
        out += w.en() ? fmt::format(
                            "Birthday greetings (生日祝福): {} of {} birthdays in the "
                            "period ({}).\n\n",
                            greeted.num, greeted.den, pct(greeted))
                      : fmt::format("生日祝福：期间 {} 个生日，已祝福 {} 个（{}）。\n\n",
                                    greeted.den, greeted.num, pct(greeted));
    }
    {
        // The seed asks for a study buddy, "一个以上", for every child.
        const Rate buddy{s.total.with_buddy, s.total.enrolled};
        out += w.en() ? fmt::format(
                            "Study buddies (学习帮手): {} of the {} children enrolled at the end "
                            "have one ({}), {} of them more than one.\n\n",
                            buddy.num, buddy.den, pct(buddy), s.total.several_buddies)
                      : fmt::format(
                            "学习帮手：期末在读的 {} 名儿童中 {} 名有学习帮手（{}），"
                            "其中一个以上的 {} 名。\n\n",
                            buddy.den, buddy.num, pct(buddy), s.total.several_buddies);
    }
    return out;
}

// 工作计划: the month-by-month plan of liushou.yaml, ticked off with liushou plan done.
std::string SummaryMd::plan() const {
    std::string out;
    if (s.plan_by_month.empty()) {
        out += w.t("Nothing was planned for the period.\n\n");
    } else {
        out += header({w.t("Month"), w.t("Done"), w.t("Planned"), w.t("done\004Percent")}, 1);
        for (const auto& m : s.plan_by_month)
            out += row({m.month.iso(), std::to_string(m.rate.num), std::to_string(m.rate.den),
                        pct(m.rate)});
        out += "\n";
    }
    out += returned_sheet_lines(s, w);  // summary_sheets.cpp (#46)
    return out;
}

// 活动开展情况: the school's activities, recorded once with those who took part.
std::string SummaryMd::activities() const {
    std::string out;
    if (s.activities.empty()) {
        out += w.t("No activity was recorded in the period.\n\n");
    } else {
        out += header({w.t("Month"), w.t("activity\004Kind"), w.t("Activities"), w.t("Attendance")},
                      2);
        int count = 0;
        long attendance = 0;
        for (const auto& a : s.activities) {
            out += row({a.month.iso(), std::string(w.en() ? key_of(a.kind) : zh_of(a.kind)),
                        std::to_string(a.activities), std::to_string(a.attendance)});
            count += a.activities;
            attendance += a.attendance;
        }
        out += w.f(
            "\n{} activities, attendance {}; of the {} children enrolled at "
            "the end, {} took part in at least one ({}).\n",
            count, attendance, s.activity_reach.den, s.activity_reach.num, pct(s.activity_reach));
        if (!s.no_activity.empty()) {
            std::string names;
            for (const auto& [school, c] : s.no_activity)
                names += (names.empty() ? "" : w.t(", ")) + (county ? w.text(school) + " " : "") +
                         w.text(c.id) + " " + w.text(c.name);
            out += w.t("Took part in none: ") + names + "\n";
        }
        out += "\n";
    }
    return out;
}

// One row per school with every rate's numerator and denominator, then the county's sums:
// a figure sent up can be checked by adding the column.
std::string SummaryMd::by_school() const {
    std::string out;
    std::vector<std::string> head = {w.t("School"), w.t("Enrolled")};
    for (const auto& m : kMetrics) head.push_back(w.pick(m.zh, m.key));
    out += header(head, 1);
    auto school_row = [&](const Stats& g, const std::string& name) {
        std::vector<std::string> cells = {name, std::to_string(g.enrolled)};
        for (const auto& m : kMetrics) {
            const Rate& r = g.*(m.rate);
            cells.push_back(fmt::format("{}/{} {}", r.num, r.den, pct(r)));
        }
        out += row(cells);
    };
    for (const auto& g : s.by_school) school_row(g, w.text(g.school));
    school_row(s.total,
               coverage.county.empty() ? w.t("Total") : w.text(coverage.county) + w.t(" total"));
    out += "\n";
    if (figures)
        for (const auto& m : kMetrics)
            out += add_figure(svg_bars(w.f("{}, by school", w.pick(m.zh, m.en)),
                                       rate_bars(s.by_school, m.rate, [&](const Stats& g) {
                                           return plain.text(g.school);
                                       })));
    return out;
}

// The schools' table is 各学校; these are the grades and the classes.
std::string SummaryMd::group_table(const std::vector<Stats>& groups, bool classes) const {
    std::string out;
    std::vector<std::string> head;
    if (county) head.push_back(w.t("School"));
    head.push_back(classes ? w.t("Class") : w.t("Grade"));
    const size_t first_number = head.size();
    for (const char* h :
         {"在读", "建档率", "入学率", "巩固率", "结对率", "谈心完成率", "家访覆盖率"})
        head.push_back(h);
    if (w.en())
        for (auto [i, h] : std::vector<std::pair<size_t, const char*>>{{0, "Enrolled"},
                                                                       {1, "Filed"},
                                                                       {2, "Enrolment"},
                                                                       {3, "Retention"},
                                                                       {4, "Paired"},
                                                                       {5, "Talks"},
                                                                       {6, "Home visits"}})
            head[first_number + i] = h;
    out += header(head, first_number);
    for (const auto& g : groups) {
        std::vector<std::string> cells;
        if (county) cells.push_back(w.text(g.school));
        cells.push_back(group_name(g, w, classes));
        cells.push_back(std::to_string(g.enrolled));
        for (const Rate* r :
             {&g.filed, &g.enrolment, &g.retention, &g.paired, &g.talks, &g.home_visits})
            cells.push_back(pct(*r));
        out += row(cells);
    }
    out += "\n";
    return out;
}

std::string SummaryMd::by_class() const {
    std::string out;
    out += group_table(s.by_class, true);
    if (figures && !county && !s.by_class.empty())
        for (const auto& m : kMetrics) {
            // The rates of the class table, each a chart of its classes.
            if (m.rate == &Stats::family_calls || m.rate == &Stats::meetings) continue;
            out += add_figure(svg_bars(w.f("{}, by class", w.pick(m.zh, m.en)),
                                       rate_bars(s.by_class, m.rate, [&](const Stats& g) {
                                           return group_name(g, plain, true);
                                       })));
        }
    return out;
}

std::string SummaryMd::shortfalls() const {
    std::string out;
    if (s.shortfalls.empty()) {
        // Only files, pairing and talks name children here; the sentence must still be true of
        // every rate above (a 0% 家访 is not "100%"), and of a period with nothing to measure.
        bool any = false, all_full = true;
        for (const Metric& m : kMetrics) {
            const Rate& r = s.total.*m.rate;
            if (r.den <= 0) continue;
            any = true;
            all_full = all_full && r.num == r.den;
        }
        if (!any)
            out += w.t("Nothing to measure in this period.\n");
        else if (all_full)
            out += w.t("Nothing: every rate is 100%.\n");
        else
            out += w.t("No child to list; the rates below 100% are in the table above.\n");
    }
    std::string current, current_school;
    for (const auto& f : s.shortfalls) {
        std::string group = class_label(f.child.grade, f.child.class_no, w.style().lang);
        if (group.empty()) group = w.t("class unknown");
        if (county && f.school != current_school) {
            // Schools come furthest from 100% first; the heading says how far.
            long tenths = 0;  // in whole numbers (liushou-rates(7))
            for (const auto& g : s.by_school)
                if (g.school == f.school) tenths = distance_from_full(g);
            const std::string distance = fmt::format("{}.{}", tenths / 10, tenths % 10);
            out += fmt::format(
                "{}### {}\n\n", current.empty() ? "" : "\n",
                w.f("{} (on average {} points short of 100%)", w.text(f.school), distance));
            current_school = f.school;
            current.clear();
        }
        if (group != current) {
            out += fmt::format("{}{} {}\n\n", current.empty() ? "" : "\n", county ? "####" : "###",
                               group);
            current = group;
        }
        const std::string who = w.text(f.child.id) + " " + w.text(f.child.name);
        if (!f.missing.empty()) {
            std::string missing;
            for (const auto& m : f.missing)
                missing +=
                    (missing.empty() ? "" : w.t(", ")) + md_escape(field_label(m, w.style().lang));
            out += w.f("- File incomplete: {} (missing {})\n", who, missing);
        }
        if (f.unpaired) out += w.t("- No teacher: ") + who + "\n";
        // A month with no talk at all, and one with too few (谈心不足（1/3 次）), read
        // differently to a teacher: "未谈心" would say the child was never talked to.
        std::string none, few;
        for (const auto& m : f.untalked) {
            if (m.held == 0)
                none += (none.empty() ? "" : ", ") + m.month.iso();
            else
                few += (few.empty() ? "" : ", ") +
                       (w.f("{} ({} of {})", m.month.iso(), m.held, m.required));
        }
        if (!none.empty()) out += w.f("- No talk in {}: {}\n", none, who);
        if (!few.empty()) out += w.f("- Too few talks in {}: {}\n", few, who);
        out += shortfall_gaps(f, who, w);
    }
    return out;
}

}  // namespace

std::string SummaryMarkdown::text() const {
    std::string out = head;
    for (const auto& section : sections) out += section.body;
    return out;
}

std::string SummaryMarkdown::take_text() && {
    // The longest section (a province's 尚未达到: 60 MB) is the text's block, the others put
    // around it in place, so that the report is never held twice.
    size_t longest = 0;
    for (size_t i = 1; i < sections.size(); ++i)
        if (sections[i].body.size() > sections[longest].body.size()) longest = i;
    if (sections.empty()) return std::move(head);
    std::string before = std::move(head), after;
    for (size_t i = 0; i < longest; ++i) before += sections[i].body;
    for (size_t i = longest + 1; i < sections.size(); ++i) after += sections[i].body;
    std::string out = std::move(sections[longest].body);
    sections.clear();
    out.reserve(out.size() + before.size() + after.size());
    out.insert(0, before);
    out += after;
    return out;
}

SummaryMarkdown summary_markdown(const Summary& s, const std::vector<Provenance>& sources,
                                 const Coverage& coverage, const Writer& w,
                                 std::vector<std::string>* figures) {
    const SummaryMd md(s, sources, coverage, w, figures);
    SummaryMarkdown out;
    out.head = md.head();
    auto add = [&](const char* key, std::string body) {
        const auto* name =
            std::find_if(std::begin(kSections), std::end(kSections),
                         [&](const SectionName& n) { return n.key == std::string(key); });
        // A section the table does not name could not be put in a template: a programming
        // error, caught by the unit test that prints every section.
        if (name == std::end(kSections))
            throw std::logic_error(std::string("summary section without a name: ") + key);
        body.insert(0, "## " + w.pick(name->zh, name->en) + "\n\n");  // in place: no copy
        out.sections.push_back({name, std::move(body)});
    };
    add("children", md.children());
    add("movement", md.movement());
    add("rates", md.rates());
    add("monthly_talks", md.monthly_talks());
    add("calls_visits_meetings", md.calls_visits_meetings());
    add("plan", md.plan());
    add("activities", md.activities());
    if (md.county) add("by_school", md.by_school());
    add("by_grade", md.group_table(s.by_grade, false));
    add("by_class", md.by_class());
    add("shortfalls", md.shortfalls());
    return out;
}

}  // namespace liushou::summary_detail
