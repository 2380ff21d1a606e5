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

/// One page of a ticket's comments or history as the actor may see it:
/// `read_page(tx, staff, window)` reads the rows, and each account that
/// `person_of(row)` names goes once into the thread's list `people`.
template <class Thread, class ReadPage, class PersonOf>
Thread thread_page(engine_context& context, account_id actor_id, ticket_id id, const page_request& request,
                   const detail::cursor_kind& kind, ReadPage read_page,
                   std::vector<account_summary> Thread::*people, PersonOf person_of) {
    const auto window = detail::window_of(request, kind);
    return read_visible(context, actor_id, id, [&](transaction& tx, const actor& who, const ticket&) {
        Thread out{detail::page_by_id(read_page(tx, is_staff(who.actor_role), window), request, kind)};
        out.*people = detail::summaries_of(tx, distinct_ids(out.results, person_of));
        return out;
    });
}

} // namespace

ticket_details ticket_service::get(account_id actor_id, ticket_id id) {
    return read_visible(context_, actor_id, id, [this](transaction& tx, const actor& who, const ticket& t) {
        return detail::details_for(tx, t, who, context_.time_source().now());
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
        return detail::details_for(tx, *t, who, context_.time_source().now());
    });
}

ticket_stats ticket_service::stats(account_id actor_id) {
    return detail::in_read_transaction(context_, [&](transaction& tx) {
        const auto who = detail::load_actor(tx, actor_id);
        can(who, action::view_stats, nullptr).enforce();
        // Employees count their own tickets; staff count all.
        return tx.tickets().stats(is_staff(who.actor_role) ? std::nullopt : std::optional{who.id},
                                  context_.time_source().now());
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
    const auto read_page = [id](transaction& tx, bool staff, const page_window& window) {
        return tx.tickets().comment_page(id, staff, window);
    };
    return thread_page(context_, actor_id, id, request, comment_cursor, read_page, &comment_thread::authors,
                       [](const comment& c) { return c.author; });
}

history_timeline ticket_service::history_page(account_id actor_id, ticket_id id, const page_request& request) {
    const auto read_page = [id](transaction& tx, bool staff, const page_window& window) {
        return tx.tickets().history_page(id, staff, window);
    };
    return thread_page(context_, actor_id, id, request, history_cursor, read_page, &history_timeline::actors,
                       [](const history_event& e) { return e.actor; });
}

} // namespace helpdesk
