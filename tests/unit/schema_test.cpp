// The property behind schema.hpp: a record with every field filled at random (and unknown keys
// at every level) comes back the same through each visitor that stores or shows it: the YAML
// writer and both readers, the record cache, and the CSV card. A field added to schema.hpp is
// filled here without any change to this test.
#include "liushou/schema.hpp"

#include <doctest/doctest.h>

#include <map>
#include <random>
#include <string>
#include <vector>

#include "liushou/codec.hpp"
#include "liushou/report_render.hpp"
#include "store/cache.hpp"

using namespace liushou;

namespace {

/// Puts a random value in every field it visits, and unknown keys in every mapping.
class Filler {
  public:
    Filler(std::mt19937& rng, bool unknown_keys) : rng_(rng), unknown_keys_(unknown_keys) {}

    void text(std::string_view, std::string& v) { v = some_text(); }
    void date(std::string_view, std::optional<Date>& v) {
        if (pick(5) == 0) return v.reset();
        v = Date::from_days(Date{2010, 1, 1}.days() + static_cast<long>(pick(7300)));
    }
    void integer(std::string_view, std::optional<int>& v) {
        if (pick(4) == 0) return v.reset();
        v = static_cast<int>(pick(2000)) - 100;
    }
    void boolean(std::string_view, std::optional<bool>& v) {
        const size_t b = pick(3);
        if (b == 2) return v.reset();
        v = b == 1;
    }
    void boolean(std::string_view, bool& v) { v = pick(2) == 1; }
    template <class E>
    void enumeration(std::string_view, std::optional<E>& v) {
        const auto& all = enum_entries<E>();
        const size_t i = pick(all.size() + 1);
        if (i == all.size()) return v.reset();
        v = all[i].value;
    }
    template <class E>
    void enumeration(std::string_view, E& v) {
        const auto& all = enum_entries<E>();
        v = all[pick(all.size())].value;
    }
    void text_list(std::string_view, std::vector<std::string>& v) {
        v.resize(pick(4));
        for (auto& s : v) s = some_text();
    }
    void one_or_more(std::string_view k, std::vector<std::string>& v) { text_list(k, v); }
    template <class S, class F>
    void map(std::string_view, S& sub, F describe) {
        describe(*this, sub);
        extras(sub.extras);
    }
    template <class S, class F>
    void list(std::string_view, std::vector<S>& items, F describe, std::string_view) {
        items.resize(pick(4));
        for (auto& item : items) map("", item, describe);
    }
    // liushou.yaml's kinds.
    void required_text(std::string_view k, std::string& v) { text(k, v); }
    void flag(std::string_view k, bool& v) { boolean(k, v); }
    void names(std::string_view k, std::vector<std::string>& v) { text_list(k, v); }
    template <class S, class F>
    void section(std::string_view k, S& sub, F describe) {
        map(k, sub, describe);
    }
    void integer(std::string_view, int& v) { v = static_cast<int>(pick(200)) - 10; }
    void int_list(std::string_view, std::vector<int>& v) {
        v.resize(pick(5));
        for (int& m : v) m = static_cast<int>(pick(12)) + 1;
    }
    void month_plan(std::string_view, std::map<int, std::vector<std::string>>& plan) {
        plan.clear();
        for (size_t i = 0, n = pick(5); i < n; ++i) {
            auto& tasks = plan[static_cast<int>(pick(12)) + 1];
            tasks.resize(pick(3) + 1);  // a month without tasks is not written at all
            for (auto& t : tasks) t = some_text();
        }
    }
    void extras(Extras& e) {
        e.clear();
        if (!unknown_keys_) return;  // (the fast reader leaves files with unknown keys to yaml-cpp)
        // Unknown keys as the reader renders them: a plain scalar, or a block after "\n".
        static const char* kValues[] = {"12", "some words", "\n- a\n- b", "\n- x: 1\n  y: 二"};
        for (size_t i = 0, n = pick(3); i < n; ++i)
            e.emplace_back("zz_unknown_" + std::to_string(i), kValues[pick(4)]);
    }

  private:
    size_t pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }
    std::string some_text() {
        // What breaks naive YAML: leading/trailing spaces, quotes, colons, '#', words YAML
        // reads as booleans, null or numbers, line breaks, tabs, Chinese.
        static const char* kPieces[] = {"王小明",     "a: b",
                                        "#x",         " lead",
                                        "trail ",     "yes",
                                        "12",         "0755-27601234",
                                        "\"q\"",      "'",
                                        "- x",        "第一行\n第二行",
                                        "null",       "~",
                                        "@",          "`",
                                        "{a}",        "[b]",
                                        "x\ty",       "1.5",
                                        "2026-03-15", "湖北省京山县",
                                        "no",         "&anchor",
                                        "*alias"};
        std::string out;
        for (size_t i = 0, n = pick(3); i < n; ++i) out += kPieces[pick(std::size(kPieces))];
        return out;
    }
    std::mt19937& rng_;
    bool unknown_keys_;
};

/// Every field as "path=value", empty ones and unknown keys included: what "the same
/// record" means in this test.
class Collector {
  public:
    Collector(std::vector<std::string>& out, std::string prefix)
        : out_(out), prefix_(std::move(prefix)) {}
    void text(std::string_view k, const std::string& v) { add(k, v); }
    void date(std::string_view k, const std::optional<Date>& v) { add(k, v ? v->iso() : "-"); }
    void integer(std::string_view k, const std::optional<int>& v) {
        add(k, v ? std::to_string(*v) : "-");
    }
    void boolean(std::string_view k, const std::optional<bool>& v) {
        add(k, v ? (*v ? "1" : "0") : "-");
    }
    void boolean(std::string_view k, bool v) { add(k, v ? "1" : "0"); }
    template <class E>
    void enumeration(std::string_view k, const std::optional<E>& v) {
        add(k, v ? std::string(key_of(*v)) : "-");
    }
    template <class E>
    void enumeration(std::string_view k, const E& v) {
        add(k, std::string(key_of(v)));
    }
    void text_list(std::string_view k, const std::vector<std::string>& v) {
        for (size_t i = 0; i < v.size(); ++i)
            add(std::string(k) + "[" + std::to_string(i) + "]", v[i]);
    }
    void one_or_more(std::string_view k, const std::vector<std::string>& v) { text_list(k, v); }
    template <class S, class F>
    void map(std::string_view k, const S& sub, F describe) {
        Collector inner(out_, prefix_ + std::string(k) + ".");
        describe(inner, sub);
        inner.extras(sub.extras);
    }
    template <class S, class F>
    void list(std::string_view k, const std::vector<S>& items, F describe, std::string_view) {
        add(std::string(k) + ".size", std::to_string(items.size()));
        for (size_t i = 0; i < items.size(); ++i)
            map(std::string(k) + "[" + std::to_string(i) + "]", items[i], describe);
    }
    void extras(const Extras& e) {
        for (const auto& [k, v] : e) add("?" + k, v);
    }
    void required_text(std::string_view k, const std::string& v) { text(k, v); }
    void flag(std::string_view k, bool v) { boolean(k, v); }
    void names(std::string_view k, const std::vector<std::string>& v) { text_list(k, v); }
    template <class S, class F>
    void section(std::string_view k, const S& sub, F describe) {
        map(k, sub, describe);
    }
    void integer(std::string_view k, int v) { add(k, std::to_string(v)); }
    void int_list(std::string_view k, const std::vector<int>& v) {
        std::string all;
        for (int m : v) all += std::to_string(m) + " ";
        add(k, all);
    }
    void month_plan(std::string_view k, const std::map<int, std::vector<std::string>>& plan) {
        for (const auto& [month, tasks] : plan)
            text_list(std::string(k) + std::to_string(month), tasks);
    }

  private:
    void add(std::string_view k, const std::string& v) {
        out_.push_back(prefix_ + std::string(k) + "=" + v);
    }
    std::vector<std::string>& out_;
    std::string prefix_;
};

std::vector<std::string> collect(const Child& c) {
    std::vector<std::string> out;
    Collector fields(out, "");
    schema::child(fields, c);
    fields.extras(c.extras);
    return out;
}

std::vector<std::string> collect(const School& s) {
    std::vector<std::string> out;
    Collector fields(out, "");
    schema::school(fields, s);
    fields.extras(s.extras);
    return out;
}

std::vector<std::string> collect(const Activity& a) {
    std::vector<std::string> out;
    Collector fields(out, "");
    schema::activity(fields, a);
    fields.extras(a.extras);
    return out;
}

Child random_child(std::mt19937& rng, bool unknown_keys = true) {
    Child c;
    Filler filler(rng, unknown_keys);
    schema::child(filler, c);
    filler.extras(c.extras);
    return c;
}

}  // namespace

TEST_CASE("every field of a random child survives YAML, both readers, the cache and the CSV card") {
    std::mt19937 rng(20261129);
    size_t fields = 0, fast_reads = 0;
    for (int round = 0; round < 300; ++round) {
        const Child original = random_child(rng, round % 2 == 0);
        Child expected = original;
        expected.sort_lists();  // the writer puts dated lists in date order
        const std::vector<std::string> want = collect(expected);
        fields += want.size();
        const std::string yaml = encode_child(original);
        CAPTURE(yaml);

        const Decoded<Child> full = decode_child_full(yaml);
        REQUIRE(full.problems.empty());
        CHECK(collect(full.record) == want);
        if (const auto fast = decode_child_fast(yaml)) {  // the fast reader may defer to yaml-cpp
            ++fast_reads;
            CHECK(collect(fast->record) == want);
        }
        CHECK(encode_child(full.record) == yaml);  // a rewrite changes nothing

        std::string cached;
        serialize_child(cached, original);
        Child back;
        REQUIRE(deserialize_child(cached, back));
        CHECK(collect(back) == collect(original));
        // The cards' streamed path reads only the id and the name: the same as a whole decode.
        std::string peeked_id = "x", peeked_name = "x";
        REQUIRE(peek_child_name(cached, peeked_id, peeked_name));
        CHECK(peeked_id == back.id);
        CHECK(peeked_name == back.name);

        // The CSV card shows every field that has a value (unknown keys are not shown), under
        // the card's labels: each value is there as the record holds it (in English, enums
        // are their keys, teachers and buddies carry their ids), but yes/no and subsidies,
        // which are worded, and values CSV must quote.
        School school;
        school.school = "测试小学";
        const std::string csv = render_child(expected, Provenance{&school, nullptr, "", false},
                                             ReportStyle{"en", Format::csv, false});
        for (const std::string& f : want) {
            const std::string path = f.substr(0, f.find('='));
            const std::string value = f.substr(f.find('=') + 1);
            if (value.empty() || value == "-" || path.find('?') != std::string::npos ||
                path.find(".size") != std::string::npos)
                continue;
            if (value == "true" || value == "false" ||
                path.find("subsidies") != std::string::npos ||
                value.find_first_of(",\"\n\r") != std::string::npos)
                continue;
            CHECK_MESSAGE(csv.find(value) != std::string::npos, path);
        }
    }
    CHECK(fields > 300 * 40);  // the filler did reach the nested lists
    CHECK(fast_reads > 50);
    MESSAGE(fields, " fields in 300 random children; the fast reader read ", fast_reads);
}

TEST_CASE(
    "lists_sorted says whether sort_lists would change anything; a card is the same either way") {
    std::mt19937 rng(20261202);
    School school;
    school.school = "测试小学";
    const Provenance source{&school, nullptr, "", false};
    int sorted = 0, unsorted = 0;
    for (int round = 0; round < 400; ++round) {
        Child c = random_child(rng, false);
        if (round % 2) c.sort_lists();  // half of them in order, as records are read back
        Child copy = c;
        copy.sort_lists();
        const bool same = collect(copy) == collect(c);
        CAPTURE(round);
        CHECK(c.lists_sorted() == same);
        CHECK(copy.lists_sorted());
        (same ? sorted : unsorted) += 1;
        for (const Format f : {Format::md, Format::csv, Format::json})
            CHECK(render_child(c, source, ReportStyle{"zh", f, false}) ==
                  render_child(copy, source, ReportStyle{"zh", f, false}));
    }
    CHECK(sorted > 200);
    CHECK(unsorted > 50);

    // Each list on its own: one pair out of order is seen, undated entries go last.
    Child c;
    c.talks.resize(2);
    c.talks[0].date = Date{2026, 3, 2};
    c.talks[1].date = Date{2026, 3, 1};
    CHECK_FALSE(c.lists_sorted());
    c.talks[1].date.reset();
    CHECK(c.lists_sorted());
    std::swap(c.talks[0], c.talks[1]);
    CHECK_FALSE(c.lists_sorted());
    c.talks.clear();
    c.changes.resize(2);
    c.changes[0].date = Date{2026, 1, 2};
    c.changes[1].date = Date{2026, 1, 1};
    CHECK_FALSE(c.lists_sorted());
    c.changes.clear();
    c.pairing.history.resize(2);
    c.pairing.history[0].from = Date{2025, 9, 2};
    c.pairing.history[1].from = Date{2025, 9, 1};
    CHECK_FALSE(c.lists_sorted());
}

TEST_CASE("a cache entry cut short or with an enum out of range is refused, never misread") {
    std::mt19937 rng(7);
    const Child c = random_child(rng);
    std::string cached;
    serialize_child(cached, c);
    Child back;
    for (size_t cut = 0; cut < cached.size(); cut += 7)
        CHECK_FALSE(deserialize_child(cached.substr(0, cut), back));
    // A peek at a record cut short is refused until the name is whole (schema number, then
    // two strings, each after its 8-byte length), and from there reads it right.
    const size_t whole_name = 4 + 8 + c.id.size() + 8 + c.name.size();
    for (size_t cut = 0; cut < cached.size(); ++cut) {
        std::string id, name;
        const bool read = peek_child_name(cached.substr(0, cut), id, name);
        CHECK(read == (cut >= whole_name));
        if (read) {
            CHECK(id == c.id);
            CHECK(name == c.name);
        }
    }
    // The status is the first enum after schema, id, name, gender ...: find it by re-serialising
    // a child whose status differs, and set it past the last value.
    Child other = c;
    other.status = c.status == Status::enrolled ? Status::graduated : Status::enrolled;
    std::string other_cached;
    serialize_child(other_cached, other);
    REQUIRE(other_cached.size() == cached.size());
    size_t at = 0;
    while (cached[at] == other_cached[at]) ++at;
    std::string bad = cached;
    bad[at] = 9;
    CHECK_FALSE(deserialize_child(bad, back));
}

TEST_CASE("every field of a random liushou.yaml survives the writer and the reader") {
    std::mt19937 rng(1129);
    for (int round = 0; round < 200; ++round) {
        School original;
        Filler filler(rng, round % 2 == 0);
        schema::school(filler, original);
        filler.extras(original.extras);
        const std::string yaml = encode_school(original);
        CAPTURE(yaml);
        const Decoded<School> back = decode_school(yaml);
        REQUIRE(back.problems.empty());
        School expected = original;
        // An empty language is not written, and reads as the default.
        if (expected.rules.language.empty()) expected.rules.language = Rules{}.language;
        CHECK(collect(back.record) == collect(expected));
        CHECK(encode_school(back.record) == encode_school(expected));  // a rewrite changes nothing
    }
}

TEST_CASE("every field of a random activity survives the writer and the reader") {
    std::mt19937 rng(1201);
    for (int round = 0; round < 200; ++round) {
        Activity original;
        Filler filler(rng, round % 2 == 0);
        schema::activity(filler, original);
        filler.extras(original.extras);
        const std::string yaml = encode_activity(original);
        CAPTURE(yaml);
        const Decoded<Activity> back = decode_activity(yaml);
        REQUIRE(back.problems.empty());
        CHECK(collect(back.record) == collect(original));
        CHECK(encode_activity(back.record) == yaml);  // a rewrite changes nothing
    }
}
