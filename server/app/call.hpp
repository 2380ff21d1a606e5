#pragma once

#include "app/app.hpp"

#include <helpdesk/domain/api_key.hpp>
#include <helpdesk/ids.hpp>

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/url/url_view.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace helpdesk::server {

/// The authenticated account behind a request, from its access token.
struct caller {
    account_id id = 0;
    std::string session{};   ///< the login session (`sid`), for logout and password changes
};

/// One request on its way through a handler.
struct call {
    app& shared;  ///< what every handler may reach: the engine, options, counters
    const boost::beast::http::request<boost::beast::http::string_body>& req;
    boost::urls::url_view url;          ///< parsed target; views `req`
    std::vector<std::string> params{};  ///< path parameters, decoded, in pattern order
    std::string client{};               ///< the peer's address
    std::optional<caller> who{};        ///< set on routes that need a bearer token
    std::optional<api_key> key{};       ///< set on routes that need an API key: the key presented

    /// The engine every handler calls.
    [[nodiscard]] engine& desk() const { return shared.desk; }
    /// The authenticated account (the route table guarantees one where needed).
    [[nodiscard]] account_id actor() const { return who->id; }
    /// Path parameter `index` as a positive id; anything else is not_found
    /// (a path that names nothing, not a bad request).
    [[nodiscard]] std::int64_t id_param(std::size_t index) const;
    /// A request header, or nullopt when absent.
    [[nodiscard]] std::optional<std::string_view> header(std::string_view name) const;
    /// The `If-Match` version, when sent; a malformed one is invalid_argument.
    [[nodiscard]] std::optional<std::int64_t> if_match() const;
};

} // namespace helpdesk::server
