#pragma once

#include "app/route_table.hpp"

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/url/url_view.hpp>

#include <optional>

namespace helpdesk::server {

/// The header of a request whose body has not been read yet.
using request_header = boost::beast::http::request<boost::beast::http::string_body>;

/// A request's target, parsed once when its header arrives, with the route
/// it addresses. The session keeps it beside its request; the body limit,
/// the refusals before the body and the dispatch all read it instead of
/// parsing the target again.
struct routed_target {
    /// The parsed target. It views the request's own target, so it is valid
    /// as long as that request is neither moved nor changed. Nullopt when
    /// the target does not parse.
    std::optional<boost::urls::url_view> url{};
    /// The route for the request's own method and path (nothing when the
    /// target does not parse). The dispatch answers HEAD as GET and matches
    /// that itself.
    route_match match{};
};

/// Parses `header`'s target and matches its method and path against the
/// route table.
[[nodiscard]] routed_target route_target(const request_header& header);

} // namespace helpdesk::server
