#include "pipeline/early_refusals.hpp"

#include "app/call.hpp"
#include "app/error_response.hpp"
#include "pipeline/authentication.hpp"
#include "pipeline/security_headers.hpp"

#include <helpdesk/error.hpp>

namespace helpdesk::server {

namespace {

response finished(const app& a, response r) {
    add_security_headers(a, r);
    return r;
}

} // namespace

std::optional<response> refuse_target(const app& a, const routed_target& target) {
    if (target.url) {
        return std::nullopt;
    }
    return finished(a, error_response(std::make_exception_ptr(unparsable_target()), a.log));
}

bool refusal_needs_store(const routed_target& target) {
    const auto& found = target.match.found;
    return found && found->entry->who == access::api_key;
}

std::optional<response> refuse_before_body(app& a, const request_header& header, const routed_target& target) {
    if (!target.url) {
        return refuse_target(a, target);
    }
    const auto& found = target.match.found;
    if (!found || (found->entry->who != access::bearer && found->entry->who != access::api_key)) {
        return std::nullopt;
    }
    call c{a, header, *target.url};
    try {
        authenticate(c, found->entry->who);
        return std::nullopt;
    } catch (...) {
        return finished(a, error_response(std::current_exception(), a.log));
    }
}

} // namespace helpdesk::server
