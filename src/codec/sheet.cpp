// Sheets from Excel: encoding detection (glibc iconv) and an RFC 4180 CSV reader.
#include <fmt/format.h>
#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <memory>

#include "liushou/codec.hpp"
#include "liushou/error.hpp"
#include "liushou/i18n.hpp"
#include "liushou/text.hpp"

namespace liushou {

size_t invalid_utf8_at(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
        // Every file read and every value passes here: ASCII eight bytes at a time.
        for (uint64_t eight = 0; i + 8 <= s.size(); i += 8) {
            std::memcpy(&eight, s.data() + i, 8);
            if (eight & 0x8080808080808080ULL) break;
        }
        if (i >= s.size()) break;
        const unsigned char c = static_cast<unsigned char>(s[i]);
        // Most Chinese characters: a lead byte that allows no over-long form or surrogate,
        // so two continuation bytes are all there is to check.
        if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {
            if (i + 2 >= s.size() || (static_cast<unsigned char>(s[i + 1]) & 0xc0) != 0x80 ||
                (static_cast<unsigned char>(s[i + 2]) & 0xc0) != 0x80)
                return i;
            i += 3;
            continue;
        }
        size_t n = 0;
        unsigned min = 0;
        unsigned cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xe0) == 0xc0) {
            n = 1, min = 0x80, cp = c & 0x1f;
        } else if ((c & 0xf0) == 0xe0) {
            n = 2, min = 0x800, cp = c & 0x0f;
        } else if ((c & 0xf8) == 0xf0) {
            n = 3, min = 0x10000, cp = c & 0x07;
        } else {
            return i;
        }
        for (size_t k = 1; k <= n; ++k) {
            if (i + k >= s.size()) return i;
            const unsigned char cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xc0) != 0x80) return i;
            cp = (cp << 6) | (cc & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
        i += n + 1;
    }
    return std::string_view::npos;
}

namespace {

struct IconvCloser {
    void operator()(void* cd) const { iconv_close(static_cast<iconv_t>(cd)); }
};

/// Converts with iconv; returns false and the offset of the first bad input byte on failure.
bool convert(std::string_view in, const char* to, const char* from, std::string& out,
             size_t& bad_at) {
    iconv_t raw = iconv_open(to, from);
    if (raw == reinterpret_cast<iconv_t>(-1))
        throw IoError(fmt::format(N_("this system's iconv cannot convert {} to {}"), from, to));
    std::unique_ptr<void, IconvCloser> cd(raw);
    out.clear();
    std::string input(in);
    char* src = input.data();
    size_t src_left = input.size();
    char buffer[16384];
    while (src_left > 0) {
        char* dst = buffer;
        size_t dst_left = sizeof buffer;
        const size_t rc = iconv(raw, &src, &src_left, &dst, &dst_left);
        out.append(buffer, sizeof buffer - dst_left);
        if (rc == static_cast<size_t>(-1) && errno != E2BIG) {
            bad_at = static_cast<size_t>(src - input.data());
            return false;
        }
    }
    char* dst = buffer;
    size_t dst_left = sizeof buffer;
    iconv(raw, nullptr, nullptr, &dst, &dst_left);
    out.append(buffer, sizeof buffer - dst_left);
    return true;
}

int line_of(std::string_view bytes, size_t offset) {
    int line = 1;
    for (size_t i = 0; i < offset && i < bytes.size(); ++i) line += bytes[i] == '\n';
    return line;
}

}  // namespace

static std::string sheet_to_utf8_raw(std::string&& bytes, Encoding encoding,
                                     const std::string& path, std::string* detected) {
    auto note = [&](const char* name) {
        if (detected) *detected = name;
    };
    const bool bom8 = bytes.substr(0, 3) == "\xef\xbb\xbf";
    const bool bom16le = bytes.substr(0, 2) == "\xff\xfe";
    const bool bom16be = bytes.substr(0, 2) == "\xfe\xff";
    if (encoding != Encoding::gb18030 && (bom16le || bom16be)) {
        std::string out;
        size_t bad = 0;
        if (!convert(bytes.substr(2), "UTF-8", bom16le ? "UTF-16LE" : "UTF-16BE", out, bad))
            throw DataError(N_("the sheet has a UTF-16 mark but is not valid UTF-16"), path, 1, 1);
        note("utf-16");
        return out;
    }
    if (encoding != Encoding::gb18030) {
        const std::string_view body = bom8 ? std::string_view(bytes).substr(3) : bytes;
        const size_t bad = invalid_utf8_at(body);
        if (bad == std::string_view::npos) {
            note(bom8 ? "utf-8 (BOM)" : "utf-8");
            if (bom8) bytes.erase(0, 3);
            return std::move(bytes);  // a county's sheet is not copied
        }
        if (encoding == Encoding::utf8 || bom8)
            throw DataError(
                N_("the sheet is not valid UTF-8 here; if Excel saved it, try --encoding gb18030"),
                path, line_of(body, bad), 1);
    }
    std::string out;
    size_t bad = 0;
    if (!convert(bytes, "UTF-8", "GB18030", out, bad))
        throw DataError(
            encoding == Encoding::gb18030
                ? N_("the sheet is not valid GB18030 here")
                : N_("the sheet is neither UTF-8 nor GB18030 here; save it as CSV UTF-8"),
            path, line_of(bytes, bad), 1);
    note("gb18030");
    return out;
}

std::string sheet_to_utf8(std::string bytes, Encoding encoding, const std::string& path,
                          std::string* detected) {
    // One spelling per name: a register typed on a Mac (decomposed) and one typed on Windows
    // (precomposed) must match the same child.
    std::string utf8 = sheet_to_utf8_raw(std::move(bytes), encoding, path, detected);
    if (is_nfc_inert(utf8)) return utf8;
    return to_nfc(utf8);
}

std::string encode_csv(std::string_view utf8, CsvEncoding encoding) {
    switch (encoding) {
        case CsvEncoding::utf8_bom:
            return "\xef\xbb\xbf" + std::string(utf8);
        case CsvEncoding::gb18030:
            return utf8_to_gb18030(utf8);
        default:
            return std::string(utf8);
    }
}

std::optional<std::string> charset_to_utf8(std::string_view bytes, const char* charset) {
    std::string out;
    size_t bad = 0;
    try {
        if (!convert(bytes, "UTF-8", charset, out, bad)) return std::nullopt;
    } catch (const IoError&) {
        return std::nullopt;  // a charset this iconv does not know
    }
    return out;
}

std::string utf8_to_gb18030(std::string_view utf8) {
    std::string out;
    size_t bad = 0;
    if (!convert(utf8, "GB18030", "UTF-8", out, bad))
        throw DataError(fmt::format(N_("cannot convert to GB18030 at byte {}"), bad));
    return out;
}

namespace {

/// The checks of a whole CSV text before its cells are read: no control character (a NUL
/// means a binary file renamed or damaged, any other would be written into a record that
/// check then refuses), no C1 control or character that reorders text (a name that displays
/// as another). False with the problem in `out`.
bool csv_text_clean(std::string_view text, Problems& out) {
    const auto control = std::find_if(text.begin(), text.end(), [](char ch) {
        const auto c = static_cast<unsigned char>(ch);
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
    });
    int line_no = 1;
    for (size_t pos = 0; control == text.end() && pos < text.size(); ++line_no) {
        const size_t end = std::min(text.find('\n', pos), text.size());
        std::string_view one = text.substr(pos, end - pos);
        while (!one.empty() && one.back() == '\r') one.remove_suffix(1);
        const std::string bad = forbidden_character(one);
        if (!bad.empty() && bad != "U+000D") {
            out.push_back(Problem{"",
                                  fmt::format(N_("the sheet holds the invisible character {} "
                                                 "here, which can make text display as "
                                                 "something else; remove it"),
                                              bad),
                                  Severity::error, line_no, 1});
            return false;
        }
        pos = end + 1;
    }
    if (control != text.end()) {
        const auto c = static_cast<unsigned char>(*control);
        out.push_back(Problem{
            "",
            c == 0 ? N_("the sheet holds a NUL byte here; is it really a CSV file?")
                   : fmt::format("the sheet holds a control character (U+{:04X}) "
                                 "here; remove it",
                                 c),
            Severity::error, 1 + static_cast<int>(std::count(text.begin(), control, '\n')), 1});
        return false;
    }
    return true;
}

/// The delimiter is whatever the header line uses most: Excel writes ',' or, in some locales,
/// ';'; "Unicode text" exports use tabs.
char csv_delimiter(std::string_view text) {
    const std::string_view first_line = text.substr(0, text.find('\n'));
    char delim = ',';
    size_t best = 0;
    for (char d : {',', '\t', ';'}) {
        const size_t n = static_cast<size_t>(std::count(first_line.begin(), first_line.end(), d));
        if (n > best) best = n, delim = d;
    }
    return delim;
}

/// One record from `pos` (which it moves past the record's line end) into `cells`, whose
/// strings are reused; `line` counts the lines it spans. False, with the problem in `out`, at
/// a lone carriage return in a quoted cell or a quote never closed.
bool csv_record(std::string_view text, size_t& pos, char delim, int& line, int row,
                std::vector<std::string>& cells, Problems& out) {
    size_t used = 0;
    auto next_cell = [&]() -> std::string& {
        if (used == cells.size()) cells.emplace_back();
        cells[used].clear();
        return cells[used++];
    };
    std::string* cell = &next_cell();
    bool quoted = false, was_quoted = false;
    int quote_line = line;
    size_t i = pos;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    *cell += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else if (c == '\r' && !(i + 1 < text.size() && text[i + 1] == '\n')) {
                out.push_back(Problem{fmt::format(N_("row {}"), row),
                                      N_("a cell holds a carriage return (U+000D) that is not part "
                                         "of a line end; remove it"),
                                      Severity::error, line, 1});
                return false;
            } else {
                if (c == '\n') ++line;
                if (c != '\r') *cell += c;
            }
            continue;
        }
        if (c == '"' && cell->empty() && !was_quoted) {
            quoted = was_quoted = true;
            quote_line = line;
        } else if (c == delim) {
            cell = &next_cell();
            was_quoted = false;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            ++line;
            ++i;
            break;
        } else {
            // A run of plain bytes at once: most of a sheet is text between delimiters.
            size_t end = i + 1;
            while (end < text.size() && text[end] != delim && text[end] != '\n' &&
                   text[end] != '\r' && text[end] != '"')
                ++end;
            cell->append(text.data() + i, end - i);
            i = end - 1;
        }
    }
    if (quoted) {
        out.push_back(Problem{fmt::format(N_("row {}"), row),
                              N_("a quoted cell is never closed (a \" is missing)"),
                              Severity::error, quote_line, 1});
        return false;
    }
    pos = i;
    cells.resize(used);
    // liushou's CSV writer (csv_guarded) puts a ' before a value that a spreadsheet would run
    // as a formula (= + - @, a tab or CR) or that starts with ' itself; that one ' comes off
    // here, so what was exported imports back as it was. A ' before anything else is the
    // value's own (a hand-typed '0724 stays '0724).
    for (size_t k = 0; k < used; ++k) {
        std::string& c = cells[k];
        if (c.size() >= 2 && c[0] == '\'' &&
            std::string_view("=+-@\t\r'").find(c[1]) != std::string_view::npos)
            c.erase(0, 1);
    }
    return true;
}

}  // namespace

Problem too_many_rows(size_t max_rows, int line) {
    return Problem{"",
                   fmt::format(N_("the sheet has more than {} rows, more than a register holds; "
                                  "split it (by grade, say) and import each part"),
                               max_rows),
                   Severity::error, line, 1};
}

namespace {

size_t filled_cells(const std::vector<std::string>& cells) {
    return static_cast<size_t>(std::count_if(
        cells.begin(), cells.end(), [](const std::string& c) { return !trim(c).empty(); }));
}

bool blank_record(const std::vector<std::string>& cells) {
    return std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return c.empty(); });
}

/// Where each data row of a CSV text starts, found in one pass; `keep` gets each data row's
/// cells when given (parse_csv), else they are dropped (index_csv parses them again).
struct CsvScan {
    std::vector<std::string> header;
    int header_line = 1;
    char delim = ',';
    struct Start {
        size_t offset;
        int row, line;
    };
    std::vector<Start> rows;
};

CsvScan scan_csv(std::string_view text, Problems& out, Sheet* keep, size_t max_rows = 0) {
    CsvScan scan;
    if (!csv_text_clean(text, out)) return scan;
    scan.delim = csv_delimiter(text);
    std::vector<std::string> cells;
    int line = 1;
    // The header is the first row of two or more cells (a title line above it, 学校留守儿童
    // 花名册, has one), unless the row after it has at least twice its cells: then it is a
    // group row (学生基本信息, 父亲, 母亲, 监护人情况, each merged over its fields) and the field
    // names below it are the header (is_group_row, shared with the xlsx reader).
    bool candidate = false;  // the header found may still be a group row
    size_t candidate_filled = 0;
    for (size_t pos = 0, row = 1; pos < text.size(); ++row) {
        const size_t start = pos;
        const int start_line = line;
        if (!csv_record(text, pos, scan.delim, line, static_cast<int>(row), cells, out)) break;
        if (scan.header.empty() || candidate) {
            const size_t filled = filled_cells(cells);
            if (filled == 0) continue;
            if (!candidate || is_group_row(candidate_filled, filled)) {
                if (filled < 2) continue;
                scan.header = cells;
                scan.header_line = start_line;
                candidate = true;
                candidate_filled = filled;
                continue;
            }
            candidate = false;  // the header stands, and this is its first row
        }
        if (!blank_record(cells)) {
            if (max_rows && scan.rows.size() == max_rows) {
                out.push_back(too_many_rows(max_rows, start_line));
                break;
            }
            scan.rows.push_back(CsvScan::Start{start, static_cast<int>(row), start_line});
            if (keep) keep->rows.push_back(Sheet::Row{static_cast<int>(row), start_line, cells});
        }
    }
    if (scan.header.empty() && out.empty())
        out.push_back(
            Problem{"header",
                    N_("no header row: the sheet is empty or has no row with two or more headers"),
                    Severity::error, 1, 1});
    return scan;
}

class CsvRows : public SheetRows {
  public:
    CsvRows(std::string text, CsvScan scan) : text_(std::move(text)), scan_(std::move(scan)) {}
    const std::vector<std::string>& header() const override { return scan_.header; }
    int header_line() const override { return scan_.header_line; }
    size_t size() const override { return scan_.rows.size(); }
    void row(size_t i, Sheet::Row& out) const override {
        const CsvScan::Start& start = scan_.rows[i];
        size_t pos = start.offset;
        int line = start.line;
        Problems none;  // the scan found every problem already
        csv_record(text_, pos, scan_.delim, line, start.row, out.cells, none);
        out.row = start.row;
        out.line = start.line;
    }

  private:
    std::string text_;
    CsvScan scan_;
};

}  // namespace

Sheet parse_csv(std::string_view text, Problems& out, size_t max_rows) {
    Sheet sheet;
    CsvScan scan = scan_csv(text, out, &sheet, max_rows);
    sheet.header = std::move(scan.header);
    sheet.header_line = scan.header_line;
    return sheet;
}

std::unique_ptr<SheetRows> index_csv(std::string utf8, Problems& out) {
    CsvScan scan = scan_csv(utf8, out, nullptr);
    return std::make_unique<CsvRows>(std::move(utf8), std::move(scan));
}

}  // namespace liushou
