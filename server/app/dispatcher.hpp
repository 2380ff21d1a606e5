#pragma once

#include "app/app.hpp"
#include "app/response.hpp"
#include "app/route_table.hpp"
#include "pipeline/routed_target.hpp"

#include <helpdesk/ids.hpp>

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <optional>
#include <string>

namespace helpdesk::server {

/// A handled request: the response and what the access log and metrics need.
struct outcome {
    response res{};
    served_by answered{};               ///< the route, the console, or nothing
    std::optional<account_id> actor{};  ///< who was authenticated, if anyone
    std::string client{};               ///< the client address (see `client_address`)
};

/// Routes one request whose body has been read: OPTIONS to the CORS
/// preflight, a matched route through its authentication to its handler,
/// other GETs to the web console, the rest to 404 or 405. `target` is
/// `route_target(req)`, made when the header arrived (the target is parsed
/// once per request). Adds the CORS and security headers every response
/// carries. Never throws. Blocking: call it on a worker thread.
[[nodiscard]] outcome dispatch(app& a, const boost::beast::http::request<boost::beast::http::string_body>& req,
                               routed_target target, std::string peer);

} // namespace helpdesk::server
