#include "app/error_response.hpp"

#include "app/http_failure.hpp"

#include <wire/error_body.hpp>

#include <string>

namespace helpdesk::server {

http::status status_for(errc code) noexcept {
    switch (code) {
    case errc::invalid_argument: return http::status::bad_request;
    case errc::not_found: return http::status::not_found;
    case errc::permission_denied: return http::status::forbidden;
    case errc::unauthenticated: return http::status::unauthorized;
    case errc::invalid_state: return http::status::conflict;
    case errc::conflict: return http::status::conflict;
    case errc::precondition_failed: return http::status::precondition_failed;
    case errc::payload_too_large: return http::status::payload_too_large;
    case errc::unsupported_media_type: return http::status::unsupported_media_type;
    case errc::rate_limited: return http::status::too_many_requests;
    case errc::storage_unavailable: return http::status::service_unavailable;
    case errc::internal: return http::status::internal_server_error;
    }
    return http::status::internal_server_error;
}

namespace {

// Store messages can carry a second line with the offending key values
// (PostgreSQL's DETAIL); only the first line is for the client.
std::string_view first_line(std::string_view text) noexcept {
    return text.substr(0, text.find('\n'));
}

} // namespace

error unparsable_target() {
    return error(errc::invalid_argument, "The request target is not a valid path.");
}

response error_response(http::status status, std::string_view code, std::string_view detail) {
    auto r = json_response(wire::error_body(code, detail), status);
    if (status == http::status::unauthorized) {
        r.headers.emplace_back("WWW-Authenticate", "Bearer");
    }
    return r;
}

response error_response(std::exception_ptr failure, const std::function<void(std::string_view)>& log) {
    try {
        std::rethrow_exception(failure);
    } catch (const http_failure& e) {
        auto r = error_response(e.status(), e.code(), e.what());
        r.headers.insert(r.headers.end(), e.headers().begin(), e.headers().end());
        return r;
    } catch (const error& e) {
        const auto status = status_for(e.code());
        if (e.code() == errc::internal || e.code() == errc::storage_unavailable) {
            log(std::string{"store or engine failure: "} + e.what());
            return error_response(status, to_string(e.code()),
                                  e.code() == errc::internal ? "The server failed; the failure was logged."
                                                             : "The store is unavailable; try again shortly.");
        }
        auto r = json_response(wire::error_body(to_string(e.code()), first_line(e.what()), e.fields()), status);
        if (status == http::status::unauthorized) {
            r.headers.emplace_back("WWW-Authenticate", "Bearer");
        }
        return r;
    } catch (const std::exception& e) {
        log(std::string{"unexpected failure: "} + e.what());
    } catch (...) {
        log("unexpected failure of an unknown type");
    }
    return error_response(http::status::internal_server_error, "internal", "The server failed; the failure was logged.");
}

} // namespace helpdesk::server
