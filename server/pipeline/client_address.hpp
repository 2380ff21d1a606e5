#pragma once

#include "app/app.hpp"

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <string>

namespace helpdesk::server {

/// The client behind a request: the peer, or, when the peer is a trusted
/// proxy (`server_options::trusted_proxies`), the rightmost `X-Forwarded-For`
/// entry that is not a trusted proxy. Several `X-Forwarded-For` headers read
/// as one list; a malformed entry ends the walk.
[[nodiscard]] std::string client_address(const app& a,
                                         const boost::beast::http::request<boost::beast::http::string_body>& req,
                                         const std::string& peer);

} // namespace helpdesk::server
