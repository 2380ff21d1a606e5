#pragma once

#include <helpdesk/domain/account.hpp>
#include <helpdesk/domain/sla_measure.hpp>
#include <helpdesk/domain/ticket.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace helpdesk {

/// Columns a ticket list can be ordered by. The due dates sort tickets
/// without one (not measured, or paused before running out) after every
/// date: last in ascending order, first in descending.
enum class ticket_order_field { submit_date, update_date, priority, first_response_due, resolution_due };

/// An ordering; ties are always broken by ticket id in the same direction.
struct ticket_order {
    ticket_order_field field = ticket_order_field::submit_date;
    bool descending = true;
};

/// A keyset position: the sort key and id of the last row of the previous
/// page. For dates the key is microseconds since the epoch (INT64_MAX for a
/// missing due date); for priority it is the enum's underlying value.
struct keyset {
    std::int64_t key = 0;
    ticket_id id = 0;
};

/// Filters of docs/product.md#lists-and-queues for ticket lists. Empty members do not filter.
struct ticket_filter {
    std::vector<ticket_status> statuses{};          ///< any of these
    std::optional<priority> ticket_priority{};
    std::optional<std::string> department{};
    std::optional<std::string> category{};
    std::optional<std::string> sub_category{};
    std::optional<account_id> assigned_to{};
    std::optional<account_id> employee{};           ///< the owner
    std::optional<std::string> search{};            ///< full text over number, subject, description
    std::optional<time_point> submitted_after{};    ///< inclusive
    std::optional<time_point> submitted_before{};   ///< exclusive
    std::optional<sla_state> sla{};                 ///< the overall SLA state at `as_of` (measured tickets only)
    time_point as_of{};                             ///< the instant `sla` is judged at
};

/// The words of a search text as every store matches them: the
/// whitespace-separated runs that hold a letter, a digit or a non-ASCII
/// character (punctuation alone is not searchable). Each store quotes them
/// for its own query language, so no user text is ever read as syntax.
[[nodiscard]] std::vector<std::string_view> search_terms(std::string_view text);

/// One page request: either offset paging (`after` empty) or keyset paging.
struct ticket_page_request {
    ticket_filter filter{};
    ticket_order order{};
    std::int64_t offset = 0;
    std::int64_t limit = 20;
    std::optional<keyset> after{};                  ///< keyset mode when set
    bool with_count = true;                       ///< compute the total match count
};


/// How the measured tickets of a set stand against one SLA target at the
/// moment of a read (docs/product.md#sla). Every measured ticket
/// is in exactly one of the three.
struct sla_target_compliance {
    std::int64_t met = 0;       ///< the clock stopped by its due date
    std::int64_t breached = 0;  ///< stopped after its due date, or not stopped and past it
    std::int64_t pending = 0;   ///< not stopped and not past its due date (running or paused)
    /// Equal when every count is.
    friend bool operator==(const sla_target_compliance&, const sla_target_compliance&) = default;
};

/// Compliance with both targets of a set of tickets.
struct sla_compliance {
    sla_target_compliance first_response{}; ///< the first-response target's counts
    sla_target_compliance resolution{};     ///< the resolution target's counts
    /// Equal when both targets are.
    friend bool operator==(const sla_compliance&, const sla_compliance&) = default;
};

/// Aggregates for the stats endpoint.
struct ticket_stats {
    std::int64_t total = 0;
    std::map<std::string, std::int64_t> by_status{};      ///< keyed by status name
    std::map<std::string, std::int64_t> by_priority{};    ///< keyed by priority name
    std::map<std::string, std::int64_t> by_department{};
    std::optional<double> mean_response_seconds{};
    std::optional<double> mean_resolution_seconds{};
    sla_compliance sla{};                                          ///< over every measured ticket
    std::map<std::string, sla_compliance> sla_by_priority{};      ///< keyed by priority name, measured tickets only
    std::map<std::string, sla_compliance> sla_by_department{};    ///< measured tickets only
};

/// Filters for account lists.
struct account_filter {
    std::optional<role> account_role{};
    std::optional<account_status> status{};
    std::optional<std::string> department{};
    std::optional<bool> is_active{};    ///< active or deactivated accounts only
};

/// Which rows of a list a store returns: `limit` rows after skipping
/// `offset`, or after the keyset position `after` (keyset mode, `offset`
/// ignored). The member names are those of `ticket_page_request`.
struct page_window {
    std::int64_t offset = 0;
    std::int64_t limit = 20;
    std::optional<keyset> after{};                  ///< keyset mode when set
    bool with_count = true;                         ///< compute the total match count
};

/// A page of any row type; `count` is set when it was requested.
template <class T>
struct page {
    std::vector<T> rows{};
    std::optional<std::int64_t> count{};
};

/// A page of tickets.
using ticket_page_result = page<ticket>;

} // namespace helpdesk
