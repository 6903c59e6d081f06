// What a summary names child by child, packed school by school (SchoolLists in report.hpp): a
// province's half a million shortfalls would take 240 MB as records, ~25 MB packed.
#include <algorithm>
#include <cstdint>
#include <map>

#include "liushou/report.hpp"

namespace liushou {

namespace {

void put_uint(std::string& out, uint64_t v) {
    while (v >= 0x80) {
        out += static_cast<char>((v & 0x7f) | 0x80);
        v >>= 7;
    }
    out += static_cast<char>(v);
}
void put_int(std::string& out, long v) {  // zigzag: small negatives stay small
    put_uint(out, (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v < 0 ? -1 : 0));
}
void put_text(std::string& out, const std::string& text) {
    put_uint(out, text.size());
    out += text;
}

bool get_uint(std::string_view& in, uint64_t& v) {
    v = 0;
    for (int shift = 0; shift < 64 && !in.empty(); shift += 7) {
        const auto byte = static_cast<unsigned char>(in.front());
        in.remove_prefix(1);
        v |= static_cast<uint64_t>(byte & 0x7f) << shift;
        if (!(byte & 0x80)) return true;
    }
    return false;
}
template <class Int>
bool get_int(std::string_view& in, Int& v) {
    uint64_t u = 0;
    if (!get_uint(in, u)) return false;
    v = static_cast<Int>(static_cast<long>(u >> 1) ^ -static_cast<long>(u & 1));
    return true;
}
bool get_text(std::string_view& in, std::string& text) {
    uint64_t n = 0;
    if (!get_uint(in, n) || n > in.size()) return false;
    text.assign(in.data(), n);
    in.remove_prefix(n);
    return true;
}
void put_optional(std::string& out, const std::optional<int>& v) {
    put_uint(out, v ? 1 : 0);
    if (v) put_int(out, *v);
}
bool get_optional(std::string_view& in, std::optional<int>& v) {
    uint64_t has = 0;
    if (!get_uint(in, has)) return false;
    v.reset();
    if (!has) return true;
    int x = 0;
    if (!get_int(in, x)) return false;
    v = x;
    return true;
}
void put_texts(std::string& out, const std::vector<std::string>& texts) {
    put_uint(out, texts.size());
    for (const auto& t : texts) put_text(out, t);
}
bool get_texts(std::string_view& in, std::vector<std::string>& texts) {
    uint64_t n = 0;
    if (!get_uint(in, n) || n > in.size()) return false;
    texts.resize(n);
    for (auto& t : texts)
        if (!get_text(in, t)) return false;
    return true;
}
void put_month(std::string& out, const Month& m) {
    put_int(out, m.year);
    put_int(out, m.month);
}
bool get_month(std::string_view& in, Month& m) {
    return get_int(in, m.year) && get_int(in, m.month);
}

void put_child(std::string& out, const ChildRef& c) {
    put_text(out, c.id);
    put_text(out, c.name);
    put_optional(out, c.grade);
    put_optional(out, c.class_no);
}
bool get_child(std::string_view& in, ChildRef& c) {
    return get_text(in, c.id) && get_text(in, c.name) && get_optional(in, c.grade) &&
           get_optional(in, c.class_no);
}

// Each kind of record: its child, how it is packed, and where its school goes.
const ChildRef& child_of(const Shortfall& f) {
    return f.child;
}
const ChildRef& child_of(const SchoolChild& c) {
    return c.second;
}
void set_school(Shortfall& f, const std::string& school) {
    f.school = school;
}
void set_school(SchoolChild& c, const std::string& school) {
    c.first = school;
}

void put(std::string& out, const SchoolChild& c) {
    put_child(out, c.second);
}
bool get(std::string_view& in, SchoolChild& c) {
    return get_child(in, c.second);
}

void put(std::string& out, const Shortfall& f) {
    put_child(out, f.child);
    put_texts(out, f.missing);
    put_uint(out, (f.unpaired ? 1u : 0u) | (f.no_activity ? 2u : 0u));
    put_uint(out, f.untalked.size());
    for (const TalkShort& t : f.untalked) {
        put_month(out, t.month);
        put_int(out, t.held);
        put_int(out, t.required);
    }
    put_uint(out, f.calls_short.size());
    for (const Month& m : f.calls_short) put_month(out, m);
    put_texts(out, f.unvisited);
    put_texts(out, f.no_meeting);
    put_int(out, f.birthdays_missed);
}
bool get(std::string_view& in, Shortfall& f) {
    uint64_t flags = 0, n = 0;
    if (!get_child(in, f.child) || !get_texts(in, f.missing) || !get_uint(in, flags)) return false;
    f.unpaired = flags & 1;
    f.no_activity = flags & 2;
    if (!get_uint(in, n) || n > in.size()) return false;
    f.untalked.resize(n);
    for (TalkShort& t : f.untalked)
        if (!get_month(in, t.month) || !get_int(in, t.held) || !get_int(in, t.required))
            return false;
    if (!get_uint(in, n) || n > in.size()) return false;
    f.calls_short.resize(n);
    for (Month& m : f.calls_short)
        if (!get_month(in, m)) return false;
    return get_texts(in, f.unvisited) && get_texts(in, f.no_meeting) &&
           get_int(in, f.birthdays_missed);
}

/// The order within a school: by class (no grade or class last), then by id, naturally.
std::pair<int, int> class_of(const ChildRef& c) {
    return {c.grade.value_or(99), c.class_no.value_or(99)};
}
template <class T>
void sort_by_class(std::vector<T>& records) {
    std::stable_sort(records.begin(), records.end(), [](const T& x, const T& y) {
        const ChildRef &a = child_of(x), &b = child_of(y);
        const auto ka = class_of(a), kb = class_of(b);
        return ka != kb ? ka < kb : natural_less(a.id, b.id);
    });
}

}  // namespace

template <class T>
typename SchoolLists<T>::Part SchoolLists<T>::pack(const std::string& school,
                                                   std::vector<T> records) {
    // The records stay where they are and their places are sorted, by keys gathered once: a
    // stable sort moving shortfalls (strings and lists each), then one reaching into them
    // for every comparison, were a tenth of a warm 50,000-child summary.
    struct Key {
        std::pair<int, int> klass;
        size_t place;
    };
    std::vector<Key> keys;
    keys.reserve(records.size());
    for (size_t i = 0; i < records.size(); ++i)
        keys.push_back(Key{class_of(child_of(records[i])), i});
    const auto id_of = [&](const Key& k) -> const std::string& {
        return child_of(records[k.place]).id;
    };
    // A school's children come in its listing's order, by id: then a stable sort by class
    // alone keeps them by id within each class, as the whole order asks, comparing no id.
    bool by_id = true;
    for (size_t i = 1; i < keys.size() && by_id; ++i)
        by_id = !natural_less(id_of(keys[i]), id_of(keys[i - 1]));
    std::stable_sort(keys.begin(), keys.end(), [&](const Key& x, const Key& y) {
        if (x.klass != y.klass) return x.klass < y.klass;
        return !by_id && natural_less(id_of(x), id_of(y));
    });
    Part part;
    part.school = school;
    part.count = records.size();
    for (const Key& k : keys) put(part.bytes, records[k.place]);
    part.bytes.shrink_to_fit();
    return part;
}

template <class T>
void SchoolLists<T>::arrange(std::vector<Part> parts, const std::vector<std::string>& names) {
    groups_.clear();
    size_ = 0;
    std::map<std::string_view, size_t> group_of;
    groups_.resize(names.size());
    for (size_t i = 0; i < names.size(); ++i) group_of.emplace(names[i], i);
    for (Part& p : parts) {
        const auto it = group_of.find(p.school);
        if (it == group_of.end() || p.count == 0) continue;  // every school is named
        size_ += p.count;
        groups_[it->second].push_back(std::move(p));
    }
    groups_.erase(std::remove_if(groups_.begin(), groups_.end(),
                                 [](const std::vector<Part>& g) { return g.empty(); }),
                  groups_.end());
}

template <class T>
typename SchoolLists<T>::const_iterator SchoolLists<T>::begin() const {
    const_iterator it;
    it.list_ = this;
    it.done_ = false;
    it.load();
    return it;
}

template <class T>
void SchoolLists<T>::const_iterator::next() {
    if (done_) return;
    ++at_;
    load();
}

template <class T>
void SchoolLists<T>::const_iterator::load() {
    for (;;) {
        if (!merged_.empty()) {
            current_ = std::move(merged_.back());
            merged_.pop_back();
            return;
        }
        if (!rest_.empty()) {
            if (get(rest_, current_)) {
                set_school(current_, list_->groups_[group_ - 1].front().school);
                return;
            }
            rest_ = {};  // never: the list packed it
        }
        if (group_ >= list_->groups_.size()) {
            done_ = true;
            at_ = list_->size_;
            current_ = T{};
            return;
        }
        const std::vector<Part>& group = list_->groups_[group_++];
        if (group.size() == 1) {
            rest_ = group.front().bytes;
            continue;
        }
        // Schools of one name: listed as one, as a sort of all their records would.
        for (const Part& p : group) {
            std::string_view in = p.bytes;
            T r{};
            while (!in.empty() && get(in, r)) {
                set_school(r, p.school);
                merged_.push_back(std::move(r));
                r = T{};
            }
        }
        sort_by_class(merged_);
        std::reverse(merged_.begin(), merged_.end());
    }
}

template class SchoolLists<Shortfall>;
template class SchoolLists<SchoolChild>;

}  // namespace liushou
