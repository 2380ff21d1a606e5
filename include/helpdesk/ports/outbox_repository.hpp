#pragma once

#include <helpdesk/domain/outbox_event.hpp>
#include <helpdesk/ports/queries.hpp>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace helpdesk {

/// The transactional outbox, seen through one open transaction. Same error
/// contract as `account_repository`.
class outbox_repository {
public:
    virtual ~outbox_repository() = default;

    /// Appends an event and sets `e.id`.
    virtual void insert(outbox_event& e) = 0;
    /// Pending events due at `now` (`next_attempt_at <= now`), oldest first.
    /// In a write transaction the events returned are reserved for it until it
    /// ends: a concurrent write transaction skips them rather than waiting
    /// (`FOR UPDATE SKIP LOCKED`, or trivially when writers run one at a time).
    [[nodiscard]] virtual std::vector<outbox_event> due(time_point now, std::int64_t limit) = 0;
    /// The event with this id, in any state.
    [[nodiscard]] virtual std::optional<outbox_event> find(row_id id) = 0;
    /// Writes state, attempts, last_error, next_attempt_at, lease, secret and
    /// delivered_to of `e`.
    virtual void update(const outbox_event& e) = 0;
    /// Like `update`, but only while the stored lease is still `held_lease`
    /// (compare and set in one statement). Returns false, writing nothing,
    /// when the lease changed (another worker claimed the event).
    [[nodiscard]] virtual bool update_if_leased(const outbox_event& e, std::string_view held_lease) = 0;
    /// The window of the events in `state`, newest first (by id).
    [[nodiscard]] virtual page<outbox_event> list(outbox_state state, const page_window& window) = 0;
    /// Number of events in `state`.
    [[nodiscard]] virtual std::int64_t count(outbox_state state) = 0;
};

} // namespace helpdesk
