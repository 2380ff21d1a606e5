#pragma once

#include <helpdesk/adapters/sqlite.hpp>

#include "statement.hpp"
#include "statement_cache.hpp"

#include <sqlite3.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace helpdesk::sqlite::detail {

/// What a connection is for; decides its pragmas.
enum class connection_role {
    writer, ///< the one read-write connection of a file database
    reader, ///< a pooled read-only (`query_only`) connection of a file database
    memory, ///< the single connection of a private in-memory database
};

/// One owned `sqlite3*` handle with its statement cache. Used by one thread
/// at a time (the store hands it out under a lock). Not copyable or movable:
/// the store keeps connections by `unique_ptr`.
class connection {
public:
    /// Opens `path` (`:memory:` for a private in-memory database), creating a
    /// file when `role` is `writer`, and applies the connection's pragmas once:
    /// WAL for files, `synchronous=NORMAL`, `foreign_keys=ON`, the busy timeout,
    /// in-memory temp storage, a larger page cache and mmap for readers.
    /// Throws `error{storage_unavailable}` when it cannot be opened.
    connection(const std::string& path, connection_role role, const options& opts);
    ~connection();
    connection(const connection&) = delete;
    connection& operator=(const connection&) = delete;

    /// The raw handle, owned by this object.
    [[nodiscard]] sqlite3* handle() const noexcept { return db_.get(); }
    [[nodiscard]] connection_role role() const noexcept { return role_; }

    /// Runs one or more parameterless statements (DDL, pragmas, BEGIN ...).
    /// Throws the mapped `helpdesk::error`.
    void execute(const char* sql);

    /// The cached prepared statement for `sql`, ready to bind.
    /// Throws the mapped `helpdesk::error` when `sql` does not compile.
    [[nodiscard]] statement prepare(std::string_view sql) { return statement{db_.get(), cache_.get(db_.get(), sql)}; }

    /// The first row `sql` finds with `keys` bound in order, read by
    /// `read(statement)`; nullopt when it finds none. Throws the mapped
    /// `helpdesk::error`.
    template <class Read, class... Keys>
    [[nodiscard]] auto query_one(std::string_view sql, Read read, const Keys&... keys)
        -> std::optional<std::invoke_result_t<Read&, const statement&>> {
        auto query = prepare(sql);
        query.bind(keys...);
        if (!query.step()) {
            return std::nullopt;
        }
        return read(query);
    }

private:
    struct closer {
        void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
    };

    std::unique_ptr<sqlite3, closer> db_;
    statement_cache cache_; // declared after db_: destroyed (finalized) first
    connection_role role_;
};

} // namespace helpdesk::sqlite::detail
