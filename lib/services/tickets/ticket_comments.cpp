// Adding a comment: public ones by the owner or staff, internal ones by staff.
#include "services/tickets/ticket_change.hpp"
#include "services/tickets/ticket_input.hpp"

#include <helpdesk/services/ticket_service.hpp>

namespace helpdesk {

posted_comment ticket_service::add_comment(account_id actor_id, ticket_id id, std::string_view text, bool internal) {
    detail::field_checker check;
    auto body = check.text("comment", text, detail::max_ticket_text);
    check.throw_if_failed();
    const auto now = context_.time_source().now();
    return detail::in_write_transaction(context_, [&](transaction& tx) {
        auto change = detail::begin_change(tx, actor_id, id,
                                           internal ? action::comment_internal : action::comment_public, std::nullopt);
        const auto& who = change.who;
        auto& t = change.item;
        const bool owner = t.employee == who.id;
        posted_comment out;
        out.item = detail::record_comment(tx, t, now, {.author = who.id, .text = body, .internal = internal});
        if (!internal) {
            if (is_staff(who.actor_role) && !owner) {
                detail::note_staff_response(t, now);
            }
            // The owner answering a Pending question puts the ticket back in work.
            const auto to = *lifecycle_target(action::comment_public, t.status);
            if (owner && to != t.status) {
                detail::move_status(tx, t, who.id, to, now);
            } else if (owner && t.status == ticket_status::resolved) {
                detail::note_owner_wait(t, now); // an answer: the auto-close counts from it
            }
            detail::record_event(tx, now, event_kind::comment_added, owner ? t.assigned_to : t.employee, t.id,
                                 detail::ticket_payload(t, who.id, {{"comment_id", std::to_string(out.item.id)}}));
        }
        detail::save(context_, tx, change, now, std::nullopt);
        out.author = detail::summarize(tx.accounts().find(who.id).value());
        return out;
    });
}

} // namespace helpdesk
