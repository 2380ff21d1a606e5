/* Operations through the C ABI: workflow API keys and the dead outbox events. */
#include "capi_support.h"

void test_operations(void) {
    desk d = open_desk();
    int64_t key;
    char text[128];
    char* out = NULL;

    /* A key is shown once, when made; lists never show it. */
    CHECK_OK(hd_api_key_create(&out, d.engine, d.admin, "Workflow"));
    CHECK(string_field(out, "key", text, sizeof text));
    CHECK(strncmp(text, "hdk_", 4) == 0);
    CHECK(contains(out, "\"revoked_at\":null"));
    key = int_field(out, "id");
    free_out(&out);
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_api_key_create(&out, d.engine, d.admin, ""));
    CHECK(contains(hd_error_last_fields(), "\"name\""));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_api_key_create(&out, d.engine, d.admin, NULL));
    CHECK_FAILS(HD_E_PERMISSION_DENIED, hd_api_key_create(&out, d.engine, d.cody, "Mine"));
    CHECK_OK(hd_api_key_list(&out, d.engine, d.admin, NULL));
    CHECK(int_field(out, "count") == 1);
    CHECK(contains(out, "\"name\":\"Workflow\""));
    CHECK(!contains(out, text));
    free_out(&out);
    CHECK_FAILS(HD_E_PERMISSION_DENIED, hd_api_key_list(&out, d.engine, d.cody, NULL));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_api_key_list(&out, d.engine, d.admin, "{\"name\":\"x\"}"));

    /* Revoking is idempotent. */
    CHECK_OK(hd_api_key_revoke(&out, d.engine, d.admin, key));
    CHECK(!contains(out, "\"revoked_at\":null"));
    free_out(&out);
    CHECK_OK(hd_api_key_revoke(&out, d.engine, d.admin, key));
    free_out(&out);
    CHECK_FAILS(HD_E_PERMISSION_DENIED, hd_api_key_revoke(&out, d.engine, d.cody, key));
    CHECK_FAILS(HD_E_NOT_FOUND, hd_api_key_revoke(&out, d.engine, d.admin, 999999));

    /* The dead outbox events: none here; requeueing needs a dead one. */
    CHECK_OK(hd_outbox_dead_list(&out, d.engine, d.admin, NULL));
    CHECK(int_field(out, "count") == 0);
    CHECK(contains(out, "\"results\":[]"));
    free_out(&out);
    CHECK_FAILS(HD_E_PERMISSION_DENIED, hd_outbox_dead_list(&out, d.engine, d.cody, NULL));
    CHECK_FAILS(HD_E_INVALID_ARGUMENT, hd_outbox_dead_list(&out, d.engine, d.admin, "{\"page\":\"two\"}"));
    CHECK_FAILS(HD_E_NOT_FOUND, hd_outbox_requeue(&out, d.engine, d.admin, 999999));
    CHECK_FAILS(HD_E_INVALID_STATE, hd_outbox_requeue(&out, d.engine, d.admin, 1));
    CHECK_FAILS(HD_E_PERMISSION_DENIED, hd_outbox_requeue(&out, d.engine, d.cody, 1));
    CHECK(out == NULL);

    hd_engine_free(d.engine);
}
