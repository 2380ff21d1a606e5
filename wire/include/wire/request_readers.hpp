#pragma once

#include <wire/request_fields.hpp>

#include <helpdesk/services/account_service.hpp>
#include <helpdesk/services/ticket_service.hpp>

/// The request bodies the HTTP API and the C ABI share, read once. Each
/// reader ends with `body.check()`: a field of the wrong type is
/// invalid_argument naming it; the services judge the values.
namespace helpdesk::wire {

/// The sign-up form (`POST /api/create_employee/`, hd_sign_up, hd_bootstrap_admin).
/// `role` and `status` are kept when present in any type: choosing them is refused by the service.
[[nodiscard]] sign_up_request read_sign_up(request_fields& body);

/// An account a System Admin makes (`POST /api/admin/create-employee/`):
/// the sign-up's names and department, and `role` (Employee by default).
[[nodiscard]] admin_create_request read_admin_create(request_fields& body);

/// A System Admin's edit of an account (`PATCH /api/employees/{id}/`):
/// `first_name`, `middle_name`, `last_name`, `suffix` and `department`, each
/// optional; any other field is refused by name. A null first or last name
/// or department is a blank (refused by the service as required); a null
/// middle name or suffix clears it.
[[nodiscard]] account_update read_account_update(request_fields& body);

/// A change of the caller's own names (`PATCH /api/employee/profile/`,
/// hd_profile_update): `first_name`, `middle_name`, `last_name` and `suffix`,
/// each optional. Any other field is refused by name at once (email,
/// department and role have their own ways). A null first or last name is a
/// blank (refused by the service as required); a null middle name or suffix
/// clears it.
[[nodiscard]] profile_update read_profile_update(request_fields& body);

/// The role change of an account (`POST /api/employees/{id}/role/`): `role`, required.
[[nodiscard]] std::string read_role_change(request_fields& body);

/// A new ticket (`POST /api/tickets/`, hd_ticket_create), with its files
/// under `attachments` (multipart only). `status`, `priority`, `department`
/// and `assigned_to` are kept when present in any type: only staff set them,
/// and the service refuses them.
[[nodiscard]] create_ticket_request read_create_ticket(request_fields& body);

/// Approving a ticket (`POST /api/tickets/{id}/approve/`, hd_ticket_approve):
/// `priority`, `department`, optional `approval_notes` and optional
/// `assigned_to` (a positive id; null or absent: the department's mode).
[[nodiscard]] approve_request read_approve(request_fields& body);

/// Staff's edit of an approved ticket (`PATCH /api/tickets/{id}/`):
/// `priority`, `department`, `category` and `sub_category`, each optional
/// text, and `assigned_to`, which may only be null (unassign; assigning has
/// its own route). Any other field is refused by name.
[[nodiscard]] edit_ticket_request read_ticket_edit(request_fields& body);

} // namespace helpdesk::wire
