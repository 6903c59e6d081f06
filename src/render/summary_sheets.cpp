// The summary's lines on the teachers' checklist sheets that came back (log-talk --from,
// liushou-schedule(1), #46): which, when, and the rows each left owed.
#include <fmt/format.h>

#include <string>

#include "summary_parts.hpp"

namespace liushou::summary_detail {

std::string returned_sheet_lines(const Summary& s, const Writer& w) {
    if (s.returned_sheets.empty()) return "";
    std::string out = w.t("Checklist sheets returned:\n\n");
    for (const ReturnedSheet& r : s.returned_sheets) {
        const std::string day = r.date ? r.date->iso() : "?";
        out += w.en() ? fmt::format("- {} {}: {} (returned {}; {} of {} rows still owed)\n",
                                    r.month, md_escape(r.name), md_escape(r.file), day,
                                    r.owed.value_or(0), r.rows.value_or(0))
                      : fmt::format("- {} {}：{}（{} 交回，{} 行中还有 {} 行未完成）\n", r.month,
                                    md_escape(r.name), md_escape(r.file), day, r.rows.value_or(0),
                                    r.owed.value_or(0));
    }
    return out + "\n";
}

}  // namespace liushou::summary_detail
