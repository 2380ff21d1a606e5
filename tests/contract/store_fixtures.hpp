#pragma once

// Builders and helpers shared by the contract tests. Plain values only; no
// adapter knowledge.

#include <helpdesk/domain/account.hpp>
#include <helpdesk/domain/outbox_event.hpp>
#include <helpdesk/domain/ticket.hpp>
#include <helpdesk/ports/store.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace contract {

/// The newest schema step (adapters/sql/schema_steps.hpp): the one number
/// the migration tests change when a step is added.
inline constexpr int newest_schema_step = 14;

/// `"1,2,...,n"`: the steps a store records, as `group_concat` lists them.
[[nodiscard]] inline std::string steps_up_to(int n = newest_schema_step) {
    std::string list;
    for (int i = 1; i <= n; ++i) {
        list += (i == 1 ? "" : ",") + std::to_string(i);
    }
    return list;
}

using namespace std::chrono_literals;

/// A fixed instant plus `offset` (2026-01-01T00:00:00Z + offset).
[[nodiscard]] inline helpdesk::time_point at(std::chrono::microseconds offset = 0us) {
    using namespace std::chrono;
    return helpdesk::time_point{sys_days{year{2026} / January / 1}} + offset;
}

/// An approved account number `n` with a unique email and company id.
[[nodiscard]] inline helpdesk::account make_account(int n, helpdesk::role r = helpdesk::role::employee,
                                                    helpdesk::account_status s = helpdesk::account_status::approved) {
    helpdesk::account a;
    a.email = "user" + std::to_string(n) + "@example.com";
    a.first_name = "First" + std::to_string(n);
    a.last_name = "Last";
    a.company_id = "MA" + std::to_string(1000 + n);
    a.department = "IT Department";
    a.account_role = r;
    a.status = s;
    a.password_hash = "pbkdf2_sha256$600000$salt$hash";
    a.date_created = at(std::chrono::minutes{n});
    return a;
}

/// A New ticket of `employee` with sequence `seq` submitted at `submitted`.
[[nodiscard]] inline helpdesk::ticket make_ticket(helpdesk::account_id employee, std::int64_t seq,
                                                  helpdesk::time_point submitted) {
    helpdesk::ticket t;
    t.ticket_number = helpdesk::format_ticket_number(seq);
    t.employee = employee;
    t.subject = "Subject " + std::to_string(seq);
    t.category = "IT Category";
    t.sub_category = "System Maintenance";
    t.description = "Description of ticket " + std::to_string(seq);
    t.submit_date = submitted;
    t.update_date = submitted;
    return t;
}

/// Ticket ids, as a test compares lists of them.
using ticket_ids = std::vector<helpdesk::ticket_id>;

/// The ids of `rows`, in order.
[[nodiscard]] inline ticket_ids ids_of(const std::vector<helpdesk::ticket>& rows) {
    ticket_ids ids;
    for (const auto& t : rows) {
        ids.push_back(t.id);
    }
    return ids;
}

/// Runs `body(tx)` in a write transaction and commits; returns what it returns.
template <class Body>
decltype(auto) in_write(helpdesk::store& s, Body&& body) {
    auto tx = s.begin(helpdesk::tx_mode::write);
    if constexpr (std::is_void_v<decltype(body(*tx))>) {
        std::forward<Body>(body)(*tx);
        tx->commit();
    } else {
        auto result = std::forward<Body>(body)(*tx);
        tx->commit();
        return result;
    }
}

/// Runs `body(tx)` in a read transaction; returns what it returns.
template <class Body>
decltype(auto) in_read(helpdesk::store& s, Body&& body) {
    auto tx = s.begin(helpdesk::tx_mode::read);
    return std::forward<Body>(body)(*tx);
}

/// Stores `a` and returns it with its id.
[[nodiscard]] inline helpdesk::account add_account(helpdesk::store& s, helpdesk::account a) {
    in_write(s, [&](helpdesk::transaction& tx) { tx.accounts().insert(a); });
    return a;
}

/// Stores a new ticket of `employee` (numbered from the store's sequence).
[[nodiscard]] inline helpdesk::ticket add_ticket(helpdesk::store& s, helpdesk::account_id employee,
                                                 helpdesk::time_point submitted) {
    return in_write(s, [&](helpdesk::transaction& tx) {
        auto t = make_ticket(employee, tx.tickets().next_ticket_sequence(), submitted);
        tx.tickets().insert(t);
        return t;
    });
}

} // namespace contract
