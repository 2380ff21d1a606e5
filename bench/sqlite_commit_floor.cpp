// Measures what this machine's disk path allows SQLite before any engine
// work: commits per second of transactions that each dirty N b-tree pages
// (one row into each of N tables), in the store's own settings (WAL,
// synchronous=NORMAL, 1 KiB pages). A ticket create dirties about 20.
//
//   sqlite_commit_floor [path]   (default /tmp/helpdesk_commit_floor.db)

#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace {
using db_handle = std::unique_ptr<sqlite3, decltype(&sqlite3_close)>;
using statement = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;

statement prepare(sqlite3* db, const std::string& sql) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &raw, nullptr) != SQLITE_OK) {
        throw std::runtime_error(sqlite3_errmsg(db));
    }
    return {raw, &sqlite3_finalize};
}

void run(sqlite3_stmt* s) {
    sqlite3_step(s);
    sqlite3_reset(s);
}

double commits_per_second(const std::string& path, int pages, int commits) {
    for (const auto* suffix : {"", "-wal", "-shm"}) {
        std::filesystem::remove(path + suffix);
    }
    sqlite3* raw = nullptr;
    sqlite3_open(path.c_str(), &raw);
    db_handle db{raw, &sqlite3_close};
    sqlite3_exec(raw, "PRAGMA page_size=1024; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", nullptr,
                 nullptr, nullptr);
    std::vector<statement> inserts;
    for (int t = 0; t < pages; ++t) {
        const auto name = "t" + std::to_string(t);
        sqlite3_exec(raw, ("CREATE TABLE " + name + " (id INTEGER PRIMARY KEY, a INTEGER)").c_str(), nullptr,
                     nullptr, nullptr);
        inserts.push_back(prepare(raw, "INSERT INTO " + name + " (a) VALUES (1)"));
    }
    auto begin = prepare(raw, "BEGIN IMMEDIATE");
    auto commit = prepare(raw, "COMMIT");
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < commits; ++i) {
        run(begin.get());
        for (auto& insert : inserts) {
            run(insert.get());
        }
        run(commit.get());
    }
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    return commits / elapsed.count();
}
} // namespace

int main(int argc, char** argv) try {
    const std::string path = argc > 1 ? argv[1] : "/tmp/helpdesk_commit_floor.db";
    std::printf("SQLite commit floor (WAL, synchronous=NORMAL, 1 KiB pages) at %s\n", path.c_str());
    for (const int pages : {1, 5, 10, 20, 25}) {
        std::printf("  %2d pages per commit  %9.0f commits/s\n", pages, commits_per_second(path, pages, 20'000));
    }
    for (const auto* suffix : {"", "-wal", "-shm"}) {
        std::filesystem::remove(path + suffix);
    }
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "sqlite_commit_floor: %s\n", e.what());
    return 1;
}
