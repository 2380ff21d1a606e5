#include "json_in.hpp"

#include "errors.hpp"

#include <boost/json/parse.hpp>

namespace helpdesk::capi {

boost::json::object parse_object(const char* text, const char* parameter) {
    require(text, parameter);
    boost::system::error_code ec;
    auto value = boost::json::parse(text, ec);
    if (ec) {
        throw error(errc::invalid_argument, std::string{parameter} + " is not valid JSON: " + ec.message() + ".",
                    {{parameter, {"Not valid JSON."}}});
    }
    if (!value.is_object()) {
        throw error(errc::invalid_argument, std::string{parameter} + " must be a JSON object.",
                    {{parameter, {"Must be a JSON object."}}});
    }
    return std::move(value.as_object());
}

boost::json::object parse_optional_object(const char* text, const char* parameter) {
    return text == nullptr ? boost::json::object{} : parse_object(text, parameter);
}

} // namespace helpdesk::capi
