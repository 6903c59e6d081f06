// The summary report (工作总结的数据) as JSON and CSV, and filled into a school's own template;
// render_summary picks the format (the Markdown is summary.cpp's).
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "summary_parts.hpp"

namespace liushou {

using namespace summary_detail;

namespace {

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

std::string period_json(const Period& p) {
    return fmt::format("{{\"name\": {}, \"from\": \"{}\", \"to\": \"{}\"}}", json_string(p.name),
                       p.from.iso(), p.to.iso());
}

/// The summary as JSON, given to `sink` in pieces of about kPiece bytes: a province's is
/// 200 MB, of which the lists of schools, classes and children are nearly all.
void summary_json(const Summary& s, const std::vector<Provenance>& sources,
                  const Coverage& coverage, const Writer& w, const TextSink& sink) {
    constexpr size_t kPiece = 256 << 10;
    std::string out = fmt::format("{{\n  \"liushou_json\": {},\n  \"schools\": [", kJsonVersion);
    const auto piece_made = [&] {
        if (out.size() < kPiece) return;
        sink(out);
        out.clear();
    };
    for (size_t i = 0; i < sources.size(); ++i) {
        piece_made();
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
    bool first_child = true;
    for (const auto& [school, child] : s.no_activity) {
        piece_made();
        out += (first_child ? "" : ", ") + w.json(child.id);
        first_child = false;
    }
    out += "],\n";
    out += "  \"plan_by_month\": [";
    for (size_t i = 0; i < s.plan_by_month.size(); ++i)
        out += fmt::format("{}{{\"month\": \"{}\", \"rate\": {}}}", i ? ", " : "",
                           s.plan_by_month[i].month.iso(), json_rate(s.plan_by_month[i].rate));
    out += "],\n";
    out += "  \"total\": " + stats_json(s.total) + ",\n";
    auto list = [&](const char* name, const std::vector<Stats>& v) {
        out += fmt::format("  \"{}\": [", name);
        for (size_t i = 0; i < v.size(); ++i) {
            piece_made();
            out += (i ? ",\n    " : "\n    ") + stats_json(v[i]);
        }
        out += "],\n";
    };
    list("by_school", s.by_school);
    list("by_grade", s.by_grade);
    list("by_class", s.by_class);
    out += "  \"shortfalls\": [";
    size_t i = 0;
    for (auto it = s.shortfalls.begin(); it != s.shortfalls.end(); ++it, ++i) {
        piece_made();
        const Shortfall& f = *it;
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
        std::vector<std::string> calls;
        for (const Month& m : f.calls_short) calls.push_back(m.iso());
        out += fmt::format(
            "{}\n    {{\"school\": {}, \"id\": {}, \"name\": {}, \"grade\": {}, \"class\": {}, "
            "\"missing\": [{}], \"unpaired\": {}, \"untalked\": [{}], \"talks_short\": [{}], "
            "\"calls_short\": {}, \"unvisited\": {}, \"no_meeting\": {}, "
            "\"birthdays_missed\": {}, \"no_activity\": {}}}",
            i ? "," : "", json_string(f.school), w.json(f.child.id), w.json(f.child.name),
            f.child.grade ? std::to_string(*f.child.grade) : "null",
            f.child.class_no ? std::to_string(*f.child.class_no) : "null", missing,
            f.unpaired ? "true" : "false", months, short_of, w.json_list(calls),
            w.json_list(f.unvisited), w.json_list(f.no_meeting), f.birthdays_missed,
            f.no_activity ? "true" : "false");
    }
    out += "]\n}\n";
    sink(out);
}

/// The summary's figures as CSV, a row each (stats_csv).
std::string summary_csv(const Summary& summary, const Writer& w) {
    const bool zh = !w.en();
    std::string out =
        zh ? csv_line({"范围", "学校", "年级", "班级", "项目", "完成", "应完成", "比率（%）"})
           : csv_line({"scope", "school", "grade", "class", "metric", "numerator", "denominator",
                       "percent"});
    // 其中单亲外出 only where a child is so recorded (#39): most registers name the parent.
    const bool one_parent = summary.total.one_parent > 0;
    stats_csv(out, "total", summary.total, zh, one_parent);
    for (const auto& m : summary.plan_by_month)
        out += csv_line({zh ? "合计" : "total", "", "", "",
                         (zh ? "计划完成率:" : "plan:") + m.month.iso(), std::to_string(m.rate.num),
                         std::to_string(m.rate.den),
                         json_pct(m.rate) == "null" ? "" : json_pct(m.rate)});
    for (const auto& s : summary.by_school) stats_csv(out, "school", s, zh, one_parent);
    for (const auto& s : summary.by_grade) stats_csv(out, "grade", s, zh, one_parent);
    for (const auto& s : summary.by_class) stats_csv(out, "class", s, zh, one_parent);
    return out;
}

}  // namespace

// ---- the school's own words ------------------------------------------------------------

namespace {

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
    // The tables as the summary prints them, each by its name: one a summary leaves out (各学校
    // of a single school) is empty.
    for (const auto& t : kSections) values[t.placeholder] = "";
    for (const auto& section : summary_markdown(summary, sources, coverage, w).sections) {
        std::string body = section.body.substr(section.body.find('\n') + 1);
        while (!body.empty() && body.front() == '\n') body.erase(0, 1);
        while (!body.empty() && body.back() == '\n') body.pop_back();
        values[section.name->placeholder] = body;
    }

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

void write_summary(const Summary& summary, const std::vector<Provenance>& sources,
                   const Coverage& coverage, const ReportStyle& style, const TextSink& sink) {
    const Writer w(style);
    if (style.format == Format::json) return summary_json(summary, sources, coverage, w, sink);
    if (style.format == Format::csv) return sink(summary_csv(summary, w));
    std::vector<std::string> figures;
    SummaryMarkdown md = summary_markdown(summary, sources, coverage, w,
                                          style.format == Format::html ? &figures : nullptr);
    // Each part ends a line, so that the parts read one by one are the text read whole (a
    // part that did not would join two lines: then the text is made whole first).
    std::vector<const std::string*> parts = {&md.head};
    for (const auto& section : md.sections) parts.push_back(&section.body);
    bool whole_lines = true;
    for (size_t i = 0; i + 1 < parts.size(); ++i)
        whole_lines = whole_lines && (parts[i]->empty() || parts[i]->back() == '\n');
    if (!whole_lines) {
        const std::string text = std::move(md).take_text();
        if (style.format == Format::md) return sink(text);
        sink(html_page_open(markdown_title(text), style.lang));
        markdown_html_to(text, figures, sink);
        return sink(html_page_close());
    }
    if (style.format == Format::md) {
        for (const std::string* part : parts) sink(*part);
        return;
    }
    std::string title;
    for (size_t i = 0; i < parts.size() && title.empty(); ++i) title = markdown_title(*parts[i]);
    sink(html_page_open(title, style.lang));
    for (const std::string* part : parts) markdown_html_to(*part, figures, sink);
    sink(html_page_close());
}

std::string render_summary(const Summary& summary, const std::vector<Provenance>& sources,
                           const Coverage& coverage, const ReportStyle& style) {
    const Writer w(style);
    if (style.format == Format::md)
        return summary_markdown(summary, sources, coverage, w).take_text();
    std::string out;
    write_summary(summary, sources, coverage, style, [&](std::string_view piece) { out += piece; });
    return out;
}

}  // namespace liushou
