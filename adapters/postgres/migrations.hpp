#pragma once

#include "sql/migrator.hpp"

#include <span>
#include <string_view>

namespace helpdesk::postgres::detail {

class connection;

/// Rows per key of the aggregate tables (`ticket_stats`, `outbox_counts`).
/// Each connection adds to its own shard, claimed with a session advisory
/// lock across every process using the schema (see `connection`), so
/// concurrent writers never wait for, or conflict on, one hot counter row;
/// readers sum the shards. More connections than shards share some.
inline constexpr int aggregate_shards = 32;

/// Every migration, numbered as `sql::schema_steps` (1, 2, ...). Append only:
/// a released migration is never edited, a change is a new one.
[[nodiscard]] std::span<const sql::migration> migrations() noexcept;

/// Applies the migrations newer than the schema's `schema_version`, all in
/// one transaction holding a transaction-level advisory lock on the schema,
/// so that several processes opening at once apply each step exactly once.
/// Throws the mapped `helpdesk::error`; `error{storage_unavailable}` when the
/// schema is newer than this build. A failed step is rolled back.
void migrate(connection& db);

} // namespace helpdesk::postgres::detail
