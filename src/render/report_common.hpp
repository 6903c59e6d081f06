// What the report renderers share: the report's wording with user text made safe for the
// format (masked when redacting, escaped for Markdown), rates, and Markdown table rows.
// Private to the render layer.
#pragma once

#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "liushou/render.hpp"
#include "liushou/report_render.hpp"
#include "liushou/text.hpp"
#include "liushou/validate.hpp"

namespace liushou::report_detail {

/// The report's wording, plus user text made safe for the format.
class Writer : public Wording {
  public:
    explicit Writer(const ReportStyle& style) : Wording(style.lang), style_(style) {}
    /// User text for the current format: masked when redacting, escaped for Markdown.
    std::string text(std::string_view s) const {
        const std::string plain = style_.redact ? redact(s) : std::string(s);
        // A page (html) is made from the Markdown, so its text is escaped the same way.
        return style_.format == Format::md || style_.format == Format::html ? md_escape(plain)
                                                                            : plain;
    }
    std::string json(std::string_view s) const { return json_string(text(s)); }
    std::string json_list(const std::vector<std::string>& items) const {
        std::string out = "[";
        for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + json(items[i]);
        return out + "]";
    }
    const ReportStyle& style() const { return style_; }

  private:
    const ReportStyle& style_;
};

/// A report as a page (--format html): `render` writes its Markdown.
template <class Render>
std::string as_page(const ReportStyle& style, Render render) {
    ReportStyle md = style;
    md.format = Format::md;
    const std::string text = render(md);
    return markdown_page(text, style.lang);
}

// Every printed percentage is Rate::shown (integers, half up; liushou-rates(7)).
inline std::string pct(const Rate& r) {
    const std::string p = r.shown();
    return p.empty() ? "—" : p + "%";
}

inline std::string json_pct(const Rate& r) {
    const std::string p = r.shown();
    return p.empty() ? "null" : p;
}

inline std::string json_rate(const Rate& r) {
    return fmt::format("{{\"num\": {}, \"den\": {}, \"percent\": {}}}", r.num, r.den, json_pct(r));
}

inline std::string row(const std::vector<std::string>& cells) {
    // Sized once and appended in place: a card has a row per talk, and a temporary per cell
    // was much of the cards' time in malloc.
    size_t size = 2;
    for (const auto& c : cells) size += c.size() + 3;
    std::string out;
    out.reserve(size);
    out += '|';
    for (const auto& c : cells) {
        out += ' ';
        out += c;
        out += " |";
    }
    out += '\n';
    return out;
}

inline std::string header(const std::vector<std::string>& cells, size_t numeric_from = 99) {
    std::string out = row(cells) + "|";
    for (size_t i = 0; i < cells.size(); ++i) out += i >= numeric_from ? " ---: |" : " --- |";
    return out + "\n";
}

inline std::string staff_name(const Provenance& p, const std::string& id, const Writer& w) {
    if (id.empty()) return "";
    const Staff* s = p.staff ? p.staff->find(id) : nullptr;
    if (!s) return w.text(id);
    return w.f("{} ({})", w.text(s->name), w.text(id));
}

/// A child's buddies (学习帮手) for a cell: a child of the school by name and id, a
/// classmate who is not in it by the name as given.
inline std::string buddy_names(const Provenance& p, const std::vector<std::string>& buddies,
                               const Writer& w) {
    std::string out;
    for (const auto& b : buddies) {
        out += out.empty() ? "" : w.t(", ");
        const auto it = p.child_names ? p.child_names->find(b) : decltype(p.child_names->end()){};
        if (!p.child_names || it == p.child_names->end() || it->second.empty())
            out += w.text(b);
        else
            out += w.f("{} ({})", w.text(it->second), w.text(b));
    }
    return out;
}

template <class E>
std::string enum_text(const std::optional<E>& v, const Writer& w) {
    if (!v) return "";
    return std::string(w.en() ? key_of(*v) : zh_of(*v));
}

/// A child's card as CSV: 项目,内容 and a row for each non-empty field, labelled and valued as
/// the Markdown card words them, in the reader's language (child_table.cpp).
std::string child_table_csv(const Child& c, const Provenance& source, const Writer& w);

/// A table's rows as CSV under its header.
inline std::string csv_table(const std::vector<std::string>& head,
                             const std::vector<std::vector<std::string>>& rows) {
    std::string out = csv_line(head);
    for (const auto& r : rows) out += csv_line(r);
    return out;
}

}  // namespace liushou::report_detail
