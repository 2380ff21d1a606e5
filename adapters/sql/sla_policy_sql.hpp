#pragma once

// The SQL of the stored SLA policy versions, written once for both stores:
// tables `sla_policies` (one row per version), `sla_policy_hours`,
// `sla_policy_holidays` and `sla_policy_targets` (the policy's own targets
// under department '', then its overrides). A store runs these statements
// with its own driver through `read_sla_policy` and `insert_sla_policy`.
//
// Storage: `pausing_statuses` is the statuses' names (`to_string`) in the
// policy's order, joined by ','; weekday 0 is Monday; holidays are days
// since the epoch; units and priorities their enum values.

#include <helpdesk/domain/sla_policy.hpp>

#include "bindings.hpp"
#include "enum_column.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace helpdesk::sql {

/// The number the next version gets: one integer.
inline constexpr std::string_view newest_sla_version_sql = "SELECT coalesce(max(version), 0) FROM sla_policies";

inline constexpr std::string_view next_sla_version_sql =
    "SELECT coalesce(max(version), 0) + 1 FROM sla_policies";

/// The row of `version` in `sla_policies`, or of the newest version when empty,
/// in the order `read_sla_policy_row` reads.
[[nodiscard]] statement_text plan_sla_policy_row(std::optional<std::int64_t> version,
                                                 placeholder_style style);

/// The hours (by weekday, then start), the holidays (by day) and the targets
/// (by priority) of `version`, in the orders `add_sla_*_row` read.
[[nodiscard]] std::array<statement_text, 3> plan_sla_policy_parts(std::int64_t version,
                                                                  placeholder_style style);

/// The statements that store `p` as `version`: its row in `sla_policies`
/// first, then one row per stretch of working hours, holiday and target.
[[nodiscard]] std::vector<statement_text> plan_sla_policy_insert(const sla_policy& p, std::int64_t version,
                                                                 placeholder_style style);

/// The statuses of a `pausing_statuses` column. Throws `error{internal}` for
/// a name no build of ours writes.
[[nodiscard]] std::vector<ticket_status> pausing_statuses_from_column(std::string_view text);

/// A policy with the values of a row of `plan_sla_policy_row` (no hours,
/// holidays or targets yet).
template <class Row> [[nodiscard]] sla_policy read_sla_policy_row(const Row& row) {
    sla_policy p;
    p.version = row.int64(0);
    p.calendar = working_calendar{};
    p.calendar.time_zone = row.text(1);
    p.at_risk_percent = static_cast<std::int32_t>(row.int64(2));
    p.pausing_statuses = pausing_statuses_from_column(row.text(3));
    p.created_at = row.time(4);
    p.created_by = row.optional_int64(5);
    return p;
}

/// Adds a row of the hours statement of `plan_sla_policy_parts` to `p`.
template <class Row> void add_sla_hours_row(sla_policy& p, const Row& row) {
    const auto weekday = row.int64(0);
    if (weekday < 0 || weekday > 6) {
        throw error{errc::internal, "stored SLA hours name weekday " + std::to_string(weekday)};
    }
    p.calendar.week[static_cast<std::size_t>(weekday)].push_back(
        {static_cast<std::int32_t>(row.int64(1)), static_cast<std::int32_t>(row.int64(2))});
}

/// Adds a row of the holidays statement of `plan_sla_policy_parts` to `p`.
template <class Row> void add_sla_holiday_row(sla_policy& p, const Row& row) {
    p.calendar.holidays.push_back(date{std::chrono::days{row.int64(0)}});
}

/// Adds a row of the targets statement of `plan_sla_policy_parts` to `p`:
/// the policy's own under department '', else an override.
template <class Row> void add_sla_target_row(sla_policy& p, const Row& row) {
    const auto department = row.text(0);
    const auto for_priority = enum_from_column(row.int64(1), priority::critical);
    sla_targets targets;
    targets.first_response = {static_cast<std::int32_t>(row.int64(2)),
                              enum_from_column(row.int64(3), sla_unit::days)};
    targets.resolution = {static_cast<std::int32_t>(row.int64(4)),
                          enum_from_column(row.int64(5), sla_unit::days)};
    targets.around_the_clock = row.boolean(6);
    if (department.empty()) {
        p.by_priority[static_cast<std::size_t>(for_priority)] = targets;
    } else {
        p.overrides.push_back({department, for_priority, targets});
    }
}

/// Reads the policy stored as `version` (the newest when empty) with the
/// store's `run(statement, on_row)`, which runs the statement and calls
/// `on_row(row)` for each row it returns, with a view of the row (the
/// accessors of row_mappers.hpp). Overrides come by department (byte order),
/// then priority. Throws what `run` throws, and `error{internal}` for a
/// value no build of ours writes.
template <class Run>
[[nodiscard]] std::optional<sla_policy> read_sla_policy(Run&& run, std::optional<std::int64_t> version,
                                                        placeholder_style style) {
    std::optional<sla_policy> p;
    run(plan_sla_policy_row(version, style), [&](const auto& row) { p = read_sla_policy_row(row); });
    if (!p) {
        return p;
    }
    const auto parts = plan_sla_policy_parts(p->version, style);
    run(parts[0], [&](const auto& row) { add_sla_hours_row(*p, row); });
    run(parts[1], [&](const auto& row) { add_sla_holiday_row(*p, row); });
    run(parts[2], [&](const auto& row) { add_sla_target_row(*p, row); });
    std::ranges::stable_sort(p->overrides, {},
                             [](const sla_override& o) { return std::tie(o.department, o.for_priority); });
    return p;
}

/// Stores `p` as the version after the newest and sets `p.version`: the
/// number and the policy's row through the store's `run` (as for
/// `read_sla_policy`), the rows of its hours, holidays and targets through
/// its `write(statement)`, which may send them later (with the store's next
/// statement or its commit). Throws what they throw: `error{conflict}` when
/// another transaction stored that number first.
template <class Run, class Write>
void insert_sla_policy(Run&& run, Write&& write, sla_policy& p, placeholder_style style) {
    std::int64_t version = 1;
    run(statement_text{std::string{next_sla_version_sql}, {}},
        [&](const auto& row) { version = row.int64(0); });
    const auto statements = plan_sla_policy_insert(p, version, style);
    run(statements.front(), [](const auto&) {});
    std::for_each(statements.begin() + 1, statements.end(), write);
    p.version = version;
}

} // namespace helpdesk::sql
