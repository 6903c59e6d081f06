// The fuzz targets' bodies, shared by the libFuzzer executables (fuzz_*.cpp) and the unit test
// that replays the kept corpus on every test run (tests/unit/fuzz_corpus_test.cpp). A property
// that fails calls abort(), which both treat as a crash.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "codec/merge_values.hpp"
#include "liushou/checklist.hpp"
#include "liushou/codec.hpp"
#include "liushou/date.hpp"
#include "liushou/error.hpp"
#include "liushou/import.hpp"
#include "liushou/report.hpp"
#include "liushou/text.hpp"
#include "liushou/validate.hpp"
#include "store/files.hpp"

namespace liushou::fuzz {

// libFuzzer target: a child's record file. Both decoders must survive any bytes, agree with
// each other whenever the fast one accepts the file, and a file read without errors must
// encode to text that reads back to the same record (the round trip a write relies on).
inline int fuzz_record(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const Decoded<Child> full = decode_child_full(text);
    const auto fast = decode_child_fast(text);
    if (fast && encode_child(fast->record) != encode_child(full.record)) std::abort();
    const Decoded<Child> mixed = decode_child(text, false);
    if (mixed.writable() != full.writable()) std::abort();
    if (full.writable()) {
        Problems problems;
        validate_child(full.record, Date{2026, 3, 15}, problems);
        const std::string once = encode_child(full.record);
        const Decoded<Child> back = decode_child_full(once);
        if (!back.writable() || encode_child(back.record) != once) std::abort();
    }
    decode_staff(text);
    // liushou.yaml: the fast path, when it accepts the file, reads what yaml-cpp reads.
    const Decoded<School> school = decode_school(text), school_full = decode_school_full(text);
    if (school.parsed != school_full.parsed || school.writable() != school_full.writable() ||
        school.problems.size() != school_full.problems.size() ||
        (school.parsed && encode_school(school.record) != encode_school(school_full.record)))
        std::abort();
    return 0;
}

// libFuzzer target: a CSV sheet as Excel or a person might save it, in any encoding, through
// the header mapping and the import planner, as `enroll --from-csv` reads it.
inline int fuzz_sheet(const uint8_t* data, size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    std::string text;
    try {
        text = sheet_to_utf8(std::string(bytes), Encoding::automatic, "fuzz.csv");
    } catch (const DataError&) {
        return 0;  // an encoding no sheet is in: refused with a message, as it should be
    }
    Problems problems;
    const Sheet sheet = parse_csv(text, problems);
    // The indexed reader (talk sheets) gives the same rows, each parsed again when asked.
    Problems again;
    const auto rows = index_csv(text, again);
    if (rows->size() != sheet.rows.size() || rows->header() != sheet.header ||
        again.size() != problems.size())
        std::abort();
    Sheet::Row row;
    for (size_t i = 0; i < rows->size(); ++i) {
        rows->row(i, row);
        const Sheet::Row& held = sheet.rows[i];
        if (row.cells != held.cells || row.row != held.row || row.line != held.line) std::abort();
    }
    const ColumnMap columns = map_columns(sheet.header, {}, {}, problems);
    if (!has_errors(problems)) plan_import(sheet, columns, {}, false, 2025, Date{2026, 3, 15});
    return 0;
}

// libFuzzer target: the validators and date parsers on any text (ids, phones, GB 11643
// numbers, dates in the forms sheets use), and redaction.
inline int fuzz_validate(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    // A valid id never leaves children/, whatever it holds.
    if (valid_child_id(text) &&
        (text.find('/') != std::string_view::npos || text == "." || text == ".."))
        std::abort();
    if (valid_child_id(text) != child_id_error(text).empty()) std::abort();
    is_phone_number(text);
    looks_like_child_id(text);
    Problems problems;
    const DateParse iso = parse_iso_date(text);
    const DateParse flexible = parse_flexible_date(text);
    // What the strict parser accepts, the flexible one accepts as the same day.
    if (iso.date && (!flexible.date || !(*flexible.date == *iso.date))) std::abort();
    if (iso.date && iso.date->iso() != text) std::abort();
    check_id_number(text, iso.date, std::nullopt, problems);
    if (size >= 17) id_number_check_char(text.substr(0, 17));
    // Redaction: whatever the text, no run of eight or more digits (ASCII or full-width) is
    // left, since every ungrouped run of seven or more is masked and a mask keeps at most
    // seven (0086 and 139 of 0086139****1247).
    mask_private_numbers(text);
    const std::string shown = redact(text);
    size_t run = 0;
    for (size_t i = 0; i < shown.size(); ++i) {
        const bool ascii = shown[i] >= '0' && shown[i] <= '9';
        const bool wide = shown.compare(i, 2, "\xef\xbc") == 0 && i + 2 < shown.size() &&
                          static_cast<unsigned char>(shown[i + 2]) >= 0x90 &&
                          static_cast<unsigned char>(shown[i + 2]) <= 0x99;
        run = ascii || wide ? run + 1 : 0;
        if (wide) i += 2;
        if (run >= 8) std::abort();
    }
    return 0;
}

// libFuzzer target: an .xlsx workbook, as enroll --from reads one. Any bytes are refused
// with a DataError or read; a sheet read has rows in order, no row wider than Excel's 16,384
// columns, and what it holds writes to a workbook that reads back to the same cells.
inline int fuzz_xlsx(const uint8_t* data, size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    Problems problems;
    Sheet sheet;
    try {
        sheet = read_xlsx(bytes, "fuzz.xlsx", "", problems);
    } catch (const DataError&) {
        return 0;
    } catch (const IoError&) {
        return 0;
    }
    int last = sheet.header_line;
    for (const auto& row : sheet.rows) {
        if (row.row <= last || row.cells.size() > 16384) std::abort();
        last = row.row;
    }
    if (has_errors(problems) || sheet.header.empty() || sheet.header.size() > 64) return 0;
    SheetTable table{"fuzz", sheet.header, {}};
    for (const auto& row : sheet.rows) table.rows.push_back(row.cells);
    Problems again;
    const Sheet back = read_xlsx(write_xlsx({table}, Date{2026, 3, 15}), "back.xlsx", "", again);
    if (back.rows.size() > sheet.rows.size()) std::abort();
    return 0;
}

// libFuzzer target: a checklist returned filled in (log-talk --from, #46), as a workbook (its
// list and its hidden base sheet) or as the CSV a teacher saved it as. Any bytes are survived;
// every talk row it gives is a row of the sheet, in order, with its eight cells, and so is
// every attendance row (seed/checklist/attendance.csv has two, its 编号 over school "fuzz").
inline int fuzz_checklist(const uint8_t* data, size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    Problems problems;
    std::unique_ptr<SheetRows> rows;
    ChecklistBase base;
    try {
        if (bytes.substr(0, 2) == "PK") {
            rows = std::make_unique<HeldSheet>(read_xlsx(bytes, "fuzz.xlsx", "", problems));
            Problems ignored;
            const Sheet hidden = read_xlsx(bytes, "fuzz.xlsx", "liushou", ignored);
            for (const auto& row : hidden.rows)
                if (row.cells.size() >= 2 && row.cells[0] == "month")
                    base.month = parse_month(row.cells[1]);
        } else {
            rows = index_csv(sheet_to_utf8(std::string(bytes), Encoding::automatic, "fuzz.csv"),
                             problems);
        }
    } catch (const DataError&) {
        if (!rows) return 0;
    } catch (const IoError&) {
        return 0;
    }
    if (has_errors(problems) || !is_checklist_header(rows->header())) return 0;
    Problems found;
    const ReturnedChecklist back = checklist_talk_sheet(*rows, base, "fuzz", found);
    if (back.closes.size() != back.talks.rows.size() || back.still_owed > back.listed) std::abort();
    // Below the header and in order, by line: a CSV's header_line is a line, and a row's `row`
    // the record a spreadsheet numbers, which differ once a quoted cell spans lines.
    int last = rows->header_line();
    for (const auto& row : back.talks.rows) {
        if (row.line <= last || row.cells.size() != back.talks.header.size()) std::abort();
        last = row.line;
    }
    // Each activity's attendance marked 是 is a row of the sheet, in order (#46).
    last = 0;
    for (const auto& a : back.attendance) {
        if (a.row <= last) std::abort();
        last = a.row;
    }
    return 0;
}

// libFuzzer target: a county manifest (county.yaml), as read by --county and county status.
// Any bytes are survived; a manifest read without errors encodes to text that reads back the
// same (county init writes it so).
inline int fuzz_manifest(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const Decoded<County> county = decode_county(text);
    if (county.writable()) {
        const std::string once = encode_county(county.record);
        const Decoded<County> back = decode_county(once);
        if (!back.writable() || encode_county(back.record) != once) std::abort();
    }
    return 0;
}

// libFuzzer target: the merge driver on three sides (base, ours, theirs: the input cut at its
// first two NUL bytes), as a child's file and as liushou.yaml. Any bytes are survived within
// the fuzzer's time limit (an alias bomb or a file of many keys must be refused quickly), and
// a refusal is always the whole file as one conflict, ours then theirs verbatim; and the
// result is the same with every side read by yaml-cpp (the fast reader changes nothing).
inline int fuzz_merge(const uint8_t* data, size_t size) {
    const std::string_view all(reinterpret_cast<const char*>(data), size);
    const size_t a = all.find('\0');
    const size_t b = a == std::string_view::npos ? a : all.find('\0', a + 1);
    if (b == std::string_view::npos) return 0;
    const std::string_view base = all.substr(0, a), ours = all.substr(a + 1, b - a - 1),
                           theirs = all.substr(b + 1);
    for (const bool school : {false, true}) {
        const MergeResult r =
            school ? merge_school_files(base, ours, theirs) : merge_child_files(base, ours, theirs);
        if (!r.refusal.message.empty() && r.text.rfind("<<<<<<< ours\n", 0) != 0) std::abort();
        // The fast reader changes nothing: the same result as with yaml-cpp reading every side.
        const MergeResult y = merge_values::merge_with_yaml_cpp(base, ours, theirs, school);
        if (r.merged != y.merged || r.text != y.text ||
            r.different_children != y.different_children || r.refused_side != y.refused_side ||
            r.refusal.message != y.refusal.message || r.refusal.line != y.refusal.line ||
            r.conflicts.size() != y.conflicts.size())
            std::abort();
        for (size_t i = 0; i < r.conflicts.size(); ++i)
            if (r.conflicts[i].field != y.conflicts[i].field) std::abort();
    }
    return 0;
}

// libFuzzer target: .liushou/journal, a file a copied tree may hold. Any bytes are refused or
// read; every entry read stays in the tree: a file a batch writes (no "..", no absolute path,
// no link folder) and, for a rename, a temporary of that very file beside it.
inline int fuzz_journal(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const auto entries = parse_journal(text);
    if (!entries) return 0;
    for (const JournalEntry& e : *entries) {
        const std::string_view t = e.target;
        if (t.empty() || t.front() == '/' || t.find('\0') != std::string_view::npos) std::abort();
        // No component that leaves the folder (a "2025-..x" id is only a name).
        for (size_t start = 0;;) {
            const size_t slash = t.find('/', start);
            const std::string_view part = t.substr(start, slash - start);
            if (part.empty() || part == "." || part == "..") std::abort();
            if (slash == std::string_view::npos) break;
            start = slash + 1;
        }
        if (!(t == "liushou.yaml" || t == "staff.yaml" || t.rfind("children/", 0) == 0 ||
              t.rfind("activities/", 0) == 0))
            std::abort();
        if (e.remove) continue;
        const size_t slash = t.rfind('/');
        const std::string dir =
            slash == std::string_view::npos ? "" : std::string(t.substr(0, slash + 1));
        const std::string name(t.substr(slash == std::string_view::npos ? 0 : slash + 1));
        if (e.tmp.compare(0, dir.size(), dir) != 0 ||
            e.tmp.compare(dir.size(), name.size() + 6, "." + name + ".tmp.") != 0 ||
            e.tmp.find('/', dir.size()) != std::string::npos)
            std::abort();
    }
    return 0;
}

}  // namespace liushou::fuzz
