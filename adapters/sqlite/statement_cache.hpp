#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include <sqlite3.h>

namespace helpdesk::sqlite::detail {

/// Prepared statements of one connection, keyed by their exact SQL text: each
/// text is prepared once and reused (the user resets it, see `statement`).
/// Must be destroyed before its connection is closed. Not thread-safe.
class statement_cache {
public:
    /// The cached statement for `sql`, preparing it on first use.
    /// Throws the mapped `helpdesk::error` when `sql` does not compile.
    [[nodiscard]] sqlite3_stmt* get(sqlite3* db, std::string_view sql);

    /// Finalizes every statement (before the connection closes).
    void clear() noexcept { statements_.clear(); }

private:
    struct finalizer {
        void operator()(sqlite3_stmt* stmt) const noexcept { sqlite3_finalize(stmt); }
    };
    struct text_hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const noexcept {
            return std::hash<std::string_view>{}(text);
        }
    };

    std::unordered_map<std::string, std::unique_ptr<sqlite3_stmt, finalizer>, text_hash, std::equal_to<>>
        statements_;
};

} // namespace helpdesk::sqlite::detail
