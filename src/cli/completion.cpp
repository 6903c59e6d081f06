// liushou completion bash|zsh: a completion script generated from the command table itself,
// so it can never fall behind the options; child and teacher ids come from the current tree.
#include <fmt/format.h>

#include <memory>

#include "cli.hpp"
#include "liushou/i18n.hpp"
#include "liushou/records.hpp"

namespace liushou {

namespace {

struct CompletionOptions {
    std::string shell;
};

std::string option_names(const CLI::App& app) {
    std::string out;
    for (const CLI::Option* opt : app.get_options()) {
        for (const auto& name : opt->get_lnames()) out += " --" + name;
        for (const auto& name : opt->get_snames()) out += " -" + name;
    }
    return out;
}

/// Case arms `words) COMPREPLY=...` for every command path (`report summary`, `staff add`).
void command_arms(const CLI::App& app, const std::string& path, std::string& out) {
    const auto subs = app.get_subcommands([](const CLI::App*) { return true; });
    std::string names;
    for (const CLI::App* sub : subs) names += " " + sub->get_name();
    if (!path.empty())
        out += fmt::format("    \"{}\") words=\"{}{}\" ;;\n", path, option_names(app), names);
    for (const CLI::App* sub : subs)
        command_arms(*sub, path.empty() ? sub->get_name() : path + " " + sub->get_name(), out);
}

/// The command arms for zsh, where $words is the command line itself.
std::string zsh_arms(std::string arms) {
    const std::string from = ") words=", to = ") words_of=";
    for (size_t at = 0; (at = arms.find(from, at)) != std::string::npos; at += to.size())
        arms.replace(at, from.size(), to);
    return arms;
}

template <class E>
std::string keys() {
    std::string out;
    for (const auto& e : enum_entries<E>()) out += (out.empty() ? "" : " ") + std::string(e.key);
    return out;
}

/// The values an option takes, for completion: a checked set ({md,json,csv}), else the keys
/// of the few options that take Chinese words too (--kind, --status, --mood).
std::string option_values(const CLI::Option& opt, const std::string& path) {
    auto* o = const_cast<CLI::Option*>(&opt);  // CLI11 2.1 has no const get_validator
    // The set is one of the option's validators (--format also has a transform, md = table).
    for (int i = 0;; ++i) {
        std::string d;
        try {
            d = o->get_validator(i)->get_description();
        } catch (const CLI::OptionNotFound&) {
            break;
        }
        if (d.size() > 2 && d.front() == '{' && d.back() == '}') {
            std::string out = d.substr(1, d.size() - 2);
            for (char& c : out)
                if (c == ',') c = ' ';
            return out;
        }
    }
    const std::string name = opt.get_name();
    if (name == "--mood") return "good ok low";
    if (name == "--kind" || name == "--close-kind")
        return path == "activity add" ? keys<ActivityKind>() : keys<TalkKind>();
    if (name == "--status") return path == "list" ? "all " + keys<Status>() : keys<Status>();
    return "";
}

/// Case arms `"path --option") COMPREPLY=(values)` (bash) or `compadd -- values` (zsh) for
/// every option with a set of values.
void value_arms(const CLI::App& app, const std::string& path, bool zsh, std::string& out) {
    for (const CLI::Option* opt : app.get_options()) {
        const std::string values = option_values(*opt, path);
        if (values.empty()) continue;
        for (const auto& name : opt->get_lnames())
            out += fmt::format(
                zsh ? "        \"{}{}--{}\") compadd -- {}; return ;;\n"
                    : "        \"{}{}--{}\") COMPREPLY=($(compgen -W \"{}\" -- \"$cur\")); return "
                      ";;\n",
                path, path.empty() ? "" : " ", name, values);
    }
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
        value_arms(*sub, path.empty() ? sub->get_name() : path + " " + sub->get_name(), zsh, out);
}

/// The words of the command line that name commands, and the command path they make.
struct Commands {
    std::string names;   // " activity check …" and help
    std::string nested;  // the commands that have commands (report summary): "report|staff"
};

Commands commands_of(const CLI::App& root) {
    Commands c{" help", ""};
    for (const CLI::App* sub : root.get_subcommands([](const CLI::App*) { return true; })) {
        c.names += " " + sub->get_name();
        if (!sub->get_subcommands([](const CLI::App*) { return true; }).empty())
            c.nested += (c.nested.empty() ? "" : "|") + sub->get_name();
    }
    return c;
}

// The options whose value is the next word: the command path skips them.
constexpr const char* kValued =
    "--root|--rev|--county|--lang|--jobs|--lock-timeout|-o|--output|--from-csv|--sheet|"
    "--encoding|--map|--by|--teacher|--buddy|--format|--date|--month|--term|--from|--to|--as-of";

std::string bash_script(const CLI::App& root) {
    std::string arms, values;
    command_arms(root, "", arms);
    value_arms(root, "", false, values);
    const Commands c = commands_of(root);
    return fmt::format(R"SH(# bash completion for liushou; generated by: liushou completion bash
# Ids and teachers come from the tree the command line names (--root DIR), else from the one
# liushou finds itself ($LIUSHOU_ROOT, or the nearest directory holding liushou.yaml).
_liushou_ids() {{
    liushou ${{_liushou_root:+--root "$_liushou_root"}} -q list --status all --format csv 2>/dev/null | tail -n +2 | cut -d, -f1
}}
_liushou_teachers() {{
    liushou ${{_liushou_root:+--root "$_liushou_root"}} -q staff list --format csv 2>/dev/null | tail -n +2 | cut -d, -f1
}}
# Ids and names come from files that travel between machines: they are data, never words for
# compgen -W (which expands $(...) in them). Each line that starts with what was typed is
# offered, quoted for the shell.
_liushou_offer() {{
    local line
    while IFS= read -r line; do
        [[ -n $line && $line == "$cur"* ]] && COMPREPLY+=("$(printf '%q' "$line")")
    done
}}
_liushou() {{
    local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD-1]}}
    local cmdpath="" i w _liushou_root=""
    # The command path (not $path: zsh ties that to $PATH): every word before the cursor that
    # names a command, skipping the values of options that take one; and the tree --root names.
    for ((i = 1; i < COMP_CWORD; i++)); do
        w=${{COMP_WORDS[i]}}
        case $w in
            --root) _liushou_root=${{COMP_WORDS[i+1]}}; ((i++)); continue ;;
            --root=*) _liushou_root=${{w#--root=}}; continue ;;
            {valued}) ((i++)); continue ;;
            -*) continue ;;
        esac
        case " {commands} " in *" $w "*) [ -z "$cmdpath" ] && {{ cmdpath=$w; continue; }} ;; esac
        [ -n "$cmdpath" ] && case "$cmdpath" in {nested}) cmdpath="$cmdpath $w" ;; esac
    done
    # A typed ~ is the home folder (the shell expands it only when the command runs).
    case $_liushou_root in "~") _liushou_root=$HOME ;; "~/"*) _liushou_root=$HOME/${{_liushou_root#"~/"}} ;; esac
    case $prev in
        --root) COMPREPLY=($(compgen -d -- "$cur")); return ;;
        --from-csv|--map|-o|--output) COMPREPLY=($(compgen -f -- "$cur")); return ;;
        --from) case $cmdpath in enroll|log-talk) COMPREPLY=($(compgen -f -- "$cur")); return ;; esac ;;
        --by|--teacher) COMPREPLY=(); _liushou_offer < <(_liushou_teachers); return ;;
        --buddy|--id) COMPREPLY=(); _liushou_offer < <(_liushou_ids); return ;;
    esac
    # An option's own values, by the command it belongs to (--format differs by command).
    case "$cmdpath $prev" in
{values}    esac
    case "$prev" in
        --lang) COMPREPLY=($(compgen -W "zh en" -- "$cur")); return ;;
    esac
    local words
    case $cmdpath in
    "") words="{globals}{commands}" ;;
    help) words="{commands}" ;;
{arms}    esac
    [ "$cmdpath" = completion ] && words="$words bash zsh"
    # Only liushou's own option and command names go through compgen.
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
    case "$cmdpath" in
        enroll|pair|log-talk|"report child")
            [[ $cur != -* ]] && _liushou_offer < <(_liushou_ids) ;;
    esac
}}
complete -F _liushou liushou
)SH",
                       fmt::arg("commands", c.names), fmt::arg("globals", option_names(root)),
                       fmt::arg("arms", arms), fmt::arg("values", values),
                       fmt::arg("nested", c.nested), fmt::arg("valued", kValued));
}

/// Native zsh completion: compinit autoloads this file as the function _liushou, whose first
/// call defines the functions and completes at once (the first TAB of a fresh shell); sourced,
/// it registers itself with compdef.
std::string zsh_script(const CLI::App& root) {
    std::string arms, values;
    command_arms(root, "", arms);
    value_arms(root, "", true, values);
    const Commands c = commands_of(root);
    return fmt::format(R"SH(#compdef liushou
# zsh completion for liushou; generated by: liushou completion zsh
# Ids and teachers come from the tree the command line names (--root DIR), else from the one
# liushou finds itself ($LIUSHOU_ROOT, or the nearest directory holding liushou.yaml).
_liushou_ids() {{
    liushou ${{_liushou_root:+--root}} $_liushou_root -q list --status all --format csv 2>/dev/null | tail -n +2 | cut -d, -f1
}}
_liushou_teachers() {{
    liushou ${{_liushou_root:+--root}} $_liushou_root -q staff list --format csv 2>/dev/null | tail -n +2 | cut -d, -f1
}}
_liushou() {{
    # Ids and names are data from files that travel between machines: compadd takes each line
    # as one literal word and quotes it; nothing in them is ever run.
    local cur=${{words[CURRENT]}} prev=${{words[CURRENT-1]}}
    local cmdpath="" i w _liushou_root=""
    local -a cands
    for ((i = 2; i < CURRENT; i++)); do
        w=${{words[i]}}
        case $w in
            --root) _liushou_root=${{words[i+1]}}; ((i++)); continue ;;
            --root=*) _liushou_root=${{w#--root=}}; continue ;;
            {valued}) ((i++)); continue ;;
            -*) continue ;;
        esac
        case " {commands} " in *" $w "*) [ -z "$cmdpath" ] && {{ cmdpath=$w; continue; }} ;; esac
        [ -n "$cmdpath" ] && case "$cmdpath" in {nested}) cmdpath="$cmdpath $w" ;; esac
    done
    _liushou_root=${{~_liushou_root}}  # a typed ~ is the home folder
    case $prev in
        --root) _files -/; return ;;
        --from-csv|--map|-o|--output) _files; return ;;
        --from) case $cmdpath in enroll|log-talk) _files; return ;; esac ;;
        --by|--teacher) compadd -- ${{(f)"$(_liushou_teachers)"}}; return ;;
        --buddy|--id) compadd -- ${{(f)"$(_liushou_ids)"}}; return ;;
    esac
    case "$cmdpath $prev" in
{values}    esac
    case "$prev" in
        --lang) compadd -- zh en; return ;;
    esac
    local words_of
    case $cmdpath in
    "") words_of="{globals}{commands}" ;;
    help) words_of="{commands}" ;;
{arms}    esac
    [ "$cmdpath" = completion ] && words_of="$words_of bash zsh"
    cands=(${{=words_of}})
    case "$cmdpath" in
        enroll|pair|log-talk|"report child")
            [[ $cur != -* ]] && cands+=(${{(f)"$(_liushou_ids)"}}) ;;
    esac
    compadd -- $cands
}}
if [[ $funcstack[1] == _liushou ]]; then
    _liushou "$@"
else
    compdef _liushou liushou
fi
)SH",
                       fmt::arg("commands", c.names), fmt::arg("globals", option_names(root)),
                       fmt::arg("arms", zsh_arms(arms)), fmt::arg("values", values),
                       fmt::arg("nested", c.nested), fmt::arg("valued", kValued));
}

int run_completion(const CompletionOptions& o, const CLI::App& root, Context& ctx) {
    ctx.out << (o.shell == "bash" ? bash_script(root) : zsh_script(root));
    return 0;
}

}  // namespace

void setup_completion(CLI::App& cmd, Runner& run) {
    auto o = std::make_shared<CompletionOptions>();
    cmd.add_option("shell", o->shell, N_("bash or zsh"))
        ->required()
        ->check(CLI::IsMember({"bash", "zsh"}));
    const CLI::App* root = cmd.get_parent();
    cmd.callback([o, root, &run] {
        run = [o, root](Context& ctx) { return run_completion(*o, *root, ctx); };
    });
}

}  // namespace liushou
