#pragma once

#include "app/call.hpp"
#include "pipeline/access.hpp"

namespace helpdesk::server {

/// Checks the credentials `scheme` asks for and records them in `c`: the
/// account and session of a bearer token or signed URL in `c.who`, the API
/// key in `c.key`. Throws `error{unauthenticated}` when they are missing or
/// invalid. API keys are looked up in the store (blocking: call it on a
/// worker thread for `access::api_key`).
void authenticate(call& c, access scheme);

} // namespace helpdesk::server
