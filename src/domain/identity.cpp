// Who a child is: ids, 身份证号 and phone numbers, each checked for what it claims to be, and
// one child found in two files (validate.hpp). The checks of whole records are validate.cpp.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <unordered_map>

#include "liushou/i18n.hpp"
#include "liushou/text.hpp"
#include "liushou/validate.hpp"

namespace liushou {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

std::string digits_only(std::string_view s, bool allow_separators, bool& ok) {
    std::string out;
    ok = true;
    for (char c : s) {
        if (is_digit(c))
            out += c;
        else if (!(allow_separators && (c == ' ' || c == '-')))
            ok = false;
    }
    return out;
}

void add(Problems& out, std::string field, std::string message) {
    out.push_back(Problem{std::move(field), std::move(message), Severity::error, 0, 0});
}

}  // namespace

bool looks_like_same_child(const Child& a, const Child& b) {
    if (a.name.empty() || !a.birth_date || a.birth_date != b.birth_date) return false;
    if (!a.id_number.empty() && !b.id_number.empty() && a.id_number != b.id_number) return false;
    return to_nfc(a.name) == to_nfc(b.name);
}

void check_shared_id_number(const Child& child, const std::string& path,
                            std::map<std::string, std::string>& seen, Problems& out) {
    if (child.id_number.empty()) return;
    const auto [other, fresh] = seen.emplace(child.id_number, path);
    // One 身份证号 is one person: a copied or renamed file left behind would be counted twice
    // in every figure. The number itself is not said (it is private); the other file is.
    if (!fresh)
        out.push_back(
            Problem{"id_number",
                    fmt::format(N_("the same 身份证号 as {}: one child in two files; keep "
                                   "one"),
                                other->second),
                    Severity::error});
}

std::vector<SecondFile> second_files(
    const std::vector<std::pair<std::string_view, std::string_view>>& children) {
    // Natural order, as the caller's order must not matter (a cache keeps byte order); ids equal
    // in it (2025-01, 2025-1) by their bytes, so that the same file is kept every time.
    const auto natural = [&](size_t a, size_t b) {
        const std::string x(children[a].first), y(children[b].first);
        if (natural_less(x, y)) return true;
        return !natural_less(y, x) && x < y;
    };
    // Grouped by 身份证号 first, by bytes: a warm summary of 10,000 children paid more for a
    // natural sort of every id than for all its figures, where only the few shared numbers
    // need one. Nor are the numbers sorted: at 50,000 children that sort was a twentieth of a
    // warm summary, and a table finds the few numbers met twice in one pass.
    std::unordered_map<std::string_view, size_t> first;                // number -> its first file
    std::unordered_map<std::string_view, std::vector<size_t>> shared;  // met twice or more
    first.reserve(children.size());
    for (size_t i = 0; i < children.size(); ++i) {
        const std::string_view number = children[i].second;
        if (number.empty()) continue;
        const auto [it, fresh] = first.emplace(number, i);
        if (fresh) continue;
        std::vector<size_t>& group = shared[number];
        if (group.empty()) group.push_back(it->second);
        group.push_back(i);
    }
    std::vector<SecondFile> out;
    for (auto& [number, group] : shared) {
        std::sort(group.begin(), group.end(), natural);
        for (auto it = group.begin() + 1; it != group.end(); ++it)
            out.push_back(SecondFile{*it, group.front()});
    }
    std::sort(out.begin(), out.end(), [&](const SecondFile& a, const SecondFile& b) {
        return natural(a.dropped, b.dropped);
    });
    return out;
}

bool valid_child_id(std::string_view id) {
    return child_id_error(id).empty();
}

std::string new_id_error(std::string_view id) {
    size_t run = 0, longest = 0;
    for (const char c : id) {
        run = std::isdigit(static_cast<unsigned char>(c)) ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    if (longest >= 11)
        return N_(
            "the id holds a long number (a phone or 身份证号?); ids appear in file names and "
            "commit messages, so use the 学号 or let liushou number the child");
    std::string stem(id.substr(0, id.find('.')));
    for (char& c : stem) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    static const char* kReserved[] = {"CON", "PRN", "AUX", "NUL"};
    bool reserved =
        std::find(std::begin(kReserved), std::end(kReserved), stem) != std::end(kReserved);
    if (stem.size() == 4 && (stem.compare(0, 3, "COM") == 0 || stem.compare(0, 3, "LPT") == 0) &&
        stem[3] >= '1' && stem[3] <= '9')
        reserved = true;
    if (reserved)
        return fmt::format(N_("the id \"{}\" is a name Windows reserves for a device; a clone on "
                              "Windows could not hold its file"),
                           id);
    if (!id.empty() && id.back() == '.')
        return fmt::format(N_("the id \"{}\" ends in '.', which Windows drops from file names"),
                           id);
    return "";
}

std::string child_id_error(std::string_view id) {
    if (id.empty()) return N_("the id is empty");
    if (id.size() > 64) return N_("the id is longer than 64 characters");
    auto ok_first = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
    auto ok_rest = [&](char c) { return ok_first(c) || c == '.' || c == '_' || c == '-'; };
    if (!ok_first(id.front()))
        return fmt::format(N_("the id \"{}\" must start with a letter or digit"), id);
    for (char c : id)
        if (!ok_rest(c) || static_cast<unsigned char>(c) >= 0x80)
            return fmt::format(
                N_("the id \"{}\" may hold only letters, digits, '.', '_' and '-' (no '/', spaces "
                   "or other characters)"),
                id);
    return {};
}

bool is_mobile_number(std::string_view phone) {
    if (phone.substr(0, 3) == "+86") phone.remove_prefix(3);
    while (!phone.empty() && phone.front() == ' ') phone.remove_prefix(1);
    bool ok = false;
    const std::string d = digits_only(phone, true, ok);
    return ok && d.size() == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9';
}

bool is_landline_number(std::string_view phone) {
    // Split off an extension: 0755-12345678-123 or 0755-12345678转123.
    std::string_view main = phone;
    const auto zhuan = main.find("转");
    if (zhuan != std::string_view::npos) {
        bool ok = false;
        const std::string ext = digits_only(main.substr(zhuan + 3), false, ok);
        if (!ok || ext.empty() || ext.size() > 6) return false;
        main = main.substr(0, zhuan);
    }
    const auto first_dash = main.find('-');
    if (first_dash != std::string_view::npos) {
        const auto second_dash = main.find('-', first_dash + 1);
        if (second_dash != std::string_view::npos) {
            bool ok = false;
            const std::string ext = digits_only(main.substr(second_dash + 1), false, ok);
            if (!ok || ext.empty() || ext.size() > 6) return false;
            main = main.substr(0, second_dash);
        }
        bool ok_area = false, ok_local = false;
        const std::string area = digits_only(main.substr(0, first_dash), false, ok_area);
        const std::string local = digits_only(main.substr(first_dash + 1), false, ok_local);
        return ok_area && ok_local && area.size() >= 3 && area.size() <= 4 && area[0] == '0' &&
               area[1] != '0' && local.size() >= 7 && local.size() <= 8 && local[0] != '0';
    }
    bool ok = false;
    const std::string d = digits_only(main, false, ok);
    return ok && d.size() >= 10 && d.size() <= 12 && d[0] == '0' && d[1] != '0';
}

bool is_phone_number(std::string_view phone) {
    return is_mobile_number(phone) || is_landline_number(phone);
}

char id_number_check_char(std::string_view first17) {
    static const int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static const char kCheck[] = "10X98765432";
    if (first17.size() < 17) return '?';
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        const char c = first17[static_cast<size_t>(i)];
        if (c < '0' || c > '9') return '?';  // no check digit for a number that is not one
        sum += (c - '0') * kWeights[i];
    }
    return kCheck[sum % 11];
}

void check_id_number(std::string_view number, const std::optional<Date>& birth_date,
                     const std::optional<Gender>& gender, Problems& out) {
    const std::string field = "id_number";
    if (number.size() != 18) {
        add(out, field,
            fmt::format(N_("an id number has 18 characters, this one has {}"), number.size()));
        return;
    }
    for (size_t i = 0; i < 17; ++i) {
        if (!is_digit(number[i])) {
            add(out, field, N_("the first 17 characters of an id number must be digits"));
            return;
        }
    }
    const char last = static_cast<char>(std::toupper(static_cast<unsigned char>(number[17])));
    if (!is_digit(last) && last != 'X') {
        add(out, field, N_("the last character of an id number must be a digit or X"));
        return;
    }
    if (number[0] < '1' || number[0] > '8')
        add(out, field, N_("the region code (first 6 digits) is not a Chinese region"));
    if (id_number_check_char(number.substr(0, 17)) != last)
        add(out, field, N_("the check digit is wrong (GB 11643): a digit was mistyped"));
    const int y = std::stoi(std::string(number.substr(6, 4)));
    const int m = std::stoi(std::string(number.substr(10, 2)));
    const int d = std::stoi(std::string(number.substr(12, 2)));
    const Date encoded{y, m, d};
    if (!encoded.valid() || y < 1900)
        add(out, field, N_("digits 7-14 are not a real birth date"));
    else if (birth_date && *birth_date != encoded)
        add(out, field, N_("the birth date in the number differs from birth_date"));
    const bool odd = (number[16] - '0') % 2 == 1;
    if (gender && (*gender == Gender::male) != odd)
        add(out, field,
            fmt::format("digit 17 says {} but gender is {}", odd ? "male" : "female",
                        key_of(*gender)));
}

bool looks_like_child_id(std::string_view value) {
    bool digit = false;
    for (char c : value) {
        if (is_digit(c)) digit = true;
        if (c == ' ' || static_cast<unsigned char>(c) >= 0x80) return false;
    }
    return digit && valid_child_id(value);
}

}  // namespace liushou
