// A child's 档案卡 as a table of two columns (CSV, and through it a workbook): every non-empty
// field, labelled and valued as the Markdown card words them, in the reader's language.
#include <fmt/format.h>

#include <string_view>
#include <type_traits>

#include "liushou/fields.hpp"
#include "liushou/schema.hpp"
#include "report_common.hpp"

namespace liushou::report_detail {

namespace {

/// A key of the record (schema.hpp) as the card and the register name it.
struct Word {
    std::string_view key, zh, en;
};
constexpr Word kWords[] = {
    {"id", "学号", "ID"},
    {"name", "姓名", "Name"},
    {"gender", "性别", "Gender"},
    {"birth_date", "出生日期", "Born"},
    {"id_number", "身份证号", "ID number"},
    {"ethnicity", "民族", "Ethnicity"},
    {"grade", "年级", "Grade"},
    {"class", "班级", "Class"},
    {"enrolled_on", "入学日期", "Enrolled"},
    {"entry", "入学方式", "Entry"},
    {"status", "状态", "Status"},
    {"status_on", "状态日期", "Status since"},
    {"enrolment_history", "以往在读", "Earlier enrolment"},
    {"left_behind", "留守类型", "Left behind"},
    {"boarding", "寄宿", "Boarding"},
    {"health", "健康状况", "Health"},
    {"home_address", "家庭住址", "Home address"},
    {"parents", "父母", "Parent"},
    {"relation", "关系", "Relation"},
    {"phone", "电话", "Phone"},
    {"work_place", "务工地址", "Works at"},
    {"work_phone", "单位电话", "Work phone"},
    {"guardian", "监护人", "Guardian"},
    {"occupation", "职业", "Occupation"},
    {"address", "住址", "Address"},
    {"age", "年龄", "Age"},
    {"support", "帮扶", "Support"},
    {"key_child", "重点帮扶对象", "Key child"},
    {"subsidies", "资助", "Subsidies"},
    {"individual_plan", "个别教育管理方案", "Individual plan"},
    {"pairing", "结对帮扶", "Pairing"},
    {"teacher", "帮扶教师", "Teacher"},
    {"buddy", "学习帮手", "Buddies"},
    {"proxy_parent", "代理家长", "Proxy parent"},
    {"since", "起", "From"},
    {"history", "以往结对", "Earlier pairing"},
    {"from", "起", "From"},
    {"to", "止", "To"},
    {"plan", "学习帮扶计划", "Help plan"},
    {"content", "内容", "Content"},
    {"goal", "阶段目标", "Goal"},
    {"progress", "进步档案", "Progress"},
    {"date", "日期", "Date"},
    {"subject", "科目", "Subject"},
    {"score", "成绩", "Score"},
    {"note", "记录", "Note"},
    {"talks", "谈心记录", "Talk"},
    {"kind", "类型", "Kind"},
    {"by", "教师", "By"},
    {"summary", "内容", "Summary"},
    {"mood", "情绪", "Mood"},
    {"follow_up", "跟进事项", "Follow-up"},
    {"closes", "关闭的跟进事项", "Closes the follow-up of"},
    {"closes_kind", "关闭的跟进类型", "Closes the follow-up of kind"},
    {"closes_by", "关闭的跟进教师", "Closes the follow-up by"},
    {"notes", "备注", "Notes"},
    {"changes", "变动", "Change"},
    {"field", "字段", "Field"},
    {"was", "原值", "Was"},
};

std::string word(std::string_view key, bool en) {
    for (const Word& w : kWords)
        if (w.key == key) return std::string(en ? w.en : w.zh);
    return std::string(key);  // a key added to the schema since: as the record writes it
}

/// Every non-empty field as (label, value): a visitor over schema.hpp, as the Markdown card
/// shows each value (enums, yes and no, subsidies in the reader's words; teachers as
/// 李老师（T003）, buddies by name). Text goes through the Writer (masked when redacting).
class Labeller {
  public:
    Labeller(std::vector<std::pair<std::string, std::string>>& out, const Provenance& source,
             const Writer& w, std::string prefix)
        : out_(out), source_(source), w_(w), prefix_(std::move(prefix)) {}
    void text(std::string_view key, const std::string& v) {
        if (v.empty()) return;
        if (key == "teacher" || key == "by" || key == "closes_by")
            add(key, staff_name(source_, v, w_));
        else if (key == "field")  // a change's field: its register header
            add(key, field_label(v, w_.lang()));
        else if (key == "relation" && (v == "father" || v == "mother"))
            add(key, v == "father" ? w_.t("father") : w_.t("mother"));
        else
            add(key, w_.text(v));
    }
    void date(std::string_view key, const std::optional<Date>& v) {
        if (v) add(key, v->iso());  // alone in its cell: a date cell in a workbook
    }
    void integer(std::string_view key, const std::optional<int>& v) {
        if (v) add(key, std::to_string(*v));
    }
    void boolean(std::string_view key, const std::optional<bool>& v) {
        if (v) add(key, *v ? w_.t("yes") : w_.t("no"));
    }
    template <class E>
    void enumeration(std::string_view key, const std::optional<E>& v) {
        if (v) add(key, enum_text(v, w_));
    }
    template <class E, class = std::enable_if_t<std::is_enum_v<E>>>
    void enumeration(std::string_view key, const E& v) {
        add(key, std::string(w_.en() ? key_of(v) : zh_of(v)));
    }
    void text_list(std::string_view key, const std::vector<std::string>& v) {
        std::string joined;
        for (const auto& item : v)
            joined += (joined.empty() ? "" : w_.t(", ")) +
                      w_.text(key == "subsidies" ? subsidy_label(item, w_.lang()) : item);
        if (!joined.empty()) add(key, joined);
    }
    void one_or_more(std::string_view key, const std::vector<std::string>& v) {
        if (!v.empty()) add(key, buddy_names(source_, v, w_));
    }
    template <class S, class F>
    void map(std::string_view key, const S& sub, F describe) {
        Labeller inner(out_, source_, w_, label(key));
        describe(inner, sub);
    }
    template <class S, class F>
    void list(std::string_view key, const std::vector<S>& items, F describe, std::string_view) {
        for (size_t i = 0; i < items.size(); ++i) {
            std::string item;
            if constexpr (std::is_same_v<std::decay_t<S>, Parent>) {
                // A parent by relation, as the card's rows: 父亲·电话.
                const std::string& r = items[i].relation;
                item = r == "father"   ? w_.t("Father")
                       : r == "mother" ? w_.t("Mother")
                                       : label(key) + (w_.en() ? " " : "") + std::to_string(i + 1);
            } else {
                item = label(key) + (w_.en() ? " " : "") + std::to_string(i + 1);
            }
            Labeller inner(out_, source_, w_, item);
            describe(inner, items[i]);
        }
    }

  private:
    std::string label(std::string_view key) const {
        return prefix_.empty() ? word(key, w_.en()) : prefix_ + w_.t(" · ") + word(key, w_.en());
    }
    void add(std::string_view key, std::string value) {
        out_.emplace_back(label(key), std::move(value));
    }
    std::vector<std::pair<std::string, std::string>>& out_;
    const Provenance& source_;
    const Writer& w_;
    std::string prefix_;
};

}  // namespace

std::string child_table_csv(const Child& c, const Provenance& source, const Writer& w) {
    std::vector<std::pair<std::string, std::string>> fields;
    Labeller labeller(fields, source, w, "");
    schema::child(labeller, c);
    std::string out = csv_line({w.t("Field"), w.t("Value")});
    for (const auto& [label, value] : fields) out += csv_line({label, value});
    return out;
}

}  // namespace liushou::report_detail
