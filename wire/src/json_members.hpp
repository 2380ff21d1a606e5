#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <string_view>

// Reading the members of a JSON request object, for the body and query readers.
namespace helpdesk::wire::detail {

/// The member `name`, or null when it is absent or JSON null (both mean "not sent").
[[nodiscard]] inline const boost::json::value* present(const boost::json::object& members, std::string_view name) {
    const auto* v = members.if_contains(name);
    return v == nullptr || v->is_null() ? nullptr : v;
}

/// A string member: nullopt when not sent, and also when it is of another
/// type, which sets `wrong_type`.
[[nodiscard]] inline std::optional<std::string> string_member(const boost::json::object& members,
                                                              std::string_view name, bool& wrong_type) {
    const auto* v = present(members, name);
    wrong_type = v != nullptr && !v->is_string();
    if (v == nullptr || wrong_type) {
        return std::nullopt;
    }
    return std::string{v->as_string()};
}

} // namespace helpdesk::wire::detail
