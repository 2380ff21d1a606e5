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
 * - This library never throttles logins, password checks or reset requests
 *   (the embedder limits attempts), and the secrets some calls return (a
 *   set-password or reset token, a new API key) are for their rightful
 *   holder only: deliver them by mail or to the system that will use them,
 *   never show them to the person who made the request (since 0.2.0).
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
 *  HD_E_UNAUTHENTICATED for a wrong email or password; a deactivated account
 *  is refused too (since 0.2.0). Not throttled: limiting attempts is the
 *  embedder's job. */
HD_API int hd_login(int64_t* out_account_id, hd_engine* engine, const char* email, const char* password, int staff);

/* ---- Account administration (Since 0.2.0) ------------------------------- */

/** System Admin: creates an approved account without a password. `request_json`:
 *  {"email", "first_name", "last_name", "department", optional "role" (default "Employee"),
 *  "middle_name", "suffix"}. Out: {"account": account, "set_password_token": "..."}. The token
 *  lets the new person choose a password (hd_password_reset); the engine also records the mail
 *  in the outbox. Deliver it only to that person's address: never show it to the admin who made
 *  the request. Since 0.2.0. */
HD_API int hd_account_admin_create(char** out_created_json, hd_engine* engine, int64_t actor, const char* request_json);

/** Staff: a page of the accounts, by id. `query_json` may be NULL or {"role", "status",
 *  "department", "is_active" ("true"/"false"), "page", "page_size", "cursor"}; paging as
 *  hd_ticket_comments_page. Out: a page of accounts. Since 0.2.0. */
HD_API int hd_account_list(char** out_page_json, hd_engine* engine, int64_t actor, const char* query_json);

/** System Admin: changes an account's names and department. `request_json`: any of
 *  {"first_name", "middle_name", "last_name", "suffix", "department"} (a null middle name or
 *  suffix clears it; any other member is HD_E_INVALID_ARGUMENT naming it). Out: the account.
 *  Since 0.2.0. */
HD_API int hd_account_update(char** out_account_json, hd_engine* engine, int64_t actor, int64_t account,
                             const char* request_json);

/** System Admin: gives an account the role `role` ("Employee", "Ticket Coordinator", "System Admin").
 *  HD_E_CONFLICT when it would demote the last active System Admin. Out: the account. Since 0.2.0. */
HD_API int hd_account_change_role(char** out_account_json, hd_engine* engine, int64_t actor, int64_t account,
                                  const char* role);

/** System Admin: deactivates an account (it can no longer log in; its open assignments go back to
 *  the queue). HD_E_CONFLICT for the last active System Admin. Out: the account. Since 0.2.0. */
HD_API int hd_account_deactivate(char** out_account_json, hd_engine* engine, int64_t actor, int64_t account);

/** System Admin: makes a deactivated account active again. Out: the account. Since 0.2.0. */
HD_API int hd_account_reactivate(char** out_account_json, hd_engine* engine, int64_t actor, int64_t account);

/** System Admin: a page of an account's history, oldest first; `query_json` and paging as
 *  hd_ticket_comments_page. HD_E_NOT_FOUND for an unknown account. Since 0.2.0. */
HD_API int hd_account_history_page(char** out_page_json, hd_engine* engine, int64_t actor, int64_t account,
                                   const char* query_json);

/** System Admin: a page of the rejection audit, newest first; `query_json` and paging as
 *  hd_ticket_comments_page. Out: a page of rejection rows. Since 0.2.0. */
HD_API int hd_rejection_list(char** out_page_json, hd_engine* engine, int64_t actor, const char* query_json);

/** System Admin: the number of rejection audit rows. Since 0.2.0. */
HD_API int hd_rejection_count(int64_t* out_count, hd_engine* engine, int64_t actor);

/* ---- Own profile and passwords (Since 0.2.0) ---------------------------- *
 * This library does not throttle password checks, logins or reset requests:
 * limiting attempts (per account and per address) is the embedder's job. */

/** Changes the actor's own names. `request_json`: any of {"first_name", "middle_name",
 *  "last_name", "suffix"} (a null middle name or suffix clears it; any other member is
 *  HD_E_INVALID_ARGUMENT naming it). Out: the account. Since 0.2.0. */
HD_API int hd_profile_update(char** out_account_json, hd_engine* engine, int64_t actor, const char* request_json);

/** Changes the actor's own password after checking `current_password`; revokes every refresh
 *  session of the actor. HD_E_INVALID_ARGUMENT with field errors when a check fails. Since 0.2.0. */
HD_API int hd_password_change(hd_engine* engine, int64_t actor, const char* current_password,
                              const char* new_password, const char* confirm_password);

/** Checks the actor's own password without changing anything. Out: 1 when it is right, else 0.
 *  Not throttled here (see above). Since 0.2.0. */
HD_API int hd_password_check(int* out_valid, hd_engine* engine, int64_t actor, const char* password);

/** Issues a single-use password reset token for the approved account with `email` and records
 *  the mail in the outbox. Out: {"token": "..."} or {"token": null} when no approved account has
 *  that address. Answer the requester alike in both cases, deliver the token only to the address
 *  (never show it to the requester), and throttle requests yourself. Since 0.2.0. */
HD_API int hd_password_reset_request(char** out_token_json, hd_engine* engine, const char* email);

/** Sets a new password with a reset (or set-password) token, which is spent; revokes every
 *  refresh session of the account. Since 0.2.0. */
HD_API int hd_password_reset(hd_engine* engine, const char* token, const char* new_password,
                             const char* confirm_password);

/* ---- Tickets ------------------------------------------------------------ */

/** Raises a ticket. `request_json`: {"subject", "category", "sub_category",
 *  "description", optional "scheduled_date" ("YYYY-MM-DD")}. Out: the ticket. */
HD_API int hd_ticket_create(char** out_ticket_json, hd_engine* engine, int64_t actor, const char* request_json);

/** Staff: New → Open. `request_json`: {"priority", "department", optional "approval_notes",
 *  optional "assigned_to" (a staff account id; since 0.2.0; otherwise the department's
 *  assignment mode applies)}. Out: the ticket. */
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
 *  "assigned_to", "employee", "search", "sla" ("on_track", "at_risk",
 *  "breached", "met", "paused"; since 0.2.0), "submitted_after",
 *  "submitted_before" (since 0.2.0), "ordering" (also "resolution_due",
 *  "first_response_due"; since 0.2.0), "page", "page_size", "cursor"}.
 *  Tickets carry "first_response_due", "resolution_due" and "sla" (since
 *  0.2.0). Out: {"count", "results": [tickets], "next_cursor", "has_next",
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

/** Ticket counts by status, priority and department for the actor (all for staff, own for employees),
 *  and SLA compliance under "sla" (since 0.2.0). */
HD_API int hd_ticket_stats(char** out_stats_json, hd_engine* engine, int64_t actor);

/* ---- Ticket queues, editing and files (Since 0.2.0) --------------------- */

/** Staff: a page of a queue, newest first. `queue`: "new" (awaiting approval), "open" (approved,
 *  unassigned) or "mine" (active tickets assigned to the actor); `query_json` and paging as
 *  hd_ticket_comments_page. Out: a page of tickets. Since 0.2.0. */
HD_API int hd_ticket_queue(char** out_page_json, hd_engine* engine, int64_t actor, const char* queue,
                           const char* query_json);

/** Staff: changes an approved ticket. `request_json`: any of {"priority", "department",
 *  "category", "sub_category"} and "assigned_to": null to unassign (In Progress goes back to
 *  Open). Any other member is HD_E_INVALID_ARGUMENT naming it. Out: the ticket. Since 0.2.0. */
HD_API int hd_ticket_edit(char** out_ticket_json, hd_engine* engine, int64_t actor, int64_t ticket,
                          const char* request_json, int64_t expected_version);

/** An attachment's bytes, for the ticket's owner or staff. Out: the attachment's metadata (JSON),
 *  and a malloc'd copy of its `*out_size` bytes in `*out_data` (never NULL on success, even for an
 *  empty file), which the caller frees with hd_string_free((char*)data). Since 0.2.0. */
HD_API int hd_attachment_download(char** out_attachment_json, void** out_data, size_t* out_size,
                                  hd_engine* engine, int64_t actor, int64_t attachment);

/* ---- SLA and scheduler (Since 0.2.0) ------------------------------------ */

/** System Admin: measures the ticket again under the current SLA policy version (history
 *  `sla_reapplied`). Out: the ticket. Since 0.2.0. */
HD_API int hd_ticket_reapply_sla(char** out_ticket_json, hd_engine* engine, int64_t actor, int64_t ticket,
                                 int64_t expected_version);

/** System Admin: the SLA policy new tickets are measured under (version 0: the built-in defaults).
 *  Out: the policy, as `GET /api/sla/policy/`. Since 0.2.0. */
HD_API int hd_sla_policy_get(char** out_policy_json, hd_engine* engine, int64_t actor);

/** System Admin: stores a new policy version. `request_json`: the members of the policy to change
 *  (as `PATCH /api/sla/policy/`); the others keep their current values. A calendar's time zone
 *  must be one the engine knows (the system's IANA zones when the library was built with them,
 *  else only "UTC"). Out: the stored policy. Since 0.2.0. */
HD_API int hd_sla_policy_change(char** out_policy_json, hd_engine* engine, int64_t actor, const char* request_json);

/** Runs the time-driven work once (not actor-bound; call it from a timer): SLA at-risk and breach
 *  notices, automatic closing, owner reminders. `now_rfc3339` ("2026-05-04T10:00:00Z") is the
 *  instant to act at, NULL for the engine's clock; `batch` the tickets per transaction, 0 for 200.
 *  Out: {"tickets_checked", "sla_notices", "auto_closed", "owners_reminded"}. Since 0.2.0. */
HD_API int hd_scheduler_run_once(char** out_pass_json, hd_engine* engine, const char* now_rfc3339, int64_t batch);

/* ---- Automatic assignment (Since 0.2.0) --------------------------------- */

/** Staff: the actor's availability. Out: {"account", "available", "chosen"}. Since 0.2.0. */
HD_API int hd_availability_get(char** out_availability_json, hd_engine* engine, int64_t actor);

/** Staff: marks the actor available (non-zero) or away (zero). Out: as hd_availability_get. Since 0.2.0. */
HD_API int hd_availability_set(char** out_availability_json, hd_engine* engine, int64_t actor, int available);

/** System Admin: every configured department with its mode. Out: {"departments": [{"department",
 *  "mode", "last_assignee"}]}. Since 0.2.0. */
HD_API int hd_assignment_departments(char** out_departments_json, hd_engine* engine, int64_t actor);

/** System Admin: sets a department's mode ("none", "round_robin", "least_open"); HD_E_NOT_FOUND for
 *  an unknown department. Out: {"department", "mode", "last_assignee"}. Since 0.2.0. */
HD_API int hd_assignment_set_mode(char** out_department_json, hd_engine* engine, int64_t actor,
                                  const char* department, const char* mode);

/* ---- Canned replies (Since 0.2.0) --------------------------------------- */

/** Staff: a page of the actor's own and the shared replies, by title; `query_json` and paging as
 *  hd_ticket_comments_page. Out: a page of replies. Since 0.2.0. */
HD_API int hd_canned_reply_list(char** out_page_json, hd_engine* engine, int64_t actor, const char* query_json);

/** Staff: makes a reply. `request_json`: {"title", "body", optional "shared" (System Admins)}.
 *  An unknown placeholder in the body is HD_E_INVALID_ARGUMENT on "body". Out: the reply. Since 0.2.0. */
HD_API int hd_canned_reply_create(char** out_reply_json, hd_engine* engine, int64_t actor, const char* request_json);

/** Staff: one of the actor's own or the shared replies. Out: the reply. Since 0.2.0. */
HD_API int hd_canned_reply_get(char** out_reply_json, hd_engine* engine, int64_t actor, int64_t reply);

/** Staff: changes a reply. `request_json`: any of {"title", "body"}. Out: the reply. Since 0.2.0. */
HD_API int hd_canned_reply_update(char** out_reply_json, hd_engine* engine, int64_t actor, int64_t reply,
                                  const char* request_json, int64_t expected_version);

/** Staff: deletes a reply (shared ones: System Admins). Since 0.2.0. */
HD_API int hd_canned_reply_delete(hd_engine* engine, int64_t actor, int64_t reply, int64_t expected_version);

/** Staff: the reply's body with its placeholders filled for `ticket` (nothing is posted).
 *  Out: {"reply", "ticket", "text"}. Since 0.2.0. */
HD_API int hd_canned_reply_render(char** out_rendered_json, hd_engine* engine, int64_t actor, int64_t ticket,
                                  int64_t reply);

/* ---- Operations: API keys and the outbox (Since 0.2.0) ------------------ */

/** System Admin: a page of the workflow API keys, revoked ones included, oldest first (never the
 *  keys themselves); `query_json` and paging as hd_ticket_comments_page. Since 0.2.0. */
HD_API int hd_api_key_list(char** out_page_json, hd_engine* engine, int64_t actor, const char* query_json);

/** System Admin: makes an API key named `name`. Out: its record with "key", the key itself, which
 *  is returned this once only (only its hash is stored): hand it to the system that will use it,
 *  never log it. Since 0.2.0. */
HD_API int hd_api_key_create(char** out_key_json, hd_engine* engine, int64_t actor, const char* name);

/** System Admin: revokes an API key (idempotent). Out: its record. Since 0.2.0. */
HD_API int hd_api_key_revoke(char** out_key_json, hd_engine* engine, int64_t actor, int64_t key);

/** System Admin: a page of the dead outbox events, newest first; `query_json` and paging as
 *  hd_ticket_comments_page. Since 0.2.0. */
HD_API int hd_outbox_dead_list(char** out_page_json, hd_engine* engine, int64_t actor, const char* query_json);

/** System Admin: puts a dead outbox event back in the queue, due now. HD_E_INVALID_STATE unless it
 *  is dead. Out: the event. Since 0.2.0. */
HD_API int hd_outbox_requeue(char** out_event_json, hd_engine* engine, int64_t actor, int64_t event);

#ifdef __cplusplus
}
#endif

#endif /* HELPDESK_C_H */
