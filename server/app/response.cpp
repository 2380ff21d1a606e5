#include "app/response.hpp"

#include <boost/json/serialize.hpp>

namespace helpdesk::server {

response json_response(const boost::json::value& body, http::status status) {
    response r;
    r.status = status;
    r.body = boost::json::serialize(body);
    return r;
}

response empty_response(http::status status) {
    response r;
    r.status = status;
    r.content_type.clear();
    return r;
}

} // namespace helpdesk::server
