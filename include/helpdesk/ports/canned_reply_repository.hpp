#pragma once

#include <helpdesk/domain/canned_reply.hpp>
#include <helpdesk/ports/queries.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace helpdesk {

/// A position in the list of canned replies: the `title_sort_key` and the id
/// of the last row of the previous page.
struct title_position {
    std::string key{};
    row_id id = 0;
};

/// Which canned replies a store returns: `limit` rows after skipping
/// `offset`, or after the position `after` (keyset mode, `offset` ignored),
/// as `page_window` but positioned by title.
struct title_window {
    std::int64_t offset = 0;
    std::int64_t limit = 20;
    std::optional<title_position> after{};  ///< keyset mode when set
    bool with_count = true;                 ///< compute the total match count
};

/// Stored canned replies (docs/product.md#canned-replies), seen through one
/// open transaction. Absence is `std::nullopt` (or false); an owner that is
/// not a stored account throws `error{errc::conflict}`; an unreachable store
/// throws `error{errc::storage_unavailable}`. A reply owned by an account
/// goes when the account is removed. Used only by the thread that owns the
/// transaction.
class canned_reply_repository {
public:
    virtual ~canned_reply_repository() = default;

    /// Stores `r` as given (its `version` included) and sets `r.id`.
    virtual void insert(canned_reply& r) = 0;
    /// The reply with this id, whoever owns it.
    [[nodiscard]] virtual std::optional<canned_reply> find(row_id id) = 0;
    /// Writes `r`'s title, body, `updated_at` and `version` over the stored
    /// reply `r.id` when its stored version is `expected_version`. Returns
    /// false (nothing written) when there is no such reply or its version
    /// differs. The owner, `created_at` and `created_by` never change.
    [[nodiscard]] virtual bool update(const canned_reply& r, std::int64_t expected_version) = 0;
    /// Deletes the reply; false when there was none.
    virtual bool remove(row_id id) = 0;
    /// The window of the replies `viewer` sees (its own and the shared ones),
    /// ordered by `title_sort_key` then id, ascending.
    [[nodiscard]] virtual page<canned_reply> list_visible(account_id viewer, const title_window& window) = 0;
};

} // namespace helpdesk
