#include "url.hpp"

#include <helpdesk/error.hpp>

#include <libpq-fe.h>

#include <algorithm>
#include <cctype>
#include <memory>

namespace helpdesk::postgres::detail {

namespace {

[[noreturn]] void refuse(const std::string& why) {
    throw error{errc::invalid_argument,
                "invalid PostgreSQL URL (" + why + "); expected postgresql://user@host:port/database",
                {{"url", {why}}}};
}

struct options_deleter {
    void operator()(PQconninfoOption* o) const noexcept { PQconninfoFree(o); }
};

} // namespace

std::string normalize_url(std::string_view url) {
    if (url.find('\0') != std::string_view::npos) {
        refuse("NUL in URL");
    }
    const auto colon = url.find("://");
    if (colon == std::string_view::npos) {
        refuse("unknown scheme");
    }
    std::string scheme{url.substr(0, colon)};
    std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                   [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
    if (scheme != "postgresql" && scheme != "postgres") {
        refuse("unknown scheme");
    }
    std::string normalized = scheme + std::string{url.substr(colon)};
    char* message = nullptr;
    std::unique_ptr<PQconninfoOption, options_deleter> parsed{PQconninfoParse(normalized.c_str(), &message)};
    if (!parsed) {
        std::string why = message != nullptr ? message : "libpq cannot parse it";
        PQfreemem(message);
        while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) {
            why.pop_back();
        }
        refuse(why);
    }
    return normalized;
}

} // namespace helpdesk::postgres::detail
