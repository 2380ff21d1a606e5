#include "services/accounts/account_checks.hpp"

#include <helpdesk/security/password.hpp>

#include <algorithm>

namespace helpdesk::detail {

std::optional<std::string> check_suffix(field_checker& check, const std::optional<std::string>& suffix) {
    if (!suffix || detail::trim(*suffix).empty()) {
        return std::nullopt;
    }
    const auto s = detail::trim(*suffix);
    if (std::find(std::begin(name_suffixes), std::end(name_suffixes), s) == std::end(name_suffixes)) {
        check.fail("suffix", "Select a valid choice.");
    }
    return std::string{s};
}

void check_new_password(field_checker& check, std::string_view password, std::string_view confirm,
                        const std::string& field) {
    if (password.empty()) {
        check.fail(field, "This field is required.");
        return;
    }
    if (auto weakness = password_weakness(password)) {
        check.fail(field, *weakness);
    }
    if (password != confirm) {
        check.fail("confirm_password", "Passwords do not match.");
    }
}

actor actor_of(const account& a) { return actor{a.id, a.account_role, a.status, a.is_active}; }

account require_account(transaction& tx, account_id id) {
    auto found = tx.accounts().find(id);
    if (!found) {
        throw error(errc::not_found, "account not found");
    }
    return *found;
}

} // namespace helpdesk::detail
