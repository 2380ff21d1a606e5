#include "handlers/handlers.hpp"

#include "app/form.hpp"
#include "app/json_views.hpp"
#include "app/throttle.hpp"

#include <wire/request_readers.hpp>
#include <wire/small_views.hpp>

#include <helpdesk/error.hpp>

namespace helpdesk::server::handlers {

namespace {

response message(std::string_view text) {
    return json_response(wire::message_json(text));
}

} // namespace

response sign_up(call& c) {
    const auto body = form::read(c, true);
    throttle(c, "sign-up", std::nullopt);
    const auto r = wire::read_sign_up(body.fields());
    const auto created = c.desk().accounts().sign_up(r);
    return json_response(account_json(created, url_signer{c.shared, created.id}), http::status::created);
}

response profile(call& c) {
    const auto me = c.desk().accounts().get(c.actor(), c.actor());
    return json_response(account_json(me, url_signer{c.shared, c.actor()}));
}

response update_profile(call& c) {
    const auto body = form::read(c, false);
    const auto changes = wire::read_profile_update(body.fields());
    const auto updated = c.desk().accounts().update_profile(c.actor(), changes);
    return json_response(account_json(updated, url_signer{c.shared, c.actor()}));
}

response change_password(call& c) {
    const auto body = form::read(c, false);
    const auto current = body.required_text("current_password");
    const auto next = body.required_text("new_password");
    const auto confirm = body.required_text("confirm_password");
    // Before the password hash: a wrong current password is a 400, so this
    // answers the same question as check-password and shares its buckets.
    throttle(c, password_guess_bucket, std::to_string(c.actor()));
    c.desk().accounts().change_password(c.actor(), current, next, confirm,
                                          c.who->session.empty() ? std::nullopt
                                                                 : std::optional<std::string_view>{c.who->session});
    return message("The password was changed; other sessions were signed out.");
}

response check_password(call& c) {
    const auto body = form::read(c, false);
    const auto password = body.required_text("password");
    throttle(c, password_guess_bucket, std::to_string(c.actor()));
    const bool valid = c.desk().accounts().check_password(c.actor(), password);
    return json_response(wire::password_check_json(valid));
}

response upload_image(call& c) {
    const auto body = form::read(c, true);
    auto files = body.files("image");
    if (files.size() != 1) {
        throw error(errc::invalid_argument, "Send exactly one file under `image`.",
                    {{"image", {"Send exactly one PNG or JPEG file."}}});
    }
    const auto updated = c.desk().accounts().set_image(c.actor(), files.front().bytes);
    return json_response(account_json(updated, url_signer{c.shared, c.actor()}));
}

response forgot_password(call& c) {
    const auto body = form::read(c, false);
    const auto email = body.required_text("email");
    throttle(c, "forgot-password", email);
    // The token travels only by mail (the outbox); the answer is the same
    // whether or not the address belongs to anyone (docs/product.md#password-reset).
    (void)c.desk().accounts().request_password_reset(email);
    return message("If that address belongs to an approved account, a reset link is on its way.");
}

response reset_password(call& c) {
    const auto body = form::read(c, false);
    const auto token = body.required_text("token");
    const auto next = body.required_text("new_password");
    const auto confirm = body.required_text("confirm_password");
    throttle(c, "reset-password", std::nullopt);
    c.desk().accounts().reset_password(token, next, confirm);
    return message("The password was set; sign in with it.");
}

} // namespace helpdesk::server::handlers
