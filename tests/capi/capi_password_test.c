/* The actor's own profile and the password flows through the C ABI. */
#include "capi_support.h"

void test_passwords(void) {
    desk d = open_desk();
    int64_t logged_in = 0;
    int valid = -1;
    char token[128];
    char* out = NULL;

    /* The own profile: names only, anything else refused by name. */
    CHECK_OK(hd_profile_update(&out, d.engine, d.erin, "{\"first_name\":\"Erin\",\"last_name\":\"Example\",\"suffix\":\"Jr.\"}"));
    CHECK(contains(out, "\"last_name\":\"Example\""));
    CHECK(contains(out, "\"suffix\":\"Jr.\""));
    free_out(&out);
    CHECK_OK(hd_profile_update(&out, d.engine, d.erin, "{\"suffix\":null}"));
    CHECK(contains(out, "\"suffix\":null"));
    free_out(&out);
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_profile_update(&out, d.engine, d.erin, "{\"department\":\"Asset Department\"}"));
    CHECK(contains(hd_error_last_fields(), "\"department\""));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_profile_update(&out, d.engine, d.erin, "{\"first_name\":5}"));
    CHECK(contains(hd_error_last_fields(), "\"first_name\""));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_profile_update(&out, d.engine, d.erin, "not json"));
    CHECK(out == NULL);

    /* Checking the own password changes nothing. */
    CHECK_OK(hd_password_check(&valid, d.engine, d.erin, password));
    CHECK(valid == 1);
    CHECK_OK(hd_password_check(&valid, d.engine, d.erin, "Wrong-Pass-1"));
    CHECK(valid == 0);
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_password_check(&valid, d.engine, d.erin, NULL));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_password_check(NULL, d.engine, d.erin, password));

    /* Changing it needs the current one and a matching confirmation. */
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_password_change(d.engine, d.erin, "Wrong-Pass-1", "New-Pass-22", "New-Pass-22"));
    CHECK(contains(hd_error_last_fields(), "\"current_password\""));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_password_change(d.engine, d.erin, password, "New-Pass-22", "New-Pass-23"));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_password_change(d.engine, d.erin, password, NULL, "New-Pass-22"));
    CHECK_OK(hd_password_change(d.engine, d.erin, password, "New-Pass-22", "New-Pass-22"));
    CHECK_FAILS(HD_E_UNAUTHENTICATED, hd_login(&logged_in, d.engine, "erin@example.com", password, 0));
    CHECK_OK(hd_login(&logged_in, d.engine, "erin@example.com", "New-Pass-22", 0));
    CHECK(logged_in == d.erin);

    /* A reset: a token for an approved address, null for any other; single use. */
    CHECK_OK(hd_password_reset_request(&out, d.engine, "nobody@example.com"));
    CHECK(contains(out, "{\"token\":null}"));
    free_out(&out);
    CHECK_OK(hd_password_reset_request(&out, d.engine, "erin@example.com"));
    CHECK(string_field(out, "token", token, sizeof token));
    CHECK(strlen(token) > 16);
    free_out(&out);
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_password_reset(d.engine, token, "Reset-Pass-3", "Reset-Pass-4"));
    CHECK_OK(hd_password_reset(d.engine, token, "Reset-Pass-3", "Reset-Pass-3"));
    CHECK_OK(hd_login(&logged_in, d.engine, "erin@example.com", "Reset-Pass-3", 0));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_password_reset(d.engine, token, "Reset-Pass-5", "Reset-Pass-5"));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_password_reset(d.engine, "not-a-token", "Reset-Pass-5", "Reset-Pass-5"));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_password_reset_request(&out, d.engine, NULL));

    hd_engine_free(d.engine);
}
