#include "mail_plan.hpp"

#include "escaping.hpp"
#include "payload.hpp"

#include <helpdesk/engine.hpp>

#include <algorithm>
#include <charconv>
#include <stdexcept>

namespace helpdesk::smtp::detail {
namespace {

std::string full_name(const account_summary& who) {
    if (who.first_name.empty() || who.last_name.empty()) {
        return who.first_name + who.last_name;
    }
    return who.first_name + " " + who.last_name;
}

recipient to_recipient(const account_summary& who) { return {who.first_name, who.last_name, who.email}; }

bool needs_secret(std::string_view kind) noexcept {
    return kind == event_kind::account_created || kind == event_kind::password_reset_requested;
}

ticket_facts facts_of(const payload_fields& payload, const std::optional<ticket_details>& now) {
    ticket_facts t;
    t.number = field(payload, "ticket_number");
    t.subject = field(payload, "subject");
    t.status = field(payload, "status");
    t.old_status = field(payload, "old_status");
    t.priority = field(payload, "priority");
    t.department = field(payload, "department");
    t.old_priority = field(payload, "old_priority");
    t.old_department = field(payload, "old_department");
    t.reason = field(payload, "reason");
    t.sla_target = field(payload, "target");
    t.sla_due = field(payload, "due");
    t.closed_automatically_after = field(payload, "closed_automatically_after");
    if (!now) {
        return t;
    }
    // The payload tells the ticket as the change left it; the ticket as it
    // is now fills what the payload lacks.
    if (t.number.empty()) {
        t.number = now->item.ticket_number;
    }
    if (t.subject.empty()) {
        t.subject = now->item.subject;
    }
    if (t.status.empty()) {
        t.status = std::string{to_string(now->item.status)};
    }
    if (t.reason.empty() && now->item.rejection_reason) {
        t.reason = *now->item.rejection_reason;
    }
    t.owner_name = full_name(now->employee);
    if (const auto id = field(payload, "comment_id"); !id.empty()) {
        // ticket_snapshot holds public comments only, so an internal one is never quoted.
        const auto found = std::find_if(now->comments.begin(), now->comments.end(),
                                        [&](const comment& c) { return std::to_string(c.id) == id; });
        if (found != now->comments.end()) {
            t.comment = found->text;
            if (found->author == now->employee.id) {
                t.comment_author = full_name(now->employee);
            } else if (found->author && now->assigned_to && *found->author == now->assigned_to->id) {
                t.comment_author = full_name(*now->assigned_to);
            }
        }
    }
    return t;
}

// Fields shown on one line (subjects, names, statuses) stay on one line
// whatever the payload holds; reasons and comments keep their line breaks.
void flatten(mail_request& r) {
    for (auto* text : {&r.to.first_name, &r.to.last_name, &r.role, &r.ticket.number, &r.ticket.subject, &r.ticket.status,
                       &r.ticket.old_status, &r.ticket.priority, &r.ticket.department, &r.ticket.old_priority,
                       &r.ticket.old_department, &r.ticket.owner_name, &r.ticket.comment_author,
                       &r.ticket.sla_target, &r.ticket.sla_due, &r.ticket.closed_automatically_after}) {
        *text = header_safe(*text);
    }
}

} // namespace

std::vector<mail_request> plan_mail(engine& desk, const outbox_event& event, std::string_view public_url,
                                    std::string_view desk_name) {
    if (!has_template(event.kind)) {
        return {};
    }
    payload_fields payload;
    try {
        payload = read_payload(event.payload);
    } catch (const std::invalid_argument& e) {
        throw delivery_failure(std::string{"SMTP: event "} + std::to_string(event.id) + ": " + e.what(), true);
    }
    mail_request base;
    base.kind = event.kind;
    base.public_url = std::string{public_url};
    base.desk_name = std::string{desk_name};
    base.role = field(payload, "role");
    if (needs_secret(event.kind)) {
        if (!event.secret || event.secret->empty()) {
            throw delivery_failure("SMTP: event " + std::to_string(event.id) + " (" + event.kind +
                                       ") has no secret left, so its link cannot be sent",
                                   true);
        }
        base.secret = *event.secret;
    }

    std::vector<mail_request> mails;
    if (event.kind == event_kind::account_rejected) {
        // The account is gone; the payload is all there is.
        base.to = {field(payload, "first_name"), field(payload, "last_name"), field(payload, "email")};
        base.reason = field(payload, "reason");
        if (base.to.email.empty()) {
            throw delivery_failure("SMTP: event " + std::to_string(event.id) + " (account.rejected) has no email",
                                   true);
        }
        flatten(base);
        mails.push_back(std::move(base));
        return mails;
    }

    const auto people = desk.outbox().audience(event);
    if (people.empty()) {
        return mails;
    }
    std::optional<ticket_details> now;
    if (event.ticket) {
        now = desk.outbox().ticket_snapshot(*event.ticket);
        base.ticket = facts_of(payload, now);
    }
    std::optional<account_id> owner;
    const auto owner_text = field(payload, "owner");
    account_id parsed = 0;
    if (const auto [end, ec] = std::from_chars(owner_text.data(), owner_text.data() + owner_text.size(), parsed);
        ec == std::errc{} && end == owner_text.data() + owner_text.size() && !owner_text.empty()) {
        owner = parsed;
    } else if (now) {
        owner = now->item.employee;
    }
    for (const auto& person : people) {
        auto mail = base;
        mail.to = to_recipient(person);
        mail.to_owner = owner && person.id == *owner;
        flatten(mail);
        mails.push_back(std::move(mail));
    }
    return mails;
}

} // namespace helpdesk::smtp::detail
