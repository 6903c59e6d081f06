// report child --all as one document (not a folder of cards), and CSV documents as one
// workbook: what the cards' -o FILE and the summary's workbook are made of.
#include <fmt/format.h>

#include <string>
#include <utility>
#include <vector>

#include "cli.hpp"
#include "liushou/i18n.hpp"
#include "liushou/render.hpp"
#include "liushou/report_render.hpp"

namespace liushou {

std::string csv_workbook(bool redact, const std::string& encoding, const Date& created,
                         const std::vector<std::pair<std::string, std::string>>& sheets,
                         bool typed_cells) {
    if (!encoding.empty()) throw UsageError(N_("--encoding is for CSV; a workbook is UTF-8"));
    std::vector<SheetTable> tables;
    tables.reserve(sheets.size());
    for (const auto& [name, csv] : sheets) {
        Problems problems;  // none: the CSV is our own, and parse_csv takes off its formula guard
        Sheet parsed = parse_csv(redact ? redact_document(csv, Format::csv) : csv, problems);
        SheetTable table{name, std::move(parsed.header), {}, typed_cells};
        for (auto& row : parsed.rows) table.rows.push_back(std::move(row.cells));
        tables.push_back(std::move(table));
    }
    return write_xlsx(tables, created);
}

std::string cards_document(std::vector<std::pair<std::string, std::string>>& cards,
                           const ReportStyle& style, const std::string& school, size_t schools) {
    std::string document;
    if (style.format == Format::html) {
        // A page (or Word document) of a card to a sheet of paper.
        std::vector<std::string> pages;
        for (auto& card : cards) pages.push_back(std::move(card.second));
        const Wording w(style.lang);
        const size_t count = pages.size();
        const std::string title =
            schools == 1 ? w.f("{}: cards of left-behind children ({})", school, count)
                         : w.f("Cards of left-behind children ({} schools, {})", schools, count);
        return html_page(title, style.lang, pages, true);
    }
    if (style.format == Format::json) {
        // One array of the documents a card file holds, in the children's order.
        document = "[";
        for (size_t k = 0; k < cards.size(); ++k) {
            std::string& card = cards[k].second;
            while (!card.empty() && card.back() == '\n') card.pop_back();
            document += (k ? ",\n" : "\n") + card;
        }
        return document + (cards.empty() ? "]\n" : "\n]\n");
    }
    // Markdown: each card starts with its own heading.
    for (size_t k = 0; k < cards.size(); ++k) document += (k ? "\n" : "") + cards[k].second;
    return document;
}

}  // namespace liushou
