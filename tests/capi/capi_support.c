/* The shared readers and fixtures of the C ABI tests (capi_support.h). */
#include "capi_support.h"

int failures = 0;
int checks = 0;

/* ---- tiny readers of compact JSON --------------------------------------- */

int contains(const char* json, const char* text) {
    return json != NULL && strstr(json, text) != NULL;
}

int count_of(const char* json, const char* text) {
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
int64_t int_field(const char* json, const char* key) {
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
int string_field(const char* json, const char* key, char* out, size_t size) {
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

const char* const password = "C-Abi-Test-1";

char* person_json(const char* email, const char* first, const char* last) {
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

hd_engine* open_engine(void) {
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

int64_t bootstrap_admin(hd_engine* engine) {
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
int64_t employee(hd_engine* engine, int64_t admin, const char* email, const char* first) {
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
int64_t raise_ticket(hd_engine* engine, int64_t owner, const char* subject) {
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

const char approve_high[] = "{\"priority\":\"High\",\"department\":\"IT Department\"}";

/* A Ticket Coordinator made by the admin, who sets `password` through the
 * set-password token; returns the id. */
int64_t coordinator(hd_engine* engine, int64_t admin, const char* email, const char* first) {
    char request[512];
    char token[128];
    char* created = NULL;
    int64_t id;
    snprintf(request, sizeof request,
             "{\"email\":\"%s\",\"first_name\":\"%s\",\"last_name\":\"Coordinator\","
             "\"department\":\"IT Department\",\"role\":\"Ticket Coordinator\"}",
             email, first);
    CHECK_OK(hd_account_admin_create(&created, engine, admin, request));
    CHECK(contains(created, "\"role\":\"Ticket Coordinator\""));
    CHECK(string_field(created, "set_password_token", token, sizeof token));
    id = int_field(created, "id");
    CHECK(id > 0);
    hd_string_free(created);
    CHECK_OK(hd_password_reset(engine, token, password, password));
    return id;
}

desk open_desk(void) {
    desk d;
    d.engine = open_engine();
    d.admin = bootstrap_admin(d.engine);
    d.erin = employee(d.engine, d.admin, "erin@example.com", "Erin");
    d.cody = coordinator(d.engine, d.admin, "cody@example.com", "Cody");
    return d;
}

/* Frees a result and clears the pointer for the next call. */
void free_out(char** out) {
    hd_string_free(*out);
    *out = NULL;
}

/* ---- tests --------------------------------------------------------------- */
