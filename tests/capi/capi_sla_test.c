/* The SLA through the C ABI: the policy, re-measuring a ticket, the
 * scheduler's notices, and calendars in named time zones. */
#include "capi_support.h"

#include <time.h>

/* A Critical ticket is due within an hour of approval under this policy. */
static const char short_critical[] =
    "{\"targets\":{\"Critical\":{\"first_response\":{\"amount\":30,\"unit\":\"minutes\"},"
    "\"resolution\":{\"amount\":1,\"unit\":\"hours\"},\"around_the_clock\":true}}}";

/* The instant `seconds` from now in RFC 3339 UTC. */
static void instant_after(char* out, size_t size, long seconds) {
    time_t at = time(NULL) + seconds;
    struct tm* utc = gmtime(&at);
    CHECK(utc != NULL && strftime(out, size, "%Y-%m-%dT%H:%M:%SZ", utc) > 0);
}

void test_sla_policy_and_scheduler(void) {
    desk d = open_desk();
    int64_t ticket, version;
    char later[32];
    char* out = NULL;

    /* The policy: System Admins read and change it; each change is a version. */
    CHECK_OK(hd_sla_policy_get(&out, d.engine, d.admin));
    CHECK(contains(out, "\"version\":0"));
    CHECK(contains(out, "\"Critical\":{"));
    CHECK(contains(out, "\"time_zone\":\"UTC\""));
    free_out(&out);
    CHECK_FAILS(HD_E_PERMISSION_DENIED, hd_sla_policy_get(&out, d.engine, d.cody));
    CHECK_FAILS(HD_E_PERMISSION_DENIED, hd_sla_policy_change(&out, d.engine, d.cody, short_critical));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_sla_policy_change(&out, d.engine, d.admin, "{\"targets\":"));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_sla_policy_change(&out, d.engine, d.admin, "{\"colour\":\"red\"}"));
    CHECK(contains(hd_error_last_fields(), "\"colour\""));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT,
                hd_sla_policy_change(&out, d.engine, d.admin, "{\"calendar\":{\"time_zone\":\"Mars/Olympus\"}}"));
    CHECK(contains(hd_error_last_fields(), "time_zone"));
    CHECK(out == NULL);
    CHECK_OK(hd_sla_policy_change(&out, d.engine, d.admin, short_critical));
    version = int_field(out, "version");
    CHECK(version > 0);
    CHECK(contains(out, "\"resolution\":{\"amount\":1,\"unit\":\"hours\"}"));
    free_out(&out);

    /* A Critical ticket: its resolution is due within the hour. */
    ticket = raise_ticket(d.engine, d.erin, "The payroll server is down");
    CHECK_OK(hd_ticket_approve(&out, d.engine, d.cody, ticket,
                               "{\"priority\":\"Critical\",\"department\":\"IT Department\"}", 1));
    CHECK(contains(out, "\"resolution_due\":\""));
    CHECK(contains(out, "\"sla\":{"));
    free_out(&out);
    CHECK_OK(hd_ticket_list(&out, d.engine, d.cody, "{\"sla\":\"breached\"}"));
    CHECK(int_field(out, "count") == 0);
    free_out(&out);
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_list(&out, d.engine, d.cody, "{\"sla\":\"late\"}"));
    CHECK_OK(hd_ticket_stats(&out, d.engine, d.admin));
    CHECK(contains(out, "\"sla\":"));
    free_out(&out);

    /* The scheduler: nothing due now; two hours on, one breach notice, once. */
    CHECK_OK(hd_scheduler_run_once(&out, d.engine, NULL, 0));
    CHECK(int_field(out, "sla_notices") == 0);
    free_out(&out);
    instant_after(later, sizeof later, 2 * 3600);
    CHECK_OK(hd_scheduler_run_once(&out, d.engine, later, 0));
    CHECK(int_field(out, "sla_notices") == 1);
    CHECK(int_field(out, "tickets_checked") == 1);
    CHECK(int_field(out, "auto_closed") == 0);
    CHECK(int_field(out, "owners_reminded") == 0);
    free_out(&out);
    CHECK_OK(hd_scheduler_run_once(&out, d.engine, later, 1));
    CHECK(int_field(out, "sla_notices") == 0);
    free_out(&out);
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_scheduler_run_once(&out, d.engine, "tomorrow", 0));
    CHECK(contains(hd_error_last_fields(), "\"now_rfc3339\""));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_scheduler_run_once(&out, d.engine, NULL, -1));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_scheduler_run_once(&out, NULL, NULL, 0));
    CHECK(out == NULL);

    /* Re-measuring under a newer version: System Admins, with the version check. */
    CHECK_OK(hd_sla_policy_change(&out, d.engine, d.admin, "{\"at_risk_percent\":60}"));
    CHECK(int_field(out, "version") == version + 1);
    free_out(&out);
    CHECK_FAILS(HD_E_PERMISSION_DENIED, hd_ticket_reapply_sla(&out, d.engine, d.cody, ticket, 0));
    CHECK_FAILS(HD_E_PRECONDITION_FAILED, hd_ticket_reapply_sla(&out, d.engine, d.admin, ticket, 1));
    CHECK_FAILS(HD_E_NOT_FOUND, hd_ticket_reapply_sla(&out, d.engine, d.admin, 999999, 0));
    CHECK_OK(hd_ticket_reapply_sla(&out, d.engine, d.admin, ticket, 2));
    CHECK(int_field(out, "version") == 3);
    free_out(&out);
    CHECK_OK(hd_ticket_history_page(&out, d.engine, d.admin, ticket, NULL));
    CHECK(contains(out, "\"sla_reapplied\""));
    free_out(&out);

    hd_engine_free(d.engine);
}

void test_sla_time_zones(void) {
    desk d = open_desk();
    static const char berlin[] =
        "{\"calendar\":{\"time_zone\":\"Europe/Berlin\",\"holidays\":[\"2026-12-25\"]}}";
    char* out = NULL;
#ifdef HELPDESK_CAPI_TEST_WITH_TZ
    /* The library has the system's IANA zones. */
    CHECK_OK(hd_sla_policy_change(&out, d.engine, d.admin, berlin));
    CHECK(contains(out, "\"time_zone\":\"Europe/Berlin\""));
    CHECK(contains(out, "\"2026-12-25\""));
    free_out(&out);
#else
    /* Built without the time-zone adapter, the d.engine knows UTC alone. */
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_sla_policy_change(&out, d.engine, d.admin, berlin));
    CHECK(contains(hd_error_last_fields(), "time_zone"));
#endif
    hd_engine_free(d.engine);
}
