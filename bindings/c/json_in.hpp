#pragma once

#include <wire/query_parameters.hpp>
#include <wire/request_fields.hpp>

#include <boost/json/object.hpp>

namespace helpdesk::capi {

/// Parses `text`, the JSON object passed as the argument named `parameter`.
/// Throws invalid_argument for NULL, for text that is not JSON, and for JSON
/// that is not an object.
[[nodiscard]] boost::json::object parse_object(const char* text, const char* parameter);
/// Same, but NULL reads as an empty object.
[[nodiscard]] boost::json::object parse_optional_object(const char* text, const char* parameter);

/// A request body passed as JSON text, for the wire layer's readers.
[[nodiscard]] inline wire::request_fields parse_request(const char* text, const char* parameter) {
    return wire::request_fields{parse_object(text, parameter)};
}

/// What the wire layer's `read` (`wire::read_sign_up`, ...) makes of the
/// request body passed as JSON text in the parameter `request_json`.
template <class Reader>
[[nodiscard]] auto read_request_json(const char* request_json, Reader read) {
    auto body = parse_request(request_json, "request_json");
    return read(body);
}

/// A list call's `query_json` (NULL: the first page), the HTTP API's query
/// parameters as one JSON object, read by the wire layer's `reader` (such as
/// wire::read_page_query), which refuses what it does not understand.
template <class Reader>
[[nodiscard]] auto read_query(const char* query_json, Reader&& reader) {
    return reader(wire::query_parameters::from_json(parse_optional_object(query_json, "query_json")));
}

} // namespace helpdesk::capi
