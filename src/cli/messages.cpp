// The message catalogue: every sentence liushou says to a person, in English (as the code
// writes it) and in Chinese.
//
// Messages are composed in English everywhere below the cli layer (a Problem found while
// reading a file, a DataError thrown by the store), and a cached Problem must read the same in
// either language, so nothing is translated where it is made. It is translated where it
// leaves: standard error line by line, and the status lines a command prints (say()). Each
// entry is an English pattern whose {} stand for the values (an id, a path, a count, or a
// smaller message), and its Chinese with the same {} in the same order. A value that is
// itself a message of the catalogue is translated too, so "row 3, 身份证号: <why>" needs one
// entry for the frame and one for each why.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cli.hpp"
#include "liushou/catalogue.hpp"
#include "liushou/fields.hpp"

namespace liushou {

namespace {

struct Pattern {
    std::vector<std::string> en;  // literal pieces around the values: one more than values
    std::vector<std::string> zh;
    std::vector<size_t> order;  // which value each of the Chinese's {} is: {1} reorders
    size_t literal = 0;         // the pieces' total length: the more, the more specific
};

/// The Chinese's pieces and, for each gap, the value it shows: "{}" is the next one, "{N}"
/// the N-th (from 0), since Chinese often names things in another order.
std::vector<std::string> zh_pieces(std::string_view text, std::vector<size_t>& order) {
    std::vector<std::string> out;
    std::string piece;
    size_t next = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const size_t close = text[i] == '{' ? text.find('}', i) : std::string_view::npos;
        const std::string_view inside =
            close == std::string_view::npos ? "x" : text.substr(i + 1, close - i - 1);
        if (inside.find_first_not_of("0123456789") != std::string_view::npos) {
            piece += text[i];  // text, or a brace that is not a placeholder
            continue;
        }
        out.push_back(std::move(piece));
        piece.clear();
        order.push_back(inside.empty() ? next++ : std::stoul(std::string(inside)));
        i = close;
    }
    out.push_back(std::move(piece));
    return out;
}

std::vector<std::string> pieces(std::string_view text) {
    std::vector<std::string> out;
    size_t start = 0;
    for (size_t at; (at = text.find("{}", start)) != std::string_view::npos; start = at + 2)
        out.emplace_back(text.substr(start, at - start));
    out.emplace_back(text.substr(start));
    return out;
}

/// English's plurals in one entry: "[s]" is an "s" or nothing, "[y|ies]" either word ending;
/// every combination becomes a pattern of its own.
std::vector<std::string> variants(const std::string& en) {
    const size_t open = en.find('[');
    const size_t close = open == std::string::npos ? open : en.find(']', open);
    if (close == std::string::npos) return {en};
    const std::string inside = en.substr(open + 1, close - open - 1);
    std::vector<std::string> choices;
    if (inside == "s") {
        choices = {"", "s"};
    } else if (inside.find('|') != std::string::npos) {
        for (size_t start = 0;;) {
            const size_t bar = inside.find('|', start);
            choices.push_back(inside.substr(start, bar - start));
            if (bar == std::string::npos) break;
            start = bar + 1;
        }
    } else {  // a literal bracket: keep it, look further on
        std::vector<std::string> out;
        for (const auto& rest : variants(en.substr(close + 1)))
            out.push_back(en.substr(0, close + 1) + rest);
        return out;
    }
    std::vector<std::string> out;
    for (const auto& rest : variants(en.substr(close + 1)))
        for (const auto& c : choices) out.push_back(en.substr(0, open) + c + rest);
    return out;
}

const std::vector<Pattern>& patterns() {
    static const std::vector<Pattern> all = [] {
        std::vector<Pattern> out;
        for (const CatalogueEntry& e : catalogue()) {
            if (e.lookup != Lookup::at_exit) continue;  // looked up by key where written
            for (const std::string& en : variants(e.en)) {
                Pattern p{pieces(en), {}, {}, 0};
                p.zh = zh_pieces(e.zh, p.order);
                for (const auto& piece : p.en) p.literal += piece.size();
                out.push_back(std::move(p));
            }
        }
        // A field named in a message (guardian.phone, birth_date) reads as the register's
        // header (监护人电话, 出生日期): the same table the import reads.
        for (const ChildField& f : child_fields())
            for (std::string_view name : {f.path, f.key}) {
                Pattern p{{std::string(name)}, {std::string(f.headers.front())}, {}, name.size()};
                out.push_back(std::move(p));
            }
        // Most specific first, so the first full match is the best one: a pattern anchored
        // by a longer start ("liushou {}: {}", "row {}, {}") frames the line before any
        // pattern that would take its start as a value; then the most literal text.
        std::stable_sort(out.begin(), out.end(), [](const Pattern& a, const Pattern& b) {
            if (a.en[0].size() != b.en[0].size()) return a.en[0].size() > b.en[0].size();
            return a.literal > b.literal;
        });
        return out;
    }();
    return all;
}

/// For each first byte of a line, the patterns that may frame it, in patterns()'s order: those
/// whose first piece starts with that byte, and those that start with a value. A check of ten
/// thousand children says 25,000 lines; each was compared with every pattern of the catalogue.
const std::vector<std::vector<uint32_t>>& patterns_by_first_byte() {
    static const std::vector<std::vector<uint32_t>> table = [] {
        std::vector<std::vector<uint32_t>> out(256);
        const std::vector<Pattern>& all = patterns();
        for (size_t i = 0; i < all.size(); ++i) {
            const std::string& first = all[i].en[0];
            if (first.empty())
                for (auto& bucket : out) bucket.push_back(static_cast<uint32_t>(i));
            else
                out[static_cast<unsigned char>(first[0])].push_back(static_cast<uint32_t>(i));
        }
        return out;
    }();
    return table;
}

/// Whether a value closes a parenthesis it did not open: then it spans the end of one item
/// of a list and the start of the next ("2016-05-01), 2025-015 (class 3-1"), and is no value.
bool closes_unopened(std::string_view value) {
    int open = 0;
    for (const char c : value)
        if ((open += c == '(' ? 1 : c == ')' ? -1 : 0) < 0) return true;
    return false;
}

/// Matches `text` against the pieces from `k` on, starting at `pos`; fills `values`.
bool match(const std::vector<std::string>& p, size_t k, std::string_view text, size_t pos,
           std::vector<std::string_view>& values) {
    if (k == p.size()) return pos == text.size();
    const std::string& piece = p[k];
    if (k + 1 == p.size()) {  // the last piece ends the text
        if (text.size() < pos + piece.size() ||
            text.compare(text.size() - piece.size(), piece.size(), piece) != 0)
            return false;
        const std::string_view value = text.substr(pos, text.size() - piece.size() - pos);
        if (closes_unopened(value)) return false;
        values.push_back(value);
        return true;
    }
    // A value is never empty: the shortest one that lets the rest match.
    for (size_t at = text.find(piece, pos + 1); at != std::string_view::npos;
         at = text.find(piece, at + 1)) {
        if (closes_unopened(text.substr(pos, at - pos))) return false;  // longer ones too
        values.push_back(text.substr(pos, at - pos));
        if (match(p, k + 1, text, at + piece.size(), values)) return true;
        values.resize(values.size() - 1);
    }
    return false;
}

std::string translate_line(std::string_view line, int depth);

/// A field path naming an entry of a list, or a key of one (talks[0].follow_up,
/// pairing.plan[1].to, children[4]), as a teacher names it: 第 1 条谈心记录的跟进事项, counted
/// from 1, with the list's own measure word. Only a path whose every part is known; any other
/// gives "" and stays as it was (the line number already says where it is).
std::string field_path_zh(std::string_view path) {
    struct List {
        std::string_view key, noun, measure;
    };
    static constexpr List kLists[] = {
        {"talks", "谈心记录", "条"},
        {"parents", "父母信息", "条"},
        {"enrolment_history", "在籍记录", "条"},
        {"changes", "变动记录", "条"},
        {"pairing.history", "结对记录", "条"},
        {"pairing.plan", "帮扶计划", "项"},
        {"pairing.progress", "帮扶进展", "条"},
        {"pairing.buddy", "学习帮手", "名"},
        {"staff", "教师", "名"},
        {"terms", "学期", "个"},
        {"plan_done", "打勾记录", "条"},
        {"events", "节日", "个"},
        {"children", "儿童", "名"},
        {"by", "教师", "名"},
        {"schools", "学校", "所"},
    };
    struct Key {
        std::string_view key, noun;
    };
    static constexpr Key kKeys[] = {
        {"date", "日期"},           {"kind", "类型"},     {"by", "教师"},
        {"summary", "内容"},        {"mood", "情绪"},     {"follow_up", "跟进事项"},
        {"from", "开始日期"},       {"to", "结束日期"},   {"relation", "关系"},
        {"name", "姓名"},           {"phone", "电话"},    {"work_place", "务工地址"},
        {"work_phone", "单位电话"}, {"id", "编号"},       {"teacher", "帮扶教师"},
        {"buddy", "学习帮手"},      {"task", "工作项"},   {"month", "月份"},
        {"status", "状态"},         {"grade", "年级"},    {"was", "原值"},
        {"field", "字段"},          {"path", "档案目录"}, {"git", "仓库"},
    };
    constexpr size_t kMostDigits = 6;  // no list holds a million entries; stoul stays in range
    const size_t open = path.find('['), close = path.find(']');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open + 2 ||
        close > open + 1 + kMostDigits)
        return "";
    const std::string_view digits = path.substr(open + 1, close - open - 1);
    if (digits.find_first_not_of("0123456789") != std::string_view::npos) return "";
    const List* list = nullptr;
    for (const List& l : kLists)
        if (l.key == path.substr(0, open)) list = &l;
    if (!list) return "";
    std::string out =
        fmt::format("第 {} {}{}", std::stoul(std::string(digits)) + 1, list->measure, list->noun);
    const std::string_view rest = path.substr(close + 1);
    if (rest.empty()) return out;
    if (rest.front() != '.') return "";
    for (const Key& k : kKeys)
        if (k.key == rest.substr(1)) return out + "的" + std::string(k.noun);
    return "";
}

/// One value of a message: translated when it is itself a message of the catalogue.
std::string translate_value(std::string_view value, int depth) {
    if (depth > 6) return std::string(value);
    std::string whole = translate_line(value, depth + 1);
    if (whole != value || value.find(", ") == std::string_view::npos) return whole;
    // A list (gender, grade, class): each item on its own, joined as Chinese lists are, when
    // any of them is a message or a field.
    std::string out;
    bool any = false;
    auto next_comma = [&](size_t from) {  // ", " outside parentheses
        int nested = 0;
        for (size_t i = from; i + 1 < value.size(); ++i) {
            nested += value[i] == '(' ? 1 : value[i] == ')' ? -1 : 0;
            if (!nested && value[i] == ',' && value[i + 1] == ' ') return i;
        }
        return value.size();
    };
    for (size_t start = 0; start <= value.size();) {
        const size_t comma = next_comma(start);
        const std::string_view item = value.substr(start, comma - start);
        const std::string said = translate_line(item, depth + 1);
        any = any || said != item;
        out += (out.empty() ? "" : "、") + said;
        start = comma + 2;
    }
    return any ? out : whole;
}

bool ends_with(const std::string& text, std::string_view end) {
    return text.size() >= end.size() &&
           text.compare(text.size() - end.size(), end.size(), end) == 0;
}

/// What is left of English in a translation: its letters, and each ": " (a frame no pattern
/// took, as in 日期: "…"). The less, the better the reading.
size_t english_left(std::string_view text) {
    size_t left = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        left += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        left += c == ':' && i + 1 < text.size() && text[i + 1] == ' ' ? 2 : 0;
    }
    return left;
}

std::string translate_line(std::string_view line, int depth) {
    // Indentation (a hint under a message) is kept as it is.
    const size_t indent = line.find_first_not_of(' ');
    if (indent == std::string_view::npos) return std::string(line);
    const std::string_view text = line.substr(indent);
    // Several patterns may frame one line ("{}: {}" and "{}; nothing was written" both fit
    // "x: the tree is read-only; nothing was written"): each of the first few is tried, and
    // the reading that leaves the least English wins; among equals, the more specific.
    constexpr int kTries = 4;
    int tried = 0;
    std::string best;
    size_t best_left = std::string::npos;
    const std::vector<Pattern>& all = patterns();
    for (const uint32_t index : patterns_by_first_byte()[static_cast<unsigned char>(text[0])]) {
        const Pattern& p = all[index];
        if (tried == kTries) break;
        if (text.compare(0, p.en[0].size(), p.en[0]) != 0) continue;
        // The last piece ends the line (match's rule): said first, as it rules most out.
        const std::string& last = p.en.back();
        if (p.en.size() > 1 && (text.size() < p.en[0].size() + last.size() ||
                                text.compare(text.size() - last.size(), last.size(), last) != 0))
            continue;
        std::vector<std::string_view> values;
        if (p.en.size() == 1) {
            if (text != p.en[0]) continue;
        } else if (!match(p.en, 1, text, p.en[0].size(), values)) {
            continue;
        }
        ++tried;
        std::string out(line.substr(0, indent));
        out += p.zh[0];
        size_t quoted_left = 0;  // English in quoted values is data, not a leftover
        for (size_t i = 0; i < p.order.size(); ++i) {
            if (p.order[i] < values.size()) {
                // A value the Chinese quotes (“{}”) is data as typed or as another program
                // said it (a cell's text, git's own words): shown as it is, never translated.
                const std::string_view value = values[p.order[i]];
                const bool quoted = ends_with(p.zh[i], "“") && p.zh[i + 1].rfind("”", 0) == 0;
                out += quoted ? std::string(value) : translate_value(value, depth);
                if (quoted) quoted_left += english_left(value);
            }
            out += p.zh[i + 1];
        }
        // A value before the last that holds ": " has swallowed a frame ("日期: \"x\"" taken
        // as the date of "{} has no month {}"): a worse reading than one that frames it.
        size_t left = english_left(out) - quoted_left;
        for (const auto& piece : p.zh)  // the frame's own ": " (file:1:1: 错误) is no leftover
            for (size_t at = 0; (at = piece.find(": ", at)) != std::string::npos; at += 2)
                left -= 2;
        for (size_t i = 0; i + 1 < values.size(); ++i)
            left += values[i].find(": ") != std::string_view::npos;
        if (left < best_left) best = std::move(out), best_left = left;
    }
    if (best_left != std::string::npos) return best;
    const std::string path = field_path_zh(text);
    return path.empty() ? std::string(line) : std::string(line.substr(0, indent)) + path;
}

}  // namespace

std::string translate(std::string_view text, std::string_view lang) {
    if (lang == "en" || text.empty()) return std::string(text);
    std::string out;
    size_t start = 0;
    while (start < text.size()) {
        const size_t end = std::min(text.find('\n', start), text.size());
        out += translate_line(text.substr(start, end - start), 0);
        if (end < text.size()) out += '\n';
        start = end + 1;
    }
    return out;
}

std::string translate_phrase(std::string_view text, std::string_view lang) {
    if (lang == "en") return std::string(text);
    // Only an entry that is the whole text: a description the catalogue does not know stays
    // as it is, not half put into Chinese by a frame such as "{}: {}".
    for (const Pattern& p : patterns())
        if (p.en.size() == 1 && p.en[0] == text) return p.zh[0];
    return std::string(text);
}

std::vector<std::pair<std::string, std::string>> message_catalogue() {
    std::vector<std::pair<std::string, std::string>> out;
    for (const CatalogueEntry& e : catalogue())
        if (e.lookup == Lookup::at_exit) out.emplace_back(e.en, e.zh);
    return out;
}

}  // namespace liushou
