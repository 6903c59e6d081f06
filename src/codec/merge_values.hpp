// How the record-wise merge (merge.cpp) renders a YAML value and tells whether two values are
// the same: yaml-cpp's rendering, and a comparison that gives the same answer without it.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>
#include <vector>

#include "liushou/codec.hpp"

namespace liushou::merge_values {

/// yaml-cpp's rendering, except that a scalar quoted in the file stays quoted: `"2025-031"`
/// and `"13812345678"` must not come back as plain words that merely look the same.
std::string emit(const YAML::Node& node);
/// Whether two values render the same (emit(a) == emit(b)).
bool same_value(const YAML::Node& a, const YAML::Node& b);
/// Two lists of entries, pairwise the same.
bool same_entries(const std::vector<YAML::Node>& a, const std::vector<YAML::Node>& b);

/// One side of a merge as YAML::Load reads it, by the fast reader, when the text is in its
/// subset (no alias, tag, anchor, comment, several documents or unclosed quote: nothing the
/// screen refuses) and holds at most `max_values` values; false leaves it to yaml-cpp.
/// yaml-cpp's scanner was two thirds of a month's sync merge: 557 records, each side
/// screened and then loaded, six parses a record.
bool load_fast(std::string_view text, size_t max_values, YAML::Node& out);

/// The merge with every side read by yaml-cpp, the fast reader left out: what the merge must
/// equal on any input (the fuzzer and the unit tests compare the two).
MergeResult merge_with_yaml_cpp(std::string_view base, std::string_view ours,
                                std::string_view theirs, bool school);

}  // namespace liushou::merge_values
