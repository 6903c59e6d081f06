#include <doctest/doctest.h>

#include <cstdint>
#include <map>

#include "liushou/codec.hpp"

using namespace liushou;

namespace {

/// The fast reader must agree with yaml-cpp on the record and on every field's position.
void same_as_yaml_cpp(const std::string& text) {
    CAPTURE(text);
    const auto fast = decode_child_fast(text);
    REQUIRE(fast.has_value());
    const auto full = decode_child_full(text);
    REQUIRE(full.parsed);
    CHECK(full.problems.empty());
    CHECK(encode_child(fast->record) == encode_child(full.record));
    const std::map<std::string, std::pair<int, int>> a(fast->where.at.begin(),
                                                       fast->where.at.end());
    const std::map<std::string, std::pair<int, int>> b(full.where.at.begin(), full.where.at.end());
    CHECK(a == b);
}

struct Rng {
    uint64_t state;
    uint64_t next() {
        uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<uint64_t>(n)); }
};

/// Text that stresses quoting: YAML indicators, numbers, words YAML 1.1 reads as booleans.
std::string nasty(Rng& rng) {
    static const std::vector<std::string> pieces = {"王小明",
                                                    "a: b",
                                                    "#tag",
                                                    " x",
                                                    "y ",
                                                    "- dash",
                                                    "yes",
                                                    "null",
                                                    "~",
                                                    "123",
                                                    "0755-1",
                                                    "\"q\"",
                                                    "'s'",
                                                    "[x]",
                                                    "{y}",
                                                    "a #b",
                                                    "c#d",
                                                    "line\nbreak",
                                                    "tab\there",
                                                    "*star",
                                                    "&amp",
                                                    "!bang",
                                                    "|pipe",
                                                    ">gt",
                                                    "%pct",
                                                    "@at",
                                                    "`tick",
                                                    "\\slash",
                                                    "：全角",
                                                    "2025-03-01",
                                                    "true",
                                                    "-5",
                                                    "+86 138",
                                                    "\xe2\x80\xa8",
                                                    "",
                                                    "multi word text",
                                                    "emoji \xf0\x9f\x98\x80"};
    std::string s;
    const int n = 1 + rng.below(3);
    for (int i = 0; i < n; ++i)
        s += pieces[static_cast<size_t>(rng.below(static_cast<int>(pieces.size())))];
    return s;
}

}  // namespace

TEST_CASE("the fast reader agrees with yaml-cpp on canonical files of random content") {
    Rng rng{42};
    for (int round = 0; round < 300; ++round) {
        Child c;
        c.id = "A" + std::to_string(round);
        c.name = nasty(rng);
        c.gender = rng.below(2) ? Gender::male : Gender::female;
        c.birth_date = Date{2015, 1 + rng.below(12), 1 + rng.below(28)};
        c.grade = 1 + rng.below(6);
        if (rng.below(2)) c.class_no = 1 + rng.below(5);
        c.health = nasty(rng);
        c.home_address = nasty(rng);
        if (rng.below(2)) c.boarding = rng.below(2) == 0;
        for (const char* rel : {"father", "mother"}) {
            if (rng.below(3) == 0) continue;
            Parent p;
            p.relation = rel;
            p.name = nasty(rng);
            p.phone = "1380000" + std::to_string(1000 + rng.below(9000));
            p.work_place = nasty(rng);
            c.parents.push_back(p);
        }
        c.guardian.relation = nasty(rng);
        c.guardian.age = rng.below(90);
        c.support.subsidies = {nasty(rng)};
        c.support.key_child = rng.below(2);
        c.pairing.teacher = "T00" + std::to_string(rng.below(9));
        c.pairing.since = Date{2025, 9, 1};
        for (int b = rng.below(3); b > 0; --b) c.pairing.buddies.push_back(nasty(rng));
        c.pairing.history.push_back(
            PairingPeriod{"T1", {nasty(rng)}, nasty(rng), Date{2024, 9, 1}, Date{2025, 8, 31}, {}});
        c.pairing.plan.push_back(
            PlanItem{Date{2025, 9, 1}, Date{2026, 1, 1}, nasty(rng), nasty(rng), {}});
        c.pairing.progress.push_back(
            ProgressItem{Date{2025, 10, 1}, nasty(rng), nasty(rng), nasty(rng), {}});
        for (int t = 0; t < rng.below(5); ++t) {
            Talk talk;
            talk.date = Date{2025, 9 + rng.below(4), 1 + rng.below(28)};
            talk.kind = static_cast<TalkKind>(rng.below(4));
            talk.by = "T001";
            talk.summary = nasty(rng);
            if (rng.below(2)) talk.mood = static_cast<Mood>(rng.below(3));
            talk.follow_up = nasty(rng);
            c.talks.push_back(talk);
        }
        c.notes = nasty(rng);
        same_as_yaml_cpp(encode_child(c));
    }
}

TEST_CASE("the fast reader agrees with yaml-cpp on common hand edits") {
    same_as_yaml_cpp("schema: 1\nid: x1\nname: 甲\n");
    same_as_yaml_cpp("schema: 1\nid: 'x1'\nname: \"甲\"\ngrade: 3\n");
    // A sequence at its key's indentation, and items indented further.
    same_as_yaml_cpp("schema: 1\nid: x1\ntalks:\n- date: 2025-03-01\n  by: T1\n  summary: a\n");
    same_as_yaml_cpp("schema: 1\nid: x1\ntalks:\n    -   date: 2025-03-01\n        by: T1\n");
    // Empty values, empty flow collections, a flow list of words, trailing spaces.
    same_as_yaml_cpp(
        "schema: 1\nid: x1\nnotes:\nhealth: ~\nparents: []\nsupport:\n  subsidies: [a, b]  \n");
    same_as_yaml_cpp("schema: 1\nid: x1\nguardian: {}\n\n\nname: 甲\n");
    same_as_yaml_cpp("schema: 1\nid: x1\ngrade: -5\nname: a:b\n");
}

TEST_CASE("what the fast reader leaves to yaml-cpp") {
    for (const char* text : {
             "schema: 1\nid: x1  # a comment\n",
             "# header comment\nschema: 1\n",
             "schema: 1\nid: &a x1\nname: *a\n",
             "schema: 1\nid: !!str x1\n",
             "schema: 1\nnotes: |\n  two\n  lines\n",
             "schema: 1\nnotes: a plain\n  scalar on two lines\n",
             "schema: 1\nnotes: \"a quoted\n  scalar\"\n",
             "schema: 1\r\nid: x1\r\n",
             "schema: 1\n\tid: x1\n",
             "---\nschema: 1\n",
             "schema: 1\nhobby: 画画\n",     // unknown keys are rendered by yaml-cpp
             "schema: 1\nid: x1\nid: x2\n",  // a problem: yaml-cpp positions it
             "schema: 3\n",
             "- a\n",
             "",
             "schema: 1\nguardian: {name: 乙}\n",
             // A null in a flow list: a problem (yaml-cpp places it), never the text "~".
             "schema: 1\nid: x1\nsupport:\n  subsidies: [a, ~]\n",
             "schema: 1\nid: x1\nsupport:\n  subsidies: [null, b]\n",
         }) {
        CAPTURE(text);
        CHECK_FALSE(decode_child_fast(text).has_value());
    }
}
