#pragma once

#include <helpdesk/error.hpp>
#include <helpdesk/ports/store.hpp>

#include <string>
#include <string_view>

namespace helpdesk::sql {

/// What every SQL store's transaction shares: the repositories bound to its
/// connection, the accessors of `helpdesk::transaction` that hand them out,
/// and the lifecycle around `commit`. A commit that fails rolls back and
/// ends the transaction before the error leaves; a transaction ends once
/// (`error{internal}` on a second commit), detaching its repositories and
/// then releasing its connection. A store's transaction derives from it,
/// naming its repository types, supplies the three private steps, and calls
/// `end_unfinished` in its destructor.
template <class Accounts, class Tickets, class Outbox, class Sessions, class RateLimits, class ApiKeys,
          class SlaPolicies, class CannedReplies, class Assignments>
class store_transaction : public helpdesk::transaction {
public:
    store_transaction(const store_transaction&) = delete;
    store_transaction& operator=(const store_transaction&) = delete;

    /// The transaction's repositories (see `helpdesk::transaction`), bound to its connection.
    [[nodiscard]] helpdesk::account_repository& accounts() override { return accounts_; }
    [[nodiscard]] helpdesk::ticket_repository& tickets() override { return tickets_; }
    [[nodiscard]] helpdesk::outbox_repository& outbox() override { return outbox_; }
    [[nodiscard]] helpdesk::session_repository& sessions() override { return sessions_; }
    [[nodiscard]] helpdesk::rate_limit_repository& rate_limits() override { return rate_limits_; }
    [[nodiscard]] helpdesk::api_key_repository& api_keys() override { return api_keys_; }
    [[nodiscard]] helpdesk::sla_repository& sla_policies() override { return sla_policies_; }
    [[nodiscard]] helpdesk::canned_reply_repository& canned_replies() override { return canned_replies_; }
    [[nodiscard]] helpdesk::assignment_repository& assignments() override { return assignments_; }

    /// Runs `commit_on_server`; when it throws, rolls back, ends the
    /// transaction and rethrows. Throws `error{internal}` once the
    /// transaction has ended.
    void commit() final {
        if (finished_) {
            throw error{errc::internal, std::string{store_} + " transaction already finished"};
        }
        try {
            commit_on_server();
        } catch (...) {
            rollback();
            finish();
            throw;
        }
        finish();
    }

protected:
    /// `store` names the store in errors ("sqlite", "postgres"); each
    /// repository is built from `bound...` (the connection, and whatever
    /// else the store's take).
    template <class... Bound>
    explicit store_transaction(std::string_view store, Bound&&... bound)
        : accounts_{bound...}, tickets_{bound...}, outbox_{bound...}, sessions_{bound...},
          rate_limits_{bound...}, api_keys_{bound...}, sla_policies_{bound...},
          canned_replies_{bound...}, assignments_{bound...}, store_{store} {}

    ~store_transaction() override = default;

    /// Rolls back and ends the transaction unless it already ended. For the
    /// store's destructor: the base's cannot reach the store's steps.
    void end_unfinished() noexcept {
        if (!finished_) {
            rollback();
            finish();
        }
    }

    /// Ends the transaction: its repositories refuse further use, then the
    /// connection is released.
    void finish() noexcept {
        finished_ = true;
        detach_repositories();
        release();
    }

private:
    /// Makes the work durable, or ends a transaction with nothing to make
    /// durable; throws the mapped error when it cannot.
    virtual void commit_on_server() = 0;
    /// Undoes the work on the server, if any is open there.
    virtual void rollback() noexcept = 0;
    /// Gives the connection back (after the repositories are detached).
    virtual void release() noexcept = 0;

    void detach_repositories() noexcept {
        accounts_.detach();
        tickets_.detach();
        outbox_.detach();
        sessions_.detach();
        rate_limits_.detach();
        api_keys_.detach();
        sla_policies_.detach();
        canned_replies_.detach();
        assignments_.detach();
    }

    Accounts accounts_;
    Tickets tickets_;
    Outbox outbox_;
    Sessions sessions_;
    RateLimits rate_limits_;
    ApiKeys api_keys_;
    SlaPolicies sla_policies_;
    CannedReplies canned_replies_;
    Assignments assignments_;
    std::string_view store_;
    bool finished_ = false;
};

} // namespace helpdesk::sql
