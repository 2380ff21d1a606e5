#pragma once

#include "connection.hpp"

#include <helpdesk/ports/queries.hpp>

namespace helpdesk::sqlite::detail {

/// One page of tickets for `request` (see `ticket_page_request`).
///
/// The SQL is assembled from a fixed set of fragments chosen by which filters
/// are set (values are always bound), so each combination is prepared once
/// per connection. Keyset mode seeks with a row-value comparison
/// `(key, id) < (?, ?)` (or `>` ascending) on an index ending in the sort
/// column and the rowid, so a page costs the same at any depth. The count
/// comes from the `ticket_stats` aggregate when only statuses and/or the owner
/// filter, and from `count(*)` over the matching index range otherwise.
/// Throws the mapped `helpdesk::error`.
[[nodiscard]] ticket_page_result list_tickets(connection& db, const ticket_page_request& request);

} // namespace helpdesk::sqlite::detail
