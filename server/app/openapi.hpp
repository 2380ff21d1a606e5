#pragma once

#include <boost/json/object.hpp>

#include <string>

namespace helpdesk::server {

/// The component schemas every route's body and response refer to.
[[nodiscard]] const boost::json::object& openapi_schemas();

/// The OpenAPI 3.0 description of every route in the route table, built
/// from the table itself (serialised once, then reused).
[[nodiscard]] const std::string& openapi_document();

} // namespace helpdesk::server
