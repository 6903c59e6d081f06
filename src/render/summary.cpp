// The summary report (工作总结的数据): rates for the school, each grade and class, and each
// school of a county, in Markdown, CSV and JSON.
#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>

#include "report_common.hpp"

namespace liushou {

using namespace report_detail;

namespace {

// ---- summary -----------------------------------------------------------------------------

struct Metric {
    const char* key;
    const char* zh;
    const char* en;
    Rate Stats::*rate;
};

const Metric kMetrics[] = {
    {"filed", "建档率", "Files complete (建档率)", &Stats::filed},
    {"enrolment", "入学率", "Enrolment (入学率)", &Stats::enrolment},
    {"retention", "巩固率", "Retention (巩固率)", &Stats::retention},
    {"paired", "结对率", "Paired (结对率)", &Stats::paired},
    {"talks", "谈心完成率", "Monthly talks (谈心)", &Stats::talks},
    {"family_calls", "亲情电话完成率", "Family calls (亲情电话)", &Stats::family_calls},
    {"home_visits", "家访覆盖率", "Home visits (家访)", &Stats::home_visits},
    {"meetings", "座谈会覆盖率", "Guardian meetings (座谈会)", &Stats::meetings},
};

struct Count {
    const char* key;
    const char* zh;
    const char* en;
    int Stats::*value;
};

// 基本情况: the movement rows first (the identity 期初 + 新入学 + 转入 − 转出 − 辍学 − 毕业 −
// 其他离校 = 期末 holds down this column), then who the children at the end are.
const Count kMovement[] = {
    {"enrolled_from", "期初在读", "Enrolled at the start", &Stats::enrolled_from},
    {"new_pupils", "新入学", "New pupils", &Stats::new_pupils},
    {"transferred_in", "转入", "Transferred in", &Stats::transferred_in},
    {"transferred", "转出", "Transferred out", &Stats::transferred},
    {"dropped_out", "辍学", "Dropped out", &Stats::dropped_out},
    {"graduated", "毕业", "Graduated", &Stats::graduated},
    {"left_other", "其他离校", "Left for other reasons", &Stats::left_other},
    {"enrolled", "期末在读", "Enrolled at the end", &Stats::enrolled},
};

const Count kCounts[] = {
    {"both_parents", "其中双亲外出", "both parents away", &Stats::both_parents},
    {"father_away", "其中父亲外出", "father away", &Stats::father_away},
    {"mother_away", "其中母亲外出", "mother away", &Stats::mother_away},
    // A register's 单亲外出: one parent away, which one not stated (#39).
    {"one_parent", "其中单亲外出", "one parent away", &Stats::one_parent},
    {"boarding", "寄宿", "Boarding", &Stats::boarding},
    {"key_children", "重点帮扶对象", "Key children (重点帮扶)", &Stats::key_children},
    {"subsidised", "享受资助", "Subsidised (资助)", &Stats::subsidised},
    {"not_enrolled", "未入学", "Not enrolled (未入学)", &Stats::not_enrolled},
};

// 心理辅导 and 生日祝福: counts of the period, not rates of what every child is owed.
const Count kProgramme[] = {
    {"counselling_sessions", "心理辅导次数", "Counselling sessions", &Stats::counselling_sessions},
    {"counselled", "接受心理辅导的儿童", "Children counselled", &Stats::counselled},
    {"counselled_key", "接受心理辅导的重点帮扶对象", "of them key children",
     &Stats::counselled_key},
    {"birthdays", "生日", "Birthdays", &Stats::birthdays},
    {"birthdays_greeted", "已祝福", "Birthdays greeted", &Stats::birthdays_greeted},
    {"with_buddy", "有学习帮手的儿童", "Children with a study buddy", &Stats::with_buddy},
    {"several_buddies", "有一个以上学习帮手的儿童", "of them with several",
     &Stats::several_buddies},
};

/// A month's label, with the days counted when the period or the reference day cuts it.
std::string month_label(const MonthRate& m, const Writer& w) {
    if (!m.cut()) return m.month.iso();
    const std::string from = m.from.iso().substr(5), to = m.to.iso().substr(5);
    return w.en() ? fmt::format("{} ({} to {})", m.month.iso(), from, to)
                  : fmt::format("{}（{} 至 {}）", m.month.iso(), from, to);
}

std::string term_label(const TermRate& t, const Writer& w) {
    if (!t.cut) return w.text(t.term);
    return w.en() ? fmt::format("{} ({} to {})", w.text(t.term), t.from.iso(), t.to.iso())
                  : fmt::format("{}（{} 至 {}）", w.text(t.term), t.from.iso(), t.to.iso());
}

/// A rule of liushou.yaml as the header names it when schools set it differently.
std::string rule_label(const std::string& rule, const Writer& w) {
    if (rule == "talks_per_month") return w.t("每月谈心次数", "talks a month");
    if (rule == "family_calls_per_month") return w.t("每月亲情电话次数", "family calls a month");
    if (rule == "home_visits_per_term") return w.t("每学期家访次数", "home visits a term");
    if (rule == "guardian_meetings_per_term")
        return w.t("每学期座谈会次数", "guardian meetings a term");
    if (rule == "months_without_talks") return w.t("不要求谈心的月份", "months without talks");
    return rule;
}

std::string group_name(const Stats& s, const Writer& w, bool with_class) {
    if (with_class) {
        const std::string label = class_label(s.grade, s.class_no, w.style().lang);
        return label.empty() ? w.t("班级未知", "unknown") : label;
    }
    if (!s.grade) return w.t("年级未知", "unknown");
    return w.en() ? fmt::format("grade {}", *s.grade) : class_label(s.grade, std::nullopt, "zh");
}

std::string stats_json(const Stats& s) {
    std::string out = "{";
    out += fmt::format("\"school\": {}, \"grade\": {}, \"class\": {}", json_string(s.school),
                       s.grade ? std::to_string(*s.grade) : "null",
                       s.class_no ? std::to_string(*s.class_no) : "null");
    for (const auto& c : kMovement) out += fmt::format(", \"{}\": {}", c.key, s.*(c.value));
    for (const auto& c : kCounts) out += fmt::format(", \"{}\": {}", c.key, s.*(c.value));
    for (const auto& c : kProgramme) out += fmt::format(", \"{}\": {}", c.key, s.*(c.value));
    out += ", \"rates\": {";
    for (size_t i = 0; i < std::size(kMetrics); ++i)
        out += fmt::format("{}\"{}\": {}", i ? ", " : "", kMetrics[i].key,
                           json_rate(s.*(kMetrics[i].rate)));
    auto months = [](const std::vector<MonthRate>& v) {
        std::string t;
        for (size_t i = 0; i < v.size(); ++i)
            t += fmt::format(
                "{}{{\"month\": \"{}\", \"from\": \"{}\", \"to\": \"{}\", \"rate\": {}}}",
                i ? ", " : "", v[i].month.iso(), v[i].from.iso(), v[i].to.iso(),
                json_rate(v[i].rate));
        return t;
    };
    out += "}, \"talks_by_month\": [" + months(s.talks_by_month);
    out += "], \"calls_by_month\": [" + months(s.calls_by_month);
    auto terms = [](const std::vector<TermRate>& v) {
        std::string t;
        for (size_t i = 0; i < v.size(); ++i)
            t += fmt::format("{}{{\"term\": {}, \"from\": \"{}\", \"to\": \"{}\", \"rate\": {}}}",
                             i ? ", " : "", json_string(v[i].term), v[i].from.iso(), v[i].to.iso(),
                             json_rate(v[i].rate));
        return t;
    };
    out += "], \"visits_by_term\": [" + terms(s.visits_by_term);
    out += "], \"meetings_by_term\": [" + terms(s.meetings_by_term) + "]}";
    return out;
}

/// One group's figures as CSV rows. In Chinese, the scope and the figures have the
/// summary's Chinese names (合计, 建档率, 谈心完成率:2026-03), so that a sheet opened in Excel
/// reads as the 工作总结 does; in English the keys of the JSON.
void stats_csv(std::string& out, const char* scope, const Stats& s, bool zh, bool one_parent) {
    const std::string grade = s.grade ? std::to_string(*s.grade) : "";
    const std::string klass = s.class_no ? std::to_string(*s.class_no) : "";
    static const std::map<std::string, std::string> kScopes = {
        {"total", "合计"}, {"school", "学校"}, {"grade", "年级"}, {"class", "班级"}};
    const std::string where = zh ? kScopes.at(scope) : scope;
    auto count = [&](const Count& c) {
        out += csv_line({where, s.school, grade, klass, zh ? c.zh : c.key,
                         std::to_string(s.*(c.value)), "", ""});
    };
    for (const auto& c : kMovement) count(c);
    for (const auto& c : kCounts)
        if (one_parent || c.value != &Stats::one_parent) count(c);
    for (const auto& c : kProgramme) count(c);
    auto rate = [&](const std::string& metric, const Rate& r) {
        out += csv_line({where, s.school, grade, klass, metric, std::to_string(r.num),
                         std::to_string(r.den), json_pct(r) == "null" ? "" : json_pct(r)});
    };
    for (const auto& m : kMetrics) rate(zh ? m.zh : m.key, s.*(m.rate));
    const std::string talks = zh ? "谈心完成率:" : "talks:",
                      calls = zh ? "亲情电话完成率:" : "family_calls:",
                      visits = zh ? "家访覆盖率:" : "home_visits:",
                      meetings = zh ? "座谈会覆盖率:" : "meetings:";
    // Every figure of the Markdown, month by month and term by term; a cut month or term
    // names the days counted.
    auto span = [](const Date& from, const Date& to) { return from.iso() + ".." + to.iso(); };
    for (const auto& m : s.talks_by_month)
        rate(talks + (m.cut() ? span(m.from, m.to) : m.month.iso()), m.rate);
    for (const auto& m : s.calls_by_month)
        rate(calls + (m.cut() ? span(m.from, m.to) : m.month.iso()), m.rate);
    for (const auto& t : s.visits_by_term) rate(visits + span(t.from, t.to), t.rate);
    for (const auto& t : s.meetings_by_term) rate(meetings + span(t.from, t.to), t.rate);
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

std::string period_json(const Period& p) {
    return fmt::format("{{\"name\": {}, \"from\": \"{}\", \"to\": \"{}\"}}", json_string(p.name),
                       p.from.iso(), p.to.iso());
}

std::string summary_json(const Summary& s, const std::vector<Provenance>& sources,
                         const Coverage& coverage, const Writer& w) {
    std::string out = fmt::format("{{\n  \"liushou_json\": {},\n  \"schools\": [", kJsonVersion);
    for (size_t i = 0; i < sources.size(); ++i) {
        const auto& p = sources[i];
        out += fmt::format(
            "{}\n    {{\"school\": {}, \"county\": {}, \"school_year\": {}, "
            "\"commit\": {}, \"uncommitted_changes\": {}, \"errors\": {}, \"period\": {}, "
            "\"end\": \"{}\"}}",
            i ? "," : "", json_string(p.school->school), json_string(p.school->county),
            json_string(p.school->school_year), p.commit.empty() ? "null" : json_string(p.commit),
            p.dirty ? "true" : "false", p.errors, period_json(s.periods[i]), s.ends[i].iso());
    }
    out += "],\n  \"county\": ";
    out += coverage.county.empty() ? "null" : json_string(coverage.county);
    out += ",\n  \"skipped\": [";
    for (size_t i = 0; i < coverage.missing.size(); ++i)
        out += fmt::format("{}{{\"school\": {}, \"why\": {}}}", i ? ", " : "",
                           json_string(coverage.missing[i].first),
                           json_string(coverage.missing[i].second));
    out += "],\n  \"rules_differ\": [";
    {
        std::vector<const School*> schools;
        for (const auto& p : sources) schools.push_back(p.school);
        const auto diffs = rule_differences(schools);
        for (size_t i = 0; i < diffs.size(); ++i) {
            std::string values;
            for (const auto& [school, value] : diffs[i].values)
                values +=
                    fmt::format("{}{{\"school\": {}, \"value\": {}}}", values.empty() ? "" : ", ",
                                json_string(school), json_string(value));
            out += fmt::format("{}{{\"rule\": \"{}\", \"values\": [{}]}}", i ? ", " : "",
                               diffs[i].rule, values);
        }
    }
    out += fmt::format("],\n  \"period\": {},\n", period_json(s.period));
    out += fmt::format("  \"as_of\": \"{}\",\n  \"end\": \"{}\",\n", s.as_of.iso(), s.end.iso());
    out += "  \"activities\": [";
    for (size_t i = 0; i < s.activities.size(); ++i)
        out += fmt::format(
            "{}{{\"month\": \"{}\", \"kind\": \"{}\", \"activities\": {}, "
            "\"attendance\": {}}}",
            i ? ", " : "", s.activities[i].month.iso(), key_of(s.activities[i].kind),
            s.activities[i].activities, s.activities[i].attendance);
    out += "],\n  \"activity_reach\": " + json_rate(s.activity_reach) + ",\n  \"no_activity\": [";
    for (size_t i = 0; i < s.no_activity.size(); ++i)
        out += (i ? ", " : "") + w.json(s.no_activity[i].second.id);
    out += "],\n";
    out += "  \"plan_by_month\": [";
    for (size_t i = 0; i < s.plan_by_month.size(); ++i)
        out += fmt::format("{}{{\"month\": \"{}\", \"rate\": {}}}", i ? ", " : "",
                           s.plan_by_month[i].month.iso(), json_rate(s.plan_by_month[i].rate));
    out += "],\n";
    out += "  \"total\": " + stats_json(s.total) + ",\n";
    auto list = [&](const char* name, const std::vector<Stats>& v) {
        out += fmt::format("  \"{}\": [", name);
        for (size_t i = 0; i < v.size(); ++i) out += (i ? ",\n    " : "\n    ") + stats_json(v[i]);
        out += "],\n";
    };
    list("by_school", s.by_school);
    list("by_grade", s.by_grade);
    list("by_class", s.by_class);
    out += "  \"shortfalls\": [";
    for (size_t i = 0; i < s.shortfalls.size(); ++i) {
        const auto& f = s.shortfalls[i];
        std::string missing, months, short_of;
        for (const auto& m : f.missing) missing += (missing.empty() ? "" : ", ") + json_string(m);
        // untalked names the months; talks_short has the counts the Markdown prints
        // (谈心不足（2026-03 1/3 次）).
        for (const auto& m : f.untalked) {
            months += (months.empty() ? "" : ", ") + json_string(m.month.iso());
            short_of +=
                fmt::format("{}{{\"month\": \"{}\", \"held\": {}, \"required\": {}}}",
                            short_of.empty() ? "" : ", ", m.month.iso(), m.held, m.required);
        }
        out += fmt::format(
            "{}\n    {{\"school\": {}, \"id\": {}, \"name\": {}, \"grade\": {}, \"class\": {}, "
            "\"missing\": [{}], \"unpaired\": {}, \"untalked\": [{}], \"talks_short\": [{}]}}",
            i ? "," : "", json_string(f.school), w.json(f.child.id), w.json(f.child.name),
            f.child.grade ? std::to_string(*f.child.grade) : "null",
            f.child.class_no ? std::to_string(*f.child.class_no) : "null", missing,
            f.unpaired ? "true" : "false", months, short_of);
    }
    return out + "]\n}\n";
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

/// The Markdown of the summary. With `figures` (a page, --format html), the charts are SVG,
/// each put in `figures` and named in the text by its figure_line; else the monthly chart is
/// a Mermaid block, as GitHub draws it.
std::string summary_md(const Summary& s, const std::vector<Provenance>& sources,
                       const Coverage& coverage, const Writer& w,
                       std::vector<std::string>* figures = nullptr) {
    // Markdown names user text escaped; a chart's labels are plain, and the SVG escapes them.
    ReportStyle plain_style = w.style();
    plain_style.format = Format::json;
    const Writer plain(plain_style);
    auto add_figure = [&](std::string svg) {
        figures->push_back(std::move(svg));
        return figure_line(figures->size() - 1) + "\n\n";
    };
    const bool county = sources.size() > 1 || !coverage.county.empty();
    const School& first = *sources.front().school;
    const bool own_periods = s.periods_differ();
    std::string out;
    if (county) {
        const auto named = counties_of(sources);
        std::string title = coverage.county;
        if (title.empty())
            for (const auto& c : named) title += (title.empty() ? "" : w.t("、", ", ")) + c;
        title = w.text(title);
        out += w.t(fmt::format("# {}关爱留守儿童工作总结（{} 所学校）\n\n",
                               title.empty() ? "" : title + " ", sources.size()),
                   fmt::format("# {}Summary of care for left-behind children ({} schools)\n\n",
                               title.empty() ? "" : title + ": ", sources.size()));
    } else {
        out += w.t(fmt::format("# {} 关爱留守儿童工作总结\n\n", w.text(first.school)),
                   fmt::format("# {}: summary of care for left-behind children\n\n",
                               w.text(first.school)));
    }
    auto period_text = [&](const Period& p) {
        const std::string name = p.name.empty() ? "" : w.text(p.name) + " ";
        return w.en() ? fmt::format("{}{} to {}", name, p.from.iso(), p.to.iso())
                      : fmt::format("{}{} 至 {}", name, p.from.iso(), p.to.iso());
    };
    if (own_periods) {
        // Each school over its own term: the dates are on each school's line below.
        const std::string asked = s.period.name.empty() ? "" : w.text(s.period.name);
        out += w.en() ? fmt::format("- Period: {}each school over its own term's dates (below)\n",
                                    asked.empty() ? "" : asked + ", ")
                      : fmt::format("- 统计期间：{}各校按本校学期的日期（见下）\n",
                                    asked.empty() ? "" : asked + "，");
        out += w.en() ? fmt::format("- As of {}\n", s.as_of.iso())
                      : fmt::format("- 截至：{}\n", s.as_of.iso());
    } else {
        out += w.en() ? fmt::format("- Period: {}\n- As of {} (figures up to {})\n",
                                    period_text(s.period), s.as_of.iso(), s.end.iso())
                      : fmt::format("- 统计期间：{}\n- 截至：{}（数据计算至 {}）\n",
                                    period_text(s.period), s.as_of.iso(), s.end.iso());
    }
    for (size_t i = 0; i < sources.size(); ++i) {
        const auto& p = sources[i];
        std::string from =
            p.commit.empty()
                ? w.t("不在 git 仓库中", "not a git repository")
                : fmt::format("git {}{}", p.commit,
                              p.dirty ? w.t(" + 未提交的修改", " + uncommitted changes") : "");
        if (own_periods)
            from += w.en() ? fmt::format("; {}, figures up to {}", period_text(s.periods[i]),
                                         s.ends[i].iso())
                           : fmt::format("；{}，数据计算至 {}", period_text(s.periods[i]),
                                         s.ends[i].iso());
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
        out += w.en()
                   ? fmt::format("- Not counted, not found: {} ({})\n", w.text(school), w.text(why))
                   : fmt::format("- 未计入（找不到）：{}（{}）\n", w.text(school), w.text(why));
    if (county) {
        // Schools of another county than the title's are said, never summed in silently.
        std::string others;
        for (const auto& p : sources) {
            const bool fits = coverage.county.empty()
                                  ? counties_of(sources).size() <= 1
                                  : p.school->county.empty() || p.school->county == coverage.county;
            if (!fits)
                others += (others.empty() ? "" : w.t("；", "; ")) + w.text(p.school->school) +
                          w.t("：", ": ") +
                          (p.school->county.empty() ? w.t("未写县名", "no county")
                                                    : w.text(p.school->county));
        }
        if (!others.empty())
            out += w.en() ? fmt::format("- Note: not all schools are of one county ({})\n", others)
                          : fmt::format("- 注意：这些学校不属于同一个县（{}）\n", others);
        std::vector<const School*> schools;
        for (const auto& p : sources) schools.push_back(p.school);
        const auto diffs = rule_differences(schools);
        if (!diffs.empty()) {
            std::string list;
            for (const auto& d : diffs) {
                std::string values;
                for (const auto& [school, value] : d.values)
                    values +=
                        (values.empty() ? "" : w.t("，", ", ")) + w.text(school) + " " + value;
                list += (list.empty() ? "" : w.t("；", "; ")) + rule_label(d.rule, w) +
                        w.t("：", ": ") + values;
            }
            out += w.en() ? fmt::format(
                                "- The schools' rules differ ({}): each school is counted "
                                "by its own rules, and the totals add up those counts\n",
                                list)
                          : fmt::format(
                                "- 各校规则不同（{}）：每所学校按本校规则计算，合计是各校"
                                "之和，不是同一标准\n",
                                list);
        }
    }
    if (!county) {
        const LeadingGroup& g = first.leading_group;
        auto names = [&](const std::vector<std::string>& v) {
            std::string r;
            for (const auto& n : v) r += (r.empty() ? "" : w.t("、", ", ")) + w.text(n);
            return r.empty() ? std::string("—") : r;
        };
        out += w.en() ? fmt::format("- Leading group: leader {}; deputies {}; members {}\n",
                                    g.leader.empty() ? "—" : w.text(g.leader), names(g.deputies),
                                    names(g.members))
                      : fmt::format("- 领导小组：组长 {}；副组长 {}；组员 {}\n",
                                    g.leader.empty() ? "—" : w.text(g.leader), names(g.deputies),
                                    names(g.members));
    }
    out += "\n";

    out += w.t("## 基本情况\n\n", "## Children\n\n");
    out += header({w.t("项目", "Item"), w.t("人数", "Children")}, 1);
    for (const auto& c : kMovement)
        out += row({w.t(c.zh, c.en), std::to_string(s.total.*(c.value))});
    for (const auto& c : kCounts)
        if (c.value != &Stats::one_parent || s.total.one_parent > 0)  // only when recorded
            out += row({w.t(c.zh, c.en), std::to_string(s.total.*(c.value))});
    out += "\n";
    // The same movement for every grade and its classes, so each row can be added up.
    {
        std::vector<std::string> head;
        if (county) head.push_back(w.t("学校", "School"));
        head.push_back(w.t("年级、班级", "Grade, class"));
        const size_t first_number = head.size();
        for (const auto& c : kMovement) head.push_back(w.t(c.zh, c.en));
        out += w.t("## 各年级、各班人数变动\n\n", "## Movement by grade and class\n\n");
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

    out += w.t("## 各项比率\n\n", "## Rates\n\n");
    out += header(
        {w.t("指标", "Rate"), w.t("已完成", "Done"), w.t("应完成", "Of"), w.t("比率", "Percent")},
        1);
    for (const auto& m : kMetrics) {
        const Rate& r = s.total.*(m.rate);
        out += row({w.t(m.zh, m.en), std::to_string(r.num), std::to_string(r.den), pct(r)});
    }
    out += "\n";

    out += w.t("## 每月谈心完成情况\n\n", "## Monthly talk coverage\n\n");
    if (s.total.talks_by_month.empty()) {
        out += w.t("期间内没有要求谈心的月份。\n\n", "No month of the period requires talks.\n\n");
    } else {
        out += header({w.t("月份", "Month"), w.t("已谈心", "Talked"), w.t("应谈心", "Of"),
                       w.t("完成率", "Percent")},
                      1);
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
            out += "\n" +
                   add_figure(svg_columns(w.t("每月谈心完成率", "Monthly talk coverage"), columns));
        } else {
            out += fmt::format(
                "\n```mermaid\nxychart-beta\n    title \"{}\"\n    x-axis [{}]\n"
                "    y-axis \"%\" 0 --> 100\n    bar [{}]\n```\n\n",
                w.t("每月谈心完成率（%）", "Monthly talk coverage (%)"), labels, bars);
        }
    }

    out += w.t("## 亲情电话、家访与座谈会\n\n", "## Family calls, home visits and meetings\n\n");
    const Rules& rules = first.rules;
    std::vector<const School*> all_schools;
    for (const auto& p : sources) all_schools.push_back(p.school);
    const auto diffs = rule_differences(all_schools);
    auto differs = [&](const char* rule) {
        return std::any_of(diffs.begin(), diffs.end(),
                           [&](const RuleDifference& d) { return d.rule == rule; });
    };
    // "家访（每学期 1 次）"; a cadence the schools set differently has no one number to print.
    auto cadence = [&](const char* rule, const char* zh, const char* en, int n, bool per_term) {
        if (differs(rule))
            return w.t(fmt::format("{}（各校按本校规则）", zh),
                       fmt::format("{} (each school's own rule)", en));
        return w.t(fmt::format("{}（{} {} 次）", zh, per_term ? "每学期" : "每月", n),
                   fmt::format("{} ({} a {})", en, n, per_term ? "term" : "month"));
    };
    out += header({w.t("项目", "Item"), w.t("期间", "Period"), w.t("已完成", "Done"),
                   w.t("应完成", "Of"), w.t("比率", "Percent")},
                  2);
    const std::string calls_label = cadence("family_calls_per_month", "亲情电话", "Family calls",
                                            rules.family_calls_per_month, false);
    const std::string visits_label =
        cadence("home_visits_per_term", "家访", "Home visits", rules.home_visits_per_term, true);
    const std::string meetings_label =
        cadence("guardian_meetings_per_term", "座谈会", "Guardian meetings",
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

    // 工作计划: the month-by-month plan of liushou.yaml, ticked off with liushou plan done.
    out += w.t("## 工作计划完成情况\n\n", "## The plan, month by month\n\n");
    if (s.plan_by_month.empty()) {
        out += w.t("期间内没有工作计划。\n\n", "Nothing was planned for the period.\n\n");
    } else {
        out += header({w.t("月份", "Month"), w.t("已完成", "Done"), w.t("计划", "Planned"),
                       w.t("完成率", "Percent")},
                      1);
        for (const auto& m : s.plan_by_month)
            out += row({m.month.iso(), std::to_string(m.rate.num), std::to_string(m.rate.den),
                        pct(m.rate)});
        out += "\n";
    }

    // 活动开展情况: the school's activities, recorded once with those who took part.
    out += w.t("## 活动开展情况\n\n", "## Activities\n\n");
    if (s.activities.empty()) {
        out += w.t("期间没有记录集体活动。\n\n", "No activity was recorded in the period.\n\n");
    } else {
        out += header({w.t("月份", "Month"), w.t("类别", "Kind"), w.t("次数", "Activities"),
                       w.t("参与人次", "Attendance")},
                      2);
        int count = 0;
        long attendance = 0;
        for (const auto& a : s.activities) {
            out += row({a.month.iso(), std::string(w.en() ? key_of(a.kind) : zh_of(a.kind)),
                        std::to_string(a.activities), std::to_string(a.attendance)});
            count += a.activities;
            attendance += a.attendance;
        }
        out += w.en() ? fmt::format(
                            "\n{} activities, attendance {}; of the {} children enrolled at "
                            "the end, {} took part in at least one ({}).\n",
                            count, attendance, s.activity_reach.den, s.activity_reach.num,
                            pct(s.activity_reach))
                      : fmt::format(
                            "\n共 {} 次活动，参与 {} 人次；期末在读的 {} 名儿童中 {} 名参加了"
                            "至少一次（{}）。\n",
                            count, attendance, s.activity_reach.den, s.activity_reach.num,
                            pct(s.activity_reach));
        if (!s.no_activity.empty()) {
            std::string names;
            for (const auto& [school, c] : s.no_activity)
                names += (names.empty() ? "" : w.t("、", ", ")) +
                         (county ? w.text(school) + " " : "") + w.text(c.id) + " " + w.text(c.name);
            out += w.t("未参加任何活动：", "Took part in none: ") + names + "\n";
        }
        out += "\n";
    }

    // The schools' table is 各学校 above; these are the grades and the classes.
    auto group_table = [&](const std::string& title, const std::vector<Stats>& groups,
                           bool classes) {
        out += title;
        std::vector<std::string> head;
        if (county) head.push_back(w.t("学校", "School"));
        head.push_back(classes ? w.t("班级", "Class") : w.t("年级", "Grade"));
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
    };
    if (county) {
        // One row per school with every rate's numerator and denominator, then the county's
        // sums: a figure sent up can be checked by adding the column.
        out += w.t("## 各学校\n\n", "## By school\n\n");
        std::vector<std::string> head = {w.t("学校", "School"), w.t("在读", "Enrolled")};
        for (const auto& m : kMetrics) head.push_back(w.t(m.zh, m.key));
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
        school_row(s.total, coverage.county.empty()
                                ? w.t("合计", "Total")
                                : w.text(coverage.county) + w.t("合计", " total"));
        out += "\n";
        if (figures)
            for (const auto& m : kMetrics)
                out += add_figure(
                    svg_bars(w.t(fmt::format("各学校{}", m.zh), fmt::format("{}, by school", m.en)),
                             rate_bars(s.by_school, m.rate,
                                       [&](const Stats& g) { return plain.text(g.school); })));
    }
    group_table(w.t("## 各年级\n\n", "## By grade\n\n"), s.by_grade, false);
    group_table(w.t("## 各班\n\n", "## By class\n\n"), s.by_class, true);
    if (figures && !county && !s.by_class.empty())
        for (const auto& m : kMetrics) {
            // The rates of the class table, each a chart of its classes.
            if (m.rate == &Stats::family_calls || m.rate == &Stats::meetings) continue;
            out += add_figure(
                svg_bars(w.t(fmt::format("各班{}", m.zh), fmt::format("{}, by class", m.en)),
                         rate_bars(s.by_class, m.rate,
                                   [&](const Stats& g) { return group_name(g, plain, true); })));
        }

    out += w.t("## 尚未达到 100% 的地方\n\n", "## What still falls short of 100%\n\n");
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
            out += w.t("本期没有可计算的比率。\n", "Nothing to measure in this period.\n");
        else if (all_full)
            out += w.t("各项均已达到 100%。\n", "Nothing: every rate is 100%.\n");
        else
            out += w.t("无需列出个别儿童；未达到 100% 的比率见上表。\n",
                       "No child to list; the rates below 100% are in the table above.\n");
    }
    std::string current, current_school;
    for (const auto& f : s.shortfalls) {
        std::string group = class_label(f.child.grade, f.child.class_no, w.style().lang);
        if (group.empty()) group = w.t("班级未知", "class unknown");
        if (county && f.school != current_school) {
            // Schools come furthest from 100% first; the heading says how far.
            long tenths = 0;  // in whole numbers (liushou-rates(7))
            for (const auto& g : s.by_school)
                if (g.school == f.school) tenths = distance_from_full(g);
            const std::string distance = fmt::format("{}.{}", tenths / 10, tenths % 10);
            out += fmt::format("{}### {}\n\n", current.empty() ? "" : "\n",
                               w.en() ? fmt::format("{} (on average {} points short of 100%)",
                                                    w.text(f.school), distance)
                                      : fmt::format("{}（各项比率平均差 {} 个百分点）",
                                                    w.text(f.school), distance));
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
                missing += (missing.empty() ? "" : w.t("、", ", ")) +
                           md_escape(field_label(m, w.style().lang));
            out += w.en() ? fmt::format("- File incomplete: {} (missing {})\n", who, missing)
                          : fmt::format("- 档案不完整：{}（缺 {}）\n", who, missing);
        }
        if (f.unpaired) out += w.t("- 未结对：", "- No teacher: ") + who + "\n";
        // A month with no talk at all, and one with too few (谈心不足（1/3 次）), read
        // differently to a teacher: "未谈心" would say the child was never talked to.
        std::string none, few;
        for (const auto& m : f.untalked) {
            if (m.held == 0)
                none += (none.empty() ? "" : ", ") + m.month.iso();
            else
                few += (few.empty() ? "" : ", ") +
                       (w.en() ? fmt::format("{} ({} of {})", m.month.iso(), m.held, m.required)
                               : fmt::format("{} {}/{} 次", m.month.iso(), m.held, m.required));
        }
        if (!none.empty())
            out += w.en() ? fmt::format("- No talk in {}: {}\n", none, who)
                          : fmt::format("- 未谈心（{}）：{}\n", none, who);
        if (!few.empty())
            out += w.en() ? fmt::format("- Too few talks in {}: {}\n", few, who)
                          : fmt::format("- 谈心不足（{}）：{}\n", few, who);
    }
    return out;
}

}  // namespace

// ---- the school's own words ------------------------------------------------------------

namespace {

/// A table of the summary a template takes whole: its placeholder and the summary's heading.
struct SectionName {
    const char* placeholder;
    const char* zh;
    const char* en;
};
const SectionName kSections[] = {
    {"基本情况表", "基本情况", "Children"},
    {"人数变动表", "各年级、各班人数变动", "Movement by grade and class"},
    {"各项比率表", "各项比率", "Rates"},
    {"每月谈心表", "每月谈心完成情况", "Monthly talk coverage"},
    {"亲情电话家访座谈会表", "亲情电话、家访与座谈会", "Family calls, home visits and meetings"},
    {"工作计划表", "工作计划完成情况", "The plan, month by month"},
    {"活动开展情况表", "活动开展情况", "Activities"},
    {"各学校表", "各学校", "By school"},
    {"各年级表", "各年级", "By grade"},
    {"各班表", "各班", "By class"},
    {"尚未达到", "尚未达到 100% 的地方", "What still falls short of 100%"},
};

/// Every value a template can name, as the summary writes it.
std::map<std::string, std::string> template_values(const Summary& s,
                                                   const std::vector<Provenance>& sources,
                                                   const Coverage& coverage, const Writer& w) {
    std::map<std::string, std::string> v;
    const School& first = *sources.front().school;
    const bool county = sources.size() > 1 || !coverage.county.empty();
    v["学校"] = county ? w.text(coverage.county.empty() ? first.county : coverage.county)
                       : w.text(first.school);
    v["县"] = w.text(coverage.county.empty() ? first.county : coverage.county);
    v["学年"] = w.text(first.school_year);
    const std::string name = s.period.name.empty() ? "" : w.text(s.period.name) + " ";
    v["统计期间"] = w.en()
                        ? fmt::format("{}{} to {}", name, s.period.from.iso(), s.period.to.iso())
                        : fmt::format("{}{} 至 {}", name, s.period.from.iso(), s.period.to.iso());
    v["截至"] = s.as_of.iso();
    v["数据计算至"] = s.end.iso();
    for (const auto& c : kMovement) v[c.zh] = std::to_string(s.total.*(c.value));
    for (const auto& c : kCounts) v[c.zh] = std::to_string(s.total.*(c.value));
    for (const auto& c : kProgramme) v[c.zh] = std::to_string(s.total.*(c.value));
    // 其中双亲外出 reads in a sentence as 双亲外出.
    v["双亲外出"] = v["其中双亲外出"];
    v["父亲外出"] = v["其中父亲外出"];
    v["母亲外出"] = v["其中母亲外出"];
    v["单亲外出"] = v["其中单亲外出"];
    for (const auto& m : kMetrics) {
        const Rate& r = s.total.*(m.rate);
        v[m.zh] = pct(r);
        v[std::string(m.zh) + ".完成"] = std::to_string(r.num);
        v[std::string(m.zh) + ".应完成"] = std::to_string(r.den);
    }
    Rate plan;
    for (const auto& m : s.plan_by_month) plan += m.rate;
    v["计划完成率"] = pct(plan);
    v["计划完成"] = std::to_string(plan.num);
    v["计划任务"] = std::to_string(plan.den);
    int activities = 0;
    long attendance = 0;
    for (const auto& a : s.activities) activities += a.activities, attendance += a.attendance;
    v["活动次数"] = std::to_string(activities);
    v["参与人次"] = std::to_string(attendance);
    v["活动覆盖率"] = pct(s.activity_reach);
    return v;
}

}  // namespace

std::vector<std::string> summary_placeholders() {
    std::vector<std::string> out = {"学校", "县", "学年", "统计期间", "截至", "数据计算至"};
    for (const auto& c : kMovement) out.push_back(c.zh);
    for (const auto& c : kCounts) out.push_back(c.zh);
    out.insert(out.end(), {"双亲外出", "父亲外出", "母亲外出", "单亲外出"});
    for (const auto& c : kProgramme) out.push_back(c.zh);
    for (const auto& m : kMetrics) {
        out.push_back(m.zh);
        out.push_back(std::string(m.zh) + ".完成");
        out.push_back(std::string(m.zh) + ".应完成");
    }
    out.insert(out.end(),
               {"计划完成率", "计划完成", "计划任务", "活动次数", "参与人次", "活动覆盖率"});
    for (const auto& t : kSections) out.push_back(t.placeholder);
    return out;
}

TemplateFill fill_summary_template(const Summary& summary, const std::vector<Provenance>& sources,
                                   const Coverage& coverage, const ReportStyle& style,
                                   std::string_view text) {
    const Writer w(style);
    std::map<std::string, std::string> values = template_values(summary, sources, coverage, w);
    // The tables as the summary prints them: its text, cut at its "## " headings.
    const std::string full = summary_md(summary, sources, coverage, w);
    std::map<std::string, std::string> sections;
    for (size_t at = full.find("\n## "); at != std::string::npos;) {
        const size_t eol = full.find('\n', at + 1);
        const std::string heading = full.substr(at + 4, eol - at - 4);
        const size_t next = full.find("\n## ", eol);
        std::string body =
            full.substr(eol + 1, next == std::string::npos ? std::string::npos : next - eol - 1);
        while (!body.empty() && body.front() == '\n') body.erase(0, 1);
        while (!body.empty() && body.back() == '\n') body.pop_back();
        sections[heading] = body;
        at = next;
    }
    for (const auto& t : kSections) values[t.placeholder] = sections[w.en() ? t.en : t.zh];

    TemplateFill out;
    int line = 1;
    for (size_t i = 0; i < text.size();) {
        if (text.compare(i, 2, "{{") != 0) {
            line += text[i] == '\n';
            out.text += text[i++];
            continue;
        }
        const size_t close = text.find("}}", i + 2);
        const size_t eol = text.find('\n', i);
        if (close == std::string_view::npos || (eol != std::string_view::npos && eol < close)) {
            out.unknown.emplace_back(line,
                                     std::string(text.substr(i, std::min<size_t>(eol - i, 40))));
            out.text += text[i++];
            continue;
        }
        std::string name(text.substr(i + 2, close - i - 2));
        while (!name.empty() && name.front() == ' ') name.erase(0, 1);
        while (!name.empty() && name.back() == ' ') name.pop_back();
        const auto it = values.find(name);
        if (it == values.end())
            out.unknown.emplace_back(line, "{{" + name + "}}");
        else
            out.text += it->second;
        i = close + 2;
    }
    return out;
}

std::string render_summary(const Summary& summary, const std::vector<Provenance>& sources,
                           const Coverage& coverage, const ReportStyle& style) {
    const Writer w(style);
    if (style.format == Format::json) return summary_json(summary, sources, coverage, w);
    if (style.format == Format::csv) {
        const bool zh = !w.en();
        std::string out =
            zh ? csv_line({"范围", "学校", "年级", "班级", "项目", "完成", "应完成", "比率（%）"})
               : csv_line({"scope", "school", "grade", "class", "metric", "numerator",
                           "denominator", "percent"});
        // 其中单亲外出 only where a child is so recorded (#39): most registers name the parent.
        const bool one_parent = summary.total.one_parent > 0;
        stats_csv(out, "total", summary.total, zh, one_parent);
        for (const auto& m : summary.plan_by_month)
            out += csv_line({zh ? "合计" : "total", "", "", "",
                             (zh ? "计划完成率:" : "plan:") + m.month.iso(),
                             std::to_string(m.rate.num), std::to_string(m.rate.den),
                             json_pct(m.rate) == "null" ? "" : json_pct(m.rate)});
        for (const auto& s : summary.by_school) stats_csv(out, "school", s, zh, one_parent);
        for (const auto& s : summary.by_grade) stats_csv(out, "grade", s, zh, one_parent);
        for (const auto& s : summary.by_class) stats_csv(out, "class", s, zh, one_parent);
        return out;
    }
    if (style.format == Format::html) {
        std::vector<std::string> figures;
        const std::string md = summary_md(summary, sources, coverage, w, &figures);
        return html_page(markdown_title(md), style.lang, {markdown_html(md, figures)});
    }
    return summary_md(summary, sources, coverage, w);
}

}  // namespace liushou
