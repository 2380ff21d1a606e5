#pragma once
// A child process for tests that run real programs (helpdesk-server, the
// Python SMTP and HTTP peers): spawned with its own arguments and
// environment, stdout and stderr on pipes, killed with SIGKILL if the test
// leaves it running.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace test_support {

/// A running program with its stdout and stderr on pipes.
class child_process {
public:
    /// Spawns `program` with `args`; the environment is `env` plus PATH.
    child_process(const std::string& program, const std::vector<std::string>& args,
                  const std::vector<std::string>& env = {}) {
        int out[2];
        int err[2];
        REQUIRE(::pipe2(out, O_CLOEXEC) == 0);
        REQUIRE(::pipe2(err, O_CLOEXEC) == 0);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, out[1], 1);
        posix_spawn_file_actions_adddup2(&actions, err[1], 2);
        std::vector<std::string> argv_store{program};
        argv_store.insert(argv_store.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (auto& a : argv_store) {
            argv.push_back(a.data());
        }
        argv.push_back(nullptr);
        auto env_store = env;
        if (const char* path = std::getenv("PATH")) {
            env_store.push_back(std::string{"PATH="} + path);
        }
        std::vector<char*> envp;
        for (auto& e : env_store) {
            envp.push_back(e.data());
        }
        envp.push_back(nullptr);
        const int rc = posix_spawnp(&pid_, program.c_str(), &actions, nullptr, argv.data(), envp.data());
        posix_spawn_file_actions_destroy(&actions);
        ::close(out[1]);
        ::close(err[1]);
        out_ = out[0];
        err_ = err[0];
        REQUIRE_MESSAGE(rc == 0, "posix_spawn " << program << " failed: " << rc);
    }
    ~child_process() {
        kill_now();
        ::close(out_);
        ::close(err_);
    }
    child_process(const child_process&) = delete;
    child_process& operator=(const child_process&) = delete;

    /// The next whole stdout line (without '\n'), or nullopt after `limit`.
    std::optional<std::string> line(std::chrono::milliseconds limit = std::chrono::milliseconds{5000}) {
        const auto deadline = std::chrono::steady_clock::now() + limit;
        for (;;) {
            if (const auto nl = out_buffer_.find('\n'); nl != std::string::npos) {
                auto l = out_buffer_.substr(0, nl);
                out_buffer_.erase(0, nl + 1);
                return l;
            }
            if (!fill(out_, out_buffer_, deadline)) {
                return std::nullopt;
            }
        }
    }

    /// Waits for the exit; returns the exit code, or -1 when it did not exit
    /// in time or died of a signal. Collects the rest of stdout and stderr.
    int wait(std::chrono::milliseconds limit = std::chrono::milliseconds{5000}) {
        const auto deadline = std::chrono::steady_clock::now() + limit;
        int status = 0;
        while (std::chrono::steady_clock::now() < deadline) {
            if (::waitpid(pid_, &status, WNOHANG) == pid_) {
                exited_ = true;
                const auto soon = std::chrono::steady_clock::now() + std::chrono::milliseconds{1000};
                while (fill(out_, out_buffer_, soon)) {
                }
                while (fill(err_, err_buffer_, soon)) {
                }
                return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds{10});
        }
        return -1;
    }

    /// Sends `sig`.
    void signal(int sig) const { ::kill(pid_, sig); }
    /// SIGKILL and reap, as a crash would end it (no-op once it exited).
    void kill_now() {
        if (pid_ > 0 && !exited_) {
            ::kill(pid_, SIGKILL);
            int status = 0;
            ::waitpid(pid_, &status, 0);
            exited_ = true;
        }
    }
    /// Whatever the program wrote to stderr so far (reads what is waiting).
    [[nodiscard]] const std::string& stderr_text() {
        while (fill(err_, err_buffer_, std::chrono::steady_clock::now() + std::chrono::milliseconds{1})) {
        }
        return err_buffer_;
    }
    /// Stdout not yet returned by line().
    [[nodiscard]] const std::string& rest_of_stdout() const { return out_buffer_; }

private:
    // Reads once from `fd` into `into`; false on EOF or timeout.
    static bool fill(int fd, std::string& into, std::chrono::steady_clock::time_point deadline) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            return false;
        }
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) {
            return false;
        }
        char buf[4096];
        const auto n = ::read(fd, buf, sizeof buf);
        if (n <= 0) {
            return false;
        }
        into.append(buf, static_cast<std::size_t>(n));
        return true;
    }

    pid_t pid_ = -1;
    int out_ = -1;
    int err_ = -1;
    bool exited_ = false;
    std::string out_buffer_{};
    std::string err_buffer_{};
};

/// A temporary directory, removed with everything in it afterwards.
struct temp_dir {
    temp_dir() {
        static std::atomic<int> n{0};
        path = std::filesystem::temp_directory_path() /
               ("helpdesk-test-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
        std::filesystem::create_directories(path);
    }
    ~temp_dir() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
    temp_dir(const temp_dir&) = delete;
    temp_dir& operator=(const temp_dir&) = delete;
    std::filesystem::path path;
};

/// Polls `ready` every 20 ms until it is true or `limit` passes; returns the last answer.
template <class Predicate>
bool eventually(Predicate ready, std::chrono::milliseconds limit = std::chrono::milliseconds{10000}) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
        if (ready()) {
            return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds{20});
    }
    return ready();
}

} // namespace test_support
