#pragma once

// Store factories the contract suite runs against. Each factory is a fresh,
// empty database for one test case: `open()` returns a store on it (calling
// it again reopens the same database where `reopenable` is true), and the
// destructor removes whatever it created.

#include <helpdesk/adapters/sqlite.hpp>

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>
#include <tuple>

#ifdef HELPDESK_WITH_POSTGRES
#include <helpdesk/adapters/postgres.hpp>

#include <doctest/doctest.h>
#include <libpq-fe.h>

#include <cstdio>
#include <cstdlib>
#include <random>
#include <stdexcept>
#include <string_view>
#endif

namespace contract {

/// A private in-memory SQLite database (`sqlite::memory:`).
struct sqlite_memory_factory {
    static constexpr bool reopenable = false;
    static constexpr bool concurrent_readers = false;

    [[nodiscard]] std::shared_ptr<helpdesk::store> open() {
        return helpdesk::sqlite::open("sqlite::memory:");
    }
};

/// A SQLite file in the temp directory, removed (with its WAL files) afterwards.
struct sqlite_file_factory {
    static constexpr bool reopenable = true;
    static constexpr bool concurrent_readers = true;

    sqlite_file_factory() {
        static std::atomic<int> counter{0};
        path_ = std::filesystem::temp_directory_path() /
                ("helpdesk-contract-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".db");
        remove_files();
    }
    ~sqlite_file_factory() { remove_files(); }
    sqlite_file_factory(const sqlite_file_factory&) = delete;
    sqlite_file_factory& operator=(const sqlite_file_factory&) = delete;

    [[nodiscard]] std::shared_ptr<helpdesk::store> open() { return helpdesk::sqlite::open(url()); }
    [[nodiscard]] std::string url() const { return "sqlite://" + path_.string(); }
    [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }

private:
    void remove_files() {
        std::error_code ignored;
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
            std::filesystem::remove(path_.string() + suffix, ignored);
        }
    }

    std::filesystem::path path_;
};

#ifdef HELPDESK_WITH_POSTGRES
/// Marker in the output of a PostgreSQL test that had no server to run
/// against; ctest reports such tests as skipped (SKIP_REGULAR_EXPRESSION).
inline constexpr const char* postgres_skip_marker = "[postgres-skipped]";

/// Thrown by `postgres_factory` when HELPDESK_TEST_PG_URL is unset outside CI.
struct postgres_unconfigured : std::runtime_error {
    postgres_unconfigured()
        : std::runtime_error(std::string{postgres_skip_marker} + " HELPDESK_TEST_PG_URL is not set") {}
};

/// The server URL from HELPDESK_TEST_PG_URL. Without it the test fails when
/// CI=true; otherwise it logs a MESSAGE and throws `postgres_unconfigured`,
/// which ctest reports as a skip (running the binary by hand shows it as a
/// failure with the same message: it never passes silently).
[[nodiscard]] inline std::string postgres_test_url() {
    const char* url = std::getenv("HELPDESK_TEST_PG_URL");
    if (url != nullptr && *url != '\0') {
        return url;
    }
    const char* ci = std::getenv("CI");
    if (ci != nullptr && std::string_view{ci} == "true") {
        FAIL("HELPDESK_TEST_PG_URL must be set when CI=true (scripts/pg-test-server.sh starts a server)");
    }
    MESSAGE(std::string{postgres_skip_marker}
            << " HELPDESK_TEST_PG_URL is not set; this PostgreSQL test is skipped");
    throw postgres_unconfigured{};
}

/// `url` with one more libpq query parameter (`key=value`, already encoded).
[[nodiscard]] inline std::string with_url_param(const std::string& url, std::string_view param) {
    return url + (url.find('?') == std::string::npos ? "?" : "&") + std::string{param};
}

/// A fresh, empty schema `hd_test_<random>` in the database named by
/// HELPDESK_TEST_PG_URL, created and dropped (with everything in it) through
/// the factory's own libpq connection. Stores open on it through the URL
/// plus `options=-csearch_path=<schema>`.
struct postgres_factory {
    static constexpr bool reopenable = true;
    static constexpr bool concurrent_readers = true;

    postgres_factory() : server_url_{postgres_test_url()} {
        std::random_device random;
        char name[32];
        std::snprintf(name, sizeof name, "hd_test_%08x%08x", random(), random());
        schema_ = name;
        admin_.reset(PQconnectdb(server_url_.c_str()));
        if (PQstatus(admin_.get()) != CONNECTION_OK) {
            FAIL("cannot connect to HELPDESK_TEST_PG_URL: " << PQerrorMessage(admin_.get()));
        }
        // DROP SCHEMA ... CASCADE lists every object it drops as a NOTICE.
        PQsetNoticeProcessor(
            admin_.get(), [](void*, const char*) {}, nullptr);
        run("CREATE SCHEMA " + schema_);
    }
    ~postgres_factory() {
        if (admin_ && PQstatus(admin_.get()) == CONNECTION_OK) {
            PQclear(PQexec(admin_.get(), ("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE").c_str()));
        }
    }
    postgres_factory(const postgres_factory&) = delete;
    postgres_factory& operator=(const postgres_factory&) = delete;

    [[nodiscard]] std::shared_ptr<helpdesk::store> open(const helpdesk::postgres::options& opts = {}) {
        return helpdesk::postgres::open(url(), opts);
    }
    /// The store URL: the server URL confined to this factory's schema.
    [[nodiscard]] std::string url() const {
        return with_url_param(server_url_, "options=-csearch_path%3D" + schema_);
    }
    [[nodiscard]] const std::string& server_url() const noexcept { return server_url_; }
    [[nodiscard]] const std::string& schema() const noexcept { return schema_; }

    /// Runs `sql` on the factory's own connection; returns the first column
    /// of the first row ("" when none). Fails the test on error.
    std::string run(const std::string& sql) {
        std::unique_ptr<PGresult, decltype(&PQclear)> r{PQexec(admin_.get(), sql.c_str()), &PQclear};
        const auto status = PQresultStatus(r.get());
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
            FAIL("postgres test setup failed: " << sql << ": " << PQerrorMessage(admin_.get()));
        }
        return PQntuples(r.get()) > 0 ? std::string{PQgetvalue(r.get(), 0, 0)} : std::string{};
    }

private:
    std::string server_url_;
    std::string schema_;
    std::unique_ptr<PGconn, decltype(&PQfinish)> admin_{nullptr, &PQfinish};
};

/// Every factory the templated contract tests run against.
using all_store_factories = std::tuple<sqlite_memory_factory, sqlite_file_factory, postgres_factory>;
#else
/// Every factory the templated contract tests run against.
using all_store_factories = std::tuple<sqlite_memory_factory, sqlite_file_factory>;
#endif

} // namespace contract
