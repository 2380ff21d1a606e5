#include "pipeline/body_limits.hpp"

#include "app/call.hpp"
#include "app/error_response.hpp"
#include "app/route_table.hpp"
#include "pipeline/authentication.hpp"
#include "pipeline/security_headers.hpp"

#include <helpdesk/error.hpp>

#include <boost/url/parse.hpp>

namespace helpdesk::server {

namespace {

boost::system::result<boost::urls::url_view> parse_target(const request_header& header) {
    return boost::urls::parse_origin_form(std::string_view{header.target().data(), header.target().size()});
}

response finished(const app& a, response r) {
    add_security_headers(a, r);
    return r;
}

} // namespace

std::optional<response> refuse_target(const app& a, const request_header& header) {
    if (parse_target(header)) {
        return std::nullopt;
    }
    return finished(a, error_response(std::make_exception_ptr(unparsable_target()), a.log));
}

std::size_t body_limit(const app& a, boost::beast::http::verb method, std::string_view target) {
    const auto parsed = boost::urls::parse_origin_form(target);
    if (!parsed) {
        return a.options.max_json_body_bytes;
    }
    const auto m = match_route(method, parsed->encoded_path());
    if (m.found && m.found->entry->body == body_kind::upload) {
        return a.options.max_upload_body_bytes;
    }
    return a.options.max_json_body_bytes;
}

bool refusal_needs_store(const request_header& header) {
    const auto parsed = parse_target(header);
    if (!parsed) {
        return false;
    }
    const auto m = match_route(header.method(), parsed->encoded_path());
    return m.found && m.found->entry->who == access::api_key;
}

std::optional<response> refuse_before_body(app& a, const request_header& header) {
    const auto parsed = parse_target(header);
    if (!parsed) {
        return refuse_target(a, header);
    }
    const auto m = match_route(header.method(), parsed->encoded_path());
    if (!m.found || (m.found->entry->who != access::bearer && m.found->entry->who != access::api_key)) {
        return std::nullopt;
    }
    call c{a, header, *parsed};
    try {
        authenticate(c, m.found->entry->who);
        return std::nullopt;
    } catch (...) {
        return finished(a, error_response(std::current_exception(), a.log));
    }
}

} // namespace helpdesk::server
