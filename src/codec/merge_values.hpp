// How the record-wise merge (merge.cpp) renders a YAML value and tells whether two values are
// the same: yaml-cpp's rendering, and a comparison that gives the same answer without it.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

namespace liushou::merge_values {

/// yaml-cpp's rendering, except that a scalar quoted in the file stays quoted: `"2025-031"`
/// and `"13812345678"` must not come back as plain words that merely look the same.
std::string emit(const YAML::Node& node);
/// Whether two values render the same (emit(a) == emit(b)).
bool same_value(const YAML::Node& a, const YAML::Node& b);
/// Two lists of entries, pairwise the same.
bool same_entries(const std::vector<YAML::Node>& a, const std::vector<YAML::Node>& b);

}  // namespace liushou::merge_values
