// Starting programs for the store (git, age, git-filter-repo): the primitives that git.cpp
// and git_commit.cpp share. Internal to src/store.
#pragma once

#include <spawn.h>
#include <sys/types.h>

#include <cstddef>
#include <string>
#include <vector>

namespace liushou {

/// Starts `args[0]` (found on PATH) with the given file actions and environment (the
/// process's own when null); its pid, or -1.
pid_t spawn(std::vector<std::string> args, const posix_spawn_file_actions_t* actions,
            std::vector<std::string>* env = nullptr);

/// The exit status, or -1 when the program did not exit normally.
int wait_for(pid_t pid);

/// Reads `fd` to its end into `output`; false when more than `limit` bytes came (the rest
/// is left unread).
bool read_all(int fd, std::string& output, size_t limit);

}  // namespace liushou
