/* Shared by the C tests of the C ABI (capi_*_test.c): the check macros, tiny
 * readers of compact JSON (results have no spaces, so substring checks are
 * exact) and fixtures that open an engine and make people and tickets. */
#ifndef HELPDESK_CAPI_SUPPORT_H
#define HELPDESK_CAPI_SUPPORT_H

#include <helpdesk/c.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Counted by the macros; main() reports them. */
extern int failures;
extern int checks;

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

int contains(const char* json, const char* text);
int count_of(const char* json, const char* text);
int64_t int_field(const char* json, const char* key);
int string_field(const char* json, const char* key, char* out, size_t size);
extern const char* const password;
char* person_json(const char* email, const char* first, const char* last);
hd_engine* open_engine(void);
int64_t bootstrap_admin(hd_engine* engine);
int64_t employee(hd_engine* engine, int64_t admin, const char* email, const char* first);
int64_t raise_ticket(hd_engine* engine, int64_t owner, const char* subject);
extern const char approve_high[];
int64_t coordinator(hd_engine* engine, int64_t admin, const char* email, const char* first);

/* An engine with its System Admin, the employee Erin (erin@example.com) and
 * the Ticket Coordinator Cody (cody@example.com), all with `password`. */
typedef struct desk {
    hd_engine* engine;
    int64_t admin;
    int64_t erin;
    int64_t cody;
} desk;
desk open_desk(void);
void free_out(char** out);

/* The test groups, run in order by main(). */
void test_version_and_names(void);
void test_lifecycle(void);
void test_attachments(void);
void test_list_and_pagination(void);
void test_comment_and_history_pages(void);
void test_refusals(void);
void test_bad_calls(void);
void test_opening(void);
void test_last_error(void);
void test_account_admin(void);
void test_account_deactivation(void);
void test_passwords(void);
void test_sla_policy_and_scheduler(void);
void test_sla_time_zones(void);
void test_queues_edit_and_download(void);
void test_assignment_settings(void);
void test_canned_replies(void);
void test_operations(void);

#endif
