#pragma once

#include <helpdesk/services/ticket_service.hpp>

#include <string>

namespace helpdesk::detail {

/// A digest of everything a create request asks for (fields and files), so a
/// retry under the same Idempotency-Key can be told from a different request.
[[nodiscard]] std::string request_fingerprint(const create_ticket_request& r);

} // namespace helpdesk::detail
