#include "templates.hpp"

#include "escaping.hpp"
#include "mail_body.hpp"

#include <helpdesk/domain/outbox_event.hpp>

#include <array>
#include <functional>

namespace helpdesk::smtp::detail {
namespace {

using composer = std::function<void(const mail_request&, mail_content&, mail_body&)>;

struct mail_template {
    std::string_view kind;
    composer compose;
};

std::string greeting(const recipient& to) {
    return to.first_name.empty() ? std::string{"Hello,"} : "Hello " + to.first_name + ",";
}

std::string ticket_prefix(const ticket_facts& t) { return "[" + t.number + "] "; }

void ticket_summary(const mail_request& r, mail_body& body) {
    body.fact("Ticket", r.ticket.number).fact("Subject", r.ticket.subject);
    if (!r.ticket.status.empty()) {
        body.fact("Status", r.ticket.status);
    }
    if (!r.ticket.priority.empty()) {
        body.fact("Priority", r.ticket.priority);
    }
    if (!r.ticket.department.empty()) {
        body.fact("Department", r.ticket.department);
    }
}

void ticket_button(const mail_request& r, mail_body& body) {
    body.link("Open ticket " + r.ticket.number, ticket_link(r.public_url, r.ticket.number));
}

void desk_button(const mail_request& r, mail_body& body) { body.link("Open " + r.desk_name, r.public_url + "/"); }

// The mail of a ticket event told in one sentence: the subject line
// "<headline>: <ticket subject>", `sentence(r)`, the ticket's summary and its button.
composer ticket_notice(std::string_view headline, std::string (*sentence)(const mail_request&)) {
    return [headline, sentence](const mail_request& r, mail_content& m, mail_body& b) {
        m.subject = ticket_prefix(r.ticket) + std::string{headline} + ": " + r.ticket.subject;
        b.paragraph(sentence(r));
        ticket_summary(r, b);
        ticket_button(r, b);
    };
}

// "the first-response target" or "the resolution target".
std::string sla_target_name(const ticket_facts& t) {
    return t.sla_target == "first_response" ? std::string{"first-response target"}
                                            : std::string{"resolution target"};
}

// An SLA notice: `what` ("is at risk", "was breached") about the ticket's
// target, with its due date.
composer sla_notice(std::string_view headline, std::string_view what) {
    return [headline, what](const mail_request& r, mail_content& m, mail_body& b) {
        m.subject = ticket_prefix(r.ticket) + std::string{headline} + ": " + r.ticket.subject;
        b.paragraph("The " + sla_target_name(r.ticket) + " of ticket " + r.ticket.number + " " + std::string{what} +
                    ".");
        if (!r.ticket.sla_due.empty()) {
            b.fact("Due", r.ticket.sla_due);
        }
        ticket_summary(r, b);
        ticket_button(r, b);
    };
}

// The mail that sends its reader a one-time link: the subject line `subject`,
// `sentence(r)`, the button `button` to "<public url>/<page>?token=<secret>",
// then `caveat`.
composer one_time_link(std::string_view subject, std::string (*sentence)(const mail_request&),
                       std::string_view button, std::string_view page, std::string_view caveat) {
    return [=](const mail_request& r, mail_content& m, mail_body& b) {
        m.subject = std::string{subject};
        b.paragraph(sentence(r));
        b.link(std::string{button},
               r.public_url + "/" + std::string{page} + "?token=" + url_encode(r.secret));
        b.paragraph(std::string{caveat});
    };
}

// One template per event kind of docs/product.md#notifications. Each fills the subject and adds
// the blocks between the greeting and the sign-off.
const std::array<mail_template, 20>& templates() {
    static const std::array<mail_template, 20> all{{
        {event_kind::account_registered,
         [](const mail_request& r, mail_content& m, mail_body& b) {
             m.subject = "We received your account request";
             b.paragraph("Thank you for signing up to " + r.desk_name +
                         ". An administrator will review your request; you will get another email once your "
                         "account is approved.");
         }},
        {event_kind::account_approved,
         [](const mail_request& r, mail_content& m, mail_body& b) {
             m.subject = "Your account is approved";
             b.paragraph("Your account has been approved. You can now sign in with " + r.to.email +
                         " and raise tickets.");
             desk_button(r, b);
         }},
        {event_kind::account_rejected,
         [](const mail_request& r, mail_content& m, mail_body& b) {
             m.subject = "Your account request was not approved";
             b.paragraph("Your request for an account on " + r.desk_name + " was not approved.");
             if (!r.reason.empty()) {
                 b.paragraph("The reason given:").quote(r.reason);
             }
             b.paragraph("You may sign up again once the matter is settled.");
         }},
        {event_kind::account_created,
         one_time_link(
             "An account was created for you",
             [](const mail_request& r) {
                 return "An administrator created an account on " + r.desk_name + " for " + r.to.email +
                        ". Choose your password with this link to start:";
             },
             "Set your password", "set-password",
             "The link works once and expires after a few days; if it has expired, ask for a password reset on "
             "the sign-in page.")},
        {event_kind::account_deactivated,
         [](const mail_request& r, mail_content& m, mail_body& b) {
             m.subject = "Your account was deactivated";
             b.paragraph("An administrator deactivated your account on " + r.desk_name + " (" + r.to.email +
                         "). You can no longer sign in; if you think this is a mistake, ask an administrator.");
         }},
        {event_kind::account_reactivated,
         [](const mail_request& r, mail_content& m, mail_body& b) {
             m.subject = "Your account is active again";
             b.paragraph("An administrator reactivated your account. You can sign in again with " + r.to.email + ".");
             desk_button(r, b);
         }},
        {event_kind::account_role_changed,
         [](const mail_request& r, mail_content& m, mail_body& b) {
             m.subject = "Your role has changed";
             b.paragraph("An administrator changed your role on " + r.desk_name + ": you are now " +
                         (r.role.empty() ? std::string{"in a new role"} : r.role) + ".");
             desk_button(r, b);
         }},
        {event_kind::password_reset_requested,
         one_time_link(
             "Reset your password",
             [](const mail_request& r) {
                 return "Someone asked to reset the password of your account (" + r.to.email +
                        "). Choose a new password with this link:";
             },
             "Reset your password", "reset-password",
             "The link works once and expires soon. If you did not ask for it, ignore this email: your password "
             "stays as it is.")},
        {event_kind::ticket_created,
         [](const mail_request& r, mail_content& m, mail_body& b) {
             if (r.to_owner) {
                 m.subject = ticket_prefix(r.ticket) + "We received your ticket: " + r.ticket.subject;
                 b.paragraph("Your ticket " + r.ticket.number +
                             " has been received. A coordinator will review it and you will hear from us "
                             "when it moves on.");
             } else {
                 m.subject = ticket_prefix(r.ticket) + "New ticket: " + r.ticket.subject;
                 b.paragraph((r.ticket.owner_name.empty() ? std::string{"Someone"} : r.ticket.owner_name) +
                             " raised a new ticket that awaits review.");
             }
             ticket_summary(r, b);
             ticket_button(r, b);
         }},
        {event_kind::ticket_approved, ticket_notice("Your ticket was approved", [](const mail_request& r) {
             return "Your ticket " + r.ticket.number + " has been approved and is now " + r.ticket.status + ".";
         })},
        {event_kind::ticket_rejected,
         [](const mail_request& r, mail_content& m, mail_body& b) {
             m.subject = ticket_prefix(r.ticket) + "Your ticket was rejected: " + r.ticket.subject;
             b.paragraph("Your ticket " + r.ticket.number + " has been rejected.");
             if (!r.ticket.reason.empty()) {
                 b.paragraph("The reason given:").quote(r.ticket.reason);
             }
             ticket_summary(r, b);
             ticket_button(r, b);
         }},
        {event_kind::ticket_status_changed,
         [](const mail_request& r, mail_content& m, mail_body& b) {
             m.subject = ticket_prefix(r.ticket) + "Status changed to " + r.ticket.status + ": " + r.ticket.subject;
             if (r.ticket.old_status.empty()) {
                 b.paragraph("The status of your ticket " + r.ticket.number + " is now " + r.ticket.status + ".");
             } else {
                 b.paragraph("The status of your ticket " + r.ticket.number + " changed from " +
                             r.ticket.old_status + " to " + r.ticket.status + ".");
             }
             ticket_summary(r, b);
             ticket_button(r, b);
         }},
        {event_kind::ticket_resolved, ticket_notice("Your ticket was resolved", [](const mail_request& r) {
             return "Your ticket " + r.ticket.number +
                    " has been resolved. If the problem is still there, reopen it from the ticket page; "
                    "otherwise it will be closed.";
         })},
        {event_kind::ticket_closed, ticket_notice("Your ticket was closed", [](const mail_request& r) {
             if (!r.ticket.closed_automatically_after.empty()) {
                 return "Your ticket " + r.ticket.number + " has been closed automatically: it was resolved " +
                        r.ticket.closed_automatically_after + " ago without an answer from you.";
             }
             return "Your ticket " + r.ticket.number + " has been closed.";
         })},
        {event_kind::ticket_pending_reminder, ticket_notice("Waiting for your answer", [](const mail_request& r) {
             return "Your ticket " + r.ticket.number +
                    " is waiting for your answer. Reply on the ticket page and it goes back to work.";
         })},
        {event_kind::ticket_assigned, ticket_notice("Assigned to you", [](const mail_request& r) {
             return "Ticket " + r.ticket.number + " has been assigned to you.";
         })},
        {event_kind::ticket_updated, ticket_notice("Your ticket was updated", [](const mail_request& r) {
             // Each value that moved, old and new; the payload carries both for each.
             std::string changes;
             const auto moved = [&](std::string_view what, const std::string& before, const std::string& after) {
                 if (!before.empty() && before != after) {
                     changes += (changes.empty() ? "" : ", ") + std::string{what} + " from " + before + " to " + after;
                 }
             };
             moved("priority", r.ticket.old_priority, r.ticket.priority);
             moved("department", r.ticket.old_department, r.ticket.department);
             return "Staff changed your ticket " + r.ticket.number +
                    (changes.empty() ? std::string{"."} : ": " + changes + ".");
         })},
        {event_kind::ticket_sla_at_risk, sla_notice("SLA target at risk", "is at risk")},
        {event_kind::ticket_sla_breached, sla_notice("SLA target breached", "was breached")},
        {event_kind::comment_added,
         [](const mail_request& r, mail_content& m, mail_body& b) {
             m.subject = ticket_prefix(r.ticket) + "New comment: " + r.ticket.subject;
             const auto who = r.ticket.comment_author.empty() ? std::string{"Someone"} : r.ticket.comment_author;
             if (r.ticket.comment) {
                 b.paragraph(who + " commented on ticket " + r.ticket.number + ":").quote(*r.ticket.comment);
             } else {
                 b.paragraph(who + " commented on ticket " + r.ticket.number + ".");
             }
             ticket_summary(r, b);
             b.link("Read and answer on the ticket page", ticket_link(r.public_url, r.ticket.number));
         }},
    }};
    return all;
}

const mail_template* find_template(std::string_view kind) noexcept {
    for (const auto& t : templates()) {
        if (t.kind == kind) {
            return &t;
        }
    }
    return nullptr;
}

} // namespace

std::string display_name(const recipient& who) {
    if (who.first_name.empty() || who.last_name.empty()) {
        return who.first_name + who.last_name;
    }
    return who.first_name + " " + who.last_name;
}

bool has_template(std::string_view kind) noexcept { return find_template(kind) != nullptr; }

std::string ticket_link(std::string_view public_url, std::string_view ticket_number) {
    return std::string{public_url} + "/tickets/" + url_encode(ticket_number);
}

std::optional<mail_content> render_mail(const mail_request& request) {
    const auto* chosen = find_template(request.kind);
    if (chosen == nullptr) {
        return std::nullopt;
    }
    mail_content mail;
    mail_body body;
    body.paragraph(greeting(request.to));
    chosen->compose(request, mail, body);
    body.paragraph("— " + request.desk_name + "\nThis is an automatic message about your help desk account.");
    mail.text = body.text();
    mail.html = body.html(mail.subject);
    return mail;
}

} // namespace helpdesk::smtp::detail
