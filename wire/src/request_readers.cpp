#include <wire/request_readers.hpp>

#include <helpdesk/error.hpp>

#include <algorithm>
#include <iterator>

namespace helpdesk::wire {

namespace {

// The fields every new account has, whoever makes it.
template <class Request>
void read_person(request_fields& body, Request& r) {
    r.email = body.text("email").value_or("");
    r.first_name = body.text("first_name").value_or("");
    r.middle_name = body.text("middle_name");
    r.last_name = body.text("last_name").value_or("");
    r.suffix = body.text("suffix");
    r.department = body.text("department").value_or("");
}

// A PATCH body names only what may be changed: any other field is refused by name.
void refuse_others(request_fields& body, std::initializer_list<std::string_view> editable) {
    for (const auto& name : body.names()) {
        if (std::find(editable.begin(), editable.end(), name) == editable.end()) {
            body.refuse(name, "This field cannot be changed here.");
        }
    }
}

// A PATCH member: absent stays as it is; null reads as a blank (the services
// refuse a blank required name and clear an optional one).
void read_change(request_fields& body, std::string_view name, std::optional<std::string>& into) {
    if (body.has(name)) {
        into = body.text(name).value_or("");
    }
}

// The names both the own profile and a System Admin's edit change.
template <class Changes>
void read_name_changes(request_fields& body, Changes& r) {
    read_change(body, "first_name", r.first_name);
    read_change(body, "middle_name", r.middle_name);
    read_change(body, "last_name", r.last_name);
    read_change(body, "suffix", r.suffix);
}

} // namespace

sign_up_request read_sign_up(request_fields& body) {
    sign_up_request r;
    read_person(body, r);
    r.company_id = body.text("company_id");
    r.password = body.text("password").value_or("");
    r.confirm_password = body.text("confirm_password").value_or("");
    r.role = body.raw("role");
    r.status = body.raw("status");
    body.check();
    return r;
}

admin_create_request read_admin_create(request_fields& body) {
    admin_create_request r;
    read_person(body, r);
    r.role = body.text("role").value_or(r.role);
    body.check();
    return r;
}

account_update read_account_update(request_fields& body) {
    refuse_others(body, {"first_name", "middle_name", "last_name", "suffix", "department"});
    account_update r;
    read_name_changes(body, r);
    read_change(body, "department", r.department);
    body.check();
    return r;
}

edit_ticket_request read_ticket_edit(request_fields& body) {
    refuse_others(body, {"priority", "department", "category", "sub_category", "assigned_to"});
    edit_ticket_request r;
    r.priority = body.text("priority");
    r.department = body.text("department");
    r.category = body.text("category");
    r.sub_category = body.text("sub_category");
    if (const auto* assignee = body.object().if_contains("assigned_to")) {
        if (assignee->is_null()) {
            r.unassign = true;
        } else {
            body.refuse("assigned_to", "Only null (unassign) is taken here; assign through POST /api/tickets/{id}/assign/.");
        }
    }
    body.check();
    return r;
}

profile_update read_profile_update(request_fields& body) {
    field_errors refused;
    for (const auto& name : body.names()) {
        if (name != "first_name" && name != "middle_name" && name != "last_name" && name != "suffix") {
            refused[name].push_back("This field cannot be changed here.");
        }
    }
    if (!refused.empty()) {
        throw error(errc::invalid_argument, "Only first_name, middle_name, last_name and suffix can be changed.",
                    std::move(refused));
    }
    profile_update r;
    read_name_changes(body, r);
    body.check();
    return r;
}

std::string read_role_change(request_fields& body) {
    auto role = body.required_text("role");
    body.check();
    return role;
}

create_ticket_request read_create_ticket(request_fields& body) {
    create_ticket_request r;
    r.subject = body.text("subject").value_or("");
    r.category = body.text("category").value_or("");
    r.sub_category = body.text("sub_category").value_or("");
    r.description = body.text("description").value_or("");
    r.scheduled_date = body.text("scheduled_date");
    r.attachments = body.files("attachments");
    r.status = body.raw("status");
    r.priority = body.raw("priority");
    r.department = body.raw("department");
    r.assigned_to = body.raw("assigned_to");
    body.check();
    return r;
}

approve_request read_approve(request_fields& body) {
    approve_request r;
    r.priority = body.text("priority").value_or(r.priority);
    r.department = body.text("department").value_or(r.department);
    r.approval_notes = body.text("approval_notes");
    r.assigned_to = body.id("assigned_to");
    body.check();
    return r;
}

} // namespace helpdesk::wire
