#pragma once

#include "app/call.hpp"
#include "app/json_views.hpp"
#include "app/response.hpp"

#include <helpdesk/services/paging.hpp>

#include <boost/json/array.hpp>
#include <boost/json/storage_ptr.hpp>

namespace helpdesk::server::handlers {

/// A list route's answer: `p`'s rows through `view_row`, in the HTTP
/// envelope with links for the page `asked` (see `page_json`). The rows are
/// built in `sp`'s storage.
template <class T, class View>
[[nodiscard]] response list_response(const call& c, const list_page<T>& p, const page_request& asked, View view_row,
                                     boost::json::storage_ptr sp = {}) {
    boost::json::array rows(std::move(sp));
    rows.reserve(p.results.size());
    for (const auto& row : p.results) {
        rows.push_back(view_row(row));
    }
    return json_response(page_json(c, std::move(rows), p, asked));
}

} // namespace helpdesk::server::handlers
