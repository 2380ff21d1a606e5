#pragma once

#include "services/field_checker.hpp"

#include <helpdesk/engine.hpp>
#include <helpdesk/rules/policy.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace helpdesk::detail {

/// A suffix as given (blank is none), refused unless one of `name_suffixes`.
[[nodiscard]] std::optional<std::string> check_suffix(field_checker& check, const std::optional<std::string>& suffix);

/// A new password and its confirmation: required, strong enough, equal.
void check_new_password(field_checker& check, std::string_view password, std::string_view confirm,
                        const std::string& field = "password");

/// The account as the policy sees it when it acts.
[[nodiscard]] actor actor_of(const account& a);

/// The stored account; not_found when there is none.
[[nodiscard]] account require_account(transaction& tx, account_id id);

} // namespace helpdesk::detail
