#include "domain/enum_names.hpp"

#include <helpdesk/domain/outbox_event.hpp>

namespace helpdesk {
namespace {
constexpr std::pair<outbox_state, std::string_view> state_names[] = {
    {outbox_state::pending, "pending"}, {outbox_state::delivered, "delivered"}, {outbox_state::dead, "dead"},
};
} // namespace

std::string_view to_string(outbox_state s) noexcept { return detail::enum_name(state_names, s); }
std::optional<outbox_state> parse_outbox_state(std::string_view text) noexcept {
    return detail::parse_enum(state_names, text);
}

std::string join_channel_names(const std::vector<std::string>& names) {
    std::string joined;
    for (const auto& name : names) {
        if (!joined.empty()) {
            joined += ',';
        }
        joined += name;
    }
    return joined;
}

std::vector<std::string> split_channel_names(std::string_view joined) {
    std::vector<std::string> names;
    while (!joined.empty()) {
        const auto comma = joined.find(',');
        const auto name = joined.substr(0, comma);
        if (!name.empty()) {
            names.emplace_back(name);
        }
        joined = comma == std::string_view::npos ? std::string_view{} : joined.substr(comma + 1);
    }
    return names;
}

} // namespace helpdesk
