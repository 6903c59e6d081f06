// The values of the record-wise merge: rendered, and compared (merge_values.hpp).
#include "merge_values.hpp"

#include <algorithm>

#include "fast_yaml.hpp"

namespace liushou::merge_values {

namespace {

/// yaml-cpp's rendering, except that a scalar quoted in the file stays quoted: `"2025-031"`
/// and `"13812345678"` must not come back as plain words that merely look the same.
void emit_to(YAML::Emitter& e, const YAML::Node& node) {
    switch (node.Type()) {
        case YAML::NodeType::Map:
            e << YAML::BeginMap;
            for (auto it = node.begin(); it != node.end(); ++it) {
                e << YAML::Key;
                emit_to(e, it->first);
                e << YAML::Value;
                emit_to(e, it->second);
            }
            e << YAML::EndMap;
            break;
        case YAML::NodeType::Sequence:
            e << YAML::BeginSeq;
            for (const auto& item : node) emit_to(e, item);
            e << YAML::EndSeq;
            break;
        case YAML::NodeType::Scalar:
            if (node.Tag() == "!") e << YAML::DoubleQuoted;
            e << node.Scalar();
            break;
        default:
            e << YAML::Null;
    }
}

/// `node` of the fast reader as YAML::Load builds it: the same kinds, scalars, order and
/// duplicate keys, and the tags the merge looks at ("!" quoted, "?" plain).
YAML::Node from_fast(const fast_yaml::Node& node) {
    switch (node.Type()) {
        case YAML::NodeType::Scalar: {
            // A plain null word is null wherever yaml-cpp meets it; the fast reader reads it so
            // as a value and a flow list's item, and keeps a key (`NULL: x`) as text.
            const std::string& s = node.Scalar();
            if (!node.Quoted() && fast_yaml::is_null_word(s))
                return YAML::Node(YAML::NodeType::Null);
            YAML::Node out(s);
            out.SetTag(node.Quoted() ? "!" : "?");
            return out;
        }
        case YAML::NodeType::Sequence: {
            YAML::Node out(YAML::NodeType::Sequence);
            out.SetTag("?");
            for (size_t i = 0; i < node.size(); ++i) out.push_back(from_fast(node[i]));
            return out;
        }
        case YAML::NodeType::Map: {
            YAML::Node out(YAML::NodeType::Map);
            out.SetTag("?");
            for (const auto& [key, value] : node)
                out.force_insert(from_fast(key), from_fast(value));
            return out;
        }
        default:
            return YAML::Node(YAML::NodeType::Null);
    }
}

/// Deeper than any record: such a text is left to the screen and yaml-cpp, whose limits decide.
constexpr int kFastMergeDepth = 32;

int depth_of(const fast_yaml::Node& node) {
    int deepest = 0;
    if (node.IsSequence())
        for (size_t i = 0; i < node.size(); ++i) deepest = std::max(deepest, depth_of(node[i]));
    if (node.IsMap())
        for (const auto& kv : node) deepest = std::max(deepest, depth_of(kv.second));
    return deepest + 1;
}

}  // namespace

std::string emit(const YAML::Node& node) {
    YAML::Emitter e;
    emit_to(e, node);
    return e.c_str();
}

/// Whether two values render the same (emit(a) == emit(b)), found without rendering them
/// where the answer cannot depend on how yaml-cpp quotes: a school's merge compares every
/// child's file field by field, and rendering both sides of each comparison was most of the
/// time of a month's sync (9 ms a child).
bool same_value(const YAML::Node& a, const YAML::Node& b) {
    const auto kind = [](const YAML::Node& n) {
        switch (n.Type()) {
            case YAML::NodeType::Map:
                return 0;
            case YAML::NodeType::Sequence:
                return 1;
            case YAML::NodeType::Scalar:
                return 2;
            default:
                return 3;  // null and undefined both render as ~
        }
    };
    const int k = kind(a);
    if (k != kind(b) || (k == 2 && (a.Tag() == "!") != (b.Tag() == "!")))
        // Of different kinds, or one quoted and one not: only the rendering tells (a plain
        // `true` and a quoted "true" may be written alike).
        return emit(a) == emit(b);
    switch (k) {
        case 0: {
            if (a.size() != b.size()) return false;
            for (auto x = a.begin(), y = b.begin(); x != a.end() && y != b.end(); ++x, ++y)
                if (!same_value(x->first, y->first) || !same_value(x->second, y->second))
                    return false;
            return true;
        }
        case 1: {
            if (a.size() != b.size()) return false;
            for (auto x = a.begin(), y = b.begin(); x != a.end() && y != b.end(); ++x, ++y)
                if (!same_value(*x, *y)) return false;
            return true;
        }
        case 2:
            return a.Scalar() == b.Scalar();
        default:
            return true;
    }
}

bool same_entries(const std::vector<YAML::Node>& a, const std::vector<YAML::Node>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (!same_value(a[i], b[i])) return false;
    return true;
}

bool load_fast(std::string_view text, size_t max_values, YAML::Node& out) {
    if (invalid_utf8_at(text) != std::string_view::npos ||
        text.find('\0') != std::string_view::npos)
        return false;  // yaml-cpp's reading of such bytes decides
    fast_yaml::Document doc;
    if (!doc.parse(text) || doc.node_count() > max_values || depth_of(doc.root()) > kFastMergeDepth)
        return false;
    out = from_fast(doc.root());
    return true;
}

}  // namespace liushou::merge_values
