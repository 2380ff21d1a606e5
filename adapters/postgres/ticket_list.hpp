#pragma once

#include <helpdesk/ports/queries.hpp>

#include "connection.hpp"

namespace helpdesk::postgres::detail {

/// One page of tickets for `request` (see `ticket_page_request`), with the
/// same results as the SQLite adapter's `list_tickets`.
///
/// The SQL is assembled from a fixed set of fragments chosen by which filters
/// are set (values are always bound), so each combination is prepared once
/// per connection. Several statuses run as one ordered, limited branch per
/// status under UNION ALL (PostgreSQL merges them with a Merge Append on the
/// (status, key, id) indexes instead of sorting every match). Keyset mode
/// seeks with a row comparison `(key, id) < ($a, $b)` (or `>` ascending),
/// so a page costs the same at any depth. Search uses the GIN index on the
/// generated tsvector column. The count comes from the `ticket_stats`
/// aggregate when only statuses and/or the owner filter, and from `count(*)`
/// otherwise. Throws the mapped `helpdesk::error`.
[[nodiscard]] ticket_page_result list_tickets(connection& db, const ticket_page_request& request);

} // namespace helpdesk::postgres::detail
