// The write session: every file liushou writes goes through it, held under the tree's lock;
// batches stage temporaries and rename them together (see journal.cpp for the journal).
#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <pwd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/filesystem.hpp>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <thread>
#include <type_traits>

#include "cache.hpp"
#include "files.hpp"
#include "git_objects.hpp"
#include "liushou/error.hpp"
#include "liushou/i18n.hpp"
#include "liushou/store.hpp"
#include "liushou/text.hpp"
#include "tree_internal.hpp"

namespace liushou {

namespace fs = boost::filesystem;
using namespace tree_detail;

bool WriteSession::write_text(const std::string& relative, const std::string& content, int mode) {
    const Tree& tree = *tree_;
    const fs::path rel(relative);
    const std::string dir_name = rel.parent_path().string();
    // One look per directory and session: a batch writes thousands of files into children/.
    auto known = std::find_if(dirs_.begin(), dirs_.end(),
                              [&](const auto& d) { return d.first == dir_name; });
    if (known == dirs_.end()) {
        auto dir = std::make_shared<const SafeDir>(
            SafeDir::open(tree.root_, dir_name, true, false, tree.display_prefix_));
        dirs_.emplace_back(dir_name, std::move(dir));
        known = dirs_.end() - 1;
    }
    if (!marked_) {
        // Before the first temporary file (see writing_marker).
        try {
            const SafeDir state =
                SafeDir::open(tree.root_, kStateDir, true, true, tree.display_prefix_);
            const int mfd =
                ::openat(state.fd(), "writing", O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
            if (mfd >= 0) ::close(mfd);
        } catch (const IoError&) {
            // Without the marker only stray temporaries can be left (writing_marker).
        }
        marked_ = true;
    }
    const std::string full = known->second->path(rel.filename().string());
    try {
        if (batch_) {
            bool staged = false;
            try {
                staged = batch_->stage(full, content, mode, relative);
            } catch (const IoError&) {
                batch_.reset();  // all or nothing: no file of the batch is put in place
                throw;
            }
            return staged;
        }
        const bool written = write_atomically(full, content, mode, files());
        in_place_ += written;
        if (written && tree.options_.journal) {
            tree.options_.journal->root = tree.root_;
            tree.options_.journal->files.push_back(relative);
        }
        return written;
    } catch (const IoError& e) {
        // Name the file as the user sees it rather than by its joined path.
        std::string message = e.what();
        if (message.compare(0, full.size(), full) == 0)
            message.replace(0, full.size(), tree.display(relative));
        throw IoError(message);
    }
}

namespace {

/// The last guard of every write: the bytes about to be written must decode without an error,
/// exactly as check and the next write will decode them. A value that slipped past a command's
/// own checks (a control character, say) is refused here rather than written and found later.
template <class T, class Decode>
void refuse_unreadable(const std::string& text, Decode decode, const std::string& display) {
    const Decoded<T> back = decode(text);
    if (back.writable()) return;
    for (const Problem& p : back.problems) {
        if (p.severity != Severity::error) continue;
        throw DataError(fmt::format("{}{}; nothing was written",
                                    p.field.empty() ? "" : p.field + ": ", p.message),
                        display, p.line, p.col);
    }
    throw DataError(N_("the record would not read back; nothing was written"), display);
}

/// A child's text read back: without field positions, which only a refusal needs.
Decoded<Child> decode_child_back(std::string_view text) {
    Decoded<Child> back = decode_child(text, false);
    if (!back.writable()) back = decode_child(text, true);
    return back;
}

}  // namespace

void WriteSession::refuse_new_errors(const Child& child, const std::string& relative,
                                     const std::string& was) const {
    const auto& validate = tree_->options_.validate;
    if (!validate) return;
    Problems after;
    validate(child, after);
    if (!has_errors(after)) return;  // the usual case: nothing more to read
    // An error the file has already is not this write's doing (a teacher may log a talk for a
    // child whose guardian's phone is still wrong); only a new one is refused.
    std::set<std::pair<std::string, std::string>> before;
    const std::string& old_id = was.empty() ? child.id : was;
    if (tree_->child_exists(old_id)) {
        const Loaded<Child> old = tree_->load_child(old_id, false);
        if (old.parsed) {
            Problems p;
            validate(old.record, p);
            for (const Problem& x : p)
                if (x.severity == Severity::error) before.emplace(x.field, x.message);
        }
    }
    for (const Problem& p : after)
        if (p.severity == Severity::error && !before.count({p.field, p.message}))
            throw DataError(fmt::format("{}{}; nothing was written (check would refuse the file)",
                                        p.field.empty() ? "" : p.field + ": ", p.message),
                            tree_->display(relative));
}

bool WriteSession::write_child(const Child& child, const std::string& was) {
    const std::string relative = tree_->child_relative(child.id);
    const std::string text = encode_child(child);
    refuse_unreadable<Child>(text, decode_child_back, tree_->display(relative));
    refuse_new_errors(child, relative, was);
    return write_text(relative, text, 0600);
}

size_t WriteSession::write_children(const std::vector<const Child*>& children,
                                    const std::function<void(size_t)>& progress) {
    return write_made_children(
        children.size(), [&children](size_t i, Child&) { return children[i]; }, progress);
}

size_t WriteSession::write_made_children(size_t count, const MakeChild& make,
                                         const std::function<void(size_t)>& progress,
                                         const std::atomic<bool>* hold) {
    // Making a child (reading its file, adding to it), encoding it and the read-back check
    // cost more than writing the temporary file: worker threads prepare the chunks ahead,
    // a few at most (their texts are held until written), while this thread writes in order.
    struct Prepared {
        bool skip = true;
        std::string relative, text;
        std::exception_ptr error;
    };
    constexpr size_t kChunk = 128;
    const size_t chunks = (count + kChunk - 1) / kChunk;
    const size_t workers = static_cast<size_t>(worker_count(tree_->options_.jobs, count));
    const size_t ahead = 2 * workers;
    std::vector<std::vector<Prepared>> ready(chunks);
    std::vector<char> done(chunks, 0);
    std::mutex mutex;
    std::condition_variable changed_state;
    size_t next = 0, taken = 0;
    bool quit = false;
    auto work = [&] {
        Child scratch;
        for (;;) {
            size_t c = 0;
            {
                std::unique_lock<std::mutex> lock(mutex);
                changed_state.wait(lock,
                                   [&] { return quit || next >= chunks || next < taken + ahead; });
                if (quit || next >= chunks) return;
                c = next++;
            }
            std::vector<Prepared> out(std::min(count, (c + 1) * kChunk) - c * kChunk);
            for (size_t k = 0; k < out.size(); ++k) {
                Prepared& p = out[k];
                try {
                    const Child* child = make(c * kChunk + k, scratch);
                    if (!child) continue;
                    p.skip = false;
                    p.relative = tree_->child_relative(child->id);
                    p.text = encode_child(*child);
                    refuse_unreadable<Child>(p.text, decode_child_back, tree_->display(p.relative));
                    refuse_new_errors(*child, p.relative);
                } catch (...) {
                    p.skip = false;
                    p.error = std::current_exception();
                }
            }
            {
                const std::lock_guard<std::mutex> lock(mutex);
                ready[c] = std::move(out);
                done[c] = 1;
            }
            changed_state.notify_all();
        }
    };
    std::vector<std::thread> threads;
    struct Join {  // on every way out, a throw included
        std::vector<std::thread>& threads;
        std::mutex& mutex;
        std::condition_variable& cv;
        bool& quit;
        ~Join() {
            {
                const std::lock_guard<std::mutex> lock(mutex);
                quit = true;
            }
            cv.notify_all();
            for (auto& t : threads) t.join();
        }
    } join{threads, mutex, changed_state, quit};
    for (size_t w = 0; w < workers && w < chunks; ++w) threads.emplace_back(work);
    size_t written = 0;
    for (size_t c = 0; c < chunks; ++c) {
        std::vector<Prepared> chunk;
        {
            std::unique_lock<std::mutex> lock(mutex);
            changed_state.wait(lock, [&] { return done[c] != 0; });
            chunk = std::move(ready[c]);
            taken = c + 1;
        }
        changed_state.notify_all();
        for (size_t k = 0; k < chunk.size(); ++k) {
            if (progress) progress(c * kChunk + k);
            if (chunk[k].error) std::rethrow_exception(chunk[k].error);
            if (chunk[k].skip || (hold && hold->load())) continue;
            written += write_text(chunk[k].relative, chunk[k].text, 0600);
        }
    }
    return written;
}

bool WriteSession::write_staff(const StaffList& staff) {
    const std::string text = encode_staff(staff);
    refuse_unreadable<StaffList>(
        text, [](std::string_view t) { return decode_staff(t, false); },
        tree_->display(kStaffFile));
    return write_text(kStaffFile, text, 0600);  // teachers' phone numbers
}

bool WriteSession::write_activity(const Activity& activity) {
    if (!valid_child_id(activity.id))
        throw UsageError(
            fmt::format(N_("activity id {}: letters, digits, . _ - only"), activity.id));
    const std::string relative = std::string(kActivitiesDir) + "/" + activity.id + ".yaml";
    const std::string text = encode_activity(activity);
    refuse_unreadable<Activity>(text, decode_activity, tree_->display(relative));
    return write_text(relative, text, 0600);  // names of the children who took part
}

bool WriteSession::write_school(const School& school) {
    const std::string text = encode_school(school);
    refuse_unreadable<School>(text, decode_school, tree_->display(kSchoolFile));
    return write_text(kSchoolFile, text, 0600);  // the leading group's names
}

void WriteSession::remove_child(const std::string& id) {
    const std::string relative = tree_->child_relative(id);
    if (batch_) {  // with the batch's renames, from its journal
        const SafeDir dir =
            SafeDir::open(tree_->root_, kChildrenDir, false, false, tree_->display_prefix_);
        batch_->remove((fs::path(tree_->root_) / relative).string(), relative);
        return;
    }
    const fs::path full = fs::path(tree_->root_) / relative;
    if (::unlink(full.c_str()) != 0)
        throw IoError(
            fmt::format("{}: " N_("cannot remove: {}"), tree_->display(relative), errno_text()));
    const int dfd = ::open(full.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    if (const auto& journal = tree_->options_.journal) {
        journal->root = tree_->root_;
        journal->files.push_back(relative);
    }
}

WriteSession::WriteSession(const Tree& tree, UniqueFd fd)
    : tree_(&tree),
      fd_(std::move(fd)),
      faulty_(tree.options_.fault ? faulty_files(*tree.options_.fault) : nullptr) {}

FileSink& WriteSession::files() const {
    return faulty_ ? *faulty_ : system_files();
}

WriteSession::WriteSession(WriteSession&& other) noexcept
    : tree_(other.tree_),
      fd_(std::move(other.fd_)),
      faulty_(std::move(other.faulty_)),
      in_place_(other.in_place_),
      marked_(other.marked_),
      whole_batch_(other.whole_batch_),
      dirs_(std::move(other.dirs_)),
      batch_(std::move(other.batch_)) {
    other.marked_ = false;
}

WriteSession::~WriteSession() {
    // A batch not ended (an exception on the way) is dropped: its temporaries are removed
    // and the files stay as they were.
    batch_.reset();
    if (marked_) {  // no temporary file is left
        const fs::path marker = writing_marker(tree_->root_);
        ::unlink(marker.c_str());
        ::rmdir(marker.parent_path().c_str());  // made for the mark alone (init): not kept
    }
    fd_.reset();  // closing releases the flock (before the members go: the batch is gone)
}

void WriteSession::begin_batch(bool whole) {
    // Every batch is whole now (all or nothing, through the journal); `whole` is kept for
    // the callers that said so before.
    if (!batch_) batch_ = std::make_unique<BatchWrite>(files());
    whole_batch_ = whole;
}

void WriteSession::end_batch() {
    if (!batch_) return;
    flush_batch();
    batch_.reset();
    whole_batch_ = false;
}

void WriteSession::flush_batch() {
    const auto& journal = tree_->options_.journal;
    auto note = [&](const std::vector<std::string>& renamed) {
        in_place_ += renamed.size();
        if (!journal || renamed.empty()) return;
        journal->root = tree_->root_;
        journal->files.insert(journal->files.end(), renamed.begin(), renamed.end());
    };
    // The file named as the user sees it rather than by its joined path.
    auto shown = [&](const IoError& e) {
        std::string message = e.what();
        for (const auto& [name, dir] : dirs_) {
            const std::string raw = dir->path("");
            if (message.compare(0, raw.size(), raw) == 0)
                message.replace(0, raw.size(), tree_->display(name.empty() ? "" : name + "/"));
        }
        const std::string root = tree_->root_ + "/";
        if (message.compare(0, root.size(), root) == 0)
            message.replace(0, root.size(), tree_->display(""));
        return IoError(message);
    };
    // The journal, written once every temporary is durable: from then on the batch is
    // applied, and the next command finishes it should this one stop.
    std::optional<SafeDir> state;
    auto write_journal = [&](const std::vector<BatchWrite::Staged>& staged,
                             const std::vector<BatchWrite::Removal>& removals) {
        files().reached("kill-before-journal");
        std::string text = std::string(kJournalMagic) + "\n";
        for (const auto& f : staged) {
            const fs::path target(f.relative);
            const std::string tmp = (target.parent_path() / fs::path(f.tmp).filename()).string();
            text += fmt::format("rename\t{}\t{}\n", tmp, f.relative);
        }
        for (const auto& r : removals) text += fmt::format("remove\t{}\n", r.relative);
        text += "end\n";
        state.emplace(SafeDir::open(tree_->root_, kStateDir, true, true, tree_->display_prefix_));
        write_atomically(state->path(kJournalFile), text, 0600);  // not one of the tree's files
        files().reached("kill-after-journal");
        // Readers wait while the files change (Tree::read_lock_).
        if (tree_->read_lock_) ::flock(tree_->read_lock_->get(), LOCK_EX);
    };
    auto done = [&] {
        if (tree_->read_lock_) ::flock(tree_->read_lock_->get(), LOCK_SH);
        if (!state) return;
        ::unlinkat(state->fd(), kJournalFile, 0);
        ::fsync(state->fd());
    };
    try {
        note(batch_->flush(write_journal));
        done();
    } catch (const RenameError& e) {
        note(e.renamed());  // the files before the failed one are in place
        if (tree_->read_lock_) ::flock(tree_->read_lock_->get(), LOCK_SH);
        throw shown(e);
    } catch (const IoError& e) {
        if (tree_->read_lock_) ::flock(tree_->read_lock_->get(), LOCK_SH);
        throw shown(e);
    }
}

}  // namespace liushou
