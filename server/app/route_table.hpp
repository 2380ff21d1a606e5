#pragma once

#include "app/call.hpp"
#include "app/response.hpp"
#include "pipeline/access.hpp"

#include <helpdesk/rules/lifecycle.hpp>

#include <boost/beast/http/verb.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace helpdesk::server {

/// What body a route reads, which also sets its size limit.
enum class body_kind {
    none,      ///< no body expected (any sent is ignored; JSON limit applies)
    json,      ///< a JSON object
    form,      ///< a JSON object or a multipart form (JSON limit)
    upload,    ///< a multipart form with files (upload limit)
};

/// Whether the handler takes a token from the rate-limit buckets (`throttle`).
enum class throttling {
    none,          ///< never answers 429
    rate_limited,  ///< per client address and per account or email; 429 with Retry-After
};

/// How a route is described in the OpenAPI document and `docs/api.md`.
struct route_doc {
    std::string_view operation_id;          ///< unique camelCase name (`listTickets`)
    std::string_view tag;                   ///< the group it is listed under
    std::string_view summary;               ///< what it does, in one sentence
    std::string_view request_schema = {};   ///< component name of the body, or empty
    std::string_view response_schema = {};  ///< component name of the success body, or empty
    unsigned success_status = 200;          ///< 200, 201 or 204
    std::string_view query = {};            ///< documented query parameters, comma-separated
};

/// One entry of the route table: matching, protection and the description
/// travel together, so a route cannot exist undocumented. Written with
/// designated initializers; the defaults are those of most routes.
struct route {
    boost::beast::http::verb method;
    std::string_view pattern;                 ///< `/api/tickets/{id}/`; `{name}` matches one segment
    access who;                               ///< the credentials it asks for
    /// The policy action its service call checks, when there is one: the
    /// roles it admits (`allowed_roles`) are read from the policy itself.
    std::optional<action> policy = std::nullopt;
    body_kind body = body_kind::none;
    throttling limits = throttling::none;
    response (*handle)(call&);
    route_doc doc;
};

/// Every route of the server, in matching order.
[[nodiscard]] std::span<const route> route_table();

/// A route that matched a request line.
struct matched_route {
    const route* entry;                 ///< the table entry (never null)
    std::size_t index;                  ///< its position in the table
    std::vector<std::string> params{};  ///< decoded path parameters, in pattern order
};

/// The outcome of matching a request line against the table.
struct route_match {
    std::optional<matched_route> found{};  ///< nullopt when no route takes this method and path
    std::string allow{};                   ///< methods the path does accept (each once), when only the method missed
};

/// Matches an encoded path; literal segments win over parameters, so
/// `/api/tickets/stats/` is never read as a ticket id.
[[nodiscard]] route_match match_route(boost::beast::http::verb method, std::string_view encoded_path);

/// What answered a request, as the metrics and the access log count it.
struct served_by {
    /// The kinds of answerer.
    enum class kind {
        route,      ///< a route of the table
        console,    ///< the web console's files
        unmatched,  ///< nothing (404, 405, a malformed request)
    };
    kind what = kind::unmatched;
    std::size_t route_index = 0;  ///< the table position, when `what` is `route`

    /// A route of the table, by position.
    [[nodiscard]] static served_by table_route(std::size_t index) noexcept { return {kind::route, index}; }
    /// The web console's files.
    [[nodiscard]] static served_by web_console() noexcept { return {kind::console, 0}; }
    /// The metrics label position: the table's routes, then the console,
    /// then unmatched requests (the order of `metrics_route_names`).
    [[nodiscard]] std::size_t metrics_index() const noexcept;
};

/// The metrics' route labels ("GET /api/tickets/{id}/", ...), one per table
/// route, then the web console's; unmatched requests come after them.
[[nodiscard]] std::vector<std::string> metrics_route_names();

} // namespace helpdesk::server
