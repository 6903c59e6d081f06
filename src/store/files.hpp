// File I/O shared by the store's parts: reading with limits, atomic writes with injected faults.
#pragma once

#include <optional>
#include <string>

#include "liushou/store.hpp"

namespace liushou {

/// strerror(errno), for messages.
std::string errno_text();

/// Writes `content` to `path` atomically: a temporary file in the same directory, fsync,
/// rename, fsync of the directory. Returns false without writing when the file already holds
/// exactly these bytes with this mode. `fault` fails the write of the `file_number`th file
/// as the tests ask.
bool write_atomically(const std::string& path, const std::string& content, int mode,
                      const std::optional<WriteFault>& fault, long file_number);

}  // namespace liushou
