#include "sla_compliance_delta.hpp"

#include <array>

namespace helpdesk::postgres::detail {

namespace {

constexpr std::array<std::string_view, 5> counted_columns{"sla_version", "sla_first_response_due",
                                                          "sla_first_response_stopped_at",
                                                          "sla_resolution_due", "sla_resolution_stopped_at"};

constexpr std::array<std::string_view, 6> count_columns{"first_response_met",  "first_response_late",
                                                        "first_response_open", "resolution_met",
                                                        "resolution_late",     "resolution_open"};

// met, late and open of one target's clock, from its columns.
[[nodiscard]] std::string target_counts(const std::string& c, std::string_view target, const std::string& s) {
    const std::string stopped = c + "sla_" + std::string{target} + "_stopped_at";
    const std::string late =
        "coalesce(" + stopped + " > " + c + "sla_" + std::string{target} + "_due, false)";
    return s + "(" + stopped + " IS NOT NULL AND NOT " + late + ")::int, " + s + late + "::int, " + s + "(" +
           stopped + " IS NULL)::int";
}

} // namespace

std::string sla_compliance_upsert() {
    std::string sums;
    std::string having;
    std::string updates;
    for (const auto column : count_columns) {
        const std::string col{column};
        sums += ", sum(" + col + ")";
        having += (having.empty() ? "" : " OR ") + std::string{"sum("} + col + ") <> 0";
        updates +=
            (updates.empty() ? "" : ", ") + col + " = sla_compliance_stats." + col + " + excluded." + col;
    }
    return "INSERT INTO sla_compliance_stats (employee, priority, department, shard, first_response_met, "
           "first_response_late, first_response_open, resolution_met, resolution_late, resolution_open) "
           "SELECT employee, priority, department, $SHARD::smallint" +
           sums + " FROM sla_delta GROUP BY employee, priority, department HAVING " + having +
           " ON CONFLICT (employee, priority, department, shard) DO UPDATE SET " + updates;
}

std::string sla_compliance_columns(std::string_view prefix, std::string_view alias_prefix) {
    std::string list;
    for (const auto column : counted_columns) {
        list += (list.empty() ? "" : ", ") + std::string{prefix} + std::string{column};
        if (!alias_prefix.empty()) {
            list += " AS " + std::string{alias_prefix} + std::string{column};
        }
    }
    return list;
}

std::string sla_contribution(std::string_view src, std::string_view prefix, std::string_view sign) {
    const std::string c{prefix};
    const std::string s{sign};
    return "SELECT k.e, " + c + "priority, " + c + "department, " + target_counts(c, "first_response", s) +
           ", " + target_counts(c, "resolution", s) + " FROM " + std::string{src} +
           " CROSS JOIN LATERAL (VALUES (" + c + "employee), (0::bigint)) AS k (e) WHERE " + c +
           "sla_version > 0";
}

} // namespace helpdesk::postgres::detail
