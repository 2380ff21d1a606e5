#pragma once

#include "app/route_table.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace helpdesk::server {

/// Who may call a route, in words, for the OpenAPI document and
/// `docs/api.md`: both read it from the route table through here.
struct route_callers {
    std::string_view credentials;     ///< what the request must carry ("bearer token", "anyone", ...)
    /// The roles the policy admits for the route's `policy` action, in role
    /// order ("Employee (own tickets)", "Ticket Coordinator", ...); empty when
    /// the route names no policy action.
    std::vector<std::string> roles;
};

/// The callers of `r`: its credentials, and the roles `policy::can` allows
/// for its action (asked of an approved account of each role, about a
/// ticket of someone else and about one of its own, in a status the action
/// applies to).
[[nodiscard]] route_callers callers_of(const route& r);

/// One line of text: the credentials, then the roles (or, for a token route
/// without a policy action, that the service decides).
[[nodiscard]] std::string describe_callers(const route& r);

} // namespace helpdesk::server
