// The SLA: hd_ticket_reapply_sla, hd_sla_policy_get, hd_sla_policy_change,
// and the time-driven work, hd_scheduler_run_once.
#include "json_in.hpp"
#include "ticket_actions.hpp"

#include <wire/scheduler_view.hpp>
#include <wire/sla_policy_view.hpp>

#include <helpdesk/error.hpp>
#include <helpdesk/time.hpp>

using namespace helpdesk;

namespace {

// The instant `now_rfc3339` names.
time_point pass_instant(const char* now_rfc3339) {
    const auto now = parse_rfc3339(now_rfc3339);
    if (!now) {
        throw error(errc::invalid_argument, "now_rfc3339 must be an RFC 3339 time such as 2026-05-04T10:00:00Z.",
                    {{"now_rfc3339", {"Not an RFC 3339 time."}}});
    }
    return *now;
}

} // namespace

extern "C" {

HD_API int hd_ticket_reapply_sla(char** out_ticket_json, hd_engine* engine, int64_t actor, int64_t ticket,
                                 int64_t expected_version) {
    return capi::json_call(out_ticket_json, "out_ticket_json", [&] {
        auto& desk = capi::desk_of(engine);
        return capi::ticket_details_json(desk.sla().reapply(actor, ticket, capi::expected(expected_version)));
    });
}

HD_API int hd_sla_policy_get(char** out_policy_json, hd_engine* engine, int64_t actor) {
    return capi::json_call(out_policy_json, "out_policy_json",
                           [&] { return wire::sla_policy_json(capi::desk_of(engine).sla().current(actor)); });
}

HD_API int hd_sla_policy_change(char** out_policy_json, hd_engine* engine, int64_t actor, const char* request_json) {
    return capi::json_call(out_policy_json, "out_policy_json", [&] {
        const auto body = capi::parse_object(request_json, "request_json");
        // The members sent replace the current policy's; the rest stays.
        return wire::sla_policy_json(capi::desk_of(engine).sla().change(
            actor, [&](const sla_policy& current) { return wire::read_sla_policy(body, current); }));
    });
}

HD_API int hd_scheduler_run_once(char** out_pass_json, hd_engine* engine, const char* now_rfc3339, int64_t batch) {
    return capi::json_call(out_pass_json, "out_pass_json", [&] {
        auto& scheduler = capi::desk_of(engine).scheduler();
        if (batch < 0) {
            throw error(errc::invalid_argument, "batch must be positive, or 0 for the default.",
                        {{"batch", {"Must be 0 or positive."}}});
        }
        const std::int64_t size = batch == 0 ? scheduler_service::default_batch : batch;
        return wire::scheduler_pass_json(now_rfc3339 == nullptr ? scheduler.run_once(size)
                                                                : scheduler.run_once(pass_instant(now_rfc3339), size));
    });
}

} // extern "C"
