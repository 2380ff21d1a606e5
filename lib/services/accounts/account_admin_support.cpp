#include "services/accounts/account_admin_support.hpp"

#include "services/accounts/account_checks.hpp"
#include "services/json_object.hpp"
#include "services/service_support.hpp"
#include "services/ticket_support.hpp"
#include "services/tickets/ticket_change.hpp"

#include <algorithm>

namespace helpdesk::detail {

json_object account_fields(const account& a) {
    json_object fields;
    fields.add("account_id", a.id).add("email", a.email).add("first_name", a.first_name).add("last_name", a.last_name);
    return fields;
}

void keep_an_admin(const std::vector<account_id>& admins, const account& a, std::string_view what) {
    const bool counted = std::find(admins.begin(), admins.end(), a.id) != admins.end();
    if (counted && admins.size() <= 1) {
        throw error(errc::conflict, "the last active System Admin cannot be " + std::string{what} +
                                        "; make another account a System Admin first");
    }
}

void record_account_change(transaction& tx, account_id account, account_id actor, time_point now,
                           std::string field, std::optional<std::string> old_value,
                           std::optional<std::string> new_value) {
    account_history_entry e;
    e.account = account;
    e.actor = actor;
    e.at = now;
    e.field = std::move(field);
    e.old_value = std::move(old_value);
    e.new_value = std::move(new_value);
    tx.accounts().insert_history(e);
}

void record_account_event(transaction& tx, time_point now, std::string_view kind, const account& a,
                          account_id actor, std::initializer_list<std::pair<std::string_view, std::string>> extra) {
    auto json = account_fields(a);
    json.add("role", to_string(a.account_role)).add("is_active", a.is_active).add("actor", actor);
    for (const auto& [key, value] : extra) {
        json.add(key, std::string_view{value});
    }
    record_event(tx, now, kind, a.id, std::nullopt, json.str());
}

std::int64_t release_assignments(engine_context& context, transaction& tx, account_id assignee, account_id actor,
                                 time_point now, std::string_view reason) {
    ticket_page_request open_work;
    open_work.filter.assigned_to = assignee;
    open_work.filter.statuses = {ticket_status::open, ticket_status::in_progress, ticket_status::on_hold,
                                 ticket_status::pending};
    open_work.limit = 100;
    open_work.with_count = false;
    std::int64_t released = 0;
    // A released ticket no longer matches, so the first page is read until it is empty.
    for (auto found = tx.tickets().list(open_work); !found.rows.empty(); found = tx.tickets().list(open_work)) {
        for (const auto& row : found.rows) {
            ticket_change change{.who = {}, .item = row, .version_before = row.version, .sla_before = sla_inputs_of(row)};
            auto& t = change.item;
            // Nobody works on it any more: the lifecycle's unassign edge (In Progress → Open).
            const auto from = unassign(tx, t, actor, now);
            std::string note = "Returned to the queue: " + std::string{reason} + ".";
            if (t.status != from) {
                note += " Status changed from " + std::string{to_string(from)} + " to " +
                        std::string{to_string(t.status)} + ".";
            }
            record_comment(tx, t, now, {.author = actor, .text = std::move(note), .in_history = false});
            save(context, tx, change, now, std::nullopt); // a concurrent change re-runs the whole call
            if (t.status != from) {
                record_status_changed(tx, t, actor, from, now);
            }
            ++released;
        }
    }
    return released;
}

checked_account_update check_account_update(const account_update& changes, const catalog& choices) {
    checked_account_update out;
    auto& check = out.check;
    if (changes.first_name) {
        out.first_name = check.person_name("first_name", *changes.first_name);
    }
    if (changes.last_name) {
        out.last_name = check.person_name("last_name", *changes.last_name);
    }
    out.middle_name = check.optional_person_name("middle_name", changes.middle_name);
    out.suffix = check_suffix(check, changes.suffix);
    if (changes.department) {
        out.department = std::string{trim(*changes.department)};
        if (out.department->empty()) {
            check.fail("department", "This field is required.");
        } else if (!choices.has_department(*out.department)) {
            check.fail("department", "Select a valid choice.");
        }
    }
    return out;
}

void apply_account_update(account& a, const account_update& changes, const checked_account_update& checked) {
    if (checked.first_name) {
        a.first_name = *checked.first_name;
    }
    if (checked.last_name) {
        a.last_name = *checked.last_name;
    }
    if (changes.middle_name) {
        a.middle_name = checked.middle_name; // blank clears it
    }
    if (changes.suffix) {
        a.suffix = checked.suffix;
    }
    if (checked.department) {
        a.department = *checked.department;
    }
}

std::vector<field_change> changed_fields(const account& before, const account& after) {
    std::vector<field_change> changed;
    const auto compare = [&](std::string_view field, const std::optional<std::string>& old_value,
                             const std::optional<std::string>& new_value) {
        if (old_value != new_value) {
            changed.push_back({std::string{field}, old_value, new_value});
        }
    };
    compare("first_name", before.first_name, after.first_name);
    compare("middle_name", before.middle_name, after.middle_name);
    compare("last_name", before.last_name, after.last_name);
    compare("suffix", before.suffix, after.suffix);
    compare("department", before.department, after.department);
    return changed;
}

} // namespace helpdesk::detail
