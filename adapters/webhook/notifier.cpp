#include "http_post.hpp"
#include "outcome.hpp"
#include "payload.hpp"
#include "signature.hpp"
#include "subscription.hpp"

#include <helpdesk/adapters/webhook.hpp>
#include <helpdesk/engine.hpp>

#include <algorithm>
#include <chrono>
#include <string_view>

namespace helpdesk::webhook {
namespace {

// Kinds go into a header line verbatim, so anything but `[a-z0-9._-]` (a CR or
// LF above all) is refused rather than sent.
bool header_safe(std::string_view kind) noexcept {
    return !kind.empty() && std::all_of(kind.begin(), kind.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    });
}

class webhook_notifier final : public notifier {
public:
    webhook_notifier(engine& desk, options opts, detail::subscription sub)
        : desk_(desk), opts_(std::move(opts)), sub_(std::move(sub)) {}

    void deliver(const outbox_event& event) override {
        if (!detail::wants(sub_, event.kind)) {
            return;
        }
        if (!header_safe(event.kind)) {
            throw delivery_failure("outbox event " + std::to_string(event.id) + " has a malformed kind", true);
        }
        const auto body = opts_.format == payload_format::workflow ? workflow_body(event) : detail::event_body(event);
        // Real time, not the engine's clock: receivers compare it with their own
        // clocks to refuse replays.
        const auto timestamp = std::to_string(
            std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
                .count());

        detail::post_request request;
        request.target = &sub_.target;
        request.headers = {
            "Content-Type: application/json",
            "X-Helpdesk-Event: " + event.kind,
            "X-Helpdesk-Delivery: " + std::to_string(event.id),
            "X-Helpdesk-Timestamp: " + timestamp,
            "X-Helpdesk-Signature: " + detail::signature(opts_.secret, timestamp, body),
        };
        request.body = body;
        request.user_agent = "helpdesk-webhook/" HELPDESK_WEBHOOK_VERSION;
        request.timeout = opts_.timeout;
        request.verify_peer = opts_.verify_peer;

        const auto answer = detail::post(request);
        const auto verdict = detail::classify_status(answer.status);
        if (verdict == detail::verdict::delivered) {
            return;
        }
        std::string what = "POST " + sub_.target.origin + " answered HTTP " + std::to_string(answer.status);
        if (answer.status >= 300 && answer.status < 400) {
            what += " (redirects are not followed)";
        }
        if (!answer.excerpt.empty()) {
            what += ": " + answer.excerpt;
        }
        throw delivery_failure(what, verdict == detail::verdict::permanent);
    }

private:
    std::string workflow_body(const outbox_event& event) {
        if (!event.ticket) {
            throw delivery_failure("outbox event " + std::to_string(event.id) + " (" + event.kind +
                                       ") concerns no ticket",
                                   true);
        }
        const auto details = desk_.outbox().ticket_snapshot(*event.ticket);
        if (!details) {
            throw delivery_failure("ticket " + std::to_string(*event.ticket) + " no longer exists", true);
        }
        return detail::workflow_body(event, *details, opts_.attachment_link);
    }

    engine& desk_;
    const options opts_;
    const detail::subscription sub_;
};

} // namespace

std::shared_ptr<notifier> make_notifier(engine& desk, options opts) {
    auto sub = detail::check(opts);
    return std::make_shared<webhook_notifier>(desk, std::move(opts), std::move(sub));
}

} // namespace helpdesk::webhook
