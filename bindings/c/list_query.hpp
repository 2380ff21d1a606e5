#pragma once

#include <helpdesk/services/ticket_service.hpp>

namespace helpdesk::capi {

/// Reads hd_ticket_list's `query_json` (NULL: the first page, newest first):
/// the HTTP API's query parameters as a JSON object. `status` is a string or
/// an array of them; `assigned_to` and `employee` are ids; `page` and
/// `page_size` integers; `cursor` a string ("" starts cursor paging, which
/// answers with `next_cursor` and no `count`). Throws invalid_argument naming
/// every field of the wrong type or with an unknown value.
[[nodiscard]] ticket_list_request read_list_query(const char* query_json);

} // namespace helpdesk::capi
