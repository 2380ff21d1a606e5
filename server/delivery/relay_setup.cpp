#include "delivery/relay_setup.hpp"

#include "auth/signed_url.hpp"

#include <helpdesk/adapters/smtp.hpp>
#include <helpdesk/adapters/webhook.hpp>
#include <helpdesk/domain/ticket.hpp>

#include <chrono>

namespace helpdesk::server {
namespace {

std::string without_trailing_slash(std::string url) {
    while (!url.empty() && url.back() == '/') {
        url.pop_back();
    }
    return url;
}

// Scheme, host and port of a URL fit to print: any user:password@ and the
// path and query (which may carry a token) are left out.
std::string without_credentials(const std::string& url) {
    const auto scheme_end = url.find("://");
    if (scheme_end == std::string::npos) {
        return "(url)";
    }
    auto rest = url.substr(scheme_end + 3);
    rest = rest.substr(0, rest.find_first_of("/?#"));
    if (const auto at = rest.rfind('@'); at != std::string::npos) {
        rest = rest.substr(at + 1);
    }
    return url.substr(0, scheme_end + 3) + rest;
}

// Attachment links for the workflow system: signed like the API's own file
// links, as the ticket's owner (who may read them), for a day by default so a
// workflow that queues the event can still fetch the files. No API key or
// bearer token ever goes into a URL.
std::function<std::string(const ticket&, const attachment&)> link_maker(const delivery_config& config,
                                                                       const std::string& jwt_secret,
                                                                       const std::string& listen_base) {
    const auto base = without_trailing_slash(config.public_url.value_or(listen_base));
    const auto lifetime = config.webhook_link_lifetime;
    return [base, lifetime, jwt_secret](const ticket& t, const attachment& a) {
        const auto path = "/api/attachments/" + std::to_string(a.id) + "/download/";
        const auto expires = std::chrono::duration_cast<std::chrono::seconds>(
                                 (std::chrono::system_clock::now() + lifetime).time_since_epoch())
                                 .count();
        return base + path + "?" + sign_url_query(path, t.employee, expires, jwt_secret);
    };
}

webhook::options subscription(const delivery_config& config, const std::string& url, const std::string& secret,
                              webhook::payload_format format) {
    webhook::options hook;
    hook.url = url;
    hook.secret = secret;
    hook.format = format;
    hook.timeout = config.webhook_timeout;
    hook.verify_peer = config.webhook_verify_peer;
    return hook;
}

} // namespace

std::vector<relay_channel> make_channels(engine& desk, const delivery_config& config, const std::string& jwt_secret,
                                         const std::string& listen_base) {
    std::vector<relay_channel> channels;
    if (!config.smtp.url.empty()) {
        auto mail = config.smtp;
        mail.public_url =
            without_trailing_slash(config.frontend_url.value_or(config.public_url.value_or(listen_base)));
        channels.push_back({"email", smtp::make_notifier(desk, std::move(mail))});
    }
    if (config.webhook_url) {
        auto hook = subscription(config, *config.webhook_url, config.webhook_secret, webhook::payload_format::event);
        hook.events = config.webhook_events;
        channels.push_back({"webhook", webhook::make_notifier(desk, std::move(hook))});
    }
    if (config.workflow_webhook_url) {
        auto hook = subscription(config, *config.workflow_webhook_url, config.workflow_webhook_secret,
                                 webhook::payload_format::workflow);
        hook.attachment_link = link_maker(config, jwt_secret, listen_base);
        channels.push_back({"workflow", webhook::make_notifier(desk, std::move(hook))});
    }
    return channels;
}

void apply_delivery_options(const delivery_config& config, engine_options& options) {
    options.max_delivery_attempts = config.max_attempts;
    options.first_retry_delay = config.first_retry;
    options.delivery_lease = config.lease;
}

std::string describe_channels(const delivery_config& config) {
    std::string out;
    const auto add = [&out](const std::string& part) { out += (out.empty() ? "" : ", ") + part; };
    if (!config.smtp.url.empty()) {
        add("email via " + without_credentials(config.smtp.url));
    }
    if (config.webhook_url) {
        add("webhook " + without_credentials(*config.webhook_url));
    }
    if (config.workflow_webhook_url) {
        add("workflow " + without_credentials(*config.workflow_webhook_url));
    }
    return out.empty() ? "none" : out;
}

} // namespace helpdesk::server
