#pragma once

#include <helpdesk/ports/store.hpp>

namespace helpdesk::sql {

/// The repositories of one store transaction, bound to its connection, and
/// the accessors of `helpdesk::transaction` that hand them out. A store's
/// transaction derives from it, naming its repository types, and calls
/// `detach_repositories` when it ends.
template <class Accounts, class Tickets, class Outbox, class Sessions, class RateLimits, class ApiKeys>
class repository_set : public helpdesk::transaction {
public:
    /// The transaction's repositories (see `helpdesk::transaction`), bound to its connection.
    [[nodiscard]] helpdesk::account_repository& accounts() override { return accounts_; }
    [[nodiscard]] helpdesk::ticket_repository& tickets() override { return tickets_; }
    [[nodiscard]] helpdesk::outbox_repository& outbox() override { return outbox_; }
    [[nodiscard]] helpdesk::session_repository& sessions() override { return sessions_; }
    [[nodiscard]] helpdesk::rate_limit_repository& rate_limits() override { return rate_limits_; }
    [[nodiscard]] helpdesk::api_key_repository& api_keys() override { return api_keys_; }

protected:
    /// Each repository is built from `bound...` (the connection, and whatever else the store's take).
    template <class... Bound>
    explicit repository_set(Bound&&... bound)
        : accounts_{bound...}, tickets_{bound...}, outbox_{bound...}, sessions_{bound...},
          rate_limits_{bound...}, api_keys_{bound...} {}

    /// Makes every repository refuse further use (the transaction ended).
    void detach_repositories() noexcept {
        accounts_.detach();
        tickets_.detach();
        outbox_.detach();
        sessions_.detach();
        rate_limits_.detach();
        api_keys_.detach();
    }

private:
    Accounts accounts_;
    Tickets tickets_;
    Outbox outbox_;
    Sessions sessions_;
    RateLimits rate_limits_;
    ApiKeys api_keys_;
};

} // namespace helpdesk::sql
