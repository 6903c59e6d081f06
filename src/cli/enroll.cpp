// liushou enroll: one child from options, a status change, or a whole sheet from Excel.
#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "cli.hpp"
#include "liushou/i18n.hpp"
#include "liushou/import.hpp"
#include "liushou/schedule.hpp"
#include "liushou/store.hpp"
#include "liushou/text.hpp"

namespace liushou {

namespace {

struct EnrollOptions {
    std::string positional_id;
    std::string id;
    // One value per settable field, in child_fields() order; `given` says which were set.
    std::vector<std::string> values = std::vector<std::string>(child_fields().size());
    std::vector<CLI::Option*> given = std::vector<CLI::Option*>(child_fields().size(), nullptr);
    std::string status;
    std::string on;
    bool correction = false;
    std::string csv;
    std::string map_file;
    std::string encoding;  // auto for CSV; a workbook says its own
    std::string sheet;     // --sheet: a workbook's sheet by name
    std::vector<std::string> ignored;
    bool dry_run = false;
    bool print_ids = false;  // the import's stdout: ROW, ID and what was done, a line each
    bool update = false;
    bool namesakes = false;
    bool prefer_sheet = false;       // a cell changed in the sheet and in the tree: the sheet's
    bool prefer_tree = false;        // … or the tree's (#39)
    std::string blank_left_behind;   // what a blank 留守类型 means on import (#39)
    bool if_missing = false;         // a new child already on file: nothing to do
    std::vector<std::string> unset;  // fields to clear: --unset guardian_phone
};

std::string option_name(std::string_view key) {
    std::string name = "--" + std::string(key);
    for (char& c : name)
        if (c == '_') c = '-';
    return name;
}

int id_year(const School& school, const Date& today) {
    const int year = school.start_year();
    return year ? year : (today.month >= 9 ? today.year : today.year - 1);
}

std::string dated_field_options() {
    std::string out;
    for (const ChildField& f : child_fields())
        if (is_dated_field(f.key)) out += (out.empty() ? "" : ", ") + option_name(f.key);
    return out;
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
    return out;
}

Loaded<School> load_school_for_write(const Tree& tree, Context& ctx) {
    Loaded<School> school = tree.load_school();
    require_writable(school, ctx);
    return school;
}

/// A register workbook's hidden sheet liushou (list -o FILE.xlsx): each row's fingerprint and
/// the commit the rows were read from, the rows as then read from that commit (#39). A
/// workbook without it (typed by hand, or made by an older liushou) has no base.
void read_workbook_base(const std::string& path, const Tree& tree, const Context& ctx,
                        ImportBase& base, Problems& problems) {
    Sheet hidden;
    try {
        Problems ignored;
        hidden = read_sheet(path, "", "liushou", ignored, nullptr);
    } catch (const DataError&) {
        return;  // no sheet liushou
    }
    if (hidden.header.size() < 2 || hidden.header[0] != "format") return;
    if (hidden.header[1] != kRegisterBaseFormat) {
        problems.push_back(
            Problem{"liushou",
                    fmt::format(N_("the hidden sheet liushou is not a register's "
                                   "(format {}); the rows are imported without a base"),
                                hidden.header[1]),
                    Severity::warning, 1, 1});
        return;
    }
    std::string revision;
    for (const Sheet::Row& row : hidden.rows) {
        if (row.cells.size() < 2) continue;
        if (row.cells[0] == "revision")
            revision = row.cells[1];
        else if (row.cells[0] != "made")
            base.fingerprints.emplace(row.cells[0], row.cells[1]);
    }
    if (revision.empty()) return;
    // The exact base: each child as the commit of the export holds it. A copy of another
    // tree, or of a history since purged, has only its fingerprints.
    try {
        TreeOptions at = tree_options(ctx, tree.root());
        at.rev = revision;
        at.use_cache = false;
        const Tree then = Tree::open(at);
        for (const auto& [id, fingerprint] : base.fingerprints) {
            if (new_id_error(id).size() || !then.child_exists(id)) continue;
            const Loaded<Child> child = then.load_child(id, false);
            if (child.parsed) base.exported.emplace(id, register_values(child.record));
        }
    } catch (const std::exception&) {
        problems.push_back(Problem{"liushou",
                                   fmt::format(N_("the commit {} the workbook was exported from is "
                                                  "not in this tree's history; its rows are merged "
                                                  "by their fingerprints"),
                                               revision),
                                   Severity::warning, 1, 1});
        base.exported.clear();
    }
}

int run_import(const EnrollOptions& o, Context& ctx) {
    const Tree tree = open_tree(ctx);
    std::string detected;
    Problems problems;
    const Sheet sheet = read_sheet(o.csv, o.encoding, o.sheet, problems, &detected);
    if (!has_errors(problems) && !sheet.header.empty() && sheet.rows.empty())
        problems.push_back(Problem{"", N_("the sheet has a header but no rows below it"),
                                   Severity::error, sheet.header_line + 1, 1});
    auto refuse = [&] {
        print_problems(ctx.err, o.csv, problems);
        ctx.err << fmt::format(N_("{}: nothing was imported") "\n", o.csv);
        return kDataProblem;
    };
    if (has_errors(problems)) return refuse();  // an unreadable sheet has no header to name
    std::map<std::string, std::string> user_map;
    if (!o.map_file.empty()) {
        Problems map_problems;
        user_map = decode_header_map(read_input(o.map_file), map_problems);
        if (!map_problems.empty()) {
            print_problems(ctx.err, o.map_file, map_problems);
            return kDataProblem;
        }
    }
    const std::set<std::string> ignored(o.ignored.begin(), o.ignored.end());
    const ColumnMap columns =
        map_columns(sheet.header, user_map, ignored, problems, sheet.header_line);
    if (has_errors(problems)) return refuse();

    WriteSession session = tree.lock();
    const Loaded<School> school = load_school_for_write(tree, ctx);
    const std::vector<Child> existing = writable_children(tree, ctx);

    std::optional<LeftBehind> blank;  // #39: a blank 留守类型 is refused unless said
    if (!o.blank_left_behind.empty() && !(blank = enum_from_text<LeftBehind>(o.blank_left_behind)))
        throw UsageError(fmt::format(N_("--blank-left-behind {}: not one of {}"),
                                     o.blank_left_behind, enum_keys<LeftBehind>()));
    // The sheet's base (#39): a CSV register's 校验 column, a workbook's hidden sheet.
    ImportBase base;
    for (size_t i = 0; i < sheet.header.size(); ++i)
        if (trim(sheet.header[i]) == "校验" || fold_case(trim(sheet.header[i])) == "fingerprint")
            base.fingerprint_column = i;
    // A workbook on standard input was read once, and its hidden sheet with it: no base.
    if (detected == "xlsx" && o.csv != "-") read_workbook_base(o.csv, tree, ctx, base, problems);
    if (o.prefer_sheet && o.prefer_tree)
        throw UsageError(N_("--prefer-sheet and --prefer-tree: give one of them"));
    base.prefer = o.prefer_sheet ? Prefer::sheet : o.prefer_tree ? Prefer::tree : Prefer::none;
    ImportPlan plan =
        plan_import(sheet, columns, existing, o.update, id_year(school.record, ctx.today),
                    ctx.today, o.namesakes, blank, base);
    plan.problems.insert(plan.problems.begin(), problems.begin(), problems.end());
    if (has_errors(plan.problems)) {
        print_problems(ctx.err, o.csv, plan.problems);
        if (!plan.conflicts.empty() && base.prefer == Prefer::none)
            ctx.err << fmt::format(
                fmt::runtime(plan.conflicts.size() == 1
                                 ? N_("{}: {} cell in conflict with the values on file; nothing "
                                      "was imported (--prefer-sheet takes the sheet's values, "
                                      "--prefer-tree keeps the values on file)") "\n"
                                 : N_("{}: {} cells in conflict with the values on file; nothing "
                                      "was imported (--prefer-sheet takes the sheet's values, "
                                      "--prefer-tree keeps the values on file)") "\n"),
                o.csv, plan.conflicts.size());
        ctx.err << fmt::format(fmt::runtime(plan.problems.size() == 1
                                                ? N_("{}: 1 problem; nothing was imported") "\n"
                                                : N_("{}: {} problems; nothing was imported") "\n"),
                               o.csv, plan.problems.size());
        return kDataProblem;
    }
    print_problems(ctx.err, o.csv, plan.problems);  // warnings: footers left out
    int added = 0, updated = 0, unchanged = 0;
    std::vector<const Child*> to_write;
    for (const RowOutcome& row : plan.rows) {
        added += row.action == RowAction::add;
        updated += row.action == RowAction::update;
    }
    ctx.journal->action = fmt::format("enroll --from: {} added, {} updated", added, updated);
    added = updated = 0;
    if (!o.dry_run) session.begin_batch();
    std::string ids;  // --print-ids: printed once the batch is on disk
    for (const RowOutcome& row : plan.rows) {
        switch (row.action) {
            case RowAction::add:
                ++added;
                if (o.dry_run && !o.print_ids)
                    ctx.out << say(ctx, fmt::format(N_("would add {} {} (row {})") "\n",
                                                    row.child.id, row.child.name, row.row));
                break;
            case RowAction::update:
                ++updated;
                if (o.dry_run && !o.print_ids)
                    ctx.out << say(ctx, fmt::format(N_("would update {} (row {}): {}") "\n",
                                                    row.child.id, row.row, joined(row.changed)));
                break;
            case RowAction::unchanged:
                ++unchanged;
                break;
        }
        if (!o.dry_run && row.action != RowAction::unchanged) to_write.push_back(&row.child);
        if (o.print_ids && row.action != RowAction::unchanged)
            ids += fmt::format("{}\t{}\t{}\n", row.row, row.child.id,
                               row.action == RowAction::add ? "added" : "updated");
    }
    try {
        session.write_children(to_write, [&](size_t done) {
            if (ctx.progress) ctx.progress(N_("writing children/"), done, to_write.size());
        });
        session.end_batch();
    } catch (const IoError& e) {
        throw IoError(partial_write_note(e, session.files_in_place(), o.csv, "import"));
    }
    ctx.out << ids;
    if (ctx.progress && !o.dry_run)
        ctx.progress(N_("writing children/"), to_write.size(), to_write.size());
    if ((!ctx.quiet || o.dry_run) && !o.print_ids)
        ctx.out << say(ctx, fmt::format("{}{} ({} row{}, {}): {} added, {} updated, {} unchanged\n",
                                        o.dry_run ? "dry run, nothing written: " : "", o.csv,
                                        plan.rows.size(), plan.rows.size() == 1 ? "" : "s",
                                        detected, added, updated, unchanged));
    return 0;
}

/// The fields enroll's options give, after --class 3-2 became a grade and a class.
struct FieldValues {
    const std::vector<std::string>& values;
    const std::vector<bool>& given;
    Date on, today;
    bool exists, returning;
};

/// Sets the given fields (and --unset's) on the child: a dated field's old value goes to its
/// `changes:` from `on`, unless --correction; when the child comes back, --entry is the new
/// enrolment's (`return_entry`). What cannot be set goes to `errors`.
void set_fields(const EnrollOptions& o, const FieldValues& in, Child& child,
                std::optional<Entry>& return_entry, std::vector<std::string>& errors,
                std::vector<std::string>& changed) {
    const auto& values = in.values;
    const auto& given = in.given;
    const Date& on = in.on;
    const bool exists = in.exists, returning = in.returning;
    for (size_t i = 0; i < child_fields().size(); ++i) {
        const ChildField& field = child_fields()[i];
        if (field.kind == FieldKind::id || !given[i]) continue;
        if (returning && field.kind == FieldKind::entry) {
            return_entry = enum_from_text<Entry>(values[i]);
            if (!return_entry)
                errors.push_back(fmt::format("--entry: \"{}\" is not 新生 or 转入 ({})", values[i],
                                             enum_keys<Entry>()));
            continue;
        }
        const std::string before = get_child_field(child, field);
        const std::string problem = set_child_field(child, field, values[i], in.today);
        if (!problem.empty()) {
            errors.push_back(fmt::format(N_("{}: {}"), option_name(field.key), problem));
            continue;
        }
        if (get_child_field(child, field) == before) continue;
        changed.emplace_back(field.key);
        // A class, grade or flag that had a value changes from a day on, so that reports for
        // earlier days keep the old one; --correction fixes a value that was never true.
        // An unset 留守类型 counts as left-behind (#39): its first value is dated too.
        if (exists && is_dated_field(field.key) &&
            (!before.empty() || field.key == std::string_view("left_behind")) && !o.correction) {
            for (const Change& x : child.changes)
                if (x.field == field.key && x.date && on < *x.date)
                    errors.push_back(
                        fmt::format("{}: " N_("--on {} is before its last recorded change ({}); "
                                              "give a later day or --correction"),
                                    option_name(field.key), on.iso(), x.date->iso()));
            child.changes.push_back(Change{on, std::string(field.key), before, {}});
        }
    }
    for (const auto& name : o.unset) {
        const ChildField* field = find_child_field(name);
        if (!field) {
            errors.push_back(
                fmt::format(N_("--unset {}: no such field (see liushou enroll --help)"), name));
            continue;
        }
        if (!exists) {
            errors.push_back(N_("--unset clears a field of a child on file"));
            break;
        }
        const std::string before = get_child_field(child, *field);
        if (const std::string why = unset_child_field(child, *field); !why.empty())
            errors.push_back(fmt::format("--unset {}: {}", name, why));
        else if (!before.empty())
            changed.emplace_back(field->key);
    }
}

/// A new child, or a new name or birth date, that makes one child two files: refused, as
/// check would warn of it, unless 身份证号 tell them apart or --namesakes says so. The exit code
/// when enroll stops here (0 for --if-missing's "already on file").
std::optional<int> namesake_stop(const Tree& tree, Context& ctx, const EnrollOptions& o,
                                 const Child& child, bool exists,
                                 const std::vector<std::string>& changed) {
    const bool identity_changed =
        !exists || std::find_if(changed.begin(), changed.end(), [](const std::string& f) {
                       return f == "name" || f == "birth_date" || f == "id_number";
                   }) != changed.end();
    if (identity_changed && !o.namesakes && child.birth_date && !child.name.empty()) {
        bool skipped = false;
        for (const Child& other : readable_children(tree, ctx, skipped)) {
            if (other.id == child.id || !looks_like_same_child(child, other)) continue;
            if (!exists && o.if_missing) {
                // A script's "make sure this child is on file": nothing to do, and the id.
                ctx.out << (ctx.quiet ? other.id + "\n"
                                      : say(ctx, fmt::format(N_("already on file: {} {}") "\n",
                                                             other.id, other.name)));
                return 0;
            }
            ctx.err << fmt::format(
                "liushou enroll: {}, born {}, is already children/{}.yaml; if this is another "
                "child with the same name and birth date, give its 身份证号 (--id-number) or "
                "say --namesakes\n",
                child.name, child.birth_date->iso(), other.id);
            ctx.err << fmt::format("liushou enroll: {} was not {}\n", child.id,
                                   exists ? "changed" : "added");
            return kDataProblem;
        }
    }
    return std::nullopt;
}

/// enroll --status: what it changes, and on which day.
struct StatusChange {
    Status status;
    bool returning;  // coming back after leaving: a new enrolment
    Date on;
    std::optional<Entry> entry;  // --entry of the new enrolment
};

/// Leaving, coming back or a change of status, on the child; what stands in its way (a day
/// before the child enrolled or left, a pairing or activity that would count nowhere) goes to
/// `errors`, entries left outside the enrolment to `warnings`.
void change_status(const Tree& tree, Child& child, const StatusChange& change,
                   std::vector<std::string>& errors, std::vector<std::string>& changed,
                   std::vector<std::string>& warnings) {
    const Status status = change.status;
    const Date& on = change.on;
    const bool returning = change.returning;
    const std::optional<Entry>& return_entry = change.entry;
    if (returning) {
        // Coming back: the enrolment that ended is kept, a new one begins (转入 unless
        // --entry says otherwise).
        if (child.status_on && on < *child.status_on)
            errors.push_back(fmt::format("--on: " N_("{} is before the child left ({} on {})"),
                                         on.iso(), key_of(child.status), child.status_on->iso()));
        child.enrolment_history.push_back(
            Episode{child.enrolled_on, child.entry, child.status_on, child.status, {}});
        child.enrolled_on = on;
        child.entry = return_entry.value_or(Entry::transfer);
        child.status = Status::enrolled;
        child.status_on.reset();
        changed.emplace_back("status");
    } else if (status != Status::enrolled || child.status != Status::enrolled) {
        if (child.enrolled_on && on < *child.enrolled_on)
            errors.push_back(fmt::format("--on: {} is before the child enrolled ({})", on.iso(),
                                         child.enrolled_on->iso()));
        if (child.status != status || child.status_on != on) changed.emplace_back("status");
        child.status = status;
        child.status_on = on;
        if (status == Status::enrolled) {
            // A child of the catchment who was not attending starts school on that day.
            child.status_on.reset();
            if (!child.enrolled_on) child.enrolled_on = on;
        }
        // A pairing that begins after the child left would then count nowhere, and check
        // refuses it (pairing.since): the pairing is ended or moved first.
        if (const auto& since = child.pairing.since;
            since && !child.pairing.teacher.empty() && !enrolled_on_day(child, *since))
            errors.push_back(fmt::format(
                N_("--on: the pairing with {} begins {}, when the child is no longer enrolled; "
                   "end the pairing or move its start first (liushou pair {} --since DATE)"),
                child.pairing.teacher, since->iso(), child.id));
        // An activity that lists the child on a day it is then no longer enrolled would
        // count nowhere, and check refuses it: the activity file is not this write's, so
        // the user takes the child off it first.
        for (const auto& a : tree.load_activities())
            if (a.record.date && !enrolled_on_day(child, *a.record.date) &&
                std::count(a.record.children.begin(), a.record.children.end(), child.id))
                errors.push_back(fmt::format(
                    N_("--on: {} lists the child on {}, when the child is no longer enrolled; "
                       "take the child off that activity first"),
                    a.relative, a.record.date->iso()));
        int later = 0;
        for (const Talk& t : child.talks) later += t.date && !enrolled_on_day(child, *t.date);
        if (later > 0)
            warnings.push_back(
                later == 1 ? fmt::format(N_("1 entry of {} now falls outside the child's "
                                            "enrolment; it counts nowhere and check reports it"),
                                         child.id)
                           : fmt::format(N_("{} entries of {} now fall outside the child's "
                                            "enrolment; they count nowhere and check reports "
                                            "them"),
                                         later, child.id));
    }
}

int run_single(const EnrollOptions& o, Context& ctx) {
    if (!o.positional_id.empty() && !o.id.empty() && o.positional_id != o.id)
        throw UsageError(
            fmt::format(N_("two different ids given: {} and --id {}"), o.positional_id, o.id));
    const Tree tree = open_tree(ctx);
    // The child to update by id, or by a name only one child has; --id is always an id.
    const std::string id =
        !o.id.empty() ? o.id
                      : (o.positional_id.empty() ? "" : child_argument(tree, o.positional_id, ctx));
    if (!id.empty()) tree.child_relative(id);  // refuse ../x and a/b before anything else
    bool dated_given = false;
    for (size_t i = 0; i < child_fields().size(); ++i)
        dated_given = dated_given || (o.given[i]->count() && is_dated_field(child_fields()[i].key));
    if (!o.on.empty() && o.status.empty() && !dated_given)
        throw UsageError("--on goes with --status, or with a field that changes over time (" +
                         dated_field_options() + ")");
    if (o.correction && !o.on.empty() && o.status.empty())
        throw UsageError(
            N_("--correction says the old value was wrong all along; it takes no --on"));

    WriteSession session = tree.lock();
    Child child;
    bool exists = !id.empty() && tree.child_exists(id);
    if (exists) {
        child = load_child_for_write(tree, id, ctx);
    } else {
        bool has_name = false;
        for (size_t i = 0; i < child_fields().size(); ++i)
            has_name = has_name || (o.given[i]->count() && child_fields()[i].key == "name");
        if (!has_name)
            throw UsageError(id.empty()
                                 ? N_("a new child needs --name (or give the id of an "
                                      "existing child to update it)")
                                 : fmt::format(N_("no child {}; a new child needs --name"), id));
        if (id.empty()) {
            const Loaded<School> school = load_school_for_write(tree, ctx);
            const auto ids = tree.child_ids();
            child.id = next_child_id(id_year(school.record, ctx.today),
                                     std::set<std::string>(ids.begin(), ids.end()));
        } else {
            require_new_child_id(tree, id);
            child.id = id;
        }
    }

    std::vector<std::string> errors;
    std::vector<std::string> changed;
    std::vector<std::string> warnings;
    // The day of a status change or of a dated field's new value.
    Date on = ctx.today;
    if (!o.on.empty()) {
        const DateParse parsed = parse_flexible_date(o.on);
        if (!parsed.date)
            errors.push_back("--on: " + parsed.error);
        else
            on = *parsed.date;
        if (on > ctx.today) errors.push_back(fmt::format("--on: {} is in the future", on.iso()));
    }
    // Coming back after leaving: --entry says how the new enrolment began, not the old one.
    const std::optional<Status> new_status =
        o.status.empty() ? std::nullopt : enum_from_text<Status>(o.status);
    const bool returning = exists && new_status == Status::enrolled &&
                           child.status != Status::enrolled && child.status != Status::not_enrolled;
    std::optional<Entry> return_entry;
    // --class 3-2 (or 三(2)班 …) names the grade too: it is then --grade 3 --class 2, so that
    // each is changed, and dated, as if given on its own.
    std::vector<std::string> values = o.values;
    std::vector<bool> given;
    size_t grade_at = 0, class_at = 0;
    for (size_t i = 0; i < child_fields().size(); ++i) {
        given.push_back(o.given[i]->count() > 0);
        if (child_fields()[i].key == std::string_view("grade")) grade_at = i;
        if (child_fields()[i].key == std::string_view("class")) class_at = i;
    }
    if (given[class_at])
        if (const auto both = parse_class(values[class_at])) {
            const auto grade = parse_small_number(values[grade_at]);
            if (given[grade_at] && grade != both->first)
                errors.push_back(fmt::format(N_("--grade {} and --class {} name different grades"),
                                             values[grade_at], values[class_at]));
            values[grade_at] = std::to_string(both->first);
            values[class_at] = std::to_string(both->second);
            given[grade_at] = true;
        }
    set_fields(o, FieldValues{values, given, on, ctx.today, exists, returning}, child, return_entry,
               errors, changed);
    if (!o.status.empty()) {
        if (!new_status)
            errors.push_back(
                fmt::format("--status: \"{}\" is not one of {}", o.status, enum_keys<Status>()));
        else
            change_status(tree, child, StatusChange{*new_status, returning, on, return_entry},
                          errors, changed, warnings);
    }
    Problems cross;
    if (!child.id_number.empty())
        check_id_number(child.id_number, child.birth_date, child.gender, cross);
    if (child.enrolled_on && child.birth_date && *child.enrolled_on < *child.birth_date)
        cross.push_back(Problem{"enrolled_on", N_("the child enrolled before being born")});
    for (const auto& p : cross) errors.push_back(fmt::format(N_("{}: {}"), p.field, p.message));
    if (!errors.empty()) {
        for (const auto& e : errors) ctx.err << "liushou enroll: " << e << "\n";
        ctx.err << fmt::format("liushou enroll: {} was not {}\n", child.id,
                               exists ? "changed" : "added");
        return kDataProblem;
    }
    if (const auto stop = namesake_stop(tree, ctx, o, child, exists, changed)) return *stop;
    ctx.journal->action =
        !exists ? "enroll " + child.id
                : "enroll " + child.id + " " + joined(changed);  // field names, no values
    const bool written = session.write_child(child);
    for (const auto& w : warnings) ctx.err << "liushou enroll: warning: " << w << "\n";
    if (ctx.quiet && !exists) ctx.out << child.id << "\n";  // the id a script goes on with
    if (!ctx.quiet) {
        if (!exists)
            ctx.out << say(ctx, fmt::format(N_("added {} {}") "\n", child.id, child.name));
        else if (written)
            ctx.out << say(ctx, fmt::format(N_("updated {}: {}") "\n", child.id, joined(changed)));
        else
            ctx.out << say(ctx, fmt::format(N_("unchanged {}") "\n", child.id));
    }
    return 0;
}

}  // namespace

void setup_enroll(CLI::App& cmd, Runner& run) {
    auto o = std::make_shared<EnrollOptions>();
    cmd.add_option("id", o->positional_id, N_("The child to update or change status of"))
        ->type_name("ID");
    cmd.add_option("--id", o->id,
                   N_("The child's id; without it a new child gets the next <year>-NNN id"))
        ->type_name("ID");
    for (size_t i = 0; i < child_fields().size(); ++i) {
        const ChildField& f = child_fields()[i];
        if (f.kind == FieldKind::id) {
            o->given[i] = cmd.get_option("--id");
            continue;
        }
        std::string help = std::string(f.headers.front());
        if (!f.help.empty()) help += ": " + std::string(f.help);
        o->given[i] = cmd.add_option(option_name(f.key), o->values[i], help)->type_name("TEXT");
    }
    cmd.add_option("--status", o->status,
                   N_("Record a status change: transferred | dropped_out | graduated | left | "
                      "not_enrolled | enrolled (enrolled again after leaving starts a new "
                      "enrolment and keeps the old one)"));
    cmd.add_option("--on", o->on,
                   "Date of the status change, or from which a changed " + dated_field_options() +
                       " holds (default: today)")
        ->type_name("DATE");
    cmd.add_flag("--correction", o->correction,
                 N_("The changed fields were wrong all along: no dated change is recorded"));
    auto* csv =
        cmd.add_option(
               "--from,--from-csv", o->csv,
               N_("Import a register: CSV or .xlsx (Chinese or English headers, any column order)"))
            ->type_name("FILE");
    cmd.add_option("--map", o->map_file, N_("YAML file mapping other headers to fields"))
        ->type_name("FILE")
        ->needs(csv);
    add_sheet_options(cmd, csv, o->encoding, o->sheet);
    cmd.add_option("--ignore-column", o->ignored, N_("Skip this column of the sheet (repeatable)"))
        ->type_name("HEADER")
        ->needs(csv);
    cmd.add_flag("--dry-run", o->dry_run, N_("Print what the import would do; write nothing"))
        ->needs(csv);
    cmd.add_option(
           "--blank-left-behind", o->blank_left_behind,
           N_("What a new child's blank 留守类型 means (none 否, both_parents …); without it "
              "such a row is refused"))
        ->type_name("TYPE")
        ->needs(csv);
    cmd.add_flag("--print-ids", o->print_ids,
                 N_("Print only a line for each child added or updated: the sheet's row, the id, "
                    "added or updated (tab-separated; with --dry-run, the ids it would give)"))
        ->needs(csv);
    cmd.add_flag("--update", o->update,
                 N_("Update children the sheet matches (by id, else name and birth date)"))
        ->needs(csv);
    cmd.add_flag("--prefer-sheet", o->prefer_sheet,
                 N_("A cell changed both in the sheet and on file since the export: take the "
                    "sheet's value (without it or --prefer-tree, nothing is imported)"))
        ->needs(csv);
    cmd.add_flag("--prefer-tree", o->prefer_tree,
                 N_("A cell changed both in the sheet and on file since the export: keep the value "
                    "on file"))
        ->needs(csv);
    cmd.add_option(
           "--unset", o->unset,
           N_("Clear a field entered by mistake (guardian_phone, 监护人电话 …; repeatable)"))
        ->type_name("FIELD")
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    cmd.add_flag("--if-missing", o->if_missing,
                 N_("A new child whose name and birth date a child on file has is that child: do "
                    "nothing and exit 0 (with -q, print its id)"));
    cmd.add_flag("--namesakes,--force", o->namesakes,
                 N_("A new child with an existing child's name and birth date is another child "
                    "(without it, enroll refuses it as the same child again; an import warns)"));
    cmd.callback([o, &run] {
        run = [o](Context& ctx) {
            if (!o->csv.empty()) {
                for (size_t i = 0; i < o->given.size(); ++i)
                    if (o->given[i]->count())
                        throw UsageError(fmt::format(N_("{} cannot be combined with --from"),
                                                     o->given[i]->get_name()));
                if (!o->positional_id.empty() || !o->status.empty())
                    throw UsageError(N_("an id or --status cannot be combined with --from"));
                return run_import(*o, ctx);
            }
            return run_single(*o, ctx);
        };
    });
}

}  // namespace liushou
