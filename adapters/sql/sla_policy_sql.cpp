#include "sla_policy_sql.hpp"

#include "write_sql.hpp"

#include <utility>

namespace helpdesk::sql {

namespace {

constexpr std::string_view policy_columns =
    "version, time_zone, at_risk_percent, pausing_statuses, created_at, created_by";
constexpr std::string_view hours_columns = "version, weekday, start_minute, end_minute";
constexpr std::string_view holiday_columns = "version, day";
constexpr std::string_view target_columns =
    "version, department, priority, first_response_amount, first_response_unit, resolution_amount, "
    "resolution_unit, around_the_clock";

[[nodiscard]] std::string pausing_statuses_column(const std::vector<ticket_status>& statuses) {
    std::string text;
    for (const auto s : statuses) {
        text += (text.empty() ? "" : ",") + std::string{to_string(s)};
    }
    return text;
}

// `SELECT <columns but version> FROM <table> WHERE version = ? ORDER BY <order>`.
[[nodiscard]] statement_text select_part(std::string_view columns, std::string_view table,
                                         std::string_view order, std::int64_t version,
                                         placeholder_style style) {
    bindings b{style};
    std::string sql = "SELECT " + std::string{columns.substr(9)} + " FROM " + std::string{table} +
                      " WHERE version = " + b.add(version) + " ORDER BY " + std::string{order};
    return {std::move(sql), b.values()};
}

// An INSERT of one row of `columns` into `table`, with `values` bound in order.
template <class... Values>
[[nodiscard]] statement_text insert_row(std::string_view table, std::string_view columns,
                                        placeholder_style style, const Values&... values) {
    bindings b{style};
    (b.add(values), ...);
    return {insert_sql(table, columns, style), b.values()};
}

[[nodiscard]] statement_text insert_targets(std::int64_t version, std::string_view department, priority p,
                                            const sla_targets& t, placeholder_style style) {
    return insert_row("sla_policy_targets", target_columns, style, version, department, p,
                      static_cast<std::int64_t>(t.first_response.amount), t.first_response.unit,
                      static_cast<std::int64_t>(t.resolution.amount), t.resolution.unit,
                      static_cast<std::int64_t>(t.around_the_clock ? 1 : 0));
}

} // namespace

std::vector<ticket_status> pausing_statuses_from_column(std::string_view text) {
    std::vector<ticket_status> statuses;
    while (!text.empty()) {
        const auto comma = std::min(text.find(','), text.size());
        const auto status = parse_ticket_status(text.substr(0, comma));
        if (!status) {
            throw error{errc::internal, "stored SLA policy pauses in an unknown status"};
        }
        statuses.push_back(*status);
        text.remove_prefix(std::min(comma + 1, text.size()));
    }
    return statuses;
}

statement_text plan_sla_policy_row(std::optional<std::int64_t> version, placeholder_style style) {
    bindings b{style};
    std::string sql = "SELECT " + std::string{policy_columns} + " FROM sla_policies";
    sql += version ? " WHERE version = " + b.add(*version) : std::string{" ORDER BY version DESC LIMIT 1"};
    return {std::move(sql), b.values()};
}

std::array<statement_text, 3> plan_sla_policy_parts(std::int64_t version, placeholder_style style) {
    return {select_part(hours_columns, "sla_policy_hours", "weekday, start_minute", version, style),
            select_part(holiday_columns, "sla_policy_holidays", "day", version, style),
            select_part(target_columns, "sla_policy_targets", "priority", version, style)};
}

std::vector<statement_text> plan_sla_policy_insert(const sla_policy& p, std::int64_t version,
                                                   placeholder_style style) {
    std::vector<statement_text> statements;
    statements.push_back(insert_row(
        "sla_policies", policy_columns, style, version, std::string_view{p.calendar.time_zone},
        static_cast<std::int64_t>(p.at_risk_percent),
        std::string_view{pausing_statuses_column(p.pausing_statuses)}, p.created_at, p.created_by));
    for (std::size_t day = 0; day < p.calendar.week.size(); ++day) {
        for (const auto& hours : p.calendar.week[day]) {
            statements.push_back(insert_row(
                "sla_policy_hours", hours_columns, style, version, static_cast<std::int64_t>(day),
                static_cast<std::int64_t>(hours.start_minute), static_cast<std::int64_t>(hours.end_minute)));
        }
    }
    for (const auto day : p.calendar.holidays) {
        statements.push_back(insert_row("sla_policy_holidays", holiday_columns, style, version,
                                        static_cast<std::int64_t>(day.time_since_epoch().count())));
    }
    for (std::size_t i = 0; i < p.by_priority.size(); ++i) {
        statements.push_back(insert_targets(version, "", static_cast<priority>(i), p.by_priority[i], style));
    }
    for (const auto& o : p.overrides) {
        statements.push_back(insert_targets(version, o.department, o.for_priority, o.targets, style));
    }
    return statements;
}

} // namespace helpdesk::sql
