// liushou staff add | list: the teachers children are paired with.
#include <fmt/format.h>

#include <memory>

#include "cli.hpp"
#include "liushou/fields.hpp"
#include "liushou/render.hpp"
#include "liushou/store.hpp"

namespace liushou {

namespace {

struct StaffAddOptions {
    std::string id;
    std::string name;
    std::string role;
    int grade = 0;
    int class_no = 0;
    std::string phone;
};

struct StaffListOptions {
    std::string format = "table";
};

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
        throw UsageError(fmt::format("staff id {} already exists in {}", s.id, file.path));
    s.name = o.name;
    if (!o.role.empty()) {
        s.role = enum_from_text<Role>(o.role);
        if (!s.role)
            throw UsageError(fmt::format("--role {}: use one of {} (班主任/任课教师/领导/其他)",
                                         o.role, enum_keys<Role>()));
    }
    if (o.grade) s.grade = o.grade;
    if (o.class_no) s.class_no = o.class_no;
    if (!o.phone.empty() && !is_phone_number(o.phone)) {
        ctx.err << "liushou staff add: --phone: not a mobile (11 digits) or landline number "
                   "with area code\n";
        return kDataProblem;
    }
    s.phone = o.phone;
    list.staff.push_back(s);
    ctx.journal->action = "staff add " + s.id;
    session.write_staff(list);
    if (!ctx.quiet) ctx.out << fmt::format("added {} {}\n", s.id, s.name);
    return 0;
}

int run_staff_list(const StaffListOptions& o, Context& ctx) {
    const Tree tree = open_tree(ctx);
    const auto file = tree.load_staff();
    if (!file.parsed) {
        print_problems(ctx.err, file.path, file.problems);
        return kDataProblem;
    }
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
        ctx.out << "[";
        for (size_t i = 0; i < file.record.staff.size(); ++i) {
            const Staff& s = file.record.staff[i];
            auto opt_int = [](const std::optional<int>& v) {
                return v ? std::to_string(*v) : std::string("null");
            };
            ctx.out << (i ? ",\n " : "\n ")
                    << json_object({{"id", json_string(s.id)},
                                    {"name", json_string(s.name)},
                                    {"role", s.role ? json_string(key_of(*s.role)) : "null"},
                                    {"grade", opt_int(s.grade)},
                                    {"class", opt_int(s.class_no)},
                                    {"phone", json_string(s.phone)}});
        }
        ctx.out << (file.record.staff.empty() ? "]\n" : "\n]\n");
        return 0;
    }
    std::vector<std::string> header = {label("staff_id", lang), label("name", lang),
                                       label("role", lang), label("class", lang),
                                       label("phone", lang)};
    std::vector<std::vector<std::string>> rows;
    for (const auto& s : file.record.staff)
        rows.push_back({s.id, s.name, role(s), klass(s), s.phone});
    if (o.format == "csv") {
        ctx.out << csv_line(header);
        for (const auto& r : rows) ctx.out << csv_line(r);
    } else {
        ctx.out << render_table(header, rows);
    }
    return 0;
}

}  // namespace

void setup_staff(CLI::App& cmd, Runner& run) {
    cmd.require_subcommand(1);
    auto add = cmd.add_subcommand("add", "Add a teacher or other staff member");
    auto a = std::make_shared<StaffAddOptions>();
    add->add_option("--id", a->id, "Staff id (default: the next T001, T002 …)")->type_name("ID");
    add->add_option("--name", a->name, "Name, e.g. 张老师")->required();
    add->add_option("--role", a->role,
                    "head_teacher | teacher | leader | other (班主任/任课教师/领导/其他)");
    add->add_option("--grade", a->grade, "Grade of the class a head teacher leads")
        ->check(CLI::Range(1, 6));
    add->add_option("--class", a->class_no, "Class number a head teacher leads")
        ->check(CLI::Range(1, 99));
    add->add_option("--phone", a->phone, "Phone number");
    add->callback([a, &run] { run = [a](Context& ctx) { return run_staff_add(*a, ctx); }; });

    auto list = cmd.add_subcommand("list", "List staff");
    auto l = std::make_shared<StaffListOptions>();
    list->add_option("--format", l->format, "table | json | csv (default table)")
        ->check(CLI::IsMember({"table", "json", "csv"}));
    list->callback([l, &run] { run = [l](Context& ctx) { return run_staff_list(*l, ctx); }; });
}

}  // namespace liushou
