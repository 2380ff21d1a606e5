#pragma once

#include "app/app.hpp"
#include "app/call.hpp"
#include "app/response.hpp"

#include <string_view>

namespace helpdesk::server {

/// The answer to an `OPTIONS` request on `encoded_path`. With `Origin` and
/// `Access-Control-Request-Method` it is a CORS preflight: 204 with the
/// `Access-Control-Allow-*` headers when the origin is on the allow-list and
/// the method and headers are ones the path takes (HEAD where GET is served,
/// and OPTIONS), else 403. Without them: 204 with `Allow` listing the path's
/// methods.
[[nodiscard]] response answer_options(const app& a, const call& c, std::string_view encoded_path);

} // namespace helpdesk::server
