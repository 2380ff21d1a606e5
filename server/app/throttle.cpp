#include "app/throttle.hpp"

#include "app/http_failure.hpp"

#include <cctype>
#include <string>

namespace helpdesk::server {

namespace {
void take(const call& c, const std::string& key, const rate_limit& limit) {
    if (const auto wait = c.desk().limits().take(key, limit)) {
        throw http_failure(http::status::too_many_requests, "rate_limited",
                           "Too many attempts; try again in " + std::to_string(wait->count()) + " seconds.",
                           {{"Retry-After", std::to_string(wait->count())}});
    }
}
} // namespace

void throttle(const call& c, std::string_view endpoint, std::optional<std::string_view> account_key) {
    take(c, std::string{endpoint} + ":ip:" + c.client, c.shared.options.address_limit);
    if (account_key) {
        std::string key{endpoint};
        key += ":account:";
        // Trimmed like the engine trims an email, so " v@x.com" shares the
        // bucket of "v@x.com"; bounded (the store refuses long keys; emails
        // are at most 254).
        auto trimmed = *account_key;
        while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.front()))) {
            trimmed.remove_prefix(1);
        }
        while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.back()))) {
            trimmed.remove_suffix(1);
        }
        for (const char ch : trimmed.substr(0, 200)) {
            key.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
        }
        take(c, key, c.shared.options.account_limit);
    }
}

} // namespace helpdesk::server
