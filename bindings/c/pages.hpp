#pragma once

#include <wire/page_views.hpp>

#include <helpdesk/services/paging.hpp>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <vector>

/// The rows and pages of the C ABI's list calls.
namespace helpdesk::capi {

/// Each of `rows` through `view_row`, in order.
template <class T, class View>
[[nodiscard]] boost::json::array json_rows(const std::vector<T>& rows, View view_row) {
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
[[nodiscard]] boost::json::object page_json(const list_page<T>& page, View view_row) {
    return wire::cursor_page_json(json_rows(page.results, view_row), page);
}

} // namespace helpdesk::capi
