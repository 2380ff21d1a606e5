#include "app/query.hpp"

#include <string>
#include <utility>
#include <vector>

namespace helpdesk::server {

wire::query_parameters url_query(const call& c) {
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const auto& p : c.url.params()) {
        pairs.emplace_back(p.key, p.value);
    }
    return wire::query_parameters::from_url(std::move(pairs));
}

} // namespace helpdesk::server
