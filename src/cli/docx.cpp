// Word documents as a school prints them (--format docx): pandoc makes the document from the
// page with the reference document carried here (A4, margins, 宋体 and 黑体), and each table
// is then set to the width between the margins, its columns as wide as their text asks,
// and a cell holding an id, a phone number, a date or a rate kept on one line.
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "cli.hpp"
#include "liushou/error.hpp"
#include "liushou/i18n.hpp"
#include "liushou/store.hpp"
#include "liushou/workbook_api.hpp"

namespace liushou {

namespace {

const unsigned char kReferenceDocx[] = {
#include "reference_docx.inc"
};

// The width between the reference document's margins (A4 11906 less 1134 each side), in
// twentieths of a point; a cell's own margins (108 each side); 10.5 pt text: an ASCII
// character about half of the 210 a Chinese one takes.
constexpr long kTextWidth = 11906 - 2 * 1134;
constexpr long kCellMargins = 2 * 108 + 40;
constexpr long kHalfWidth = 105;

/// The text of the runs between `from` and `to` (the <w:t> elements), entities left as they
/// are (each counts as one character; only &amp; &lt; &gt; &quot; &apos; occur).
std::string cell_text(const std::string& xml, size_t from, size_t to) {
    std::string text;
    for (size_t at = xml.find("<w:t", from); at != std::string::npos && at < to;
         at = xml.find("<w:t", at + 1)) {
        const char after = at + 4 < xml.size() ? xml[at + 4] : '\0';
        if (after != '>' && after != ' ') continue;  // <w:tc>, <w:tbl>, <w:tr> ...
        const size_t open = xml.find('>', at);
        const size_t close = xml.find("</w:t>", open);
        if (open == std::string::npos || close == std::string::npos || close > to) break;
        std::string part = xml.substr(open + 1, close - open - 1);
        for (size_t amp = part.find('&'); amp != std::string::npos; amp = part.find('&', amp + 1))
            if (const size_t semi = part.find(';', amp); semi != std::string::npos)
                part.replace(amp, semi - amp + 1, "x");
        text += part;
        at = close;
    }
    return text;
}

/// Half-widths of `text`: 1 for ASCII, 2 for anything else (Chinese, full-width marks).
long half_widths(std::string_view text) {
    long n = 0;
    for (const char c : text) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x80)
            n += 1;
        else if (b >= 0xC0)
            n += 2;  // the lead byte of a character; its continuation bytes count nothing
    }
    return n;
}

/// An id, a phone or id number (masked or not), a date or a rate: one word of digits with
/// - . / : % * ( ) +, which a line break inside would make wrong to read.
bool unbreakable(std::string_view text) {
    if (text.empty() || text.size() > 40) return false;
    bool digit = false;
    for (const char c : text) {
        if (c >= '0' && c <= '9')
            digit = true;
        else if (!std::strchr("-./:%*()+xX", c))
            return false;
    }
    return digit;
}

/// One table (<w:tbl> ... </w:tbl>) set to the text width, its columns sized by their text.
std::string fit_table(std::string table) {
    // Full width, whatever pandoc gave it.
    if (const size_t w = table.find("<w:tblW "); w != std::string::npos) {
        const size_t end = table.find("/>", w);
        table.replace(w, end + 2 - w, "<w:tblW w:type=\"pct\" w:w=\"5000\" />");
    }
    // Each column's widest text, and cells that must not break.
    std::vector<long> widest;
    for (size_t tr = table.find("<w:tr>"); tr != std::string::npos;
         tr = table.find("<w:tr>", tr + 1)) {
        const size_t tr_end = table.find("</w:tr>", tr);
        size_t column = 0;
        for (size_t tc = table.find("<w:tc>", tr); tc != std::string::npos && tc < tr_end;
             tc = table.find("<w:tc>", tc + 1), ++column) {
            const size_t tc_end = table.find("</w:tc>", tc);
            const std::string text = cell_text(table, tc, tc_end);
            if (widest.size() <= column) widest.resize(column + 1, 0);
            widest[column] = std::max(widest[column], half_widths(text));
            static constexpr std::string_view kEmpty = "<w:tcPr />";
            if (unbreakable(text) && table.compare(tc + 6, kEmpty.size(), kEmpty) == 0)
                table.replace(tc + 6, kEmpty.size(), "<w:tcPr><w:noWrap /></w:tcPr>");
        }
    }
    const size_t grid = table.find("<w:tblGrid>");
    const size_t grid_end = table.find("</w:tblGrid>");
    if (widest.empty() || grid == std::string::npos || grid_end == std::string::npos) return table;
    // What each column needs; the rest of the width shared out as they need it, or, when the
    // text needs more than the page has, every column narrowed alike.
    std::vector<long> need;
    long total = 0;
    for (const long w : widest) total += need.emplace_back(w * kHalfWidth + kCellMargins);
    std::string cols;
    long given = 0;
    for (size_t i = 0; i < need.size(); ++i) {
        const long w = i + 1 == need.size() ? kTextWidth - given : need[i] * kTextWidth / total;
        given += w;
        cols += fmt::format("<w:gridCol w:w=\"{}\" />", w);
    }
    table.replace(grid, grid_end - grid, "<w:tblGrid>" + cols);
    return table;
}

}  // namespace

void write_reference_docx(const std::string& path) {
    write_output(path,
                 std::string(reinterpret_cast<const char*>(kReferenceDocx), sizeof kReferenceDocx));
}

std::string fit_tables(const std::string& document) {
    std::string out;
    size_t pos = 0;
    for (size_t at = document.find("<w:tbl>"); at != std::string::npos;
         at = document.find("<w:tbl>", pos)) {
        const size_t end = document.find("</w:tbl>", at);
        if (end == std::string::npos) break;
        out += document.substr(pos, at - pos);
        out += fit_table(document.substr(at, end + 8 - at));
        pos = end + 8;
    }
    return out + document.substr(pos);
}

void fit_docx_tables(const std::string& path) {
    int error = 0;
    zip_t* archive = wb::zip_open(path.c_str(), 0, &error);
    if (!archive) throw IoError(fmt::format(N_("{}: pandoc's document cannot be opened"), path));
    const zip_int64_t index = wb::zip_name_locate(archive, "word/document.xml", 0);
    zip_stat_t st;
    zip_file_t* file = nullptr;
    std::string xml;
    if (index >= 0 && wb::zip_stat_index(archive, static_cast<zip_uint64_t>(index), 0, &st) == 0 &&
        (st.valid & ZIP_STAT_SIZE) && st.size < (uint64_t{1} << 30) &&
        (file = wb::zip_fopen_index(archive, static_cast<zip_uint64_t>(index), 0)) != nullptr) {
        xml.resize(st.size);
        const zip_int64_t got = wb::zip_fread(file, xml.data(), st.size);
        wb::zip_fclose(file);
        if (got != static_cast<zip_int64_t>(st.size)) xml.clear();
    }
    if (xml.empty()) {
        wb::zip_discard(archive);
        throw IoError(fmt::format(N_("{}: pandoc's document has no word/document.xml"), path));
    }
    const std::string fitted = fit_tables(xml);
    zip_source_t* source = wb::zip_source_buffer(archive, fitted.data(), fitted.size(), 0);
    if (!source || wb::zip_file_replace(archive, static_cast<zip_uint64_t>(index), source, 0) < 0) {
        if (source) wb::zip_source_free(source);
        wb::zip_discard(archive);
        throw IoError(fmt::format(N_("{}: the document's tables cannot be set"), path));
    }
    if (wb::zip_close(archive) != 0) {
        wb::zip_discard(archive);
        throw IoError(fmt::format(N_("{}: the document's tables cannot be set"), path));
    }
}

}  // namespace liushou
