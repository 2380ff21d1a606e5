/* Compiles include/helpdesk/c.h alone as strict C99 (-std=c99 -Wall -Wextra
 * -pedantic -Werror, see CMakeLists.txt): the header must need nothing else
 * and be valid C. Uses a few declarations so they are not just parsed. */
#include <helpdesk/c.h>

#include <stdio.h>

int main(void) {
    hd_engine_options options;
    hd_engine* engine = NULL;
    int (*open_fn)(hd_engine**, const char*, const hd_engine_options*) = hd_engine_open;
    int (*comments_page_fn)(char**, hd_engine*, int64_t, int64_t, const char*) = hd_ticket_comments_page;
    int (*history_page_fn)(char**, hd_engine*, int64_t, int64_t, const char*) = hd_ticket_history_page;
    int (*download_fn)(char**, void**, size_t*, hd_engine*, int64_t, int64_t) = hd_attachment_download;
    int (*run_once_fn)(char**, hd_engine*, const char*, int64_t) = hd_scheduler_run_once;
    int (*password_check_fn)(int*, hd_engine*, int64_t, const char*) = hd_password_check;
    hd_error_code code = HD_E_NOT_FOUND;

    hd_engine_options_init(&options);
    if (options.struct_size != sizeof(hd_engine_options) || options.password_iterations != 0 ||
        options.blob_dir != NULL) {
        fprintf(stderr, "hd_engine_options_init did not fill in the defaults\n");
        return 1;
    }
    if (hd_version_number() != HD_VERSION_NUMBER) {
        fprintf(stderr, "library version %u, header version %u\n", (unsigned)hd_version_number(),
                (unsigned)HD_VERSION_NUMBER);
        return 1;
    }
    (void)engine;
    (void)open_fn;
    (void)comments_page_fn;
    (void)history_page_fn;
    (void)download_fn;
    (void)run_once_fn;
    (void)password_check_fn;
    printf("helpdesk C ABI %u: %s = %d\n", (unsigned)hd_version_number(), hd_error_name(code), (int)code);
    return 0;
}
