// The settable fields of a child (enroll's options, a sheet's columns): parsing and
// storing each by its kind.
#include "liushou/fields.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <type_traits>

#include "liushou/i18n.hpp"
#include "liushou/schema.hpp"
#include "liushou/text.hpp"

namespace liushou {

const std::vector<ChildField>& child_fields() {
    using K = FieldKind;
    static const std::vector<ChildField> kFields = {
        {"id", "id", {"学号", "编号", "学生编号"}, K::id, "the child's id (file name)"},
        {"name", "name", {"姓名", "学生姓名"}, K::text, N_("full name")},
        {"gender", "gender", {"性别"}, K::gender, N_("male | female (男/女)")},
        {"birth_date",
         "birth_date",
         {"出生日期", "出生年月日", "出生年月", "生日"},
         K::date,
         "YYYY-MM-DD"},
        {"id_number",
         "id_number",
         {"身份证号", "身份证号码", "身份证"},
         K::id_number,
         N_("18-character 身份证号")},
        {"ethnicity", "ethnicity", {"民族"}, K::text, N_("民族, e.g. 汉族")},
        {"grade", "grade", {"年级"}, K::grade, "1-6"},
        {"class", "class", {"班级", "班"}, K::class_no, N_("class number within the grade")},
        {"enrolled_on", "enrolled_on", {"入学日期", "入学时间"}, K::date, "YYYY-MM-DD"},
        {"entry",
         "entry",
         {"入学方式"},
         K::entry,
         N_("new | transfer (新生/转入): how the child enrolled; a return is transfer unless this "
            "says new")},
        {"left_behind",
         "left_behind",
         {"留守类型", "留守情况"},
         K::left_behind,
         N_("both_parents | father_away | mother_away (双亲外出/父亲外出/母亲外出)")},
        {"boarding",
         "boarding",
         {"是否寄宿", "寄宿", "是否住校", "住校", "住宿", "是否住宿", "住校/走读"},
         K::boolean,
         N_("yes | no (是/否, 住校/走读)")},
        {"health", "health", {"健康状况", "身体状况"}, K::text, N_("e.g. 良好")},
        {"home_address",
         "home_address",
         {"家庭住址", "家庭地址", "住址", "家庭详细住址", "户籍地址", "现住址"},
         K::text,
         ""},
        {"father_name", "parents.father.name", {"父亲姓名"}, K::text, ""},
        {"father_phone",
         "parents.father.phone",
         {"父亲电话", "父亲联系电话", "父亲手机"},
         K::phone,
         ""},
        {"father_work_place",
         "parents.father.work_place",
         {"父亲务工地址", "父亲务工地点", "父亲工作单位"},
         K::text,
         N_("where the father works")},
        {"father_work_phone", "parents.father.work_phone", {"父亲单位电话"}, K::phone, ""},
        {"mother_name", "parents.mother.name", {"母亲姓名"}, K::text, ""},
        {"mother_phone",
         "parents.mother.phone",
         {"母亲电话", "母亲联系电话", "母亲手机"},
         K::phone,
         ""},
        {"mother_work_place",
         "parents.mother.work_place",
         {"母亲务工地址", "母亲务工地点", "母亲工作单位"},
         K::text,
         N_("where the mother works")},
        {"mother_work_phone", "parents.mother.work_phone", {"母亲单位电话"}, K::phone, ""},
        {"guardian_name", "guardian.name", {"监护人姓名", "监护人"}, K::text, ""},
        {"guardian_relation",
         "guardian.relation",
         {"监护人关系", "与监护人关系"},
         K::text,
         N_("e.g. 爷爷, 外婆, grandmother")},
        {"guardian_phone",
         "guardian.phone",
         {"监护人电话", "监护人联系电话", "监护人手机", "联系电话", "家长电话", "家长联系电话"},
         K::phone,
         N_("the phone the school calls: a register's 联系电话 or 家长电话")},
        {"guardian_occupation", "guardian.occupation", {"监护人职业"}, K::text, N_("e.g. 务农")},
        {"guardian_address", "guardian.address", {"监护人住址", "监护人地址"}, K::text, ""},
        {"guardian_health", "guardian.health", {"监护人健康状况", "监护人身体状况"}, K::text, ""},
        {"guardian_age", "guardian.age", {"监护人年龄"}, K::age, ""},
        {"key_child",
         "support.key_child",
         {"重点帮扶对象", "是否重点帮扶"},
         K::boolean,
         N_("yes | no: a key child to support (重点帮扶对象)")},
        {"subsidies",
         "support.subsidies",
         {"资助", "资助情况"},
         K::list,
         N_("comma-separated, e.g. 两免一补")},
        {"individual_plan", "support.individual_plan", {"个别教育管理方案"}, K::text, ""},
        {"notes", "notes", {"备注"}, K::text, ""},
    };
    return kFields;
}

namespace {

bool starts_with(std::string_view s, std::string_view p) {
    return s.substr(0, p.size()) == p;
}
bool ends_with(std::string_view s, std::string_view p) {
    return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// Excel writes long digit strings as 4.20821E+17 unless the column is formatted as text.
bool looks_scientific(std::string_view s) {
    return s.find_first_of("eE") != std::string_view::npos &&
           s.find_first_not_of("0123456789.eE+-") == std::string_view::npos && !s.empty() &&
           std::isdigit(static_cast<unsigned char>(s[0]));
}

/// The help the seed's schools name: stored by key, shown in the reader's words.
struct SubsidyName {
    std::string_view zh, key, en;
};
const SubsidyName kSubsidyNames[] = {
    {"两免一补", "two_exemptions_one_subsidy", "two exemptions, one subsidy"},
    {"营养餐", "nutrition_meals", "nutrition meals"},
    {"寄宿生生活补助", "boarding_allowance", "boarding allowance"},
    {"春蕾班", "spring_bud_class", "Spring Bud class"},
    {"社会妈妈", "social_mother", "a social mother"},
};

}  // namespace

std::string subsidy_key(std::string_view text) {
    for (const auto& n : kSubsidyNames)
        if (text == n.zh || text == n.key) return std::string(n.key);
    return std::string(text);
}

int subsidy_order(std::string_view key) {
    for (size_t i = 0; i < std::size(kSubsidyNames); ++i)
        if (key == kSubsidyNames[i].key) return static_cast<int>(i);
    return static_cast<int>(std::size(kSubsidyNames));
}

std::string subsidy_label(std::string_view key, std::string_view lang) {
    for (const auto& n : kSubsidyNames)
        if (key == n.key) return std::string(lang == "en" ? n.en : n.zh);
    return std::string(key);  // the school's own words, as written
}

namespace {

/// Stores `value` in the child's field at `path`, which holds a T or an optional T. Where a
/// field is kept is schema.hpp's business; the table above only names its path.
template <class T>
void put(Child& c, std::string_view path, T value) {
    bool stored = false;
    schema::at_child_path(c, path, true, [&](auto& slot) {
        using S = std::decay_t<decltype(slot)>;
        if constexpr (std::is_same_v<S, T> || std::is_same_v<S, std::optional<T>>) {
            slot = std::move(value);
            stored = true;
        }
    });
    if (!stored) throw std::logic_error(fmt::format("field table: {} holds another kind", path));
}

/// An empty value given on purpose (`--guardian-age ""`) clears the field.
void clear_child_field(Child& c, const ChildField& field) {
    if (field.kind == FieldKind::id) return;
    schema::at_child_path(c, field.path, false, [](auto& slot) { slot = {}; });
    // A parent entry with nothing left in it is dropped rather than written empty.
    c.parents.erase(std::remove_if(c.parents.begin(), c.parents.end(),
                                   [](const Parent& p) {
                                       return p.name.empty() && p.phone.empty() &&
                                              p.work_place.empty() && p.work_phone.empty() &&
                                              p.extras.empty();
                                   }),
                    c.parents.end());
}

// A field's value as the text set_child_field accepts back: schema::value_text, except that
// a sheet says yes/no and lists its subsidies on one line.
std::string field_text(bool v) {
    return v ? "yes" : "no";
}
std::string field_text(const std::optional<bool>& v) {
    return v ? field_text(*v) : std::string();
}
std::string field_text(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
    return out;
}
template <class X>
std::string field_text(const X& v) {
    return schema::value_text(v);
}

}  // namespace

std::string normalise_header(std::string_view header) {
    std::string out = fold_case(trim(header));
    for (char& ch : out)
        if (ch == '-' || ch == '.' || ch == ' ') ch = '_';
    return out;
}

const ChildField* find_child_field(std::string_view header) {
    const std::string wanted = normalise_header(header);
    for (const auto& f : child_fields()) {
        if (wanted == f.key || wanted == normalise_header(f.path)) return &f;
        for (auto h : f.headers)
            if (h == trim(header)) return &f;
    }
    // A few schema spellings that differ from the option names.
    if (wanted == "class_no") return find_child_field("class");
    if (wanted == "support_key_child") return find_child_field("key_child");
    return nullptr;
}

std::optional<int> parse_small_number(std::string_view raw) {
    std::string_view s = trim(raw);
    for (std::string_view open : {"(", "（"})
        if (starts_with(s, open)) s.remove_prefix(open.size());
    for (std::string_view suffix : {"年级", "班", "年", "岁"})
        if (ends_with(s, suffix)) s.remove_suffix(suffix.size());
    for (std::string_view close : {")", "）"})
        if (ends_with(s, close)) s.remove_suffix(close.size());
    s = trim(s);
    if (s.empty()) return std::nullopt;
    if (s.find_first_not_of("0123456789") == std::string_view::npos) {
        if (s.size() > 4) return std::nullopt;
        return std::stoi(std::string(s));
    }
    // Chinese numerals up to 九十九: 三, 十, 十二, 二十, 二十三. Each numeral is 3 bytes.
    static const std::vector<std::string_view> kDigits = {"零", "一", "二", "三", "四",
                                                          "五", "六", "七", "八", "九"};
    auto digit = [&](std::string_view d) -> int {
        for (size_t i = 0; i < kDigits.size(); ++i)
            if (kDigits[i] == d) return static_cast<int>(i);
        return -1;
    };
    if (s.size() % 3 != 0) return std::nullopt;
    std::vector<std::string_view> parts;
    for (size_t i = 0; i < s.size(); i += 3) parts.push_back(s.substr(i, 3));
    if (parts.size() == 1) {
        if (parts[0] == "十") return 10;
        const int d = digit(parts[0]);
        return d >= 0 ? std::optional<int>(d) : std::nullopt;
    }
    const auto ten = std::find(parts.begin(), parts.end(), std::string_view("十"));
    if (ten == parts.end() || parts.size() > 3) return std::nullopt;
    int tens = 1, ones = 0;
    if (ten != parts.begin()) {
        if (ten - parts.begin() != 1 || (tens = digit(parts[0])) <= 0) return std::nullopt;
    }
    if (ten + 1 != parts.end()) {
        if (parts.end() - ten != 2 || (ones = digit(*(ten + 1))) <= 0) return std::nullopt;
    }
    return tens * 10 + ones;
}

std::optional<std::pair<int, int>> parse_class(std::string_view raw) {
    // Full-width digits and dash, as Chinese input methods type them, read as ASCII.
    std::string s = fold_width(trim(raw));
    for (size_t at; (at = s.find("—")) != std::string::npos;) s.replace(at, 3, "-");
    std::string_view grade, klass;
    const std::string_view t = s;
    size_t at = 0;
    if ((at = t.find('-')) != std::string_view::npos) {
        grade = t.substr(0, at), klass = t.substr(at + 1);
    } else if ((at = t.find("年级")) != std::string_view::npos) {
        grade = t.substr(0, at), klass = t.substr(at + 6);
    } else if ((at = t.find("年")) != std::string_view::npos) {
        grade = t.substr(0, at), klass = t.substr(at + 3);
    } else if ((at = t.find('(')) != std::string_view::npos ||
               (at = t.find("（")) != std::string_view::npos) {
        grade = t.substr(0, at), klass = t.substr(at);
    } else {
        return std::nullopt;
    }
    if (trim(klass).empty()) return std::nullopt;
    const auto g = parse_small_number(grade), k = parse_small_number(klass);
    if (!g || !k || *g < 1 || *g > 6 || *k < 1 || *k > 99) return std::nullopt;
    return std::make_pair(*g, *k);
}

std::optional<bool> parse_yes_no(std::string_view raw) {
    const std::string_view s = trim(raw);
    const std::string f = fold_case(s);
    // 住校/走读: a register's boarding column says which, not 是/否.
    if (s == "住校" || s == "寄宿" || s == "住宿") return true;
    if (s == "走读" || s == "不住校") return false;
    if (s == "是" || f == "yes" || f == "true" || f == "y" || f == "1") return true;
    if (s == "否" || f == "no" || f == "false" || f == "n" || f == "0") return false;
    return std::nullopt;
}

std::string set_child_field(Child& c, const ChildField& field, std::string_view raw,
                            const Date& today) {
    const std::string_view text = trim(raw);
    using K = FieldKind;
    if (text.empty() && field.kind != K::id) {
        clear_child_field(c, field);
        return {};
    }
    switch (field.kind) {
        case K::id: {
            const std::string problem = child_id_error(text);
            if (!problem.empty()) return problem;
            put(c, field.path, std::string(text));
            return {};
        }
        case K::text:
            put(c, field.path, std::string(text));
            return {};
        case K::phone:
        case K::id_number: {
            // An input method in full-width mode types １３８…; the number is the same.
            const std::string folded = fold_width(text);
            const std::string_view number = folded;
            if (looks_scientific(number))
                return N_(
                    "Excel turned this number into scientific notation (1.38E+10); format "
                    "the column as text and export again");
            if (field.kind == K::phone && !number.empty() && !is_phone_number(number))
                return N_("not a mobile (11 digits) or landline number with area code");
            if (field.kind == K::id_number && !number.empty()) {
                Problems problems;
                check_id_number(number, std::nullopt, std::nullopt, problems);
                if (!problems.empty()) return problems.front().message;
            }
            std::string value(number);
            if (field.kind == K::id_number && !value.empty())
                value.back() =
                    static_cast<char>(std::toupper(static_cast<unsigned char>(value.back())));
            put(c, field.path, value);
            return {};
        }
        case K::date: {
            // Excel shows a date cell saved as a number as its serial: 42071 is 2015-03-08.
            const std::string folded = fold_width(trim(text));
            if (folded.size() == 5 && folded.find_first_not_of("0123456789") == std::string::npos &&
                std::stoi(folded) >= 20000 && std::stoi(folded) <= 80000) {
                const Date d = Date{1899, 12, 30}.add_days(std::stoi(folded));
                if (d > today) return fmt::format(N_("{} is in the future"), d.iso());
                put(c, field.path, d);
                return {};
            }
            const DateParse parsed = parse_flexible_date(text);
            if (!parsed.date) return parsed.error;
            if (*parsed.date > today)
                return fmt::format(N_("{} is in the future"), parsed.date->iso());
            put(c, field.path, *parsed.date);
            return {};
        }
        case K::grade:
        case K::class_no:
        case K::age: {
            const auto n = parse_small_number(text);
            const int low = field.kind == K::age ? 0 : 1;
            const int high = field.kind == K::grade ? 6 : field.kind == K::age ? 120 : 99;
            if (!n || *n < low || *n > high)
                return fmt::format(N_("\"{}\" is not a number from {} to {}"), text, low, high);
            put(c, field.path, *n);
            return {};
        }
        case K::gender: {
            const auto g = enum_from_text<Gender>(text);
            if (!g) return fmt::format(N_("\"{}\" is not 男/女 (male/female)"), text);
            put(c, field.path, *g);
            return {};
        }
        case K::left_behind: {
            const auto l = enum_from_text<LeftBehind>(text);
            if (!l)
                return fmt::format(
                    N_("\"{}\" is not 双亲外出, 父亲外出, 母亲外出, 单亲外出 or 否 (非留守) ({})"),
                    text, enum_keys<LeftBehind>());
            put(c, field.path, *l);
            return {};
        }
        case K::entry: {
            const auto e = enum_from_text<Entry>(text);
            if (!e)
                return fmt::format(N_("\"{}\" is not 新生 or 转入 ({})"), text, enum_keys<Entry>());
            put(c, field.path, *e);
            return {};
        }
        case K::boolean: {
            const auto b = parse_yes_no(text);
            if (!b) return fmt::format(N_("\"{}\" is not 是/否 (yes/no)"), text);
            put(c, field.path, *b);
            return {};
        }
        case K::list: {
            std::vector<std::string> items;
            std::string current;
            auto flush = [&] {
                const std::string_view t = trim(current);
                if (!t.empty()) items.push_back(subsidy_key(t));
                current.clear();
            };
            for (size_t i = 0; i < text.size();) {
                bool sep = false;
                for (std::string_view s : {",", ";", "，", "、", "；"}) {
                    if (text.substr(i, s.size()) == s) {
                        flush();
                        i += s.size();
                        sep = true;
                        break;
                    }
                }
                if (!sep) current += text[i++];
            }
            flush();
            put(c, field.path, items);
            return {};
        }
    }
    return N_("unknown field");
}

std::string get_child_field(const Child& c, const ChildField& field) {
    std::string out;
    // Without `create` nothing is changed: the cast only lets one finder serve both.
    schema::at_child_path(const_cast<Child&>(c), field.path, false,
                          [&](const auto& v) { out = field_text(v); });
    return out;
}

namespace {
template <class T>
struct is_optional_enum : std::false_type {};
template <class E>
struct is_optional_enum<std::optional<E>> : std::is_enum<E> {};
}  // namespace

std::string register_text(const Child& c, const ChildField& field, std::string_view lang) {
    if (lang == "en") return get_child_field(c, field);
    std::string out;
    if (field.key == std::string_view("subsidies")) {
        // 两免一补、营养餐 as the school writes it; the import reads the names back to keys.
        for (const auto& key : c.support.subsidies)
            out += (out.empty() ? "" : "、") + subsidy_label(key, "zh");
        return out;
    }
    schema::at_child_path(const_cast<Child&>(c), field.path, false, [&](const auto& v) {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, bool>)
            out = v ? "是" : "否";
        else if constexpr (std::is_same_v<V, std::optional<bool>>)
            out = v ? (*v ? "是" : "否") : "";
        else if constexpr (is_optional_enum<V>::value)
            out = v ? std::string(zh_of(*v)) : "";
        else if constexpr (std::is_enum_v<V>)
            out = std::string(zh_of(v));
        else
            out = field_text(v);
    });
    return out;
}

std::string unset_child_field(Child& c, const ChildField& field) {
    if (field.key == std::string_view("id") || field.key == std::string_view("name"))
        return fmt::format(N_("{} cannot be cleared"), field.key);
    clear_child_field(c, field);  // as an empty value given on purpose does
    return "";
}

std::string next_child_id(int year, const std::set<std::string>& taken) {
    const std::string prefix = std::to_string(year) + "-";
    long highest = 0;
    for (const auto& id : taken) {
        if (!starts_with(id, prefix)) continue;
        const std::string rest = id.substr(prefix.size());
        if (rest.empty() || rest.size() > 9 ||
            rest.find_first_not_of("0123456789") != std::string::npos)
            continue;
        highest = std::max(highest, std::stol(rest));
    }
    std::string id;
    for (long n = highest + 1;; ++n) {
        id = fmt::format("{}{:03}", prefix, n);
        if (!taken.count(id)) return id;
    }
}

}  // namespace liushou
