#include <wire/json_values.hpp>
#include <wire/page_views.hpp>

namespace helpdesk::wire {

boost::json::object page_json(boost::json::array results, std::optional<std::int64_t> count,
                              const std::optional<std::string>& next, const std::optional<std::string>& previous) {
    boost::json::object o(results.storage());
    o["count"] = optional_number(count);
    o["next"] = optional_text(next);
    o["previous"] = optional_text(previous);
    o["results"] = std::move(results);
    return o;
}

boost::json::object cursor_page_json(boost::json::array results, const page_info& page) {
    boost::json::object o(results.storage());
    o["count"] = optional_number(page.count);
    o["next_cursor"] = optional_text(page.next_cursor);
    o["has_next"] = page.has_next;
    o["has_previous"] = page.has_previous;
    o["results"] = std::move(results);
    return o;
}

} // namespace helpdesk::wire
