// hd_ticket_get, hd_ticket_list, hd_ticket_queue, hd_ticket_comments_page,
// hd_ticket_history_page, hd_ticket_comments, hd_ticket_history, hd_ticket_stats.
#include "engine_handle.hpp"
#include "json_in.hpp"
#include "json_out.hpp"
#include "output.hpp"
#include "pages.hpp"

#include <wire/list_queries.hpp>

#include <helpdesk/error.hpp>

#include <string_view>

using namespace helpdesk;

namespace {

// A page of tickets with the people they name, SLA states at the page's instant.
boost::json::object ticket_page_json(const ticket_list& page) {
    return capi::page_json(page, [&](const ticket& t) { return capi::ticket_json(t, page.people, page.as_of); });
}

// The queue called `queue` ("new", "open", "mine").
ticket_list queue_page(ticket_service& tickets, std::int64_t actor, std::string_view queue, const page_request& asked) {
    if (queue == "new") {
        return tickets.new_queue(actor, asked);
    }
    if (queue == "open") {
        return tickets.open_queue(actor, asked);
    }
    if (queue == "mine") {
        return tickets.assigned_to_me(actor, asked);
    }
    throw error(errc::invalid_argument, "queue must be \"new\", \"open\" or \"mine\".",
                {{"queue", {"Must be new, open or mine."}}});
}

} // namespace

extern "C" {

HD_API int hd_ticket_get(char** out_ticket_json, hd_engine* engine, int64_t actor, int64_t ticket) {
    return capi::json_call(out_ticket_json, "out_ticket_json", [&] {
        return capi::ticket_details_json(capi::desk_of(engine).tickets().get(actor, ticket));
    });
}

HD_API int hd_ticket_list(char** out_page_json, hd_engine* engine, int64_t actor, const char* query_json) {
    return capi::json_call(out_page_json, "out_page_json", [&] {
        const auto request = capi::read_query(query_json, wire::read_ticket_list_query);
        return ticket_page_json(capi::desk_of(engine).tickets().list(actor, request));
    });
}

HD_API int hd_ticket_queue(char** out_page_json, hd_engine* engine, int64_t actor, const char* queue,
                           const char* query_json) {
    return capi::json_call(out_page_json, "out_page_json", [&] {
        auto& desk = capi::desk_of(engine);
        capi::require(queue, "queue");
        const auto request = capi::read_query(query_json, wire::read_page_query);
        return ticket_page_json(queue_page(desk.tickets(), actor, queue, request));
    });
}

HD_API int hd_ticket_comments_page(char** out_page_json, hd_engine* engine, int64_t actor, int64_t ticket,
                                   const char* query_json) {
    return capi::json_call(out_page_json, "out_page_json", [&] {
        const auto request = capi::read_query(query_json, wire::read_page_query);
        const auto page = capi::desk_of(engine).tickets().comment_page(actor, ticket, request);
        return capi::page_json(page, [&](const comment& c) { return wire::comment_json(c, page.authors, capi::c_view); });
    });
}

HD_API int hd_ticket_history_page(char** out_page_json, hd_engine* engine, int64_t actor, int64_t ticket,
                                  const char* query_json) {
    return capi::json_call(out_page_json, "out_page_json", [&] {
        const auto request = capi::read_query(query_json, wire::read_page_query);
        const auto page = capi::desk_of(engine).tickets().history_page(actor, ticket, request);
        return capi::page_json(page,
                               [&](const history_event& e) { return wire::history_json(e, page.actors, capi::c_view); });
    });
}

HD_API int hd_ticket_comments(char** out_comments_json, hd_engine* engine, int64_t actor, int64_t ticket) {
    return capi::json_call(out_comments_json, "out_comments_json", [&] {
        return capi::json_rows(capi::desk_of(engine).tickets().comments(actor, ticket),
                               [](const comment& c) { return wire::comment_json(c, {}, capi::c_view); });
    });
}

HD_API int hd_ticket_history(char** out_history_json, hd_engine* engine, int64_t actor, int64_t ticket) {
    return capi::json_call(out_history_json, "out_history_json", [&] {
        return capi::json_rows(
            capi::desk_of(engine).tickets().history(actor, ticket),
            [](const history_event& e) { return wire::history_json(e, {}, capi::c_view); });
    });
}

HD_API int hd_ticket_stats(char** out_stats_json, hd_engine* engine, int64_t actor) {
    return capi::json_call(out_stats_json, "out_stats_json", [&] {
        return wire::stats_json(capi::desk_of(engine).tickets().stats(actor));
    });
}

} // extern "C"
