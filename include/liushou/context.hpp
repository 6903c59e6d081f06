// What every command is given instead of reaching for globals: where, what day, which streams.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "liushou/date.hpp"

namespace liushou {

struct Context {
    std::ostream& out;
    std::ostream& err;
    /// `--root` values as given; empty means LIUSHOU_ROOT or the tree above the cwd.
    std::vector<std::string> roots;
    /// Today, from LIUSHOU_TODAY when set, so schedules and reports are testable.
    Date today;
    /// zh or en; empty means the school's `rules.language`.
    std::string lang;
    bool quiet = false;
    /// --no-cache: read every file, and neither use nor write .liushou/cache.
    bool no_cache = false;
    /// Workers that read files in parallel; 0 means one per core (LIUSHOU_JOBS overrides).
    int jobs = 0;
};

/// Today's local date, or LIUSHOU_TODAY (YYYY-MM-DD) when set; throws UsageError if malformed.
Date today_from_environment();

}  // namespace liushou
