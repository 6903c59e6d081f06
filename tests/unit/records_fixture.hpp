// Small hand-built records shared by the report, rates and schedule tests.
#pragma once

#include <string>

#include "liushou/records.hpp"

namespace liushou::fixture {

/// A child of class 3-1 enrolled on `enrolled`, with nothing else on file.
inline Child kid(const std::string& id, Date enrolled = Date{2025, 9, 1}) {
    Child c;
    c.id = id;
    c.name = "甲" + id;
    c.grade = 3;
    c.class_no = 1;
    c.enrolled_on = enrolled;
    return c;
}

/// An entry of `kind` on `d` by T001.
inline Talk entry(Date d, TalkKind kind = TalkKind::talk) {
    Talk t;
    t.date = d;
    t.kind = kind;
    t.by = "T001";
    t.summary = "x";
    return t;
}

}  // namespace liushou::fixture
