#pragma once

#include <helpdesk/ids.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace helpdesk {

/// How a department hands out tickets approved without an assignee
/// (docs/product.md#automatic-assignment).
enum class assignment_mode {
    none,        ///< they wait in the Open queue for someone to claim them
    round_robin, ///< each available coordinator in turn, by account id
    least_open,  ///< the available coordinator with the fewest open tickets
};

/// `"none"`, `"round_robin"`, `"least_open"`.
[[nodiscard]] std::string_view to_string(assignment_mode m) noexcept;
/// Inverse of `to_string(assignment_mode)`; nullopt for anything else.
[[nodiscard]] std::optional<assignment_mode> parse_assignment_mode(std::string_view text) noexcept;

/// Someone who may be given a ticket, and how many open tickets they hold.
struct assignment_candidate {
    account_id id = 0;
    std::int64_t open_tickets = 0;
};

/// The next assignee under `mode`, from `candidates` (sorted by id, each
/// once), after `last` (the department's previous automatic assignee):
/// round robin takes the first candidate after `last` in id order, wrapping
/// around; least open takes the fewest open tickets, ties going to the
/// first after `last` the same way. Nullopt for `none` or no candidates.
/// Deterministic: the same inputs give the same answer.
[[nodiscard]] std::optional<account_id> choose_assignee(assignment_mode mode,
                                                        std::span<const assignment_candidate> candidates,
                                                        std::optional<account_id> last) noexcept;

} // namespace helpdesk
