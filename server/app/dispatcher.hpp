#pragma once

#include "app/app.hpp"
#include "app/response.hpp"

#include <helpdesk/ids.hpp>

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/verb.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace helpdesk::server {

/// A handled request: the response and what the access log and metrics need.
struct outcome {
    response res{};
    std::size_t route_index = 0;        ///< the route table position, `console_route_index()` or `unmatched_route_index()`
    std::optional<account_id> actor{};  ///< who was authenticated, if anyone
    std::string client{};               ///< the client address (see `client_address`)
};

/// The client behind a request: the peer, or, when the peer is a trusted
/// proxy, the rightmost `X-Forwarded-For` entry that is not a trusted proxy.
[[nodiscard]] std::string client_address(const app& a,
                                         const boost::beast::http::request<boost::beast::http::string_body>& req,
                                         const std::string& peer);

/// For a request whose header has arrived: a 400 when its target does not
/// parse (no route, so no credentials or body limit, can be chosen for it),
/// to send before any body is read. Nullopt for a valid target.
[[nodiscard]] std::optional<response> refuse_target(
    const app& a, const boost::beast::http::request<boost::beast::http::string_body>& header);

/// The largest body the route addressed by `target` accepts (decided from
/// the header alone, before the body is read).
[[nodiscard]] std::size_t body_limit(const app& a, boost::beast::http::verb method, std::string_view target);

/// Whether `refuse_before_body` asks the store about this request (its
/// route needs an API key, which is looked up): then call it on a worker
/// thread, not an I/O thread.
[[nodiscard]] bool refusal_needs_store(const boost::beast::http::request<boost::beast::http::string_body>& header);

/// For a request whose body has not been read yet: the refusal to send at
/// once when its route needs a bearer token or API key and the header's is
/// missing or invalid, so nobody can make the server buffer a large body
/// without credentials. Nullopt otherwise. Bearer tokens are checked without
/// the store; API keys are looked up in it (blocking: see
/// `refusal_needs_store`).
[[nodiscard]] std::optional<response> refuse_before_body(
    app& a, const boost::beast::http::request<boost::beast::http::string_body>& header);

/// Runs one request through matching, CORS, authentication and its handler,
/// and adds the headers every response carries. Never throws. Blocking: call
/// it on a worker thread.
[[nodiscard]] outcome dispatch(app& a, const boost::beast::http::request<boost::beast::http::string_body>& req,
                               std::string client);

/// Adds the security and cache headers of spec §4 to a finished response.
void add_standard_headers(const app& a, response& res);

} // namespace helpdesk::server
