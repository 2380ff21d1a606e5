#include "app/query.hpp"

#include <helpdesk/error.hpp>

#include <charconv>

namespace helpdesk::server {

std::optional<std::string> query_text(const call& c, std::string_view name) {
    std::optional<std::string> out;
    for (const auto& p : c.url.params()) {
        if (p.key == name) {
            out = p.value;
        }
    }
    return out;
}

std::vector<std::string> query_all(const call& c, std::string_view name) {
    std::vector<std::string> out;
    for (const auto& p : c.url.params()) {
        if (p.key != name) {
            continue;
        }
        std::string_view rest = p.value;
        while (!rest.empty()) {
            const auto comma = rest.find(',');
            const auto item = rest.substr(0, comma);
            if (!item.empty()) {
                out.emplace_back(item);
            }
            if (comma == std::string_view::npos) {
                break;
            }
            rest.remove_prefix(comma + 1);
        }
    }
    return out;
}

std::int64_t query_int(const call& c, std::string_view name, std::int64_t fallback) {
    const auto text = query_text(c, name);
    if (!text) {
        return fallback;
    }
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (text->empty() || ec != std::errc{} || end != text->data() + text->size()) {
        throw error(errc::invalid_argument, "The query parameter " + std::string{name} + " must be an integer.",
                    {{std::string{name}, {"Must be an integer."}}});
    }
    return value;
}

std::optional<std::int64_t> query_id(const call& c, std::string_view name) {
    if (!query_text(c, name)) {
        return std::nullopt;
    }
    const auto value = query_int(c, name, 0);
    if (value <= 0) {
        throw error(errc::invalid_argument, "The query parameter " + std::string{name} + " must be a positive id.",
                    {{std::string{name}, {"Must be a positive id."}}});
    }
    return value;
}

} // namespace helpdesk::server
