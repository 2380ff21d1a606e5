#include "domain/enum_names.hpp"

#include <helpdesk/domain/ticket.hpp>
#include <helpdesk/error.hpp>

#include <charconv>
#include <cstdio>

namespace helpdesk {
namespace {
constexpr std::pair<ticket_status, std::string_view> status_names[] = {
    {ticket_status::new_, "New"},         {ticket_status::open, "Open"},
    {ticket_status::in_progress, "In Progress"}, {ticket_status::on_hold, "On Hold"},
    {ticket_status::pending, "Pending"},  {ticket_status::resolved, "Resolved"},
    {ticket_status::closed, "Closed"},    {ticket_status::rejected, "Rejected"},
    {ticket_status::withdrawn, "Withdrawn"},
};
constexpr std::pair<priority, std::string_view> priority_names[] = {
    {priority::low, "Low"}, {priority::medium, "Medium"}, {priority::high, "High"}, {priority::critical, "Critical"},
};
constexpr std::pair<history_kind, std::string_view> history_kind_names[] = {
    {history_kind::created, "created"},
    {history_kind::status_changed, "status_changed"},
    {history_kind::priority_changed, "priority_changed"},
    {history_kind::department_changed, "department_changed"},
    {history_kind::assigned, "assigned"},
    {history_kind::unassigned, "unassigned"},
    {history_kind::attachment_added, "attachment_added"},
    {history_kind::comment_added, "comment_added"},
    {history_kind::internal_comment_added, "internal_comment_added"},
    {history_kind::finalized, "finalized"},
    {history_kind::sla_reapplied, "sla_reapplied"},
    {history_kind::category_changed, "category_changed"},
    {history_kind::sub_category_changed, "sub_category_changed"},
    {history_kind::closed_automatically, "closed_automatically"},
    {history_kind::owner_reminded, "owner_reminded"},
};
} // namespace

std::string_view to_string(history_kind k) noexcept { return detail::enum_name(history_kind_names, k); }
std::optional<history_kind> parse_history_kind(std::string_view text) noexcept {
    return detail::parse_enum(history_kind_names, text);
}
history_kind history_kind_from_store(std::string_view text) {
    if (const auto kind = parse_history_kind(text)) {
        return *kind;
    }
    throw error{errc::internal, "a history row holds an unknown kind '" + std::string{text} + "'"};
}

std::string_view to_string(ticket_status s) noexcept { return detail::enum_name(status_names, s); }
std::optional<ticket_status> parse_ticket_status(std::string_view text) noexcept {
    return detail::parse_enum(status_names, text);
}
std::string_view to_string(priority p) noexcept { return detail::enum_name(priority_names, p); }
std::optional<priority> parse_priority(std::string_view text) noexcept {
    return detail::parse_enum(priority_names, text);
}

std::string format_ticket_number(std::int64_t sequence) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "TX%04lld", static_cast<long long>(sequence));
    return buffer;
}

std::optional<std::int64_t> parse_ticket_number(std::string_view text) noexcept {
    if (text.size() < 6 || text.size() > 21 || text.substr(0, 2) != "TX") {
        return std::nullopt;
    }
    std::int64_t value = 0;
    const auto digits = text.substr(2);
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc{} || end != digits.data() + digits.size() || value < 1) {
        return std::nullopt;
    }
    return value;
}

} // namespace helpdesk
