// liushou report child: a child's 档案卡, or every child's (--all) in one document, a
// workbook of a sheet each, or a folder of a file each.
#include <fmt/format.h>

#include <deque>
#include <future>

#include "liushou/i18n.hpp"
#include "liushou/parallel.hpp"
#include "report_parts.hpp"

namespace liushou::report_cli {

int run_child(const ReportOptions& o, Context& ctx) {
    if (o.all == !o.id.empty()) throw UsageError(N_("give a child id, or --all"));
    // --all writes a folder of cards only when -o names one (an existing folder, or a name
    // ending in /); any other -o, "-" or none is one document of every card.
    const bool card_files = o.all && names_folder(o.output);
    if (o.all && !card_files && o.format == "csv")
        throw UsageError(N_(
            "--all in CSV is a file per child: give -o DIR/ (or -o FILE.xlsx for one workbook)"));
    bool skipped = false;
    // The cards of --all -o DIR take the children one at a time; not const: each is let go.
    auto loaded =
        load_trees(ctx, skipped, false, card_files ? ChildRecords::one_by_one : ChildRecords::all);
    auto& trees = loaded.trees;
    const auto sources = provenance(trees);
    const ReportStyle style = style_of(o, ctx, trees.front().school);
    if (o.all && !card_files) {
        // Every card in one document: a page (or Word document) of a card to a sheet of paper,
        // a workbook of a sheet to a child, Markdown one card after another, a JSON array.
        ReportStyle md = style;
        if (style.format == Format::html) md.format = Format::md;
        std::vector<std::pair<std::string, std::string>> cards;
        for (size_t i = 0; i < trees.size(); ++i)
            for (const Child& c : trees[i].children) {
                std::string card = render_child(c, sources[i], md);
                if (style.format == Format::html) card = markdown_html(card);
                cards.emplace_back((trees.size() > 1 ? std::to_string(i + 1) + "-" : "") + c.id,
                                   std::move(card));
            }
        if (o.format == "xlsx") {
            emit_output(ctx, o.output,
                        csv_workbook(o.redact, o.encoding, ctx.today, cards, o.typed_cells),
                        o.format);
            return skipped ? kDataProblem : kOk;
        }
        const std::string school = trees.size() == 1 ? trees[0].school.school : "";
        emit(o, ctx, cards_document(cards, style, school, trees.size()));
        return skipped ? kDataProblem : kOk;
    }
    if (o.all) {
        OutputDirectory out(o.output);
        const std::string ext = o.format == "json" ? ".json"
                                : o.format == "md" ? ".md"
                                                   : "." + o.format;
        // Every card, named by its child (several schools may use the same ids: a county
        // run prefixes the school's number): a record read, or one still in the cache.
        struct Card {
            size_t tree;
            Child* read;
            size_t cached;
        };
        std::vector<Card> all;
        for (size_t i = 0; i < trees.size(); ++i) {
            for (Child& c : trees[i].children) all.push_back(Card{i, &c, 0});
            for (size_t k : trees[i].cached_cards) all.push_back(Card{i, nullptr, k});
        }
        auto render = [&](size_t from, size_t to) {
            std::vector<std::pair<std::string, std::string>> files;
            Child decoded;
            for (size_t k = from; k < to; ++k) {
                const Card& card = all[k];
                const LoadedTree& t = trees[card.tree];
                Child* c = card.read;
                if (!c) {
                    c = &decoded;
                    if (!t.cached->load(card.cached, decoded)) {
                        // The cache changed under us: the file, as it is now.
                        const std::string& id = t.cached->id(card.cached);
                        auto file = t.tree->load_child(id, false);
                        if (!file.parsed || file.record.id != id)
                            throw DataError(fmt::format(
                                N_("{}: cannot be read; no cards were made"), file.path));
                        decoded = std::move(file.record);
                    }
                }
                files.emplace_back(
                    (trees.size() > 1 ? std::to_string(card.tree + 1) + "-" : "") + c->id + ext,
                    encoded(o, ctx, render_child(*c, sources[card.tree], style), true));
                // No card needs another child's record (a buddy's name is in child_names):
                // each is let go here, beside the writing, not all at the end.
                *c = Child{};
            }
            return files;
        };
        // Cards are made blocks ahead, a block to a thread, while this one writes the blocks
        // before in order: the writing is mostly the kernel's (a new inode per file), the
        // making (decoding a record, rendering it) ours.
        constexpr size_t kBlock = 512;
        const size_t ahead = static_cast<size_t>(worker_count(ctx.jobs, all.size(), kBlock));
        std::deque<std::future<std::vector<std::pair<std::string, std::string>>>> made;
        size_t launched = 0;
        auto launch = [&] {
            made.push_back(std::async(std::launch::async, render, launched,
                                      std::min(launched + kBlock, all.size())));
            launched += kBlock;
        };
        while (made.size() < ahead && launched < all.size()) launch();
        while (!made.empty()) {
            auto files = made.front().get();
            made.pop_front();
            if (launched < all.size()) launch();
            for (const auto& [name, bytes] : files) out.write(name, bytes);
        }
        const size_t written = all.size();
        out.finish();
        if (!ctx.quiet)
            ctx.out << say(ctx, fmt::format(N_("wrote {} files to {}") "\n", written, o.output));
        return skipped ? kDataProblem : kOk;
    }
    std::vector<const Child*> all;
    for (const auto& t : trees)
        for (const Child& c : t.children) all.push_back(&c);
    const std::string id = child_argument(all, o.id);  // by id, or a name only one child has
    for (size_t i = 0; i < trees.size(); ++i)
        for (const Child& c : trees[i].children)
            if (c.id == id) {
                emit(o, ctx, render_child(c, sources[i], style));
                return skipped ? kDataProblem : kOk;
            }
    throw UsageError(fmt::format(N_("no child {}"), o.id));
}

}  // namespace liushou::report_cli
