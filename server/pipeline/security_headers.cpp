#include "pipeline/security_headers.hpp"

#include <string>

namespace helpdesk::server {

void add_security_headers(const app& a, response& res) {
    res.headers.emplace_back("X-Content-Type-Options", "nosniff");
    res.headers.emplace_back("Referrer-Policy", "no-referrer");
    res.headers.emplace_back("X-Frame-Options", "DENY");
    res.headers.emplace_back("Content-Security-Policy", res.security_policy.empty()
                                                            ? std::string{"default-src 'none'; frame-ancestors 'none'"}
                                                            : res.security_policy);
    if (!res.cacheable) {
        res.headers.emplace_back("Cache-Control", "no-store");
    }
    if (a.options.tls_certificate_file) {
        res.headers.emplace_back("Strict-Transport-Security", "max-age=31536000");
    }
}

} // namespace helpdesk::server
