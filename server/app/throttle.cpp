#include "app/throttle.hpp"

#include "app/http_failure.hpp"

#include <cctype>
#include <string>

namespace helpdesk::server {

namespace {
void take(const call& c, const std::string& key, const rate_limit& limit) {
    if (const auto wait = c.ctx.core.limits().take(key, limit)) {
        throw http_failure(http::status::too_many_requests, "rate_limited",
                           "Too many attempts; try again in " + std::to_string(wait->count()) + " seconds.",
                           {{"Retry-After", std::to_string(wait->count())}});
    }
}
} // namespace

void throttle(const call& c, std::string_view endpoint, std::optional<std::string_view> account_key) {
    take(c, std::string{endpoint} + ":ip:" + c.client, c.ctx.options.address_limit);
    if (account_key) {
        std::string key{endpoint};
        key += ":account:";
        // Keys are bounded (the store refuses long ones); emails are at most 254.
        for (const char ch : account_key->substr(0, 200)) {
            key.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
        }
        take(c, key, c.ctx.options.account_limit);
    }
}

} // namespace helpdesk::server
