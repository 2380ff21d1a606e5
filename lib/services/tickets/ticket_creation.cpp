// Raising a ticket, with its files, once per Idempotency-Key.
#include "services/accounts/account_checks.hpp"
#include "services/tickets/idempotency.hpp"
#include "services/tickets/ticket_change.hpp"
#include "services/tickets/ticket_input.hpp"
#include "services/tickets/ticket_sla.hpp"
#include "services/tickets/ticket_uploads.hpp"

#include <helpdesk/services/ticket_service.hpp>

namespace helpdesk {

ticket_details ticket_service::create(account_id actor_id, const create_ticket_request& r,
                                      std::optional<std::string_view> idempotency_key) {
    const auto now = context_.time_source().now();
    auto checked = detail::check_new_ticket(r, idempotency_key, context_.options(), now);
    const auto fingerprint = idempotency_key ? detail::request_fingerprint(r) : std::string{};

    return detail::in_upload_transaction(context_, [&](transaction& tx, detail::upload_guard& uploads) {
        const auto owner = tx.accounts().find(actor_id);
        if (!owner) {
            throw error(errc::unauthenticated, "the acting account does not exist");
        }
        const auto who = detail::actor_of(*owner); // a deactivated owner is refused like any actor
        can(who, action::create, nullptr).enforce();
        if (idempotency_key) {
            if (const auto first = tx.tickets().find_idempotency(actor_id, *idempotency_key)) {
                if (first->second != fingerprint) {
                    throw error(errc::conflict, "this Idempotency-Key was used for a different request");
                }
                return detail::details_for(tx, detail::require_ticket(tx, first->first), who, now);
            }
        }
        auto t = checked.fields;
        t.employee = actor_id;
        t.ticket_number = format_ticket_number(tx.tickets().next_ticket_sequence());
        t.submit_date = now;
        t.update_date = now;
        detail::measure_new_ticket(context_, tx, t);
        tx.tickets().insert(t);
        detail::record_history(tx, t, actor_id, now, history_kind::created, std::nullopt,
                               std::string{to_string(t.status)});
        // Everything the detail view shows is at hand: no need to read it back.
        ticket_details created{.item = {}, .employee = detail::summarize(*owner), .assigned_to = std::nullopt,
                               .attachments = {}, .comments = {}, .comment_authors = {}, .viewer = who,
                               .as_of = now};
        for (const auto& file : checked.files) {
            created.attachments.push_back(detail::store_file(context_, tx, uploads, t, file, actor_id, now));
        }
        if (idempotency_key) {
            try {
                tx.tickets().insert_idempotency(actor_id, *idempotency_key, fingerprint, t.id, now);
            } catch (const error& e) {
                // A concurrent retry with the same key got there first:
                // re-run, and the lookup above returns its ticket.
                if (e.code() == errc::conflict) {
                    throw transient_conflict("a concurrent request used the same Idempotency-Key");
                }
                throw;
            }
        }
        detail::record_event(tx, now, event_kind::ticket_created, actor_id, t.id, detail::ticket_payload(t, actor_id));
        created.item = t;
        return created;
    });
}

} // namespace helpdesk
