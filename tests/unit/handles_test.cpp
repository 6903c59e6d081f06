// The handles of a child's entries (#41): what report child shows and log-talk --delete and
// --amend take.
#include <doctest/doctest.h>

#include "liushou/records.hpp"
#include "records_fixture.hpp"

using namespace liushou;
using fixture::entry;

TEST_CASE("a talk's handle is its date, numbered when its day has several") {
    std::vector<Talk> talks = {entry({2026, 3, 2}), entry({2026, 3, 10}), entry({2026, 3, 10})};
    CHECK(talk_handle(talks, 0) == "2026-03-02");
    CHECK(talk_handle(talks, 1) == "2026-03-10#1");
    CHECK(talk_handle(talks, 2) == "2026-03-10#2");
    CHECK(talk_handle(talks, 3).empty());  // no such entry
    Talk undated = entry({2026, 3, 1});
    undated.date.reset();
    CHECK(talk_handle({undated}, 0).empty());
}

TEST_CASE("a handle does not change when an entry of another day, or a later one, is added") {
    Child c = fixture::kid("A1");
    c.talks = {entry({2026, 3, 10}), entry({2026, 3, 10})};
    c.talks[0].summary = "first";
    c.talks[1].summary = "second";
    auto handle_of = [&](const std::string& summary) {
        for (size_t i = 0; i < c.talks.size(); ++i)
            if (c.talks[i].summary == summary) return talk_handle(c.talks, i);
        return std::string("?");
    };
    const std::string first = handle_of("first"), second = handle_of("second");
    // An earlier day, inserted in date order as a write does.
    c.talks.push_back(entry({2026, 3, 1}));
    c.talks.back().summary = "earlier";
    c.sort_lists();
    CHECK(handle_of("first") == first);
    CHECK(handle_of("second") == second);
    // A third entry of the same day goes after the two.
    c.talks.push_back(entry({2026, 3, 10}, TalkKind::home_visit));
    c.talks.back().summary = "third";
    c.sort_lists();
    CHECK(handle_of("first") == "2026-03-10#1");
    CHECK(handle_of("second") == "2026-03-10#2");
    CHECK(handle_of("third") == "2026-03-10#3");
    CHECK(handle_of("earlier") == "2026-03-01");
}

TEST_CASE("parse_talk_handle takes a date, as typed, with an optional number") {
    std::string error;
    auto h = parse_talk_handle("2026-03-10#2", error);
    REQUIRE(h);
    CHECK(h->date == Date{2026, 3, 10});
    CHECK(h->number == 2);
    h = parse_talk_handle("2026/3/10", error);
    REQUIRE(h);
    CHECK(h->number == 0);
    for (const char* bad : {"2026-03-10#", "2026-03-10#0", "2026-03-10#x", "2026-03-10#12345", "#2",
                            "talk", "2026-02-30#1"}) {
        error.clear();
        CHECK_MESSAGE(!parse_talk_handle(bad, error), bad);
        CHECK(error.find("handle") != std::string::npos);
    }
}

TEST_CASE("find_talk names one entry, or says which handles there are") {
    std::vector<Talk> talks = {entry({2026, 3, 2}), entry({2026, 3, 10}),
                               entry({2026, 3, 10}, TalkKind::home_visit)};
    std::string error;
    CHECK(find_talk(talks, {{2026, 3, 2}, 0}, error) == size_t{0});
    CHECK(find_talk(talks, {{2026, 3, 2}, 1}, error) == size_t{0});
    CHECK(find_talk(talks, {{2026, 3, 10}, 2}, error) == size_t{2});
    CHECK(!find_talk(talks, {{2026, 3, 10}, 0}, error));
    CHECK(error ==
          "2026-03-10 has 2 entries (2026-03-10#1 talk by T001, 2026-03-10#2 home_visit by "
          "T001); give the handle of one");
    CHECK(!find_talk(talks, {{2026, 3, 10}, 3}, error));
    CHECK(error.find("has 2 entries, not 3") != std::string::npos);
    CHECK(!find_talk(talks, {{2026, 3, 11}, 1}, error));
    CHECK(error == "there is no entry of 2026-03-11");
}

TEST_CASE("delete_talk_at keeps an entry whose follow-up a later one closes") {
    std::vector<Talk> talks = {entry({2026, 3, 2}), entry({2026, 3, 2}), entry({2026, 3, 9})};
    talks[0].follow_up = "联系母亲";
    talks[2].closes = Date{2026, 3, 2};
    talks[2].closes_kind = TalkKind::talk;
    talks[2].closes_by = "T001";
    CHECK(delete_talk_at(talks, 0) ==
          "the entry of 2026-03-09 closes its follow-up; delete that one first");
    CHECK(talks.size() == 3);
    // The other entry of that day has no follow-up: it goes.
    CHECK(delete_talk_at(talks, 1).empty());
    CHECK(talks.size() == 2);
    CHECK(delete_talk_at(talks, 1).empty());
    CHECK(delete_talk_at(talks, 0).empty());
    CHECK(talks.empty());
}
