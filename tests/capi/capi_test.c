/* The C ABI driven from plain C99: a full ticket lifecycle and the main
 * refusals, each checked by its return code, its error message and field
 * messages, and the JSON it returns. Results are compact JSON (no spaces), so
 * substring checks are exact. Exit status 0 when every check passed. */
#include <helpdesk/c.h>

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;
static int checks = 0;

#define CHECK(cond)                                                                                      \
    do {                                                                                                 \
        ++checks;                                                                                        \
        if (!(cond)) {                                                                                   \
            ++failures;                                                                                  \
            fprintf(stderr, "%s:%d: CHECK(%s) failed (last error: %s %s)\n", __FILE__, __LINE__, #cond, \
                    hd_error_last(), hd_error_last_fields());                                            \
        }                                                                                                \
    } while (0)

/* A call expected to succeed; on failure prints the library's message. */
#define CHECK_OK(call)                                                                                   \
    do {                                                                                                 \
        int rc_ = (call);                                                                                \
        ++checks;                                                                                        \
        if (rc_ != HD_OK) {                                                                              \
            ++failures;                                                                                  \
            fprintf(stderr, "%s:%d: %s returned %s: %s %s\n", __FILE__, __LINE__, #call,                 \
                    hd_error_name(rc_), hd_error_last(), hd_error_last_fields());                        \
        }                                                                                                \
    } while (0)

/* A call expected to fail with `code`; also checks the thread's last error agrees. */
#define CHECK_FAILS(code, call)                                                                          \
    do {                                                                                                 \
        int rc_ = (call);                                                                                \
        ++checks;                                                                                        \
        if (rc_ != (code) || hd_error_last_code() != (code) || hd_error_last()[0] == '\0') {             \
            ++failures;                                                                                  \
            fprintf(stderr, "%s:%d: %s returned %s, expected %s (last: %s \"%s\")\n", __FILE__,          \
                    __LINE__, #call, hd_error_name(rc_), hd_error_name(code),                            \
                    hd_error_name(hd_error_last_code()), hd_error_last());                               \
        }                                                                                                \
    } while (0)

/* ---- tiny readers of compact JSON --------------------------------------- */

static int contains(const char* json, const char* text) {
    return json != NULL && strstr(json, text) != NULL;
}

static int count_of(const char* json, const char* text) {
    int n = 0;
    const char* at = json;
    size_t len = strlen(text);
    while (at != NULL && (at = strstr(at, text)) != NULL) {
        ++n;
        at += len;
    }
    return n;
}

/* The integer after the first `"key":`; -1 when absent or not a number. */
static int64_t int_field(const char* json, const char* key) {
    char pattern[64];
    const char* at;
    char* end = NULL;
    long long value;
    snprintf(pattern, sizeof pattern, "\"%s\":", key);
    at = json == NULL ? NULL : strstr(json, pattern);
    if (at == NULL) {
        return -1;
    }
    at += strlen(pattern);
    value = strtoll(at, &end, 10);
    return end == at ? -1 : (int64_t)value;
}

/* Copies the string after the first `"key":"` into `out`; 0 when absent (or null). */
static int string_field(const char* json, const char* key, char* out, size_t size) {
    char pattern[64];
    const char* at;
    size_t n = 0;
    snprintf(pattern, sizeof pattern, "\"%s\":\"", key);
    at = json == NULL ? NULL : strstr(json, pattern);
    if (at == NULL || size == 0) {
        return 0;
    }
    at += strlen(pattern);
    while (at[n] != '\0' && at[n] != '"' && n + 1 < size) {
        out[n] = at[n];
        ++n;
    }
    out[n] = '\0';
    return 1;
}

/* ---- fixtures ------------------------------------------------------------ */

static const char* const password = "C-Abi-Test-1";

static char* person_json(const char* email, const char* first, const char* last) {
    static const char* const format =
        "{\"email\":\"%s\",\"first_name\":\"%s\",\"last_name\":\"%s\",\"department\":\"IT Department\","
        "\"password\":\"%s\",\"confirm_password\":\"%s\"}";
    size_t size = strlen(format) + strlen(email) + strlen(first) + strlen(last) + 2 * strlen(password) + 1;
    char* text = malloc(size);
    if (text == NULL) {
        abort();
    }
    snprintf(text, size, format, email, first, last, password, password);
    return text;
}

static hd_engine* open_engine(void) {
    hd_engine* engine = NULL;
    hd_engine_options options;
    hd_engine_options_init(&options);
    options.password_iterations = 1000; /* fast hashes: the tests do many logins */
    CHECK_OK(hd_engine_open(&engine, "sqlite::memory:", &options));
    CHECK(engine != NULL);
    if (engine == NULL) {
        fprintf(stderr, "cannot open an engine; giving up\n");
        exit(1);
    }
    return engine;
}

static int64_t bootstrap_admin(hd_engine* engine) {
    char* request = person_json("admin@example.com", "Ada", "Admin");
    char* account = NULL;
    int64_t id;
    CHECK_OK(hd_bootstrap_admin(&account, engine, request));
    CHECK(contains(account, "\"role\":\"System Admin\""));
    CHECK(contains(account, "\"status\":\"Approved\""));
    CHECK(!contains(account, "password"));
    id = int_field(account, "id");
    CHECK(id > 0);
    hd_string_free(account);
    free(request);
    return id;
}

/* Signs up and approves an employee; returns the id. */
static int64_t employee(hd_engine* engine, int64_t admin, const char* email, const char* first) {
    char* request = person_json(email, first, "Employee");
    char* account = NULL;
    int64_t id;
    CHECK_OK(hd_sign_up(&account, engine, request));
    CHECK(contains(account, "\"role\":\"Employee\""));
    CHECK(contains(account, "\"status\":\"Pending\""));
    id = int_field(account, "id");
    hd_string_free(account);
    account = NULL;
    CHECK_OK(hd_account_approve(&account, engine, admin, id));
    CHECK(contains(account, "\"status\":\"Approved\""));
    hd_string_free(account);
    free(request);
    return id;
}

/* Raises a ticket; returns its id. */
static int64_t raise_ticket(hd_engine* engine, int64_t owner, const char* subject) {
    char request[512];
    char* ticket = NULL;
    int64_t id;
    snprintf(request, sizeof request,
             "{\"subject\":\"%s\",\"category\":\"IT Category\",\"sub_category\":\"Network & Security "
             "Administration\",\"description\":\"Described in enough detail.\"}",
             subject);
    CHECK_OK(hd_ticket_create(&ticket, engine, owner, request));
    CHECK(contains(ticket, "\"status\":\"New\""));
    CHECK(int_field(ticket, "version") == 1);
    id = int_field(ticket, "id");
    CHECK(id > 0);
    hd_string_free(ticket);
    return id;
}

static const char approve_high[] = "{\"priority\":\"High\",\"department\":\"IT Department\"}";

/* ---- tests --------------------------------------------------------------- */

static void test_version_and_names(void) {
    CHECK(hd_version_number() == HD_VERSION_NUMBER);
    CHECK(strcmp(hd_error_name(HD_OK), "ok") == 0);
    CHECK(strcmp(hd_error_name(HD_E_INVALID_ARGUMENT), "invalid_argument") == 0);
    CHECK(strcmp(hd_error_name(HD_E_PRECONDITION_FAILED), "precondition_failed") == 0);
    CHECK(strcmp(hd_error_name(HD_E_INTERNAL), "internal") == 0);
    CHECK(strcmp(hd_error_name(-13), "unknown") == 0);
    CHECK(strcmp(hd_error_name(1), "unknown") == 0);
}

static void test_lifecycle(void) {
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

static void test_attachments(void) {
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

static void test_list_and_pagination(void) {
    hd_engine* engine = open_engine();
    int64_t admin = bootstrap_admin(engine);
    int64_t erin = employee(engine, admin, "erin@example.com", "Erin");
    int64_t omar = employee(engine, admin, "omar@example.com", "Omar");
    int64_t ids[5];
    char* out = NULL;
    char query[256];
    char cursor[256];
    int i, seen = 0, pages = 0;

    for (i = 0; i < 5; ++i) {
        char subject[64];
        snprintf(subject, sizeof subject, "Erin's ticket number %d", i + 1);
        ids[i] = raise_ticket(engine, erin, subject);
    }
    raise_ticket(engine, omar, "Omar's only ticket");
    CHECK_OK(hd_ticket_approve(&out, engine, admin, ids[0], approve_high, 0));
    hd_string_free(out);
    out = NULL;
    CHECK_OK(hd_ticket_approve(&out, engine, admin, ids[1], "{\"priority\":\"Low\"}", 0));
    hd_string_free(out);
    out = NULL;

    /* NULL query: everything the actor may see. */
    CHECK_OK(hd_ticket_list(&out, engine, erin, NULL));
    CHECK(int_field(out, "count") == 5);
    CHECK(!contains(out, "Omar's only ticket"));
    hd_string_free(out);
    out = NULL;
    CHECK_OK(hd_ticket_list(&out, engine, admin, NULL));
    CHECK(int_field(out, "count") == 6);
    hd_string_free(out);
    out = NULL;

    /* Filters. */
    CHECK_OK(hd_ticket_list(&out, engine, admin, "{\"status\":[\"Open\"]}"));
    CHECK(int_field(out, "count") == 2);
    hd_string_free(out);
    out = NULL;
    CHECK_OK(hd_ticket_list(&out, engine, admin, "{\"status\":\"New\",\"employee\":3}"));
    CHECK(int_field(out, "count") == 1);
    CHECK(contains(out, "Omar's only ticket"));
    hd_string_free(out);
    out = NULL;
    CHECK_OK(hd_ticket_list(&out, engine, erin, "{\"priority\":\"High\"}"));
    CHECK(int_field(out, "count") == 1);
    CHECK(int_field(out, "id") == ids[0]);
    hd_string_free(out);
    out = NULL;
    CHECK_OK(hd_ticket_list(&out, engine, erin, "{\"search\":\"number 3\"}"));
    CHECK(contains(out, "Erin's ticket number 3"));
    hd_string_free(out);
    out = NULL;

    /* Offset pages of two, newest first: 5, 4 | 3, 2 | 1. */
    CHECK_OK(hd_ticket_list(&out, engine, erin, "{\"page_size\":2}"));
    CHECK(int_field(out, "count") == 5);
    CHECK(count_of(out, "\"ticket_number\"") == 2);
    CHECK(contains(out, "\"has_next\":true"));
    CHECK(contains(out, "\"has_previous\":false"));
    CHECK(int_field(out, "id") == ids[4]);
    hd_string_free(out);
    out = NULL;
    CHECK_OK(hd_ticket_list(&out, engine, erin, "{\"page_size\":2,\"page\":3}"));
    CHECK(count_of(out, "\"ticket_number\"") == 1);
    CHECK(int_field(out, "id") == ids[0]);
    CHECK(contains(out, "\"has_next\":false"));
    CHECK(contains(out, "\"has_previous\":true"));
    hd_string_free(out);
    out = NULL;
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_list(&out, engine, erin, "{\"page_size\":1000}"));

    /* Cursor pages of two walk all five exactly once. */
    strcpy(cursor, "");
    do {
        snprintf(query, sizeof query, "{\"page_size\":2,\"cursor\":\"%s\"}", cursor);
        CHECK_OK(hd_ticket_list(&out, engine, erin, query));
        CHECK(contains(out, "\"count\":null"));
        seen += count_of(out, "\"ticket_number\"");
        ++pages;
        if (!string_field(out, "next_cursor", cursor, sizeof cursor)) {
            CHECK(contains(out, "\"next_cursor\":null"));
            cursor[0] = '\0';
        }
        hd_string_free(out);
        out = NULL;
    } while (cursor[0] != '\0' && pages < 10);
    CHECK(seen == 5);
    CHECK(pages == 3);
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_list(&out, engine, erin, "{\"cursor\":\"not-a-cursor!\"}"));

    /* Wrong types and unknown values name their fields. */
    CHECK_FAILS(HD_E_INVALID_ARGUMENT,
                hd_ticket_list(&out, engine, erin, "{\"status\":[\"Opened\"],\"page\":\"2\",\"employee\":-1}"));
    CHECK(out == NULL);
    CHECK(contains(hd_error_last_fields(), "\"status\":[\"Not a ticket status: Opened.\"]"));
    CHECK(contains(hd_error_last_fields(), "\"page\":[\"Must be an integer.\"]"));
    CHECK(contains(hd_error_last_fields(), "\"employee\":[\"Must be a positive integer id.\"]"));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_list(&out, engine, erin, "[\"status\"]"));
    CHECK(contains(hd_error_last_fields(), "\"query_json\""));

    /* What the list does not understand is refused, never ignored: an unknown
       parameter, and an unknown value of a known filter, each named. */
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_list(&out, engine, erin, "{\"sla\":\"breached\"}"));
    CHECK(out == NULL);
    CHECK(contains(hd_error_last(), "sla"));
    CHECK(contains(hd_error_last_fields(), "\"sla\":[\"Not a parameter of this list;"));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_list(&out, engine, erin, "{\"sla\":null,\"status\":\"Open\"}"));
    CHECK(contains(hd_error_last_fields(), "\"sla\""));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_list(&out, engine, erin, "{\"priority\":\"Whenever\"}"));
    CHECK(contains(hd_error_last(), "priority"));
    CHECK(contains(hd_error_last_fields(), "\"priority\":[\"Not a priority: Whenever.\"]"));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_list(&out, engine, erin, "{\"status\":\"Opened\"}"));
    CHECK(contains(hd_error_last(), "status"));

    hd_engine_free(engine);
}

static void test_refusals(void) {
    hd_engine* engine = open_engine();
    int64_t admin = bootstrap_admin(engine);
    int64_t erin = employee(engine, admin, "erin@example.com", "Erin");
    int64_t omar = employee(engine, admin, "omar@example.com", "Omar");
    int64_t ticket = raise_ticket(engine, erin, "Keyboard missing keys");
    int64_t pending;
    char* out = NULL;
    char* request;

    /* Employees do not approve tickets or accounts. */
    CHECK_FAILS(HD_E_PERMISSION_DENIED, hd_ticket_approve(&out, engine, erin, ticket, approve_high, 0));
    CHECK(out == NULL);
    CHECK_FAILS(HD_E_PERMISSION_DENIED, hd_ticket_claim(&out, engine, erin, ticket, 0));
    CHECK_FAILS(HD_E_PERMISSION_DENIED, hd_account_approve(&out, engine, erin, omar));

    /* Another employee's ticket does not exist for Omar. */
    CHECK_FAILS(HD_E_NOT_FOUND, hd_ticket_get(&out, engine, omar, ticket));
    CHECK_FAILS(HD_E_NOT_FOUND, hd_ticket_history(&out, engine, omar, ticket));
    CHECK_FAILS(HD_E_NOT_FOUND, hd_ticket_withdraw(&out, engine, omar, ticket, NULL, 0));
    CHECK_FAILS(HD_E_NOT_FOUND, hd_ticket_get(&out, engine, admin, 9999));

    /* States: a New ticket cannot be claimed or resolved. */
    CHECK_FAILS(HD_E_INVALID_STATE, hd_ticket_claim(&out, engine, admin, ticket, 0));
    CHECK_FAILS(HD_E_INVALID_STATE, hd_ticket_update_status(&out, engine, admin, ticket, "Resolved", NULL, 0));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_update_status(&out, engine, admin, ticket, "Done", NULL, 0));

    /* The owner withdraws; staff reject another one with a reason. */
    CHECK_OK(hd_ticket_withdraw(&out, engine, erin, ticket, NULL, 1));
    CHECK(contains(out, "\"status\":\"Withdrawn\""));
    hd_string_free(out);
    out = NULL;
    ticket = raise_ticket(engine, erin, "Wants a new chair");
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_reject(&out, engine, admin, ticket, "", 0));
    CHECK_OK(hd_ticket_reject(&out, engine, admin, ticket, "Facilities handle chairs.", 0));
    CHECK(contains(out, "\"status\":\"Rejected\""));
    CHECK(contains(out, "\"rejection_reason\":\"Facilities handle chairs.\""));
    hd_string_free(out);
    out = NULL;

    /* Sign-up: bad fields are named, a chosen role is refused, duplicates conflict. */
    CHECK_FAILS(HD_E_INVALID_ARGUMENT,
                hd_sign_up(&out, engine,
                           "{\"email\":\"not-an-email\",\"first_name\":\"\",\"last_name\":\"Doe\","
                           "\"department\":\"IT Department\",\"password\":\"short\",\"confirm_password\":\"other\"}"));
    CHECK(out == NULL);
    CHECK(contains(hd_error_last_fields(), "\"email\":["));
    CHECK(contains(hd_error_last_fields(), "\"first_name\":["));
    CHECK(contains(hd_error_last_fields(), "\"password\":["));
    CHECK(!contains(hd_error_last_fields(), "\"last_name\""));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_sign_up(&out, engine, "{\"email\":7,\"first_name\":[\"Jo\"]}"));
    CHECK(strcmp(hd_error_last_fields(), "{\"email\":[\"Must be a string.\"],\"first_name\":[\"Must be a string.\"]}") ==
          0);
    request = person_json("mallory@example.com", "Mallory", "Admin");
    request[strlen(request) - 1] = '\0';
    {
        char with_role[512];
        snprintf(with_role, sizeof with_role, "%s,\"role\":\"System Admin\"}", request);
        CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_sign_up(&out, engine, with_role));
        CHECK(contains(hd_error_last_fields(), "\"role\""));
    }
    free(request);
    request = person_json("erin@example.com", "Erin", "Again");
    CHECK_FAILS(HD_E_CONFLICT, hd_sign_up(&out, engine, request));
    CHECK(contains(hd_error_last_fields(), "\"email\""));
    free(request);
    request = person_json("second-admin@example.com", "Sam", "Admin");
    CHECK_FAILS(HD_E_CONFLICT, hd_bootstrap_admin(&out, engine, request));
    free(request);

    /* Ticket requests: wrong types and fields only staff may set. */
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_create(&out, engine, erin, "{\"subject\":[\"Printer\"]}"));
    CHECK(strcmp(hd_error_last_fields(), "{\"subject\":[\"Must be a string.\"]}") == 0);
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_create(&out, engine, erin,
                                                        "{\"subject\":\"Printer\",\"category\":\"IT Category\","
                                                        "\"sub_category\":\"Network & Security Administration\","
                                                        "\"description\":\"Jams.\",\"priority\":\"Critical\"}"));
    CHECK(contains(hd_error_last_fields(), "\"priority\""));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_create(&out, engine, erin, "{}"));
    CHECK(contains(hd_error_last_fields(), "\"subject\""));

    /* Account rejection: the audit row comes back and the account is gone. */
    request = person_json("pat@example.com", "Pat", "Pending");
    CHECK_OK(hd_sign_up(&out, engine, request));
    pending = int_field(out, "id");
    hd_string_free(out);
    out = NULL;
    free(request);
    {
        int64_t logged_in = 0;
        CHECK_FAILS(HD_E_PERMISSION_DENIED, hd_login(&logged_in, engine, "pat@example.com", password, 0));
        CHECK(contains(hd_error_last(), "pending"));
    }
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_account_reject(&out, engine, admin, pending, NULL));
    CHECK_OK(hd_account_reject(&out, engine, admin, pending, "Not an employee."));
    CHECK(contains(out, "\"reason\":\"Not an employee.\""));
    CHECK(contains(out, "\"email\":\"pat@example.com\""));
    CHECK(int_field(out, "rejected_by") == admin);
    hd_string_free(out);
    out = NULL;
    CHECK_FAILS(HD_E_NOT_FOUND, hd_account_get(&out, engine, admin, pending));
    CHECK_FAILS(HD_E_UNAUTHENTICATED, hd_ticket_stats(&out, engine, pending));

    hd_engine_free(engine);
}

static void test_bad_calls(void) {
    hd_engine* engine = open_engine();
    int64_t admin = bootstrap_admin(engine);
    char* out = (char*)"untouched";
    int64_t id = 7;

    /* NULL pointers are refused by name; outputs are cleared first. */
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_get(&out, NULL, admin, 1));
    CHECK(out == NULL);
    CHECK(contains(hd_error_last_fields(), "\"engine\""));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_get(NULL, engine, admin, 1));
    CHECK(contains(hd_error_last(), "out_ticket_json"));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_sign_up(&out, engine, NULL));
    CHECK(contains(hd_error_last_fields(), "\"request_json\""));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_login(&id, engine, NULL, "x", 0));
    CHECK(id == 0);
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_login(NULL, engine, "a@example.com", "x", 0));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_comment(&out, engine, admin, 1, NULL, 0));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_update_status(&out, engine, admin, 1, NULL, NULL, 0));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_approve(&out, engine, admin, 1, NULL, 0));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_engine_open(NULL, "sqlite::memory:", NULL));
    hd_engine_free(NULL);
    hd_string_free(NULL);
    hd_engine_options_init(NULL);

    /* Malformed JSON and JSON that is not an object. */
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_sign_up(&out, engine, "{\"email\": "));
    CHECK(contains(hd_error_last(), "not valid JSON"));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_sign_up(&out, engine, "[1, 2]"));
    CHECK(contains(hd_error_last(), "JSON object"));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_create(&out, engine, admin, ""));

    /* An actor that does not exist. */
    CHECK_FAILS(HD_E_UNAUTHENTICATED, hd_ticket_list(&out, engine, 4242, NULL));

    hd_engine_free(engine);
}

static void test_opening(void) {
    hd_engine* engine = (hd_engine*)&engine; /* any non-NULL value: must be cleared */
    hd_engine_options options;
    struct {
        hd_engine_options v1;
        int64_t from_a_later_version;
    } newer;

    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_engine_open(&engine, "mysql://localhost/helpdesk", NULL));
    CHECK(engine == NULL);
    CHECK(contains(hd_error_last(), "mysql"));
    CHECK(contains(hd_error_last_fields(), "\"store_url\""));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_engine_open(&engine, NULL, NULL));
    CHECK(hd_engine_open(&engine, "sqlite:///nonexistent-helpdesk-dir/sub/x.db", NULL) != HD_OK);
    CHECK(engine == NULL);

    hd_engine_options_init(&options);
    options.struct_size = 0;
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_engine_open(&engine, "sqlite::memory:", &options));
    CHECK(contains(hd_error_last_fields(), "\"struct_size\""));
    options.struct_size = sizeof options - 1;
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_engine_open(&engine, "sqlite::memory:", &options));
    hd_engine_options_init(&options);
    options.password_iterations = -5;
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_engine_open(&engine, "sqlite::memory:", &options));
    CHECK(contains(hd_error_last_fields(), "\"password_iterations\""));
    hd_engine_options_init(&options);
    options.blob_dir = "";
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_engine_open(&engine, "sqlite::memory:", &options));

    /* A later header's larger struct is read as far as this version knows. */
    memset(&newer, 0, sizeof newer);
    hd_engine_options_init(&newer.v1);
    newer.v1.struct_size = (uint32_t)sizeof newer;
    newer.v1.password_iterations = 1000;
    newer.from_a_later_version = 99;
    CHECK_OK(hd_engine_open(&engine, "sqlite::memory:", &newer.v1));
    CHECK(engine != NULL);
    hd_engine_free(engine);
    engine = NULL;

    /* NULL options are the defaults. */
    CHECK_OK(hd_engine_open(&engine, "sqlite::memory:", NULL));
    hd_engine_free(engine);
}

static void* fail_in_another_thread(void* unused) {
    char* out = NULL;
    (void)unused;
    if (hd_error_last_code() != HD_OK || hd_error_last()[0] != '\0') {
        return (void*)"a new thread saw another thread's error";
    }
    if (hd_ticket_get(&out, NULL, 1, 1) != HD_E_INVALID_ARGUMENT || hd_error_last_code() != HD_E_INVALID_ARGUMENT) {
        return (void*)"the failure was not recorded in its own thread";
    }
    return NULL;
}

static void test_last_error(void) {
    hd_engine* engine = open_engine();
    int64_t admin = bootstrap_admin(engine);
    const char* message;
    char* out = NULL;
    pthread_t thread;
    void* problem = (void*)"not run";

    /* A failure stays readable through the accessors and hd_string_free... */
    CHECK_FAILS(HD_E_NOT_FOUND, hd_ticket_get(&out, engine, admin, 77));
    message = hd_error_last();
    CHECK(message[0] != '\0');
    CHECK(hd_error_last() == message);
    CHECK(hd_error_last_code() == HD_E_NOT_FOUND);
    CHECK(strcmp(hd_error_last_fields(), "{}") == 0);
    hd_string_free(NULL);
    hd_engine_options_init(NULL);
    CHECK(hd_version_number() > 0);
    CHECK(hd_error_last_code() == HD_E_NOT_FOUND);
    CHECK(hd_error_last()[0] != '\0');

    /* ...and is kept per thread. */
    CHECK(pthread_create(&thread, NULL, fail_in_another_thread, NULL) == 0);
    CHECK(pthread_join(thread, &problem) == 0);
    if (problem != NULL) {
        fprintf(stderr, "thread-local error: %s\n", (const char*)problem);
    }
    CHECK(problem == NULL);
    CHECK(hd_error_last_code() == HD_E_NOT_FOUND);

    /* The next status-returning call clears it, also when it succeeds. */
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_sign_up(&out, engine, "{\"email\":1}"));
    CHECK(strcmp(hd_error_last_fields(), "{}") != 0);
    CHECK_OK(hd_ticket_stats(&out, engine, admin));
    CHECK(hd_error_last_code() == HD_OK);
    CHECK(strcmp(hd_error_last(), "") == 0);
    CHECK(strcmp(hd_error_last_fields(), "{}") == 0);
    hd_string_free(out);

    hd_engine_free(engine);
}

int main(void) {
    test_version_and_names();
    test_lifecycle();
    test_attachments();
    test_list_and_pagination();
    test_refusals();
    test_bad_calls();
    test_opening();
    test_last_error();
    if (failures != 0) {
        fprintf(stderr, "%d of %d checks failed\n", failures, checks);
        return 1;
    }
    printf("all %d checks passed\n", checks);
    return 0;
}
