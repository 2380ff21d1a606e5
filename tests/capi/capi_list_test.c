/* The C ABI from plain C99: lists and their pages, and the refusals of the lifecycle. */
#include "capi_support.h"

/* Walks a comment or history list (`list` is hd_ticket_comments_page or
 * hd_ticket_history_page) by cursor, `page_size` rows at a time; returns the
 * rows seen (each counted by `row_key`, a member every row has once) and sets
 * the number of pages and whether any row was internal. */
static int walk_by_cursor(int (*list)(char**, hd_engine*, int64_t, int64_t, const char*), hd_engine* engine,
                          int64_t actor, int64_t ticket, int page_size, const char* row_key, int* pages,
                          int* internal) {
    char query[256];
    char cursor[128] = "";
    char* out = NULL;
    int seen = 0;
    *pages = 0;
    *internal = 0;
    do {
        snprintf(query, sizeof query, "{\"page_size\":%d,\"cursor\":\"%s\"}", page_size, cursor);
        CHECK_OK(list(&out, engine, actor, ticket, query));
        CHECK(contains(out, "\"count\":null"));
        CHECK(contains(out, *pages == 0 ? "\"has_previous\":false" : "\"has_previous\":true"));
        seen += count_of(out, row_key);
        *internal |= contains(out, "\"is_internal\":true");
        ++*pages;
        if (!string_field(out, "next_cursor", cursor, sizeof cursor)) {
            CHECK(contains(out, "\"has_next\":false"));
            cursor[0] = '\0';
        }
        hd_string_free(out);
        out = NULL;
    } while (cursor[0] != '\0' && *pages < 20);
    return seen;
}

void test_list_and_pagination(void) {
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
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_list(&out, engine, erin, "{\"tag\":\"urgent\"}"));
    CHECK(out == NULL);
    CHECK(contains(hd_error_last(), "tag"));
    CHECK(contains(hd_error_last_fields(), "\"tag\":[\"Not a parameter of this list;"));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_list(&out, engine, erin, "{\"tag\":null,\"status\":\"Open\"}"));
    CHECK(contains(hd_error_last_fields(), "\"tag\""));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_list(&out, engine, erin, "{\"sla\":\"late\"}"));
    CHECK(contains(hd_error_last_fields(), "\"sla\":[\"Not an SLA state: late.\"]"));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_list(&out, engine, erin, "{\"priority\":\"Whenever\"}"));
    CHECK(contains(hd_error_last(), "priority"));
    CHECK(contains(hd_error_last_fields(), "\"priority\":[\"Not a priority: Whenever.\"]"));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_list(&out, engine, erin, "{\"status\":\"Opened\"}"));
    CHECK(contains(hd_error_last(), "status"));

    hd_engine_free(engine);
}

void test_comment_and_history_pages(void) {
    hd_engine* engine = open_engine();
    int64_t admin = bootstrap_admin(engine);
    int64_t erin = employee(engine, admin, "erin@example.com", "Erin");
    int64_t ticket = raise_ticket(engine, erin, "Monitor flickers");
    int64_t omar = employee(engine, admin, "omar@example.com", "Omar");
    int64_t public_ids[5];
    char* out = NULL;
    char text[64];
    char comment_cursor[128];
    int i, pages, internal, history_rows;
    /* A query and the member its refusal names. */
    static const char* const refused[][2] = {
        {"{\"sla\":1}", "\"sla\":["},           {"{\"cursor\":\"junk\"}", "\"cursor\":["},
        {"{\"page_size\":101}", "\"page_size\":["}, {"{\"page\":0}", "\"page\":["},
        {"{\"page\":\"2\"}", "\"page\":["},       {"[1]", "\"query_json\":["},
    };

    CHECK_OK(hd_ticket_approve(&out, engine, admin, ticket, approve_high, 0));
    hd_string_free(out);
    out = NULL;
    for (i = 0; i < 5; ++i) {
        snprintf(text, sizeof text, "Public comment %d", i + 1);
        CHECK_OK(hd_ticket_comment(&out, engine, erin, ticket, text, 0));
        public_ids[i] = int_field(out, "id");
        hd_string_free(out);
        out = NULL;
        if (i == 1 || i == 3) {
            CHECK_OK(hd_ticket_comment(&out, engine, admin, ticket, "Internal note", 1));
            hd_string_free(out);
            out = NULL;
        }
    }

    /* NULL query: the first numbered page (20 rows), internal notes for staff only. */
    CHECK_OK(hd_ticket_comments_page(&out, engine, erin, ticket, NULL));
    CHECK(int_field(out, "count") == 5);
    CHECK(count_of(out, "\"text\"") == 5);
    CHECK(!contains(out, "\"is_internal\":true"));
    CHECK(contains(out, "\"has_next\":false"));
    CHECK(contains(out, "\"next_cursor\":null"));
    hd_string_free(out);
    out = NULL;
    CHECK_OK(hd_ticket_comments_page(&out, engine, admin, ticket, NULL));
    CHECK(int_field(out, "count") == 7);
    CHECK(count_of(out, "\"is_internal\":true") == 2);
    hd_string_free(out);
    out = NULL;

    /* Page 2 of two by number: comments 3 and 4, oldest first. */
    CHECK_OK(hd_ticket_comments_page(&out, engine, erin, ticket, "{\"page\":2,\"page_size\":2}"));
    CHECK(int_field(out, "count") == 5);
    CHECK(count_of(out, "\"text\"") == 2);
    CHECK(int_field(out, "id") == public_ids[2]);
    CHECK(contains(out, "Public comment 4"));
    CHECK(contains(out, "\"has_next\":true"));
    CHECK(contains(out, "\"has_previous\":true"));
    hd_string_free(out);
    out = NULL;

    /* Cursor walks give every visible row once, hiding internal rows from the owner on every page. */
    CHECK(walk_by_cursor(hd_ticket_comments_page, engine, erin, ticket, 2, "\"text\"", &pages, &internal) == 5);
    CHECK(pages == 3);
    CHECK(!internal);
    CHECK(walk_by_cursor(hd_ticket_comments_page, engine, admin, ticket, 3, "\"text\"", &pages, &internal) == 7);
    CHECK(pages == 3);
    CHECK(internal);
    CHECK_OK(hd_ticket_history(&out, engine, erin, ticket));
    history_rows = count_of(out, "\"kind\"");
    CHECK(history_rows >= 7);
    hd_string_free(out);
    out = NULL;
    CHECK_OK(hd_ticket_history_page(&out, engine, erin, ticket, "{\"page_size\":100}"));
    CHECK(int_field(out, "count") == history_rows);
    hd_string_free(out);
    out = NULL;
    CHECK(walk_by_cursor(hd_ticket_history_page, engine, erin, ticket, 2, "\"kind\"", &pages, &internal) ==
          history_rows);
    CHECK(pages == (history_rows + 1) / 2);
    CHECK(!internal);
    CHECK(walk_by_cursor(hd_ticket_history_page, engine, admin, ticket, 2, "\"kind\"", &pages, &internal) ==
          history_rows + 2);
    CHECK(internal);

    /* Refusals name the parameter; another employee's ticket does not exist for Omar. */
    for (i = 0; i < (int)(sizeof refused / sizeof refused[0]); ++i) {
        CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_comments_page(&out, engine, erin, ticket, refused[i][0]));
        CHECK(contains(hd_error_last_fields(), refused[i][1]));
        CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_history_page(&out, engine, erin, ticket, refused[i][0]));
        CHECK(contains(hd_error_last_fields(), refused[i][1]));
        CHECK(out == NULL);
    }
    CHECK_FAILS(HD_E_NOT_FOUND, hd_ticket_comments_page(&out, engine, omar, ticket, NULL));
    CHECK_FAILS(HD_E_NOT_FOUND, hd_ticket_history_page(&out, engine, omar, ticket, NULL));
    CHECK(out == NULL);

    /* A cursor of one list is refused by another. */
    CHECK_OK(hd_ticket_comments_page(&out, engine, erin, ticket, "{\"page_size\":1,\"cursor\":\"\"}"));
    CHECK(string_field(out, "next_cursor", comment_cursor, sizeof comment_cursor));
    hd_string_free(out);
    out = NULL;
    {
        char query[256];
        snprintf(query, sizeof query, "{\"cursor\":\"%s\"}", comment_cursor);
        CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_history_page(&out, engine, erin, ticket, query));
        CHECK(contains(hd_error_last_fields(), "\"cursor\""));
        CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_list(&out, engine, erin, query));
        CHECK(contains(hd_error_last_fields(), "\"cursor\""));
    }

    hd_engine_free(engine);
}

void test_refusals(void) {
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
