// What every command is given instead of reaching for globals: where, what day, which streams.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "liushou/date.hpp"

namespace liushou {

/// The files a command wrote, for `--commit`: paths inside the tree, and what to say about them.
struct WriteJournal {
    std::string root;
    std::vector<std::string> files;
    /// What the command did, without names or notes: "log-talk 2025-017 2026-03-12 talk".
    std::string action;
    /// A handle on the tree's writer lock, kept open until the commit is made (-1: none).
    int lock_fd = -1;
};

/// Reports how far long work has got (`done` of `total`); shown on a terminal only.
using ProgressFn = std::function<void(const char* what, size_t done, size_t total)>;

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
    /// --commit: commit the files this command wrote (also `git_commit: true` in liushou.yaml).
    bool commit = false;
    /// Filled by the tree's writes; read once the command has succeeded.
    std::shared_ptr<WriteJournal> journal = std::make_shared<WriteJournal>();
    /// Set by run_cli when stderr is a terminal and -q is not given; empty otherwise.
    ProgressFn progress = nullptr;
};

/// Today's local date, or LIUSHOU_TODAY (YYYY-MM-DD) when set; throws UsageError if malformed.
Date today_from_environment();

}  // namespace liushou
