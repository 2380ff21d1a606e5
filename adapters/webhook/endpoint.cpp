#include "endpoint.hpp"

#include "curl_handles.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

namespace helpdesk::webhook::detail {
namespace {

std::optional<std::string> get_part(CURLU* url, CURLUPart part) {
    char* raw = nullptr;
    if (curl_url_get(url, part, &raw, 0) != CURLUE_OK || raw == nullptr) {
        return std::nullopt;
    }
    curl_string owned{raw};
    return std::string{owned.get()};
}

} // namespace

std::variant<endpoint, std::string> parse_endpoint(std::string_view url) {
    if (url.empty()) {
        return std::string{"This field is required."};
    }
    if (url.find('\0') != std::string_view::npos) {
        return std::string{"Must not contain a NUL byte."};
    }
    // libcurl, like browsers, reads `https:///hook` as the host "hook"; by
    // RFC 3986 its authority is empty, and a typo is likelier than a host
    // named like a path.
    if (const auto authority = url.find("://"); authority != std::string_view::npos) {
        const auto after = url.substr(authority + 3);
        if (after.empty() || after.front() == '/' || after.front() == '?' || after.front() == '#') {
            return std::string{"Must name a host."};
        }
    }
    auto parsed = make_url_handle();
    const std::string text{url};
    // Any scheme parses, so that every one but http and https gets the same refusal below.
    if (const auto rc = curl_url_set(parsed.get(), CURLUPART_URL, text.c_str(), CURLU_NON_SUPPORT_SCHEME);
        rc != CURLUE_OK) {
        if (rc == CURLUE_NO_HOST) {
            return std::string{"Must name a host."};
        }
        if (rc == CURLUE_BAD_SCHEME || rc == CURLUE_NO_SCHEME) {
            return std::string{"Must be an http:// or https:// URL."};
        }
        return "Enter a valid URL (" + std::string{curl_url_strerror(rc)} + ").";
    }
    auto scheme = get_part(parsed.get(), CURLUPART_SCHEME).value_or("");
    std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](unsigned char c) { return std::tolower(c); });
    if (scheme != "http" && scheme != "https") {
        return "Must be an http:// or https:// URL, not " + (scheme.empty() ? std::string{"a relative one"} : scheme + "://") + ".";
    }
    const auto host = get_part(parsed.get(), CURLUPART_HOST);
    if (!host || host->empty()) {
        return std::string{"Must name a host."};
    }
    auto normalised = get_part(parsed.get(), CURLUPART_URL);
    if (!normalised) {
        return std::string{"Enter a valid URL."};
    }
    endpoint out;
    out.url = std::move(*normalised);
    out.origin = scheme + "://" + *host;
    if (const auto port = get_part(parsed.get(), CURLUPART_PORT)) {
        out.origin += ":" + *port;
    }
    return out;
}

} // namespace helpdesk::webhook::detail
