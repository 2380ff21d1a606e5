#pragma once

#include <wire/query_parameters.hpp>

#include <helpdesk/ports/queries.hpp>
#include <helpdesk/services/ticket_service.hpp>

#include <cstdint>

/// The readers of the lists' query parameters. Each refuses what it does not
/// understand: a parameter the list does not take, or a value a filter does
/// not know, is invalid_argument naming it (HTTP 400, the C ABI's
/// HD_E_INVALID_ARGUMENT), never silently ignored.
namespace helpdesk::wire {

/// The page of an offset-paged list.
struct page_query {
    std::int64_t number = 1;
    std::int64_t size = 20;
};

/// The ticket list (`GET /api/tickets/`, hd_ticket_list): `status` (repeatable),
/// `priority`, `department`, `category`, `sub_category`, `assigned_to`,
/// `employee`, `search`, `submitted_after`, `submitted_before`, `ordering`,
/// `page`, `page_size` and `cursor` ("" starts cursor paging).
[[nodiscard]] ticket_list_request read_ticket_list_query(query_parameters q);

/// A list that only pages (the ticket queues, the rejection audit, the dead
/// outbox events): `page` and `page_size`.
[[nodiscard]] page_query read_page_query(query_parameters q);

/// The account list's filter and page.
struct account_list_query {
    account_filter filter{};
    page_query page{};
};

/// The account list (`GET /api/employees/`): `role`, `status`, `department`,
/// `page` and `page_size`.
[[nodiscard]] account_list_query read_account_list_query(query_parameters q);

} // namespace helpdesk::wire
