#include "liushou/records.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "liushou/i18n.hpp"

namespace liushou {

template <>
const std::vector<EnumEntry<Gender>>& enum_entries<Gender>() {
    static const std::vector<EnumEntry<Gender>> kEntries = {
        {Gender::male, "male", "男", {"男性", "m", "boy"}},
        {Gender::female, "female", "女", {"女性", "f", "girl"}},
    };
    return kEntries;
}

template <>
const std::vector<EnumEntry<Status>>& enum_entries<Status>() {
    static const std::vector<EnumEntry<Status>> kEntries = {
        {Status::enrolled, "enrolled", "在读", {"在校", "在籍"}},
        {Status::transferred, "transferred", "转出", {"转学"}},
        {Status::dropped_out, "dropped_out", "辍学", {"失学", "dropped-out"}},
        {Status::graduated, "graduated", "毕业", {}},
        {Status::left, "left", "其他离校", {"离校", "其他"}},
        {Status::not_enrolled, "not_enrolled", "未入学", {"not-enrolled"}},
    };
    return kEntries;
}

template <>
const std::vector<EnumEntry<Entry>>& enum_entries<Entry>() {
    static const std::vector<EnumEntry<Entry>> kEntries = {
        {Entry::new_pupil, "new", "新生", {"新入学", "新生入学"}},
        {Entry::transfer, "transfer", "转入", {"转学转入", "插班", "复学"}},
    };
    return kEntries;
}

template <>
const std::vector<EnumEntry<LeftBehind>>& enum_entries<LeftBehind>() {
    static const std::vector<EnumEntry<LeftBehind>> kEntries = {
        {LeftBehind::both_parents,
         "both_parents",
         "双亲外出",
         {"父母外出", "父母均外出", "父母双方外出", "父母双方均外出", "双亲", "both"}},
        {LeftBehind::father_away, "father_away", "父亲外出", {"父外出", "father"}},
        {LeftBehind::mother_away, "mother_away", "母亲外出", {"母外出", "mother"}},
        // Registers say 单亲外出 without saying which parent (#39).
        {LeftBehind::one_parent, "one_parent", "单亲外出", {"一方外出", "单亲", "one parent"}},
        // A whole class register lists children who are not left-behind (#39).
        {LeftBehind::none,
         "none",
         "非留守",
         {"否", "不是留守", "非留守儿童", "不是留守儿童", "不留守", "no", "not left-behind"}},
    };
    return kEntries;
}

template <>
const std::vector<EnumEntry<TalkKind>>& enum_entries<TalkKind>() {
    static const std::vector<EnumEntry<TalkKind>> kEntries = {
        {TalkKind::talk, "talk", "谈心", {"谈话"}},
        {TalkKind::home_visit, "home_visit", "家访", {"home-visit"}},
        {TalkKind::family_call, "family_call", "亲情电话", {"family-call"}},
        {TalkKind::meeting, "meeting", "座谈会", {"家长会"}},
        {TalkKind::counselling, "counselling", "心理辅导", {"心理咨询", "心理疏导", "counseling"}},
        {TalkKind::greeting, "greeting", "生日祝福", {"生日", "birthday"}},
    };
    return kEntries;
}

template <>
const std::vector<EnumEntry<Mood>>& enum_entries<Mood>() {
    static const std::vector<EnumEntry<Mood>> kEntries = {
        {Mood::good, "good", "好", {"良好"}},
        {Mood::ok, "ok", "一般", {}},
        {Mood::low, "low", "低落", {"差"}},
    };
    return kEntries;
}

template <>
const std::vector<EnumEntry<Role>>& enum_entries<Role>() {
    static const std::vector<EnumEntry<Role>> kEntries = {
        {Role::head_teacher, "head_teacher", "班主任", {"head-teacher"}},
        {Role::teacher, "teacher", "任课教师", {"教师", "老师"}},
        {Role::leader, "leader", "领导", {"校长", "副校长"}},
        {Role::other, "other", "其他", {}},
    };
    return kEntries;
}

template <>
const std::vector<EnumEntry<ActivityKind>>& enum_entries<ActivityKind>() {
    static const std::vector<EnumEntry<ActivityKind>> kEntries = {
        {ActivityKind::class_meeting, "class_meeting", "主题班会", {"主题队会", "班会"}},
        {ActivityKind::mental_health, "mental_health", "心理健康", {"心理健康教育", "心理健康课"}},
        {ActivityKind::safety, "safety", "安全教育", {"安全"}},
        {ActivityKind::arts_sports, "arts_sports", "文体活动", {"文艺演出", "书画展", "演讲比赛"}},
        {ActivityKind::festival, "festival", "节日关爱", {"节日"}},
        {ActivityKind::birthday, "birthday", "生日祝福", {"生日"}},
        {ActivityKind::parent_school, "parent_school", "家长学校", {}},
        {ActivityKind::community, "community", "社会关爱", {"送温暖"}},
        {ActivityKind::other, "other", "其他", {}},
    };
    return kEntries;
}

bool natural_less(const std::string& a, const std::string& b) {
    size_t i = 0, j = 0;
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    while (i < a.size() && j < b.size()) {
        if (digit(a[i]) && digit(b[j])) {
            size_t ei = i, ej = j;
            while (ei < a.size() && digit(a[ei])) ++ei;
            while (ej < b.size() && digit(b[ej])) ++ej;
            // Compare as numbers without overflow: strip zeros, then length, then digits.
            size_t si = i, sj = j;
            while (si + 1 < ei && a[si] == '0') ++si;
            while (sj + 1 < ej && b[sj] == '0') ++sj;
            if (ei - si != ej - sj) return ei - si < ej - sj;
            const int cmp = a.compare(si, ei - si, b, sj, ej - sj);
            if (cmp != 0) return cmp < 0;
            if (ei - i != ej - j) return ei - i < ej - j;
            i = ei, j = ej;
        } else {
            if (a[i] != b[j]) return a[i] < b[j];
            ++i, ++j;
        }
    }
    return a.size() - i < b.size() - j;
}

std::string fold_case(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool Guardian::empty() const {
    return relation.empty() && name.empty() && occupation.empty() && address.empty() &&
           phone.empty() && health.empty() && !age && extras.empty();
}

bool Support::empty() const {
    return !key_child && subsidies.empty() && individual_plan.empty() && extras.empty();
}

bool Pairing::empty() const {
    return teacher.empty() && buddies.empty() && proxy_parent.empty() && !since &&
           history.empty() && plan.empty() && progress.empty() && extras.empty();
}

const Parent* Child::parent(std::string_view relation) const {
    for (const auto& p : parents)
        if (p.relation == relation) return &p;
    return nullptr;
}

std::vector<Episode> Child::episodes() const {
    std::vector<Episode> out = enrolment_history;
    if (status == Status::not_enrolled && !enrolled_on) return out;
    Episode now{enrolled_on, entry, std::nullopt, status, {}};
    if (status != Status::enrolled) now.to = status_on;
    out.push_back(now);
    return out;
}

bool is_dated_field(std::string_view key) {
    // What a school changes during a year and reports by: where the child sits, how the
    // family is split, what support the child gets. Name or birth date corrections are not
    // history.
    static const std::vector<std::string_view> kDated = {
        "grade", "class", "left_behind", "boarding", "key_child", "subsidies", "individual_plan"};
    return std::find(kDated.begin(), kDated.end(), key) != kDated.end();
}

namespace {
// Date order; undated entries go last (they are reported by check).
template <class T, class Key>
auto by_date(Key key) {
    return [key](const T& a, const T& b) {
        const auto& ka = key(a);
        const auto& kb = key(b);
        if (!ka || !kb) return ka.has_value() && !kb.has_value();
        return *ka < *kb;
    };
}
template <class T, class Key>
void sort_by(std::vector<T>& items, Key key) {
    std::stable_sort(items.begin(), items.end(), by_date<T>(key));
}
template <class T, class Key>
bool sorted_by(const std::vector<T>& items, Key key) {
    return std::is_sorted(items.begin(), items.end(), by_date<T>(key));
}
}  // namespace

void Child::sort_lists() {
    sort_by(talks, [](const Talk& t) { return t.date; });
    sort_by(pairing.progress, [](const ProgressItem& p) { return p.date; });
    sort_by(pairing.plan, [](const PlanItem& p) { return p.from; });
    sort_by(pairing.history, [](const PairingPeriod& p) { return p.from; });
    sort_by(enrolment_history, [](const Episode& e) { return e.from; });
    sort_by(changes, [](const Change& c) { return c.date; });
}

bool Child::lists_sorted() const {
    return sorted_by(talks, [](const Talk& t) { return t.date; }) &&
           sorted_by(pairing.progress, [](const ProgressItem& p) { return p.date; }) &&
           sorted_by(pairing.plan, [](const PlanItem& p) { return p.from; }) &&
           sorted_by(pairing.history, [](const PairingPeriod& p) { return p.from; }) &&
           sorted_by(enrolment_history, [](const Episode& e) { return e.from; }) &&
           sorted_by(changes, [](const Change& c) { return c.date; });
}

const Staff* StaffList::find(std::string_view id) const {
    if (index_ && index_->size() == staff.size()) {
        const auto it = index_->find(std::string(id));
        if (it != index_->end() && it->second < staff.size() && staff[it->second].id == id)
            return &staff[it->second];
        if (it == index_->end()) {
            // Not indexed: absent, unless an id was changed in place since.
            bool same = true;
            for (const auto& [key, at] : *index_) same = same && staff[at].id == key;
            if (same) return nullptr;
        }
    }
    for (const auto& s : staff)
        if (s.id == id) return &s;
    return nullptr;
}

void StaffList::index() {
    auto built = std::make_shared<std::unordered_map<std::string, size_t>>();
    for (size_t i = 0; i < staff.size(); ++i) built->emplace(staff[i].id, i);
    index_ = std::move(built);
}

int School::start_year() const {
    if (school_year.size() < 4) return 0;
    int year = 0;
    for (size_t i = 0; i < 4; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(school_year[i]))) return 0;
        year = year * 10 + (school_year[i] - '0');
    }
    return year;
}

School default_school(const std::string& name, int start_year) {
    School s;
    s.school = name;
    s.school_year = std::to_string(start_year) + "-" + std::to_string(start_year + 1);
    s.terms = {
        {"第一学期", Date{start_year, 9, 1}, Date{start_year + 1, 1, 31}, {}, {}, {}},
        // 四月份：开通留守儿童亲情电话.
        {"第二学期", Date{start_year + 1, 2, 1}, Date{start_year + 1, 7, 31}, {}, 4, {}},
    };
    // The month-by-month plan of the seed's 工作安排 (二月份 … 七月份).
    s.plan = {
        {2, {"讨论并制定学校关爱留守儿童工作计划", "开展教师家访和学生谈心活动"}},
        {3, {"留守儿童信息更新", "成立学校关爱留守儿童领导专班"}},
        {4, {"开展师生结对活动", "档案信息更新", "开通留守儿童亲情电话"}},
        {5, {"召开一次留守儿童家长会", "继续开展师生结对活动", "留守儿童“五一”联欢会"}},
        {6,
         {"留守儿童主题班会活动", "留守儿童减免落实情况检查", "留守儿童“六一”庆祝活动",
          "留守儿童工作经验交流及论文撰写"}},
        {7, {"班级及学校留守儿童工作总结", "留守儿童工作档案整理"}},
    };
    s.events = {{"元旦", "01-01", {}}, {"五一", "05-01", {}}, {"六一", "06-01", {}}};
    return s;
}

// ---- handles of a child's entries (#41) -------------------------------------------------

std::vector<size_t> talks_of_day(const std::vector<Talk>& talks, const Date& date) {
    std::vector<size_t> out;
    for (size_t i = 0; i < talks.size(); ++i)
        if (talks[i].date == date) out.push_back(i);
    return out;
}

std::string talk_handle(const std::vector<Talk>& talks, size_t i) {
    if (i >= talks.size() || !talks[i].date) return "";
    const std::vector<size_t> day = talks_of_day(talks, *talks[i].date);
    if (day.size() == 1) return talks[i].date->iso();
    const auto at = std::find(day.begin(), day.end(), i) - day.begin();
    return fmt::format("{}#{}", talks[i].date->iso(), at + 1);
}

std::optional<TalkHandle> parse_talk_handle(std::string_view text, std::string& error) {
    const size_t hash = text.find('#');
    const std::string_view day = text.substr(0, hash);
    TalkHandle out;
    const DateParse parsed = parse_flexible_date(day);
    if (!parsed.date) {
        error = fmt::format(N_("{} is not a date or an entry's handle (2026-03-10, 2026-03-10#2)"),
                            text);
        return std::nullopt;
    }
    out.date = *parsed.date;
    if (hash == std::string_view::npos) return out;
    const std::string_view number = text.substr(hash + 1);
    // A handle's number is small: a few digits, from 1.
    if (number.empty() || number.size() > 4 ||
        number.find_first_not_of("0123456789") != std::string_view::npos || number[0] == '0') {
        error = fmt::format(N_("{} is not a date or an entry's handle (2026-03-10, 2026-03-10#2)"),
                            text);
        return std::nullopt;
    }
    out.number = std::stoi(std::string(number));
    return out;
}

std::string describe_talks(const std::vector<Talk>& talks, const std::vector<size_t>& at) {
    std::string out;
    for (size_t i : at)
        out += fmt::format("{}{} {} by {}", out.empty() ? "" : ", ", talk_handle(talks, i),
                           key_of(talks[i].kind), talks[i].by);
    return out;
}

std::optional<size_t> find_talk(const std::vector<Talk>& talks, const TalkHandle& handle,
                                std::string& error) {
    const std::vector<size_t> day = talks_of_day(talks, handle.date);
    if (day.empty()) {
        error = fmt::format(N_("there is no entry of {}"), handle.date.iso());
        return std::nullopt;
    }
    if (handle.number == 0) {
        if (day.size() == 1) return day.front();
        error = fmt::format(N_("{} has {} entries ({}); give the handle of one"), handle.date.iso(),
                            day.size(), describe_talks(talks, day));
        return std::nullopt;
    }
    if (static_cast<size_t>(handle.number) > day.size()) {
        error =
            fmt::format("{} has {} entr{}, not {} ({})", handle.date.iso(), day.size(),
                        day.size() == 1 ? "y" : "ies", handle.number, describe_talks(talks, day));
        return std::nullopt;
    }
    return day[static_cast<size_t>(handle.number) - 1];
}

std::string delete_talk_at(std::vector<Talk>& talks, size_t i) {
    const Talk& gone = talks.at(i);
    if (!gone.follow_up.empty() && gone.date)
        for (const Talk& t : talks)
            if (&t != &gone && t.closes == gone.date &&
                (!t.closes_kind || *t.closes_kind == gone.kind) &&
                (t.closes_by.empty() || t.closes_by == gone.by))
                return fmt::format(
                    N_("the entry of {} closes its follow-up; delete that one first"),
                    t.date ? t.date->iso() : "?");
    talks.erase(talks.begin() + static_cast<long>(i));
    return "";
}

}  // namespace liushou
