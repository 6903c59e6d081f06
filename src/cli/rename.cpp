// liushou rename: a child's new id, everywhere at once: the file's name, the id inside it and
// every reference to it the reference map knows (buddies, activities' children). It is how two
// clones that each gave a new child the same id are put right after the merge driver has stopped on
// them.
#include <fmt/format.h>

#include <memory>

#include "cli.hpp"
#include "liushou/fields.hpp"
#include "liushou/i18n.hpp"
#include "liushou/store.hpp"

namespace liushou {

namespace {

struct RenameOptions {
    std::string from, to;
};

int run_rename(const RenameOptions& given, Context& ctx) {
    const Tree tree = open_tree(ctx);
    RenameOptions o = given;
    o.from = child_argument(tree, given.from, ctx);  // the child by id or by its name
    tree.child_relative(o.from);                     // refuse ids that could leave children/
    tree.child_relative(o.to);
    if (o.from == o.to) throw UsageError(fmt::format(N_("{} is already its id"), o.from));

    WriteSession session = tree.lock();
    if (!tree.child_exists(o.from)) throw UsageError(fmt::format(N_("no child {}"), o.from));
    if (tree.child_exists(o.to))
        throw DataError(fmt::format(N_("{} is already taken by {}; choose another id"), o.to,
                                    tree.display(tree.child_relative(o.to))));
    require_new_child_id(tree, o.to);
    Child child = load_child_for_write(tree, o.from, ctx);
    // Every other file is read (fresh, under the lock) to find its references; one that cannot
    // be read could hold a reference that would then point at nobody.
    std::vector<Child> others = writable_children(tree, ctx);

    // Activities name children too (children[], participants): read them all before writing,
    // so that one that cannot be read stops the rename rather than keeping the old id.
    std::vector<Activity> activities;
    for (auto& file : tree.load_activities()) {
        require_writable(file, ctx);
        activities.push_back(std::move(file.record));
    }

    ctx.journal->action = fmt::format("rename {} {}", o.from, o.to);
    child.id = o.to;
    // Every place a child's id can appear is in the reference map (domain/fields.cpp): the
    // child's own file here, the other children's and the activities' below.
    rename_references(child, IdKind::child, o.from, o.to);  // a buddy of itself: check's job
    // One batch (store: .liushou/journal): the new file, every reference and the old file's
    // removal are in place together or not at all, whatever stops the command.
    session.begin_batch();
    session.write_child(child, o.from);  // its errors are the old file's, not new ones
    size_t references = 0, in_activities = 0;
    for (Child& other : others) {
        if (other.id == o.from) continue;
        // Counted by file, as before: a child whose buddy is in both lists is one reference.
        if (rename_references(other, IdKind::child, o.from, o.to) > 0 && session.write_child(other))
            ++references;
    }
    for (Activity& a : activities)
        if (rename_references(a, IdKind::child, o.from, o.to) > 0 && session.write_activity(a))
            ++in_activities;
    session.remove_child(o.from);
    session.end_batch();
    if (!ctx.quiet) {
        std::string updated;
        if (references && in_activities)
            updated = fmt::format(" ({} buddy reference{} and {} activit{} updated)", references,
                                  references == 1 ? "" : "s", in_activities,
                                  in_activities == 1 ? "y" : "ies");
        else if (references)
            updated = fmt::format(" ({} buddy reference{} updated)", references,
                                  references == 1 ? "" : "s");
        else if (in_activities)
            updated = fmt::format(" ({} activit{} updated)", in_activities,
                                  in_activities == 1 ? "y" : "ies");
        ctx.out << say(ctx, fmt::format("renamed {} to {}{}\n", o.from, o.to, updated));
    }
    return 0;
}

}  // namespace

void setup_rename(CLI::App& cmd, Runner& run) {
    auto o = std::make_shared<RenameOptions>();
    cmd.add_option("id", o->from, N_("The child's id now"))->required()->type_name("ID");
    cmd.add_option("new-id", o->to, N_("The id it is to have"))->required()->type_name("NEW-ID");
    cmd.callback([o, &run] { run = [o](Context& ctx) { return run_rename(*o, ctx); }; });
}

}  // namespace liushou
