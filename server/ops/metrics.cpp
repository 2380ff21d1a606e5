#include "ops/metrics.hpp"

#include <helpdesk/error.hpp>

#include <array>
#include <charconv>
#include <cmath>

namespace helpdesk::server {
namespace {

constexpr unsigned first_status = 100;
constexpr unsigned last_status = 599;
constexpr std::size_t status_slots = last_status - first_status + 2; // the last slot is "other"

constexpr std::array<std::int64_t, metrics::bucket_count> bucket_bounds_ns = {
    500'000, 1'000'000, 2'500'000, 5'000'000, 10'000'000, 25'000'000, 50'000'000,
    100'000'000, 250'000'000, 500'000'000, 1'000'000'000, 2'500'000'000, 5'000'000'000, 10'000'000'000};
constexpr std::array<std::string_view, metrics::bucket_count> bucket_labels = {
    "0.0005", "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10"};

void append_label_value(std::string& out, std::string_view value) {
    for (const char c : value) {
        if (c == '\\') out.append("\\\\");
        else if (c == '"') out.append("\\\"");
        else if (c == '\n') out.append("\\n");
        else out.push_back(c);
    }
}

void append_help_text(std::string& out, std::string_view text) {
    for (const char c : text) {
        if (c == '\\') out.append("\\\\");
        else if (c == '\n') out.append("\\n");
        else out.push_back(c);
    }
}

void append_number(std::string& out, double v) {
    if (std::isnan(v)) {
        out.append("NaN");
    } else if (std::isinf(v)) {
        out.append(v > 0 ? "+Inf" : "-Inf");
    } else {
        char buffer[32];
        const auto result = std::to_chars(buffer, buffer + sizeof buffer, v);
        out.append(buffer, result.ptr);
    }
}

void append_number(std::string& out, std::uint64_t v) {
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, v);
    out.append(buffer, result.ptr);
}

bool valid_metric_name(std::string_view name) noexcept {
    if (name.empty()) return false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
        if (!alpha && !(i > 0 && c >= '0' && c <= '9')) return false;
    }
    return true;
}

void append_header(std::string& out, std::string_view name, std::string_view help, std::string_view type) {
    out.append("# HELP ").append(name).push_back(' ');
    append_help_text(out, help);
    out.append("\n# TYPE ").append(name).push_back(' ');
    out.append(type).push_back('\n');
}

} // namespace

struct metrics::route_counters {
    std::array<std::atomic<std::uint64_t>, status_slots> statuses{};
    std::array<std::atomic<std::uint64_t>, bucket_count + 1> buckets{}; // non-cumulative; the last is +Inf
    std::atomic<std::uint64_t> sum_ns{0};
};

metrics::metrics(std::vector<std::string> route_names)
    : route_names_(std::move(route_names)), counters_(std::make_unique<route_counters[]>(route_names_.size() + 1)) {}

metrics::~metrics() = default;

void metrics::observe(std::size_t route, unsigned status, std::chrono::nanoseconds latency) noexcept {
    auto& c = counters_[route < route_names_.size() ? route : route_names_.size()];
    const std::size_t slot =
        status >= first_status && status <= last_status ? status - first_status : status_slots - 1;
    c.statuses[slot].fetch_add(1, std::memory_order_relaxed);
    const auto ns = latency.count() < 0 ? std::int64_t{0} : static_cast<std::int64_t>(latency.count());
    std::size_t bucket = 0;
    while (bucket < bucket_count && ns > bucket_bounds_ns[bucket]) ++bucket;
    c.buckets[bucket].fetch_add(1, std::memory_order_relaxed);
    c.sum_ns.fetch_add(static_cast<std::uint64_t>(ns), std::memory_order_relaxed);
}

void metrics::count_store_error() noexcept { store_errors_.fetch_add(1, std::memory_order_relaxed); }

std::string metrics::render(std::span<const std::tuple<std::string, std::string, double>> gauges,
                            std::span<const std::tuple<std::string, std::string, double>> counters) const {
    for (const auto& [name, help, value] : gauges)
        if (!valid_metric_name(name)) throw error(errc::invalid_argument, "invalid metric name '" + name + "'");
    for (const auto& [name, help, value] : counters)
        if (!valid_metric_name(name)) throw error(errc::invalid_argument, "invalid metric name '" + name + "'");

    const auto route_count = route_names_.size() + 1;
    const auto route_name = [&](std::size_t r) -> std::string_view {
        return r < route_names_.size() ? std::string_view(route_names_[r]) : std::string_view("unmatched");
    };

    std::string out;
    out.reserve(4096 + route_count * 1200);

    append_header(out, "helpdesk_http_requests_total", "HTTP requests by route and status code.", "counter");
    for (std::size_t r = 0; r < route_count; ++r) {
        for (std::size_t s = 0; s < status_slots; ++s) {
            const auto n = counters_[r].statuses[s].load(std::memory_order_relaxed);
            if (n == 0) continue;
            out.append("helpdesk_http_requests_total{route=\"");
            append_label_value(out, route_name(r));
            out.append("\",status=\"");
            if (s == status_slots - 1) out.append("other");
            else append_number(out, static_cast<std::uint64_t>(s + first_status));
            out.append("\"} ");
            append_number(out, n);
            out.push_back('\n');
        }
    }

    append_header(out, "helpdesk_http_request_duration_seconds", "HTTP request latency by route.", "histogram");
    for (std::size_t r = 0; r < route_count; ++r) {
        const auto& c = counters_[r];
        std::string label = "route=\"";
        append_label_value(label, route_name(r));
        label.push_back('"');
        std::uint64_t cumulative = 0;
        for (std::size_t b = 0; b <= bucket_count; ++b) {
            // _count is derived from the buckets read here, so +Inf and _count always agree in one scrape.
            cumulative += c.buckets[b].load(std::memory_order_relaxed);
            out.append("helpdesk_http_request_duration_seconds_bucket{").append(label).append(",le=\"");
            out.append(b < bucket_count ? bucket_labels[b] : std::string_view("+Inf")).append("\"} ");
            append_number(out, cumulative);
            out.push_back('\n');
        }
        out.append("helpdesk_http_request_duration_seconds_sum{").append(label).append("} ");
        append_number(out, static_cast<double>(c.sum_ns.load(std::memory_order_relaxed)) / 1e9);
        out.append("\nhelpdesk_http_request_duration_seconds_count{").append(label).append("} ");
        append_number(out, cumulative);
        out.push_back('\n');
    }

    append_header(out, "helpdesk_store_errors_total", "Store errors seen by request handlers.", "counter");
    out.append("helpdesk_store_errors_total ");
    append_number(out, store_errors_.load(std::memory_order_relaxed));
    out.push_back('\n');

    for (const auto& [name, help, value] : gauges) {
        append_header(out, name, help, "gauge");
        out.append(name).push_back(' ');
        append_number(out, value);
        out.push_back('\n');
    }
    for (const auto& [name, help, value] : counters) {
        append_header(out, name, help, "counter");
        out.append(name).push_back(' ');
        append_number(out, value);
        out.push_back('\n');
    }
    return out;
}

} // namespace helpdesk::server
