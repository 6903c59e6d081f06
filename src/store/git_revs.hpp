// Which commit a revision names in a bare repository, from its ref files, without running
// git: a county's warm report asked `git rev-parse` once per school (a process each, a fifth
// of a 20-school report). Internal to src/store.
#pragma once

#include <optional>
#include <string>

namespace liushou {

/// What `git rev-parse --absolute-git-dir … REV^{commit} --short=12 REV^{commit}` said.
struct RevParsed {
    std::string git_dir, commit, short_commit;
};

/// The answer git gave for `rev` in the bare repository `dir`, when its refs still lead to the
/// same commit by the same ref (kept in GIT_DIR/liushou/revs by remember_rev); nullopt
/// whenever in doubt (not a bare repository, a ref git would read otherwise, an environment
/// that redirects git, a revision other than a ref name or a full commit id): git is asked.
std::optional<RevParsed> recall_rev(const std::string& dir, const std::string& rev);
/// Keeps git's answer for `rev`, when the ref files lead to that very commit (not through a
/// tag object, which git peels and these files do not say).
void remember_rev(const std::string& dir, const std::string& rev, const RevParsed& parsed);

}  // namespace liushou
