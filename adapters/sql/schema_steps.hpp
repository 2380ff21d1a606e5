#pragma once

#include <span>
#include <string_view>
#include <utility>

namespace helpdesk::sql {

/// A schema step as both stores number it, and what it means.
struct schema_step {
    int version;
    std::string_view meaning;
};

/// The schema steps of every store, in order. A store's migration `n` does
/// what step `n` says, in its own SQL (a step a store has nothing to do for
/// is an empty script, still recorded).
inline constexpr schema_step schema_steps[] = {
    {1, "initial schema: accounts, rejection audit, reset tokens, tickets, comments, attachments, history, "
        "idempotency keys, outbox, full-text search, stats aggregates"},
    {2, "whole-table ordering indexes of tickets: PostgreSQL drops them (its lists merge the per-status "
        "indexes); SQLite keeps them"},
    {3, "refresh tokens of login sessions"},
    {4, "rate-limit buckets"},
    {5, "outbox leases, secrets and per-channel delivery"},
    {6, "API keys"},
    {7, "SLA: the policy versions (sla_policies with their working hours, holidays and targets) and each "
        "ticket's SLA measurement and sent notices"},
    {8, "SLA indexes: each ticket's overall SLA outlook (settled state, at-risk and breach instants), its "
        "next notice instant and its due dates as sort keys, indexed for the SLA filter, orderings and "
        "scheduler"},
    {9, "account administration: accounts.is_active (true for every existing account) and account_history"},
    {10, "canned replies: staff members' own and shared ones"},
    {11, "automations: since when each ticket waits on its owner and whether the owner was reminded, indexed "
         "by status for the auto-close and the Pending reminder"},
    {12, "automatic assignment: each department's mode and previous automatic assignee "
         "(department_assignment), the availability staff chose (staff_availability)"},
    {13, "SLA compliance in the stats: per (owner, priority, department) each target's met, late and open "
         "measured tickets (sla_compliance_stats), and indexes of the tickets whose clocks have not stopped, "
         "by due date"},
    {14, "the breached list in submission order: the tickets with a breach instant indexed by submission "
         "date, with the instant riding along"},
};

/// The numbers SQLite stores recorded before the two stores shared one
/// numbering (they had no step 2), each with its shared number: old 1 is 1,
/// old 2..5 are 3..6. PostgreSQL's numbers were already the shared ones.
/// A SQLite database whose `schema_version` has no row 0 (the mark of the
/// shared numbering) has its rows renumbered by this map, once, when it is
/// opened, and the mark recorded.
inline constexpr std::pair<int, int> sqlite_legacy_versions[] = {{1, 1}, {2, 3}, {3, 4}, {4, 5}, {5, 6}};

} // namespace helpdesk::sql
