#pragma once

// The route table in three groups, one file each (route_table_*.cpp);
// `route_table()` joins them in this order.

#include "app/route_table.hpp"

#include <span>
#include <string_view>

namespace helpdesk::server::route_groups {

/// What every list takes besides its filters (docs/product.md#lists-and-queues).
inline constexpr std::string_view page_query = "page,page_size,cursor";
/// The ticket list's parameters.
inline constexpr std::string_view ticket_query =
    "page,page_size,cursor,status,priority,department,category,sub_category,"
    "assigned_to,employee,search,submitted_after,submitted_before,sla,ordering";

/// Accounts, sign-in and the catalogue.
[[nodiscard]] std::span<const route> account_routes();
/// Tickets, the SLA policy and the workflow system.
[[nodiscard]] std::span<const route> ticket_routes();
/// Canned replies, the outbox and operations.
[[nodiscard]] std::span<const route> admin_routes();

} // namespace helpdesk::server::route_groups
