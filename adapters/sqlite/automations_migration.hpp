#pragma once

// Schema step 11 of the SQLite store, kept apart because migrations.cpp,
// which lists it, would otherwise pass 500 lines.

#include <string_view>

namespace helpdesk::sqlite::detail {

// Automations (docs/product.md#automations): since when a ticket waits on
// its owner and whether the Pending reminder went out. Tickets Resolved or
// Pending at the upgrade wait from the upgrade (microseconds since the
// epoch, from the Julian day): counting from their last change would close
// years of old Resolved tickets, and mail their owners, at the first pass.
// The index serves both scheduler queries: one status, not reminded,
// waiting since long enough.
constexpr std::string_view v11_automations = R"sql(
ALTER TABLE tickets ADD COLUMN waiting_on_owner_since INTEGER;
ALTER TABLE tickets ADD COLUMN owner_reminded INTEGER NOT NULL DEFAULT 0;
UPDATE tickets SET waiting_on_owner_since = CAST((julianday('now') - 2440587.5) * 86400000000.0 AS INTEGER)
    WHERE status IN (4, 5);
CREATE INDEX tickets_waiting_on_owner ON tickets (status, owner_reminded, waiting_on_owner_since)
    WHERE waiting_on_owner_since IS NOT NULL;
)sql";

} // namespace helpdesk::sqlite::detail
