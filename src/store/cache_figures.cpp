// The per-child caches of one context (.liushou/cache/figures.bin, duties.bin, printed.bin):
// each child's figures, duties or nothing of its own, with its file's key, so that a warm
// report neither decodes nor counts a child. The record cache is in cache.cpp.
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <type_traits>
#include <unordered_map>

#include "cache.hpp"
#include "cache_io.hpp"
#include "liushou/error.hpp"
#include "liushou/parallel.hpp"
#include "liushou/store.hpp"
#include "liushou/text.hpp"

namespace liushou {

using cache_io::In;
using cache_io::map_cache_file;
using cache_io::Out;
using cache_io::schema_fingerprint;

namespace {

// Each kind of figures its own file and magic.
// 2: each child's enrolments, for activities' attendance (#47).
// 3: each child's id and 身份证号, so that one child in two files is counted once (#39).
constexpr char kFiguresMagic[8] = {'L', 'S', 'H', 'F', 'I', 'G', 'S', '3'};
// Duties 2: each child's 身份证号 (#39), as the figures' 3.
constexpr char kDutiesMagic[8] = {'L', 'S', 'H', 'D', 'U', 'T', 'Y', '2'};
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
// 2: checksummed and written without an fsync (cache_io::write_delta_file), as a delta: the
// whole output is its tail, so a torn file is never printed.
constexpr char kPrintedMagic[8] = {'L', 'S', 'H', 'P', 'R', 'N', 'T', '2'};
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
    o.str(f.id), o.str(f.id_number);
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
    f.id = in.str();
    f.id_number = in.str();
    return in.ok();
}

void put(Out& o, const CadenceState& c) {
    o.i32(c.owes), o.i32(c.done), o.date(c.last);
}
void put(Out& o, const ChildDuties& d) {
    put(o, d.child);
    o.str(d.id_number);
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
    o.strings(d.attendance);
}

bool get(In& in, ChildDuties& d) {
    d.child = get_ref(in);
    d.id_number = in.str();
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
    d.attendance = in.strings();
    return in.ok();
}

}  // namespace

// What PerChildCache writes for each child, and reads back: the same functions the tests use.
void serialize_figures(std::string& out, const ChildFigures& figures) {
    Out o(out);
    put(o, figures);
}

void serialize_figures(std::string& out, const ChildDuties& duties) {
    Out o(out);
    put(o, duties);
}

void serialize_figures(std::string&, const PrintedOutput&) {}  // only each file's key

template <class T>
bool deserialize_figures(std::string_view data, T& figures) {
    In in(data);
    return get(in, figures) && in.at_end();
}
template bool deserialize_figures(std::string_view, ChildFigures&);
template bool deserialize_figures(std::string_view, ChildDuties&);
template bool deserialize_figures(std::string_view, PrintedOutput&);

namespace {

// A delta of figures or duties: this magic, then the base's (which kind it holds).
constexpr char kFiguresDeltaMagic[8] = {'L', 'S', 'H', 'F', 'D', 'L', 'T', '1'};

/// One child as a per-child cache holds it, in its base or its delta.
struct Stored {
    std::string_view id;
    FileKey key;
    std::string_view blob;
    int64_t written_ns;  // its racy bound: the base's writing, or the delta entry's
};

/// The header a delta of the base `magic` written at `base_ns` for `context` starts with.
std::string delta_header(std::string_view magic, uint64_t kind, uint64_t context, int64_t base_ns) {
    std::string out;
    Out o(out);
    o.bytes(std::string_view(kFiguresDeltaMagic, sizeof kFiguresDeltaMagic));
    o.bytes(magic);
    o.u64(schema_fingerprint());
    o.u64(kind);
    o.u64(context);
    o.i64(base_ns);
    return out;
}

/// The entries of the delta beside `path` (mapped into `map`), if it belongs to this base:
/// all or none.
std::vector<Stored> read_figures_delta(const std::string& path, const std::string& header,
                                       std::shared_ptr<const char>& map) {
    size_t size = 0;
    map = map_cache_file(path + ".delta", size);
    if (!map) return {};
    const auto bytes = cache_io::checked_delta(std::string_view(map.get(), size));
    if (!bytes || bytes->substr(0, header.size()) != header) return {};  // torn, another base's
    In in(bytes->substr(header.size()));
    std::vector<Stored> out(in.count());  // bounded by the bytes left
    for (Stored& e : out) {
        e.id = in.bytes(in.u64());
        e.key = read_key(in);
        e.written_ns = in.i64();
        e.blob = in.bytes(in.u64());
    }
    if (!in.ok() || !in.at_end()) return {};
    return out;
}

}  // namespace

template <class T>
void PerChildCache<T>::write_delta(const std::string& path, uint64_t context,
                                   const Refresh& refresh, const std::vector<T>& figures,
                                   int64_t started_ns) {
    constexpr const T* kind = nullptr;
    std::string out = delta_header(magic_of(kind), fingerprint_of(kind), context, refresh.base_ns);
    Out o(out);
    o.u64(refresh.kept.size() + refresh.changed.size());
    for (const auto& k : refresh.kept) {
        o.str(k.id);
        write_key(o, k.key);
        o.i64(k.written_ns);
        o.str(k.blob);
    }
    std::string blob;
    for (const size_t i : refresh.changed) {
        blob.clear();
        serialize_figures(blob, figures[i]);
        o.str(refresh.ids[i]);
        write_key(o, refresh.keys[i]);
        o.i64(started_ns);
        o.str(blob);
    }
    cache_io::write_delta_file(path + ".delta", std::move(out));
}

template <class T>
std::optional<std::vector<T>> PerChildCache<T>::read(const std::string& path, uint64_t context,
                                                     const std::vector<std::string>& ids,
                                                     const KeyOf& key_of, std::string* tail,
                                                     const Recount& recount, Refresh* refresh) {
    size_t size = 0;
    const std::shared_ptr<const char> map = map_cache_file(path, size);
    if (!map) return std::nullopt;
    std::string_view bytes(map.get(), size);
    if constexpr (std::is_same_v<T, PrintedOutput>) {
        const auto checked = cache_io::checked_delta(bytes);
        if (!checked) return std::nullopt;
        bytes = *checked;
    }
    In in(bytes);
    if (in.bytes(sizeof kFiguresMagic) != magic_of(static_cast<const T*>(nullptr)) ||
        in.u64() != schema_fingerprint() ||
        in.u64() != fingerprint_of(static_cast<const T*>(nullptr)) || in.u64() != context)
        return std::nullopt;
    const int64_t written_ns = in.i64();
    if (in.count() != ids.size()) return std::nullopt;
    // The same children, in the same order; then each file as it was when the figures were
    // worked out (and settled by then: git's racy rule, cache.hpp's settled), checked
    // and decoded by a few threads, as a warm read is mostly these stats.
    std::vector<Stored> entries(ids.size());
    for (size_t i = 0; i < ids.size(); ++i) {
        Stored& e = entries[i];
        e.id = in.bytes(in.u64());
        e.key = read_key(in);
        e.blob = in.bytes(in.u64());
        e.written_ns = written_ns;
    }
    const std::string_view stored_tail = in.bytes(in.u64());
    if (!in.ok() || !in.at_end()) return std::nullopt;
    // The children worked out again since the base was written, each in its place.
    constexpr const T* kind = nullptr;
    std::shared_ptr<const char> delta_map;
    std::vector<Stored> delta = read_figures_delta(
        path, delta_header(magic_of(kind), fingerprint_of(kind), context, written_ns), delta_map);
    std::vector<char> in_delta;
    if (!delta.empty()) {
        std::unordered_map<std::string_view, const Stored*> by_id;
        for (const Stored& d : delta) by_id.emplace(d.id, &d);
        in_delta.assign(entries.size(), 0);
        for (size_t i = 0; i < entries.size(); ++i)
            if (const auto it = by_id.find(entries[i].id); it != by_id.end())
                entries[i] = *it->second, in_delta[i] = 1;
    }
    // Kept in the writer's order (a checklist's: class order); the same children as listed.
    std::vector<std::string_view> stored_ids(entries.size());
    for (size_t i = 0; i < entries.size(); ++i) stored_ids[i] = entries[i].id;
    std::sort(stored_ids.begin(), stored_ids.end());
    if (!std::equal(stored_ids.begin(), stored_ids.end(), ids.begin(), ids.end()))
        return std::nullopt;
    // A child whose file changed, or is racy, is worked out again by `recount` (its one file
    // read), never the whole set: a read right after a write costs that file, not the tree.
    std::vector<T> out(ids.size());
    std::vector<FileKey> keys(ids.size());
    std::atomic<bool> stale{false};
    std::atomic<size_t> recounted{0};
    std::vector<char> changed(ids.size(), 0);
    // Taken 256 at a time: each is a few hundred nanoseconds, less than taking one.
    parallel_for(
        ids.size(), worker_count(0, ids.size(), 1024),
        [&](size_t i) {
            if (stale) return;  // the whole set is read again: the rest need no look
            FileKey& now = keys[i];
            if (!key_of(entries[i].id, now)) {
                stale = true;  // gone, or a link
                return;
            }
            if (now == entries[i].key && settled(now, entries[i].written_ns) &&
                deserialize_figures(entries[i].blob, out[i]))
                return;
            if (!recount || !recount(entries[i].id, now, out[i])) {
                stale = true;
                return;
            }
            ++recounted;
            changed[i] = 1;
        },
        256);
    if (stale) return std::nullopt;
    const size_t served = ids.size() - recounted.load();
    if (!std::is_same_v<T, PrintedOutput>) {  // a printed output is no child's figures
        read_stats().figures_cached += served;
        read_stats().figures_recounted += recounted.load();
    }
    if (tail) tail->assign(stored_tail);
    if (refresh) {  // every file's key as found, recounted or not (Tree::cache_output)
        refresh->ids.reserve(ids.size());
        for (const Stored& e : entries) refresh->ids.emplace_back(e.id);
        refresh->keys = std::move(keys);
        refresh->tail.assign(stored_tail);
        refresh->base_ns = written_ns;
        for (size_t i = 0; i < entries.size(); ++i) {
            if (changed[i])
                refresh->changed.push_back(i);
            else if (!in_delta.empty() && in_delta[i])
                refresh->kept.push_back({std::string(entries[i].id), entries[i].key,
                                         entries[i].written_ns, std::string(entries[i].blob)});
        }
    }
    return out;
}

template <class T>
void PerChildCache<T>::write(const std::string& path, uint64_t context,
                             const std::vector<std::string>& ids, const std::vector<FileKey>& keys,
                             const std::vector<T>& figures, int64_t started_ns,
                             std::string_view tail) {
    std::string out;
    // About the size of the file it replaces: a read right after a write rewrites 10 MB of
    // figures at 10,000 children, and growing the string copied them several times over. (A
    // checklist kept as printed is written from the caller's text, never copied in here.)
    struct stat old {};
    if (!std::is_same_v<T, PrintedOutput> && ::stat(path.c_str(), &old) == 0 &&
        S_ISREG(old.st_mode) && old.st_size < (1LL << 31))
        out.reserve(static_cast<size_t>(old.st_size) + (64 << 10));
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
        serialize_figures(blob, figures[i]);
        o.str(ids[i]);
        o.u64(keys[i].size);
        o.i64(keys[i].mtime_ns);
        o.u64(keys[i].inode);
        o.i64(keys[i].ctime_ns);
        o.str(blob);
    }
    // The delta goes first: left beside the new base it would name the old one and be ignored,
    // but a base written in the same nanosecond as the old one must not adopt it.
    ::unlink((path + ".delta").c_str());
    if constexpr (std::is_same_v<T, PrintedOutput>) {
        // Written again by the next checklist after any change: not worth a flush. The text
        // (megabytes) goes from the caller's string, after its length, as o.str(tail) would.
        o.u64(tail.size());
        cache_io::write_delta_file(path, out, tail);
        return;
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
