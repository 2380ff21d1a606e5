#include "handlers/handlers.hpp"

#include "app/openapi.hpp"

#include <helpdesk/domain/outbox_event.hpp>

#include <boost/json/serialize.hpp>

#include <array>
#include <tuple>
#include <vector>

namespace helpdesk::server::handlers {

response healthz(call&) {
    response r;
    r.body = R"({"status":"ok"})";
    return r;
}

response readyz(call& c) {
    // A read of the outbox counts proves a store round trip.
    (void)c.desk().outbox().count(outbox_state::pending);
    response r;
    r.body = R"({"status":"ready"})";
    return r;
}

response metrics_text(call& c) {
    auto& outbox = c.desk().outbox();
    const std::array gauges{
        std::tuple<std::string, std::string, double>{"helpdesk_outbox_pending", "Outbox events waiting for delivery.",
                                                     static_cast<double>(outbox.count(outbox_state::pending))},
        std::tuple<std::string, std::string, double>{"helpdesk_outbox_dead", "Outbox events parked after too many failures.",
                                                     static_cast<double>(outbox.count(outbox_state::dead))},
    };
    // Delivery totals of this process's relay (absent when it runs none).
    std::vector<std::tuple<std::string, std::string, double>> counters;
    if (c.shared.options.delivery_stats) {
        const auto totals = c.shared.options.delivery_stats();
        counters = {
            {"helpdesk_outbox_deliveries_total", "Outbox events delivered to every channel by this process.",
             static_cast<double>(totals.delivered)},
            {"helpdesk_outbox_retries_total", "Failed delivery attempts scheduled for a retry by this process.",
             static_cast<double>(totals.retried)},
            {"helpdesk_outbox_dead_total", "Outbox events parked as dead by this process.",
             static_cast<double>(totals.dead)},
            {"helpdesk_sla_notices_total", "SLA at-risk and breach notices written by this process's scheduler.",
             static_cast<double>(totals.sla_notices)},
        };
    }
    response r;
    r.content_type = "text/plain; version=0.0.4; charset=utf-8";
    r.body = c.shared.counters.render(gauges, counters);
    return r;
}

response openapi(call&) {
    response r;
    r.body = openapi_document();
    r.cacheable = true;
    return r;
}

} // namespace helpdesk::server::handlers
