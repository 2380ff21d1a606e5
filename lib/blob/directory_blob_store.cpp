#include <helpdesk/blob/directory_blob_store.hpp>

#include "blob_key.hpp"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace helpdesk {
namespace {

namespace fs = std::filesystem;

// Owns a POSIX file descriptor; closes it on every path out.
class file_descriptor {
public:
    explicit file_descriptor(int fd) noexcept : fd_(fd) {}
    file_descriptor(const file_descriptor&) = delete;
    file_descriptor& operator=(const file_descriptor&) = delete;
    ~file_descriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    [[nodiscard]] int get() const noexcept { return fd_; }
    [[nodiscard]] explicit operator bool() const noexcept { return fd_ >= 0; }
    // Close explicitly when the result matters (close can report write errors).
    [[nodiscard]] bool close() noexcept {
        const int fd = fd_;
        fd_ = -1;
        return ::close(fd) == 0;
    }

private:
    int fd_;
};

[[noreturn]] void throw_io(const char* what, const fs::path& path, int err) {
    throw error(errc::storage_unavailable,
                std::string("Blob store: cannot ") + what + " " + path.string() + ": " +
                    std::strerror(err));
}

// Process-wide, so two stores opened on the same directory in one process
// still never pick the same temporary name; the pid separates processes.
std::atomic<unsigned long long> temp_counter{0};

class directory_store final : public blob_store {
public:
    explicit directory_store(fs::path root) : root_(std::move(root)) {}

    void put(std::string_view key, std::string_view bytes) override {
        detail::check_blob_key(key);
        const fs::path target = root_ / std::string(key);
        // Keys cannot contain '.', so a temporary name can never be a key.
        const fs::path temp = root_ / (std::string(key) + ".tmp-" + std::to_string(::getpid()) +
                                       "-" + std::to_string(++temp_counter));

        write_file(temp, bytes);
        // link() publishes the finished file atomically and, unlike rename(),
        // fails instead of replacing an existing blob, so "put never
        // overwrites" holds even between processes without a lock.
        if (::link(temp.c_str(), target.c_str()) != 0) {
            const int err = errno;
            ::unlink(temp.c_str());
            if (err == EEXIST) throw error(errc::conflict, "A blob with this key already exists.");
            throw_io("publish", target, err);
        }
        ::unlink(temp.c_str());
        sync_directory();
    }

    [[nodiscard]] std::optional<std::string> get(std::string_view key) override {
        detail::check_blob_key(key);
        const fs::path path = root_ / std::string(key);
        file_descriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
        if (!fd) {
            if (errno == ENOENT) return std::nullopt;
            throw_io("open", path, errno);
        }
        std::string out;
        struct stat st{};
        if (::fstat(fd.get(), &st) == 0 && st.st_size > 0)
            out.reserve(static_cast<std::size_t>(st.st_size));
        char buf[64 * 1024];
        for (;;) {
            const auto n = ::read(fd.get(), buf, sizeof buf);
            if (n == 0) break;
            if (n < 0) {
                if (errno == EINTR) continue;
                throw_io("read", path, errno);
            }
            out.append(buf, static_cast<std::size_t>(n));
        }
        return out;
    }

    void remove(std::string_view key) noexcept override {
        // An invalid key can name no blob; ignoring it keeps remove noexcept.
        if (!detail::is_valid_blob_key(key)) return;
        try {
            const fs::path path = root_ / std::string(key);
            ::unlink(path.c_str());
        } catch (...) {
            // Only path construction can throw (allocation); nothing to clean up.
        }
    }

private:
    // Writes and fsyncs the whole file: the caller commits a database row
    // pointing at this blob right after, so it must survive a crash.
    static void write_file(const fs::path& path, std::string_view bytes) {
        file_descriptor fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640));
        if (!fd) throw_io("create", path, errno);
        auto fail = [&](const char* what) {
            const int err = errno;
            ::unlink(path.c_str());
            throw_io(what, path, err);
        };
        while (!bytes.empty()) {
            const auto n = ::write(fd.get(), bytes.data(), bytes.size());
            if (n < 0) {
                if (errno == EINTR) continue;
                fail("write");
            }
            bytes.remove_prefix(static_cast<std::size_t>(n));
        }
        if (::fsync(fd.get()) != 0) fail("sync");
        if (!fd.close()) fail("close");
    }

    // Makes the new directory entry durable; failure here is not worth
    // failing an already-visible put, so it is best effort.
    void sync_directory() const noexcept {
        file_descriptor dir(::open(root_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        if (dir) ::fsync(dir.get());
    }

    const fs::path root_;
};

} // namespace

std::shared_ptr<blob_store> open_directory_blob_store(const fs::path& root) {
    std::error_code ec;
    // Absolute, so a later chdir by the embedding program cannot move the store.
    auto absolute = fs::absolute(root, ec);
    if (ec) throw_io("resolve", root, ec.value());
    fs::create_directories(absolute, ec);
    if (ec) throw_io("create directory", absolute, ec.value());
    if (!fs::is_directory(absolute, ec)) throw_io("use directory", absolute, ENOTDIR);
    return std::make_shared<directory_store>(std::move(absolute));
}

} // namespace helpdesk
