#include "handlers/handlers.hpp"

#include "app/form.hpp"
#include "app/throttle.hpp"
#include "app/tokens.hpp"
#include "auth/jwt.hpp"

#include <helpdesk/error.hpp>

namespace helpdesk::server::handlers {

namespace {

response login(call& c, login_kind kind, std::string_view endpoint) {
    const auto body = form::read(c, false);
    const auto email = body.required_text("email");
    const auto password = body.required_text("password");
    throttle(c, endpoint, email);
    const auto who = c.ctx.core.accounts().authenticate(kind, email, password);
    const auto session = random_id();
    const auto refresh_id = random_id();
    c.ctx.core.sessions().open(who.id, session, refresh_id, refresh_expiry(c.ctx));
    return json_response(token_body(c.ctx, who, session, refresh_id));
}

} // namespace

response token_employee(call& c) {
    return login(c, login_kind::employee, "login");
}

response token_admin(call& c) {
    return login(c, login_kind::staff, "login");
}

response token_refresh(call& c) {
    const auto body = form::read(c, false);
    const auto token = body.required_text("refresh");
    const auto claims = jwt_verify(token, c.ctx.options.jwt_secret, "refresh", unix_now());
    throttle(c, "refresh", claims.sub);
    const auto next_id = random_id();
    const auto who = c.ctx.core.sessions().rotate(claims.jti, next_id, refresh_expiry(c.ctx));
    return json_response(token_body(c.ctx, who, claims.sid, next_id));
}

response token_logout(call& c) {
    if (!c.who->session.empty()) {
        c.ctx.core.sessions().close(c.actor(), c.who->session);
    }
    return empty_response();
}

} // namespace helpdesk::server::handlers
