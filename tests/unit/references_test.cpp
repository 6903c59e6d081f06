// The reference map (#41): every place an id can appear, described once.
#include <doctest/doctest.h>

#include <algorithm>

#include "liushou/fields.hpp"
#include "records_fixture.hpp"

using namespace liushou;

TEST_CASE("the reference map names each field once, with its id kind") {
    const auto& fields = reference_fields();
    for (size_t i = 0; i < fields.size(); ++i)
        for (size_t j = i + 1; j < fields.size(); ++j)
            CHECK_FALSE((fields[i].file == fields[j].file && fields[i].path == fields[j].path));
    auto kind_of = [&](std::string_view path) {
        const auto it = std::find_if(fields.begin(), fields.end(),
                                     [&](const ReferenceField& f) { return f.path == path; });
        REQUIRE(it != fields.end());
        return it->kind;
    };
    CHECK(kind_of("pairing.teacher") == IdKind::staff);
    CHECK(kind_of("pairing.buddies[]") == IdKind::child);
    CHECK(kind_of("by[]") == IdKind::staff);
    CHECK(kind_of("children[]") == IdKind::child);
}

TEST_CASE("rename_references rewrites every child reference, never the record's own id") {
    Child c = fixture::kid("A");
    c.pairing.teacher = "T1";
    c.pairing.buddies = {"B", "王小明", "B"};
    c.pairing.history.push_back(PairingPeriod{"T2", {"B"}, "", {}, {}, {}});
    c.talks.push_back(fixture::entry({2026, 3, 2}));
    CHECK(rename_references(c, IdKind::child, "B", "B2") == 3);
    CHECK(c.pairing.buddies == std::vector<std::string>{"B2", "王小明", "B2"});
    CHECK(c.pairing.history[0].buddies[0] == "B2");
    CHECK(rename_references(c, IdKind::child, "A", "Z") == 0);  // its own id is rename's
    CHECK(c.id == "A");
    CHECK(references_to(c, IdKind::staff, "T001") == std::vector<std::string>{"talks[0].by"});
    CHECK(references_to(c, IdKind::staff, "T2") ==
          std::vector<std::string>{"pairing.history[0].teacher"});
    CHECK(references_to(c, IdKind::child, "B2") ==
          std::vector<std::string>{"pairing.buddies[0]", "pairing.buddies[2]",
                                   "pairing.history[0].buddies[0]"});
}

TEST_CASE("an activity's children, participants and organisers are references") {
    Activity a;
    a.by = {"T1", "T2"};
    a.children = {"A", "B"};
    a.participants = "A, 3-2,B";
    CHECK(rename_references(a, IdKind::child, "B", "B2") == 2);
    CHECK(a.children == std::vector<std::string>{"A", "B2"});
    CHECK(a.participants == "A, 3-2,B2");  // separators kept
    CHECK(references_to(a, IdKind::staff, "T2") == std::vector<std::string>{"by[1]"});
    CHECK(references_to(a, IdKind::child, "3-2").size() == 1);  // a class is not an id: harmless
}
