// hd_ticket_get, hd_ticket_list, hd_ticket_comments_page, hd_ticket_history_page,
// hd_ticket_comments, hd_ticket_history, hd_ticket_stats.
#include "engine_handle.hpp"
#include "json_in.hpp"
#include "json_out.hpp"
#include "output.hpp"

#include <wire/list_queries.hpp>
#include <wire/page_views.hpp>

#include <helpdesk/services/paging.hpp>

#include <boost/json/array.hpp>

namespace helpdesk::capi {

namespace {

/// Each of `rows` through `view_row`, in order.
template <class T, class View>
boost::json::array json_rows(const std::vector<T>& rows, View view_row) {
    boost::json::array out;
    out.reserve(rows.size());
    for (const auto& row : rows) {
        out.push_back(view_row(row));
    }
    return out;
}

/// A page in the C envelope: {"count", "results", "next_cursor", "has_next",
/// "has_previous"}, each row through `view_row`.
template <class T, class View>
boost::json::object page_json(const list_page<T>& page, View view_row) {
    return wire::cursor_page_json(json_rows(page.results, view_row), page);
}

} // namespace

} // namespace helpdesk::capi

using namespace helpdesk;

extern "C" {

HD_API int hd_ticket_get(char** out_ticket_json, hd_engine* engine, int64_t actor, int64_t ticket) {
    return capi::json_call(out_ticket_json, "out_ticket_json", [&] {
        return capi::ticket_details_json(capi::desk_of(engine).tickets().get(actor, ticket));
    });
}

HD_API int hd_ticket_list(char** out_page_json, hd_engine* engine, int64_t actor, const char* query_json) {
    return capi::json_call(out_page_json, "out_page_json", [&] {
        const auto request = capi::read_query(query_json, wire::read_ticket_list_query);
        const auto page = capi::desk_of(engine).tickets().list(actor, request);
        return capi::page_json(page, [&](const ticket& t) { return capi::ticket_json(t, page.people, page.as_of); });
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
