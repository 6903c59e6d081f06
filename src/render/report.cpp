// The reports in three formats. Markdown escapes every piece of user text; with redaction on,
// phones, id numbers and house numbers are masked before anything is written.
#include <fmt/format.h>

#include <map>

#include "liushou/render.hpp"
#include "liushou/report_render.hpp"
#include "liushou/schema.hpp"
#include "liushou/validate.hpp"

namespace liushou {

namespace {

/// The report's wording, plus user text made safe for the format.
class Writer : public Wording {
  public:
    explicit Writer(const ReportStyle& style) : Wording(style.lang), style_(style) {}
    /// User text for the current format: masked when redacting, escaped for Markdown.
    std::string text(std::string_view s) const {
        const std::string plain = style_.redact ? redact(s) : std::string(s);
        return style_.format == Format::md ? md_escape(plain) : plain;
    }
    std::string json(std::string_view s) const { return json_string(text(s)); }
    const ReportStyle& style() const { return style_; }

  private:
    const ReportStyle& style_;
};

std::string pct(const Rate& r) {
    const auto p = r.percent();
    return p ? fmt::format("{:.1f}%", *p) : "—";
}

std::string json_pct(const Rate& r) {
    const auto p = r.percent();
    return p ? fmt::format("{:.1f}", *p) : "null";
}

std::string json_rate(const Rate& r) {
    return fmt::format("{{\"num\": {}, \"den\": {}, \"percent\": {}}}", r.num, r.den, json_pct(r));
}

std::string row(const std::vector<std::string>& cells) {
    std::string out = "|";
    for (const auto& c : cells) out += " " + c + " |";
    return out + "\n";
}

std::string header(const std::vector<std::string>& cells, size_t numeric_from = 99) {
    std::string out = row(cells) + "|";
    for (size_t i = 0; i < cells.size(); ++i) out += i >= numeric_from ? " ---: |" : " --- |";
    return out + "\n";
}

std::string staff_name(const Provenance& p, const std::string& id, const Writer& w) {
    if (id.empty()) return "";
    const Staff* s = p.staff ? p.staff->find(id) : nullptr;
    if (!s) return w.text(id);
    return w.en() ? fmt::format("{} ({})", w.text(s->name), w.text(id))
                  : fmt::format("{}（{}）", w.text(s->name), w.text(id));
}

template <class E>
std::string enum_text(const std::optional<E>& v, const Writer& w) {
    if (!v) return "";
    return std::string(w.en() ? key_of(*v) : zh_of(*v));
}

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

const Count kCounts[] = {
    {"enrolled", "在读留守儿童", "Enrolled left-behind children", &Stats::enrolled},
    {"both_parents", "其中双亲外出", "both parents away", &Stats::both_parents},
    {"father_away", "其中父亲外出", "father away", &Stats::father_away},
    {"mother_away", "其中母亲外出", "mother away", &Stats::mother_away},
    {"boarding", "寄宿", "Boarding", &Stats::boarding},
    {"key_children", "重点帮扶对象", "Key children (重点帮扶)", &Stats::key_children},
    {"subsidised", "享受资助", "Subsidised (资助)", &Stats::subsidised},
    {"enrolled_from", "期初在读", "Enrolled at the start", &Stats::enrolled_from},
    {"dropped_out", "期内辍学", "Dropped out in the period", &Stats::dropped_out},
    {"transferred", "期内转出", "Transferred in the period", &Stats::transferred},
    {"not_enrolled", "未入学", "Not enrolled (未入学)", &Stats::not_enrolled},
};

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
    for (const auto& c : kCounts) out += fmt::format(", \"{}\": {}", c.key, s.*(c.value));
    out += ", \"rates\": {";
    for (size_t i = 0; i < std::size(kMetrics); ++i)
        out += fmt::format("{}\"{}\": {}", i ? ", " : "", kMetrics[i].key,
                           json_rate(s.*(kMetrics[i].rate)));
    out += "}, \"talks_by_month\": [";
    for (size_t i = 0; i < s.talks_by_month.size(); ++i)
        out += fmt::format("{}{{\"month\": \"{}\", \"rate\": {}}}", i ? ", " : "",
                           s.talks_by_month[i].month.iso(), json_rate(s.talks_by_month[i].rate));
    out += "], \"calls_by_month\": [";
    for (size_t i = 0; i < s.calls_by_month.size(); ++i)
        out += fmt::format("{}{{\"month\": \"{}\", \"rate\": {}}}", i ? ", " : "",
                           s.calls_by_month[i].month.iso(), json_rate(s.calls_by_month[i].rate));
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

void stats_csv(std::string& out, const char* scope, const Stats& s) {
    const std::string grade = s.grade ? std::to_string(*s.grade) : "";
    const std::string klass = s.class_no ? std::to_string(*s.class_no) : "";
    for (const auto& c : kCounts)
        out +=
            csv_line({scope, s.school, grade, klass, c.key, std::to_string(s.*(c.value)), "", ""});
    for (const auto& m : kMetrics) {
        const Rate& r = s.*(m.rate);
        out += csv_line({scope, s.school, grade, klass, m.key, std::to_string(r.num),
                         std::to_string(r.den), json_pct(r) == "null" ? "" : json_pct(r)});
    }
    for (const auto& m : s.talks_by_month)
        out += csv_line({scope, s.school, grade, klass, "talks:" + m.month.iso(),
                         std::to_string(m.rate.num), std::to_string(m.rate.den),
                         json_pct(m.rate) == "null" ? "" : json_pct(m.rate)});
}

std::string summary_json(const Summary& s, const std::vector<Provenance>& sources,
                         const Writer& w) {
    std::string out = "{\n  \"schools\": [";
    for (size_t i = 0; i < sources.size(); ++i) {
        const auto& p = sources[i];
        out += fmt::format(
            "{}\n    {{\"school\": {}, \"county\": {}, \"school_year\": {}, "
            "\"commit\": {}, \"uncommitted_changes\": {}}}",
            i ? "," : "", json_string(p.school->school), json_string(p.school->county),
            json_string(p.school->school_year), p.commit.empty() ? "null" : json_string(p.commit),
            p.dirty ? "true" : "false");
    }
    out += fmt::format("],\n  \"period\": {{\"name\": {}, \"from\": \"{}\", \"to\": \"{}\"}},\n",
                       json_string(s.period.name), s.period.from.iso(), s.period.to.iso());
    out += fmt::format("  \"as_of\": \"{}\",\n  \"end\": \"{}\",\n", s.as_of.iso(), s.end.iso());
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
        std::string missing, months;
        for (const auto& m : f.missing) missing += (missing.empty() ? "" : ", ") + json_string(m);
        for (const auto& m : f.untalked)
            months += (months.empty() ? "" : ", ") + json_string(m.iso());
        out += fmt::format(
            "{}\n    {{\"school\": {}, \"id\": {}, \"name\": {}, \"grade\": {}, \"class\": {}, "
            "\"missing\": [{}], \"unpaired\": {}, \"untalked\": [{}]}}",
            i ? "," : "", json_string(f.school), w.json(f.child.id), w.json(f.child.name),
            f.child.grade ? std::to_string(*f.child.grade) : "null",
            f.child.class_no ? std::to_string(*f.child.class_no) : "null", missing,
            f.unpaired ? "true" : "false", months);
    }
    return out + "]\n}\n";
}

std::string summary_md(const Summary& s, const std::vector<Provenance>& sources, const Writer& w) {
    const bool county = sources.size() > 1;
    const School& first = *sources.front().school;
    std::string out;
    if (county)
        out += w.t(fmt::format("# 关爱留守儿童工作总结（{} 所学校）\n\n", sources.size()),
                   fmt::format("# Summary of care for left-behind children ({} schools)\n\n",
                               sources.size()));
    else
        out += w.t(fmt::format("# {} 关爱留守儿童工作总结\n\n", w.text(first.school)),
                   fmt::format("# {}: summary of care for left-behind children\n\n",
                               w.text(first.school)));
    const std::string name = s.period.name.empty() ? "" : w.text(s.period.name) + " ";
    out += w.en() ? fmt::format("- Period: {}{} to {}\n- As of {} (figures up to {})\n", name,
                                s.period.from.iso(), s.period.to.iso(), s.as_of.iso(), s.end.iso())
                  : fmt::format("- 统计期间：{}{} 至 {}\n- 截至：{}（数据计算至 {}）\n", name,
                                s.period.from.iso(), s.period.to.iso(), s.as_of.iso(), s.end.iso());
    for (const auto& p : sources) {
        std::string from =
            p.commit.empty()
                ? w.t("不在 git 仓库中", "not a git repository")
                : fmt::format("git {}{}", p.commit,
                              p.dirty ? w.t(" + 未提交的修改", " + uncommitted changes") : "");
        out += w.en() ? fmt::format("- Computed from: {} ({}{}), {}\n", w.text(p.school->school),
                                    w.text(p.school->school_year),
                                    p.school->county.empty() ? "" : ", " + w.text(p.school->county),
                                    from)
                      : fmt::format("- 数据来源：{}（{}{}），{}\n", w.text(p.school->school),
                                    p.school->county.empty() ? "" : w.text(p.school->county) + "，",
                                    w.text(p.school->school_year), from);
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
    for (const auto& c : kCounts) out += row({w.t(c.zh, c.en), std::to_string(s.total.*(c.value))});
    out += "\n";

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
            out += row({m.month.iso(), std::to_string(m.rate.num), std::to_string(m.rate.den),
                        pct(m.rate)});
            labels += (labels.empty() ? "" : ", ") + fmt::format("\"{}\"", m.month.iso());
            const auto p = m.rate.percent();
            bars += (bars.empty() ? "" : ", ") + fmt::format("{:.1f}", p ? *p : 0.0);
        }
        out += fmt::format(
            "\n```mermaid\nxychart-beta\n    title \"{}\"\n    x-axis [{}]\n"
            "    y-axis \"%\" 0 --> 100\n    bar [{}]\n```\n\n",
            w.t("每月谈心完成率（%）", "Monthly talk coverage (%)"), labels, bars);
    }

    out += w.t("## 亲情电话、家访与座谈会\n\n", "## Family calls, home visits and meetings\n\n");
    const Rules& rules = first.rules;
    out += header({w.t("项目", "Item"), w.t("期间", "Period"), w.t("已完成", "Done"),
                   w.t("应完成", "Of"), w.t("比率", "Percent")},
                  2);
    for (const auto& m : s.total.calls_by_month)
        out += row({w.t(fmt::format("亲情电话（每月 {} 次）", rules.family_calls_per_month),
                        fmt::format("Family calls ({} a month)", rules.family_calls_per_month)),
                    m.month.iso(), std::to_string(m.rate.num), std::to_string(m.rate.den),
                    pct(m.rate)});
    for (const auto& t : s.total.visits_by_term)
        out += row({w.t(fmt::format("家访（每学期 {} 次）", rules.home_visits_per_term),
                        fmt::format("Home visits ({} a term)", rules.home_visits_per_term)),
                    w.text(t.term), std::to_string(t.rate.num), std::to_string(t.rate.den),
                    pct(t.rate)});
    for (const auto& t : s.total.meetings_by_term)
        out += row(
            {w.t(fmt::format("座谈会（每学期 {} 次）", rules.guardian_meetings_per_term),
                 fmt::format("Guardian meetings ({} a term)", rules.guardian_meetings_per_term)),
             w.text(t.term), std::to_string(t.rate.num), std::to_string(t.rate.den), pct(t.rate)});
    out += "\n";

    auto group_table = [&](const std::string& title, const std::vector<Stats>& groups,
                           int kind) {  // 0 school, 1 grade, 2 class
        out += title;
        std::vector<std::string> head;
        if (county || kind == 0) head.push_back(w.t("学校", "School"));
        if (kind == 1) head.push_back(w.t("年级", "Grade"));
        if (kind == 2) head.push_back(w.t("班级", "Class"));
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
            if (county || kind == 0) cells.push_back(w.text(g.school));
            if (kind > 0) cells.push_back(group_name(g, w, kind == 2));
            cells.push_back(std::to_string(g.enrolled));
            for (const Rate* r :
                 {&g.filed, &g.enrolment, &g.retention, &g.paired, &g.talks, &g.home_visits})
                cells.push_back(pct(*r));
            out += row(cells);
        }
        out += "\n";
    };
    if (county) group_table(w.t("## 各学校\n\n", "## By school\n\n"), s.by_school, 0);
    group_table(w.t("## 各年级\n\n", "## By grade\n\n"), s.by_grade, 1);
    group_table(w.t("## 各班\n\n", "## By class\n\n"), s.by_class, 2);

    out += w.t("## 尚未达到 100% 的地方\n\n", "## What still falls short of 100%\n\n");
    if (s.shortfalls.empty()) out += w.t("各项均已达到 100%。\n", "Nothing: every rate is 100%.\n");
    std::string current;
    for (const auto& f : s.shortfalls) {
        std::string group = class_label(f.child.grade, f.child.class_no, w.style().lang);
        if (group.empty()) group = w.t("班级未知", "class unknown");
        if (county) group = w.text(f.school) + " " + group;
        if (group != current) {
            out += fmt::format("{}### {}\n\n", current.empty() ? "" : "\n", group);
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
        if (!f.untalked.empty()) {
            std::string months;
            for (const auto& m : f.untalked) months += (months.empty() ? "" : ", ") + m.iso();
            out += w.en() ? fmt::format("- No talk in {}: {}\n", months, who)
                          : fmt::format("- 未谈心（{}）：{}\n", months, who);
        }
    }
    return out;
}

// ---- child card ------------------------------------------------------------------------

std::string date_text(const std::optional<Date>& d) {
    return d ? d->iso() : "";
}

/// Every non-empty field of a record as (path, value) pairs such as ("parents[0].name", …),
/// for CSV and JSON: a visitor over schema.hpp. Unknown keys are left out.
class Flattener {
  public:
    Flattener(std::vector<std::pair<std::string, std::string>>& out, std::string prefix)
        : out_(out), prefix_(std::move(prefix)) {}
    void text(std::string_view key, const std::string& v) { add(key, v); }
    void date(std::string_view key, const std::optional<Date>& v) { add(key, date_text(v)); }
    void integer(std::string_view key, const std::optional<int>& v) {
        add(key, v ? std::to_string(*v) : "");
    }
    void boolean(std::string_view key, const std::optional<bool>& v) {
        add(key, v ? (*v ? "true" : "false") : "");
    }
    void boolean(std::string_view key, bool v) { add(key, v ? "true" : "false"); }
    template <class E>
    void enumeration(std::string_view key, const std::optional<E>& v) {
        add(key, v ? std::string(key_of(*v)) : "");
    }
    template <class E>
    void enumeration(std::string_view key, const E& v) {
        add(key, std::string(key_of(v)));
    }
    void text_list(std::string_view key, const std::vector<std::string>& v) {
        for (size_t i = 0; i < v.size(); ++i) add(fmt::format("{}[{}]", key, i), v[i]);
    }
    template <class S, class F>
    void map(std::string_view key, const S& sub, F describe) {
        Flattener inner(out_, prefix_ + std::string(key) + ".");
        describe(inner, sub);
    }
    template <class S, class F>
    void list(std::string_view key, const std::vector<S>& items, F describe) {
        for (size_t i = 0; i < items.size(); ++i) {
            Flattener inner(out_, fmt::format("{}{}[{}].", prefix_, key, i));
            describe(inner, items[i]);
        }
    }

  private:
    void add(std::string_view key, std::string value) {
        if (!value.empty()) out_.emplace_back(prefix_ + std::string(key), std::move(value));
    }
    std::vector<std::pair<std::string, std::string>>& out_;
    std::string prefix_;
};

std::vector<std::pair<std::string, std::string>> flatten(const Child& c) {
    std::vector<std::pair<std::string, std::string>> out;
    Flattener fields(out, "");
    schema::child(fields, c);
    return out;
}

}  // namespace

std::string render_summary(const Summary& summary, const std::vector<Provenance>& sources,
                           const ReportStyle& style) {
    const Writer w(style);
    if (style.format == Format::json) return summary_json(summary, sources, w);
    if (style.format == Format::csv) {
        std::string out = csv_line(
            {"scope", "school", "grade", "class", "metric", "numerator", "denominator", "percent"});
        stats_csv(out, "total", summary.total);
        for (const auto& s : summary.by_school) stats_csv(out, "school", s);
        for (const auto& s : summary.by_grade) stats_csv(out, "grade", s);
        for (const auto& s : summary.by_class) stats_csv(out, "class", s);
        return out;
    }
    return summary_md(summary, sources, w);
}

std::string render_child(const Child& original, const Provenance& source,
                         const ReportStyle& style) {
    const Writer w(style);
    Child c = original;
    c.sort_lists();
    if (style.format != Format::md) {
        const auto fields = flatten(c);
        if (style.format == Format::csv) {
            std::string out = csv_line({"field", "value"});
            for (const auto& [k, v] : fields) out += csv_line({k, w.text(v)});
            return out;
        }
        std::string out = "{";
        for (size_t i = 0; i < fields.size(); ++i)
            out += fmt::format("{}\n  {}: {}", i ? "," : "", json_string(fields[i].first),
                               w.json(fields[i].second));
        return out + "\n}\n";
    }
    std::string out =
        w.en() ? fmt::format("# File of {} ({})\n\n", w.text(c.name), w.text(c.id))
               : fmt::format("# 留守儿童档案卡：{}（{}）\n\n", w.text(c.name), w.text(c.id));
    out += w.en() ? fmt::format("- School: {}\n", w.text(source.school->school))
                  : fmt::format("- 学校：{}\n", w.text(source.school->school));
    const auto missing = missing_fields(c);
    std::string state = missing.empty() ? w.t("完整", "complete") : "";
    for (const auto& m : missing)
        state += (state.empty() ? w.t("缺 ", "missing ") : w.t("、", ", ")) +
                 md_escape(field_label(m, style.lang));
    out += w.t("- 档案：", "- File: ") + state + "\n\n";

    out += w.t("## 基本情况\n\n", "## The child\n\n");
    out += header({w.t("项目", "Field"), w.t("内容", "Value")});
    auto line = [&](std::string_view zh, std::string_view en, const std::string& value) {
        out += row({w.t(zh, en), value});
    };
    line("学号", "ID", w.text(c.id));
    line("姓名", "Name", w.text(c.name));
    line("性别", "Gender", enum_text(c.gender, w));
    line("出生日期", "Born", date_text(c.birth_date));
    line("身份证号", "ID number", w.text(c.id_number));
    line("民族", "Ethnicity", w.text(c.ethnicity));
    line("班级", "Class", class_label(c.grade, c.class_no, style.lang));
    line("入学日期", "Enrolled", date_text(c.enrolled_on));
    line("状态", "Status",
         std::string(w.en() ? key_of(c.status) : zh_of(c.status)) +
             (c.status_on ? " " + c.status_on->iso() : ""));
    line("留守类型", "Left behind", enum_text(c.left_behind, w));
    line("寄宿", "Boarding", c.boarding ? (*c.boarding ? w.t("是", "yes") : w.t("否", "no")) : "");
    line("健康状况", "Health", w.text(c.health));
    line("家庭住址", "Home address", w.text(c.home_address));
    out += "\n";

    out += w.t("## 父母\n\n", "## Parents\n\n");
    out += header({w.t("关系", "Relation"), w.t("姓名", "Name"), w.t("电话", "Phone"),
                   w.t("务工地址", "Works at"), w.t("单位电话", "Work phone")});
    for (const auto& p : c.parents)
        out += row({p.relation == "father"   ? w.t("父亲", "father")
                    : p.relation == "mother" ? w.t("母亲", "mother")
                                             : w.text(p.relation),
                    w.text(p.name), w.text(p.phone), w.text(p.work_place), w.text(p.work_phone)});
    out += "\n";
    const Guardian& g = c.guardian;
    out += w.t("## 监护人\n\n", "## Guardian\n\n");
    out += header({w.t("关系", "Relation"), w.t("姓名", "Name"), w.t("职业", "Occupation"),
                   w.t("住址", "Address"), w.t("电话", "Phone"), w.t("健康状况", "Health"),
                   w.t("年龄", "Age")});
    out += row({w.text(g.relation), w.text(g.name), w.text(g.occupation), w.text(g.address),
                w.text(g.phone), w.text(g.health), g.age ? std::to_string(*g.age) : ""});
    out += "\n";

    out += w.t("## 帮扶\n\n", "## Support\n\n");
    out += header({w.t("项目", "Field"), w.t("内容", "Value")});
    std::string subsidies;
    for (const auto& s : c.support.subsidies)
        subsidies += (subsidies.empty() ? "" : ", ") + w.text(s);
    line("重点帮扶对象", "Key child", c.support.key_child ? w.t("是", "yes") : w.t("否", "no"));
    line("资助", "Subsidies", subsidies);
    line("个别教育管理方案", "Individual plan", w.text(c.support.individual_plan));
    out += "\n";

    out += w.t("## 结对帮扶\n\n", "## Pairing\n\n");
    out += header({w.t("期间", "Period"), w.t("帮扶教师", "Teacher"), w.t("学习帮手", "Buddy"),
                   w.t("代理家长", "Proxy parent")});
    const Pairing& p = c.pairing;
    if (!p.teacher.empty())
        out += row({w.en() ? fmt::format("from {}", date_text(p.since))
                           : fmt::format("{} 起", date_text(p.since)),
                    staff_name(source, p.teacher, w), w.text(p.buddy), w.text(p.proxy_parent)});
    for (auto it = p.history.rbegin(); it != p.history.rend(); ++it)
        out +=
            row({fmt::format("{} – {}", date_text(it->from), date_text(it->to)),
                 staff_name(source, it->teacher, w), w.text(it->buddy), w.text(it->proxy_parent)});
    out += "\n";
    out += w.t("## 学习帮扶计划\n\n", "## Help plans\n\n");
    out += header(
        {w.t("起", "From"), w.t("止", "To"), w.t("内容", "Content"), w.t("阶段目标", "Goal")});
    for (const auto& i : p.plan)
        out += row({date_text(i.from), date_text(i.to), w.text(i.content), w.text(i.goal)});
    out += "\n";
    out += w.t("## 进步档案\n\n", "## Progress\n\n");
    out += header(
        {w.t("日期", "Date"), w.t("科目", "Subject"), w.t("成绩", "Score"), w.t("记录", "Note")});
    for (const auto& i : p.progress)
        out += row({date_text(i.date), w.text(i.subject), w.text(i.score), w.text(i.note)});
    out += "\n";
    out += w.t("## 谈心、家访与联系记录\n\n", "## Talks, visits and calls\n\n");
    out += header({w.t("日期", "Date"), w.t("类型", "Kind"), w.t("教师", "By"),
                   w.t("内容", "Summary"), w.t("情绪", "Mood"), w.t("跟进事项", "Follow-up")});
    for (const auto& t : c.talks) {
        std::string follow = w.text(t.follow_up);
        if (t.closes)
            follow += (follow.empty() ? "" : " ") +
                      w.t(fmt::format("（关闭 {} 的跟进事项）", t.closes->iso()),
                          fmt::format("(closes the follow-up of {})", t.closes->iso()));
        out += row({date_text(t.date), std::string(w.en() ? key_of(t.kind) : zh_of(t.kind)),
                    staff_name(source, t.by, w), w.text(t.summary), enum_text(t.mood, w), follow});
    }
    if (!c.notes.empty()) out += w.t("\n## 备注\n\n", "\n## Notes\n\n") + w.text(c.notes) + "\n";
    return out;
}

std::string render_class(int grade, int class_no, const std::vector<ClassRoster>& rosters,
                         const Date& as_of, const ReportStyle& style) {
    const Writer w(style);
    const bool county = rosters.size() > 1;
    std::vector<std::string> head = {w.t("学号", "ID"),         w.t("姓名", "Name"),
                                     w.t("性别", "Gender"),     w.t("留守类型", "Left behind"),
                                     w.t("监护人", "Guardian"), w.t("帮扶教师", "Teacher"),
                                     w.t("学习帮手", "Buddy"),  w.t("上次谈心", "Last talk")};
    if (county) head.insert(head.begin(), w.t("学校", "School"));
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : rosters) {
        for (const Child* c : r.children) {
            std::optional<Date> last;
            for (const auto& t : c->talks)
                if (t.kind == TalkKind::talk && t.date && *t.date <= as_of &&
                    (!last || *last < *t.date))
                    last = t.date;
            std::string guardian = w.text(c->guardian.relation);
            if (!c->guardian.name.empty())
                guardian += (guardian.empty() ? "" : " ") + w.text(c->guardian.name);
            std::vector<std::string> cells = {w.text(c->id),
                                              w.text(c->name),
                                              enum_text(c->gender, w),
                                              enum_text(c->left_behind, w),
                                              guardian,
                                              style.format == Format::md
                                                  ? staff_name(*r.source, c->pairing.teacher, w)
                                                  : w.text(c->pairing.teacher),
                                              w.text(c->pairing.buddy),
                                              date_text(last)};
            if (county) cells.insert(cells.begin(), w.text(r.source->school->school));
            rows.push_back(cells);
        }
    }
    if (style.format == Format::csv) {
        std::string out = csv_line(head);
        for (const auto& r : rows) out += csv_line(r);
        return out;
    }
    if (style.format == Format::json) {
        const std::vector<std::string> keys =
            county ? std::vector<std::string>{"school",  "id",          "name",
                                              "gender",  "left_behind", "guardian",
                                              "teacher", "buddy",       "last_talk"}
                   : std::vector<std::string>{"id",       "name",    "gender", "left_behind",
                                              "guardian", "teacher", "buddy",  "last_talk"};
        std::string out =
            fmt::format("{{\"grade\": {}, \"class\": {}, \"children\": [", grade, class_no);
        for (size_t i = 0; i < rows.size(); ++i) {
            std::vector<std::pair<std::string, std::string>> fields;
            for (size_t k = 0; k < keys.size(); ++k)
                fields.emplace_back(keys[k], json_string(rows[i][k]));
            out += (i ? ",\n  " : "\n  ") + json_object(fields);
        }
        return out + "]}\n";
    }
    std::string out = w.en()
                          ? fmt::format("# Class {}-{}: left-behind children\n\n", grade, class_no)
                          : fmt::format("# {}留守儿童名册\n\n", class_label(grade, class_no, "zh"));
    out += w.en() ? fmt::format("- As of {}\n- Children: {}\n\n", as_of.iso(), rows.size())
                  : fmt::format("- 截至：{}\n- 人数：{}\n\n", as_of.iso(), rows.size());
    out += header(head);
    for (const auto& r : rows) out += row(r);
    return out;
}

std::string render_talks(const Month& month, const std::vector<TalkLine>& talks,
                         const ReportStyle& style) {
    const Writer w(style);
    const bool county =
        !talks.empty() && std::any_of(talks.begin(), talks.end(), [&](const TalkLine& l) {
            return l.source != talks.front().source;
        });
    std::vector<std::string> head = {
        w.t("日期", "Date"),    w.t("学号", "ID"),   w.t("姓名", "Name"),
        w.t("班级", "Class"),   w.t("类型", "Kind"), w.t("教师", "By"),
        w.t("内容", "Summary"), w.t("情绪", "Mood"), w.t("跟进事项", "Follow-up")};
    if (county) head.insert(head.begin(), w.t("学校", "School"));
    std::vector<std::vector<std::string>> rows;
    for (const auto& l : talks) {
        std::vector<std::string> cells = {
            date_text(l.talk->date),
            w.text(l.child->id),
            w.text(l.child->name),
            class_label(l.child->grade, l.child->class_no, style.lang),
            std::string(w.en() || style.format != Format::md ? key_of(l.talk->kind)
                                                             : zh_of(l.talk->kind)),
            style.format == Format::md ? staff_name(*l.source, l.talk->by, w) : w.text(l.talk->by),
            w.text(l.talk->summary),
            enum_text(l.talk->mood, w),
            w.text(l.talk->follow_up)};
        if (county) cells.insert(cells.begin(), w.text(l.source->school->school));
        rows.push_back(cells);
    }
    if (style.format == Format::csv) {
        std::string out = csv_line(head);
        for (const auto& r : rows) out += csv_line(r);
        return out;
    }
    if (style.format == Format::json) {
        std::vector<std::string> keys = {"date", "id",      "name", "class",    "kind",
                                         "by",   "summary", "mood", "follow_up"};
        if (county) keys.insert(keys.begin(), "school");
        std::string out = fmt::format("{{\"month\": \"{}\", \"talks\": [", month.iso());
        for (size_t i = 0; i < rows.size(); ++i) {
            std::vector<std::pair<std::string, std::string>> fields;
            for (size_t k = 0; k < keys.size(); ++k)
                fields.emplace_back(keys[k], json_string(rows[i][k]));
            out += (i ? ",\n  " : "\n  ") + json_object(fields);
        }
        return out + "]}\n";
    }
    std::string out = w.en() ? fmt::format("# Talks and visits, {}\n\n", month.iso())
                             : fmt::format("# {}年{}月谈心与家访记录\n\n", month.year, month.month);
    out += w.en() ? fmt::format("- Entries: {}\n\n", rows.size())
                  : fmt::format("- 记录数：{}\n\n", rows.size());
    out += header(head);
    for (const auto& r : rows) out += row(r);
    return out;
}

}  // namespace liushou
