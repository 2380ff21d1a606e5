#pragma once

// Store factories the contract suite runs against. Each factory is a fresh,
// empty database for one test case: `open()` returns a store on it (calling
// it again reopens the same database where `reopenable` is true), and the
// destructor removes whatever it created.

#include <helpdesk/adapters/sqlite.hpp>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>
#include <tuple>

#include <unistd.h>

namespace contract {

/// A private in-memory SQLite database (`sqlite::memory:`).
struct sqlite_memory_factory {
    static constexpr bool reopenable = false;
    static constexpr bool concurrent_readers = false;

    [[nodiscard]] std::shared_ptr<helpdesk::store> open() { return helpdesk::sqlite::open("sqlite::memory:"); }
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

/// Every factory the templated contract tests run against.
using all_store_factories = std::tuple<sqlite_memory_factory, sqlite_file_factory>;

} // namespace contract
