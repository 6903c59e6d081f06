// The summary's 尚未达到: each gap a child leaves in a rate below 100%, as the Markdown's
// lines (summary.cpp lists them class by class) and as the workbook's second sheet.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "summary_parts.hpp"

namespace liushou {

namespace summary_detail {

/// The gaps of family calls, home visits, meetings, birthdays and activities, a line each.
std::string shortfall_gaps(const Shortfall& f, const std::string& who, const Writer& w) {
    std::string out;
    auto joined = [&](const std::vector<std::string>& items) {
        std::string text;
        for (const auto& i : items) text += (text.empty() ? "" : w.t(", ")) + w.text(i);
        return text;
    };
    if (!f.calls_short.empty()) {
        std::vector<std::string> months;
        for (const Month& m : f.calls_short) months.push_back(m.iso());
        out += w.f("- Too few family calls in {}: {}\n", joined(months), who);
    }
    if (!f.unvisited.empty()) out += w.f("- No home visit in {}: {}\n", joined(f.unvisited), who);
    if (!f.no_meeting.empty())
        out += w.f("- No guardian meeting in {}: {}\n", joined(f.no_meeting), who);
    if (f.birthdays_missed == 1)
        out += w.t("- Birthday not greeted: ") + who + "\n";
    else if (f.birthdays_missed > 1)
        out += w.f("- {} birthdays not greeted: {}\n", f.birthdays_missed, who);
    if (f.no_activity) out += w.t("- In no activity: ") + who + "\n";
    return out;
}

}  // namespace summary_detail

using namespace summary_detail;

std::string render_shortfalls_csv(const Summary& summary, const ReportStyle& style) {
    const Writer w(style);
    std::string out = w.en() ? csv_line({"school", "class", "id", "name", "gap", "when"})
                             : csv_line({"学校", "班级", "学号", "姓名", "未达到", "时间"});
    for (const auto& f : summary.shortfalls) {
        const std::string klass = class_label(f.child.grade, f.child.class_no, style.lang);
        auto add = [&](const char* gap, const std::string& when) {
            out += csv_line({w.text(f.school), klass, w.text(f.child.id), w.text(f.child.name),
                             w.t(gap), when});
        };
        std::string missing;
        for (const auto& m : f.missing)
            missing += (missing.empty() ? "" : w.t(", ")) + field_label(m, style.lang);
        if (!missing.empty()) add(N_("file incomplete"), missing);
        if (f.unpaired) add(N_("no teacher"), "");
        for (const auto& m : f.untalked)
            add(m.held ? N_("too few talks") : N_("no talk"),
                m.held ? fmt::format("{} {}/{}", m.month.iso(), m.held, m.required)
                       : m.month.iso());
        for (const Month& m : f.calls_short) add(N_("too few family calls"), m.iso());
        for (const auto& t : f.unvisited) add(N_("no home visit"), w.text(t));
        for (const auto& t : f.no_meeting) add(N_("no guardian meeting"), w.text(t));
        if (f.birthdays_missed)
            add(N_("birthday not greeted"),
                f.birthdays_missed > 1 ? std::to_string(f.birthdays_missed) : "");
        if (f.no_activity) add(N_("in no activity"), "");
    }
    return out;
}

}  // namespace liushou
