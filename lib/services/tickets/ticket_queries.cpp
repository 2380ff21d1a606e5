// Reading one ticket: its detail view, comments, history, and the stats.
#include "services/field_checker.hpp"
#include "services/paging.hpp"
#include "services/tickets/ticket_change.hpp"

#include <helpdesk/services/ticket_service.hpp>

#include <algorithm>

namespace helpdesk {
namespace {

/// Each distinct id of `rows` (by `id_of`), in first-seen order.
template <class Row, class IdOf>
std::vector<account_id> distinct_ids(const std::vector<Row>& rows, IdOf id_of) {
    std::vector<account_id> ids;
    for (const auto& row : rows) {
        const std::optional<account_id> id = id_of(row);
        if (id && std::find(ids.begin(), ids.end(), *id) == ids.end()) {
            ids.push_back(*id);
        }
    }
    return ids;
}

// A ticket's comments and history page by id, oldest first.
constexpr detail::cursor_kind comment_cursor{'c', false, false};
constexpr detail::cursor_kind history_cursor{'h', false, false};

/// Runs `read(tx, who, ticket)` in one read transaction once the policy lets
/// the actor view the ticket `id`.
template <class Read>
auto read_visible(engine_context& context, account_id actor_id, ticket_id id, Read&& read) {
    return detail::in_read_transaction(context, [&](transaction& tx) {
        const auto who = detail::load_actor(tx, actor_id);
        const auto t = detail::require_ticket(tx, id);
        can(who, action::view, &t).enforce();
        return read(tx, who, t);
    });
}

} // namespace

ticket_details ticket_service::get(account_id actor_id, ticket_id id) {
    return read_visible(context_, actor_id, id, [](transaction& tx, const actor& who, const ticket& t) {
        return detail::details_for(tx, t, who);
    });
}

ticket_details ticket_service::get_by_number(account_id actor_id, std::string_view number) {
    return detail::in_read_transaction(context_, [&](transaction& tx) {
        const auto who = detail::load_actor(tx, actor_id);
        const auto t = tx.tickets().find_by_number(detail::trim(number));
        if (!t) {
            throw error(errc::not_found, "ticket not found");
        }
        can(who, action::view, &*t).enforce();
        return detail::details_for(tx, *t, who);
    });
}

ticket_stats ticket_service::stats(account_id actor_id) {
    return detail::in_read_transaction(context_, [&](transaction& tx) {
        const auto who = detail::load_actor(tx, actor_id);
        can(who, action::view_stats, nullptr).enforce();
        // Employees count their own tickets; staff count all.
        return tx.tickets().stats(is_staff(who.actor_role) ? std::nullopt : std::optional{who.id});
    });
}

std::vector<comment> ticket_service::comments(account_id actor_id, ticket_id id) {
    return read_visible(context_, actor_id, id, [&](transaction& tx, const actor& who, const ticket&) {
        return tx.tickets().comments(id, is_staff(who.actor_role));
    });
}

std::vector<history_event> ticket_service::history(account_id actor_id, ticket_id id) {
    return read_visible(context_, actor_id, id, [&](transaction& tx, const actor& who, const ticket&) {
        return tx.tickets().history(id, is_staff(who.actor_role));
    });
}

comment_thread ticket_service::comment_page(account_id actor_id, ticket_id id, const page_request& request) {
    const auto window = detail::window_of(request, comment_cursor);
    return read_visible(context_, actor_id, id, [&](transaction& tx, const actor& who, const ticket&) {
        comment_thread out;
        static_cast<list_page<comment>&>(out) = detail::page_by_id(
            tx.tickets().comment_page(id, is_staff(who.actor_role), window), request, comment_cursor);
        out.authors = detail::summaries_of(tx, distinct_ids(out.results, [](const comment& c) { return c.author; }));
        return out;
    });
}

history_timeline ticket_service::history_page(account_id actor_id, ticket_id id, const page_request& request) {
    const auto window = detail::window_of(request, history_cursor);
    return read_visible(context_, actor_id, id, [&](transaction& tx, const actor& who, const ticket&) {
        history_timeline out;
        static_cast<list_page<history_event>&>(out) = detail::page_by_id(
            tx.tickets().history_page(id, is_staff(who.actor_role), window), request, history_cursor);
        out.actors = detail::summaries_of(tx, distinct_ids(out.results, [](const history_event& e) { return e.actor; }));
        return out;
    });
}

} // namespace helpdesk
