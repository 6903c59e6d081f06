// log-talk's options, shared by the one-entry commands (log_talk.cpp) and the sheet import
// (log_talk_sheet.cpp).
#pragma once

#include <string>
#include <vector>

#include "cli.hpp"

namespace liushou {

struct TalkOptions {
    std::string id;
    std::vector<std::string> more_ids;  // a meeting of several children: log-talk ID ID ...
    std::string klass;                  // or of a whole class: --class 3-2
    std::string by, date, kind = "talk", summary, mood, follow_up;
    CLI::Option* close_opt = nullptr;
    std::string close;
    std::string close_kind, close_text;
    std::string csv;                 // the sheet being logged
    std::vector<std::string> files;  // --from FILE...: each logged on its own, in turn
    std::string month;     // --month: the month of the checklists returned (default: this one)
    std::string encoding;  // auto for CSV; a workbook says its own
    std::string sheet;     // --sheet: a workbook's sheet by name
    bool amend = false;    // --amend, with or without a handle
    CLI::Option* amend_opt = nullptr;
    std::string amend_handle;  // --amend HANDLE: the entry to change, when others share its day
    bool dry_run = false;      // --from: say what would be logged
    CLI::Option* kind_opt = nullptr;
    std::string delete_date;  // --delete DATE: take a wrong entry back
};

/// log-talk --from FILE: a talk sheet logged, all or nothing.
int run_sheet(const TalkOptions& o, Context& ctx);

}  // namespace liushou
