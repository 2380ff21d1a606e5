// hd_ticket_get, hd_ticket_list, hd_ticket_comments, hd_ticket_history, hd_ticket_stats.
#include "engine_handle.hpp"
#include "json_in.hpp"
#include "json_out.hpp"
#include "output.hpp"

#include <wire/list_queries.hpp>
#include <wire/page_views.hpp>

#include <boost/json/array.hpp>

namespace helpdesk::capi {

namespace {

// hd_ticket_list's `query_json` (NULL: the first page, newest first): the
// HTTP API's query parameters as a JSON object.
ticket_list_request read_list_query(const char* query_json) {
    return wire::read_ticket_list_query(
        wire::query_parameters::from_json(parse_optional_object(query_json, "query_json")));
}

boost::json::object ticket_page_json(const ticket_list& page) {
    boost::json::array rows;
    rows.reserve(page.results.size());
    for (const auto& t : page.results) {
        rows.push_back(ticket_json(t, page.people));
    }
    return wire::cursor_page_json(std::move(rows), page.count, page.next_cursor, page.has_next, page.has_previous);
}

} // namespace

} // namespace helpdesk::capi

using namespace helpdesk;

extern "C" {

HD_API int hd_ticket_get(char** out_ticket_json, hd_engine* engine, int64_t actor, int64_t ticket) {
    return capi::json_call(out_ticket_json, "out_ticket_json", [&] {
        return capi::ticket_details_json(capi::core_of(engine).tickets().get(actor, ticket));
    });
}

HD_API int hd_ticket_list(char** out_page_json, hd_engine* engine, int64_t actor, const char* query_json) {
    return capi::json_call(out_page_json, "out_page_json", [&] {
        auto& core = capi::core_of(engine);
        return capi::ticket_page_json(core.tickets().list(actor, capi::read_list_query(query_json)));
    });
}

HD_API int hd_ticket_comments(char** out_comments_json, hd_engine* engine, int64_t actor, int64_t ticket) {
    return capi::json_call(out_comments_json, "out_comments_json", [&] {
        boost::json::array out;
        for (const auto& c : capi::core_of(engine).tickets().comments(actor, ticket)) {
            out.push_back(wire::comment_json(c, {}, capi::c_view));
        }
        return out;
    });
}

HD_API int hd_ticket_history(char** out_history_json, hd_engine* engine, int64_t actor, int64_t ticket) {
    return capi::json_call(out_history_json, "out_history_json", [&] {
        boost::json::array out;
        for (const auto& e : capi::core_of(engine).tickets().history(actor, ticket)) {
            out.push_back(wire::history_json(e, {}, capi::c_view));
        }
        return out;
    });
}

HD_API int hd_ticket_stats(char** out_stats_json, hd_engine* engine, int64_t actor) {
    return capi::json_call(out_stats_json, "out_stats_json", [&] {
        return wire::stats_json(capi::core_of(engine).tickets().stats(actor));
    });
}

} // extern "C"
