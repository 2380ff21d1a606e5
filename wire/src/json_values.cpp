#include <wire/json_values.hpp>

namespace helpdesk::wire {

boost::json::value optional_text(const std::optional<std::string>& text, boost::json::storage_ptr sp) {
    return text ? boost::json::value(*text, std::move(sp)) : boost::json::value(nullptr, std::move(sp));
}

boost::json::value optional_time(const std::optional<time_point>& t, boost::json::storage_ptr sp) {
    return t ? boost::json::value(to_rfc3339(*t), std::move(sp)) : boost::json::value(nullptr, std::move(sp));
}

boost::json::value optional_number(const std::optional<std::int64_t>& n, boost::json::storage_ptr sp) {
    return n ? boost::json::value(*n, std::move(sp)) : boost::json::value(nullptr, std::move(sp));
}

} // namespace helpdesk::wire
