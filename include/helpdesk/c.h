/* helpdesk C ABI: the engine's services for C and for languages with a C FFI.
 *
 * Conventions
 * - Every function returns an `int`: HD_OK (0) or a negative `hd_error_code`
 *   mirroring the C++ `helpdesk::errc`. On failure `hd_error_last()` holds a
 *   message and `hd_error_last_fields()` the per-field messages (a JSON
 *   object) for the calling thread, until its next call into this library.
 *   Precisely: every function returning an `int` status clears them on entry
 *   (after a success: "", HD_OK and "{}"); the others (hd_error_*,
 *   hd_string_free, hd_engine_free, hd_engine_options_init,
 *   hd_version_number) leave them as they are.
 * - Output parameters come first. Results are JSON documents (UTF-8, the
 *   shapes of the HTTP API: an account, a ticket with its people,
 *   attachments and comments, a page `{"count", "results", "next_cursor"}`,
 *   history, stats), returned in a `char*` the caller frees with
 *   `hd_string_free`. On failure outputs are left NULL / 0. The ABI hands
 *   out no URLs: accounts have no `image_url`, attachments are
 *   `{"id", "file_name", "content_type", "size", "upload_date"}`.
 * - Requests that carry several fields are JSON objects with the HTTP API's
 *   field names; ids are `int64_t`; `expected_version` 0 means "do not check".
 * - Every call that acts on behalf of someone takes the acting account's id
 *   (`actor`); the engine checks its role and state on each call.
 * - No C++ exception ever crosses this boundary. Handles are thread-safe: any
 *   number of threads may call into one engine at once.
 * - Option structs are versioned by their first member, `struct_size`: set it
 *   with the matching `*_init` function, then change the fields you need.
 */
#ifndef HELPDESK_C_H
#define HELPDESK_C_H

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32)
#define HD_API __declspec(dllimport)
#elif defined(__GNUC__)
#define HD_API __attribute__((visibility("default")))
#else
#define HD_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/** The version of this header: major * 10000 + minor * 100 + patch. */
#define HD_VERSION_NUMBER 200

/** Return codes: 0 for success, negative values mirror `helpdesk::errc`. */
typedef enum hd_error_code {
    HD_OK = 0,
    HD_E_INVALID_ARGUMENT = -1,       /**< bad input; hd_error_last_fields() says which fields */
    HD_E_NOT_FOUND = -2,              /**< absent, or invisible to the actor */
    HD_E_PERMISSION_DENIED = -3,      /**< the actor may not do this */
    HD_E_UNAUTHENTICATED = -4,        /**< wrong credentials, or the actor no longer exists */
    HD_E_INVALID_STATE = -5,          /**< the current state does not allow it */
    HD_E_CONFLICT = -6,               /**< a duplicate, or a race lost to other writers */
    HD_E_PRECONDITION_FAILED = -7,    /**< a stale expected_version */
    HD_E_PAYLOAD_TOO_LARGE = -8,      /**< a file over its size limit */
    HD_E_UNSUPPORTED_MEDIA_TYPE = -9, /**< a file of a type not accepted */
    HD_E_RATE_LIMITED = -10,          /**< too many attempts */
    HD_E_STORAGE_UNAVAILABLE = -11,   /**< the store cannot be reached */
    HD_E_INTERNAL = -12               /**< a bug; also an out-of-memory condition */
} hd_error_code;

/** An engine over one store. Opaque; freed with hd_engine_free. */
typedef struct hd_engine hd_engine;

/** Options of hd_engine_open (version 1). */
typedef struct hd_engine_options {
    uint32_t struct_size;          /**< sizeof(hd_engine_options), set by hd_engine_options_init */
    int32_t password_iterations;   /**< PBKDF2 iterations for new hashes; 0: the default (600,000) */
    const char* blob_dir;          /**< directory for attachment bytes; NULL: kept in memory */
} hd_engine_options;

/** The library's version, major * 10000 + minor * 100 + patch (compare with HD_VERSION_NUMBER). */
HD_API uint32_t hd_version_number(void);

/** Fills `options` with the defaults and the struct_size of this header's version. */
HD_API void hd_engine_options_init(hd_engine_options* options);

/** Opens the store at `store_url` (`sqlite:///abs.db`, `sqlite://rel.db`,
 *  `sqlite::memory:`, `postgresql://user@host:port/db`), applying its
 *  migrations, and builds an engine over it. `options` may be NULL. */
HD_API int hd_engine_open(hd_engine** out_engine, const char* store_url, const hd_engine_options* options);

/** Frees an engine (NULL is allowed). No call may be running on it. */
HD_API void hd_engine_free(hd_engine* engine);

/** Frees a string returned by this library (NULL is allowed). */
HD_API void hd_string_free(char* text);

/** The message of this thread's last failed call ("" when none). Valid until the thread's next call. */
HD_API const char* hd_error_last(void);

/** The code of this thread's last failed call (HD_OK when none). */
HD_API int hd_error_last_code(void);

/** This thread's last per-field messages as a JSON object `{"field": ["message", ...]}` ("{}" when none). */
HD_API const char* hd_error_last_fields(void);

/** The stable name of a code ("invalid_argument", ...; "ok" for HD_OK, "unknown" otherwise). Static storage. */
HD_API const char* hd_error_name(int code);

/* ---- Accounts ----------------------------------------------------------- */

/** Creates the first System Admin of an empty store. `request_json`:
 *  {"email", "first_name", "last_name", "department", "password",
 *  "confirm_password", optional "middle_name", "suffix"}. Out: the account. */
HD_API int hd_bootstrap_admin(char** out_account_json, hd_engine* engine, const char* request_json);

/** Signs up (Employee, Pending); same request as hd_bootstrap_admin. Out: the account. */
HD_API int hd_sign_up(char** out_account_json, hd_engine* engine, const char* request_json);

/** System Admin: approves a pending account. Out: the account. */
HD_API int hd_account_approve(char** out_account_json, hd_engine* engine, int64_t actor, int64_t account);

/** System Admin: rejects a pending account with a reason (it is removed; an audit row is kept). Out: the audit row. */
HD_API int hd_account_reject(char** out_rejection_json, hd_engine* engine, int64_t actor, int64_t account,
                             const char* reason);

/** An account the actor may see. Out: the account. */
HD_API int hd_account_get(char** out_account_json, hd_engine* engine, int64_t actor, int64_t account);

/** Checks a login: `staff` non-zero for the staff login (coordinators and
 *  admins), zero for the employee login. Out: the account's id.
 *  HD_E_UNAUTHENTICATED for a wrong email or password. */
HD_API int hd_login(int64_t* out_account_id, hd_engine* engine, const char* email, const char* password, int staff);

/* ---- Tickets ------------------------------------------------------------ */

/** Raises a ticket. `request_json`: {"subject", "category", "sub_category",
 *  "description", optional "scheduled_date" ("YYYY-MM-DD")}. Out: the ticket. */
HD_API int hd_ticket_create(char** out_ticket_json, hd_engine* engine, int64_t actor, const char* request_json);

/** Staff: New → Open. `request_json`: {"priority", "department", optional "approval_notes"}. Out: the ticket. */
HD_API int hd_ticket_approve(char** out_ticket_json, hd_engine* engine, int64_t actor, int64_t ticket,
                             const char* request_json, int64_t expected_version);

/** Staff: New → Rejected with a reason. Out: the ticket. */
HD_API int hd_ticket_reject(char** out_ticket_json, hd_engine* engine, int64_t actor, int64_t ticket,
                            const char* reason, int64_t expected_version);

/** Staff: takes an Open ticket (In Progress, assigned to the actor). Out: the ticket. */
HD_API int hd_ticket_claim(char** out_ticket_json, hd_engine* engine, int64_t actor, int64_t ticket,
                           int64_t expected_version);

/** Staff: assigns the ticket to `assignee` (staff). Out: the ticket. */
HD_API int hd_ticket_assign(char** out_ticket_json, hd_engine* engine, int64_t actor, int64_t ticket,
                            int64_t assignee, int64_t expected_version);

/** Staff: moves the ticket to `status` ("In Progress", "On Hold", "Pending", "Resolved", ...), with an
 *  optional note (NULL for none). Out: the ticket. */
HD_API int hd_ticket_update_status(char** out_ticket_json, hd_engine* engine, int64_t actor, int64_t ticket,
                                   const char* status, const char* note, int64_t expected_version);

/** Owner: withdraws the ticket; `note` may be NULL. Out: the ticket. */
HD_API int hd_ticket_withdraw(char** out_ticket_json, hd_engine* engine, int64_t actor, int64_t ticket,
                              const char* note, int64_t expected_version);

/** Owner: closes a resolved ticket; `note` may be NULL. Out: the ticket. */
HD_API int hd_ticket_close(char** out_ticket_json, hd_engine* engine, int64_t actor, int64_t ticket,
                           const char* note, int64_t expected_version);

/** Owner: reopens a resolved ticket with a note. Out: the ticket. */
HD_API int hd_ticket_reopen(char** out_ticket_json, hd_engine* engine, int64_t actor, int64_t ticket,
                            const char* note, int64_t expected_version);

/** Staff: hands the ticket to the external workflow (idempotent). Out: the ticket. */
HD_API int hd_ticket_finalize(char** out_ticket_json, hd_engine* engine, int64_t actor, int64_t ticket,
                              int64_t expected_version);

/** Adds a comment; `internal` non-zero for a staff-only note. Out: the comment. */
HD_API int hd_ticket_comment(char** out_comment_json, hd_engine* engine, int64_t actor, int64_t ticket,
                             const char* text, int internal);

/** Adds a file (`size` bytes at `data`; type checked by content). Out: the attachment. */
HD_API int hd_ticket_attach(char** out_attachment_json, hd_engine* engine, int64_t actor, int64_t ticket,
                            const char* file_name, const void* data, size_t size);

/** A ticket the actor may see, with its people, attachments and the comments the actor may read. */
HD_API int hd_ticket_get(char** out_ticket_json, hd_engine* engine, int64_t actor, int64_t ticket);

/** A page of the tickets the actor may see. `query_json` may be NULL or
 *  {"status": [...], "priority", "department", "category", "sub_category",
 *  "assigned_to", "employee", "search", "ordering", "page", "page_size",
 *  "cursor"}. Out: {"count", "results": [tickets], "next_cursor", "has_next",
 *  "has_previous"}. A "cursor" ("" for the first page) selects cursor paging:
 *  `count` is then null and `next_cursor` is set while more rows follow. */
HD_API int hd_ticket_list(char** out_page_json, hd_engine* engine, int64_t actor, const char* query_json);

/** Every comment of a ticket the actor may read, oldest first. Out: a JSON array.
 *  Deprecated: use hd_ticket_comments_page; removed in 1.0. */
HD_API int hd_ticket_comments(char** out_comments_json, hd_engine* engine, int64_t actor, int64_t ticket);

/** Every history row of a ticket the actor may see, in order. Out: a JSON array.
 *  Deprecated: use hd_ticket_history_page; removed in 1.0. */
HD_API int hd_ticket_history(char** out_history_json, hd_engine* engine, int64_t actor, int64_t ticket);

/** A page of the comments of a ticket the actor may read, oldest first (internal
 *  notes only for staff). `query_json` may be NULL or {"page", "page_size",
 *  "cursor"}. Out: {"count", "results": [comments], "next_cursor", "has_next",
 *  "has_previous"}, with the paging rules of hd_ticket_list: "page" from 1,
 *  "page_size" 1 to 100 (default 20); "cursor" ("" for the first page) selects
 *  cursor paging, where `count` is null and `next_cursor` is set while more rows
 *  follow. An unknown member or a bad cursor is HD_E_INVALID_ARGUMENT naming it;
 *  a ticket the actor may not see is HD_E_NOT_FOUND. Since 0.2.0. */
HD_API int hd_ticket_comments_page(char** out_page_json, hd_engine* engine, int64_t actor, int64_t ticket,
                                   const char* query_json);

/** A page of the history of a ticket the actor may see, in order (internal rows
 *  only for staff); `query_json` and the result as hd_ticket_comments_page.
 *  Since 0.2.0. */
HD_API int hd_ticket_history_page(char** out_page_json, hd_engine* engine, int64_t actor, int64_t ticket,
                                  const char* query_json);

/** Ticket counts by status, priority and department for the actor (all for staff, own for employees). */
HD_API int hd_ticket_stats(char** out_stats_json, hd_engine* engine, int64_t actor);

#ifdef __cplusplus
}
#endif

#endif /* HELPDESK_C_H */
