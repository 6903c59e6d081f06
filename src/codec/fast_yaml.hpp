// A parser for the YAML that liushou writes (and the usual hand edits of it): block mappings
// and sequences, plain and quoted one-line scalars, empty flow collections. yaml-cpp spends
// about 2.4 ms of CPU on a 4 KB child file; with this one, reading the file and counting it
// in a summary takes about 0.1 ms (docs/performance.md, "yaml-cpp's cost"). Anything outside the
// subset (comments, anchors, tags, block scalars, multi-line scalars, flow content, tabs,
// CRLF…) makes it give up, and the caller falls back to yaml-cpp, so nothing is ever read
// differently, only faster.
#pragma once

#include <yaml-cpp/yaml.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace liushou::fast_yaml {

/// 1-based position, like the ones derived from yaml-cpp marks.
struct Position {
    int line = 0;
    int column = 0;
    bool is_null() const { return line <= 0; }
};

struct Raw;

/// A cheap handle on a parsed node, with the part of yaml-cpp's Node interface the decoder uses.
class Node {
  public:
    Node() = default;
    explicit Node(const Raw* raw) : raw_(raw) {}
    YAML::NodeType::value Type() const;
    bool IsNull() const { return Type() == YAML::NodeType::Null; }
    bool IsScalar() const { return Type() == YAML::NodeType::Scalar; }
    bool IsMap() const { return Type() == YAML::NodeType::Map; }
    bool IsSequence() const { return Type() == YAML::NodeType::Sequence; }
    const std::string& Scalar() const;
    bool Quoted() const;
    Position Mark() const;
    size_t size() const;
    Node operator[](size_t i) const;
    using Pair = std::pair<Node, Node>;
    std::vector<Pair>::const_iterator begin() const;
    std::vector<Pair>::const_iterator end() const;

  private:
    const Raw* raw_ = nullptr;
};

struct Raw {
    YAML::NodeType::value type = YAML::NodeType::Null;
    Position mark;
    std::string scalar;
    bool quoted = false;  // a scalar written in quotes: yaml-cpp tags it "!" (the merge keeps it)
    std::vector<Node::Pair> map;
    std::vector<Node> seq;
};

/// The nodes of one document; they live as long as the Document.
class Document {
  public:
    /// Parses `text`; false when it is outside the subset (then nothing is to be trusted).
    bool parse(std::string_view text);
    Node root() const { return Node(root_); }
    /// How many nodes the text made: keys, values, lists and mappings, as yaml-cpp's events
    /// count them.
    size_t node_count() const { return nodes_.size(); }

  private:
    Raw* make(YAML::NodeType::value type, int line, int column);
    /// Reserved before parsing for the most nodes the text can make (make() never grows it,
    /// so the nodes stay where they are): one allocation a file, not one per few nodes.
    std::vector<Raw> nodes_;
    const Raw* root_ = nullptr;
    friend class Parser;
};

/// A plain scalar yaml-cpp reads as null: ~, null, Null, NULL.
bool is_null_word(std::string_view s);

/// Thrown when decoding meets what only yaml-cpp should decide (an unknown key to keep).
struct NeedFullParser {};

}  // namespace liushou::fast_yaml
