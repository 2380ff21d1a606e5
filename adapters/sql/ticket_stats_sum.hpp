#pragma once

#include <helpdesk/ports/queries.hpp>

#include <cstdint>
#include <span>
#include <string>

namespace helpdesk::sql {

/// Sums rows of the `ticket_stats` aggregate (each key's count and
/// durations) into the stats view: only keys with tickets appear in the
/// maps; a mean is nullopt when no ticket has the duration yet.
class ticket_stats_sum {
public:
    /// One row of `SELECT status, priority, department, n, sum_response,
    /// n_response, sum_resolution, n_resolution ...` (sums for PostgreSQL's
    /// shards). Throws `error{internal}` for an unknown status or priority.
    template <class Row> void add(const Row& row) {
        add_key(row.int64(0), row.int64(1), row.text(2), row.int64(3));
        add_durations(row.int64(4), row.int64(5), row.int64(6), row.int64(7));
    }

    /// One row of `sla_compliance_query` (sla_compliance_sql.hpp).
    /// Throws `error{internal}` for an unknown priority.
    template <class Row> void add_sla(const Row& row) {
        const std::int64_t counts[] = {row.int64(3), row.int64(4), row.int64(5),
                                       row.int64(6), row.int64(7), row.int64(8)};
        add_compliance(row.int64(0), row.int64(1), row.text(2), counts);
    }

    /// The stats of the rows added.
    [[nodiscard]] ticket_stats result() const;

private:
    void add_key(std::int64_t status, std::int64_t prio, std::string department, std::int64_t n);
    void add_compliance(std::int64_t kind, std::int64_t prio, const std::string& department,
                        std::span<const std::int64_t, 6> counts);
    void add_durations(std::int64_t sum_response, std::int64_t n_response, std::int64_t sum_resolution,
                       std::int64_t n_resolution) noexcept;

    ticket_stats stats_;
    std::int64_t sum_response_ = 0;
    std::int64_t n_response_ = 0;
    std::int64_t sum_resolution_ = 0;
    std::int64_t n_resolution_ = 0;
};

} // namespace helpdesk::sql
