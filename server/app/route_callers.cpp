#include "app/route_callers.hpp"

#include <helpdesk/rules/policy.hpp>

#include <algorithm>
#include <iterator>

namespace helpdesk::server {

namespace {

std::string_view credentials_of(access scheme) noexcept {
    switch (scheme) {
    case access::anyone: return "anyone";
    case access::bearer: return "bearer token";
    case access::bearer_or_cookie: return "bearer token, or the session cookie in cookie mode";
    case access::signed_url: return "signed URL (`u`, `exp`, `sig`)";
    case access::api_key: return "workflow API key (`X-API-Key`)";
    case access::metrics: return "anyone, or the metrics token when one is configured";
    }
    return "anyone";
}

// A ticket the action applies to: in the first status it is allowed from.
ticket ticket_for(action act, account_id owner) {
    ticket t;
    t.id = 1;
    t.employee = owner;
    for (const auto status : all_ticket_statuses) {
        if (action_allowed_from(act, status)) {
            t.status = status;
            break;
        }
    }
    return t;
}

std::vector<std::string> roles_for(action act) {
    constexpr account_id self = 1;
    constexpr account_id someone_else = 2;
    std::vector<std::string> roles;
    for (const auto r : all_roles) {
        const actor who{self, r, account_status::approved};
        const std::string name{to_string(r)};
        if (act == action::view_account || act == action::view_account_image) {
            if (can(who, act, someone_else).allowed) {
                roles.push_back(name);
            } else if (can(who, act, self).allowed) {
                roles.push_back(name + " (own account)");
            }
            continue;
        }
        if (!is_ticket_action(act) || act == action::create) {
            if (can(who, act, nullptr).allowed) {
                roles.push_back(name);
            }
            continue;
        }
        const auto others = ticket_for(act, someone_else);
        const auto own = ticket_for(act, self);
        if (can(who, act, &others).allowed) {
            roles.push_back(name);
        } else if (can(who, act, &own).allowed) {
            roles.push_back(name + " (own tickets)");
        }
    }
    if (roles.size() == std::size(all_roles) &&
        std::all_of(roles.begin(), roles.end(), [](const std::string& r) { return r.ends_with("(own tickets)"); })) {
        return {"the ticket's owner, whatever the role"};
    }
    return roles;
}

} // namespace

route_callers callers_of(const route& r) {
    return {credentials_of(r.who), r.policy ? roles_for(*r.policy) : std::vector<std::string>{}};
}

std::string describe_callers(const route& r) {
    const auto callers = callers_of(r);
    std::string text{callers.credentials};
    if (!callers.roles.empty()) {
        text += "; ";
        for (std::size_t i = 0; i < callers.roles.size(); ++i) {
            text += (i == 0 ? "" : ", ") + callers.roles[i];
        }
    } else if (r.who == access::bearer) {
        text += "; no policy action: the service decides (see what it does)";
    }
    return text;
}

} // namespace helpdesk::server
