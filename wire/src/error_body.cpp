#include <wire/error_body.hpp>

#include <boost/json/array.hpp>

namespace helpdesk::wire {

boost::json::object field_errors_json(const field_errors& fields) {
    boost::json::object o;
    for (const auto& [name, messages] : fields) {
        boost::json::array list;
        for (const auto& m : messages) {
            list.emplace_back(m);
        }
        o[name] = std::move(list);
    }
    return o;
}

boost::json::object error_body(std::string_view code, std::string_view detail, const field_errors& fields) {
    boost::json::object body;
    body["error"] = code;
    body["detail"] = detail;
    if (!fields.empty()) {
        body["field_errors"] = field_errors_json(fields);
    }
    return body;
}

} // namespace helpdesk::wire
