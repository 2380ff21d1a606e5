#pragma once

#include <helpdesk/ids.hpp>
#include <helpdesk/time.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace helpdesk {

/// What an account may do. Staff means coordinator or admin.
enum class role { employee, ticket_coordinator, system_admin };

/// Where an account stands in the approval process.
enum class account_status { pending, approved, rejected };

/// `"Employee"`, `"Ticket Coordinator"`, `"System Admin"`.
[[nodiscard]] std::string_view to_string(role r) noexcept;
/// Inverse of `to_string(role)`; nullopt for anything else.
[[nodiscard]] std::optional<role> parse_role(std::string_view text) noexcept;
/// `"Pending"`, `"Approved"`, `"Rejected"`.
[[nodiscard]] std::string_view to_string(account_status s) noexcept;
/// Inverse of `to_string(account_status)`; nullopt for anything else.
[[nodiscard]] std::optional<account_status> parse_account_status(std::string_view text) noexcept;

/// Every role, from the least to the most privileged (for choices and tests).
inline constexpr role all_roles[] = {role::employee, role::ticket_coordinator, role::system_admin};

/// The name suffixes an account may carry (sign-up and profile edits refuse others).
inline constexpr std::string_view name_suffixes[] = {"Jr.", "Sr.", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};

/// True for coordinators and admins.
[[nodiscard]] constexpr bool is_staff(role r) noexcept { return r != role::employee; }

/// A person who signs in: employee, coordinator or admin (docs/product.md#account-fields).
struct account {
    account_id id = 0;                  ///< 0 until stored
    std::string email{};                  ///< unique, compared case-insensitively
    std::string first_name{};
    std::optional<std::string> middle_name{};
    std::string last_name{};
    std::optional<std::string> suffix{};  ///< `Jr.`, `Sr.`, `III` ... `X`
    std::string company_id{};             ///< `MA` + at least 4 digits
    std::string department{};
    role account_role = role::employee;
    account_status status = account_status::pending;
    /// False once a System Admin deactivated it: it can neither sign in nor act
    /// until reactivated (beside `status`, which stays as it was).
    bool is_active = true;
    std::string password_hash{};          ///< Django `pbkdf2_sha256$...` format
    std::optional<std::string> image_key{}; ///< blob-store key of the profile picture
    time_point date_created{};
};

/// The audit row written when a sign-up is rejected (the account itself is removed).
struct rejected_account {
    row_id id = 0;
    std::string company_id{};
    std::string first_name{};
    std::optional<std::string> middle_name{};
    std::string last_name{};
    std::optional<std::string> suffix{};
    std::string email{};
    std::string department{};
    std::string reason{};
    account_id rejected_by = 0;
    time_point rejected_at{};
};

/// One changed field of an account, as the account history keeps it
/// (docs/product.md#account-administration): one entry per field a change touched.
struct account_history_entry {
    row_id id = 0;
    account_id account = 0;                 ///< the account changed
    std::optional<account_id> actor{};      ///< the System Admin who changed it
    time_point at{};
    std::string field{};                    ///< `role`, `is_active`, `first_name`, `middle_name`, `last_name`, `suffix`, `department`
    std::optional<std::string> old_value{}; ///< as the API shows it (`System Admin`, `true`); empty for none
    std::optional<std::string> new_value{};

    /// Equal when every member is.
    bool operator==(const account_history_entry&) const = default;
};

} // namespace helpdesk
