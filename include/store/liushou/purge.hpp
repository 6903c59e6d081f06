// Forgetting on time (#43, liushou-purge(1)): what a purge keeps of a child who has left, the
// purge record in liushou.yaml (ids and dates, never personal data), and the rewrite of git
// history with git-filter-repo so that no commit, tag, reflog or object keeps a purged value.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "liushou/records.hpp"
#include "liushou/validate.hpp"

namespace liushou {

/// One `liushou purge`: the day, and the children it purged.
struct PurgeRecord {
    Date date;
    std::vector<std::string> ids;
};

/// liushou.yaml's `privacy:` section (liushou-records(5)).
struct PrivacySettings {
    /// Years after leaving that a child's personal data is kept (`retention_years`).
    std::optional<int> retention_years;
    std::vector<PurgeRecord> purges;
    /// The last day `purge --history` or `purge --value` rewrote git history.
    std::optional<Date> history_rewritten;
    /// Root commits a history rewrite replaced: a sync file naming them is from before it.
    std::vector<std::string> replaced_roots;
    /// Why the section does not read ("" when it does, or when there is none).
    std::string error;

    /// The day child `id` was purged, if it was.
    std::optional<Date> purged_on(const std::string& id) const;
    /// Every purged id, in the order purged.
    std::vector<std::string> purged_ids() const;
};

PrivacySettings read_privacy(const School& school);
/// Replaces liushou.yaml's `privacy:` section with `settings` (dropped when empty).
void write_privacy(School& school, const PrivacySettings& settings);

/// The day a child left the school (status_on of transferred, dropped_out, graduated or left);
/// none for a child enrolled, not enrolled, or without the day.
std::optional<Date> left_on(const Child& child);
/// The day the child's file says it was purged (`purged: DATE`), if any.
std::optional<Date> purged_on(const Child& child);
/// The day `years` years after `day` (29 February becomes 28 February).
Date years_after(const Date& day, int years);

/// The fields of `child` that hold personal data (names, phones, addresses, 身份证号, health,
/// notes, talk summaries …), as check names them: what a purge removes. Empty for a child
/// already purged.
std::vector<std::string> personal_fields(const Child& child);

/// Removes every personal field of `child` and marks it `purged: on`. Kept: the id, gender,
/// birth year and month (the day becomes the 1st), grade and class with their dated changes,
/// the enrolments and status, the left-behind type, boarding and subsidies (figures count
/// them), the pairing teacher and the buddies' count, each talk's date, kind and author. The
/// name becomes the id, so past reports name the child by id. Whether the file was complete
/// (建档) is kept as `purged_incomplete`, so that past terms' 建档率 stays as it was.
void purge_child(Child& child, const Date& on);

/// Deletes the record caches under .liushou/cache (derived data, remade by the next read):
/// they hold copies of records as they were before a purge.
void forget_cache(const std::string& root);

/// `text` with each of `names` (of two characters or more) replaced by `id`; how many were.
size_t replace_names(std::string& text, const std::vector<std::string>& names,
                     const std::string& id);

/// check's problems with a child the purge record names: a file that lacks its `purged` mark
/// or holds a personal field again (a backup restored, a merge from an old clone).
void check_purged_child(const Child& child, const PrivacySettings& privacy, Problems& out);

/// What `purge --history` / `purge --value` did.
struct HistoryRewrite {
    size_t blobs = 0;                    // file versions rewritten
    std::vector<std::string> old_roots;  // root commits replaced
};

/// Rewrites every commit of the repository whose work tree's top is `root` (the tree) with
/// git-filter-repo, run through git_command's safety settings: every version of a purged
/// child's file becomes that version purged, the children's names in activities and
/// liushou.yaml become their ids, and with `value` that text becomes "已删除" in every file
/// and commit message. Then the reflogs are expired and unreachable objects pruned, and every
/// replaced version is verified gone. Throws UsageError when git-filter-repo is missing or the
/// tree has uncommitted changes, IoError when a step fails.
HistoryRewrite rewrite_history(const std::string& root, const PrivacySettings& privacy,
                               const std::string& value);

/// sync --from (#42): refuses (DataError naming `shown`) a sync file from before a history
/// rewrite (its root commits were replaced) …
void refuse_pre_purge_roots(const PrivacySettings& privacy, const std::vector<std::string>& roots,
                            const std::string& shown);
/// … or one whose commits (from `incoming`, not in HEAD) bring a purged child's personal
/// fields back. The objects it brought are pruned before refusing.
void refuse_purged_in_bundle(const std::string& root, const PrivacySettings& privacy,
                             const std::string& incoming, const std::string& shown);

}  // namespace liushou
