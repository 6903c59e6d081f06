// The message catalogue: every text liushou shows a person, keyed by its English.
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "liushou/i18n.hpp"  // N_(), for the keys of messages translated at exit

namespace liushou {

/// How an entry is found. A message composed in English (N_() at its call site) is matched
/// line by line where it leaves (stderr, say()) with its {} standing for values; a text a
/// renderer writes (tr(), Wording::t()) is looked up by its whole key where it is written,
/// and never matched at exit, where "{} ({})" would take any line.
enum class Lookup { at_exit, at_call };

struct CatalogueEntry {
    const char* en;  // the key: the English, {} for values, [s] for an English plural
    const char* zh;  // the same {} ({N} to show them in another order)
    Lookup lookup = Lookup::at_exit;
};

/// Every entry of src/render/messages.inc, in its order.
const std::vector<CatalogueEntry>& catalogue();

/// The text of key `en` in `lang` (zh or en): the catalogue's Chinese, or `en` itself for
/// English. A key may carry a context before a \004 (as gettext's msgctxt), when one English
/// word stands for two Chinese ones ("staff\004ID" 编号, "ID" 学号); English drops it.
std::string tr(std::string_view lang, std::string_view en);

/// tr() of a key with {} for values, filled in: trf("zh", "{} ({} to {})", a, b, c).
template <typename... Args>
std::string trf(std::string_view lang, std::string_view en, Args&&... args) {
    return fmt::format(fmt::runtime(tr(lang, en)), std::forward<Args>(args)...);
}

}  // namespace liushou
