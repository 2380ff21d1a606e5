#include "handlers/handlers.hpp"

#include "app/error_response.hpp"
#include "app/form.hpp"
#include "app/session_cookie.hpp"
#include "app/throttle.hpp"
#include "app/tokens.hpp"
#include "auth/jwt.hpp"

#include <helpdesk/error.hpp>

#include <charconv>

namespace helpdesk::server::handlers {

namespace {

// The token body as JSON clients get it, or, in cookie mode, without
// `refresh` (which goes into the HttpOnly cookie instead).
response token_response(const call& c, boost::json::object body, bool cookie) {
    if (!cookie) {
        return json_response(body);
    }
    const std::string refresh{body.at("refresh").as_string()};
    body.erase("refresh");
    auto r = json_response(body);
    r.headers.emplace_back("Set-Cookie", refresh_cookie_header(c.shared, refresh));
    return r;
}

response login(call& c, login_kind kind, std::string_view endpoint) {
    const bool cookie = cookie_mode(c);
    if (cookie) {
        check_cookie_origin(c);
    }
    const auto body = form::read(c, false);
    const auto email = body.required_text("email");
    const auto password = body.required_text("password");
    throttle(c, endpoint, email);
    const auto who = c.desk().accounts().authenticate(kind, email, password);
    const auto session = random_id();
    const auto refresh_id = random_id();
    c.desk().sessions().open(who.id, session, refresh_id, refresh_expiry(c.shared));
    return token_response(c, token_body(c.shared, who, session, refresh_id), cookie);
}

response rotate(call& c, const std::string& token, bool cookie) {
    const auto claims = jwt_verify(token, c.shared.options.jwt_secret, "refresh", unix_now());
    throttle(c, "refresh", claims.sub);
    const auto next_id = successor_refresh_id(c.shared, claims.jti);
    const auto who = c.desk().sessions().rotate(claims.jti, next_id, refresh_expiry(c.shared),
                                                  c.shared.options.refresh_reissue_window);
    return token_response(c, token_body(c.shared, who, claims.sid, next_id), cookie);
}

} // namespace

response token_any(call& c) {
    return login(c, login_kind::any, "login");
}

response token_employee(call& c) {
    return login(c, login_kind::employee, "login");
}

response token_admin(call& c) {
    return login(c, login_kind::staff, "login");
}

response token_refresh(call& c) {
    if (!cookie_mode(c)) {
        const auto body = form::read(c, false);
        return rotate(c, body.required_text("refresh"), false);
    }
    check_cookie_origin(c);
    (void)form::read(c, false); // `{}` or nothing; the token is in the cookie
    const auto token = refresh_cookie(c);
    if (!token) {
        throw error(errc::unauthenticated, "No session cookie: sign in.");
    }
    try {
        return rotate(c, *token, true);
    } catch (const error& e) {
        if (e.code() != errc::unauthenticated) {
            throw;
        }
        // A dead cookie (expired, revoked, reused, forged) is of no further
        // use to the browser: remove it with the refusal.
        auto r = error_response(std::current_exception(), c.shared.log);
        r.headers.emplace_back("Set-Cookie", cleared_cookie_header(c.shared));
        return r;
    }
}

response token_logout(call& c) {
    const bool cookie = cookie_mode(c);
    if (cookie) {
        check_cookie_origin(c); // before anything is ended
    }
    if (c.who && !c.who->session.empty()) {
        c.desk().sessions().close(c.actor(), c.who->session);
    }
    if (!cookie) {
        return empty_response(); // without cookie mode the route demanded a valid bearer token
    }
    // A cookie that no longer verifies, or two conflicting ones, end nothing;
    // the cookie is cleared all the same.
    try {
        if (const auto token = refresh_cookie(c)) {
            const auto claims = jwt_verify(*token, c.shared.options.jwt_secret, "refresh", unix_now());
            std::int64_t id = 0;
            const auto [end, ec] = std::from_chars(claims.sub.data(), claims.sub.data() + claims.sub.size(), id);
            if (ec == std::errc{} && end == claims.sub.data() + claims.sub.size() && id > 0 && !claims.sid.empty()) {
                c.desk().sessions().close(id, claims.sid);
            }
        }
    } catch (const error& e) {
        if (e.code() != errc::unauthenticated) {
            throw;
        }
    }
    auto r = empty_response();
    r.headers.emplace_back("Set-Cookie", cleared_cookie_header(c.shared));
    return r;
}

} // namespace helpdesk::server::handlers
