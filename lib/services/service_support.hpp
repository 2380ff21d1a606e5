#pragma once

#include <helpdesk/engine.hpp>
#include <helpdesk/rules/policy.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace helpdesk::detail {

/// The acting account as stored now; unauthenticated when it no longer exists.
[[nodiscard]] actor load_actor(transaction& tx, account_id id);

/// Appends an outbox event in `tx`.
void record_event(transaction& tx, time_point now, std::string_view kind, std::optional<account_id> account,
                  std::optional<ticket_id> ticket, std::string payload,
                  std::optional<std::string> secret = std::nullopt);

/// Clamps paging input, refusing nonsense with field errors. Returns the offset.
[[nodiscard]] std::int64_t page_offset(std::int64_t page_number, std::int64_t page_size);

/// How many times a call is run when its store keeps losing races.
inline constexpr int max_transaction_attempts = 5;

/// The default `commit_failed` of `in_write_transaction`: does nothing.
struct ignore_commit_failure {
    void operator()(const error&) const noexcept {}
};

/// Runs `work(tx)` in one write transaction and commits; returns its result.
/// A `transient_conflict` re-runs the whole of `work` in a fresh transaction
/// (up to `max_transaction_attempts`), so `work` must not consume what it
/// captures. `commit_failed(e)` sees an error the COMMIT itself threw (after
/// `work` succeeded) before it leaves or the work re-runs.
template <class Work, class CommitFailed = ignore_commit_failure>
auto in_write_transaction(engine_context& context, Work&& work, CommitFailed commit_failed = {}) {
    const auto commit = [&](transaction& tx) {
        try {
            tx.commit();
        } catch (const error& e) {
            commit_failed(e);
            throw;
        }
    };
    for (int attempt = 1;; ++attempt) {
        try {
            auto tx = context.db().begin(tx_mode::write);
            if constexpr (std::is_void_v<decltype(work(*tx))>) {
                work(*tx);
                commit(*tx);
                return;
            } else {
                auto result = work(*tx);
                commit(*tx);
                return result;
            }
        } catch (const transient_conflict&) {
            if (attempt == max_transaction_attempts) {
                throw error(errc::conflict, "the store kept losing a race with other writers; try again");
            }
        }
    }
}

/// Runs `work(tx)` in one read transaction; returns its result.
template <class Work>
auto in_read_transaction(engine_context& context, Work&& work) {
    auto tx = context.db().begin(tx_mode::read);
    return work(*tx);
}

} // namespace helpdesk::detail
