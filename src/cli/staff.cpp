// liushou staff add | set | remove | list: the teachers children are paired with.
#include <fmt/format.h>

#include <memory>
#include <sstream>

#include "cli.hpp"
#include "liushou/care.hpp"
#include "liushou/fields.hpp"
#include "liushou/i18n.hpp"
#include "liushou/render.hpp"
#include "liushou/store.hpp"
#include "liushou/text.hpp"

namespace liushou {

namespace {

struct StaffAddOptions {
    std::string id;
    std::string name;
    std::string role;
    int grade = 0;
    std::string klass;  // 3-2 (any way a class is written), or a class number with --grade
    std::string phone;
    bool force = false;       // a second staff member of a name that exists
    bool if_missing = false;  // a name that exists: nothing to do
};

struct StaffListOptions {
    std::string format = "table";
    std::string output, encoding;  // -o FILE; CSV's encoding
};

/// staff set: each option changes its field only when given ("" clears it).
struct StaffSetOptions {
    std::string who;
    CLI::Option *name = nullptr, *role = nullptr, *grade = nullptr, *klass = nullptr,
                *phone = nullptr;
    std::string name_value, role_value, grade_value, class_value, phone_value;
};

struct StaffRemoveOptions {
    std::string who;
};

/// The role a --role names (head_teacher or 班主任 …); none for "".
std::optional<Role> role_option(const std::string& text) {
    if (text.empty()) return std::nullopt;
    const auto role = enum_from_text<Role>(text);
    if (!role)
        throw UsageError(fmt::format(N_("--role {}: use one of {} (班主任/任课教师/领导/其他)"),
                                     text, enum_keys<Role>()));
    return role;
}

/// The staff member `who` names (an id, or a name only one has); throws UsageError otherwise.
size_t staff_index(const StaffList& list, const std::string& who) {
    std::string error;
    const Staff* s = find_staff(list, who, error);
    if (!s) throw UsageError(error.empty() ? fmt::format(N_("no staff member {}"), who) : error);
    return static_cast<size_t>(s - list.staff.data());
}

int run_staff_set(const StaffSetOptions& o, Context& ctx) {
    const Tree tree = open_tree(ctx);
    WriteSession session = tree.lock();
    Loaded<StaffList> file = tree.load_staff();
    require_writable(file, ctx);
    StaffList list = file.record;
    Staff& s = list.staff[staff_index(list, o.who)];
    std::vector<std::string> changed;
    if (o.name->count()) {
        if (o.name_value.empty()) throw UsageError("--name: a staff member needs a name");
        s.name = o.name_value, changed.push_back("name");
    }
    if (o.role->count()) {
        s.role = role_option(o.role_value);
        changed.push_back("role");
    }
    auto number = [](const std::string& option, const std::string& text, int high) {
        if (text.empty()) return std::optional<int>();
        const auto n = parse_small_number(text);
        if (!n || *n < 1 || *n > high)
            throw UsageError(
                fmt::format(N_("{} {}: give a number from 1 to {}"), option, text, high));
        return n;
    };
    if (o.grade->count()) s.grade = number("--grade", o.grade_value, 6), changed.push_back("grade");
    if (o.klass->count()) {
        if (const auto both = parse_class(o.class_value)) {
            // A whole class names its grade too.
            if (o.grade->count() && number("--grade", o.grade_value, 6) != both->first)
                throw UsageError(fmt::format(N_("--grade {} and --class {} name different grades"),
                                             o.grade_value, o.class_value));
            s.grade = both->first, s.class_no = both->second;
            if (!o.grade->count()) changed.push_back("grade");
        } else {
            s.class_no = number("--class", o.class_value, 99);
        }
        changed.push_back("class");
    }
    if (o.phone->count()) {
        if (!o.phone_value.empty() && !is_phone_number(o.phone_value))
            throw DataError("--phone: not a mobile (11 digits) or landline number with area code");
        s.phone = o.phone_value, changed.push_back("phone");
    }
    if (changed.empty())
        throw UsageError(fmt::format(N_("nothing to change: give {}"),
                                     "--name, --role, --grade, --class or --phone"));
    std::string fields;
    for (const auto& f : changed) fields += (fields.empty() ? "" : ", ") + f;
    ctx.journal->action = fmt::format("staff set {} {}", s.id, fields);
    const bool written = session.write_staff(list);
    if (!ctx.quiet)
        ctx.out << say(ctx, fmt::format("{} {} {}: {}\n", written ? "changed" : "unchanged", s.id,
                                        s.name, fields));
    return kOk;
}

int run_staff_remove(const StaffRemoveOptions& o, Context& ctx) {
    const Tree tree = open_tree(ctx);
    WriteSession session = tree.lock();
    Loaded<StaffList> file = tree.load_staff();
    require_writable(file, ctx);
    StaffList list = file.record;
    const size_t at = staff_index(list, o.who);
    const Staff gone = list.staff[at];
    list.staff.erase(list.staff.begin() + static_cast<long>(at));
    // A teacher the records still name stays: removing them would leave pairings, talks and
    // activities pointing at nobody (check would then refuse every such file). Every place a
    // staff id can appear is in the reference map (domain/fields.cpp).
    std::vector<std::string> uses;
    size_t files_naming = 0;
    auto note = [&](const std::string& path, const std::vector<std::string>& where) {
        if (where.empty()) return;
        if (uses.size() < 5) uses.push_back(path + " " + where.front());  // one per file
        ++files_naming;
    };
    for (auto& c : tree.load_children()) {
        if (!c.parsed) continue;
        note(c.path, references_to(c.record, IdKind::staff, gone.id));
    }
    for (auto& a : tree.load_activities()) {
        if (!a.parsed) continue;
        note(a.path, references_to(a.record, IdKind::staff, gone.id));
    }
    if (files_naming > 0) {
        std::string list_text;
        for (const auto& u : uses) list_text += (list_text.empty() ? "" : ", ") + u;
        throw DataError(fmt::format(
            "{} {} is named in {} file{} ({}{}); they stay in staff.yaml. Re-pair the children "
            "first (liushou pair ID --teacher T); a teacher of past talks or activities stays "
            "for the record",
            gone.id, gone.name, files_naming, files_naming == 1 ? "" : "s", list_text,
            files_naming > uses.size() ? ", …" : ""));
    }
    ctx.journal->action = "staff remove " + gone.id;
    session.write_staff(list);
    if (!ctx.quiet) ctx.out << say(ctx, fmt::format(N_("removed {} {}") "\n", gone.id, gone.name));
    return kOk;
}

std::string next_staff_id(const StaffList& list) {
    int highest = 0;
    for (const auto& s : list.staff) {
        if (s.id.size() < 2 || s.id[0] != 'T' ||
            s.id.find_first_not_of("0123456789", 1) != std::string::npos || s.id.size() > 8)
            continue;
        highest = std::max(highest, std::stoi(s.id.substr(1)));
    }
    return fmt::format("T{:03}", highest + 1);
}

int run_staff_add(const StaffAddOptions& o, Context& ctx) {
    const Tree tree = open_tree(ctx);
    WriteSession session = tree.lock();
    Loaded<StaffList> file = tree.load_staff();
    require_writable(file, ctx);
    StaffList list = file.record;

    Staff s;
    s.id = o.id.empty() ? next_staff_id(list) : o.id;
    std::string id_problem = child_id_error(s.id);
    if (id_problem.empty()) id_problem = new_id_error(s.id);
    if (!id_problem.empty()) throw UsageError("--id: " + id_problem);
    if (list.find(s.id))
        throw UsageError(fmt::format(N_("staff id {} already exists in {}"), s.id, file.path));
    s.name = o.name;
    // The same teacher added twice became T001 and T002; two teachers of one name are rare.
    for (const auto& other : list.staff) {
        if (o.force || other.name != liushou::trim(o.name)) continue;
        if (o.if_missing) {
            // A script's "make sure this teacher is there": nothing to do, and the id.
            ctx.out << (ctx.quiet ? other.id + "\n"
                                  : say(ctx, fmt::format(N_("already there: {} {}") "\n", other.id,
                                                         other.name)));
            return 0;
        }
        throw DataError(fmt::format(N_("{} is already {} in {}; to add another staff member "
                                       "of the same name, say --force"),
                                    other.name, other.id, file.path));
    }
    s.name = o.name;
    s.role = role_option(o.role);
    if (o.grade) s.grade = o.grade;
    if (!o.klass.empty()) {
        if (const auto both = parse_class(o.klass)) {
            if (o.grade && o.grade != both->first)
                throw UsageError(fmt::format(N_("--grade {} and --class {} name different grades"),
                                             o.grade, o.klass));
            s.grade = both->first, s.class_no = both->second;
        } else {
            const auto n = parse_small_number(o.klass);
            if (!n || *n < 1 || *n > 99)
                throw UsageError(fmt::format(
                    N_("--class {}: write the class as 3-2, 三年级二班 or 三(2)班, or its number"),
                    o.klass));
            s.class_no = n;
        }
    }
    if (!o.phone.empty() && !is_phone_number(o.phone)) {
        ctx.err << "liushou staff add: --phone: not a mobile (11 digits) or landline number "
                   "with area code\n";
        return kDataProblem;
    }
    s.phone = o.phone;
    list.staff.push_back(s);
    ctx.journal->action = "staff add " + s.id;
    session.write_staff(list);
    // With -q the new id alone: what a script needs to go on with.
    ctx.out << (ctx.quiet ? s.id + "\n"
                          : say(ctx, fmt::format(N_("added {} {}") "\n", s.id, s.name)));
    return 0;
}

int run_staff_list(const StaffListOptions& o, Context& ctx) {
    std::ostringstream out;  // written at the end: to -o FILE at once, or to standard output
    const Tree tree = open_tree(ctx);
    const auto file = tree.load_staff();
    if (!file.parsed) {
        print_problems(ctx.err, file.path, file.problems);
        return kDataProblem;
    }
    auto finish = [&](const std::string& text) {
        const bool to_file = !o.output.empty() && o.output != "-";
        emit_output(ctx, o.output, encode_output(text, o.format == "csv", o.encoding, to_file));
        return 0;
    };
    const auto school = tree.load_school();
    const std::string lang = output_language(ctx, school.parsed ? &school.record : nullptr);
    auto role = [&](const Staff& s) {
        if (!s.role) return std::string();
        return std::string(lang == "en" ? key_of(*s.role) : zh_of(*s.role));
    };
    auto klass = [](const Staff& s) {
        return s.grade && s.class_no ? fmt::format("{}-{}", *s.grade, *s.class_no) : std::string();
    };
    if (o.format == "json") {
        std::vector<std::string> items;
        for (size_t i = 0; i < file.record.staff.size(); ++i) {
            const Staff& s = file.record.staff[i];
            auto opt_int = [](const std::optional<int>& v) {
                return v ? std::to_string(*v) : std::string("null");
            };
            items.push_back(json_object({{"id", json_string(s.id)},
                                         {"name", json_string(s.name)},
                                         {"role", s.role ? json_string(key_of(*s.role)) : "null"},
                                         {"grade", opt_int(s.grade)},
                                         {"class", opt_int(s.class_no)},
                                         {"phone", json_string(s.phone)}}));
        }
        out << json_list_document("staff", items);
        return finish(out.str());
    }
    std::vector<std::string> header = {label("staff_id", lang), label("name", lang),
                                       label("role", lang), label("class", lang),
                                       label("phone", lang)};
    std::vector<std::vector<std::string>> rows;
    for (const auto& s : file.record.staff)
        rows.push_back({s.id, s.name, role(s), klass(s), s.phone});
    if (o.format == "xlsx") {
        if (!o.encoding.empty()) throw UsageError(N_("--encoding is for CSV; a workbook is UTF-8"));
        emit_output(ctx, o.output,
                    write_xlsx({{lang == "en" ? "Staff" : "教师名单", header, rows}}, ctx.today),
                    "xlsx");
        return 0;
    }
    if (o.format == "csv") {
        out << csv_line(header);
        for (const auto& r : rows) out << csv_line(r);
    } else {
        out << render_table(header, rows);
    }
    return finish(out.str());
}

}  // namespace

void setup_staff(CLI::App& cmd, Runner& run) {
    cmd.require_subcommand(1);
    auto add = cmd.add_subcommand("add", N_("Add a teacher or other staff member"));
    auto a = std::make_shared<StaffAddOptions>();
    add->add_option("--id", a->id, N_("Staff id (default: the next T001, T002 …)"))
        ->type_name("ID");
    add->add_option("--name", a->name, N_("Name, e.g. 张老师"))->required();
    add->add_option("--role", a->role,
                    "head_teacher | teacher | leader | other (班主任/任课教师/领导/其他)");
    add->add_option("--grade", a->grade, N_("Grade of the class a head teacher leads"))
        ->check(CLI::Range(1, 6));
    add->add_option("--class", a->klass,
                    N_("Class a head teacher leads: 3-2, 三年级二班, 三(2)班, or its number with "
                       "--grade"))
        ->type_name("G-C");
    add->add_option("--phone", a->phone, N_("Phone number"));
    add->add_flag("--force", a->force, N_("Add a staff member whose name another already has"));
    add->add_flag("--if-missing", a->if_missing,
                  N_("If a staff member of that name exists, do nothing and exit 0 (with -q, print "
                     "the id either way)"))
        ->excludes("--force");
    add->callback([a, &run] { run = [a](Context& ctx) { return run_staff_add(*a, ctx); }; });

    auto set = cmd.add_subcommand("set", N_("Change a staff member's name, role, class or phone"));
    auto t = std::make_shared<StaffSetOptions>();
    set->add_option("who", t->who, N_("The staff member: an id, or a name only one has"))
        ->type_name("T")
        ->required();
    t->name = set->add_option("--name", t->name_value, N_("The name"));
    t->role = set->add_option("--role", t->role_value,
                              N_("head_teacher | teacher | leader | other (\"\" clears it)"));
    t->grade =
        set->add_option("--grade", t->grade_value, N_("Grade of the class led (\"\" clears it)"));
    t->klass =
        set->add_option("--class", t->class_value,
                        N_("Class led: 3-2, 三年级二班, 三(2)班, or its number (\"\" clears it)"));
    t->phone = set->add_option("--phone", t->phone_value, N_("Phone number (\"\" clears it)"));
    set->callback([t, &run] { run = [t](Context& ctx) { return run_staff_set(*t, ctx); }; });

    auto remove = cmd.add_subcommand(
        "remove", N_("Remove a staff member no record names (one added twice by mistake, say)"));
    auto r = std::make_shared<StaffRemoveOptions>();
    remove->add_option("who", r->who, N_("The staff member: an id, or a name only one has"))
        ->type_name("T")
        ->required();
    remove->callback([r, &run] { run = [r](Context& ctx) { return run_staff_remove(*r, ctx); }; });

    auto list = cmd.add_subcommand("list", N_("List staff"));
    auto l = std::make_shared<StaffListOptions>();
    list->add_option("-o,--output", l->output,
                     N_("Write to FILE, its extension picking the format; - for standard output"))
        ->type_name("FILE");
    add_output_encoding(*list, l->encoding);
    auto* format =
        list->add_option("--format", l->format,
                         N_("table | json | csv | xlsx (default table, or -o FILE's extension)"))
            ->check(CLI::IsMember({"table", "json", "csv", "xlsx"}))
            ->transform(human_format_is("table"));
    list->callback([l, format, &run] {
        format_from_output(format, l->format, l->output, {"table", "json", "csv", "xlsx"});
        run = [l](Context& ctx) { return run_staff_list(*l, ctx); };
    });
}

}  // namespace liushou
