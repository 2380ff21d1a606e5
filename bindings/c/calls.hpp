#pragma once

#include "engine_handle.hpp"
#include "json_in.hpp"
#include "output.hpp"
#include "pages.hpp"

#include <wire/list_queries.hpp>

/// The bodies most C calls share: one resource out, or one page of a list
/// that only pages.
namespace helpdesk::capi {

/// A call answering with one resource: `act(engine)` does the work and
/// returns it, `view` makes its JSON, which goes to `*out` (named `out_name`)
/// as `json_call` says.
template <class Act, class View>
int resource_call(char** out, const char* out_name, hd_engine* handle, Act act, View view) noexcept {
    return json_call(out, out_name, [&] { return view(act(desk_of(handle))); });
}

/// A list that only pages (`query_json`: NULL or {"page", "page_size",
/// "cursor"}): `list(engine, request)` reads the page, each row goes through
/// `view_row`, and the page goes to `*out_page_json`.
template <class List, class View>
int paged_call(char** out_page_json, hd_engine* handle, const char* query_json, List list, View view_row) noexcept {
    return json_call(out_page_json, "out_page_json", [&] {
        auto& desk = desk_of(handle);
        const auto request = read_query(query_json, wire::read_page_query);
        return page_json(list(desk, request), view_row);
    });
}

} // namespace helpdesk::capi
