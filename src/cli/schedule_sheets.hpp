// Each teacher's checklist as a workbook to fill in (schedule_sheets.cpp, #46).
#pragma once

#include <string>

#include "cli.hpp"
#include "liushou/checklist.hpp"

namespace liushou {

/// The workbook of `list`: the list to fill in, 填写说明, and a hidden sheet of its base (format,
/// school, month, teacher, tree revision, day made) that log-talk --from checks.
std::string checklist_workbook(const Checklist& list, const StaffList& staff,
                               const std::string& revision, const Date& today);

/// "张老师-2026-03.xlsx": the file of a teacher's sheet in --per-teacher's folder.
std::string checklist_file_name(const Month& month, const std::string& teacher_name);

/// schedule --per-teacher without -o: for each teacher, how many children and what the sheet
/// would still list, by kind (what is owed after the sheets logged so far).
std::string checklist_overview(const std::vector<Checklist>& lists,
                               const std::vector<ChildDuties>& duties, const StaffList& staff,
                               const std::string& lang);

/// Makes --per-teacher's folder when it is not there.
void make_output_dir(const std::string& dir);

}  // namespace liushou
