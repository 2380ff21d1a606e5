/* Staff's daily work through the C ABI: the queues, editing a ticket,
 * downloading a file, availability and department modes, canned replies. */
#include "capi_support.h"

void test_queues_edit_and_download(void) {
    desk d = open_desk();
    static const char pdf[] = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n";
    int64_t olga = employee(d.engine, d.admin, "olga@example.com", "Olga");
    int64_t fresh = raise_ticket(d.engine, d.erin, "A new monitor");
    int64_t open = raise_ticket(d.engine, d.erin, "The printer jams");
    int64_t mine = raise_ticket(d.engine, d.erin, "Mail is slow");
    int64_t attachment;
    void* data = NULL;
    size_t size = 99;
    char request[160];
    char* out = NULL;

    CHECK_OK(hd_ticket_approve(&out, d.engine, d.cody, open, approve_high, 1));
    free_out(&out);
    /* Approve also takes an explicit assignee (checked like assign). */
    CHECK_FAILS(HD_E_INVALID_ARGUMENT,
                hd_ticket_approve(&out, d.engine, d.cody, mine,
                                  "{\"priority\":\"Low\",\"department\":\"IT Department\",\"assigned_to\":\"x\"}", 1));
    CHECK(contains(hd_error_last_fields(), "\"assigned_to\""));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT,
                hd_ticket_approve(&out, d.engine, d.cody, mine,
                                  "{\"priority\":\"Low\",\"department\":\"IT Department\",\"assigned_to\":-4}", 1));
    snprintf(request, sizeof request, "{\"priority\":\"Low\",\"department\":\"IT Department\",\"assigned_to\":%lld}",
             (long long)olga);
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_approve(&out, d.engine, d.admin, mine, request, 1));
    snprintf(request, sizeof request, "{\"priority\":\"Low\",\"department\":\"IT Department\",\"assigned_to\":%lld}",
             (long long)d.cody);
    CHECK_OK(hd_ticket_approve(&out, d.engine, d.admin, mine, request, 1));
    CHECK(contains(out, "\"status\":\"In Progress\""));
    snprintf(request, sizeof request, "\"assigned_to\":{\"id\":%lld,", (long long)d.cody);
    CHECK(contains(out, request));
    free_out(&out);

    /* The queues: staff only; one each. */
    CHECK_OK(hd_ticket_queue(&out, d.engine, d.cody, "new", NULL));
    CHECK(int_field(out, "count") == 1);
    CHECK(int_field(out, "id") == fresh);
    free_out(&out);
    CHECK_OK(hd_ticket_queue(&out, d.engine, d.cody, "open", "{\"page_size\":5}"));
    CHECK(int_field(out, "count") == 1);
    CHECK(int_field(out, "id") == open);
    free_out(&out);
    CHECK_OK(hd_ticket_queue(&out, d.engine, d.cody, "mine", NULL));
    CHECK(int_field(out, "count") == 1);
    free_out(&out);
    CHECK_OK(hd_ticket_queue(&out, d.engine, d.cody, "mine", "{\"cursor\":\"\"}"));
    CHECK(int_field(out, "id") == mine);
    CHECK(contains(out, "\"count\":null"));
    free_out(&out);
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_queue(&out, d.engine, d.cody, "later", NULL));
    CHECK(contains(hd_error_last_fields(), "\"queue\""));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_queue(&out, d.engine, d.cody, NULL, NULL));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_queue(&out, d.engine, d.cody, "new", "{\"status\":\"New\"}"));
    CHECK_FAILS(HD_E_PERMISSION_DENIED, hd_ticket_queue(&out, d.engine, d.erin, "new", NULL));
    CHECK(out == NULL);

    /* Editing: new values checked as at creation, the version honoured. */
    CHECK_OK(hd_ticket_edit(&out, d.engine, d.cody, open, "{\"priority\":\"Critical\",\"department\":\"Asset Department\"}", 2));
    CHECK(contains(out, "\"priority\":\"Critical\""));
    CHECK(contains(out, "\"department\":\"Asset Department\""));
    CHECK(int_field(out, "version") == 3);
    free_out(&out);
    CHECK_FAILS(HD_E_PRECONDITION_FAILED, hd_ticket_edit(&out, d.engine, d.cody, open, "{\"priority\":\"Low\"}", 2));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_edit(&out, d.engine, d.cody, open, "{\"priority\":\"Urgent\"}", 0));
    CHECK(contains(hd_error_last_fields(), "\"priority\""));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_edit(&out, d.engine, d.cody, open, "{\"status\":\"Closed\"}", 0));
    CHECK(contains(hd_error_last_fields(), "\"status\""));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_edit(&out, d.engine, d.cody, open, "{\"assigned_to\":4}", 0));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_ticket_edit(&out, d.engine, d.cody, open, "{priority}", 0));
    CHECK_FAILS(HD_E_PERMISSION_DENIED, hd_ticket_edit(&out, d.engine, d.erin, open, "{\"priority\":\"Low\"}", 0));
    CHECK_FAILS(HD_E_NOT_FOUND, hd_ticket_edit(&out, d.engine, d.cody, 999999, "{\"priority\":\"Low\"}", 0));
    CHECK_FAILS(HD_E_INVALID_STATE, hd_ticket_edit(&out, d.engine, d.cody, fresh, "{\"priority\":\"Low\"}", 0));
    /* Unassigning gives an In Progress ticket back to the queue. */
    CHECK_OK(hd_ticket_edit(&out, d.engine, d.cody, mine, "{\"assigned_to\":null}", 0));
    CHECK(contains(out, "\"status\":\"Open\""));
    CHECK(contains(out, "\"assigned_to\":null"));
    free_out(&out);

    /* Downloading a file: its owner and staff get the bytes, others nothing. */
    CHECK_OK(hd_ticket_attach(&out, d.engine, d.erin, fresh, "scan.pdf", pdf, sizeof pdf - 1));
    attachment = int_field(out, "id");
    free_out(&out);
    CHECK_OK(hd_attachment_download(&out, &data, &size, d.engine, d.cody, attachment));
    CHECK(contains(out, "\"file_name\":\"scan.pdf\""));
    CHECK(contains(out, "\"content_type\":\"application/pdf\""));
    CHECK(size == sizeof pdf - 1);
    CHECK(data != NULL && memcmp(data, pdf, sizeof pdf - 1) == 0);
    free_out(&out);
    hd_string_free((char*)data);
    data = NULL;
    CHECK_OK(hd_attachment_download(&out, &data, &size, d.engine, d.erin, attachment));
    free_out(&out);
    hd_string_free((char*)data);
    data = (void*)&size;
    CHECK_FAILS(HD_E_NOT_FOUND, hd_attachment_download(&out, &data, &size, d.engine, olga, attachment));
    CHECK(out == NULL && data == NULL && size == 0);
    CHECK_FAILS(HD_E_NOT_FOUND, hd_attachment_download(&out, &data, &size, d.engine, d.cody, 999999));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_attachment_download(&out, NULL, &size, d.engine, d.cody, attachment));
    CHECK(contains(hd_error_last_fields(), "\"out_data\""));

    hd_engine_free(d.engine);
}

void test_assignment_settings(void) {
    desk d = open_desk();
    int64_t ticket = raise_ticket(d.engine, d.erin, "Laptop will not boot");
    char* out = NULL;

    /* Availability: coordinators start available until they choose. */
    CHECK_OK(hd_availability_get(&out, d.engine, d.cody));
    CHECK(contains(out, "\"available\":true"));
    CHECK(contains(out, "\"chosen\":false"));
    CHECK(int_field(out, "account") == d.cody);
    free_out(&out);
    CHECK_OK(hd_availability_set(&out, d.engine, d.cody, 0));
    CHECK(contains(out, "\"available\":false"));
    CHECK(contains(out, "\"chosen\":true"));
    free_out(&out);
    CHECK_OK(hd_availability_set(&out, d.engine, d.cody, 7));
    CHECK(contains(out, "\"available\":true"));
    free_out(&out);
    CHECK_FAILS(HD_E_PERMISSION_DENIED, hd_availability_get(&out, d.engine, d.erin));
    CHECK_FAILS(HD_E_PERMISSION_DENIED, hd_availability_set(&out, d.engine, d.erin, 1));

    /* Department modes: System Admins; round robin hands approvals out. */
    CHECK_OK(hd_assignment_departments(&out, d.engine, d.admin));
    CHECK(contains(out, "{\"departments\":[{\"department\":\"IT Department\",\"mode\":\"none\",\"last_assignee\":null}"));
    CHECK(count_of(out, "\"department\":") == 3);
    free_out(&out);
    CHECK_FAILS(HD_E_PERMISSION_DENIED, hd_assignment_departments(&out, d.engine, d.cody));
    CHECK_FAILS(HD_E_PERMISSION_DENIED, hd_assignment_set_mode(&out, d.engine, d.cody, "IT Department", "round_robin"));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_assignment_set_mode(&out, d.engine, d.admin, "IT Department", "lottery"));
    CHECK(contains(hd_error_last_fields(), "\"mode\""));
    CHECK_FAILS(HD_E_NOT_FOUND, hd_assignment_set_mode(&out, d.engine, d.admin, "Moon Department", "none"));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_assignment_set_mode(&out, d.engine, d.admin, NULL, "none"));
    CHECK_OK(hd_assignment_set_mode(&out, d.engine, d.admin, "IT Department", "round_robin"));
    CHECK(contains(out, "\"mode\":\"round_robin\""));
    free_out(&out);
    CHECK_OK(hd_ticket_approve(&out, d.engine, d.admin, ticket, approve_high, 0));
    CHECK(contains(out, "\"status\":\"In Progress\""));
    free_out(&out);
    CHECK_OK(hd_assignment_departments(&out, d.engine, d.admin));
    CHECK(int_field(out, "last_assignee") == d.cody);
    free_out(&out);

    hd_engine_free(d.engine);
}

void test_canned_replies(void) {
    desk d = open_desk();
    int64_t ticket = raise_ticket(d.engine, d.erin, "Password expired");
    int64_t own, shared;
    char* out = NULL;

    CHECK_OK(hd_canned_reply_create(&out, d.engine, d.cody,
                                    "{\"title\":\"Greeting\",\"body\":\"Hello {{employee.first_name}}, about {{ticket.number}}.\"}"));
    CHECK(contains(out, "\"shared\":false"));
    CHECK(int_field(out, "version") == 1);
    own = int_field(out, "id");
    free_out(&out);
    CHECK_OK(hd_canned_reply_create(&out, d.engine, d.admin, "{\"title\":\"Closing\",\"body\":\"Closed.\",\"shared\":true}"));
    shared = int_field(out, "id");
    free_out(&out);
    CHECK_FAILS(HD_E_PERMISSION_DENIED,
                hd_canned_reply_create(&out, d.engine, d.cody, "{\"title\":\"All\",\"body\":\"x\",\"shared\":true}"));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT,
                hd_canned_reply_create(&out, d.engine, d.cody, "{\"title\":\"Bad\",\"body\":\"{{employee.salary}}\"}"));
    CHECK(contains(hd_error_last_fields(), "\"body\""));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_canned_reply_create(&out, d.engine, d.cody, "{\"title\":"));
    CHECK_FAILS(HD_E_PERMISSION_DENIED, hd_canned_reply_create(&out, d.engine, d.erin, "{\"title\":\"T\",\"body\":\"B\"}"));

    /* Listing by title: the own and the shared ones; another's own is not found. */
    CHECK_OK(hd_canned_reply_list(&out, d.engine, d.cody, NULL));
    CHECK(int_field(out, "count") == 2);
    CHECK(strstr(out, "Closing") < strstr(out, "Greeting"));
    free_out(&out);
    CHECK_OK(hd_canned_reply_list(&out, d.engine, d.admin, "{\"page_size\":10}"));
    CHECK(int_field(out, "count") == 1);
    free_out(&out);
    CHECK_FAILS(HD_E_NOT_FOUND, hd_canned_reply_get(&out, d.engine, d.admin, own));
    CHECK_OK(hd_canned_reply_get(&out, d.engine, d.cody, shared));
    CHECK(contains(out, "\"title\":\"Closing\""));
    free_out(&out);

    /* Rendering fills the placeholders for the ticket. */
    CHECK_OK(hd_canned_reply_render(&out, d.engine, d.cody, ticket, own));
    CHECK(contains(out, "Hello Erin, about TX"));
    CHECK(int_field(out, "reply") == own);
    CHECK(int_field(out, "ticket") == ticket);
    free_out(&out);
    CHECK_FAILS(HD_E_NOT_FOUND, hd_canned_reply_render(&out, d.engine, d.cody, 999999, own));

    /* Changes and deletion honour the version. */
    CHECK_OK(hd_canned_reply_update(&out, d.engine, d.cody, own, "{\"title\":\"Hello\"}", 1));
    CHECK(int_field(out, "version") == 2);
    free_out(&out);
    CHECK_FAILS(HD_E_PRECONDITION_FAILED, hd_canned_reply_update(&out, d.engine, d.cody, own, "{\"title\":\"Hi\"}", 1));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_canned_reply_update(&out, d.engine, d.cody, own, "{\"shared\":true}", 0));
    CHECK_FAILS(HD_E_PERMISSION_DENIED, hd_canned_reply_update(&out, d.engine, d.cody, shared, "{\"title\":\"Mine\"}", 0));
    CHECK_FAILS(HD_E_PRECONDITION_FAILED, hd_canned_reply_delete(d.engine, d.cody, own, 1));
    CHECK_FAILS(HD_E_PERMISSION_DENIED, hd_canned_reply_delete(d.engine, d.cody, shared, 0));
    CHECK_OK(hd_canned_reply_delete(d.engine, d.cody, own, 2));
    CHECK_FAILS(HD_E_NOT_FOUND, hd_canned_reply_delete(d.engine, d.cody, own, 0));
    CHECK_FAILS(HD_E_NOT_FOUND, hd_canned_reply_get(&out, d.engine, d.cody, own));
    CHECK(out == NULL);

    hd_engine_free(d.engine);
}
