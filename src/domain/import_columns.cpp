// A register sheet's header mapped to fields: the built-in headers, the user's --map and
// --ignore-column, and the columns liushou list adds besides the fields.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "liushou/i18n.hpp"
#include "liushou/import.hpp"
#include "liushou/text.hpp"

namespace liushou {

ColumnMap map_columns(const std::vector<std::string>& header,
                      const std::map<std::string, std::string>& user_map,
                      const std::set<std::string>& ignored, Problems& out, int header_line) {
    ColumnMap columns(header.size(), nullptr);
    std::map<const ChildField*, size_t> seen;
    for (size_t i = 0; i < header.size(); ++i) {
        const std::string name(trim(header[i]));
        const Problem where{name.empty() ? fmt::format(N_("column {}"), i + 1) : name, "",
                            Severity::error, header_line, static_cast<int>(i + 1)};
        if (ignored.count(name)) continue;
        if (!user_map.count(name) && (name == "序号" || fold_case(name) == "no.")) continue;
        // What liushou list writes besides the register's fields (帮扶教师, 状态, 档案, and 学校
        // in a county) is read-only here: a list written by liushou imports back as it is.
        // 校验 is the row's fingerprint (#39), read by the merge, not a field.
        static const std::set<std::string> kListed = {"帮扶教师", "状态",       "档案",   "学校",
                                                      "校验",     "teacher",    "status", "file",
                                                      "school",   "fingerprint"};
        if (!user_map.count(name) && kListed.count(fold_case(name))) continue;
        const ChildField* field = nullptr;
        const auto mapped = user_map.find(name);
        if (mapped != user_map.end()) {
            field = find_child_field(mapped->second);
            if (!field) {
                Problem p = where;
                p.message = fmt::format(
                    N_("--map sends this column to \"{}\", which is not a field"), mapped->second);
                out.push_back(p);
                continue;
            }
        } else {
            field = find_child_field(name);
        }
        if (!field) {
            if (name.empty()) continue;  // Excel leaves trailing empty header cells
            Problem p = where;
            p.message = N_("unknown column; map it with --map or skip it with --ignore-column");
            out.push_back(p);
            continue;
        }
        const auto [it, fresh] = seen.emplace(field, i);
        if (!fresh) {
            Problem p = where;
            p.message = fmt::format(N_("a second column for {} (the first is column {})"),
                                    field->key, it->second + 1);
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
                              N_("the sheet has neither a 姓名 (name) nor a 学号 (id) column"),
                              Severity::error, header_line, 1});
    return columns;
}

}  // namespace liushou
