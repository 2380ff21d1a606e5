#pragma once

#include "app/app.hpp"
#include "app/response.hpp"

namespace helpdesk::server {

/// Adds the headers every response carries: `X-Content-Type-Options`,
/// `Referrer-Policy`, `X-Frame-Options`, the response's
/// `Content-Security-Policy` (or one that allows nothing), `Cache-Control:
/// no-store` unless the response is cacheable, and under TLS
/// `Strict-Transport-Security`.
void add_security_headers(const app& a, response& res);

} // namespace helpdesk::server
