#pragma once

#include "app/call.hpp"
#include "app/response.hpp"

#include <boost/beast/http/verb.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace helpdesk::server {

/// Who may call a route.
enum class access {
    anyone,      ///< no credentials
    bearer,      ///< `Authorization: Bearer <access JWT>`
    /// A bearer token, or in cookie mode (`X-Helpdesk-Session: cookie`) none
    /// needed: the handler reads the session cookie (logout).
    bearer_or_cookie,
    signed_url,  ///< a short-lived signed URL (`u`, `exp`, `sig` query parameters)
    api_key,     ///< `X-API-Key` of the workflow system
    metrics,     ///< anyone, or the metrics token when one is configured
};

/// What body a route reads, which also sets its size limit.
enum class body_kind {
    none,      ///< no body expected (any sent is ignored; JSON limit applies)
    json,      ///< a JSON object
    form,      ///< a JSON object or a multipart form (JSON limit)
    upload,    ///< a multipart form with files (upload limit)
};

/// One entry of the route table: matching, protection and the OpenAPI
/// description travel together, so a route cannot exist undocumented.
struct route {
    boost::beast::http::verb method;
    std::string_view pattern;          ///< `/api/tickets/{id}/`; `{name}` matches one segment
    access who;
    body_kind body;
    bool rate_limited;                 ///< the handler takes a rate-limit token (429 documented)
    response (*handle)(call&);
    std::string_view tag;              ///< OpenAPI grouping
    std::string_view summary;          ///< OpenAPI summary: what it does
    std::string_view request_schema;   ///< component name of the body, or empty
    std::string_view response_schema;  ///< component name of the success body, or empty
    unsigned success_status;           ///< 200, 201 or 204
    std::string_view query;            ///< documented query parameters, comma-separated
};

/// Every route of the server, in matching order.
[[nodiscard]] std::span<const route> route_table();

/// The metrics label index of the web console's files (after the table's routes).
[[nodiscard]] inline std::size_t console_route_index() { return route_table().size(); }
/// The metrics label index of requests no route or file matched.
[[nodiscard]] inline std::size_t unmatched_route_index() { return route_table().size() + 1; }

/// The outcome of matching a request line against the table.
struct route_match {
    const route* found = nullptr;        ///< null when nothing matched
    std::size_t index = 0;               ///< position in the table (metrics label)
    std::vector<std::string> params{};   ///< decoded path parameters
    std::string allow{};                 ///< methods the path does accept, when only the method missed
};

/// Matches an encoded path; literal segments win over parameters, so
/// `/api/tickets/stats/` is never read as a ticket id.
[[nodiscard]] route_match match_route(boost::beast::http::verb method, std::string_view encoded_path);

} // namespace helpdesk::server
