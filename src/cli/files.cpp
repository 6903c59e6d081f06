// Files in and out: the format a name asks for, CSV encodings, Word (through pandoc) and
// workbooks, standard input and output, and reading a register or talk sheet.
#include <fmt/format.h>
#include <langinfo.h>
#include <locale.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <boost/filesystem.hpp>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <functional>
#include <iostream>
#include <set>
#include <sstream>
#include <thread>

#include "cli.hpp"
#include "liushou/care.hpp"
#include "liushou/error.hpp"
#include "liushou/i18n.hpp"
#include "liushou/records.hpp"
#include "liushou/store.hpp"
#include "liushou/text.hpp"

namespace liushou {

std::string encode_output(const std::string& text, bool csv, const std::string& encoding,
                          bool to_file) {
    if (!encoding.empty() && !csv)
        throw UsageError(N_("--encoding is for CSV; it goes with --format csv"));
    if (!csv) return text;
    const CsvEncoding e = encoding == "gb18030"     ? CsvEncoding::gb18030
                          : encoding == "utf-8"     ? CsvEncoding::utf8
                          : encoding == "utf-8-bom" ? CsvEncoding::utf8_bom
                          : to_file                 ? CsvEncoding::utf8_bom
                                                    : CsvEncoding::utf8;
    return encode_csv(text, e);
}

void add_output_encoding(CLI::App& cmd, std::string& encoding) {
    cmd.add_option("--encoding", encoding,
                   N_("CSV's: utf-8-bom (default with -o, so Excel reads it), utf-8 (default on "
                      "standard output) or gb18030"))
        ->check(CLI::IsMember({"utf-8", "utf-8-bom", "gb18030"}));
}

void add_sheet_options(CLI::App& cmd, CLI::Option* from, std::string& encoding,
                       std::string& sheet) {
    cmd.add_option("--encoding", encoding,
                   N_("A CSV sheet's: auto | utf-8 | gb18030 (default auto)"))
        ->needs(from);
    cmd.add_option("--sheet", sheet, N_("The workbook's sheet to read (default: the first)"))
        ->type_name("NAME")
        ->needs(from);
}

namespace {

bool ends_with_ci(const std::string& path, std::string_view ext) {
    if (path.size() <= ext.size()) return false;
    std::string tail = path.substr(path.size() - ext.size());
    for (auto& c : tail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return tail == ext;
}

}  // namespace

std::string_view format_of_name(const std::string& path) {
    // As hledger reads -o: the extension names the format, in any case.
    static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
        {".md", "md"},     {".markdown", "md"}, {".txt", "txt"},   {".csv", "csv"},
        {".tsv", "tsv"},   {".json", "json"},   {".html", "html"}, {".htm", "html"},
        {".docx", "docx"}, {".xlsx", "xlsx"}};
    for (const auto& [ext, format] : kNamed)
        if (ends_with_ci(path, ext)) return format;
    return {};
}

bool names_folder(const std::string& output) {
    if (output.empty() || output == "-") return false;
    if (output.back() == '/') return true;
    struct stat st {};
    return ::stat(output.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool tab_separated(const std::string& output) {
    return ends_with_ci(output, ".tsv");
}

void format_from_output(const CLI::Option* format_option, std::string& format,
                        const std::string& output,
                        std::initializer_list<std::string_view> formats) {
    if (output.empty() || output == "-" || names_folder(output)) return;
    const std::string_view named = format_of_name(output);
    if (named.empty()) return;  // -o notes: the format given, or the command's own
    // .md and .txt are the text for people, whichever name the command gives it (md, table);
    // .tsv is the CSV with tabs (emit_output).
    const std::string_view human = *formats.begin();
    const std::string asked = named == "md" || named == "txt" ? std::string(human)
                              : named == "tsv"                ? std::string("csv")
                                                              : std::string(named);
    if (format_option->count()) {
        if (format != asked)
            throw UsageError(
                fmt::format(N_("--format {} and -o {} name different formats; give one of them"),
                            format, output));
        return;
    }
    if (std::find(formats.begin(), formats.end(), asked) == formats.end()) {
        std::string known;
        for (const auto f : formats) known += (known.empty() ? "" : ", ") + std::string(f);
        throw UsageError(fmt::format(N_("-o {}: this command does not write {}; it writes {}"),
                                     output, named, known));
    }
    format = asked;
}

/// Whether `program` is an executable file in a folder of PATH.
bool on_path(const std::string& program) {
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "";
    for (size_t at = 0; at <= dirs.size();) {
        const size_t end = std::min(dirs.find(':', at), dirs.size());
        const std::string dir = dirs.substr(at, end - at);
        if (!dir.empty() && ::access((dir + "/" + program).c_str(), X_OK) == 0) return true;
        at = end + 1;
    }
    return false;
}

std::string page_to_docx(const std::string& page, std::ostream& err) {
    namespace fs = boost::filesystem;
    // A private folder for pandoc's input: the page holds children's names.
    const TempDir temp("liushou-docx");
    const std::string& dir = temp.path();
    // Each inline chart becomes an SVG file of its own, named by an <img>, so that Word gets
    // the chart as a picture; a file on its own needs the SVG namespace a page does without.
    std::string html;
    size_t pos = 0;
    for (int n = 1;; ++n) {
        const size_t start = page.find("<svg ", pos);
        const size_t end = start == std::string::npos ? start : page.find("</svg>", start);
        if (end == std::string::npos) break;
        const std::string name = fmt::format("figure-{}.svg", n);
        write_output((fs::path(dir) / name).string(),
                     "<svg xmlns=\"http://www.w3.org/2000/svg\" " +
                         page.substr(start + 5, end + 6 - start - 5) + "\n");
        html += page.substr(pos, start - pos) + "<img src=\"" + name + "\" alt=\"\">";
        pos = end + 6;
    }
    const bool charts = pos > 0;
    html += page.substr(pos);
    // A page whose <title> is its first heading again: pandoc would print it twice (a page
    // of cards has none, and keeps its title for pandoc to print once).
    if (const size_t t = html.find("<title>"); t != std::string::npos)
        if (const size_t e = html.find("</title>", t);
            e != std::string::npos &&
            html.find("<h1>" + html.substr(t + 7, e - t - 7) + "</h1>") != std::string::npos)
            html.erase(t, e + 8 - t);
    const std::string reference = (fs::path(dir) / "reference.docx").string();
    write_reference_docx(reference);
    const std::string in = (fs::path(dir) / "page.html").string();
    const std::string out = (fs::path(dir) / "page.docx").string();
    write_output(in, html);
    std::string said;
    const int status =
        run_program({"pandoc", "--quiet", "--from", "html", "--to", "docx", "--resource-path", dir,
                     "--reference-doc", reference, "--output", out, in},
                    &said, true);
    if (status == -1)
        throw UsageError(
            N_("--format docx needs pandoc, which is not installed (Debian: apt install pandoc)"));
    if (status != 0)
        throw IoError(fmt::format(N_("pandoc could not make the document: {}"),
                                  said.substr(0, said.find('\n'))));
    // pandoc gives Word a PNG of each chart beside the SVG, made by rsvg-convert; without it
    // the document still opens, but Word before 2016 and WPS show an empty frame.
    if (charts && !on_path("rsvg-convert"))
        err << "liushou: " N_(
            "warning: the charts need rsvg-convert to become pictures every Word can show, which "
            "is not installed (Debian: apt install librsvg2-bin); the document has them as SVG "
            "only") "\n";
    fit_docx_tables(out);
    return read_file(out, out, uint64_t{1} << 30);
}

std::string csv_to_xlsx(const std::string& csv, const std::string& sheet, const Date& created,
                        bool typed_cells) {
    Problems problems;  // none: the CSV is our own, and parse_csv takes off its formula guard
    Sheet parsed = parse_csv(csv, problems);
    SheetTable table{sheet, std::move(parsed.header), {}, typed_cells};
    for (auto& row : parsed.rows) table.rows.push_back(std::move(row.cells));
    return write_xlsx({table}, created);
}

std::string csv_to_tsv(const std::string& csv) {
    // CSV as encode_output wrote it: a BOM kept, quotes taken off, a tab or line break in a
    // cell made a space (TSV has no quoting). GB18030 is safe to read byte by byte: no byte
    // of a multi-byte character is a quote, a comma or a line break.
    std::string out;
    size_t i = 0;
    if (csv.compare(0, 3, "\xEF\xBB\xBF") == 0) out = csv.substr(0, 3), i = 3;
    bool quoted = false;
    for (; i < csv.size(); ++i) {
        const char c = csv[i];
        if (quoted) {
            if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"')
                out += '"', ++i;
            else if (c == '"')
                quoted = false;
            else
                out += c == '\t' || c == '\n' || c == '\r' ? ' ' : c;
        } else if (c == '"')
            quoted = true;
        else if (c == ',')
            out += '\t';
        else
            out += c;
    }
    return out;
}

void emit_output(Context& ctx, const std::string& output, const std::string& bytes,
                 std::string_view format) {
    if (output.empty() || output == "-") {
        if ((format == "xlsx" || format == "docx") && &ctx.out == &std::cout && ::isatty(1))
            throw UsageError(
                format == "docx"
                    ? N_("a Word document is not for the terminal: give -o FILE.docx")
                    : N_("an .xlsx workbook is not for the terminal: give -o FILE.xlsx"));
        ctx.out << bytes;
        return;
    }
    // Not a ?: of the two: that copies `bytes` (a province's JSON summary is 200 MB).
    if (tab_separated(output))
        write_output(output, csv_to_tsv(bytes));
    else
        write_output(output, bytes);
    if (!ctx.quiet) ctx.out << say(ctx, fmt::format(N_("wrote {}") "\n", output));
}

std::string read_input(const std::string& path, uint64_t limit) {
    if (path != "-") return read_file(path, path, limit);
    // Standard input, as every input file may be: read to its end, within the same limit.
    std::string bytes;
    char buffer[1 << 16];
    while (std::cin.read(buffer, sizeof buffer) || std::cin.gcount() > 0) {
        bytes.append(buffer, static_cast<size_t>(std::cin.gcount()));
        if (bytes.size() > limit)
            throw DataError(fmt::format("-: more than the limit of {} MiB; refused", limit >> 20));
    }
    if (std::cin.bad()) throw IoError(N_("-: cannot read standard input"));
    return bytes;
}

namespace {

/// A sheet file's bytes, with whether they are a workbook (by name or zip signature); an
/// old .xls and options that do not fit the kind are refused.
std::string read_sheet_bytes(const std::string& path, const std::string& encoding,
                             const std::string& sheet, bool& workbook, uint64_t limit) {
    std::string bytes = read_input(path, limit);
    auto ends_with = [&](std::string_view ext) {
        if (path.size() < ext.size()) return false;
        std::string tail = path.substr(path.size() - ext.size());
        for (auto& ch : tail) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        return tail == ext;
    };
    const bool zip = bytes.compare(0, 4, "PK\x03\x04") == 0;
    if (ends_with(".xls") || bytes.compare(0, 4, "\xD0\xCF\x11\xE0") == 0)
        throw DataError(fmt::format("{}: " N_("an old Excel 97-2003 workbook (.xls); save it as "
                                              ".xlsx (Excel 2007 or later) or as CSV"),
                                    path));
    workbook = ends_with(".xlsx") || ends_with(".xlsm") || zip;
    if (workbook && bytes.size() > kMaxSheetBytes)  // a workbook is read whole, as cells
        throw DataError(fmt::format("{}: the file is {:.1f} MB, more than the limit of {} MiB",
                                    path, static_cast<double>(bytes.size()) / 1e6,
                                    kMaxSheetBytes >> 20));
    if (workbook && !encoding.empty() && encoding != "auto")
        throw UsageError(N_("--encoding is for CSV sheets; a workbook says its own"));
    if (!workbook && !sheet.empty())
        throw UsageError(fmt::format(N_("--sheet is for .xlsx workbooks; {} is CSV"), path));
    return bytes;
}

}  // namespace

Sheet read_sheet(const std::string& path, const std::string& encoding, const std::string& sheet,
                 Problems& problems, std::string* detected) {
    bool workbook = false;
    std::string bytes = read_sheet_bytes(path, encoding, sheet, workbook, kMaxSheetBytes);
    if (workbook) {
        if (detected) *detected = "xlsx";
        return read_xlsx(bytes, path, sheet, problems, kMaxRegisterRows);
    }
    const std::string text = sheet_to_utf8(
        std::move(bytes), parse_encoding(encoding.empty() ? "auto" : encoding), path, detected);
    return parse_csv(text, problems, kMaxRegisterRows);
}

std::unique_ptr<SheetRows> read_sheet_rows(const std::string& path, const std::string& encoding,
                                           const std::string& sheet, Problems& problems,
                                           std::string* detected) {
    bool workbook = false;
    std::string bytes = read_sheet_bytes(path, encoding, sheet, workbook, kMaxTalkSheetBytes);
    if (workbook) {
        if (detected) *detected = "xlsx";
        return std::make_unique<HeldSheet>(read_xlsx(bytes, path, sheet, problems));
    }
    return index_csv(
        sheet_to_utf8(std::move(bytes), parse_encoding(encoding.empty() ? "auto" : encoding), path,
                      detected),
        problems);
}

}  // namespace liushou
