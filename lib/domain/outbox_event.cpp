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

} // namespace helpdesk
