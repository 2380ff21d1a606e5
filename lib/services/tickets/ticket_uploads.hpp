#pragma once

#include "services/tickets/ticket_input.hpp"
#include "services/upload_guard.hpp"

#include <helpdesk/engine.hpp>

namespace helpdesk::detail {

/// Writes a checked file's bytes under a fresh key (through `uploads`, so a
/// failed transaction removes them), its metadata row and its history row.
attachment store_file(engine_context& context, transaction& tx, upload_guard& uploads, const ticket& t,
                      const checked_file& file, account_id uploader, time_point now);

} // namespace helpdesk::detail
