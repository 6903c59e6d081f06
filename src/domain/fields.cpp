#include "liushou/fields.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "liushou/text.hpp"

namespace liushou {

const std::vector<ChildField>& child_fields() {
    using K = FieldKind;
    static const std::vector<ChildField> kFields = {
        {"id", "id", {"学号", "编号", "学生编号"}, K::id, "the child's id (file name)"},
        {"name", "name", {"姓名", "学生姓名"}, K::text, "full name"},
        {"gender", "gender", {"性别"}, K::gender, "male | female (男/女)"},
        {"birth_date", "birth_date", {"出生日期", "出生年月日", "生日"}, K::date, "YYYY-MM-DD"},
        {"id_number",
         "id_number",
         {"身份证号", "身份证号码", "身份证"},
         K::id_number,
         "18-character 身份证号"},
        {"ethnicity", "ethnicity", {"民族"}, K::text, "民族, e.g. 汉族"},
        {"grade", "grade", {"年级"}, K::grade, "1-6"},
        {"class", "class", {"班级", "班"}, K::class_no, "class number within the grade"},
        {"enrolled_on", "enrolled_on", {"入学日期", "入学时间"}, K::date, "YYYY-MM-DD"},
        {"left_behind",
         "left_behind",
         {"留守类型", "留守情况"},
         K::left_behind,
         "both_parents | father_away | mother_away (双亲外出/父亲外出/母亲外出)"},
        {"boarding", "boarding", {"是否寄宿", "寄宿"}, K::boolean, "yes | no (是/否)"},
        {"health", "health", {"健康状况", "身体状况"}, K::text, "e.g. 良好"},
        {"home_address", "home_address", {"家庭住址", "家庭地址", "住址"}, K::text, ""},
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
         "where the father works"},
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
         "where the mother works"},
        {"mother_work_phone", "parents.mother.work_phone", {"母亲单位电话"}, K::phone, ""},
        {"guardian_name", "guardian.name", {"监护人姓名", "监护人"}, K::text, ""},
        {"guardian_relation",
         "guardian.relation",
         {"监护人关系", "与监护人关系"},
         K::text,
         "e.g. 爷爷, 外婆, grandmother"},
        {"guardian_phone", "guardian.phone", {"监护人电话", "监护人联系电话"}, K::phone, ""},
        {"guardian_occupation", "guardian.occupation", {"监护人职业"}, K::text, "e.g. 务农"},
        {"guardian_address", "guardian.address", {"监护人住址", "监护人地址"}, K::text, ""},
        {"guardian_health", "guardian.health", {"监护人健康状况", "监护人身体状况"}, K::text, ""},
        {"guardian_age", "guardian.age", {"监护人年龄"}, K::age, ""},
        {"key_child",
         "support.key_child",
         {"重点帮扶对象", "是否重点帮扶"},
         K::boolean,
         "yes | no: a key child to support (重点帮扶对象)"},
        {"subsidies",
         "support.subsidies",
         {"资助", "资助情况"},
         K::list,
         "comma-separated, e.g. 两免一补"},
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

const std::vector<std::pair<std::string_view, std::string_view>> kSubsidyNames = {
    {"两免一补", "two_exemptions_one_subsidy"},
    {"营养餐", "nutrition_meals"},
    {"寄宿生生活补助", "boarding_allowance"},
};

std::string subsidy_key(std::string_view text) {
    for (const auto& [zh, key] : kSubsidyNames)
        if (text == zh) return std::string(key);
    return std::string(text);
}

std::string* text_slot(Child& c, std::string_view key) {
    if (key == "name") return &c.name;
    if (key == "ethnicity") return &c.ethnicity;
    if (key == "health") return &c.health;
    if (key == "home_address") return &c.home_address;
    if (key == "notes") return &c.notes;
    if (key == "id_number") return &c.id_number;
    if (key == "guardian_name") return &c.guardian.name;
    if (key == "guardian_relation") return &c.guardian.relation;
    if (key == "guardian_phone") return &c.guardian.phone;
    if (key == "guardian_occupation") return &c.guardian.occupation;
    if (key == "guardian_address") return &c.guardian.address;
    if (key == "guardian_health") return &c.guardian.health;
    if (key == "individual_plan") return &c.support.individual_plan;
    for (std::string_view rel : {"father", "mother"}) {
        if (!starts_with(key, rel) || key.size() <= rel.size() + 1) continue;
        Parent& p = c.parent_slot(rel);
        const std::string_view rest = key.substr(rel.size() + 1);
        if (rest == "name") return &p.name;
        if (rest == "phone") return &p.phone;
        if (rest == "work_place") return &p.work_place;
        if (rest == "work_phone") return &p.work_phone;
    }
    return nullptr;
}

std::optional<Date>* date_slot(Child& c, std::string_view key) {
    if (key == "birth_date") return &c.birth_date;
    if (key == "enrolled_on") return &c.enrolled_on;
    return nullptr;
}

/// An empty value given on purpose (`--guardian-age ""`) clears the field.
void clear_child_field(Child& c, const ChildField& field) {
    using K = FieldKind;
    switch (field.kind) {
        case K::id:
            return;
        case K::text:
        case K::phone:
        case K::id_number:
            for (std::string_view rel : {"father", "mother"})
                if (starts_with(field.key, rel) && !c.parent(rel)) return;
            *text_slot(c, field.key) = "";
            break;
        case K::date:
            date_slot(c, field.key)->reset();
            break;
        case K::grade:
            c.grade.reset();
            break;
        case K::class_no:
            c.class_no.reset();
            break;
        case K::age:
            c.guardian.age.reset();
            break;
        case K::gender:
            c.gender.reset();
            break;
        case K::left_behind:
            c.left_behind.reset();
            break;
        case K::boolean:
            if (field.key == "boarding")
                c.boarding.reset();
            else
                c.support.key_child = false;
            break;
        case K::list:
            c.support.subsidies.clear();
            break;
    }
    // A parent entry with nothing left in it is dropped rather than written empty.
    c.parents.erase(std::remove_if(c.parents.begin(), c.parents.end(),
                                   [](const Parent& p) {
                                       return p.name.empty() && p.phone.empty() &&
                                              p.work_place.empty() && p.work_phone.empty() &&
                                              p.extras.empty();
                                   }),
                    c.parents.end());
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

std::optional<bool> parse_yes_no(std::string_view raw) {
    const std::string_view s = trim(raw);
    const std::string f = fold_case(s);
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
            c.id = std::string(text);
            return {};
        }
        case K::text:
            *text_slot(c, field.key) = std::string(text);
            return {};
        case K::phone:
        case K::id_number: {
            if (looks_scientific(text))
                return "Excel turned this number into scientific notation (1.38E+10); format "
                       "the column as text and export again";
            if (field.kind == K::phone && !text.empty() && !is_phone_number(text))
                return "not a mobile (11 digits) or landline number with area code";
            if (field.kind == K::id_number && !text.empty()) {
                Problems problems;
                check_id_number(text, std::nullopt, std::nullopt, problems);
                if (!problems.empty()) return problems.front().message;
            }
            std::string value(text);
            if (field.kind == K::id_number && !value.empty())
                value.back() =
                    static_cast<char>(std::toupper(static_cast<unsigned char>(value.back())));
            *text_slot(c, field.key) = value;
            return {};
        }
        case K::date: {
            const DateParse parsed = parse_flexible_date(text);
            if (!parsed.date) return parsed.error;
            if (*parsed.date > today) return fmt::format("{} is in the future", parsed.date->iso());
            *date_slot(c, field.key) = parsed.date;
            return {};
        }
        case K::grade:
        case K::class_no:
        case K::age: {
            const auto n = parse_small_number(text);
            const int low = field.kind == K::age ? 0 : 1;
            const int high = field.kind == K::grade ? 6 : field.kind == K::age ? 120 : 99;
            if (!n || *n < low || *n > high)
                return fmt::format("\"{}\" is not a number from {} to {}", text, low, high);
            if (field.kind == K::grade) c.grade = n;
            if (field.kind == K::class_no) c.class_no = n;
            if (field.kind == K::age) c.guardian.age = n;
            return {};
        }
        case K::gender: {
            const auto g = enum_from_text<Gender>(text);
            if (!g) return fmt::format("\"{}\" is not 男/女 (male/female)", text);
            c.gender = g;
            return {};
        }
        case K::left_behind: {
            const auto l = enum_from_text<LeftBehind>(text);
            if (!l)
                return fmt::format("\"{}\" is not 双亲外出, 父亲外出 or 母亲外出 ({})", text,
                                   enum_keys<LeftBehind>());
            c.left_behind = l;
            return {};
        }
        case K::boolean: {
            const auto b = parse_yes_no(text);
            if (!b) return fmt::format("\"{}\" is not 是/否 (yes/no)", text);
            if (field.key == "boarding") c.boarding = b;
            if (field.key == "key_child") c.support.key_child = *b;
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
            c.support.subsidies = items;
            return {};
        }
    }
    return "unknown field";
}

std::string get_child_field(const Child& c, const ChildField& field) {
    using K = FieldKind;
    Child& mutable_child = const_cast<Child&>(c);
    switch (field.kind) {
        case K::id:
            return c.id;
        case K::text:
        case K::phone:
        case K::id_number: {
            // text_slot may create an empty parent entry; look without creating one.
            for (std::string_view rel : {"father", "mother"}) {
                if (!starts_with(field.key, rel)) continue;
                const Parent* p = c.parent(rel);
                if (!p) return {};
            }
            return *text_slot(mutable_child, field.key);
        }
        case K::date: {
            const auto* d = date_slot(mutable_child, field.key);
            return *d ? (*d)->iso() : std::string();
        }
        case K::grade:
            return c.grade ? std::to_string(*c.grade) : std::string();
        case K::class_no:
            return c.class_no ? std::to_string(*c.class_no) : std::string();
        case K::age:
            return c.guardian.age ? std::to_string(*c.guardian.age) : std::string();
        case K::gender:
            return c.gender ? std::string(key_of(*c.gender)) : std::string();
        case K::left_behind:
            return c.left_behind ? std::string(key_of(*c.left_behind)) : std::string();
        case K::boolean:
            if (field.key == "boarding")
                return c.boarding ? (*c.boarding ? "yes" : "no") : std::string();
            return c.support.key_child ? "yes" : "no";
        case K::list: {
            std::string out;
            for (const auto& s : c.support.subsidies) out += (out.empty() ? "" : ", ") + s;
            return out;
        }
    }
    return {};
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

// ---- batch import ----------------------------------------------------------------------

ColumnMap map_columns(const std::vector<std::string>& header,
                      const std::map<std::string, std::string>& user_map,
                      const std::set<std::string>& ignored, Problems& out) {
    ColumnMap columns(header.size(), nullptr);
    std::map<const ChildField*, size_t> seen;
    for (size_t i = 0; i < header.size(); ++i) {
        const std::string name(trim(header[i]));
        const Problem where{name.empty() ? fmt::format("column {}", i + 1) : name, "",
                            Severity::error, 1, static_cast<int>(i + 1)};
        if (ignored.count(name)) continue;
        const ChildField* field = nullptr;
        const auto mapped = user_map.find(name);
        if (mapped != user_map.end()) {
            field = find_child_field(mapped->second);
            if (!field) {
                Problem p = where;
                p.message = fmt::format("--map sends this column to \"{}\", which is not a field",
                                        mapped->second);
                out.push_back(p);
                continue;
            }
        } else {
            field = find_child_field(name);
        }
        if (!field) {
            if (name.empty()) continue;  // Excel leaves trailing empty header cells
            Problem p = where;
            p.message = "unknown column; map it with --map or skip it with --ignore-column";
            out.push_back(p);
            continue;
        }
        const auto [it, fresh] = seen.emplace(field, i);
        if (!fresh) {
            Problem p = where;
            p.message = fmt::format("a second column for {} (the first is column {})", field->key,
                                    it->second + 1);
            out.push_back(p);
            continue;
        }
        columns[i] = field;
    }
    const bool has_name = std::any_of(columns.begin(), columns.end(),
                                      [](const ChildField* f) { return f && f->key == "name"; });
    const bool has_id = std::any_of(columns.begin(), columns.end(),
                                    [](const ChildField* f) { return f && f->key == "id"; });
    if (!has_name && !has_id)
        out.push_back(Problem{"header",
                              "the sheet has neither a 姓名 (name) nor a 学号 (id) column",
                              Severity::error, 1, 1});
    return columns;
}

ImportPlan plan_import(const Sheet& sheet, const ColumnMap& columns,
                       const std::vector<Child>& existing, bool update, int id_year,
                       const Date& today, bool namesakes) {
    ImportPlan plan;
    std::map<std::string, size_t> by_id;
    std::map<std::pair<std::string, std::string>, std::vector<size_t>> by_person;
    std::set<std::string> taken;
    for (size_t i = 0; i < existing.size(); ++i) {
        by_id[existing[i].id] = i;
        taken.insert(existing[i].id);
        if (existing[i].birth_date)  // NFC: a name typed decomposed is the same name
            by_person[{to_nfc(existing[i].name), existing[i].birth_date->iso()}].push_back(i);
    }
    std::map<std::string, std::string> folded_ids;  // lower-cased id -> id, for case clashes
    for (const auto& c : existing) folded_ids.emplace(fold_case(c.id), c.id);
    std::map<std::string, int> sheet_ids;
    std::map<std::pair<std::string, std::string>, int> sheet_people;
    std::vector<size_t> needs_id;  // indexes into plan.rows

    for (const Sheet::Row& row : sheet.rows) {
        auto problem = [&](size_t col, std::string message) {
            const std::string column = col < sheet.header.size() ? sheet.header[col] : "";
            plan.problems.push_back(Problem{fmt::format("row {}, {}", row.row, column),
                                            std::move(message), Severity::error, row.line,
                                            static_cast<int>(col + 1)});
        };
        const size_t before = plan.problems.size();
        if (row.cells.size() > columns.size()) {
            bool extra = false;
            for (size_t i = columns.size(); i < row.cells.size(); ++i)
                extra = extra || !trim(row.cells[i]).empty();
            if (extra) {
                plan.problems.push_back(Problem{
                    fmt::format("row {}", row.row),
                    fmt::format("{} cells but the header has {}", row.cells.size(), columns.size()),
                    Severity::error, row.line, 1});
                continue;
            }
        }
        // First the values themselves, on a scratch record, to learn id, name and birth date.
        Child incoming;
        std::vector<std::pair<const ChildField*, std::string>> cells;
        size_t id_col = 0;
        for (size_t i = 0; i < columns.size() && i < row.cells.size(); ++i) {
            if (!columns[i] || trim(row.cells[i]).empty()) continue;
            const std::string error = set_child_field(incoming, *columns[i], row.cells[i], today);
            if (!error.empty()) {
                problem(i, error);
                continue;
            }
            if (columns[i]->key == "id") id_col = i;
            cells.emplace_back(columns[i], row.cells[i]);
        }
        if (plan.problems.size() != before) continue;

        // Which existing child, if any, this row is about.
        const Child* match = nullptr;
        if (!incoming.id.empty()) {
            const auto it = by_id.find(incoming.id);
            if (it != by_id.end()) match = &existing[it->second];
            const auto [dup, fresh] = sheet_ids.emplace(incoming.id, row.row);
            if (!fresh) {
                problem(id_col, fmt::format("id {} is also on row {}", incoming.id, dup->second));
                continue;
            }
            const auto person =
                incoming.birth_date
                    ? by_person.find({to_nfc(incoming.name), incoming.birth_date->iso()})
                    : by_person.end();
            const bool told_apart = person != by_person.end() &&
                                    !looks_like_same_child(existing[person->second[0]], incoming);
            if (!match && !namesakes && person != by_person.end() && !told_apart) {
                const Child& same = existing[person->second[0]];
                problem(id_col,
                        fmt::format("{}, born {}, is already children/{}.yaml (id {}), but this "
                                    "row says id {}. If it is the same child, correct the id; "
                                    "if it is another child with the same name and birth date, "
                                    "import with --namesakes",
                                    incoming.name, incoming.birth_date->iso(), same.id, same.id,
                                    incoming.id));
                continue;
            }
        } else if (incoming.birth_date) {
            const auto it = by_person.find({incoming.name, incoming.birth_date->iso()});
            if (it != by_person.end() && it->second.size() > 1) {
                plan.problems.push_back(Problem{
                    fmt::format("row {}", row.row),
                    fmt::format("{} children have this name and birth date ({}, {}); add a 学号 "
                                "column to say which",
                                it->second.size(), existing[it->second[0]].id,
                                existing[it->second[1]].id),
                    Severity::error, row.line, 1});
                continue;
            }
            if (it != by_person.end()) match = &existing[it->second[0]];
        }
        if (!incoming.name.empty() && incoming.birth_date) {
            const auto [dup, fresh] = sheet_people.emplace(
                std::make_pair(incoming.name, incoming.birth_date->iso()), row.row);
            if (!fresh) {
                plan.problems.push_back(Problem{
                    fmt::format("row {}", row.row),
                    fmt::format("the same child (name and birth date) is on row {}", dup->second),
                    Severity::error, row.line, 1});
                continue;
            }
        }

        RowOutcome outcome;
        outcome.row = row.row;
        outcome.child = match ? *match : Child{};
        for (const auto& [field, text] : cells) {
            const std::string old_value = get_child_field(outcome.child, *field);
            set_child_field(outcome.child, *field, text, today);
            if (get_child_field(outcome.child, *field) != old_value)
                outcome.changed.emplace_back(field->key);
        }
        // Checks that need several cells at once.
        Problems cross;
        if (!outcome.child.id_number.empty())
            check_id_number(outcome.child.id_number, outcome.child.birth_date, outcome.child.gender,
                            cross);
        if (outcome.child.enrolled_on && outcome.child.birth_date &&
            *outcome.child.enrolled_on < *outcome.child.birth_date)
            cross.push_back(Problem{"enrolled_on", "the child enrolled before being born"});
        for (const auto& c : cross) {
            const auto col = std::find_if(columns.begin(), columns.end(), [&](const ChildField* f) {
                return f && f->path == c.field;
            });
            problem(static_cast<size_t>(col == columns.end() ? 0 : col - columns.begin()),
                    c.message);
        }
        if (plan.problems.size() != before) continue;

        if (!match) {
            if (outcome.child.name.empty()) {
                plan.problems.push_back(Problem{fmt::format("row {}", row.row),
                                                "a new child needs a name (姓名)", Severity::error,
                                                row.line, 1});
                continue;
            }
            if (!outcome.child.id.empty()) {
                // A new id must be safe to travel: no private number, no Windows device name,
                // and not another child's id in another case (one file on Windows and macOS).
                std::string why = new_id_error(outcome.child.id);
                const auto same_case = folded_ids.find(fold_case(outcome.child.id));
                if (why.empty() && same_case != folded_ids.end())
                    why = fmt::format(
                        "the id differs from {} only in case; on Windows and macOS "
                        "they would be one file",
                        same_case->second);
                if (!why.empty()) {
                    problem(id_col, why);
                    continue;
                }
                folded_ids.emplace(fold_case(outcome.child.id), outcome.child.id);
            }
            outcome.action = RowAction::add;
            outcome.changed.clear();
            if (outcome.child.id.empty())
                needs_id.push_back(plan.rows.size());
            else
                taken.insert(outcome.child.id);
        } else if (outcome.changed.empty()) {
            outcome.action = RowAction::unchanged;
        } else if (!update) {
            std::string fields;
            for (const auto& f : outcome.changed) fields += (fields.empty() ? "" : ", ") + f;
            plan.problems.push_back(
                Problem{fmt::format("row {}", row.row),
                        fmt::format("child {} already exists and this row changes {}; import with "
                                    "--update to change it",
                                    match->id, fields),
                        Severity::error, row.line, 1});
            continue;
        } else {
            outcome.action = RowAction::update;
        }
        plan.rows.push_back(std::move(outcome));
    }
    // New ids last, after every explicit id of the sheet is known.
    for (size_t index : needs_id) {
        const std::string id = next_child_id(id_year, taken);
        taken.insert(id);
        plan.rows[index].child.id = id;
    }
    return plan;
}

}  // namespace liushou
