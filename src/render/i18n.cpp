// The one message catalogue (messages.inc, liushou/catalogue.hpp) and the lookup of a key where it
// is written. The matching of composed messages where they leave is src/cli/messages.cpp.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "liushou/catalogue.hpp"

namespace liushou {

namespace {

// The entries' third field, short as the table writes it.
constexpr Lookup kCall = Lookup::at_call;

}  // namespace

const std::vector<CatalogueEntry>& catalogue() {
    static const std::vector<CatalogueEntry> all = {
#include "messages.inc"
    };
    return all;
}

std::string tr(std::string_view lang, std::string_view en) {
    if (lang == "en") {
        const size_t context = en.find('\004');
        return std::string(context == std::string_view::npos ? en : en.substr(context + 1));
    }
    static const auto by_key = [] {
        std::unordered_map<std::string_view, std::string_view> out;
        for (const CatalogueEntry& e : catalogue()) out.emplace(e.en, e.zh);
        return out;
    }();
    const auto it = by_key.find(en);
    // A key the catalogue lacks reads in English (tests/tools/i18n-keys.py keeps it from
    // happening), never as nothing.
    return it == by_key.end() ? tr("en", en) : std::string(it->second);
}

}  // namespace liushou
