/* The help desk from plain C through its C ABI (include/helpdesk/c.h, link
 * with helpdesk::c / -lhelpdesk-c): open a store, create the first admin,
 * sign up and approve an employee, and walk a ticket from New to Closed.
 *
 *   c_quickstart [store-url]        (default: sqlite::memory:)
 */
#include <helpdesk/c.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reports a failed call with the library's message and field errors. */
static int failed(const char* what, int rc) {
    fprintf(stderr, "%s failed (%s): %s %s\n", what, hd_error_name(rc), hd_error_last(), hd_error_last_fields());
    return 1;
}

/* The integer after the first `"key":` of a compact JSON result (ids, versions). */
static int64_t json_int(const char* json, const char* key) {
    char pattern[64];
    const char* at;
    snprintf(pattern, sizeof pattern, "\"%s\":", key);
    at = strstr(json, pattern);
    return at == NULL ? 0 : (int64_t)strtoll(at + strlen(pattern), NULL, 10);
}

/* Prints one step of the ticket's walk, then frees the result. */
static void step(const char* what, char* ticket_json) {
    const char* status = strstr(ticket_json, "\"status\":");
    int length = 0;
    if (status != NULL) {
        status += strlen("\"status\":\"");
        length = (int)(strchr(status, '"') - status);
    }
    printf("  %s: ticket %lld is %.*s (version %lld)\n", what, (long long)json_int(ticket_json, "id"), length,
           status != NULL ? status : "?", (long long)json_int(ticket_json, "version"));
    hd_string_free(ticket_json);
}

static const char admin_request[] =
    "{\"email\":\"admin@example.com\",\"first_name\":\"Ada\",\"last_name\":\"Admin\","
    "\"department\":\"IT Department\",\"password\":\"Quick-Start-1\",\"confirm_password\":\"Quick-Start-1\"}";
static const char erin_request[] =
    "{\"email\":\"erin@example.com\",\"first_name\":\"Erin\",\"last_name\":\"Employee\","
    "\"department\":\"IT Department\",\"password\":\"Quick-Start-1\",\"confirm_password\":\"Quick-Start-1\"}";
static const char ticket_request[] =
    "{\"subject\":\"VPN drops every hour\",\"category\":\"IT Category\","
    "\"sub_category\":\"Network & Security Administration\","
    "\"description\":\"The VPN disconnects about once an hour since Monday.\"}";

int main(int argc, char** argv) {
    const char* store_url = argc > 1 ? argv[1] : "sqlite::memory:";
    hd_engine* desk = NULL;
    hd_engine_options options;
    char* out = NULL;
    int64_t admin, erin, ticket, logged_in = 0;
    int rc;

    hd_engine_options_init(&options);
    options.password_iterations = 100000; /* quicker than the default 600,000 for a demo */
    if ((rc = hd_engine_open(&desk, store_url, &options)) != HD_OK) {
        return failed("hd_engine_open", rc);
    }
    printf("helpdesk C quickstart (C ABI %u) on %s\n", (unsigned)hd_version_number(), store_url);

    if ((rc = hd_bootstrap_admin(&out, desk, admin_request)) != HD_OK) {
        return failed("hd_bootstrap_admin", rc);
    }
    admin = json_int(out, "id");
    printf("  first System Admin: %s\n", out);
    hd_string_free(out);

    if ((rc = hd_sign_up(&out, desk, erin_request)) != HD_OK) {
        return failed("hd_sign_up", rc);
    }
    erin = json_int(out, "id");
    hd_string_free(out);
    if ((rc = hd_account_approve(&out, desk, admin, erin)) != HD_OK) {
        return failed("hd_account_approve", rc);
    }
    hd_string_free(out);
    if ((rc = hd_login(&logged_in, desk, "erin@example.com", "Quick-Start-1", 0)) != HD_OK) {
        return failed("hd_login", rc);
    }
    printf("  signed up, approved and logged in: account %lld\n", (long long)logged_in);

    if ((rc = hd_ticket_create(&out, desk, erin, ticket_request)) != HD_OK) {
        return failed("hd_ticket_create", rc);
    }
    ticket = json_int(out, "id");
    step("created", out);
    if ((rc = hd_ticket_approve(&out, desk, admin, ticket, "{\"priority\":\"High\",\"department\":\"IT Department\"}",
                                1)) != HD_OK) {
        return failed("hd_ticket_approve", rc);
    }
    step("approved", out);
    if ((rc = hd_ticket_claim(&out, desk, admin, ticket, 2)) != HD_OK) {
        return failed("hd_ticket_claim", rc);
    }
    step("claimed", out);
    if ((rc = hd_ticket_update_status(&out, desk, admin, ticket, "Resolved", "Updated the VPN client to 5.2.", 3)) !=
        HD_OK) {
        return failed("hd_ticket_update_status", rc);
    }
    step("resolved", out);
    if ((rc = hd_ticket_close(&out, desk, erin, ticket, "Works now, thanks!", 4)) != HD_OK) {
        return failed("hd_ticket_close", rc);
    }
    step("closed", out);

    /* A refusal: a closed ticket cannot be reopened. */
    rc = hd_ticket_reopen(&out, desk, erin, ticket, "Actually...", 0);
    if (rc != HD_E_INVALID_STATE) {
        fprintf(stderr, "reopening a closed ticket answered %s, not invalid_state\n", hd_error_name(rc));
        return 1;
    }
    printf("  reopen refused as expected: %s: %s\n", hd_error_name(rc), hd_error_last());

    /* The first page of the history (NULL query: up to 20 rows, with a count). */
    if ((rc = hd_ticket_history_page(&out, desk, erin, ticket, NULL)) != HD_OK) {
        return failed("hd_ticket_history_page", rc);
    }
    printf("history as its owner sees it:\n%s\n", out);
    hd_string_free(out);
    hd_engine_free(desk);
    return 0;
}
