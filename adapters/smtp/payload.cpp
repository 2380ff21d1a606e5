#include "payload.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <stdexcept>

namespace helpdesk::smtp::detail {

payload_fields read_payload(std::string_view json) {
    boost::system::error_code ec;
    const auto parsed = boost::json::parse(json, ec);
    if (ec || !parsed.is_object()) {
        throw std::invalid_argument("the event payload is not a JSON object");
    }
    payload_fields fields;
    for (const auto& [key, value] : parsed.as_object()) {
        std::string text;
        switch (value.kind()) {
        case boost::json::kind::string: text = std::string{value.get_string()}; break;
        case boost::json::kind::int64: text = std::to_string(value.get_int64()); break;
        case boost::json::kind::uint64: text = std::to_string(value.get_uint64()); break;
        case boost::json::kind::bool_: text = value.get_bool() ? "true" : "false"; break;
        default: continue;
        }
        fields.emplace(std::string{key}, std::move(text));
    }
    return fields;
}

std::string field(const payload_fields& fields, std::string_view key) {
    const auto found = fields.find(key);
    return found == fields.end() ? std::string{} : found->second;
}

} // namespace helpdesk::smtp::detail
