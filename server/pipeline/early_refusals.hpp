#pragma once

#include "app/app.hpp"
#include "app/response.hpp"
#include "pipeline/routed_target.hpp"

#include <optional>

/// The refusals decided from a request's header alone, before its body is
/// read, that spare the server from buffering a body nobody may send.
namespace helpdesk::server {

/// A 400 (the one error shape) when the request target does not parse: no
/// route, so neither credentials nor a body limit, can be chosen for it.
/// Nullopt for a valid target.
[[nodiscard]] std::optional<response> refuse_target(const app& a, const routed_target& target);

/// Whether `refuse_before_body` asks the store about this request (its
/// route needs an API key, which is looked up): then call it on a worker
/// thread, not an I/O thread.
[[nodiscard]] bool refusal_needs_store(const routed_target& target);

/// The refusal to send at once when the target does not parse, or when the
/// route needs a bearer token or API key and the header's is missing or
/// invalid, so nobody can make the server buffer a large body without
/// credentials. Nullopt otherwise. Bearer tokens are checked without the
/// store; API keys are looked up in it (blocking: see `refusal_needs_store`).
/// `target` is `header`'s own.
[[nodiscard]] std::optional<response> refuse_before_body(app& a, const request_header& header,
                                                         const routed_target& target);

} // namespace helpdesk::server
