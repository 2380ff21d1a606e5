/* The C ABI from plain C99: bad calls (NULLs, wrong handles), opening stores, the per-thread last error. */
#include "capi_support.h"

#include <pthread.h>

void test_bad_calls(void) {
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

void test_opening(void) {
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

void test_last_error(void) {
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
