#include "cache.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <thread>

#include "liushou/error.hpp"
#include "liushou/schema.hpp"
#include "liushou/store.hpp"
#include "liushou/text.hpp"

namespace liushou {

namespace {

// Bump when the layout changes: an old cache is then ignored, never misread. (A field added to
// schema.hpp changes the layout too; the record count and the exact end are checked, so a
// forgotten bump is caught as a bad cache, but bump anyway.)
constexpr char kMagic[8] = {'L', 'S', 'H', 'C', 'A', 'C', 'H', '6'};

class Out {
  public:
    explicit Out(std::string& s) : s_(s) {}
    void u64(uint64_t v) { s_.append(reinterpret_cast<const char*>(&v), sizeof v); }
    void i64(int64_t v) { s_.append(reinterpret_cast<const char*>(&v), sizeof v); }
    void i32(int32_t v) { s_.append(reinterpret_cast<const char*>(&v), sizeof v); }
    void str(std::string_view v) {
        u64(v.size());
        s_.append(v.data(), v.size());
    }
    void date(const std::optional<Date>& d) {
        i32(d ? static_cast<int32_t>(d->days()) + 1000000 : 0);
    }
    void opt(const std::optional<int>& v) { i32(v ? *v : INT32_MIN); }
    template <class E>
    void en(const std::optional<E>& v) {
        i32(v ? static_cast<int32_t>(*v) : -1);
    }
    void extras(const Extras& e) {
        u64(e.size());
        for (const auto& [k, v] : e) str(k), str(v);
    }
    void strings(const std::vector<std::string>& v) {
        u64(v.size());
        for (const auto& x : v) str(x);
    }
    void bytes(std::string_view v) { s_.append(v.data(), v.size()); }

  private:
    std::string& s_;
};

class In {
  public:
    explicit In(std::string_view s) : s_(s) {}
    bool ok() const { return ok_; }
    uint64_t u64() { return raw<uint64_t>(); }
    int64_t i64() { return raw<int64_t>(); }
    int32_t i32() { return raw<int32_t>(); }
    std::string str() {
        const uint64_t n = u64();
        if (!ok_ || n > s_.size() - pos_) return fail<std::string>();
        std::string v(s_.substr(pos_, n));
        pos_ += n;
        return v;
    }
    std::optional<Date> date() {
        const int32_t v = i32();
        if (v == 0) return std::nullopt;
        return Date::from_days(static_cast<long>(v) - 1000000);
    }
    std::optional<int> opt() {
        const int32_t v = i32();
        return v == INT32_MIN ? std::nullopt : std::optional<int>(v);
    }
    template <class E>
    std::optional<E> en(int count) {
        const int32_t v = i32();
        if (v < -1 || v >= count) return fail<std::optional<E>>();
        return v < 0 ? std::nullopt : std::optional<E>(static_cast<E>(v));
    }
    Extras extras() {
        Extras e;
        const uint64_t n = count();
        for (uint64_t i = 0; ok_ && i < n; ++i) {
            std::string k = str();
            e.emplace_back(std::move(k), str());
        }
        return e;
    }
    std::vector<std::string> strings() {
        std::vector<std::string> v;
        const uint64_t n = count();
        v.reserve(n);
        for (uint64_t i = 0; ok_ && i < n; ++i) v.push_back(str());
        return v;
    }
    /// A list length, refused when it could not fit in what is left.
    uint64_t count() {
        const uint64_t n = u64();
        if (n > s_.size() - pos_) return fail<uint64_t>();
        return n;
    }
    bool at_end() const { return pos_ == s_.size(); }
    size_t pos() const { return pos_; }
    /// The next `n` bytes, skipped.
    std::string_view bytes(uint64_t n) {
        if (!ok_ || n > s_.size() - pos_) return fail<std::string_view>();
        const std::string_view v = s_.substr(pos_, n);
        pos_ += n;
        return v;
    }

  private:
    template <class T>
    T raw() {
        T v{};
        if (!ok_ || sizeof v > s_.size() - pos_) return fail<T>();
        std::memcpy(&v, s_.data() + pos_, sizeof v);
        pos_ += sizeof v;
        return v;
    }
    template <class T>
    T fail() {
        ok_ = false;
        return T{};
    }
    std::string_view s_;
    size_t pos_ = 0;
    bool ok_ = true;
};

/// Writes a record described in schema.hpp, field by field in schema order.
class RecordOut {
  public:
    explicit RecordOut(Out& o) : o_(o) {}
    void text(std::string_view, const std::string& v) { o_.str(v); }
    void date(std::string_view, const std::optional<Date>& v) { o_.date(v); }
    void integer(std::string_view, const std::optional<int>& v) { o_.opt(v); }
    void boolean(std::string_view, const std::optional<bool>& v) { o_.i32(v ? (*v ? 1 : 0) : -1); }
    void boolean(std::string_view, bool v) { o_.i32(v ? 1 : 0); }
    template <class E>
    void enumeration(std::string_view, const std::optional<E>& v) {
        o_.en(v);
    }
    template <class E>
    void enumeration(std::string_view, const E& v) {
        o_.i32(static_cast<int32_t>(v));
    }
    void text_list(std::string_view, const std::vector<std::string>& v) { o_.strings(v); }
    void one_or_more(std::string_view, const std::vector<std::string>& v) { o_.strings(v); }
    template <class S, class F>
    void map(std::string_view, const S& sub, F describe) {
        describe(*this, sub);
        o_.extras(sub.extras);
    }
    template <class S, class F>
    void list(std::string_view, const std::vector<S>& items, F describe, std::string_view) {
        o_.u64(items.size());
        for (const S& item : items) map("", item, describe);
    }

  private:
    Out& o_;
};

/// Reads what RecordOut wrote; any value out of range (an enum past its last value) fails.
class RecordIn {
  public:
    explicit RecordIn(In& in) : in_(in) {}
    bool ok() const { return in_.ok() && ok_; }
    void text(std::string_view, std::string& v) { v = in_.str(); }
    void date(std::string_view, std::optional<Date>& v) { v = in_.date(); }
    void integer(std::string_view, std::optional<int>& v) { v = in_.opt(); }
    void boolean(std::string_view, std::optional<bool>& v) {
        const int32_t b = in_.i32();
        if (b < -1 || b > 1) ok_ = false;
        if (b >= 0) v = b == 1;
    }
    void boolean(std::string_view, bool& v) {
        const int32_t b = in_.i32();
        if (b < 0 || b > 1) ok_ = false;
        v = b == 1;
    }
    template <class E>
    void enumeration(std::string_view, std::optional<E>& v) {
        v = in_.en<E>(static_cast<int>(enum_entries<E>().size()));
    }
    template <class E>
    void enumeration(std::string_view key, E& v) {
        std::optional<E> e;
        enumeration(key, e);
        if (!e)
            ok_ = false;
        else
            v = *e;
    }
    void text_list(std::string_view, std::vector<std::string>& v) { v = in_.strings(); }
    void one_or_more(std::string_view, std::vector<std::string>& v) { v = in_.strings(); }
    template <class S, class F>
    void map(std::string_view, S& sub, F describe) {
        describe(*this, sub);
        sub.extras = in_.extras();
    }
    template <class S, class F>
    void list(std::string_view, std::vector<S>& items, F describe, std::string_view) {
        const uint64_t n = in_.count();
        items.reserve(n);
        for (uint64_t i = 0; ok() && i < n; ++i) {
            S item;
            map("", item, describe);
            items.push_back(std::move(item));
        }
    }

  private:
    In& in_;
    bool ok_ = true;
};

/// Writes the shape of a record's schema: every key with its kind, nesting and enum sizes.
class Shape {
  public:
    explicit Shape(std::string& out) : out_(out) {}
    template <class X>
    void text(std::string_view k, const X&) {
        add(k, "t");
    }
    template <class X>
    void date(std::string_view k, const X&) {
        add(k, "d");
    }
    template <class X>
    void integer(std::string_view k, const X&) {
        add(k, "i");
    }
    void boolean(std::string_view k, const std::optional<bool>&) { add(k, "b?"); }
    void boolean(std::string_view k, bool) { add(k, "b"); }
    template <class E>
    void enumeration(std::string_view k, const std::optional<E>&) {
        add(k, "e?" + std::to_string(enum_entries<E>().size()));
    }
    template <class E>
    void enumeration(std::string_view k, const E&) {
        add(k, "e" + std::to_string(enum_entries<E>().size()));
    }
    template <class X>
    void text_list(std::string_view k, const X&) {
        add(k, "l");
    }
    template <class X>
    void one_or_more(std::string_view k, const X&) {
        add(k, "l1");
    }
    template <class S, class F>
    void map(std::string_view k, const S& sub, F describe) {
        add(k, "{");
        describe(*this, sub);
        out_ += "};";
    }
    template <class S, class F>
    void list(std::string_view k, const std::vector<S>&, F describe, std::string_view) {
        add(k, "[");
        const S item{};
        describe(*this, item);
        out_ += "];";
    }

  private:
    void add(std::string_view key, const std::string& kind) {
        out_.append(key).append(":").append(kind).append(";");
    }
    std::string& out_;
};

/// A hash of the child schema's shape, written after the magic: a cache written by a liushou
/// whose schema.hpp differs (a field added) is ignored as a whole, never misread.
uint64_t schema_fingerprint() {
    static const uint64_t hash = [] {
        std::string shape;
        Shape v(shape);
        const Child blank;
        schema::child(v, blank);
        uint64_t h = 1469598103934665603ULL;  // FNV-1a
        for (unsigned char c : shape) h = (h ^ c) * 1099511628211ULL;
        return h;
    }();
    return hash;
}

}  // namespace

void serialize_child(std::string& buffer, const Child& c) {
    Out o(buffer);
    o.i32(c.schema);
    RecordOut fields(o);
    schema::child(fields, c);
    o.extras(c.extras);
}

bool deserialize_child(std::string_view data, Child& c) {
    In in(data);
    c = Child{};
    c.schema = in.i32();
    RecordIn fields(in);
    schema::child(fields, c);
    c.extras = in.extras();
    return fields.ok() && in.at_end();
}

bool peek_child_name(std::string_view data, std::string& id, std::string& name) {
    // schema::child describes id and name first, as serialize_child writes them after the
    // schema number (the unit tests compare this with a whole decode).
    In in(data);
    in.i32();
    id = in.str();
    name = in.str();
    return in.ok();
}

namespace {

/// A cache file mapped read-only, unmapped with the last copy; null when there is none.
/// Derived data that anyone may have replaced: only a regular file is mapped, and the open
/// never blocks (a FIFO put here would otherwise hang every read command).
std::shared_ptr<const char> map_cache_file(const std::string& path, size_t& size) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW);
    if (fd < 0) return nullptr;
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0) {
        ::close(fd);
        return nullptr;
    }
    const size_t length = static_cast<size_t>(st.st_size);
    void* addr = ::mmap(nullptr, length, PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (addr == MAP_FAILED) return nullptr;
    size = length;
    return std::shared_ptr<const char>(static_cast<const char*>(addr), [length](const char* p) {
        ::munmap(const_cast<char*>(p), length);
    });
}

}  // namespace

RecordCache RecordCache::read(const std::string& path) {
    RecordCache cache;
    size_t size = 0;
    cache.map_ = map_cache_file(path, size);
    if (!cache.map_) return cache;
    cache.data_ = std::string_view(cache.map_.get(), size);
    In in(cache.data_);
    if (in.bytes(sizeof kMagic) != std::string_view(kMagic, sizeof kMagic)) return RecordCache{};
    if (in.u64() != schema_fingerprint()) return RecordCache{};
    cache.written_ns_ = in.i64();
    const uint64_t count = in.count();
    for (uint64_t i = 0; in.ok() && i < count; ++i) {
        std::string id = in.str();
        Slot slot{};
        slot.key.size = in.u64();
        slot.key.mtime_ns = in.i64();
        slot.key.inode = in.u64();
        slot.key.ctime_ns = in.i64();
        slot.comment_line = in.i32();
        slot.length = in.u64();
        slot.offset = in.pos();
        in.bytes(slot.length);  // decoded only when asked for
        if (in.ok()) cache.index_.emplace(std::move(id), slot);
    }
    if (!in.ok()) return RecordCache{};
    return cache;
}

std::optional<std::string_view> RecordCache::record(const std::string& id,
                                                    const FileKey& key) const {
    const auto it = index_.find(id);
    if (it == index_.end() || !(it->second.key == key)) return std::nullopt;
    // Git's racy-entry rule: same-second changes may have kept size and times.
    const int64_t changed = std::max(key.mtime_ns, key.ctime_ns);
    if (changed / 1000000000 >= written_ns_ / 1000000000) return std::nullopt;
    return data_.substr(it->second.offset, it->second.length);
}

bool RecordCache::find(const std::string& id, const FileKey& key, Child& child,
                       int& comment_line) const {
    const auto bytes = record(id, key);
    if (!bytes || !deserialize_child(*bytes, child)) return false;
    comment_line = index_.find(id)->second.comment_line;
    return true;
}

void RecordCache::write(const std::string& path, const std::vector<Entry>& entries,
                        int64_t started_ns) {
    std::string out;
    Out o(out);
    o.bytes(std::string_view(kMagic, sizeof kMagic));
    o.u64(schema_fingerprint());
    o.i64(started_ns);
    o.u64(entries.size());
    std::string record;
    for (const Entry& e : entries) {
        record.clear();
        serialize_child(record, *e.child);
        o.str(*e.id);
        o.u64(e.key.size);
        o.i64(e.key.mtime_ns);
        o.u64(e.key.inode);
        o.i64(e.key.ctime_ns);
        o.i32(e.comment_line);
        o.u64(record.size());
        out += record;
    }
    try {
        atomic_write(path, out, 0600);
    } catch (const IoError&) {
        // A read-only tree, a full disk: the next run simply parses again.
    }
}

// ---- the figures cache ---------------------------------------------------------------------

namespace {

// Each kind of figures its own file and magic.
// 2: each child's enrolments, for activities' attendance (#47).
constexpr char kFiguresMagic[8] = {'L', 'S', 'H', 'F', 'I', 'G', 'S', '2'};
constexpr char kDutiesMagic[8] = {'L', 'S', 'H', 'D', 'U', 'T', 'Y', '1'};
std::string_view magic_of(const ChildFigures*) {
    return {kFiguresMagic, sizeof kFiguresMagic};
}
std::string_view magic_of(const ChildDuties*) {
    return {kDutiesMagic, sizeof kDutiesMagic};
}
uint64_t fingerprint_of(const ChildFigures*) {
    return figures_fingerprint();
}
uint64_t fingerprint_of(const ChildDuties*) {
    return duties_fingerprint();
}
constexpr char kPrintedMagic[8] = {'L', 'S', 'H', 'P', 'R', 'N', 'T', '1'};
std::string_view magic_of(const PrintedOutput*) {
    return {kPrintedMagic, sizeof kPrintedMagic};
}
/// A printed output depends on every layer's code (the rendering above all), so it is kept for
/// this very program file: any rebuild or upgrade changes its inode, size or time.
uint64_t fingerprint_of(const PrintedOutput*) {
    struct stat st {};
    if (::stat("/proc/self/exe", &st) != 0) return 0;  // never matches what was written
    return fnv1a(
        fmt::format("{} {} {}.{}", st.st_ino, st.st_size, st.st_mtim.tv_sec, st.st_mtim.tv_nsec));
}
void put(Out&, const PrintedOutput&) {}
bool get(In&, PrintedOutput&) {
    return true;
}

// One list for writing and reading, so the two cannot disagree.
constexpr int Stats::*kStatsInts[] = {
    &Stats::enrolled_from,        &Stats::new_pupils,   &Stats::transferred_in, &Stats::transferred,
    &Stats::dropped_out,          &Stats::graduated,    &Stats::left_other,     &Stats::enrolled,
    &Stats::not_enrolled,         &Stats::both_parents, &Stats::father_away,    &Stats::mother_away,
    &Stats::one_parent,           &Stats::boarding,     &Stats::key_children,   &Stats::subsidised,
    &Stats::counselling_sessions, &Stats::counselled,   &Stats::counselled_key, &Stats::birthdays,
    &Stats::birthdays_greeted,    &Stats::with_buddy,   &Stats::several_buddies};
constexpr Rate Stats::*kStatsRates[] = {
    &Stats::filed, &Stats::enrolment,    &Stats::retention,   &Stats::paired,
    &Stats::talks, &Stats::family_calls, &Stats::home_visits, &Stats::meetings};

void put(Out& o, const Rate& r) {
    o.i64(r.num), o.i64(r.den);
}
void put(Out& o, const Date& d) {
    o.date(d);
}
void put(Out& o, const Month& m) {
    o.i32(m.year), o.i32(m.month);
}
void put(Out& o, const ChildRef& c) {
    o.str(c.id), o.str(c.name), o.opt(c.grade), o.opt(c.class_no);
}

void put(Out& o, const ChildFigures& f) {
    const Stats& s = f.stats;
    for (auto m : kStatsInts) o.i32(s.*m);
    for (auto m : kStatsRates) put(o, s.*m);
    for (const auto* months : {&s.talks_by_month, &s.calls_by_month}) {
        o.u64(months->size());
        for (const MonthRate& m : *months)
            put(o, m.month), put(o, m.from), put(o, m.to), put(o, m.rate);
    }
    for (const auto* terms : {&s.visits_by_term, &s.meetings_by_term}) {
        o.u64(terms->size());
        for (const TermRate& t : *terms)
            o.str(t.term), put(o, t.from), put(o, t.to), put(o, t.rate), o.i32(t.cut);
    }
    put(o, f.shortfall.child);
    o.strings(f.shortfall.missing);
    o.i32(f.shortfall.unpaired);
    o.u64(f.shortfall.untalked.size());
    for (const TalkShort& t : f.shortfall.untalked)
        put(o, t.month), o.i32(t.held), o.i32(t.required);
    put(o, f.listed);
    o.i32(f.enrolled_listed);
    o.u64(f.enrolments.size());
    for (const auto& [from, to] : f.enrolments) o.date(from), o.date(to);
    o.i32(f.counted);
}

bool get_date(In& in, Date& d) {
    const auto v = in.date();
    if (!v) return false;
    d = *v;
    return true;
}
Rate get_rate(In& in) {
    Rate r;
    r.num = in.i64();
    r.den = in.i64();
    return r;
}
Month get_month(In& in) {
    Month m;
    m.year = in.i32();
    m.month = in.i32();
    return m;
}
ChildRef get_ref(In& in) {
    ChildRef c;
    c.id = in.str();
    c.name = in.str();
    c.grade = in.opt();
    c.class_no = in.opt();
    return c;
}

bool get(In& in, ChildFigures& f) {
    Stats& s = f.stats;
    for (auto m : kStatsInts) s.*m = in.i32();
    for (auto m : kStatsRates) s.*m = get_rate(in);
    for (auto* months : {&s.talks_by_month, &s.calls_by_month}) {
        const uint64_t n = in.count();
        months->reserve(n);
        for (uint64_t i = 0; in.ok() && i < n; ++i) {
            MonthRate m;
            m.month = get_month(in);
            if (!get_date(in, m.from) || !get_date(in, m.to)) return false;
            m.rate = get_rate(in);
            months->push_back(m);
        }
    }
    for (auto* terms : {&s.visits_by_term, &s.meetings_by_term}) {
        const uint64_t n = in.count();
        for (uint64_t i = 0; in.ok() && i < n; ++i) {
            TermRate t;
            t.term = in.str();
            if (!get_date(in, t.from) || !get_date(in, t.to)) return false;
            t.rate = get_rate(in);
            t.cut = in.i32() != 0;
            terms->push_back(std::move(t));
        }
    }
    f.shortfall.child = get_ref(in);
    f.shortfall.missing = in.strings();
    f.shortfall.unpaired = in.i32() != 0;
    const uint64_t n = in.count();
    for (uint64_t i = 0; in.ok() && i < n; ++i) {
        TalkShort t;
        t.month = get_month(in);
        t.held = in.i32();
        t.required = in.i32();
        f.shortfall.untalked.push_back(t);
    }
    f.listed = get_ref(in);
    f.enrolled_listed = in.i32() != 0;
    // The enrolments, for an activity's attendance (count: each is two dates).
    const uint64_t spans = in.count();
    for (uint64_t i = 0; in.ok() && i < spans; ++i) {
        auto from = in.date();
        f.enrolments.emplace_back(from, in.date());
    }
    f.counted = in.i32() != 0;
    return in.ok();
}

void put(Out& o, const CadenceState& c) {
    o.i32(c.owes), o.i32(c.done), o.date(c.last);
}
void put(Out& o, const ChildDuties& d) {
    put(o, d.child);
    o.i32(d.in_month);
    o.str(d.teacher);
    for (auto m : {&ChildDuties::talks, &ChildDuties::family_calls, &ChildDuties::home_visits,
                   &ChildDuties::meetings})
        put(o, d.*m);
    o.i32(d.birthday.has_value());
    if (d.birthday) {
        put(o, d.birthday->child);
        put(o, d.birthday->birth), put(o, d.birthday->day);
        o.i32(d.birthday->age);
        o.date(d.birthday->greeted);
    }
    o.u64(d.follow_ups.size());
    for (const OpenFollowUp& f : d.follow_ups) {
        put(o, f.child);
        put(o, f.date);
        o.str(f.text), o.str(f.by);
        o.i64(f.days_open);
    }
    o.strings(d.missing);
}

bool get(In& in, ChildDuties& d) {
    d.child = get_ref(in);
    d.in_month = in.i32() != 0;
    d.teacher = in.str();
    for (auto m : {&ChildDuties::talks, &ChildDuties::family_calls, &ChildDuties::home_visits,
                   &ChildDuties::meetings}) {
        CadenceState& c = d.*m;
        c.owes = in.i32() != 0;
        c.done = in.i32();
        c.last = in.date();
    }
    if (in.i32()) {
        Birthday b;
        b.child = get_ref(in);
        if (!get_date(in, b.birth) || !get_date(in, b.day)) return false;
        b.age = in.i32();
        b.greeted = in.date();
        d.birthday = std::move(b);
    }
    const uint64_t n = in.count();
    d.follow_ups.reserve(n);
    for (uint64_t i = 0; in.ok() && i < n; ++i) {
        OpenFollowUp f;
        f.child = get_ref(in);
        if (!get_date(in, f.date)) return false;
        f.text = in.str();
        f.by = in.str();
        f.days_open = in.i64();
        d.follow_ups.push_back(std::move(f));
    }
    d.missing = in.strings();
    return in.ok();
}

template <class T>
bool deserialize_one(std::string_view data, T& figures) {
    In in(data);
    return get(in, figures) && in.at_end();
}

}  // namespace

void serialize_figures(std::string& out, const ChildFigures& figures) {
    Out o(out);
    put(o, figures);
}

bool deserialize_figures(std::string_view data, ChildFigures& figures) {
    return deserialize_one(data, figures);
}

void serialize_duties(std::string& out, const ChildDuties& duties) {
    Out o(out);
    put(o, duties);
}

bool deserialize_duties(std::string_view data, ChildDuties& duties) {
    return deserialize_one(data, duties);
}

template <class T>
std::optional<std::vector<T>> PerChildCache<T>::read(
    const std::string& path, uint64_t context, const std::vector<std::string>& ids,
    const std::function<bool(std::string_view, FileKey&)>& key_of, std::string* tail) {
    size_t size = 0;
    const std::shared_ptr<const char> map = map_cache_file(path, size);
    if (!map) return std::nullopt;
    In in(std::string_view(map.get(), size));
    if (in.bytes(sizeof kFiguresMagic) != magic_of(static_cast<const T*>(nullptr)) ||
        in.u64() != schema_fingerprint() ||
        in.u64() != fingerprint_of(static_cast<const T*>(nullptr)) || in.u64() != context)
        return std::nullopt;
    const int64_t written_ns = in.i64();
    if (in.count() != ids.size()) return std::nullopt;
    // The same children, in the same order; then each file as it was when the figures were
    // worked out (and not touched in the second they were written: git's racy rule), checked
    // and decoded by a few threads, as a warm read is mostly these stats.
    struct Stored {
        std::string_view id;
        FileKey key;
        std::string_view blob;
    };
    std::vector<Stored> entries(ids.size());
    for (size_t i = 0; i < ids.size(); ++i) {
        Stored& e = entries[i];
        e.id = in.bytes(in.u64());
        e.key.size = in.u64();
        e.key.mtime_ns = in.i64();
        e.key.inode = in.u64();
        e.key.ctime_ns = in.i64();
        e.blob = in.bytes(in.u64());
    }
    const std::string_view stored_tail = in.bytes(in.u64());
    if (!in.ok() || !in.at_end()) return std::nullopt;
    // Kept in the writer's order (a checklist's: class order); the same children as listed.
    std::vector<std::string_view> stored_ids(entries.size());
    for (size_t i = 0; i < entries.size(); ++i) stored_ids[i] = entries[i].id;
    std::sort(stored_ids.begin(), stored_ids.end());
    if (!std::equal(stored_ids.begin(), stored_ids.end(), ids.begin(), ids.end()))
        return std::nullopt;
    std::vector<T> out(ids.size());
    std::atomic<bool> stale{false};
    std::atomic<size_t> next{0};
    constexpr size_t kChunk = 256;
    auto work = [&] {
        for (size_t from = next.fetch_add(kChunk); from < ids.size() && !stale;
             from = next.fetch_add(kChunk))
            for (size_t i = from; i < std::min(ids.size(), from + kChunk); ++i) {
                FileKey now;
                if (!key_of(entries[i].id, now) || !(now == entries[i].key) ||
                    std::max(now.mtime_ns, now.ctime_ns) / 1000000000 >= written_ns / 1000000000 ||
                    !deserialize_one(entries[i].blob, out[i])) {
                    stale = true;
                    break;
                }
            }
    };
    const size_t workers = std::min<size_t>(std::max(1u, std::thread::hardware_concurrency()),
                                            std::min<size_t>(4, ids.size() / 1024 + 1));
    std::vector<std::thread> threads;
    for (size_t w = 1; w < workers; ++w) threads.emplace_back(work);
    work();
    for (auto& t : threads) t.join();
    if (stale) return std::nullopt;
    if (tail) tail->assign(stored_tail);
    return out;
}

template <class T>
void PerChildCache<T>::write(const std::string& path, uint64_t context,
                             const std::vector<std::string>& ids, const std::vector<FileKey>& keys,
                             const std::vector<T>& figures, int64_t started_ns,
                             std::string_view tail) {
    std::string out;
    Out o(out);
    o.bytes(magic_of(static_cast<const T*>(nullptr)));
    o.u64(schema_fingerprint());
    o.u64(fingerprint_of(static_cast<const T*>(nullptr)));
    o.u64(context);
    o.i64(started_ns);
    o.u64(ids.size());
    std::string blob;
    for (size_t i = 0; i < ids.size(); ++i) {
        blob.clear();
        Out b(blob);
        put(b, figures[i]);
        o.str(ids[i]);
        o.u64(keys[i].size);
        o.i64(keys[i].mtime_ns);
        o.u64(keys[i].inode);
        o.i64(keys[i].ctime_ns);
        o.str(blob);
    }
    o.str(tail);
    try {
        atomic_write(path, out, 0600);
    } catch (const IoError&) {
        // Only an optimisation: the next run works the figures out again.
    }
}

template class PerChildCache<ChildFigures>;
template class PerChildCache<ChildDuties>;
template class PerChildCache<PrintedOutput>;

}  // namespace liushou
