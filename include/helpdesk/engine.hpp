#pragma once

#include <helpdesk/domain/catalog.hpp>
#include <helpdesk/error.hpp>
#include <helpdesk/ports/blob_store.hpp>
#include <helpdesk/ports/clock.hpp>
#include <helpdesk/ports/random_source.hpp>
#include <helpdesk/ports/store.hpp>
#include <helpdesk/ports/time_zones.hpp>
#include <helpdesk/security/password.hpp>
#include <helpdesk/services/account_service.hpp>
#include <helpdesk/services/api_key_service.hpp>
#include <helpdesk/services/assignment_service.hpp>
#include <helpdesk/services/canned_reply_service.hpp>
#include <helpdesk/services/outbox_service.hpp>
#include <helpdesk/services/rate_limit_service.hpp>
#include <helpdesk/services/session_service.hpp>
#include <helpdesk/services/scheduler_service.hpp>
#include <helpdesk/services/sla_service.hpp>
#include <helpdesk/services/ticket_service.hpp>

#include <chrono>
#include <cstdint>
#include <memory>

namespace helpdesk {

namespace detail {
class sla_policy_cache;
}

/// Tunables of an engine; the defaults are those docs/product.md describes.
struct engine_options {
    catalog choices = catalog::defaults();
    std::int32_t password_iterations = default_password_iterations;
    std::chrono::seconds reset_token_lifetime{3600};
    std::int64_t max_attachment_bytes = 10 * 1024 * 1024;
    std::int32_t max_attachments_per_ticket = 10;
    std::int64_t max_image_bytes = 2 * 1024 * 1024;
    std::int32_t max_delivery_attempts = 8;
    std::chrono::seconds first_retry_delay{30};   ///< doubled after each failure
    std::chrono::seconds delivery_lease{120};     ///< how long a claimed event is withheld from other workers
    /// A Resolved ticket without an answer from its owner this long is closed
    /// by the scheduler; zero never closes one (docs/product.md#automations).
    std::chrono::seconds auto_close_after{std::chrono::days{7}};
    /// The owner of a ticket Pending this long is reminded once; zero never reminds.
    std::chrono::seconds pending_reminder_after{std::chrono::days{3}};
};

/// What an engine runs on. `db` is required; the rest default to the
/// system clock, OpenSSL's random bytes, an in-memory blob store and a
/// time-zone database of UTC alone (pass `tz::system_time_zones()` from
/// helpdesk/adapters/time_zones.hpp for every IANA zone).
struct engine_parts {
    std::shared_ptr<store> db{};
    std::shared_ptr<blob_store> blobs{};
    std::shared_ptr<clock> time_source{};
    std::shared_ptr<random_source> random{};
    std::shared_ptr<time_zones> zones{};
};

/// Shared state of one engine's services (internal; embedders use `engine`).
class engine_context {
public:
    /// Fills in the default clock, randomness and blob store; throws invalid_argument without a store.
    engine_context(engine_parts parts, engine_options options);
    /// Out of line: the policy cache is an incomplete type here.
    ~engine_context();
    engine_context(const engine_context&) = delete;
    engine_context& operator=(const engine_context&) = delete;
    /// The store every service call opens its transaction on.
    store& db() noexcept { return *parts_.db; }
    /// Where attachment and image bytes go.
    blob_store& blobs() noexcept { return *parts_.blobs; }
    /// The injected clock.
    const clock& time_source() const noexcept { return *parts_.time_source; }
    /// The injected randomness (salts, tokens, blob keys).
    random_source& random() noexcept { return *parts_.random; }
    /// The time-zone database SLA calendars are read with.
    const time_zones& zones() const noexcept { return *parts_.zones; }
    /// The SLA policy versions read so far (they never change).
    detail::sla_policy_cache& sla_policies() noexcept { return *sla_policies_; }
    /// The options the engine was built with.
    const engine_options& options() const noexcept { return options_; }

private:
    engine_parts parts_;
    engine_options options_;
    std::unique_ptr<detail::sla_policy_cache> sla_policies_;
};

/// The help desk: services over one store. No global state; several engines
/// may live in one process. Thread-safe: services may be called from any
/// number of threads at once. Not copyable or movable (services refer to it).
class engine {
public:
    /// Throws `error{invalid_argument}` when `parts.db` is null.
    explicit engine(engine_parts parts, engine_options options = {});
    /// Not copyable: the services refer to the engine's context.
    engine(const engine&) = delete;
    engine& operator=(const engine&) = delete;

    /// Accounts, approvals, credentials and password resets.
    [[nodiscard]] account_service& accounts() noexcept { return accounts_; }
    /// The ticket lifecycle, comments, attachments, lists and stats.
    [[nodiscard]] ticket_service& tickets() noexcept { return tickets_; }
    /// Reading and settling outbox events.
    [[nodiscard]] outbox_service& outbox() noexcept { return outbox_; }
    /// Refresh-token sessions: open, rotate, close, revoke.
    [[nodiscard]] session_service& sessions() noexcept { return sessions_; }
    /// Rate limits shared through the store.
    [[nodiscard]] rate_limit_service& limits() noexcept { return limits_; }
    /// API keys of external systems: made, listed and revoked by System Admins; checked per request.
    [[nodiscard]] api_key_service& api_keys() noexcept { return api_keys_; }
    /// The SLA policy: read and changed (a new version each time) by System Admins.
    [[nodiscard]] sla_service& sla() noexcept { return sla_; }
    /// The work that falls due with time (SLA notices): `scheduler().run_once(now)`.
    [[nodiscard]] scheduler_service& scheduler() noexcept { return scheduler_; }
    /// Canned replies: staff members' own and shared ones, rendered for a ticket.
    [[nodiscard]] canned_reply_service& canned_replies() noexcept { return canned_replies_; }
    /// Automatic assignment: staff availability and each department's mode.
    [[nodiscard]] assignment_service& assignment() noexcept { return assignment_; }
    /// The configured departments and categories.
    [[nodiscard]] const catalog& choices() const noexcept { return context_.options().choices; }
    /// The options the engine was built with (catalogue, limits).
    [[nodiscard]] const engine_options& options() const noexcept { return context_.options(); }

private:
    engine_context context_;
    account_service accounts_{context_};
    ticket_service tickets_{context_};
    outbox_service outbox_{context_};
    session_service sessions_{context_};
    rate_limit_service limits_{context_};
    api_key_service api_keys_{context_};
    sla_service sla_{context_};
    scheduler_service scheduler_{context_};
    canned_reply_service canned_replies_{context_};
    assignment_service assignment_{context_};
};

} // namespace helpdesk
