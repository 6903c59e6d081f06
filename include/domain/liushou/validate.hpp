// Validation shared by enroll, import and check: every problem is collected, none stops the rest.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "liushou/records.hpp"

namespace liushou {

enum class Severity { error, warning };

/// One finding about a record. `field` is a schema path such as `guardian.phone` or
/// `talks[2].date`; line and column are filled in by whoever knows where the field came from.
struct Problem {
    std::string field;
    std::string message;
    Severity severity = Severity::error;
    int line = 0;
    int col = 0;
};
using Problems = std::vector<Problem>;

bool has_errors(const Problems& problems);

/// `[A-Za-z0-9][A-Za-z0-9._-]{0,63}`; anything else could escape children/.
bool valid_child_id(std::string_view id);
/// Empty when valid, else why not.
std::string child_id_error(std::string_view id);

/// Why `id` may not be given to a new child or staff member, or "": it holds a phone or id
/// number (an id travels in file names and commit messages; 学籍号 is G + the 身份证号), or it
/// is a name Windows reserves (CON, NUL, AUX, PRN, COM1-9, LPT1-9) or ends in '.', so a clone
/// on Windows would break. Messages never repeat the id.
std::string new_id_error(std::string_view id);

/// 11-digit mainland mobile (1[3-9]…), optional +86, spaces or dashes between groups.
bool is_mobile_number(std::string_view phone);
/// Area code 0xx or 0xxx, then 7 or 8 digits, optional extension (-123 or 转123).
bool is_landline_number(std::string_view phone);
bool is_phone_number(std::string_view phone);

/// The GB 11643 check character for the first 17 digits of an id number; '?' when they are
/// not 17 digits.
char id_number_check_char(std::string_view first17);
/// Problems of an 18-character 身份证号, checked against the record's birth date and gender.
/// Messages never repeat the number.
void check_id_number(std::string_view number, const std::optional<Date>& birth_date,
                     const std::optional<Gender>& gender, Problems& out);

/// The fields the complete-file rule (建档) still misses, as schema paths; empty when complete.
std::vector<std::string> missing_fields(const Child& child);
inline bool is_complete(const Child& child) {
    return missing_fields(child).empty();
}
/// A field path with a parent named by relation (parents[0].phone -> parents.father.phone),
/// the one naming of liushou-json(5) and of enroll --set, where a list index means nothing
/// to a reader; unchanged when the relation does not name one parent.
std::string field_by_relation(const Child& child, const std::string& field);
/// missing_fields with parents named by relation (parents.father.phone).
std::vector<std::string> missing_fields_by_relation(const Child& child);

/// Value checks of one child: phones, id number, ranges, dates not after `today`.
void validate_child(const Child& child, const Date& today, Problems& out);
void validate_staff(const StaffList& staff, Problems& out);
/// liushou.yaml; with `today`, a tick's change dated after it is an error too.
void validate_school(const School& school, Problems& out,
                     const std::optional<Date>& today = std::nullopt);

/// References from a child to staff ids and other children's ids.
/// activities/<id>.yaml: a date not after `today`, a kind, a title, the children who took part;
/// `child_exists` and `staff` check the ids it names; `not_enrolled`, when given, says why a
/// child it names was not enrolled on its day ("" when enrolled; not_enrolled_reason), and
/// that child's attendance counts nowhere (liushou-rates(7)), as an entry of the child's own.
void validate_activity(
    const Activity& a, const std::string& file_id, const Date& today, const StaffList& staff,
    const std::function<bool(std::string_view)>& child_exists, Problems& out,
    const std::function<std::string(std::string_view, const Date&)>& not_enrolled = {});

void check_references(const Child& child, const StaffList& staff,
                      const std::function<bool(std::string_view)>& child_exists, Problems& out);

/// Whether two records look like one child: the same name (in NFC) and birth date, and not
/// told apart by two different 身份证号.
bool looks_like_same_child(const Child& a, const Child& b);

/// The most a value may hold: every output must be able to write it, and a spreadsheet cell
/// holds at most 32,767 characters (UTF-16 units, as Excel counts them). "" when `text` fits,
/// else why not (a record check refuses, an import refuses the row).
std::string cell_limit_error(std::string_view text);

/// The cross-file check of 身份证号 (check, over every child file in turn): a number an
/// earlier file (in `seen`, number -> path) already gives is one child in two files, an error
/// naming the other file. `seen` learns this file's number.
void check_shared_id_number(const Child& child, const std::string& path,
                            std::map<std::string, std::string>& seen, Problems& out);

/// A file that holds the 身份证号 of another: one child in two files. Every figure counts the
/// child once, as `kept`, the first of its files in natural id order (the older id, and the
/// file check does not name as the second), never as `dropped`.
struct SecondFile {
    size_t dropped;
    size_t kept;
};
/// The second files among children given as (id, 身份证号), indices into `children`, in
/// natural order of the dropped ids. An empty 身份证号 matches none: namesakes with one birth
/// date are never merged (check warns of them).
std::vector<SecondFile> second_files(
    const std::vector<std::pair<std::string_view, std::string_view>>& children);

/// True for a buddy value that is meant as a child id (it has a digit and no spaces or CJK),
/// as opposed to a classmate's plain name.
bool looks_like_child_id(std::string_view value);

}  // namespace liushou
