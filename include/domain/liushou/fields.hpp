// The settable fields of a child: one table behind enroll's options and the sheet importer.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "liushou/records.hpp"
#include "liushou/validate.hpp"

namespace liushou {

enum class FieldKind {
    id,
    text,
    phone,
    id_number,
    date,
    grade,
    class_no,
    age,
    gender,
    left_behind,
    entry,
    boolean,
    list
};

/// One field a person can set: `--guardian-phone` on the command line, `监护人电话` in a sheet.
struct ChildField {
    std::string_view key;                   // guardian_phone; the option is --guardian-phone
    std::string_view path;                  // guardian.phone, the schema path in messages
    std::vector<std::string_view> headers;  // Chinese sheet headers, the first is canonical
    FieldKind kind;
    std::string_view help;
};

const std::vector<ChildField>& child_fields();

/// A header as typed in a sheet, made comparable: trimmed, lower case, `-`, `.` and ' ' as `_`.
std::string normalise_header(std::string_view header);

/// The field a header or key names (学号, guardian.phone, guardian-phone …), or nullptr.
const ChildField* find_child_field(std::string_view header);

/// Parses `text` and stores it. Returns an empty string, or why the text was refused; the
/// reason never repeats a phone or id number. Dates after `today` are refused.
std::string set_child_field(Child& child, const ChildField& field, std::string_view text,
                            const Date& today);

/// The field as a register shows it, so that the sheet imports back: in zh enums and yes/no in
/// Chinese (男, 双亲外出, 是), in en the keys get_child_field gives.
std::string register_text(const Child& child, const ChildField& field, std::string_view lang);

/// The field's value as canonical text (what set_child_field would accept); empty when unset.
std::string get_child_field(const Child& child, const ChildField& field);
/// Clears a field (enroll --unset): a value entered by mistake taken back. The id and the name
/// cannot be cleared; why not in the return, "" when done.
std::string unset_child_field(Child& child, const ChildField& field);

/// Small whole numbers as schools write them: 3, 三, 三年级, 3年级, (2)班, （2）班, 二班.
std::optional<int> parse_small_number(std::string_view text);

/// A grade and class as schools write them, the one syntax of every --class: 3-2, 3年级2班,
/// 三年级二班, 三年二班, 三(2)班, 三（2）班, 3（2）, with full-width digits and dash too.
/// Grade 1 to 6, class 1 to 99; nullopt for anything else (a class number alone included).
std::optional<std::pair<int, int>> parse_class(std::string_view text);
/// 是/否, yes/no, true/false, y/n, 1/0.
std::optional<bool> parse_yes_no(std::string_view text);

/// A subsidy as stored: the key of one the seed names (两免一补 -> two_exemptions_one_subsidy),
/// else the text itself.
std::string subsidy_key(std::string_view text);
/// A stored subsidy in the reader's words: 两免一补 in zh, "two exemptions, one subsidy" in en;
/// the school's own words stay as written.
std::string subsidy_label(std::string_view key, std::string_view lang);
/// Where a subsidy comes in lists: the seed's in their order, then the school's own.
int subsidy_order(std::string_view key);

/// The next free `<year>-<NNN>` id given the ids in use (at least three digits).
std::string next_child_id(int year, const std::set<std::string>& taken);

// ---- the reference map (#41) ------------------------------------------------------------

/// Which ids a field holds.
enum class IdKind { child, staff };

/// One place an id can appear: the kind of file, the field (a list's items as [], a comma or
/// space separated list as {}), what id it holds, and whether it is the record's own id (the
/// file's name follows it). leading_group holds names, not ids; plan ticks, county.yaml and
/// the school hold no id of a child or staff member.
struct ReferenceField {
    std::string_view file;  // children/<id>.yaml, activities/<id>.yaml, staff.yaml
    std::string_view path;  // pairing.buddies[]
    IdKind kind;
    bool own = false;
};

/// Every place an id can appear, described once: what rename rewrites and what staff remove
/// (or any removal) must find empty first.
const std::vector<ReferenceField>& reference_fields();

/// `visit(field, where, value)` for every value of a reference field the record holds (each
/// item of a list, each id of a participants list), `where` its path with indices
/// (pairing.history[0].buddies[1]); `value` may be changed (rename), and is written back.
using ReferenceVisitor =
    std::function<void(const ReferenceField& field, const std::string& where, std::string& value)>;
void for_each_reference(Child& child, const ReferenceVisitor& visit);
void for_each_reference(Activity& activity, const ReferenceVisitor& visit);
void for_each_reference(StaffList& staff, const ReferenceVisitor& visit);

/// Replaces every reference (not the record's own id) of `kind` to `from` by `to`; how many.
size_t rename_references(Child& child, IdKind kind, const std::string& from, const std::string& to);
size_t rename_references(Activity& activity, IdKind kind, const std::string& from,
                         const std::string& to);

/// The paths (with indices) where the record refers to `id` as an id of `kind`, its own id
/// left out.
std::vector<std::string> references_to(Child& child, IdKind kind, const std::string& id);
std::vector<std::string> references_to(Activity& activity, IdKind kind, const std::string& id);

}  // namespace liushou
