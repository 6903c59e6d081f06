// The one error type of liushou: every failure carries the exit code the user sees.
#pragma once

#include <stdexcept>
#include <string>

namespace liushou {

/// Exit codes of every command (liushou(1), EXIT STATUS).
/// 4: the files were written but --commit could not commit them (they are left staged).
enum ExitCode : int { kOk = 0, kDataProblem = 1, kUsage = 2, kIoFailure = 3, kNotCommitted = 4 };

/// Base of every error thrown inside liushou; caught in main only.
class Error : public std::runtime_error {
  public:
    Error(int exit_code, const std::string& message)
        : std::runtime_error(message), exit_code_(exit_code) {}
    int exit_code() const { return exit_code_; }

  private:
    int exit_code_;
};

/// Bad options or arguments (exit 2).
class UsageError : public Error {
  public:
    explicit UsageError(const std::string& message) : Error(kUsage, message) {}
};

/// The data is at fault (exit 1); printed as `path:line:col: message` when a file is known.
class DataError : public Error {
  public:
    DataError(const std::string& message, std::string path = {}, int line = 0, int col = 0)
        : Error(kDataProblem, message), path_(std::move(path)), line_(line), col_(col) {}
    const std::string& path() const { return path_; }
    int line() const { return line_; }
    int col() const { return col_; }

  private:
    std::string path_;
    int line_;
    int col_;
};

/// Reading, writing or locking failed (exit 3).
class IoError : public Error {
  public:
    explicit IoError(const std::string& message) : Error(kIoFailure, message) {}
};

}  // namespace liushou
