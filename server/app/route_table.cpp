#include "app/route_table.hpp"

#include "app/route_groups.hpp"

#include <vector>

namespace helpdesk::server {

std::span<const route> route_table() {
    // Matching order is the groups' order, each group in its own order.
    static const std::vector<route> all = [] {
        std::vector<route> joined;
        for (const auto group : {route_groups::account_routes(), route_groups::ticket_routes(),
                                 route_groups::admin_routes()}) {
            joined.insert(joined.end(), group.begin(), group.end());
        }
        return joined;
    }();
    return all;
}

std::size_t served_by::metrics_index() const noexcept {
    const auto routes_count = route_table().size();
    switch (what) {
    case kind::route: return route_index;
    case kind::console: return routes_count;
    case kind::unmatched: return routes_count + 1;
    }
    return routes_count + 1;
}

std::vector<std::string> metrics_route_names() {
    std::vector<std::string> names;
    for (const auto& r : route_table()) {
        names.push_back(std::string{boost::beast::http::to_string(r.method)} + " " + std::string{r.pattern});
    }
    names.emplace_back("GET (web console)");
    return names;
}

} // namespace helpdesk::server

