#include "app/route_table.hpp"

#include "handlers/handlers.hpp"

#include <array>

namespace helpdesk::server {

namespace {

using boost::beast::http::verb;
namespace h = handlers;

constexpr std::string_view list_query = "page,page_size,cursor";
constexpr std::string_view ticket_query = "page,page_size,cursor,status,priority,department,category,sub_category,"
                                          "assigned_to,employee,search,submitted_after,submitted_before,ordering";

// clang-format off
const std::array routes{
    // Accounts and sign-in.
    route{verb::post, "/api/create_employee/", access::anyone, body_kind::form, true, h::sign_up, "accounts",
          "Sign up: creates a Pending Employee account.", "SignUp", "Account", 201, ""},
    route{verb::post, "/api/admin/create-employee/", access::bearer, body_kind::json, false, h::admin_create_employee, "accounts",
          "System Admin: creates an approved account; a set-password link is mailed.", "AdminCreateEmployee", "Account", 201, ""},
    route{verb::post, "/api/token/", access::anyone, body_kind::json, true, h::token_any, "auth",
          "Login for every role (employees and staff): returns access and refresh tokens.", "Login", "TokenPair", 200, ""},
    route{verb::post, "/api/token/employee/", access::anyone, body_kind::json, true, h::token_employee, "auth",
          "Employee login: returns access and refresh tokens.", "Login", "TokenPair", 200, ""},
    route{verb::post, "/api/token/admin/", access::anyone, body_kind::json, true, h::token_admin, "auth",
          "Staff login (coordinators and admins): returns access and refresh tokens.", "Login", "TokenPair", 200, ""},
    route{verb::post, "/api/token/refresh/", access::anyone, body_kind::json, true, h::token_refresh, "auth",
          "Rotates a refresh token: the old one is revoked, a new pair returned.", "Refresh", "TokenPair", 200, ""},
    route{verb::post, "/api/token/logout/", access::bearer_or_cookie, body_kind::none, false, h::token_logout, "auth",
          "Ends the caller's session: its refresh tokens are revoked (in cookie mode also the cookie's session, "
          "and the cookie is cleared).", "", "", 204, ""},
    route{verb::get, "/api/employee/profile/", access::bearer, body_kind::none, false, h::profile, "accounts",
          "The caller's own account.", "", "Account", 200, ""},
    route{verb::patch, "/api/employee/profile/", access::bearer, body_kind::json, false, h::update_profile, "accounts",
          "Changes the caller's names (first, middle, last, suffix) with the sign-up rules; a null or blank "
          "middle name or suffix clears it.", "ProfileUpdate", "Account", 200, ""},
    route{verb::post, "/api/employee/change-password/", access::bearer, body_kind::json, true, h::change_password, "accounts",
          "Changes the caller's password; the account's other sessions are revoked (rate limited with check-password).", "ChangePassword", "Message", 200, ""},
    route{verb::post, "/api/employee/check-password/", access::bearer, body_kind::json, true, h::check_password, "accounts",
          "Checks the caller's current password (rate limited).", "CheckPassword", "PasswordCheck", 200, ""},
    route{verb::post, "/api/employee/upload-image/", access::bearer, body_kind::upload, false, h::upload_image, "accounts",
          "Sets the caller's profile picture (PNG or JPEG, at most 2 MiB, checked by content).", "ImageUpload", "Account", 200, ""},
    route{verb::post, "/api/employee/forgot-password/", access::anyone, body_kind::json, true, h::forgot_password, "accounts",
          "Mails a reset link when the email belongs to an approved account; answers alike either way.", "ForgotPassword", "Message", 200, ""},
    route{verb::post, "/api/employee/reset-password/", access::anyone, body_kind::json, true, h::reset_password, "accounts",
          "Sets a new password with a single-use reset token.", "ResetPassword", "Message", 200, ""},
    route{verb::get, "/api/employees/", access::bearer, body_kind::none, false, h::list_employees, "accounts",
          "Staff: accounts, filtered by role, status and department.", "", "AccountPage", 200, "page,page_size,role,status,department"},
    route{verb::post, "/api/employees/{id}/approve/", access::bearer, body_kind::none, false, h::approve_employee, "accounts",
          "System Admin: approves a pending sign-up.", "", "Account", 200, ""},
    route{verb::post, "/api/employees/{id}/reject/", access::bearer, body_kind::json, false, h::reject_employee, "accounts",
          "System Admin: rejects a pending sign-up with a reason (the account is removed, an audit row kept).", "Reason", "RejectedAccount", 200, ""},
    route{verb::get, "/api/employees/{id}/image/", access::signed_url, body_kind::none, false, h::employee_image, "accounts",
          "A profile picture, through the signed URL given in `image_url`.", "", "", 200, "u,exp,sig"},
    route{verb::get, "/api/rejected-employees/", access::bearer, body_kind::none, false, h::rejected_employees, "accounts",
          "System Admin: the rejection audit, newest first.", "", "RejectedAccountPage", 200, list_query},
    route{verb::get, "/api/admin/rejected-users-count/", access::bearer, body_kind::none, false, h::rejected_count, "accounts",
          "System Admin: number of rejected sign-ups.", "", "Count", 200, ""},

    // The catalogue forms are built from.
    route{verb::get, "/api/catalog/", access::anyone, body_kind::none, false, h::catalog, "catalog",
          "Departments, categories and their sub-categories, priorities, statuses, roles, suffixes, "
          "attachment and picture limits, and the password rule.", "", "Catalog", 200, ""},

    // Tickets.
    route{verb::get, "/api/tickets/", access::bearer, body_kind::none, false, h::list_tickets, "tickets",
          "Tickets the caller may see (employees: their own), filtered and paged.", "", "TicketPage", 200, ticket_query},
    route{verb::post, "/api/tickets/", access::bearer, body_kind::upload, false, h::create_ticket, "tickets",
          "Raises a ticket, with files under `attachments`; honours Idempotency-Key.", "CreateTicket", "Ticket", 201, ""},
    route{verb::get, "/api/tickets/new/", access::bearer, body_kind::none, false, h::new_tickets, "tickets",
          "Staff: tickets waiting for approval.", "", "TicketPage", 200, "page,page_size"},
    route{verb::get, "/api/tickets/open/", access::bearer, body_kind::none, false, h::open_tickets, "tickets",
          "Staff: approved tickets nobody has claimed.", "", "TicketPage", 200, "page,page_size"},
    route{verb::get, "/api/tickets/my-tickets/", access::bearer, body_kind::none, false, h::my_tickets, "tickets",
          "Staff: active tickets assigned to the caller.", "", "TicketPage", 200, "page,page_size"},
    route{verb::get, "/api/tickets/stats/", access::bearer, body_kind::none, false, h::ticket_stats, "tickets",
          "Counts by status, priority and department, and mean times (own for employees, all for staff).", "", "TicketStats", 200, ""},
    route{verb::get, "/api/tickets/{id}/", access::bearer, body_kind::none, false, h::ticket_detail, "tickets",
          "A ticket by id or by TX number, with attachments and the comments the caller may see.", "", "Ticket", 200, ""},
    route{verb::post, "/api/tickets/{id}/approve/", access::bearer, body_kind::json, false, h::approve_ticket, "lifecycle",
          "Staff: New to Open, setting priority and department.", "ApproveTicket", "Ticket", 200, ""},
    route{verb::post, "/api/tickets/{id}/reject/", access::bearer, body_kind::json, false, h::reject_ticket, "lifecycle",
          "Staff: New to Rejected with a reason.", "Reason", "Ticket", 200, ""},
    route{verb::post, "/api/tickets/{id}/claim/", access::bearer, body_kind::none, false, h::claim_ticket, "lifecycle",
          "Staff: Open to In Progress, assigned to the caller.", "", "Ticket", 200, ""},
    route{verb::post, "/api/tickets/{id}/assign/", access::bearer, body_kind::json, false, h::assign_ticket, "lifecycle",
          "Staff: assigns to a staff account.", "AssignTicket", "Ticket", 200, ""},
    route{verb::post, "/api/tickets/{id}/update-status/", access::bearer, body_kind::json, false, h::update_ticket_status, "lifecycle",
          "Staff: moves along an update-status edge of the lifecycle.", "UpdateStatus", "Ticket", 200, ""},
    route{verb::post, "/api/tickets/{id}/withdraw/", access::bearer, body_kind::json, false, h::withdraw_ticket, "lifecycle",
          "Owner: withdraws an open ticket.", "Note", "Ticket", 200, ""},
    route{verb::post, "/api/tickets/{id}/close/", access::bearer, body_kind::json, false, h::close_ticket, "lifecycle",
          "Owner: Resolved to Closed.", "Note", "Ticket", 200, ""},
    route{verb::post, "/api/tickets/{id}/reopen/", access::bearer, body_kind::json, false, h::reopen_ticket, "lifecycle",
          "Owner: Resolved back to In Progress, with a comment.", "Note", "Ticket", 200, ""},
    route{verb::post, "/api/tickets/{id}/finalize/", access::bearer, body_kind::none, false, h::finalize_ticket, "lifecycle",
          "Staff: hands the ticket to the external workflow (idempotent).", "", "Ticket", 200, ""},
    route{verb::get, "/api/tickets/{id}/comments/", access::bearer, body_kind::none, false, h::list_comments, "tickets",
          "Comments the caller may see, in order.", "", "CommentList", 200, ""},
    route{verb::post, "/api/tickets/{id}/comments/", access::bearer, body_kind::json, false, h::add_comment, "tickets",
          "Adds a comment (internal ones by staff only).", "NewComment", "Comment", 201, ""},
    route{verb::get, "/api/tickets/{id}/history/", access::bearer, body_kind::none, false, h::ticket_history, "tickets",
          "The ticket's history the caller may see, in order.", "", "HistoryList", 200, ""},
    route{verb::post, "/api/tickets/{id}/attachments/", access::bearer, body_kind::upload, false, h::add_attachment, "tickets",
          "Adds one file under `file` (png, jpeg, pdf, doc(x), xls(x), csv; size and count limits).", "FileUpload", "AttachmentList", 201, ""},
    route{verb::get, "/api/attachments/{id}/download/", access::signed_url, body_kind::none, false, h::download_attachment, "tickets",
          "An attachment's bytes, through the signed URL given in `download_url`.", "", "", 200, "u,exp,sig"},
    route{verb::post, "/api/workflow/tickets/{ticket_number}/status/", access::api_key, body_kind::json, false, h::workflow_status, "workflow",
          "The external workflow system reports a ticket's status (its X-API-Key names it in the ticket's comment).", "WorkflowStatus", "Ticket", 200, ""},
    route{verb::get, "/api/workflow/api-keys/", access::bearer, body_kind::none, false, h::list_api_keys, "workflow",
          "System Admin: the workflow system's API keys, revoked ones included (never the keys themselves).", "", "ApiKeyList", 200, ""},
    route{verb::post, "/api/workflow/api-keys/", access::bearer, body_kind::json, false, h::create_api_key, "workflow",
          "System Admin: makes an API key; the response carries `key`, shown this once.", "NewApiKey", "CreatedApiKey", 201, ""},
    route{verb::delete_, "/api/workflow/api-keys/{id}/", access::bearer, body_kind::none, false, h::revoke_api_key, "workflow",
          "System Admin: revokes an API key from now on (idempotent).", "", "", 204, ""},

    // Outbox administration.
    route{verb::get, "/api/outbox/dead/", access::bearer, body_kind::none, false, h::dead_events, "outbox",
          "System Admin: events parked as dead after failed deliveries, newest first, with their last error.", "", "OutboxEventPage", 200, "page,page_size"},
    route{verb::post, "/api/outbox/{id}/requeue/", access::bearer, body_kind::none, false, h::requeue_event, "outbox",
          "System Admin: puts a dead event back in the queue, due now, attempts reset.", "", "OutboxEvent", 200, ""},

    // Operations.
    route{verb::get, "/healthz", access::anyone, body_kind::none, false, h::healthz, "operations",
          "Liveness: the process answers.", "", "Health", 200, ""},
    route{verb::get, "/readyz", access::anyone, body_kind::none, false, h::readyz, "operations",
          "Readiness: the store answers.", "", "Health", 200, ""},
    route{verb::get, "/metrics", access::metrics, body_kind::none, false, h::metrics_text, "operations",
          "Prometheus text: requests by route and status, latency, outbox backlog, store errors.", "", "", 200, ""},
    route{verb::get, "/api/openapi.json", access::anyone, body_kind::none, false, h::openapi, "operations",
          "This description.", "", "", 200, ""},
};
// clang-format on

} // namespace

std::span<const route> route_table() {
    return routes;
}

} // namespace helpdesk::server
