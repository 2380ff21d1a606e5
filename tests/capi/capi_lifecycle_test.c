/* The C ABI from plain C99: version and names, a whole ticket lifecycle, attachments. */
#include "capi_support.h"

void test_version_and_names(void) {
    CHECK(hd_version_number() == HD_VERSION_NUMBER);
    CHECK(strcmp(hd_error_name(HD_OK), "ok") == 0);
    CHECK(strcmp(hd_error_name(HD_E_INVALID_ARGUMENT), "invalid_argument") == 0);
    CHECK(strcmp(hd_error_name(HD_E_PRECONDITION_FAILED), "precondition_failed") == 0);
    CHECK(strcmp(hd_error_name(HD_E_INTERNAL), "internal") == 0);
    CHECK(strcmp(hd_error_name(-13), "unknown") == 0);
    CHECK(strcmp(hd_error_name(1), "unknown") == 0);
}

void test_lifecycle(void) {
    hd_engine* engine = open_engine();
    int64_t admin = bootstrap_admin(engine);
    int64_t erin = employee(engine, admin, "erin@example.com", "Erin");
    int64_t logged_in = 0;
    int64_t ticket, second;
    char* out = NULL;

    /* Login: the employee endpoint admits Erin, the staff one the admin. */
    CHECK_OK(hd_login(&logged_in, engine, "erin@example.com", password, 0));
    CHECK(logged_in == erin);
    CHECK_OK(hd_login(&logged_in, engine, "admin@example.com", password, 1));
    CHECK(logged_in == admin);
    logged_in = 42;
    CHECK_FAILS(HD_E_UNAUTHENTICATED, hd_login(&logged_in, engine, "erin@example.com", "Wrong-Pass-1", 0));
    CHECK(logged_in == 0);
    CHECK_FAILS(HD_E_UNAUTHENTICATED, hd_login(&logged_in, engine, "nobody@example.com", password, 0));
    CHECK_FAILS(HD_E_PERMISSION_DENIED, hd_login(&logged_in, engine, "erin@example.com", password, 1));

    CHECK_OK(hd_account_get(&out, engine, erin, erin));
    CHECK(contains(out, "\"email\":\"erin@example.com\""));
    CHECK(!contains(out, "image_url"));
    hd_string_free(out);
    out = NULL;

    /* New → Open with the version check, then a stale version refused. */
    ticket = raise_ticket(engine, erin, "VPN drops every hour");
    CHECK_OK(hd_ticket_approve(&out, engine, admin, ticket, approve_high, 1));
    CHECK(contains(out, "\"status\":\"Open\""));
    CHECK(contains(out, "\"priority\":\"High\""));
    CHECK(int_field(out, "version") == 2);
    CHECK(contains(out, "\"employee\":{\"id\":"));
    CHECK(contains(out, "\"email\":\"erin@example.com\""));
    CHECK(contains(out, "\"attachments\":[]"));
    hd_string_free(out);
    out = NULL;
    CHECK_FAILS(HD_E_PRECONDITION_FAILED, hd_ticket_claim(&out, engine, admin, ticket, 1));
    CHECK(out == NULL);
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_claim(&out, engine, admin, ticket, -3));
    CHECK(contains(hd_error_last_fields(), "\"expected_version\""));

    /* Approving twice is a state the lifecycle does not allow. */
    CHECK_FAILS(HD_E_INVALID_STATE, hd_ticket_approve(&out, engine, admin, ticket, approve_high, 0));

    CHECK_OK(hd_ticket_claim(&out, engine, admin, ticket, 2));
    CHECK(contains(out, "\"status\":\"In Progress\""));
    CHECK(contains(out, "\"assigned_to\":{\"id\":"));
    CHECK(int_field(out, "version") == 3);
    hd_string_free(out);
    out = NULL;

    /* Comments: a public one and an internal note Erin must not see. */
    CHECK_OK(hd_ticket_comment(&out, engine, admin, ticket, "Looking into it.", 0));
    CHECK(contains(out, "\"is_internal\":false"));
    CHECK(int_field(out, "author") == admin);
    hd_string_free(out);
    out = NULL;
    CHECK_OK(hd_ticket_comment(&out, engine, admin, ticket, "Old VPN client, staff eyes only.", 1));
    CHECK(contains(out, "\"is_internal\":true"));
    hd_string_free(out);
    out = NULL;
    CHECK_FAILS(HD_E_PERMISSION_DENIED, hd_ticket_comment(&out, engine, erin, ticket, "Sneaky note", 1));
    CHECK_OK(hd_ticket_comments(&out, engine, erin, ticket));
    CHECK(contains(out, "Looking into it."));
    CHECK(!contains(out, "staff eyes only"));
    hd_string_free(out);
    out = NULL;
    CHECK_OK(hd_ticket_comments(&out, engine, admin, ticket));
    CHECK(contains(out, "staff eyes only"));
    hd_string_free(out);
    out = NULL;
    CHECK_OK(hd_ticket_get(&out, engine, erin, ticket));
    CHECK(contains(out, "Looking into it."));
    CHECK(!contains(out, "staff eyes only"));
    hd_string_free(out);
    out = NULL;

    /* In Progress → Resolved → Closed. */
    CHECK_OK(hd_ticket_update_status(&out, engine, admin, ticket, "Resolved", "Updated the VPN client.", 0));
    CHECK(contains(out, "\"status\":\"Resolved\""));
    hd_string_free(out);
    out = NULL;
    CHECK_FAILS(HD_E_PERMISSION_DENIED, hd_ticket_close(&out, engine, admin, ticket, NULL, 0));
    CHECK_OK(hd_ticket_close(&out, engine, erin, ticket, "Works now, thanks!", 0));
    CHECK(contains(out, "\"status\":\"Closed\""));
    CHECK(!contains(out, "\"time_closed\":null"));
    hd_string_free(out);
    out = NULL;
    CHECK_FAILS(HD_E_INVALID_STATE, hd_ticket_reopen(&out, engine, erin, ticket, "Actually...", 0));
    CHECK(out == NULL);

    CHECK_OK(hd_ticket_history(&out, engine, erin, ticket));
    CHECK(contains(out, "\"kind\":\"created\""));
    CHECK(contains(out, "\"kind\":\"priority_changed\""));
    CHECK(contains(out, "\"new_value\":\"Open\""));
    CHECK(!contains(out, "internal_comment_added"));
    CHECK(contains(out, "\"new_value\":\"Closed\""));
    hd_string_free(out);
    out = NULL;

    /* The reopen path, an assignment to another staff member, finalize. */
    second = raise_ticket(engine, erin, "Printer jams");
    CHECK_OK(hd_ticket_approve(&out, engine, admin, second, "{\"priority\":\"Low\"}", 0));
    hd_string_free(out);
    out = NULL;
    {
        char* request = person_json("cora@example.com", "Cora", "Coordinator");
        int64_t cora;
        CHECK_OK(hd_sign_up(&out, engine, request));
        cora = int_field(out, "id");
        hd_string_free(out);
        out = NULL;
        free(request);
        CHECK_OK(hd_account_approve(&out, engine, admin, cora));
        hd_string_free(out);
        out = NULL;
        /* An employee is not staff: the assignment is refused. */
        CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_assign(&out, engine, admin, second, cora, 0));
        CHECK(out == NULL);
        CHECK_OK(hd_ticket_assign(&out, engine, admin, second, admin, 0));
        CHECK(contains(out, "\"status\":\"In Progress\""));
        CHECK(int_field(out, "version") == 3);
        hd_string_free(out);
        out = NULL;
    }
    CHECK_OK(hd_ticket_update_status(&out, engine, admin, second, "Resolved", NULL, 3));
    hd_string_free(out);
    out = NULL;
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_reopen(&out, engine, erin, second, "", 0));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_reopen(&out, engine, erin, second, NULL, 0));
    CHECK_OK(hd_ticket_reopen(&out, engine, erin, second, "Still jams on A3.", 0));
    CHECK(contains(out, "\"status\":\"In Progress\""));
    hd_string_free(out);
    out = NULL;
    CHECK_FAILS(HD_E_PERMISSION_DENIED, hd_ticket_finalize(&out, engine, erin, second, 0));
    CHECK_OK(hd_ticket_finalize(&out, engine, admin, second, 0));
    CHECK(contains(out, "\"finalized\":true"));
    hd_string_free(out);
    out = NULL;

    /* Stats see both tickets. */
    CHECK_OK(hd_ticket_stats(&out, engine, erin));
    CHECK(int_field(out, "total") == 2);
    CHECK(contains(out, "\"Closed\":1"));
    CHECK(contains(out, "\"In Progress\":1"));
    hd_string_free(out);
    out = NULL;

    hd_engine_free(engine);
}

void test_attachments(void) {
    static const char pdf[] = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n";
    static const unsigned char png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static const unsigned char exe[] = {'M', 'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0};
    hd_engine* engine = open_engine();
    int64_t admin = bootstrap_admin(engine);
    int64_t erin = employee(engine, admin, "erin@example.com", "Erin");
    int64_t other = employee(engine, admin, "omar@example.com", "Omar");
    int64_t ticket = raise_ticket(engine, erin, "Scanner output");
    char* out = NULL;

    CHECK_OK(hd_ticket_attach(&out, engine, erin, ticket, "scan.pdf", pdf, sizeof pdf - 1));
    CHECK(contains(out, "\"file_name\":\"scan.pdf\""));
    CHECK(contains(out, "\"content_type\":\"application/pdf\""));
    CHECK(int_field(out, "size") == (int64_t)(sizeof pdf - 1));
    CHECK(!contains(out, "download_url"));
    CHECK(!contains(out, "blob_key"));
    hd_string_free(out);
    out = NULL;
    CHECK_OK(hd_ticket_attach(&out, engine, admin, ticket, "screen.png", png, sizeof png));
    CHECK(contains(out, "\"content_type\":\"image/png\""));
    hd_string_free(out);
    out = NULL;
    CHECK_FAILS(HD_E_UNSUPPORTED_MEDIA_TYPE, hd_ticket_attach(&out, engine, erin, ticket, "tool.exe", exe, sizeof exe));
    CHECK(out == NULL);
    CHECK_FAILS(HD_E_UNSUPPORTED_MEDIA_TYPE,
                hd_ticket_attach(&out, engine, erin, ticket, "tool.pdf", exe, sizeof exe));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_attach(&out, engine, erin, ticket, "scan.pdf", NULL, 10));
    CHECK(contains(hd_error_last_fields(), "\"data\""));
    CHECK_FAILS(HD_E_NOT_FOUND, hd_ticket_attach(&out, engine, other, ticket, "scan.pdf", pdf, sizeof pdf - 1));

    CHECK_OK(hd_ticket_get(&out, engine, erin, ticket));
    CHECK(count_of(out, "\"file_name\"") == 2);
    CHECK(contains(out, "\"file_name\":\"screen.png\""));
    hd_string_free(out);
    out = NULL;

    hd_engine_free(engine);
}
