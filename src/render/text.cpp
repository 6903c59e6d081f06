#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

#include "liushou/render.hpp"

namespace liushou {

std::string render_table(const std::vector<std::string>& header,
                         const std::vector<std::vector<std::string>>& rows) {
    std::vector<int> widths(header.size(), 0);
    for (size_t c = 0; c < header.size(); ++c) widths[c] = display_width(header[c]);
    for (const auto& row : rows)
        for (size_t c = 0; c < row.size() && c < widths.size(); ++c)
            widths[c] = std::max(widths[c], display_width(row[c]));
    std::string out;
    auto line = [&](const std::vector<std::string>& cells) {
        std::string l;
        for (size_t c = 0; c < widths.size(); ++c) {
            const std::string cell = c < cells.size() ? cells[c] : "";
            l += cell;
            if (c + 1 < widths.size())
                l.append(static_cast<size_t>(widths[c] - display_width(cell) + 2), ' ');
        }
        while (!l.empty() && l.back() == ' ') l.pop_back();
        out += l + "\n";
    };
    line(header);
    for (const auto& row : rows) line(row);
    return out;
}

std::string csv_guarded(std::string_view cell) {
    // The characters a spreadsheet starts a formula with, and the guard itself.
    if (!cell.empty() && std::string_view("=+-@\t\r'").find(cell[0]) != std::string_view::npos)
        return "'" + std::string(cell);
    return std::string(cell);
}

std::string csv_line(const std::vector<std::string>& cells) {
    std::string out;
    for (size_t i = 0; i < cells.size(); ++i) {
        if (i) out += ',';
        // A cell that starts like a formula (= + - @, or a tab or CR before one) would be run
        // by Excel or WPS when a teacher opens the file: a leading ' makes it text (OWASP's
        // advice for CSV injection). A value that itself starts with ' gets a second one, so
        // that the reader (parse_csv) takes exactly one ' off either and every value comes
        // back as it was (liushou-records(5), "Sheets"). JSON output stays exact.
        const std::string c = csv_guarded(cells[i]);
        if (c.find_first_of(",\"\n\r") == std::string::npos) {
            out += c;
            continue;
        }
        out += '"';
        for (char ch : c) {
            if (ch == '"') out += '"';
            out += ch;
        }
        out += '"';
    }
    return out + "\n";
}

std::string json_string(std::string_view s) {
    if (s.empty()) return "null";  // liushou-json(5): a missing value is null, never ""
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (c < 0x20)
                    out += fmt::format("\\u{:04x}", c);
                else
                    out += static_cast<char>(c);
        }
    }
    return out + "\"";
}

std::string json_strings(const std::vector<std::string>& items) {
    std::string out = "[";
    for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + json_string(items[i]);
    return out + "]";
}

std::string json_list_document(std::string_view key, const std::vector<std::string>& items,
                               const std::vector<std::pair<std::string, std::string>>& head) {
    std::string out = fmt::format("{{\n  \"liushou_json\": {},\n", kJsonVersion);
    for (const auto& [k, v] : head) out += fmt::format("  {}: {},\n", json_string(k), v);
    out += fmt::format("  {}: [", json_string(key));
    for (size_t i = 0; i < items.size(); ++i) out += (i ? ",\n    " : "\n    ") + items[i];
    return out + (items.empty() ? "]\n}\n" : "\n  ]\n}\n");
}

std::string json_object(const std::vector<std::pair<std::string, std::string>>& fields) {
    std::string out = "{";
    for (size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ", ";
        out += json_string(fields[i].first) + ": " + fields[i].second;
    }
    return out + "}";
}

std::string label(std::string_view key, std::string_view lang) {
    static const std::map<std::string_view, std::pair<std::string_view, std::string_view>> kLabels =
        {
            {"id", {"学号", "ID"}},
            {"staff_id", {"编号", "ID"}},
            {"name", {"姓名", "Name"}},
            {"gender", {"性别", "Gender"}},
            {"grade", {"年级", "Grade"}},
            {"class", {"班级", "Class"}},
            {"left_behind", {"留守类型", "Left behind"}},
            {"status", {"状态", "Status"}},
            {"teacher", {"帮扶教师", "Teacher"}},
            {"file", {"档案", "File"}},
            {"complete", {"完整", "complete"}},
            {"missing", {"缺{}项", "{} missing"}},
            {"role", {"职务", "Role"}},
            {"phone", {"电话", "Phone"}},
            {"children", {"帮扶人数", "Children"}},
            {"male", {"男", "male"}},
            {"female", {"女", "female"}},
        };
    const auto it = kLabels.find(key);
    if (it == kLabels.end()) return std::string(key);
    return std::string(lang == "en" ? it->second.second : it->second.first);
}

namespace {

std::string fold_ascii(std::string_view s) {
    std::string out(s);
    for (char& ch : out)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return out;
}

}  // namespace

std::string md_escape(std::string_view text) {
    // Most names and ids need nothing: one scan, one copy.
    static const auto special = [] {
        std::array<bool, 256> t{};
        for (unsigned char c : std::string_view("\\`*_[]<>|~#!@:.\n\r\t")) t[c] = true;
        return t;
    }();
    if (std::none_of(text.begin(), text.end(),
                     [](char c) { return special[static_cast<unsigned char>(c)]; }) &&
        (text.empty() || (text[0] != '-' && text[0] != '+' && text[0] != '=')))
        return std::string(text);
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        // A bare URL, www. address or e-mail address becomes a link in GitHub's Markdown (and
        // cmark-gfm's autolink extension): escaping its ':' or '.' splits it, so a note stays
        // text that nobody can click.
        const bool url_colon = c == ':' && text.substr(i + 1, 2) == "//";
        const bool www_dot = c == '.' && i >= 3 && fold_ascii(text.substr(i - 3, 3)) == "www";
        if (url_colon || www_dot) {
            out += '\\';
            out += c;
            continue;
        }
        if (c == '@') {  // no escape stops an e-mail autolink: a full-width ＠ reads the same
            out += "\xef\xbc\xa0";
            continue;
        }
        switch (c) {
            case '\\':
            case '`':
            case '*':
            case '_':
            case '[':
            case ']':
            case '<':
            case '>':
            case '|':
            case '~':
            case '#':
            case '!':
                out += '\\';
                out += c;
                break;
            case '\n':
            case '\r':
            case '\t':
                out += ' ';
                break;
            default:
                out += c;
        }
    }
    // A line that starts with a list or heading marker would change the structure.
    if (!out.empty() && (out[0] == '-' || out[0] == '+' || out[0] == '=')) out.insert(0, "\\");
    return out;
}

std::string class_label(const std::optional<int>& grade, const std::optional<int>& class_no,
                        std::string_view lang) {
    static const char* kGrades[] = {"", "一", "二", "三", "四", "五", "六"};
    if (lang == "en") {
        if (grade && class_no) return fmt::format("{}-{}", *grade, *class_no);
        if (grade) return fmt::format("grade {}", *grade);
        return "";
    }
    std::string out;
    if (grade)
        out += *grade >= 1 && *grade <= 6 ? fmt::format("{}年级", kGrades[*grade])
                                          : fmt::format("{}年级", *grade);
    if (class_no) out += fmt::format("{}班", *class_no);
    return out;
}

}  // namespace liushou
