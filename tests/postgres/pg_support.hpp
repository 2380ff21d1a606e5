#pragma once

// Shared pieces of the PostgreSQL concurrency tests: the server URL from the
// environment, a private schema per test (libpq directly), engines with cheap
// password hashing, accounts, and spawning this executable as a worker.

#include <helpdesk/adapters/postgres.hpp>
#include <helpdesk/engine.hpp>
#include <helpdesk/error.hpp>

#include <doctest/doctest.h>
#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct pg_conn;

namespace pgtest {

/// The environment variable that turns this executable into a worker process.
inline constexpr const char* worker_variable = "HELPDESK_CONC_WORKER";

/// `HELPDESK_TEST_PG_URL`. When it is unset the calling test fails if
/// `CI=true` and otherwise notes that it is skipped; either way the caller
/// returns on nullopt.
[[nodiscard]] std::optional<std::string> server_url();

/// A test that needs a PostgreSQL server: the body that follows runs with
/// `const std::string& url` when `server_url()` has one; otherwise the test
/// does what `server_url()` says (skips, or fails under CI=true).
#define PG_TEST_CASE(name) PG_TEST_CASE_WITH_BODY(name, DOCTEST_ANONYMOUS(hd_pg_case_))
/// PG_TEST_CASE with the body function's name spelled out (expanded once, so
/// its declaration, its call and its definition agree).
#define PG_TEST_CASE_WITH_BODY(name, body)                                                                   \
    static void body(const std::string& url);                                                                \
    TEST_CASE(name) {                                                                                        \
        if (const auto server = pgtest::server_url()) {                                                      \
            body(*server);                                                                                   \
        }                                                                                                    \
    }                                                                                                        \
    static void body(const std::string& url)

/// `url` with one more libpq query parameter (`key=value`, already encoded).
[[nodiscard]] std::string with_param(std::string url, std::string_view param);

/// One libpq connection owned by the test (never by the store).
class connection {
public:
    /// Connects to `url`; fails the test when that is impossible.
    explicit connection(const std::string& url);
    ~connection();
    connection(const connection&) = delete;
    connection& operator=(const connection&) = delete;

    /// Runs `sql` (no parameters); throws std::runtime_error on failure.
    void exec(const std::string& sql);
    /// Runs `sql` with text parameters and returns the first column of the
    /// first row (empty when there is no row); throws std::runtime_error.
    std::string scalar(const std::string& sql, const std::vector<std::string>& params = {});

private:
    pg_conn* conn_ = nullptr;
};

/// A schema of its own for one test (`hd_conc_<random>`), dropped with
/// everything in it when this goes out of scope. Stores opened on
/// `store_url()` keep all their tables in it.
class private_schema {
public:
    explicit private_schema(std::string server_url);
    ~private_schema();
    private_schema(const private_schema&) = delete;
    private_schema& operator=(const private_schema&) = delete;

    [[nodiscard]] const std::string& name() const noexcept { return name_; }
    /// The server URL with `options=-csearch_path%3D<schema>` (and `extra`,
    /// another encoded query parameter, when given).
    [[nodiscard]] std::string store_url(std::string_view extra = {}) const;
    /// The server URL itself, for the test's own connections.
    [[nodiscard]] const std::string& server_url() const noexcept { return server_url_; }

private:
    std::string server_url_;
    std::string name_;
};

/// Engine options for tests: cheap password hashing, the rest the defaults.
[[nodiscard]] helpdesk::engine_options fast_options();

/// An engine on `db` with the system clock and an in-memory blob store.
[[nodiscard]] std::unique_ptr<helpdesk::engine> make_engine(std::shared_ptr<helpdesk::store> db);
/// The same with `options` instead of `fast_options()`.
[[nodiscard]] std::unique_ptr<helpdesk::engine> make_engine(std::shared_ptr<helpdesk::store> db,
                                                            helpdesk::engine_options options);

/// A valid sign-up form.
[[nodiscard]] helpdesk::sign_up_request person(std::string email, std::string first = "Erin",
                                               std::string last = "Employee");
/// The first System Admin of an empty store.
[[nodiscard]] helpdesk::account bootstrap_admin(helpdesk::engine& desk);
/// A signed-up and approved employee.
[[nodiscard]] helpdesk::account employee(helpdesk::engine& desk, const helpdesk::account& admin,
                                         const std::string& email);
/// An approved Ticket Coordinator.
[[nodiscard]] helpdesk::account coordinator(helpdesk::engine& desk, const helpdesk::account& admin,
                                            const std::string& email);
/// A valid ticket form.
[[nodiscard]] helpdesk::create_ticket_request ticket_request(std::string subject);

/// "code: message" of a helpdesk::error, for messages.
[[nodiscard]] std::string describe(const helpdesk::error& e);

/// Starts this executable again with `worker_variable=<mode>` and `args`
/// (argv[1..]); returns the child's pid. Fails the test on error.
[[nodiscard]] pid_t spawn_worker(const std::string& mode, const std::vector<std::string>& args);
/// Waits for `child` at most `limit`, killing it when it takes longer.
/// Returns its exit code, or nullopt if it was killed or died of a signal.
[[nodiscard]] std::optional<int> wait_worker(pid_t child, std::chrono::seconds limit);

/// The worker side: runs the mode named by `worker_variable`. Returns the
/// process exit code (0 = everything asked of it succeeded).
int run_worker(std::string_view mode, int argc, char** argv);

} // namespace pgtest
