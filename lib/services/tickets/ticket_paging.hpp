#pragma once

#include <helpdesk/ports/queries.hpp>
#include <helpdesk/services/ticket_service.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace helpdesk::detail {

/// Encodes a keyset position together with the ordering it belongs to.
[[nodiscard]] std::string encode_cursor(const ticket_order& order, const keyset& position);
/// Decodes a cursor made by `encode_cursor` for the same ordering; throws
/// invalid_argument otherwise.
[[nodiscard]] keyset decode_cursor(std::string_view cursor, const ticket_order& order);
/// The keyset value of `t` under `order`.
[[nodiscard]] keyset keyset_of(const ticket& t, const ticket_order& order) noexcept;
/// Parses `submit_date`, `-update_date`, `priority`, ...; throws invalid_argument.
[[nodiscard]] ticket_order parse_ordering(std::string_view text);

/// The store request for a list request: ordering, offset or cursor position,
/// and the page size (checked; invalid_argument with field errors otherwise).
[[nodiscard]] ticket_page_request page_request_of(const ticket_list_request& r);

/// One page out of the rows the store returned for `request` with one extra
/// row asked for (which tells whether a next page exists).
[[nodiscard]] ticket_list page_of(ticket_page_result result, const ticket_page_request& request,
                                  const ticket_list_request& asked);

/// The empty page, shaped like the pages `asked` gets (a count for offset pages).
[[nodiscard]] ticket_list empty_page(const ticket_list_request& asked);

} // namespace helpdesk::detail
