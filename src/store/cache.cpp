#include "cache.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

#include "liushou/error.hpp"
#include "liushou/store.hpp"

namespace liushou {

namespace {

// Bump when Child or the layout changes: an old cache is then ignored, never misread.
constexpr char kMagic[8] = {'L', 'S', 'H', 'C', 'A', 'C', 'H', '4'};

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
    void date(const std::optional<Date>& d) { i32(d ? static_cast<int32_t>(d->days()) + 1000000 : 0); }
    void opt(const std::optional<int>& v) { i32(v ? *v : INT32_MIN); }
    template <class E>
    void en(const std::optional<E>& v) { i32(v ? static_cast<int32_t>(*v) : -1); }
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

}  // namespace

void serialize_child(std::string& buffer, const Child& c) {
    Out o(buffer);
    o.i32(c.schema);
    o.str(c.id);
    o.str(c.name);
    o.en(c.gender);
    o.date(c.birth_date);
    o.str(c.id_number);
    o.str(c.ethnicity);
    o.opt(c.grade);
    o.opt(c.class_no);
    o.date(c.enrolled_on);
    o.i32(static_cast<int32_t>(c.status));
    o.date(c.status_on);
    o.en(c.left_behind);
    o.i32(c.boarding ? (*c.boarding ? 1 : 0) : -1);
    o.str(c.health);
    o.str(c.home_address);
    o.u64(c.parents.size());
    for (const auto& p : c.parents) {
        o.str(p.relation), o.str(p.name), o.str(p.phone), o.str(p.work_place), o.str(p.work_phone);
        o.extras(p.extras);
    }
    const Guardian& g = c.guardian;
    o.str(g.relation), o.str(g.name), o.str(g.occupation), o.str(g.address), o.str(g.phone);
    o.str(g.health), o.opt(g.age), o.extras(g.extras);
    o.i32(c.support.key_child), o.strings(c.support.subsidies), o.str(c.support.individual_plan);
    o.extras(c.support.extras);
    const Pairing& p = c.pairing;
    o.str(p.teacher), o.str(p.buddy), o.str(p.proxy_parent), o.date(p.since);
    o.u64(p.history.size());
    for (const auto& h : p.history) {
        o.str(h.teacher), o.str(h.buddy), o.str(h.proxy_parent), o.date(h.from), o.date(h.to);
        o.extras(h.extras);
    }
    o.u64(p.plan.size());
    for (const auto& i : p.plan)
        o.date(i.from), o.date(i.to), o.str(i.content), o.str(i.goal), o.extras(i.extras);
    o.u64(p.progress.size());
    for (const auto& i : p.progress)
        o.date(i.date), o.str(i.note), o.str(i.subject), o.str(i.score), o.extras(i.extras);
    o.extras(p.extras);
    o.u64(c.talks.size());
    for (const auto& t : c.talks) {
        o.date(t.date), o.i32(static_cast<int32_t>(t.kind)), o.str(t.by), o.str(t.summary);
        o.en(t.mood), o.str(t.follow_up), o.date(t.closes), o.extras(t.extras);
    }
    o.str(c.notes);
    o.extras(c.extras);
}

bool deserialize_child(std::string_view data, Child& c) {
    In in(data);
    c = Child{};
    c.schema = in.i32();
    c.id = in.str();
    c.name = in.str();
    c.gender = in.en<Gender>(2);
    c.birth_date = in.date();
    c.id_number = in.str();
    c.ethnicity = in.str();
    c.grade = in.opt();
    c.class_no = in.opt();
    c.enrolled_on = in.date();
    const auto status = in.en<Status>(5);
    if (!status) return false;
    c.status = *status;
    c.status_on = in.date();
    c.left_behind = in.en<LeftBehind>(3);
    const int32_t boarding = in.i32();
    if (boarding >= 0) c.boarding = boarding == 1;
    c.health = in.str();
    c.home_address = in.str();
    for (uint64_t n = in.count(), i = 0; in.ok() && i < n; ++i) {
        Parent p;
        p.relation = in.str(), p.name = in.str(), p.phone = in.str();
        p.work_place = in.str(), p.work_phone = in.str(), p.extras = in.extras();
        c.parents.push_back(std::move(p));
    }
    Guardian& g = c.guardian;
    g.relation = in.str(), g.name = in.str(), g.occupation = in.str(), g.address = in.str();
    g.phone = in.str(), g.health = in.str(), g.age = in.opt(), g.extras = in.extras();
    c.support.key_child = in.i32() != 0;
    c.support.subsidies = in.strings();
    c.support.individual_plan = in.str();
    c.support.extras = in.extras();
    Pairing& p = c.pairing;
    p.teacher = in.str(), p.buddy = in.str(), p.proxy_parent = in.str(), p.since = in.date();
    for (uint64_t n = in.count(), i = 0; in.ok() && i < n; ++i) {
        PairingPeriod h;
        h.teacher = in.str(), h.buddy = in.str(), h.proxy_parent = in.str();
        h.from = in.date(), h.to = in.date(), h.extras = in.extras();
        p.history.push_back(std::move(h));
    }
    for (uint64_t n = in.count(), i = 0; in.ok() && i < n; ++i) {
        PlanItem item;
        item.from = in.date(), item.to = in.date(), item.content = in.str(), item.goal = in.str();
        item.extras = in.extras();
        p.plan.push_back(std::move(item));
    }
    for (uint64_t n = in.count(), i = 0; in.ok() && i < n; ++i) {
        ProgressItem item;
        item.date = in.date(), item.note = in.str(), item.subject = in.str(), item.score = in.str();
        item.extras = in.extras();
        p.progress.push_back(std::move(item));
    }
    p.extras = in.extras();
    const uint64_t talks = in.count();
    c.talks.reserve(talks);
    for (uint64_t i = 0; in.ok() && i < talks; ++i) {
        Talk t;
        t.date = in.date();
        const int32_t kind = in.i32();
        if (kind < 0 || kind > 3) return false;
        t.kind = static_cast<TalkKind>(kind);
        t.by = in.str(), t.summary = in.str(), t.mood = in.en<Mood>(3);
        t.follow_up = in.str(), t.closes = in.date(), t.extras = in.extras();
        c.talks.push_back(std::move(t));
    }
    c.notes = in.str();
    c.extras = in.extras();
    return in.ok() && in.at_end();
}

RecordCache RecordCache::read(const std::string& path) {
    RecordCache cache;
    // Derived data that anyone may have replaced: only a regular file is mapped, and the open
    // never blocks (a FIFO put here would otherwise hang every read command).
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW);
    if (fd < 0) return cache;
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0) {
        ::close(fd);
        return cache;
    }
    const size_t size = static_cast<size_t>(st.st_size);
    void* addr = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (addr == MAP_FAILED) return cache;
    cache.map_ = std::shared_ptr<const char>(static_cast<const char*>(addr),
                                             [size](const char* p) { ::munmap(const_cast<char*>(p), size); });
    cache.data_ = std::string_view(cache.map_.get(), size);
    In in(cache.data_);
    if (in.bytes(sizeof kMagic) != std::string_view(kMagic, sizeof kMagic)) return RecordCache{};
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

bool RecordCache::find(const std::string& id, const FileKey& key, Child& child,
                       int& comment_line) const {
    const auto it = index_.find(id);
    if (it == index_.end() || !(it->second.key == key)) return false;
    // Git's racy-entry rule: same-second changes may have kept size and times.
    const int64_t changed = std::max(key.mtime_ns, key.ctime_ns);
    if (changed / 1000000000 >= written_ns_ / 1000000000) return false;
    if (!deserialize_child(data_.substr(it->second.offset, it->second.length), child))
        return false;
    comment_line = it->second.comment_line;
    return true;
}

void RecordCache::write(const std::string& path, const std::vector<Entry>& entries,
                        int64_t started_ns) {
    std::string out;
    Out o(out);
    o.bytes(std::string_view(kMagic, sizeof kMagic));
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

}  // namespace liushou
