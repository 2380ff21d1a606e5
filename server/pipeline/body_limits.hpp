#pragma once

#include "app/app.hpp"
#include "app/response.hpp"

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/verb.hpp>

#include <cstddef>
#include <optional>
#include <string_view>

/// What is decided from a request's header alone, before its body is read:
/// the body limit of its route, and the refusals that spare the server from
/// buffering a body nobody may send.
namespace helpdesk::server {

/// The header of a request whose body has not been read yet.
using request_header = boost::beast::http::request<boost::beast::http::string_body>;

/// A 400 (the one error shape) when the request target does not parse: no
/// route, so neither credentials nor a body limit, can be chosen for it.
/// Nullopt for a valid target.
[[nodiscard]] std::optional<response> refuse_target(const app& a, const request_header& header);

/// The largest body the route addressed by `target` accepts: the upload
/// limit for upload routes, the JSON limit otherwise (an unparsable target
/// included).
[[nodiscard]] std::size_t body_limit(const app& a, boost::beast::http::verb method, std::string_view target);

/// Whether `refuse_before_body` asks the store about this request (its
/// route needs an API key, which is looked up): then call it on a worker
/// thread, not an I/O thread.
[[nodiscard]] bool refusal_needs_store(const request_header& header);

/// The refusal to send at once when the target does not parse, or when the
/// route needs a bearer token or API key and the header's is missing or
/// invalid, so nobody can make the server buffer a large body without
/// credentials. Nullopt otherwise. Bearer tokens are checked without the
/// store; API keys are looked up in it (blocking: see `refusal_needs_store`).
[[nodiscard]] std::optional<response> refuse_before_body(app& a, const request_header& header);

} // namespace helpdesk::server
