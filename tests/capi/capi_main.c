/* The C ABI driven from plain C99: a full ticket lifecycle and the main
 * refusals, each checked by its return code, its error message and field
 * messages, and the JSON it returns. Exit status 0 when every check passed. */
#include "capi_support.h"

int main(void) {
    test_version_and_names();
    test_lifecycle();
    test_attachments();
    test_list_and_pagination();
    test_comment_and_history_pages();
    test_refusals();
    test_bad_calls();
    test_opening();
    test_last_error();
    test_account_admin();
    test_account_deactivation();
    test_passwords();
    test_sla_policy_and_scheduler();
    test_sla_time_zones();
    test_queues_edit_and_download();
    test_assignment_settings();
    test_canned_replies();
    test_operations();
    if (failures != 0) {
        fprintf(stderr, "%d of %d checks failed\n", failures, checks);
        return 1;
    }
    printf("all %d checks passed\n", checks);
    return 0;
}
