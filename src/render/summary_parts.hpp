// What the summary's files share (summary.cpp writes its Markdown, summary_data.cpp its JSON,
// CSV and the school's own template): the figures it prints, each named once, and its sections.
// Internal to src/render.
#pragma once

#include <string>
#include <vector>

#include "report_common.hpp"

namespace liushou::summary_detail {

using namespace report_detail;

struct Metric {
    const char* key;
    const char* zh;
    const char* en;
    Rate Stats::*rate;
};

inline const Metric kMetrics[] = {
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
inline const Count kMovement[] = {
    {"enrolled_from", "期初在读", "Enrolled at the start", &Stats::enrolled_from},
    {"new_pupils", "新入学", "New pupils", &Stats::new_pupils},
    {"transferred_in", "转入", "Transferred in", &Stats::transferred_in},
    {"transferred", "转出", "Transferred out", &Stats::transferred},
    {"dropped_out", "辍学", "Dropped out", &Stats::dropped_out},
    {"graduated", "毕业", "Graduated", &Stats::graduated},
    {"left_other", "其他离校", "Left for other reasons", &Stats::left_other},
    {"enrolled", "期末在读", "Enrolled at the end", &Stats::enrolled},
};

inline const Count kCounts[] = {
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
inline const Count kProgramme[] = {
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

/// A section of the summary: a "## " heading of its Markdown, and a table a school's template
/// takes whole by its placeholder ({{各项比率表}}). Each is named here once.
struct SectionName {
    const char* key;
    const char* placeholder;
    const char* zh;
    const char* en;
};
inline const SectionName kSections[] = {
    {"children", "基本情况表", "基本情况", "Children"},
    {"movement", "人数变动表", "各年级、各班人数变动", "Movement by grade and class"},
    {"rates", "各项比率表", "各项比率", "Rates"},
    {"monthly_talks", "每月谈心表", "每月谈心完成情况", "Monthly talk coverage"},
    {"calls_visits_meetings", "亲情电话家访座谈会表", "亲情电话、家访与座谈会",
     "Family calls, home visits and meetings"},
    {"plan", "工作计划表", "工作计划完成情况", "The plan, month by month"},
    {"activities", "活动开展情况表", "活动开展情况", "Activities"},
    {"by_school", "各学校表", "各学校", "By school"},
    {"by_grade", "各年级表", "各年级", "By grade"},
    {"by_class", "各班表", "各班", "By class"},
    {"shortfalls", "尚未达到", "尚未达到 100% 的地方", "What still falls short of 100%"},
};

/// A section as printed: its entry of kSections and its Markdown below the heading.
struct Section {
    const SectionName* name;
    std::string body;
};

/// The summary's Markdown: the title and the lines about its sources, then each section.
/// With `figures` (a page, --format html), the charts are SVG, each put in `figures` and named
/// in the text by its figure_line; else the monthly chart is a Mermaid block, as GitHub draws
/// it.
struct SummaryMarkdown {
    std::string head;
    std::vector<Section> sections;
    std::string text() const;
    /// The text, made of the sections' own strings (a province's is 60 MB: never copied).
    std::string take_text() &&;
};
SummaryMarkdown summary_markdown(const Summary& s, const std::vector<Provenance>& sources,
                                 const Coverage& coverage, const Writer& w,
                                 std::vector<std::string>* figures = nullptr);

/// The lines of 尚未达到 for one child's gaps of family calls, home visits, meetings,
/// birthdays and activities (summary_shortfalls.cpp); `who` is the child as the list names it.
std::string shortfall_gaps(const Shortfall& f, const std::string& who, const Writer& w);

/// Under the plan: the teachers' checklist sheets that came back in the period, a line each
/// with the rows each left owed (summary_sheets.cpp, #46); "" when none did.
std::string returned_sheet_lines(const Summary& s, const Writer& w);

}  // namespace liushou::summary_detail
