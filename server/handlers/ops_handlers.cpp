#include "handlers/handlers.hpp"

#include "app/openapi.hpp"

#include <helpdesk/domain/outbox_event.hpp>

#include <boost/json/serialize.hpp>

#include <array>
#include <tuple>

namespace helpdesk::server::handlers {

response healthz(call&) {
    response r;
    r.body = R"({"status":"ok"})";
    return r;
}

response readyz(call& c) {
    // A read of the outbox counts proves a store round trip.
    (void)c.ctx.core.outbox().count(outbox_state::pending);
    response r;
    r.body = R"({"status":"ready"})";
    return r;
}

response metrics_text(call& c) {
    auto& outbox = c.ctx.core.outbox();
    const std::array gauges{
        std::tuple<std::string, std::string, double>{"helpdesk_outbox_pending", "Outbox events waiting for delivery.",
                                                     static_cast<double>(outbox.count(outbox_state::pending))},
        std::tuple<std::string, std::string, double>{"helpdesk_outbox_dead", "Outbox events parked after too many failures.",
                                                     static_cast<double>(outbox.count(outbox_state::dead))},
    };
    response r;
    r.content_type = "text/plain; version=0.0.4; charset=utf-8";
    r.body = c.ctx.counters.render(gauges);
    return r;
}

response openapi(call&) {
    response r;
    r.body = openapi_document();
    r.cacheable = true;
    return r;
}

} // namespace helpdesk::server::handlers
