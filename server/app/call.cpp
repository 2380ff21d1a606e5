#include "app/call.hpp"

#include <helpdesk/error.hpp>

#include <charconv>

namespace helpdesk::server {

namespace {
std::optional<std::int64_t> to_int(std::string_view text) noexcept {
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}
} // namespace

std::int64_t call::id_param(std::size_t index) const {
    const auto value = index < params.size() ? to_int(params[index]) : std::nullopt;
    if (!value || *value <= 0) {
        throw error(errc::not_found, "Nothing has that id.");
    }
    return *value;
}

std::optional<std::string_view> call::header(std::string_view name) const {
    const auto it = req.find(name);
    if (it == req.end()) {
        return std::nullopt;
    }
    return std::string_view{it->value().data(), it->value().size()};
}

std::optional<std::int64_t> call::if_match() const {
    auto value = header("If-Match");
    if (!value) {
        return std::nullopt;
    }
    auto text = *value;
    // Accept the bare version and the entity-tag forms "7" and W/"7".
    if (text.starts_with("W/")) {
        text.remove_prefix(2);
    }
    if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
        text = text.substr(1, text.size() - 2);
    }
    const auto version = to_int(text);
    if (!version || *version < 1) {
        throw error(errc::invalid_argument, "If-Match must carry the ticket's version.",
                    {{"If-Match", {"Must be the ticket's version, a positive integer."}}});
    }
    return version;
}

} // namespace helpdesk::server
