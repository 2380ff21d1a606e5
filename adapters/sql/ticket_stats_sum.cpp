#include "ticket_stats_sum.hpp"

#include "enum_column.hpp"

#include <utility>

namespace helpdesk::sql {

void ticket_stats_sum::add_key(std::int64_t status, std::int64_t prio, std::string department,
                               std::int64_t n) {
    stats_.total += n;
    stats_.by_status[std::string{to_string(enum_from_column(status, ticket_status::withdrawn))}] += n;
    stats_.by_priority[std::string{to_string(enum_from_column(prio, priority::critical))}] += n;
    stats_.by_department[std::move(department)] += n;
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
