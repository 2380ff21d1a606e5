#include "services/ticket_support.hpp"

#include "services/json_object.hpp"
#include "services/service_support.hpp"

#include <algorithm>

namespace helpdesk::detail {

void record_history(transaction& tx, const ticket& t, std::optional<account_id> actor, time_point now,
                    history_kind kind, std::optional<std::string> old_value,
                    std::optional<std::string> new_value, bool internal) {
    history_event e;
    e.ticket = t.id;
    e.actor = actor;
    e.at = now;
    e.kind = kind;
    e.old_value = std::move(old_value);
    e.new_value = std::move(new_value);
    e.is_internal = internal;
    tx.tickets().insert_history(e);
}

comment record_comment(transaction& tx, const ticket& t, time_point now, comment_draft draft) {
    comment c;
    c.ticket = t.id;
    c.author = draft.author;
    c.text = std::move(draft.text);
    c.is_internal = draft.internal;
    c.created_at = now;
    tx.tickets().insert_comment(c);
    if (draft.in_history) {
        record_history(tx, t, draft.author, now,
                       draft.internal ? history_kind::internal_comment_added : history_kind::comment_added,
                       std::nullopt, std::to_string(c.id), draft.internal);
    }
    return c;
}

void note_staff_response(ticket& t, time_point now) noexcept {
    if (!t.response_seconds) {
        t.response_seconds = std::chrono::duration_cast<std::chrono::seconds>(now - t.submit_date).count();
    }
}

void note_owner_wait(ticket& t, time_point now) noexcept {
    t.owner_reminded = false;
    if (t.status == ticket_status::resolved || t.status == ticket_status::pending) {
        t.waiting_on_owner_since = now;
    } else {
        t.waiting_on_owner_since.reset();
    }
}

void move_status(transaction& tx, ticket& t, std::optional<account_id> actor, ticket_status to, time_point now) {
    const auto from = t.status;
    t.status = to;
    const auto elapsed = std::chrono::duration_cast<std::chrono::seconds>(now - t.submit_date).count();
    if (to == ticket_status::resolved) {
        t.resolution_seconds = elapsed;
    }
    if (to == ticket_status::closed) {
        t.time_closed = now;
        if (!t.resolution_seconds) {
            t.resolution_seconds = elapsed;
        }
    }
    if (from == ticket_status::resolved && to == ticket_status::in_progress) {
        t.resolution_seconds.reset(); // reopened: it is not resolved any more
    }
    note_owner_wait(t, now);
    record_history(tx, t, actor, now, history_kind::status_changed, std::string{to_string(from)}, std::string{to_string(to)});
}

ticket_status unassign(transaction& tx, ticket& t, std::optional<account_id> actor, time_point now) {
    const auto from = t.status;
    const auto former = t.assigned_to;
    t.assigned_to.reset();
    record_history(tx, t, actor, now, history_kind::unassigned,
                   former ? std::optional{std::to_string(*former)} : std::nullopt);
    if (const auto to = lifecycle_target(action::unassign, from); to && *to != from) {
        move_status(tx, t, actor, *to, now);
    }
    return from;
}

std::string_view status_event_kind(ticket_status to) noexcept {
    switch (to) {
    case ticket_status::resolved: return event_kind::ticket_resolved;
    case ticket_status::closed: return event_kind::ticket_closed;
    default: return event_kind::ticket_status_changed;
    }
}

void record_status_changed(transaction& tx, const ticket& t, std::optional<account_id> actor, ticket_status from,
                           time_point now) {
    record_event(tx, now, status_event_kind(t.status), t.employee, t.id,
                 ticket_payload(t, actor, {{"old_status", std::string{to_string(from)}}}));
}

std::string ticket_payload(const ticket& t, std::optional<account_id> actor,
                           std::initializer_list<std::pair<std::string_view, std::string>> extra) {
    json_object json;
    json.add("ticket_id", t.id)
        .add("ticket_number", t.ticket_number)
        .add("subject", t.subject)
        .add("owner", t.employee)
        .add("status", to_string(t.status))
        .add("priority", to_string(t.ticket_priority))
        .add("department", t.department)
        .add("assigned_to", t.assigned_to)
        .add("actor", actor);
    for (const auto& [key, value] : extra) {
        json.add(key, std::string_view{value});
    }
    return json.str();
}

account_summary summarize(const account& a) { return {a.id, a.first_name, a.last_name, a.email, a.account_role}; }

namespace {
account_summary summary_of(transaction& tx, account_id id) {
    if (const auto a = tx.accounts().find(id)) {
        return summarize(*a);
    }
    account_summary unknown;
    unknown.id = id;
    return unknown;
}
} // namespace

ticket_details load_details(transaction& tx, const ticket& t, bool staff, time_point as_of) {
    ticket_details d;
    d.item = t;
    d.as_of = as_of;
    d.employee = summary_of(tx, t.employee);
    if (t.assigned_to) {
        d.assigned_to = summary_of(tx, *t.assigned_to);
    }
    d.attachments = tx.tickets().attachments(t.id);
    d.comments = tx.tickets().comments(t.id, staff);
    std::vector<account_id> authors;
    for (const auto& c : d.comments) {
        if (c.author && std::find(authors.begin(), authors.end(), *c.author) == authors.end()) {
            authors.push_back(*c.author);
        }
    }
    d.comment_authors = summaries_of(tx, authors);
    return d;
}

ticket_details details_for(transaction& tx, const ticket& t, const actor& who, time_point as_of) {
    auto d = load_details(tx, t, is_staff(who.actor_role), as_of);
    d.viewer = who;
    return d;
}

std::vector<account_summary> summaries_of(transaction& tx, const std::vector<account_id>& ids) {
    std::vector<account_summary> people;
    if (ids.empty()) {
        return people;
    }
    people.reserve(ids.size());
    for (const auto& a : tx.accounts().find_many(ids)) {
        people.push_back(summarize(a));
    }
    return people;
}

std::vector<account_summary> people_of(transaction& tx, const std::vector<ticket>& tickets) {
    std::vector<account_id> ids;
    auto add = [&](account_id id) {
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
            ids.push_back(id);
        }
    };
    for (const auto& t : tickets) {
        add(t.employee);
        if (t.assigned_to) {
            add(*t.assigned_to);
        }
    }
    return summaries_of(tx, ids);
}

} // namespace helpdesk::detail
