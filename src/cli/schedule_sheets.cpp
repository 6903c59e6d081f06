// schedule --teacher T -o FILE.xlsx and --per-teacher -o DIR/: each teacher's checklist as a
// workbook to fill in and give back to log-talk --from (#46, liushou-schedule(1)).
#include "schedule_sheets.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/filesystem.hpp>

#include "liushou/checklist.hpp"
#include "liushou/i18n.hpp"
#include "liushou/render.hpp"

namespace liushou {

namespace {

/// The 填写说明 sheet, in a teacher's words.
std::vector<std::string> fill_in_notes(const Checklist& list, const std::string& teacher_name) {
    const Month& m = list.month;
    return {
        fmt::format("{}{}年{}月留守儿童工作清单：填写说明", teacher_name, m.year, m.month),
        "每一行是这个月还要做的一件事：谈心、亲情电话、家访、座谈会、生日祝福、还没跟进的"
        "事项、活动签到（孩子去了“说明”里的那次活动没有），或者学校本月的工作安排（谁做了谁"
        "勾上，写上哪天做的）。"
        "灰色的格子是学校填好的，不能改；白色的格子由您来填。",
        "做完了的，在“完成”一栏选“是”，在“日期”一栏写哪一天做的（只能是本月的日子），"
        "在“内容”一栏写谈了什么，在“情绪”一栏选孩子当时的情绪；需要以后再跟进的，写在"
        "“跟进事项”里。“类型”已经按事项选好，如果其实是家访或电话，可以改选。",
        "没做成的，在“完成”一栏选“否”，其余空着：这件事会留在下个清单上。"
        "活动签到：孩子去了就选“是”，日期可以空着；没去选“否”。",
        "清单外还做了的（比如多谈了一次、看望了别的孩子），写在最下面的空白行：填上学号、"
        "姓名、日期、类型和内容，完成选“是”。",
        "不要改学号、姓名和事项，也不要删除或插入行；写错了就选“否”，告诉负责老师。",
        fmt::format("填好后在 {}年{}月25日前交回负责老师（用 WPS、Excel 保存都可以，另存为 "
                    "CSV 也可以）。",
                    m.year, m.month),
    };
}

}  // namespace

std::string checklist_workbook(const Checklist& list, const StaffList& staff,
                               const std::string& revision, const Date& today) {
    const Staff* who = staff.find(list.teacher);
    const std::string name = who ? who->name : list.teacher;
    FillInBook book;
    book.title = "工作清单";
    book.notes_title = "填写说明";
    book.base_title = "liushou";
    std::vector<std::string> kinds;
    for (const auto& e : enum_entries<TalkKind>()) kinds.emplace_back(e.zh);
    std::vector<std::string> moods;
    for (const auto& e : enum_entries<Mood>()) moods.emplace_back(e.zh);
    const auto& h = checklist_header();
    // 编号, 事项, 学号, 姓名, 班级, 说明 are the list's; the rest the teacher's.
    book.columns = {
        {h[0], 22, false, false, {}, {}, {}, ""},
        {h[1], 10, false, false, {}, {}, {}, ""},
        {h[2], 12, false, true, {}, {}, {}, ""},
        {h[3], 10, false, true, {}, {}, {}, ""},
        {h[4], 8, false, true, {}, {}, {}, ""},
        {h[5], 24, false, false, {}, {}, {}, ""},
        {h[6], 6, true, false, {"是", "否"}, {}, {}, "做完了选“是”，没做成选“否”"},
        {h[7],
         12,
         true,
         false,
         {},
         list.month.first(),
         list.month.last(),
         fmt::format("哪一天做的：{} 到 {}", list.month.first().iso(), list.month.last().iso())},
        {h[8], 10, true, false, kinds, {}, {}, ""},
        {h[9], 40, true, false, {}, {}, {}, "谈了什么、做了什么"},
        {h[10], 8, true, false, moods, {}, {}, ""},
        {h[11], 24, true, false, {}, {}, {}, "以后还要跟进的事（没有就空着）"},
    };
    for (const ChecklistRow& r : list.rows)
        book.rows.push_back(
            {r.key, r.item, r.child.id, r.child.name,
             class_label(r.child.grade, r.child.class_no, "zh"), r.note, "", "",
             r.item == "工作安排" || r.item == "活动签到" ? "" : std::string(zh_of(r.kind)), "", "",
             ""});
    book.open_rows = 10;
    book.notes = fill_in_notes(list, name);
    book.base = {{"format", "liushou checklist 1"},
                 {"school", list.school},
                 {"month", list.month.iso()},
                 {"teacher", list.teacher},
                 {"teacher_name", name},
                 {"revision", revision},
                 {"made", today.iso()},
                 {"rows", std::to_string(list.rows.size())}};
    return write_fill_in_xlsx(book, today);
}

std::string checklist_file_name(const Month& month, const std::string& teacher_name) {
    // A name a file system takes: no separators or characters Windows refuses.
    std::string safe;
    for (char c : teacher_name)
        if (std::string_view("/\\:*?\"<>|").find(c) == std::string_view::npos &&
            static_cast<unsigned char>(c) >= 0x20)
            safe += c;
    return fmt::format("{}-{}.xlsx", safe.empty() ? "teacher" : safe, month.iso());
}

std::string checklist_overview(const std::vector<Checklist>& lists,
                               const std::vector<ChildDuties>& duties, const StaffList& staff,
                               const std::string& lang) {
    const bool en = lang == "en";
    const std::vector<std::string> items = {"谈心",     "亲情电话", "家访",     "座谈会",
                                            "生日祝福", "跟进事项", "活动签到", "工作安排"};
    std::vector<std::string> header = {en ? "Teacher" : "教师", en ? "Children" : "儿童"};
    for (const auto& item : items) {
        std::string label = item;
        if (en)
            for (const auto& e : enum_entries<TalkKind>())
                if (e.zh == item) label = std::string(e.key);
        header.push_back(!en                  ? label
                         : item == "跟进事项" ? "follow_up"
                         : item == "工作安排" ? "plan"
                         : item == "活动签到" ? "attendance"
                                              : label);
    }
    header.push_back(tr(lang, "Owed"));
    std::vector<std::vector<std::string>> rows;
    for (const Checklist& list : lists) {
        const Staff* who = staff.find(list.teacher);
        int children = 0;
        for (const ChildDuties& d : duties) children += d.in_month && d.teacher == list.teacher;
        std::vector<std::string> row = {who ? who->name : list.teacher, std::to_string(children)};
        for (const auto& item : items)
            row.push_back(std::to_string(
                std::count_if(list.rows.begin(), list.rows.end(),
                              [&](const ChecklistRow& r) { return r.item == item; })));
        row.push_back(std::to_string(list.rows.size()));
        rows.push_back(std::move(row));
    }
    return render_table(header, rows);
}

void make_output_dir(const std::string& dir) {
    namespace fs = boost::filesystem;
    boost::system::error_code ec;
    if (fs::is_directory(dir, ec)) return;
    fs::create_directories(dir, ec);
    if (ec)
        throw IoError(
            fmt::format(N_("{}: cannot make the folder for the sheets: {}"), dir, ec.message()));
}

}  // namespace liushou
