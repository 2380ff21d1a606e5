#pragma once

#include <cstdint>

namespace helpdesk {

/// Store-assigned account identifier.
using account_id = std::int64_t;
/// Store-assigned ticket identifier (not the `TX` number).
using ticket_id = std::int64_t;
/// Store-assigned identifier of comments, attachments, history and outbox rows.
using row_id = std::int64_t;

} // namespace helpdesk
