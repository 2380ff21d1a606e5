#pragma once

#include "sql/migrator.hpp"

#include <span>
#include <string_view>

namespace helpdesk::sqlite::detail {

class connection;

/// Every migration, numbered as `sql::schema_steps` (1, 2, ...). Append only:
/// a released migration is never edited, a change is a new one.
[[nodiscard]] std::span<const sql::migration> migrations() noexcept;

/// Applies the migrations newer than the database's `schema_version`, each in
/// one `BEGIN IMMEDIATE` transaction that also records it (so concurrent
/// openers of one file do not apply a step twice). A database made before
/// the stores shared their numbering is first renumbered (see
/// `sql::sqlite_legacy_versions`). Throws the mapped
/// `helpdesk::error`; a failed step is rolled back.
void migrate(connection& db);

} // namespace helpdesk::sqlite::detail
