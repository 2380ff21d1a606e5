#include <helpdesk/domain/sla_measure.hpp>

#include "domain/enum_names.hpp"

namespace helpdesk {

namespace {
constexpr std::pair<sla_state, std::string_view> state_names[] = {{sla_state::on_track, "on_track"},
                                                                  {sla_state::at_risk, "at_risk"},
                                                                  {sla_state::breached, "breached"},
                                                                  {sla_state::met, "met"},
                                                                  {sla_state::paused, "paused"}};
} // namespace

std::string_view to_string(sla_state s) noexcept {
    return detail::enum_name(state_names, s);
}

std::optional<sla_state> parse_sla_state(std::string_view text) noexcept {
    return detail::parse_enum(state_names, text);
}

} // namespace helpdesk
