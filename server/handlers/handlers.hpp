#pragma once

#include "app/call.hpp"
#include "app/response.hpp"

/// Every handler: parse the request, call one engine service, serialise.
/// No business rules here; refusals come from the engine as `helpdesk::error`.
namespace helpdesk::server::handlers {

// Sign-in and tokens (auth_handlers.cpp).
response token_any(call& c);
response token_employee(call& c);
response token_admin(call& c);
response token_refresh(call& c);
response token_logout(call& c);

// The caller's own account (profile_handlers.cpp).
response sign_up(call& c);
response profile(call& c);
response update_profile(call& c);
response change_password(call& c);
response check_password(call& c);
response upload_image(call& c);
response forgot_password(call& c);
response reset_password(call& c);

// Account administration (employee_handlers.cpp).
response admin_create_employee(call& c);
response list_employees(call& c);
response approve_employee(call& c);
response reject_employee(call& c);
response employee_image(call& c);
response rejected_employees(call& c);
response rejected_count(call& c);

// One account, for System Admins: read, edit, role, deactivation, history (account_admin_handlers.cpp).
response employee_detail(call& c);
response update_employee(call& c);
response change_employee_role(call& c);
response deactivate_employee(call& c);
response reactivate_employee(call& c);
response employee_history(call& c);

// The configured choices and limits (catalog_handlers.cpp).
response catalog(call& c);

// Ticket lists and detail (ticket_handlers.cpp).
response list_tickets(call& c);
response create_ticket(call& c);
response new_tickets(call& c);
response open_tickets(call& c);
response my_tickets(call& c);
response ticket_stats(call& c);
response ticket_detail(call& c);

// Lifecycle actions (ticket_action_handlers.cpp).
response approve_ticket(call& c);
response reject_ticket(call& c);
response claim_ticket(call& c);
response assign_ticket(call& c);
response update_ticket_status(call& c);
response withdraw_ticket(call& c);
response close_ticket(call& c);
response reopen_ticket(call& c);
response finalize_ticket(call& c);
response edit_ticket(call& c);

// Comments, history and files (ticket_thread_handlers.cpp).
response list_comments(call& c);
response add_comment(call& c);
response ticket_history(call& c);
response add_attachment(call& c);
response download_attachment(call& c);

// The external workflow system (workflow_handlers.cpp).
response workflow_status(call& c);

// Outbox administration (outbox_handlers.cpp).
response dead_events(call& c);
response requeue_event(call& c);

// The SLA policy, for System Admins (sla_handlers.cpp); re-measuring one
// ticket under it is a ticket action (ticket_action_handlers.cpp).
response get_sla_policy(call& c);
response change_sla_policy(call& c);
response reapply_sla(call& c);

// The workflow system's API keys, for System Admins (api_key_handlers.cpp).
response list_api_keys(call& c);
response create_api_key(call& c);
response revoke_api_key(call& c);

// Canned replies, for staff (canned_reply_handlers.cpp).
response list_canned_replies(call& c);
response create_canned_reply(call& c);
response get_canned_reply(call& c);
response update_canned_reply(call& c);
response delete_canned_reply(call& c);
response render_canned_reply(call& c);

// Automatic assignment: one's availability (staff), the departments' modes
// (System Admins) (assignment_handlers.cpp).
response get_availability(call& c);
response set_availability(call& c);
response list_assignment_departments(call& c);
response set_assignment_mode(call& c);

// Operations (ops_handlers.cpp).
response healthz(call& c);
response readyz(call& c);
response metrics_text(call& c);
response openapi(call& c);

} // namespace helpdesk::server::handlers
