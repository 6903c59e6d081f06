// liushou list: children filtered by class, status, pairing or completeness; for people and
// scripts.
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <sstream>
#include <tuple>

#include "cli.hpp"
#include "liushou/care.hpp"
#include "liushou/i18n.hpp"
#include "liushou/import.hpp"
#include "liushou/render.hpp"
#include "liushou/store.hpp"

namespace liushou {

namespace {

struct ListOptions {
    int grade = 0;
    std::string klass;  // 3-2 (any way a class is written), or a class number with --grade
    std::string status = "enrolled";
    std::string teacher;
    bool unpaired = false;
    bool incomplete = false;
    bool register_columns = false;  // --register, and a workbook's default
    std::string format = "table";
    std::string output, encoding;  // -o FILE; CSV's encoding
};

/// `first` (the school, in a county), then `rest`.
std::vector<std::pair<std::string, std::string>> with_school(
    std::vector<std::pair<std::string, std::string>> first,
    std::vector<std::pair<std::string, std::string>> rest) {
    first.insert(first.end(), rest.begin(), rest.end());
    return first;
}

template <class E>
std::string enum_label(const std::optional<E>& v, const std::string& lang) {
    if (!v) return "";
    return std::string(lang == "en" ? key_of(*v) : zh_of(*v));
}

/// Which children list shows (--status, --grade, --class, --teacher, --unpaired,
/// --incomplete), as the options say it, checked against the schools' staff.
struct ListFilter {
    std::optional<Status> status;
    int grade = 0, class_no = 0;  // 0: any
    std::string teacher;          // a staff id
    bool unpaired = false, incomplete = false;
    bool keeps(const Child& c) const {
        return (!status || c.status == *status) && (!grade || c.grade == grade) &&
               (!class_no || c.class_no == class_no) &&
               (teacher.empty() || c.pairing.teacher == teacher) &&
               (!unpaired || c.pairing.teacher.empty()) && (!incomplete || !is_complete(c));
    }
};

ListFilter filter_of(const ListOptions& o, const SchoolTrees& trees) {
    ListFilter f;
    f.unpaired = o.unpaired;
    f.incomplete = o.incomplete;
    if (o.status != "all") {
        f.status = enum_from_text<Status>(o.status);
        if (!f.status)
            throw UsageError(fmt::format("--status {}: " N_("use all or one of {}"), o.status,
                                         enum_keys<Status>()));
    }

    f.grade = o.grade;
    if (!o.klass.empty()) {
        const auto number = parse_small_number(o.klass);
        if (o.klass.find_first_not_of("0123456789") == std::string::npos && number &&
            *number >= 1 && *number <= 99) {
            f.class_no = *number;  // the class number in every grade, or in --grade's
        } else {
            const auto [g, k] = class_option("--class", o.klass);
            if (f.grade && f.grade != g)
                throw UsageError(fmt::format(N_("--grade {} and --class {} name different grades"),
                                             f.grade, o.klass));
            f.grade = g, f.class_no = k;
        }
    }

    if (!o.teacher.empty()) {
        // A teacher no school has is a mistake, not an empty list (schedule says so too).
        std::string why;
        bool found = false;
        for (const Tree& t : trees.trees) {
            const auto staff = t.load_staff();
            if (const Staff* s =
                    staff.parsed ? find_staff(staff.record, o.teacher, why) : nullptr) {
                f.teacher = s->id;
                found = true;
                break;
            }
        }
        if (!found)
            throw UsageError(why.empty()
                                 ? fmt::format("--teacher: no staff member {} in staff.yaml "
                                               "(give a staff id or name)",
                                               o.teacher)
                                 : "--teacher: " + why);
    }
    return f;
}

/// list --format json: a document of every field a script filters on.
std::string list_json(const std::vector<Child>& children,
                      const std::vector<std::string>& school_names, bool county) {
    std::vector<std::string> items;
    for (size_t i = 0; i < children.size(); ++i) {
        const Child& c = children[i];
        const std::string missing = json_strings(missing_fields_by_relation(c));
        auto opt_int = [](const std::optional<int>& v) {
            return v ? std::to_string(*v) : std::string("null");
        };
        auto opt_enum = [](auto v) { return v ? json_string(key_of(*v)) : std::string("null"); };
        std::vector<std::pair<std::string, std::string>> fields;
        if (county) fields.emplace_back("school", json_string(school_names[i]));
        items.push_back(
            json_object(with_school(fields, {{"id", json_string(c.id)},
                                             {"name", json_string(c.name)},
                                             {"gender", opt_enum(c.gender)},
                                             {"grade", opt_int(c.grade)},
                                             {"class", opt_int(c.class_no)},
                                             {"status", json_string(key_of(c.status))},
                                             {"left_behind", opt_enum(c.left_behind)},
                                             {"teacher", json_string(c.pairing.teacher)},
                                             {"buddies", json_strings(c.pairing.buddies)},
                                             {"complete", missing == "[]" ? "true" : "false"},
                                             {"missing", missing}})));
    }
    return json_list_document("children", items);
}

int run_list(const ListOptions& o, Context& ctx) {
    // Everything goes to the output at the end, so that -o writes one file atomically.
    std::ostringstream out;
    // A county (--county or several --root) lists every school's children, with the school.
    const SchoolTrees trees = open_trees(ctx);
    const bool county = trees.trees.size() > 1 || !trees.county.empty();
    const Tree& tree = trees.trees.front();
    const auto school = tree.load_school();
    const std::string lang = output_language(ctx, school.parsed ? &school.record : nullptr);
    const ListFilter filter = filter_of(o, trees);
    bool skipped = false;
    std::vector<Child> children;
    std::vector<std::string> school_names;  // of each child, in a county
    std::vector<size_t> school_of;          // the index of its tree: schools stay together
    for (const Tree& t : trees.trees) {
        std::string name;
        if (county) {
            const auto s = t.load_school();
            name = s.parsed ? s.record.school : t.display("");
        }
        for (Child& c : readable_children(t, ctx, skipped)) {
            if (!filter.keeps(c)) continue;
            children.push_back(std::move(c));
            school_names.push_back(name);
            school_of.push_back(static_cast<size_t>(&t - trees.trees.data()));
        }
    }
    std::vector<size_t> order(children.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t i, size_t j) {
        const Child &a = children[i], &b = children[j];
        const auto ka =
            std::make_tuple(school_of[i], a.grade.value_or(99), a.class_no.value_or(99));
        const auto kb =
            std::make_tuple(school_of[j], b.grade.value_or(99), b.class_no.value_or(99));
        if (ka != kb) return ka < kb;
        return natural_less(a.id, b.id);
    });
    {
        std::vector<Child> sorted;
        std::vector<std::string> names;
        for (size_t i : order) {
            sorted.push_back(std::move(children[i]));
            names.push_back(school_names[i]);
        }
        children = std::move(sorted);
        school_names = std::move(names);
    }

    const std::vector<std::string> keys = {"id",          "name",    "gender", "grade", "class",
                                           "left_behind", "teacher", "status", "file"};
    auto cells = [&](const Child& c) {
        const auto missing = missing_fields(c);
        const std::string file =
            missing.empty() ? label("complete", lang)
                            : fmt::format(fmt::runtime(label("missing", lang)), missing.size());
        return std::vector<std::string>{
            c.id,
            c.name,
            enum_label(c.gender, lang),
            c.grade ? std::to_string(*c.grade) : "",
            c.class_no ? std::to_string(*c.class_no) : "",
            enum_label(c.left_behind, lang),
            c.pairing.teacher,
            lang == "en" ? std::string(key_of(c.status)) : std::string(zh_of(c.status)),
            file};
    };

    if (o.format == "json") {
        out << list_json(children, school_names, county);
    } else {
        // The register: every field a sheet can set, under the header the import reads, so a
        // corrected copy imports back (matched by 学号).
        const bool whole = o.register_columns || o.format == "xlsx";
        std::vector<std::string> header;
        if (county) header.push_back(lang == "en" ? "School" : "学校");
        if (whole)
            for (const auto& f : child_fields())
                header.push_back(std::string(lang == "en" ? f.key : f.headers.front()));
        else
            for (const auto& k : keys) header.push_back(label(k, lang));
        std::vector<std::vector<std::string>> rows;
        // Every register export carries its base (#39): each row's fingerprint, so that a
        // copy corrected weeks later is merged with what changed in the tree since, and not
        // written over it (liushou-enroll(1)). A CSV has it in a last column 校验: the one
        // place a CSV keeps that survives Excel, WPS and LibreOffice, which drop comments and
        // anything after the table; "v1-" and hex digits stay text in each of them (no
        // number, no date). A workbook keeps it out of sight in a hidden sheet liushou, with
        // the commit the rows were read from, from which the exact base is read back.
        std::vector<std::vector<std::string>> base;
        const bool with_base = whole && (o.format == "csv" || o.format == "xlsx");
        for (size_t i = 0; i < children.size(); ++i) {
            if (whole) {
                std::vector<std::string> row;
                for (const auto& f : child_fields())
                    row.push_back(register_text(children[i], f, lang));
                const std::string fingerprint = row_fingerprint(register_values(children[i]));
                if (with_base && o.format == "csv") row.push_back(fingerprint);
                if (with_base) base.push_back({children[i].id, fingerprint});
                rows.push_back(std::move(row));
            } else {
                rows.push_back(cells(children[i]));
            }
            if (county) rows.back().insert(rows.back().begin(), school_names[i]);
        }
        if (o.format == "xlsx") {
            if (!o.encoding.empty())
                throw UsageError(N_("--encoding is for CSV; a workbook is UTF-8"));
            // The commit only when the files are the commit's, and of one tree.
            const GitState git = county ? GitState{} : tree.git_state();
            base.insert(base.begin(),
                        {{"revision", git.dirty ? "" : git.commit}, {"made", ctx.today.iso()}});
            SheetTable hidden_base{"liushou", {"format", kRegisterBaseFormat}, base};
            hidden_base.hidden = true;
            emit_output(ctx, o.output,
                        write_xlsx({{lang == "en" ? "Children" : "留守儿童名册", header, rows},
                                    std::move(hidden_base)},
                                   ctx.today),
                        "xlsx");
            return skipped ? kDataProblem : kOk;
        }
        if (o.format == "csv") {
            if (with_base) header.push_back(lang == "en" ? "fingerprint" : "校验");
            out << csv_line(header);
            for (const auto& r : rows) out << csv_line(r);
        } else {
            out << render_table(header, rows);
            if (!ctx.quiet)
                out << (lang == "en" ? fmt::format("{} {}\n", children.size(),
                                                   children.size() == 1 ? "child" : "children")
                                     : fmt::format("共 {} 名\n", children.size()));
        }
    }
    const bool to_file = !o.output.empty() && o.output != "-";
    emit_output(ctx, o.output, encode_output(out.str(), o.format == "csv", o.encoding, to_file));
    return skipped ? kDataProblem : kOk;
}

}  // namespace

void setup_list(CLI::App& cmd, Runner& run) {
    auto o = std::make_shared<ListOptions>();
    cmd.add_option("--grade", o->grade, N_("Only this grade (1-6)"))->check(CLI::Range(1, 6));
    cmd.add_option(
           "--class", o->klass,
           N_("Only this class: 3-2, 三年级二班, 三(2)班; or a class number (with --grade)"))
        ->type_name("G-C");
    cmd.add_option("--status", o->status,
                   N_("enrolled (default), transferred, dropped_out, graduated, not_enrolled, "
                      "or all"));
    cmd.add_option("--teacher", o->teacher, N_("Only children paired with this staff id"))
        ->type_name("ID");
    cmd.add_flag("--unpaired", o->unpaired, N_("Only children without a pairing teacher"));
    cmd.add_flag("--incomplete", o->incomplete, N_("Only children whose file is incomplete"));
    cmd.add_flag("--register", o->register_columns,
                 N_("Every field of the register (phone and id numbers too), under the headers "
                    "enroll --from reads; a workbook (xlsx) always has them"));
    auto* format =
        cmd.add_option("--format", o->format,
                       N_("table | json | csv | xlsx (default table, or -o FILE's extension)"))
            ->check(CLI::IsMember({"table", "json", "csv", "xlsx"}))
            ->transform(human_format_is("table"));
    cmd.add_option("-o,--output", o->output,
                   N_("Write to FILE, its extension picking the format; - for standard output"))
        ->type_name("FILE");
    add_output_encoding(cmd, o->encoding);
    cmd.callback([o, format, &run] {
        format_from_output(format, o->format, o->output, {"table", "json", "csv", "xlsx"});
        run = [o](Context& ctx) { return run_list(*o, ctx); };
    });
}

}  // namespace liushou
