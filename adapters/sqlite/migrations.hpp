#pragma once

#include <span>
#include <string_view>

namespace helpdesk::sqlite::detail {

class connection;

/// One numbered schema step. Applied once, in order, in its own transaction.
struct migration {
    int version;
    std::string_view sql;
};

/// Every migration, ordered by version (1, 2, ...). Append only: a released
/// migration is never edited, a change is a new one.
[[nodiscard]] std::span<const migration> migrations() noexcept;

/// Applies the migrations newer than the database's `schema_version`, each in
/// one `BEGIN IMMEDIATE` transaction that also records it (so concurrent
/// openers of one file do not apply a step twice). Throws the mapped
/// `helpdesk::error`; a failed step is rolled back.
void migrate(connection& db);

} // namespace helpdesk::sqlite::detail
