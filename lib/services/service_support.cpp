#include "services/service_support.hpp"

#include "services/field_checker.hpp"

#include <limits>

namespace helpdesk::detail {

actor load_actor(transaction& tx, account_id id) {
    const auto found = tx.accounts().find(id);
    if (!found) {
        throw error(errc::unauthenticated, "the acting account does not exist");
    }
    return actor{found->id, found->account_role, found->status, found->is_active};
}

void record_event(transaction& tx, time_point now, std::string_view kind, std::optional<account_id> account,
                  std::optional<ticket_id> ticket, std::string payload, std::optional<std::string> secret) {
    outbox_event event;
    event.kind = std::string{kind};
    event.account = account;
    event.ticket = ticket;
    event.payload = std::move(payload);
    event.secret = std::move(secret);
    event.created_at = now;
    event.next_attempt_at = now;
    tx.outbox().insert(event);
}

std::int64_t page_offset(std::int64_t page_number, std::int64_t page_size) {
    field_checker check;
    if (page_number < 1) {
        check.fail("page", "Must be 1 or more.");
    }
    if (page_size < 1 || page_size > 100) {
        check.fail("page_size", "Must be between 1 and 100.");
    }
    check.throw_if_failed("invalid paging");
    if (page_number - 1 > std::numeric_limits<std::int64_t>::max() / page_size) {
        throw error(errc::invalid_argument, "invalid paging", {{"page", {"Too large."}}});
    }
    return (page_number - 1) * page_size;
}

} // namespace helpdesk::detail
