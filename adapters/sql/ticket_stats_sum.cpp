#include "ticket_stats_sum.hpp"

#include "enum_column.hpp"

#include <map>
#include <utility>

namespace helpdesk::sql {

void ticket_stats_sum::add_key(std::int64_t status, std::int64_t prio, std::string department,
                               std::int64_t n) {
    stats_.total += n;
    stats_.by_status[std::string{to_string(enum_from_column(status, ticket_status::withdrawn))}] += n;
    stats_.by_priority[std::string{to_string(enum_from_column(prio, priority::critical))}] += n;
    stats_.by_department[std::move(department)] += n;
}

namespace {

// Adds one key's settled counts: met, stopped late, not stopped (pending
// until the overdue ones are moved to breached).
void add_settled(sla_target_compliance& c, std::span<const std::int64_t, 3> counts) noexcept {
    c.met += counts[0];
    c.breached += counts[1];
    c.pending += counts[2];
}

// Moves `n` tickets whose clock has not stopped but is past its due date
// from pending to breached.
void add_overdue(sla_target_compliance& c, std::int64_t n) noexcept {
    c.pending -= n;
    c.breached += n;
}

} // namespace

void ticket_stats_sum::add_compliance(std::int64_t kind, std::int64_t prio, const std::string& department,
                                      std::span<const std::int64_t, 6> counts) {
    const std::string prio_name{to_string(enum_from_column(prio, priority::critical))};
    for (auto* c : {&stats_.sla, &stats_.sla_by_priority[prio_name], &stats_.sla_by_department[department]}) {
        if (kind == 0) {
            add_settled(c->first_response, counts.first<3>());
            add_settled(c->resolution, counts.last<3>());
        } else {
            add_overdue(kind == 1 ? c->first_response : c->resolution, counts[0]);
        }
    }
}

void ticket_stats_sum::add_durations(std::int64_t sum_response, std::int64_t n_response,
                                     std::int64_t sum_resolution, std::int64_t n_resolution) noexcept {
    sum_response_ += sum_response;
    n_response_ += n_response;
    sum_resolution_ += sum_resolution;
    n_resolution_ += n_resolution;
}

ticket_stats ticket_stats_sum::result() const {
    ticket_stats stats = stats_;
    // Keys whose aggregate rows dropped to zero (every ticket moved away) are left out.
    const auto empty = [](const auto& entry) { return entry.second == sla_compliance{}; };
    std::erase_if(stats.sla_by_priority, empty);
    std::erase_if(stats.sla_by_department, empty);
    if (n_response_ > 0) {
        stats.mean_response_seconds = static_cast<double>(sum_response_) / static_cast<double>(n_response_);
    }
    if (n_resolution_ > 0) {
        stats.mean_resolution_seconds =
            static_cast<double>(sum_resolution_) / static_cast<double>(n_resolution_);
    }
    return stats;
}

} // namespace helpdesk::sql
