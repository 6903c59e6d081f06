// The .xlsx reader and writer: workbooks built part by part (with libzip, as any producer's
// zip) so each case shows one thing a producer may write.
#include <doctest/doctest.h>
#include <unistd.h>
#include <zip.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "liushou/codec.hpp"
#include "liushou/error.hpp"

using namespace liushou;

namespace {

/// A zip of the given parts, as bytes.
std::string zip_of(const std::map<std::string, std::string>& parts) {
    char path[] = "/tmp/liushou-xlsx-test-XXXXXX";
    const int fd = mkstemp(path);
    REQUIRE(fd >= 0);
    ::close(fd);
    int error = 0;
    zip_t* z = zip_open(path, ZIP_TRUNCATE, &error);
    REQUIRE(z);
    for (const auto& [name, text] : parts) {
        zip_source_t* s = zip_source_buffer(z, text.data(), text.size(), 0);
        REQUIRE(zip_file_add(z, name.c_str(), s, ZIP_FL_ENC_UTF_8) >= 0);
    }
    REQUIRE(zip_close(z) == 0);
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    std::remove(path);
    return bytes.str();
}

const std::string kNs = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
const std::string kRelNs =
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

/// A one-sheet workbook: `sheet_data` is the <sheetData> content; optional shared strings and
/// styles; `workbook_pr` goes into <workbookPr .../>.
std::string workbook(const std::string& sheet_data, const std::string& shared = "",
                     const std::string& styles = "", const std::string& workbook_pr = "") {
    std::map<std::string, std::string> parts;
    parts["_rels/.rels"] =
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
        "relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
    parts["xl/workbook.xml"] = "<workbook " + kNs + " " + kRelNs + "><workbookPr " + workbook_pr +
                               "/><sheets><sheet name=\"名册\" sheetId=\"1\" r:id=\"rId1\"/>"
                               "</sheets></workbook>";
    std::string rels =
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
        "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>";
    if (!shared.empty()) {
        rels +=
            "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/"
            "officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>";
        parts["xl/sharedStrings.xml"] = "<sst " + kNs + ">" + shared + "</sst>";
    }
    if (!styles.empty()) {
        rels +=
            "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/"
            "officeDocument/2006/relationships/styles\" Target=\"/xl/styles.xml\"/>";
        parts["xl/styles.xml"] = "<styleSheet " + kNs + ">" + styles + "</styleSheet>";
    }
    parts["xl/_rels/workbook.xml.rels"] = rels + "</Relationships>";
    parts["xl/worksheets/sheet1.xml"] =
        "<worksheet " + kNs + "><sheetData>" + sheet_data + "</sheetData></worksheet>";
    return zip_of(parts);
}

Sheet read(const std::string& bytes, Problems& problems, const std::string& sheet = "") {
    return read_xlsx(bytes, "t.xlsx", sheet, problems);
}

std::string header_row() {
    return "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>姓名</t></is></c>"
           "<c r=\"B1\" t=\"inlineStr\"><is><t>出生日期</t></is></c></row>";
}

}  // namespace

TEST_CASE("xlsx: shared strings, rich runs without their phonetic guide, inline strings") {
    const std::string shared =
        "<si><t>姓名</t></si><si><t>出生日期</t></si>"
        "<si><r><t>王</t></r><r><rPr><b/></rPr><t>小明</t></r>"
        "<rPh sb=\"0\" eb=\"1\"><t>wang</t></rPh></si>";
    const std::string rows =
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
        "<c r=\"B1\" t=\"s\"><v>1</v></c></row>"
        "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c>"
        "<c r=\"B2\" t=\"inlineStr\"><is><t>2015-03-08</t></is></c></row>";
    Problems problems;
    const Sheet s = read(workbook(rows, shared), problems);
    CHECK(problems.empty());
    CHECK(s.header == std::vector<std::string>{"姓名", "出生日期"});
    REQUIRE(s.rows.size() == 1);
    CHECK(s.rows[0].row == 2);
    CHECK(s.rows[0].cells == std::vector<std::string>{"王小明", "2015-03-08"});
}

TEST_CASE("xlsx: a shared-string index not in the table is an error naming the cell") {
    const std::string shared = "<si><t>姓名</t></si><si><t>出生日期</t></si><si><t>王小明</t></si>";
    const auto with = [](const std::string& v) {
        return "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
               "</row><row r=\"7\"><c r=\"A7\" t=\"s\"><v>2</v></c><c r=\"B7\" t=\"s\"><v>" +
               v + "</v></c></row>";
    };
    Problems problems;
    // The last index in the table reads (and one with spaces around it); the next does not.
    CHECK(read(workbook(with("2"), shared), problems).rows.at(0).cells ==
          std::vector<std::string>{"王小明", "王小明"});
    CHECK(read(workbook(with(" 2 "), shared), problems).rows.at(0).cells.at(1) == "王小明");
    CHECK_THROWS_WITH_AS(read(workbook(with("3"), shared), problems),
                         "t.xlsx: sheet 名册, cell B7: the cell is shared string 3, but the "
                         "workbook has 3 shared strings (from 0); is the file damaged?",
                         DataError);
    CHECK_THROWS_WITH_AS(read(workbook(with("99999"), shared), problems),
                         doctest::Contains("cell B7: the cell is shared string 99999"), DataError);
    for (const std::string bad : {"-1", "abc", "1.5", "0x1", "+1", "", "2 3"})
        CHECK_THROWS_WITH_AS(read(workbook(with(bad), shared), problems),
                             "t.xlsx: sheet 名册, cell B7: the cell is a shared string, but its "
                             "index is not a number from 0; is the file damaged?",
                             DataError);
    // Too many digits for any table: the count of digits is said, not the digits.
    CHECK_THROWS_WITH_AS(read(workbook(with("184467440737095516160"), shared), problems),
                         doctest::Contains("index has 21 digits, but the workbook has 3"),
                         DataError);
    // A workbook with no shared-strings part at all (a cell without <v> is only empty), and a cell
    // past column Z.
    CHECK_THROWS_WITH_AS(
        read(workbook(header_row() + "<row r=\"2\"><c r=\"AB2\" t=\"s\"><v>0</v></c></row>"),
             problems),
        doctest::Contains("cell AB2: the cell is shared string 0, but the workbook has 0"),
        DataError);
    CHECK(problems.empty());
}

TEST_CASE("xlsx: numbers in full, dates by their style in either date system") {
    // Style 0 is General, 1 the built-in date 14, 2 a custom 年月日 code, 3 a custom
    // non-date code with a quoted "d", 4 a date-time.
    const std::string styles =
        "<numFmts count=\"3\"><numFmt numFmtId=\"176\" formatCode=\"yyyy&quot;年&quot;m&quot;月"
        "&quot;d&quot;日&quot;\"/><numFmt numFmtId=\"177\" formatCode=\"0&quot; d&quot;\"/>"
        "<numFmt numFmtId=\"178\" formatCode=\"yyyy/m/d h:mm\"/></numFmts>"
        "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
        "<cellXfs count=\"5\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"176\"/>"
        "<xf numFmtId=\"177\"/><xf numFmtId=\"178\"/></cellXfs>";
    auto one = [&](const std::string& cell, const std::string& pr = "") {
        Problems problems;
        const Sheet s = read(workbook(header_row() +
                                          "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\">"
                                          "<is><t>甲</t></is></c>" +
                                          cell + "</row>",
                                      "", styles, pr),
                             problems);
        CHECK(problems.empty());
        REQUIRE(s.rows.size() == 1);
        return s.rows[0].cells.size() > 1 ? s.rows[0].cells[1] : std::string("(none)");
    };
    CHECK(one("<c r=\"B2\"><v>42071</v></c>") == "42071");  // General: the serial as typed
    CHECK(one("<c r=\"B2\" s=\"1\"><v>42071</v></c>") == "2015-03-08");
    CHECK(one("<c r=\"B2\" s=\"2\"><v>42071</v></c>") == "2015-03-08");
    CHECK(one("<c r=\"B2\" s=\"3\"><v>42071</v></c>") == "42071");  // "d" is quoted text
    CHECK(one("<c r=\"B2\" s=\"4\"><v>42071.4375</v></c>") == "2015-03-08 10:30");
    CHECK(one("<c r=\"B2\" s=\"1\"><v>42071</v></c>", "date1904=\"1\"") == "2019-03-09");
    // Serials before 1 March 1900 are a day off the later ones (Excel's 29 February 1900).
    CHECK(one("<c r=\"B2\" s=\"1\"><v>59</v></c>") == "1900-02-28");
    CHECK(one("<c r=\"B2\" s=\"1\"><v>61</v></c>") == "1900-03-01");
    CHECK(one("<c r=\"B2\" s=\"1\"><v>60</v></c>") == "60");  // the day that never was
    CHECK(one("<c r=\"B2\"><v>13812345678</v></c>") == "13812345678");
    CHECK(one("<c r=\"B2\"><v>1.3812345678E10</v></c>") == "13812345678");
    CHECK(one("<c r=\"B2\"><v>0.1</v></c>") == "0.1");
    CHECK(one("<c r=\"B2\"><v>-3</v></c>") == "-3");
    CHECK(one("<c r=\"B2\" t=\"b\"><v>1</v></c>") == "TRUE");
    CHECK(one("<c r=\"B2\" t=\"str\"><f>A1</f><v>公式的值</v></c>") == "公式的值");
    CHECK(one("<c r=\"B2\" t=\"e\"><v>#N/A</v></c>") == "#N/A");
    CHECK(one("<c r=\"B2\" t=\"d\"><v>2015-03-08T00:00:00</v></c>") == "2015-03-08");
    CHECK(one("<c r=\"B2\" t=\"s\"/>") == "(none)");  // a shared string with no index
}

TEST_CASE("xlsx: a number longer than Excel's 15 digits is an error at its cell") {
    Problems problems;
    const Sheet s = read(
        workbook(header_row() + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>甲</t></is></c>"
                                "<c r=\"B2\"><v>4.20821201503081E+17</v></c></row>"),
        problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].severity == Severity::error);
    CHECK(problems[0].line == 2);
    CHECK(problems[0].col == 2);
    CHECK(problems[0].field == "row 2, 出生日期");
    // The message never repeats the number (it may be an id number).
    CHECK(problems[0].message.find("42082") == std::string::npos);
}

TEST_CASE("xlsx: rows and cells without references, gaps, a title row and blank rows") {
    const std::string rows =
        "<row><c t=\"inlineStr\"><is><t>花名册</t></is></c></row>"  // title: one cell
        "<row><c t=\"inlineStr\"><is><t>姓名</t></is></c><c t=\"inlineStr\"><is><t>性别</t>"
        "</is></c><c r=\"D2\" t=\"inlineStr\"><is><t>班级</t></is></c></row>"
        "<row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t>甲</t></is></c>"
        "<c r=\"D5\" t=\"inlineStr\"><is><t>3-2</t></is></c></row>"
        "<row r=\"6\"><c r=\"A6\" t=\"inlineStr\"><is><t> </t></is></c></row>";  // blank
    Problems problems;
    const Sheet s = read(workbook(rows), problems);
    CHECK(problems.empty());
    CHECK(s.header_line == 2);
    CHECK(s.header == std::vector<std::string>{"姓名", "性别", "", "班级"});
    REQUIRE(s.rows.size() == 1);
    CHECK(s.rows[0].row == 5);
    CHECK(s.rows[0].line == 5);
    CHECK(s.rows[0].cells == std::vector<std::string>{"甲", "", "", "3-2"});
}

TEST_CASE("xlsx: Excel's _xHHHH_ escapes; a control or reordering character is refused") {
    auto cell = [](const std::string& text) {
        return header_row() + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>" + text +
               "</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>x</t></is></c></row>";
    };
    Problems problems;
    Sheet s = read(workbook(cell("a_x005F_x0041_b")), problems);
    CHECK(problems.empty());
    CHECK(s.rows.at(0).cells.at(0) == "a_x0041_b");
    s = read(workbook(cell("第一行_x000D_\n第二行")), problems);
    CHECK(problems.empty());
    CHECK(s.rows.at(0).cells.at(0) == "第一行\n第二行");  // a Windows line end in a cell
    s = read(workbook(cell("a_x0007_b")), problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].line == 2);
    CHECK(problems[0].message.find("U+0007") != std::string::npos);
    problems.clear();
    s = read(workbook(cell("王\u202e明")), problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message.find("U+202E") != std::string::npos);
}

TEST_CASE("xlsx: what is no workbook, and a named sheet that is not there") {
    Problems problems;
    CHECK_THROWS_AS(read("not a zip at all", problems), DataError);
    CHECK_THROWS_AS(read(zip_of({{"a.txt", "hi"}}), problems), DataError);
    CHECK_THROWS_WITH_AS(read(workbook(header_row()), problems, "别的"),
                         doctest::Contains("the workbook has: 名册"), DataError);
    // A part with a document type declaration (entity expansion) is refused outright.
    std::string bomb = workbook(header_row());
    auto parts = std::map<std::string, std::string>{
        {"xl/workbook.xml",
         "<!DOCTYPE w [<!ENTITY a \"aaaa\">]><workbook " + kNs + "><sheets/></workbook>"}};
    CHECK_THROWS_WITH_AS(read(zip_of(parts), problems), doctest::Contains("document type"),
                         DataError);
    // Broken XML names the part and line.
    parts = {{"xl/workbook.xml", "<workbook " + kNs + "><sheets>"}};
    CHECK_THROWS_WITH_AS(read(zip_of(parts), problems), doctest::Contains("xl/workbook.xml"),
                         DataError);
}

TEST_CASE("xlsx: a written workbook reads back cell for cell, typed as it should be") {
    SheetTable t{
        "名册[1]/测试:一个很长很长很长很长很长很长很长很长很长的名字",
        {"学号", "姓名", "出生日期", "身份证号", "电话", "人数", "比率"},
        {{"2025-001", "=SUM(A1)", "2015-03-08", "420821201503081231", "13812345678", "12", "87.5"},
         {"2025-002", "李华\n第二行", "", "", "0724-7654321", "0", ""}}};
    const std::string bytes = write_xlsx({t}, Date{2026, 3, 15});
    CHECK(bytes.compare(0, 4, "PK\x03\x04") == 0);
    Problems problems;
    const Sheet s = read_xlsx(bytes, "out.xlsx", "", problems);
    CHECK(problems.empty());
    CHECK(s.header == t.header);
    REQUIRE(s.rows.size() == 2);
    // Text stays text (the formula-like name too), the dates come back as dates, the counts
    // as numbers: the same strings either way.
    CHECK(s.rows[0].cells == t.rows[0]);
    CHECK(s.rows[1].cells ==
          std::vector<std::string>{"2025-002", "李华\n第二行", "", "", "0724-7654321", "0"});
    // The same data on the same day gives the same bytes.
    CHECK(write_xlsx({t}, Date{2026, 3, 15}) == bytes);
}
