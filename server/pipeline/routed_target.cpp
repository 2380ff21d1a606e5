#include "pipeline/routed_target.hpp"

#include <boost/url/parse.hpp>

#include <string_view>

namespace helpdesk::server {

routed_target route_target(const request_header& header) {
    routed_target out;
    const auto parsed = boost::urls::parse_origin_form(std::string_view{header.target().data(), header.target().size()});
    if (!parsed) {
        return out;
    }
    out.url = *parsed;
    out.match = match_route(header.method(), parsed->encoded_path());
    return out;
}

} // namespace helpdesk::server
