#include "mail_plan.hpp"
#include "mime.hpp"
#include "smtp_client.hpp"

#include <helpdesk/adapters/smtp.hpp>
#include <helpdesk/engine.hpp>
#include <helpdesk/error.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <optional>

namespace helpdesk::smtp {
namespace {

bool starts_with_nocase(std::string_view text, std::string_view prefix) noexcept {
    return text.size() >= prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
           });
}

bool has_control(std::string_view text) noexcept {
    return std::any_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte < 0x20 || byte == 0x7F;
    });
}

bool plausible_address(std::string_view address) noexcept {
    const auto at = address.rfind('@');
    return at != std::string_view::npos && at > 0 && at + 1 < address.size() && !has_control(address) &&
           address.find_first_of(" <>\"") == std::string_view::npos;
}

// Checks what a relay cannot fix later; a message names the option, never its value
// (the URL may carry credentials).
options validated(options opts) {
    field_errors faults;
    const bool smtps = starts_with_nocase(opts.url, "smtps://");
    if (!(starts_with_nocase(opts.url, "smtp://") || smtps) || opts.url.size() <= (smtps ? 8U : 7U) ||
        has_control(opts.url)) {
        faults["url"].push_back("Must be smtp://host[:port] or smtps://host[:port].");
    } else if (smtps && opts.tls == tls_mode::off) {
        faults["tls"].push_back("An smtps:// URL is always encrypted; tls cannot be off.");
    }
    if (!plausible_address(opts.from)) {
        faults["from"].push_back("Must be an email address.");
    }
    if (has_control(opts.from_name)) {
        faults["from_name"].push_back("Must be one line.");
    }
    while (!opts.public_url.empty() && opts.public_url.back() == '/') {
        opts.public_url.pop_back();
    }
    if (!(starts_with_nocase(opts.public_url, "https://") || starts_with_nocase(opts.public_url, "http://")) ||
        has_control(opts.public_url)) {
        faults["public_url"].push_back("Must be an http:// or https:// URL.");
    }
    if (opts.timeout <= std::chrono::seconds::zero()) {
        faults["timeout"].push_back("Must be positive.");
    }
    if (!faults.empty()) {
        throw error(errc::invalid_argument, "invalid SMTP notifier options", std::move(faults));
    }
    return opts;
}

class smtp_notifier final : public notifier {
public:
    smtp_notifier(engine& desk, options opts) : desk_(desk), opts_(std::move(opts)), client_(opts_) {}

    void deliver(const outbox_event& event) override {
        const auto mails = detail::plan_mail(desk_, event, opts_.public_url, opts_.from_name);
        // Every recipient gets a try, so one bad address does not hold up the
        // others; a transient failure stops the round (the whole event is
        // retried, and the Message-ID lets clients drop what they already
        // have), a permanent one is reported once the rest are sent.
        std::optional<detail::send_result> permanent;
        // `timeout` bounds the whole delivery, every recipient included, so
        // the relay's lease (at least twice the timeout) always outlasts it.
        const auto deadline = std::chrono::steady_clock::now() + opts_.timeout;
        for (const auto& request : mails) {
            if (!plausible_address(request.to.email)) {
                permanent = detail::send_result{detail::send_result::outcome::permanent, false, 0,
                                                "SMTP: recipient address is unusable"};
                continue;
            }
            const auto content = detail::render_mail(request);
            if (!content) {
                continue;
            }
            detail::mime_message message;
            message.from = {opts_.from_name, opts_.from};
            message.to = {detail::display_name(request.to), request.to.email};
            message.subject = content->subject;
            message.date = event.created_at;
            message.message_id = detail::make_message_id(event.id, event.created_at, request.to.email, opts_.from);
            message.text = content->text;
            message.html = content->html;
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) {
                throw delivery_failure("SMTP: the delivery used up its timeout before every recipient was sent",
                                       false);
            }
            const auto result = client_.send(opts_.from, request.to.email, detail::render_message(message), left);
            if (result.result == detail::send_result::outcome::sent) {
                continue;
            }
            if (result.result == detail::send_result::outcome::transient) {
                throw delivery_failure(result.reason, false);
            }
            if (result.affects_all) {
                throw delivery_failure(result.reason, true);
            }
            permanent = result;
        }
        if (permanent) {
            throw delivery_failure(permanent->reason, true);
        }
    }

private:
    engine& desk_;
    options opts_;
    detail::smtp_client client_;
};

} // namespace

std::shared_ptr<notifier> make_notifier(engine& desk, options opts) {
    return std::make_shared<smtp_notifier>(desk, validated(std::move(opts)));
}

} // namespace helpdesk::smtp
