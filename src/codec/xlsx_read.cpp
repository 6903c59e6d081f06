// Excel workbooks (.xlsx) read: registers and talk sheets, with libzip and expat. The zip
// container, deflate and XML are those libraries' work; this file only knows which parts of a
// workbook hold what (ECMA-376, part 1). What a cell's value means is xlsx_cells.cpp; the
// writer is xlsx_write.cpp.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <sstream>

#include "liushou/codec.hpp"
#include "liushou/date.hpp"
#include "liushou/error.hpp"
#include "liushou/i18n.hpp"
#include "liushou/text.hpp"
#include "liushou/workbook_api.hpp"
#include "xlsx_cells.hpp"

namespace liushou {
namespace {

using namespace xlsx_detail;

// An unpacked part larger than this is refused: a 10,000-row register's sheet is about 5 MB,
// and a zip bomb's parts unpack to gigabytes.
constexpr zip_uint64_t kMaxPartBytes = 256ull << 20;

std::string local_name(const char* name) {
    // With namespace processing expat gives "uri|local"; producers differ in prefixes
    // (x:row) and strict OOXML uses other URIs, so only the local name is compared.
    const char* bar = std::strrchr(name, '|');
    return bar ? bar + 1 : name;
}

const char* attribute(const char** attrs, std::string_view name) {
    for (size_t i = 0; attrs[i]; i += 2)
        if (local_name(attrs[i]) == name) return attrs[i + 1];
    return nullptr;
}

/// The callbacks one part is read with; text arrives in pieces between start and end.
struct XmlHandler {
    std::function<void(const std::string& element, const char** attrs)> start;
    std::function<void(const std::string& element)> end;
    std::function<void(std::string_view text)> text;
};

class Workbook {
  public:
    Workbook(std::string_view bytes, std::string path) : path_(std::move(path)) {
        zip_error_t error;
        wb::zip_error_init(&error);
        zip_source_t* source = wb::zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
        if (source) archive_ = wb::zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
        if (!archive_) {
            if (source) wb::zip_source_free(source);
            const std::string why = wb::zip_error_strerror(&error);
            wb::zip_error_fini(&error);
            throw DataError(
                fmt::format("{}: " N_("not an Excel workbook (.xlsx): {}"), path_, why));
        }
    }
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;
    ~Workbook() { wb::zip_discard(archive_); }

    bool has(const std::string& part) const {
        return wb::zip_name_locate(archive_, part.c_str(), 0) >= 0;
    }

    /// Streams `part` through expat into `handler`.
    void parse(const std::string& part, const XmlHandler& handler) const {
        zip_stat_t st;
        wb::zip_stat_init(&st);
        if (wb::zip_stat(archive_, part.c_str(), 0, &st) != 0)
            throw DataError(fmt::format("{}: " N_("the workbook has no part {}"), path_, part));
        if ((st.valid & ZIP_STAT_SIZE) && st.size > kMaxPartBytes)
            throw DataError(fmt::format("{}: " N_("the part {} unpacks to {} MB, more than a "
                                                  "register can hold; is the file damaged?"),
                                        path_, part, st.size >> 20));
        std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(
            wb::zip_fopen(archive_, part.c_str(), 0), workbook_api().zip_fclose);
        if (!file)
            throw DataError(fmt::format("{}: " N_("cannot unpack {}: {}"), path_, part,
                                        wb::zip_strerror(archive_)));
        std::unique_ptr<XML_ParserStruct, void (*)(XML_Parser)> parser(
            wb::XML_ParserCreateNS("UTF-8", '|'), workbook_api().XML_ParserFree);
        struct State {
            const XmlHandler* handler;
            XML_Parser parser;
            bool doctype = false;
        } state{&handler, parser.get()};
        wb::XML_SetUserData(parser.get(), &state);
        wb::XML_SetElementHandler(
            parser.get(),
            [](void* data, const char* name, const char** attrs) {
                auto* s = static_cast<State*>(data);
                if (s->handler->start) s->handler->start(local_name(name), attrs);
            },
            [](void* data, const char* name) {
                auto* s = static_cast<State*>(data);
                if (s->handler->end) s->handler->end(local_name(name));
            });
        wb::XML_SetCharacterDataHandler(parser.get(), [](void* data, const char* text, int len) {
            auto* s = static_cast<State*>(data);
            if (s->handler->text)
                s->handler->text(std::string_view(text, static_cast<size_t>(len)));
        });
        // No workbook part declares a DTD; one that does is built to expand entities.
        wb::XML_SetStartDoctypeDeclHandler(
            parser.get(), [](void* data, const char*, const char*, const char*, int) {
                auto* s = static_cast<State*>(data);
                s->doctype = true;
                wb::XML_StopParser(s->parser, XML_FALSE);
            });
        char buffer[1 << 16];
        zip_uint64_t total = 0;
        for (;;) {
            const zip_int64_t n = wb::zip_fread(file.get(), buffer, sizeof buffer);
            if (n < 0)
                throw DataError(fmt::format("{}: " N_("cannot unpack {}: {}"), path_, part,
                                            wb::zip_file_strerror(file.get())));
            total += static_cast<zip_uint64_t>(n);
            if (total > kMaxPartBytes)
                throw DataError(fmt::format(
                    "{}: " N_("the part {} unpacks to more than {} MB; is the file damaged?"),
                    path_, part, kMaxPartBytes >> 20));
            if (wb::XML_Parse(parser.get(), buffer, static_cast<int>(n), n == 0) ==
                XML_STATUS_ERROR) {
                if (state.doctype)
                    throw DataError(fmt::format(
                        "{}: " N_("{} declares a document type, which no workbook does; refused"),
                        path_, part));
                throw DataError(
                    fmt::format("{}: " N_("{} is not well-formed XML at line {}: {}"), path_, part,
                                wb::XML_GetCurrentLineNumber(parser.get()),
                                wb::XML_ErrorString(wb::XML_GetErrorCode(parser.get()))));
            }
            if (n == 0) break;
        }
    }

    const std::string& path() const { return path_; }

  private:
    std::string path_;
    zip_t* archive_ = nullptr;
};

/// Where a relationship's target lives: relative to the part's folder unless absolute.
std::string resolve_target(const std::string& folder, const std::string& target) {
    if (!target.empty() && target[0] == '/') return target.substr(1);
    std::vector<std::string> parts;
    std::string joined = folder.empty() ? target : folder + "/" + target;
    std::stringstream in(joined);
    for (std::string piece; std::getline(in, piece, '/');) {
        if (piece == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!piece.empty() && piece != ".") {
            parts.push_back(piece);
        }
    }
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
}

std::string folder_of(const std::string& part) {
    const size_t slash = part.rfind('/');
    return slash == std::string::npos ? "" : part.substr(0, slash);
}

/// The relationships of `part` (its _rels/NAME.rels): id -> (type's last word, target part).
std::map<std::string, std::pair<std::string, std::string>> relationships(const Workbook& book,
                                                                         const std::string& part) {
    const std::string folder = folder_of(part);
    const std::string name = folder.empty() ? part : part.substr(folder.size() + 1);
    const std::string rels = (folder.empty() ? "" : folder + "/") + "_rels/" + name + ".rels";
    std::map<std::string, std::pair<std::string, std::string>> out;
    if (!book.has(rels)) return out;
    XmlHandler h;
    h.start = [&](const std::string& element, const char** attrs) {
        if (element != "Relationship") return;
        const char* id = attribute(attrs, "Id");
        const char* type = attribute(attrs, "Type");
        const char* target = attribute(attrs, "Target");
        const char* mode = attribute(attrs, "TargetMode");
        if (!id || !type || !target || (mode && std::string_view(mode) == "External")) return;
        const std::string t = type;
        out[id] = {t.substr(t.rfind('/') + 1), resolve_target(folder, target)};
    };
    book.parse(rels, h);
    return out;
}

/// A sheet as the workbook lists it.
struct SheetEntry {
    std::string name, rel;
    bool hidden = false;
};

/// The workbook's sheets, in order, and its date system.
struct SheetList {
    std::vector<SheetEntry> sheets;
    bool date1904 = false;
};

SheetList sheet_list(const Workbook& book, const std::string& workbook_part) {
    SheetList out;
    auto& sheets = out.sheets;
    bool& date1904 = out.date1904;
    {
        XmlHandler h;
        h.start = [&](const std::string& element, const char** attrs) {
            if (element == "sheet") {
                const char* name = attribute(attrs, "name");
                const char* rel = attribute(attrs, "id");
                const char* state = attribute(attrs, "state");
                if (name && rel)
                    sheets.push_back({name, rel, state && std::string_view(state) != "visible"});
            } else if (element == "workbookPr") {
                const char* v = attribute(attrs, "date1904");
                date1904 = v && (std::string_view(v) == "1" || std::string_view(v) == "true");
            }
        };
        book.parse(workbook_part, h);
    }
    return out;
}

/// What every sheet's cells refer to: the shared strings, and which cell styles are dates.
struct SharedParts {
    std::vector<std::string> strings;
    std::vector<bool> date_styles;
};

SharedParts shared_parts(const Workbook& book,
                         const std::map<std::string, std::pair<std::string, std::string>>& rels) {
    SharedParts out;
    auto& shared = out.strings;
    auto& date_styles = out.date_styles;
    for (const auto& entry : rels) {
        const auto& r = entry.second;
        if (r.first == "sharedStrings" && book.has(r.second)) {
            // A string is its <t> runs; phonetic guides (<rPh>, furigana) are not its text.
            std::string current;
            bool in_text = false;
            int phonetic = 0;
            XmlHandler h;
            h.start = [&](const std::string& e, const char**) {
                if (e == "si") current.clear();
                if (e == "rPh") ++phonetic;
                if (e == "t") in_text = !phonetic;
            };
            h.end = [&](const std::string& e) {
                if (e == "t") in_text = false;
                if (e == "rPh") --phonetic;
                if (e == "si") shared.push_back(unescape_ooxml(current));
            };
            h.text = [&](std::string_view t) {
                if (in_text) current.append(t);
            };
            book.parse(r.second, h);
        } else if (r.first == "styles" && book.has(r.second)) {
            std::map<int, std::string> codes;
            bool in_cell_formats = false;
            XmlHandler h;
            h.start = [&](const std::string& e, const char** attrs) {
                if (e == "numFmt") {
                    const char* id = attribute(attrs, "numFmtId");
                    const char* code = attribute(attrs, "formatCode");
                    if (id && code) codes[std::atoi(id)] = code;
                } else if (e == "cellXfs") {
                    in_cell_formats = true;
                } else if (e == "xf" && in_cell_formats) {
                    const char* id = attribute(attrs, "numFmtId");
                    const int n = id ? std::atoi(id) : 0;
                    const auto code = codes.find(n);
                    date_styles.push_back(is_date_format(
                        n, code == codes.end() ? std::nullopt
                                               : std::optional<std::string>(code->second)));
                }
            };
            h.end = [&](const std::string& e) {
                if (e == "cellXfs") in_cell_formats = false;
            };
            book.parse(r.second, h);
        }
    }

    return out;
}

/// A row of cells as read, by its row number.
struct RawRow {
    int row;
    std::vector<std::string> cells;
};

/// The rows as a CSV sheet is read: the first row with two or more cells is the header (a
/// title row above it, merged across the columns, has one), blank rows are left out, and a cell
/// may hold no character that could not have been typed: such a cell stops the reading
/// (`refused`), its problem in `out`.
Sheet sheet_of_rows(std::vector<RawRow>& raw, Problems& out, bool& refused) {
    Sheet sheet;
    size_t candidate = 0;  // the header's cells while the next row may show it a group row
    for (auto& r : raw) {
        size_t filled = 0;
        for (auto& c : r.cells) {
            // Alt+Enter in a cell is a line feed; a Windows line end becomes one.
            for (size_t p; (p = c.find("\r\n")) != std::string::npos;) c.erase(p, 1);
            std::string bad = forbidden_character(c);
            const auto control = std::find_if(c.begin(), c.end(), [](char ch) {
                const auto u = static_cast<unsigned char>(ch);
                return (u < 0x20 && u != '\t' && u != '\n') || u == 0x7f;
            });
            if (bad.empty() && control != c.end())
                bad = fmt::format("U+{:04X}", static_cast<unsigned char>(*control));
            if (!bad.empty()) {
                const int at = static_cast<int>(&c - r.cells.data()) + 1;
                out.push_back(Problem{fmt::format(N_("column {}"), at),
                                      fmt::format(N_("the cell holds the invisible character {}, "
                                                     "which can make text display as something "
                                                     "else; remove it"),
                                                  bad),
                                      Severity::error, r.row, at});
                refused = true;
                return sheet;
            }
            filled += !trim(c).empty();
        }
        // As the CSV reader: the first row of two or more cells, unless the next row has
        // twice its cells (a group row above the field names; is_group_row).
        if (sheet.header.empty() || (candidate && filled && is_group_row(candidate, filled))) {
            if (filled >= 2) {
                sheet.header = std::move(r.cells);
                sheet.header_line = r.row;
                candidate = filled;
            }
        } else if (filled) {
            candidate = 0;
            sheet.rows.push_back(Sheet::Row{r.row, r.row, std::move(r.cells)});
        }
    }
    return sheet;
}

/// The sheet to read: the one named, else the first visible one.
const SheetEntry& choose_sheet(const std::vector<SheetEntry>& sheets, const std::string& sheet_name,
                               const std::string& path) {
    const SheetEntry* chosen = nullptr;
    for (const auto& s : sheets)
        if (sheet_name.empty() ? !s.hidden : s.name == sheet_name) {
            chosen = &s;
            break;
        }
    if (!chosen) {
        std::string names;
        for (const auto& s : sheets) names += (names.empty() ? "" : ", ") + s.name;
        throw DataError(sheet_name.empty()
                            ? fmt::format("{}: " N_("the workbook has no visible sheet"), path)
                            : fmt::format("{}: " N_("no sheet named {}; the workbook has: {}"),
                                          path, sheet_name, names));
    }
    return *chosen;
}

/// A cell's problem found while reading names its column as the import's problems do; a
/// first sheet with no header (often a 填表说明) says where the register may be.
void name_columns(const Sheet& sheet, Problems& out, const std::vector<SheetEntry>& sheets,
                  const SheetEntry& chosen, const std::string& sheet_name) {
    for (Problem& p : out)
        if (p.col >= 1 && static_cast<size_t>(p.col) <= sheet.header.size() &&
            p.line > sheet.header_line && p.field.rfind("column ", 0) == 0)
            p.field =
                fmt::format(N_("row {}, {}"), p.line, sheet.header[static_cast<size_t>(p.col) - 1]);
    if (sheet.header.empty() && sheet_name.empty() && sheets.size() > 1) {
        // The first sheet is often a 填表说明; say where the register may be.
        std::string others;
        for (const auto& s : sheets)
            if (&s != &chosen) others += (others.empty() ? "" : ", ") + s.name;
        out.push_back(
            Problem{"",
                    fmt::format(N_("the first sheet, {}, has no header row; the "
                                   "workbook also has {}: name the register's with --sheet"),
                                chosen.name, others),
                    Severity::error, 1, 1});
    }
}

}  // namespace

Sheet read_xlsx(std::string_view bytes, const std::string& path, const std::string& sheet_name,
                Problems& out, size_t max_rows) {
    const Workbook book(bytes, path);

    std::string workbook_part = "xl/workbook.xml";
    for (const auto& [id, rel] : relationships(book, ""))
        if (rel.first == "officeDocument") workbook_part = rel.second;
    if (!book.has(workbook_part))
        throw DataError(fmt::format("{}: " N_("a zip file, but not an Excel workbook (no {})"),
                                    path, workbook_part));

    const SheetList listed = sheet_list(book, workbook_part);
    const std::vector<SheetEntry>& sheets = listed.sheets;
    const bool date1904 = listed.date1904;
    const auto rels = relationships(book, workbook_part);
    const SheetEntry* chosen = &choose_sheet(sheets, sheet_name, path);
    const auto rel = rels.find(chosen->rel);
    if (rel == rels.end() || !book.has(rel->second.second))
        throw DataError(
            fmt::format("{}: " N_("the sheet {} is not in the workbook"), path, chosen->name));

    const SharedParts parts = shared_parts(book, rels);
    const std::vector<std::string>& shared = parts.strings;
    const std::vector<bool>& date_styles = parts.date_styles;
    // The cells, row by row; a row or cell without its reference follows the one before.
    std::vector<RawRow> raw;
    RawRow current{0, {}};
    int col = -1;
    std::string type, value, inline_text;
    int style = 0;
    bool in_value = false, in_inline = false, in_row = false, has_value = false;
    int phonetic = 0;
    std::string bad_index;  // the first cell whose shared string is not in the table
    int over_limit = 0;     // the first row past max_rows
    XmlHandler h;
    h.start = [&](const std::string& e, const char** attrs) {
        if (e == "row") {
            const char* r = attribute(attrs, "r");
            const int n = r ? std::atoi(r) : 0;
            current = RawRow{n > 0 ? n : (raw.empty() ? 1 : raw.back().row + 1), {}};
            in_row = true;
            col = -1;
        } else if (e == "c" && in_row) {
            const char* r = attribute(attrs, "r");
            const int c = r ? column_of(r) : -1;
            col = c >= 0 ? c : col + 1;
            const char* t = attribute(attrs, "t");
            type = t ? t : "n";
            const char* s = attribute(attrs, "s");
            style = s ? std::atoi(s) : 0;
            value.clear();
            inline_text.clear();
            has_value = false;
        } else if (e == "v") {
            in_value = has_value = true;
        } else if (e == "rPh") {
            ++phonetic;
        } else if (e == "t" && type == "inlineStr") {
            in_inline = !phonetic;
        }
    };
    h.end = [&](const std::string& e) {
        if (e == "v") {
            in_value = false;
        } else if (e == "t") {
            in_inline = false;
        } else if (e == "rPh") {
            --phonetic;
        } else if (e == "c" && in_row && col >= 0 && col < 16384) {
            CellText cell;
            if (type == "s") {
                // An index that is not in the table is a damaged file, never an empty cell: a
                // register read without its names or phones would import as if they were blank.
                const std::string index(trim(value));
                const bool number =
                    !index.empty() && index.find_first_not_of("0123456789") == std::string::npos;
                // More than nine digits is past any table a part of 256 MB can hold.
                const size_t i = number && index.size() <= 9 ? std::stoul(index) : SIZE_MAX;
                if (i < shared.size())
                    cell.text = shared[i];
                else if (has_value && bad_index.empty())  // no <v> at all is an empty cell
                    bad_index = fmt::format(
                        "{}: " N_("sheet {}, cell {}: {}; is the file damaged?"), path,
                        chosen->name, column_name(col) + std::to_string(current.row),
                        !number
                            ? std::string(N_("the cell is a shared string, but its index is not "
                                             "a number from 0"))
                        : i != SIZE_MAX
                            ? fmt::format(N_("the cell is shared string {}, but the workbook has "
                                             "{} shared strings (from 0)"),
                                          index, shared.size())
                            : fmt::format(
                                  N_("the cell's shared-string index has {} digits, but the "
                                     "workbook has {} shared strings (from 0)"),
                                  index.size(), shared.size()));
            } else if (type == "inlineStr") {
                cell.text = unescape_ooxml(inline_text);
            } else if (type == "str" || type == "e") {
                cell.text = unescape_ooxml(value);
            } else if (type == "b") {
                cell.text = value == "1" ? "TRUE" : "FALSE";
            } else if (type == "d") {
                cell.text = value.substr(0, value.find('T'));
            } else {
                const bool date = style >= 0 && static_cast<size_t>(style) < date_styles.size() &&
                                  date_styles[static_cast<size_t>(style)];
                cell = number_text(value, date, date1904);
            }
            if (cell.lost_digits)
                out.push_back(Problem{
                    fmt::format(N_("column {}"), col + 1),
                    N_("the cell is a number of more than 15 digits, and Excel keeps only 15 "
                       "digits "
                       "of a number, so its last ones are lost; format the column as text and type "
                       "the numbers again"),
                    Severity::error, current.row, col + 1});
            if (!cell.text.empty()) {
                if (current.cells.size() <= static_cast<size_t>(col))
                    current.cells.resize(static_cast<size_t>(col) + 1);
                current.cells[static_cast<size_t>(col)] = std::move(cell.text);
            }
        } else if (e == "row") {
            in_row = false;
            // Past the limit the rest is read but not kept: memory stays bounded, and the
            // error names the first row over it.
            if (max_rows && raw.size() >= max_rows + 1) {  // + 1: the header
                if (over_limit == 0) over_limit = current.row;
            } else {
                raw.push_back(std::move(current));
            }
            current = RawRow{0, {}};
        }
    };
    h.text = [&](std::string_view t) {
        if (in_value) value.append(t);
        if (in_inline) inline_text.append(t);
    };
    book.parse(rel->second.second, h);
    // Thrown here, not in the handler: an exception must not unwind through expat's C frames.
    if (!bad_index.empty()) throw DataError(bad_index);
    if (over_limit) {
        out.push_back(too_many_rows(max_rows, over_limit));
        return Sheet{};
    }

    bool refused = false;
    Sheet sheet = sheet_of_rows(raw, out, refused);
    if (refused) return sheet;
    name_columns(sheet, out, sheets, *chosen, sheet_name);
    return sheet;
}

}  // namespace liushou
