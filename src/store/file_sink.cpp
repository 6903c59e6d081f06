// The system calls behind every write of a tree's files (FileSink), and the tests' stand-in
// that fails or stops at a chosen step of a chosen file (faulty_files).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <boost/filesystem.hpp>
#include <cerrno>
#include <csignal>
#include <map>

#include "files.hpp"

namespace liushou {

namespace fs = boost::filesystem;

/// One syncfs of the filesystem holding `dir`: every file written there so far is durable.
/// False when it is refused; the caller then fsyncs each file (fsync_file).
bool sync_filesystem(const fs::path& dir) {
    const int dfd = ::open(dir.string().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    const bool synced = dfd >= 0 && ::syncfs(dfd) == 0;
    if (dfd >= 0) ::close(dfd);
    return synced;
}

void fsync_file(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) ::fsync(fd), ::close(fd);
}

fs::path directory_of(const std::string& path) {
    const fs::path dir = fs::path(path).parent_path();
    return dir.empty() ? fs::path(".") : dir;
}

void sync_directory(const fs::path& dir) {
    const int dfd = ::open(dir.string().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

int FileSink::create(const std::string& tmp, int mode) {
    return ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode);
}

ssize_t FileSink::write(int fd, const char* data, size_t size) {
    return ::write(fd, data, size);
}

int FileSink::fsync(int fd) {
    return ::fsync(fd);
}

std::optional<size_t> FileSink::sync_batch(const std::vector<std::string>& tmps) {
    // One flush makes every temporary file durable (git's core.fsyncMethod=batch does the
    // same with one fsync after write-out); where syncfs is refused, each on its own.
    if (!tmps.empty() && !sync_filesystem(directory_of(tmps.front())))
        for (const auto& tmp : tmps) fsync_file(tmp);
    return std::nullopt;
}

int FileSink::rename(const std::string& from, const std::string& to) {
    return ::rename(from.c_str(), to.c_str());
}

FileSink& system_files() {
    static FileSink files;
    return files;
}

namespace {

/// The tests' disk: the `nth` file fails at its step as the real failure would (errno set),
/// or the process is killed there; every other call is the system's.
class FaultyFiles final : public FileSink {
  public:
    explicit FaultyFiles(WriteFault fault) : fault_(std::move(fault)) {}
    void begin_file() override { ++files_; }
    int create(const std::string& tmp, int mode) override {
        const int fd = FileSink::create(tmp, mode);
        if (fd >= 0) fds_[fd] = tmps_[tmp] = files_;
        return fd;
    }
    ssize_t write(int fd, const char* data, size_t size) override {
        if (!at(number(fds_, fd), "write")) return FileSink::write(fd, data, size);
        // A full disk usually lets part of the content through first.
        if (!half_written_) {
            half_written_ = true;
            return FileSink::write(fd, data, std::max<size_t>(1, size / 2));
        }
        errno = ENOSPC;
        return -1;
    }
    int fsync(int fd) override {
        const int done = FileSink::fsync(fd);
        if (done != 0 || !at(number(fds_, fd), "fsync")) return done;
        errno = EIO;
        return -1;
    }
    std::optional<size_t> sync_batch(const std::vector<std::string>& tmps) override {
        FileSink::sync_batch(tmps);
        for (size_t i = 0; i < tmps.size(); ++i)
            if (at(number(tmps_, tmps[i]), "fsync")) {
                errno = EIO;
                return i;
            }
        return std::nullopt;
    }
    int rename(const std::string& from, const std::string& to) override {
        const long n = number(tmps_, from);
        if (at(n, "kill-before-rename")) ::kill(::getpid(), SIGKILL);
        if (at(n, "rename")) {
            errno = EIO;
            return -1;
        }
        const int done = FileSink::rename(from, to);
        if (done == 0 && at(n, "kill-after-rename")) ::kill(::getpid(), SIGKILL);
        return done;
    }
    void reached(const char* point) override {
        if (fault_.nth == 0 && fault_.step == point) ::kill(::getpid(), SIGKILL);
    }

  private:
    bool at(long file, const char* step) const { return file == fault_.nth && fault_.step == step; }
    template <class Key>
    static long number(const std::map<Key, long>& numbers, const Key& key) {
        const auto it = numbers.find(key);
        return it == numbers.end() ? 0 : it->second;
    }
    WriteFault fault_;
    long files_ = 0;
    bool half_written_ = false;
    std::map<int, long> fds_;  // an open temporary's descriptor: the file it is (reused later)
    std::map<std::string, long> tmps_;
};

}  // namespace

std::unique_ptr<FileSink> faulty_files(const WriteFault& fault) {
    return std::make_unique<FaultyFiles>(fault);
}

}  // namespace liushou
