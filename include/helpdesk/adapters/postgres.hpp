#pragma once

#include <helpdesk/adapters/store_options.hpp>
#include <helpdesk/ports/store.hpp>

#include <chrono>
#include <memory>
#include <string_view>

namespace helpdesk::postgres {

/// Opens a PostgreSQL store from a URL (`postgresql://user@host:port/db` or
/// `postgres://...`, with libpq's query parameters, e.g.
/// `?options=-csearch_path%3Dtenant1`). Applies pending migrations (recorded
/// in `schema_version`, serialised across processes by an advisory lock).
/// Throws `error{invalid_argument}` for a malformed URL and
/// `error{storage_unavailable}` when the server cannot be reached.
/// Thread-safe: each transaction holds one pooled connection; any number of
/// processes may share the database. A lost serialisation race or deadlock
/// surfaces as `transient_conflict`, which the engine retries.
[[nodiscard]] std::shared_ptr<store> open(std::string_view url, const options& opts = {});

} // namespace helpdesk::postgres
