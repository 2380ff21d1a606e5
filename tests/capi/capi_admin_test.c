/* Account administration through the C ABI: admin-made accounts, the account
 * list, edits, role changes, deactivation, the account history and the
 * rejection audit, with their refusals. */
#include "capi_support.h"

void test_account_admin(void) {
    desk d = open_desk();
    int64_t logged_in = 0;
    char* out = NULL;

    /* The coordinator made by the d.admin signs in with the password set through the token. */
    CHECK_OK(hd_login(&logged_in, d.engine, "cody@example.com", password, 1));
    CHECK(logged_in == d.cody);

    /* Admin-made accounts: System Admins only, JSON objects only, no password accepted. */
    CHECK_FAILS(HD_E_PERMISSION_DENIED,
                hd_account_admin_create(&out, d.engine, d.erin,
                                        "{\"email\":\"x@example.com\",\"first_name\":\"Xa\",\"last_name\":\"Ex\","
                                        "\"department\":\"IT Department\"}"));
    CHECK(out == NULL);
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_account_admin_create(&out, d.engine, d.admin, "{\"email\":"));
    CHECK(contains(hd_error_last_fields(), "\"request_json\""));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_account_admin_create(&out, d.engine, d.admin, "[]"));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_account_admin_create(&out, d.engine, d.admin, NULL));
    CHECK_FAILS(HD_E_CONFLICT,
                hd_account_admin_create(&out, d.engine, d.admin,
                                        "{\"email\":\"cody@example.com\",\"first_name\":\"Co\",\"last_name\":\"Dy\","
                                        "\"department\":\"IT Department\"}"));

    /* The list: staff only, filters, unknown members refused by name. */
    CHECK_OK(hd_account_list(&out, d.engine, d.admin, NULL));
    CHECK(int_field(out, "count") == 3);
    CHECK(contains(out, "\"email\":\"erin@example.com\""));
    CHECK(!contains(out, "image_url"));
    free_out(&out);
    CHECK_OK(hd_account_list(&out, d.engine, d.cody, "{\"role\":\"Employee\"}"));
    CHECK(int_field(out, "count") == 1);
    free_out(&out);
    CHECK_OK(hd_account_list(&out, d.engine, d.admin, "{\"is_active\":\"false\"}"));
    CHECK(int_field(out, "count") == 0);
    free_out(&out);
    CHECK_FAILS(HD_E_PERMISSION_DENIED, hd_account_list(&out, d.engine, d.erin, NULL));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_account_list(&out, d.engine, d.admin, "{\"colour\":\"red\"}"));
    CHECK(contains(hd_error_last_fields(), "\"colour\""));

    /* Edits: names and department; anything else refused by name. */
    CHECK_OK(hd_account_update(&out, d.engine, d.admin, d.erin, "{\"first_name\":\"Erina\",\"department\":\"Asset Department\"}"));
    CHECK(contains(out, "\"first_name\":\"Erina\""));
    CHECK(contains(out, "\"department\":\"Asset Department\""));
    free_out(&out);
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_account_update(&out, d.engine, d.admin, d.erin, "{\"email\":\"e@example.com\"}"));
    CHECK(contains(hd_error_last_fields(), "\"email\""));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_account_update(&out, d.engine, d.admin, d.erin, "{\"department\":\"Nowhere\"}"));
    CHECK(contains(hd_error_last_fields(), "\"department\""));
    CHECK_FAILS(HD_E_PERMISSION_DENIED, hd_account_update(&out, d.engine, d.cody, d.erin, "{\"first_name\":\"Eve\"}"));
    CHECK_FAILS(HD_E_NOT_FOUND, hd_account_update(&out, d.engine, d.admin, 999999, "{\"first_name\":\"Eve\"}"));

    /* Roles: the last active System Admin keeps the role. */
    CHECK_OK(hd_account_change_role(&out, d.engine, d.admin, d.erin, "Ticket Coordinator"));
    CHECK(contains(out, "\"role\":\"Ticket Coordinator\""));
    free_out(&out);
    CHECK_OK(hd_account_change_role(&out, d.engine, d.admin, d.erin, "Employee"));
    CHECK(contains(out, "\"role\":\"Employee\""));
    free_out(&out);
    CHECK_FAILS(HD_E_CONFLICT, hd_account_change_role(&out, d.engine, d.admin, d.admin, "Employee"));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_account_change_role(&out, d.engine, d.admin, d.erin, "Overlord"));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_account_change_role(&out, d.engine, d.admin, d.erin, NULL));
    CHECK(contains(hd_error_last_fields(), "\"role\""));
    CHECK_FAILS(HD_E_PERMISSION_DENIED, hd_account_change_role(&out, d.engine, d.cody, d.erin, "System Admin"));
    CHECK_FAILS(HD_E_NOT_FOUND, hd_account_change_role(&out, d.engine, d.admin, 999999, "Employee"));

    /* The history has a row per change, oldest first; admins only. */
    CHECK_OK(hd_account_history_page(&out, d.engine, d.admin, d.erin, NULL));
    CHECK(int_field(out, "count") >= 4);
    CHECK(contains(out, "\"field\":\"first_name\""));
    CHECK(contains(out, "\"new_value\":\"Erina\""));
    free_out(&out);
    CHECK_OK(hd_account_history_page(&out, d.engine, d.admin, d.erin, "{\"page_size\":1,\"cursor\":\"\"}"));
    CHECK(contains(out, "\"count\":null"));
    CHECK(count_of(out, "\"field\":") == 1);
    free_out(&out);
    CHECK_FAILS(HD_E_PERMISSION_DENIED, hd_account_history_page(&out, d.engine, d.cody, d.erin, NULL));
    CHECK_FAILS(HD_E_NOT_FOUND, hd_account_history_page(&out, d.engine, d.admin, 999999, NULL));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_account_history_page(&out, d.engine, d.admin, d.erin, "{\"page\":0}"));

    hd_engine_free(d.engine);
}

void test_account_deactivation(void) {
    desk d = open_desk();
    int64_t logged_in = 0;
    int64_t rejected = 0;
    int64_t count = -1;
    char* request = person_json("pat@example.com", "Pat", "Pending");
    char* out = NULL;

    /* A deactivated account cannot sign in; reactivated, it can again. */
    CHECK_OK(hd_account_deactivate(&out, d.engine, d.admin, d.erin));
    CHECK(contains(out, "\"is_active\":false"));
    free_out(&out);
    CHECK_FAILS(HD_E_PERMISSION_DENIED, hd_login(&logged_in, d.engine, "erin@example.com", password, 0));
    CHECK(logged_in == 0);
    CHECK_OK(hd_account_list(&out, d.engine, d.admin, "{\"is_active\":\"false\"}"));
    CHECK(int_field(out, "count") == 1);
    free_out(&out);
    CHECK_FAILS(HD_E_PERMISSION_DENIED, hd_account_deactivate(&out, d.engine, d.erin, d.admin));
    CHECK_FAILS(HD_E_CONFLICT, hd_account_deactivate(&out, d.engine, d.admin, d.admin));
    CHECK_FAILS(HD_E_NOT_FOUND, hd_account_deactivate(&out, d.engine, d.admin, 999999));
    CHECK_OK(hd_account_reactivate(&out, d.engine, d.admin, d.erin));
    CHECK(contains(out, "\"is_active\":true"));
    free_out(&out);
    CHECK_OK(hd_login(&logged_in, d.engine, "erin@example.com", password, 0));
    CHECK(logged_in == d.erin);
    CHECK_FAILS(HD_E_NOT_FOUND, hd_account_reactivate(&out, d.engine, d.admin, 999999));

    /* The rejection audit: a count and a page, admins only. */
    CHECK_OK(hd_rejection_count(&count, d.engine, d.admin));
    CHECK(count == 0);
    CHECK_OK(hd_sign_up(&out, d.engine, request));
    rejected = int_field(out, "id");
    free_out(&out);
    CHECK_OK(hd_account_reject(&out, d.engine, d.admin, rejected, "Not one of ours"));
    free_out(&out);
    CHECK_OK(hd_rejection_count(&count, d.engine, d.admin));
    CHECK(count == 1);
    CHECK_OK(hd_rejection_list(&out, d.engine, d.admin, NULL));
    CHECK(int_field(out, "count") == 1);
    CHECK(contains(out, "pat@example.com"));
    CHECK(contains(out, "Not one of ours"));
    free_out(&out);
    count = 7;
    CHECK_FAILS(HD_E_PERMISSION_DENIED, hd_rejection_count(&count, d.engine, d.erin));
    CHECK(count == 0);
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_rejection_count(NULL, d.engine, d.admin));
    CHECK_FAILS(HD_E_PERMISSION_DENIED, hd_rejection_list(&out, d.engine, d.erin, NULL));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_rejection_list(&out, d.engine, d.admin, "{\"page_size\":1000}"));
    CHECK(out == NULL);

    free(request);
    hd_engine_free(d.engine);
}
