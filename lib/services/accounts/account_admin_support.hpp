#pragma once

#include "services/field_checker.hpp"
#include "services/json_object.hpp"

#include <helpdesk/engine.hpp>
#include <helpdesk/services/account_service.hpp>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace helpdesk::detail {

/// The start of an account event's payload: who the account is
/// (`account_id`, `email`, `first_name`, `last_name`).
[[nodiscard]] json_object account_fields(const account& a);

/// Refuses (conflict) to take `a` out of `admins`, the active System Admins
/// counted in this transaction, when it is the last of them; `what` says how
/// ("demoted", "deactivated").
void keep_an_admin(const std::vector<account_id>& admins, const account& a, std::string_view what);

/// Appends one account-history entry.
void record_account_change(transaction& tx, account_id account, account_id actor, time_point now,
                           std::string field, std::optional<std::string> old_value,
                           std::optional<std::string> new_value);

/// Announces a change of `a` in the outbox, to the account itself: who it is,
/// its role and whether it is active, who changed it, plus `extra`.
void record_account_event(transaction& tx, time_point now, std::string_view kind, const account& a,
                          account_id actor, std::initializer_list<std::pair<std::string_view, std::string>> extra = {});

/// Gives every open ticket assigned to `assignee` back to the queue: the
/// assignee is cleared (an `unassigned` history row), an In Progress ticket
/// moves to Open (announced to its owner), a public note gives `reason`, and
/// the version is bumped (and the SLA clocks measured again, as every ticket
/// change does). Returns how many tickets were released.
std::int64_t release_assignments(engine_context& context, transaction& tx, account_id assignee, account_id actor,
                                 time_point now, std::string_view reason);

/// An admin's account edit, checked before any transaction opens.
struct checked_account_update {
    field_checker check{};
    std::optional<std::string> first_name{};
    std::optional<std::string> last_name{};
    std::optional<std::string> middle_name{};  ///< nullopt also when cleared
    std::optional<std::string> suffix{};       ///< nullopt also when cleared
    std::optional<std::string> department{};
};

/// Checks `changes` with the sign-up rules; failures are kept in `check`.
[[nodiscard]] checked_account_update check_account_update(const account_update& changes, const catalog& choices);

/// Applies the fields `changes` names to `a`, with the values `checked` holds.
void apply_account_update(account& a, const account_update& changes, const checked_account_update& checked);

/// One field that differs between two versions of an account.
struct field_change {
    std::string field{};
    std::optional<std::string> old_value{};
    std::optional<std::string> new_value{};
};

/// The names and department that differ between `before` and `after`, in a fixed order.
[[nodiscard]] std::vector<field_change> changed_fields(const account& before, const account& after);

} // namespace helpdesk::detail
