#pragma once

#include <wire/query_parameters.hpp>

#include <helpdesk/ports/queries.hpp>
#include <helpdesk/services/account_service.hpp>
#include <helpdesk/services/paging.hpp>
#include <helpdesk/services/ticket_service.hpp>

#include <cstdint>

/// The readers of the lists' query parameters. Each refuses what it does not
/// understand: a parameter the list does not take, or a value a filter does
/// not know, is invalid_argument naming it (HTTP 400, the C ABI's
/// HD_E_INVALID_ARGUMENT), never silently ignored.
namespace helpdesk::wire {

/// The ticket list (`GET /api/tickets/`, hd_ticket_list): `status` (repeatable),
/// `priority`, `department`, `category`, `sub_category`, `assigned_to`,
/// `employee`, `search`, `submitted_after`, `submitted_before`, `ordering`,
/// `page`, `page_size` and `cursor` ("" starts cursor paging).
[[nodiscard]] ticket_list_request read_ticket_list_query(query_parameters q);

/// A list that only pages (the ticket queues, the rejection audit, the dead
/// outbox events, API keys, a ticket's comments and history): `page`,
/// `page_size` and `cursor` ("" starts cursor paging).
[[nodiscard]] page_request read_page_query(query_parameters q);

/// The account list (`GET /api/employees/`): `role`, `status`, `department`,
/// `is_active` (`true` or `false`), `page`, `page_size` and `cursor`.
[[nodiscard]] account_list_request read_account_list_query(query_parameters q);

} // namespace helpdesk::wire
