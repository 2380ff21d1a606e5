#include "domain/enum_names.hpp"

#include <helpdesk/domain/account.hpp>

namespace helpdesk {
namespace {
constexpr std::pair<role, std::string_view> role_names[] = {
    {role::employee, "Employee"},
    {role::ticket_coordinator, "Ticket Coordinator"},
    {role::system_admin, "System Admin"},
};
constexpr std::pair<account_status, std::string_view> status_names[] = {
    {account_status::pending, "Pending"},
    {account_status::approved, "Approved"},
    {account_status::rejected, "Rejected"},
};
} // namespace

std::string_view to_string(role r) noexcept { return detail::enum_name(role_names, r); }
std::optional<role> parse_role(std::string_view text) noexcept { return detail::parse_enum(role_names, text); }
std::string_view to_string(account_status s) noexcept { return detail::enum_name(status_names, s); }
std::optional<account_status> parse_account_status(std::string_view text) noexcept {
    return detail::parse_enum(status_names, text);
}

} // namespace helpdesk
