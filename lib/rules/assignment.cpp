#include <helpdesk/rules/assignment.hpp>

#include "domain/enum_names.hpp"

#include <algorithm>
#include <iterator>

namespace helpdesk {
namespace {

constexpr std::pair<assignment_mode, std::string_view> mode_names[] = {
    {assignment_mode::none, "none"},
    {assignment_mode::round_robin, "round_robin"},
    {assignment_mode::least_open, "least_open"},
};

} // namespace

std::string_view to_string(assignment_mode m) noexcept {
    return detail::enum_name(mode_names, m);
}

std::optional<assignment_mode> parse_assignment_mode(std::string_view text) noexcept {
    return detail::parse_enum(mode_names, text);
}

std::optional<account_id> choose_assignee(assignment_mode mode,
                                          std::span<const assignment_candidate> candidates,
                                          std::optional<account_id> last) noexcept {
    if (mode == assignment_mode::none || candidates.empty()) {
        return std::nullopt;
    }
    // The rotation starts after `last`: candidates with a greater id first, then the rest.
    const auto after_last =
        std::upper_bound(candidates.begin(), candidates.end(), last.value_or(0),
                         [](account_id id, const assignment_candidate& c) { return id < c.id; });
    const auto rank = [&](auto it) {
        return it >= after_last ? it - after_last : it - candidates.begin() + (candidates.end() - after_last);
    };
    auto best = candidates.begin();
    for (auto it = std::next(best); it != candidates.end(); ++it) {
        const bool fewer = mode == assignment_mode::least_open && it->open_tickets != best->open_tickets;
        if (fewer ? it->open_tickets < best->open_tickets : rank(it) < rank(best)) {
            best = it;
        }
    }
    return best->id;
}

} // namespace helpdesk
