#include "http_post.hpp"

#include "curl_handles.hpp"
#include "outcome.hpp"

#include <helpdesk/error.hpp>
#include <helpdesk/ports/notifier.hpp>

#include <array>
#include <cstddef>

namespace helpdesk::webhook::detail {
namespace {

constexpr std::size_t excerpt_limit = 200;

template <class Value>
void set(CURL* handle, CURLoption option, Value value, const char* name) {
    if (const auto rc = curl_easy_setopt(handle, option, value); rc != CURLE_OK) {
        throw error(errc::internal, std::string{"libcurl refused "} + name + ": " + curl_easy_strerror(rc));
    }
}

// Keeps the start of the answer for error texts and drops the rest (libcurl
// would print it to stdout otherwise).
std::size_t keep_excerpt(char* data, std::size_t size, std::size_t count, void* user) {
    auto& excerpt = *static_cast<std::string*>(user);
    const auto bytes = size * count;
    for (std::size_t i = 0; i < bytes && excerpt.size() < excerpt_limit; ++i) {
        const auto c = static_cast<unsigned char>(data[i]);
        excerpt.push_back(c >= 0x20 && c < 0x7f ? static_cast<char>(c) : ' ');
    }
    return bytes;
}

} // namespace

http_answer post(const post_request& request) {
    auto handle = make_easy_handle();
    CURL* h = handle.get();
    header_list headers;
    for (const auto& line : request.headers) {
        append_header(headers, line.c_str());
    }
    // Without this libcurl waits for a `100 Continue` before sending bodies over 1 KiB.
    append_header(headers, "Expect:");

    http_answer answer;
    std::array<char, CURL_ERROR_SIZE> message{};
    const long timeout_ms = static_cast<long>(request.timeout.count());

    set(h, CURLOPT_URL, request.target->url.c_str(), "CURLOPT_URL");
    set(h, CURLOPT_PROTOCOLS_STR, "http,https", "CURLOPT_PROTOCOLS_STR");
    set(h, CURLOPT_FOLLOWLOCATION, 0L, "CURLOPT_FOLLOWLOCATION");
    set(h, CURLOPT_NOSIGNAL, 1L, "CURLOPT_NOSIGNAL");
    set(h, CURLOPT_TIMEOUT_MS, timeout_ms, "CURLOPT_TIMEOUT_MS");
    set(h, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms, "CURLOPT_CONNECTTIMEOUT_MS");
    set(h, CURLOPT_SSL_VERIFYPEER, request.verify_peer ? 1L : 0L, "CURLOPT_SSL_VERIFYPEER");
    set(h, CURLOPT_SSL_VERIFYHOST, request.verify_peer ? 2L : 0L, "CURLOPT_SSL_VERIFYHOST");
    set(h, CURLOPT_USERAGENT, request.user_agent.c_str(), "CURLOPT_USERAGENT");
    set(h, CURLOPT_HTTPHEADER, headers.get(), "CURLOPT_HTTPHEADER");
    set(h, CURLOPT_POST, 1L, "CURLOPT_POST");
    set(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()), "CURLOPT_POSTFIELDSIZE_LARGE");
    set(h, CURLOPT_POSTFIELDS, request.body.data(), "CURLOPT_POSTFIELDS");
    set(h, CURLOPT_WRITEFUNCTION, &keep_excerpt, "CURLOPT_WRITEFUNCTION");
    set(h, CURLOPT_WRITEDATA, static_cast<void*>(&answer.excerpt), "CURLOPT_WRITEDATA");
    set(h, CURLOPT_ERRORBUFFER, message.data(), "CURLOPT_ERRORBUFFER");

    if (const auto rc = curl_easy_perform(h); rc != CURLE_OK) {
        const std::string why = message[0] != '\0' ? message.data() : curl_easy_strerror(rc);
        throw delivery_failure("POST " + request.target->origin + " failed: " + why + " (curl error " +
                                   std::to_string(static_cast<int>(rc)) + ")",
                               classify_transport(rc) == verdict::permanent);
    }
    if (const auto rc = curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &answer.status); rc != CURLE_OK) {
        throw error(errc::internal, std::string{"libcurl has no response code: "} + curl_easy_strerror(rc));
    }
    return answer;
}

} // namespace helpdesk::webhook::detail
