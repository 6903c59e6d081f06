// liushou rename: a child's new id, everywhere at once: the file's name, the id inside it and
// every buddy reference to it in other children's files. It is how two clones that each gave a
// new child the same id are put right after the merge driver has stopped on them.
#include <fmt/format.h>

#include <memory>

#include "cli.hpp"
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
    if (o.from == o.to) throw UsageError(fmt::format("{} is already its id", o.from));

    WriteSession session = tree.lock();
    if (!tree.child_exists(o.from)) throw UsageError(fmt::format("no child {}", o.from));
    if (tree.child_exists(o.to))
        throw DataError(fmt::format("{} is already taken by {}; choose another id", o.to,
                                    tree.display(tree.child_relative(o.to))));
    require_new_child_id(tree, o.to);
    Child child = load_child_for_write(tree, o.from, ctx);
    // Every other file is read (fresh, under the lock) to find its references; one that cannot
    // be read could hold a reference that would then point at nobody.
    std::vector<Child> others = writable_children(tree, ctx);

    ctx.journal->action = fmt::format("rename {} {}", o.from, o.to);
    child.id = o.to;
    // The new file first and the old one last: a crash in between leaves both (check names
    // the pair as the same child twice), never neither.
    session.write_child(child);
    size_t references = 0;
    for (Child& other : others) {
        if (other.id == o.from) continue;
        bool changed = false;
        for (auto& b : other.pairing.buddies)
            if (b == o.from) b = o.to, changed = true;
        for (auto& h : other.pairing.history)
            for (auto& b : h.buddies)
                if (b == o.from) b = o.to, changed = true;
        if (changed && session.write_child(other)) ++references;
    }
    session.remove_child(o.from);
    if (!ctx.quiet)
        ctx.out << say(
            ctx, fmt::format("renamed {} to {}{}\n", o.from, o.to,
                             references ? fmt::format(" ({} buddy reference{} updated)", references,
                                                      references == 1 ? "" : "s")
                                        : ""));
    return 0;
}

}  // namespace

void setup_rename(CLI::App& cmd, Runner& run) {
    auto o = std::make_shared<RenameOptions>();
    cmd.add_option("id", o->from, "The child's id now")->required()->type_name("ID");
    cmd.add_option("new-id", o->to, "The id it is to have")->required()->type_name("NEW-ID");
    cmd.callback([o, &run] { run = [o](Context& ctx) { return run_rename(*o, ctx); }; });
}

}  // namespace liushou
