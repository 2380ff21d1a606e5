#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <tuple>
#include <vector>

namespace helpdesk::server {

/// Request counters and latency histograms in the Prometheus text exposition format (version 0.0.4).
/// Thread-safety: observe() and count_store_error() are lock-free (relaxed atomics) and may race with render(),
/// which then sees each counter at some recent value. Not copyable or movable.
class metrics {
public:
    /// `route_names` are fixed at construction (the route table's names, e.g. "GET /api/tickets/{id}/"); index into
    /// it. Index route_names.size() is "unmatched".
    explicit metrics(std::vector<std::string> route_names);
    metrics(const metrics&) = delete;
    metrics& operator=(const metrics&) = delete;
    ~metrics();

    /// Counts one request: route index (or route_names.size() for "unmatched"; larger indexes count as unmatched),
    /// status code (outside 100..599 counts as status "other"), latency (negative counts as zero).
    void observe(std::size_t route, unsigned status, std::chrono::nanoseconds latency) noexcept;
    /// Counts a store error (errc storage_unavailable/internal seen by a handler).
    void count_store_error() noexcept;
    /// Renders: helpdesk_http_requests_total{route,status} counter (one series per exact code seen),
    /// helpdesk_http_request_duration_seconds histogram per route (every route, buckets 0.0005 .. 10 s),
    /// helpdesk_store_errors_total, plus each extra gauge given (name, help, value), e.g. outbox backlog, and each
    /// extra counter (name, help, value), e.g. outbox deliveries.
    /// Throws error{invalid_argument} for a gauge or counter name that is not a valid metric name.
    [[nodiscard]] std::string render(std::span<const std::tuple<std::string, std::string, double>> gauges,
                                     std::span<const std::tuple<std::string, std::string, double>> counters = {}) const;

    /// How many finite histogram buckets there are (0.0005 .. 10 s); +Inf comes on top.
    static constexpr std::size_t bucket_count = 14;

private:
    struct route_counters;

    std::vector<std::string> route_names_;
    std::unique_ptr<route_counters[]> counters_; // route_names_.size() + 1 entries
    std::atomic<std::uint64_t> store_errors_{0};
};

} // namespace helpdesk::server
