// Writing records in the canonical layout of liushou-records(5): a line writer of our own
// (yaml-cpp's emitter cannot promise the fixed key order and quoting that keep git diffs
// small) and RecordWriter, the visitor that writes any record schema.hpp describes.
// Private to the codec layer.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "liushou/codec.hpp"

namespace liushou::yaml_write {

class Writer {
  public:
    void raw(int indent, std::string_view key, std::string_view rendered) {
        start(indent);
        out_ += yaml_scalar(key);
        out_ += ": ";
        out_ += rendered;
        out_ += '\n';
    }
    void text(int indent, std::string_view key, const std::string& v) {
        if (!v.empty()) raw(indent, key, yaml_scalar(v));
    }
    void always_text(int indent, std::string_view key, const std::string& v) {
        raw(indent, key, v.empty() ? "\"\"" : yaml_scalar(v));
    }
    void date(int indent, std::string_view key, const std::optional<Date>& d) {
        if (d) raw(indent, key, d->iso());
    }
    void integer(int indent, std::string_view key, const std::optional<int>& v) {
        if (v) raw(indent, key, std::to_string(*v));
    }
    void boolean(int indent, std::string_view key, bool v) {
        raw(indent, key, v ? "true" : "false");
    }
    /// `key:` opening a nested block.
    void open(int indent, std::string_view key, bool plain_key = false) {
        start(indent);
        out_ += plain_key ? std::string(key) : yaml_scalar(key);
        out_ += ":\n";
    }
    /// The next line written at `indent` starts a list item (`- `).
    void item() { dash_ = true; }
    void text_items(int indent, std::string_view key, const std::vector<std::string>& items,
                    bool plain_key = false) {
        if (items.empty()) return;
        open(indent, key, plain_key);
        for (const auto& s : items) {
            start(indent + 2);
            out_ += "- " + (s.empty() ? std::string("\"\"") : yaml_scalar(s)) + "\n";
        }
    }
    void extras(int indent, const Extras& extras) {
        for (const auto& [key, value] : extras) {
            if (value.empty() || value[0] != '\n') {
                raw(indent, key, value);
                continue;
            }
            open(indent, key);
            size_t pos = 1;
            while (pos < value.size()) {
                size_t end = value.find('\n', pos);
                if (end == std::string::npos) end = value.size();
                out_.append(static_cast<size_t>(indent + 2), ' ');
                out_.append(value, pos, end - pos);
                out_ += '\n';
                pos = end + 1;
            }
        }
    }
    /// A list of mappings: `write_item` writes each item's keys at `indent + 4`.
    template <class T, class F>
    void list(int indent, std::string_view key, const std::vector<T>& items, F write_item) {
        if (items.empty()) return;
        open(indent, key);
        for (const T& it : items) {
            item();
            write_item(indent + 4, it);
            if (dash_) {  // an item with nothing in it (`- {}` in a file) stays one
                start(indent + 4);
                out_ += "{}\n";
            }
        }
    }
    std::string take() { return std::move(out_); }

  private:
    void start(int indent) {
        if (dash_) {
            out_.append(static_cast<size_t>(indent - 2), ' ');
            out_ += "- ";
            dash_ = false;
        } else {
            out_.append(static_cast<size_t>(indent), ' ');
        }
    }
    std::string out_;
    bool dash_ = false;
};

template <class E>
void write_enum(Writer& w, int indent, std::string_view key, const std::optional<E>& v) {
    if (v) w.raw(indent, key, std::string(key_of(*v)));
}

/// Writes a record described in schema.hpp in the canonical layout: empty values and empty
/// lists are left out, a nested mapping only when it holds something, a record's unknown keys
/// after its known ones.
class RecordWriter {
  public:
    RecordWriter(Writer& w, int indent) : w_(w), indent_(indent) {}
    void text(std::string_view key, const std::string& v) { w_.text(indent_, key, v); }
    void date(std::string_view key, const std::optional<Date>& v) { w_.date(indent_, key, v); }
    void integer(std::string_view key, const std::optional<int>& v) { w_.integer(indent_, key, v); }
    void boolean(std::string_view key, const std::optional<bool>& v) {
        if (v) w_.boolean(indent_, key, *v);
    }
    void boolean(std::string_view key, bool v) { w_.boolean(indent_, key, v); }
    template <class E>
    void enumeration(std::string_view key, const std::optional<E>& v) {
        write_enum(w_, indent_, key, v);
    }
    template <class E>
    void enumeration(std::string_view key, const E& v) {
        w_.raw(indent_, key, std::string(key_of(v)));
    }
    void text_list(std::string_view key, const std::vector<std::string>& v) {
        w_.text_items(indent_, key, v);
    }
    /// One value is written as a plain field (`buddy: 李明`, as files held before a field could
    /// hold several), more as a list; so is one empty text, which a plain field would drop.
    void one_or_more(std::string_view key, const std::vector<std::string>& v) {
        if (v.size() == 1 && !v.front().empty())
            w_.text(indent_, key, v.front());
        else
            w_.text_items(indent_, key, v);
    }
    template <class S, class F>
    void map(std::string_view key, const S& sub, F describe) {
        if (sub.empty()) return;
        w_.open(indent_, key);
        RecordWriter inner(w_, indent_ + 2);
        describe(inner, sub);
        w_.extras(indent_ + 2, sub.extras);
    }
    template <class S, class F>
    void list(std::string_view key, const std::vector<S>& items, F describe, std::string_view) {
        w_.list(indent_, key, items, [&](int in, const S& item) {
            RecordWriter inner(w_, in);
            describe(inner, item);
            w_.extras(in, item.extras);
        });
    }

    // liushou.yaml's kinds (schema.hpp).
    void required_text(std::string_view key, const std::string& v) {
        w_.always_text(indent_, key, v);
    }
    void flag(std::string_view key, bool v) {
        if (v) w_.boolean(indent_, key, true);
    }
    void names(std::string_view key, const std::vector<std::string>& v) {
        if (v.empty())
            w_.raw(indent_, key, "[]");  // so that a hand editor sees where names go
        else
            w_.text_items(indent_, key, v);
    }
    template <class S, class F>
    void section(std::string_view key, const S& sub, F describe) {
        w_.open(indent_, key);
        RecordWriter inner(w_, indent_ + 2);
        describe(inner, sub);
        w_.extras(indent_ + 2, sub.extras);
    }
    void int_list(std::string_view key, const std::vector<int>& v) {
        std::string items;
        for (int n : v) items += (items.empty() ? "" : ", ") + std::to_string(n);
        w_.raw(indent_, key, "[" + items + "]");
    }
    void month_plan(std::string_view key, const std::map<int, std::vector<std::string>>& plan) {
        w_.open(indent_, key);
        for (const auto& [month, tasks] : plan)
            w_.text_items(indent_ + 2, std::to_string(month), tasks, true);
    }

  private:
    Writer& w_;
    int indent_;
};
}  // namespace liushou::yaml_write
