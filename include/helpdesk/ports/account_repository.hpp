#pragma once

#include <helpdesk/domain/account.hpp>
#include <helpdesk/ports/queries.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace helpdesk {

/// Accounts, rejection audit and password-reset tokens, seen through one
/// open transaction. In a write transaction the `find*` calls return the
/// latest committed row and reserve it against other writers until the
/// transaction ends (`SELECT ... FOR UPDATE`, or trivially when writers run
/// one at a time), so a read-then-write never acts on a stale row. Absence is `std::nullopt`; a unique-constraint violation
/// throws `error{errc::conflict}`; an unreachable store throws
/// `error{errc::storage_unavailable}`. Used only by the thread that owns the
/// transaction.
class account_repository {
public:
    virtual ~account_repository() = default;

    /// Stores a new account and sets `a.id`.
    virtual void insert(account& a) = 0;
    /// Overwrites every mutable column of the account with id `a.id`.
    virtual void update(const account& a) = 0;
    /// Deletes the account. Returns false when there was none.
    virtual bool remove(account_id id) = 0;

    /// The account with this id.
    [[nodiscard]] virtual std::optional<account> find(account_id id) = 0;
    /// The accounts with these ids, in no particular order; ids that name no
    /// account are left out. One query however many ids (ticket lists name
    /// up to two people a row).
    [[nodiscard]] virtual std::vector<account> find_many(const std::vector<account_id>& ids) = 0;
    /// Case-insensitive lookup.
    [[nodiscard]] virtual std::optional<account> find_by_email(std::string_view email) = 0;
    /// Exact lookup by company id.
    [[nodiscard]] virtual std::optional<account> find_by_company_id(std::string_view company_id) = 0;

    /// The next value of the store's company-id sequence (1, 2, ...); never
    /// returns the same value twice, even across rolled-back transactions is
    /// not required, but across committed ones it is.
    [[nodiscard]] virtual std::int64_t next_company_sequence() = 0;

    /// The window of the accounts matching `filter`, ordered by id.
    [[nodiscard]] virtual page<account> list(const account_filter& filter, const page_window& window) = 0;
    /// Ids of approved, active staff accounts (coordinators and admins).
    [[nodiscard]] virtual std::vector<account_id> staff_ids() = 0;
    /// Ids of the approved, active System Admins, by id. In a write
    /// transaction every row counted is reserved against other writers until
    /// the transaction ends (`SELECT ... FOR UPDATE`, or trivially when
    /// writers run one at a time), so two transactions that would each take
    /// one admin away cannot both count the same admins: the second waits,
    /// then sees the first's change or fails with `transient_conflict`.
    [[nodiscard]] virtual std::vector<account_id> lock_active_admins() = 0;

    /// Appends an account-history entry and sets `e.id`.
    virtual void insert_history(account_history_entry& e) = 0;
    /// The window of `id`'s history, oldest first (by id).
    [[nodiscard]] virtual page<account_history_entry> history_page(account_id id, const page_window& window) = 0;

    /// Appends an audit row and sets `r.id`.
    virtual void insert_rejection(rejected_account& r) = 0;
    /// The window of the rejection audit, newest first (`rejected_at`, then id).
    [[nodiscard]] virtual page<rejected_account> list_rejections(const page_window& window) = 0;

    /// Stores a reset token's hash for `id`, valid until `expires_at`.
    virtual void insert_reset_token(account_id id, std::string_view token_hash, time_point expires_at) = 0;
    /// True when a token with this hash exists, is unused and `now` is before
    /// its expiry (nothing is changed).
    [[nodiscard]] virtual bool reset_token_valid(std::string_view token_hash, time_point now) = 0;
    /// Marks the token with this hash used and returns its account, if it
    /// exists, is unused and `now` is before its expiry; nullopt otherwise.
    [[nodiscard]] virtual std::optional<account_id> consume_reset_token(std::string_view token_hash,
                                                                        time_point now) = 0;
};

} // namespace helpdesk
