#pragma once

#include "params.hpp"
#include "result.hpp"

#include <libpq-fe.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

namespace helpdesk::postgres::detail {

/// One owned `PGconn` with its prepared statements. Every statement runs
/// through `execute`, which prepares its SQL text once per connection (named
/// `hd<n>`, cached by text) and runs it with bound parameters.
///
/// A transaction's `BEGIN` is deferred (`defer_begin`) and sent in one round
/// trip with the first statement, so a transaction costs no extra round trip
/// for it, and one that runs no statement costs none at all. If that first
/// round trip finds the server gone, nothing of the transaction can have
/// happened, so the connection is re-established and the round trip sent once
/// more (a backend killed while idle in the pool is replaced transparently).
///
/// Writes whose result nobody waits for (`defer`) are queued and sent in the
/// same round trip as the next statement or the COMMIT, ahead of it, so they
/// are visible to it. A failure of a deferred write is thrown by that later
/// call, with the same mapping, and leaves the transaction aborted.
///
/// Used by one thread at a time (the pool lends it out); not copyable.
class connection {
public:
    /// Connects with libpq's URL (`conninfo`), waiting at most
    /// `connect_timeout`. `slot` is its place in the pool. On each (re)connect
    /// it claims a shard of the aggregate tables no other live connection to
    /// the schema holds (a session advisory lock, released when the session
    /// ends, however it ends), trying `preferred_shard` first; when all are
    /// taken it shares `preferred_shard`. Throws `error{storage_unavailable}` when the server
    /// cannot be reached, `error{invalid_argument}` when libpq refuses the URL.
    connection(const std::string& conninfo, std::chrono::seconds connect_timeout, int slot,
               int preferred_shard);
    connection(const connection&) = delete;
    connection& operator=(const connection&) = delete;

    /// Runs `sql` (prepared on first use) with `values`. `guarded`: wrap it in
    /// a savepoint (same round trip) so that a failure, e.g. a unique
    /// violation, undoes only this statement and leaves the transaction
    /// usable, as a failed statement in SQLite does. Throws the mapped
    /// `helpdesk::error` (`transient_conflict` for a lost race).
    result execute(std::string_view sql, const params& values = {}, bool guarded = false);

    /// Runs parameterless SQL with the simple protocol (COMMIT, ROLLBACK, DDL
    /// scripts). With deferred writes queued, `sql` must be one statement: it
    /// is sent after them in one pipeline. Throws the mapped `helpdesk::error`.
    result execute_script(const char* sql);

    /// Queues `sql` (prepared now if new) with `values`, to be sent with the
    /// next `execute` or `execute_script`: for writes whose failure may abort
    /// the transaction. Throws `error{internal}` while the BEGIN is still
    /// pending (a transaction that ran nothing could end without sending
    /// them), the mapped error when preparing fails.
    void defer(std::string_view sql, params values);
    /// Drops queued writes and reserved ids (the transaction ended).
    void discard_deferred() noexcept;

    /// Identity sequences a statement may draw an id from ahead of its row.
    enum class reserved_for { history, outbox };
    /// Keeps `id`, drawn by a statement of the current transaction, for the
    /// next row of `what`.
    void reserve_id(reserved_for what, std::int64_t id) noexcept { reserved(what) = id; }
    /// The id kept for the next row of `what`, once; empty when none is.
    [[nodiscard]] std::optional<std::int64_t> take_reserved_id(reserved_for what) noexcept {
        return std::exchange(reserved(what), std::nullopt);
    }

    /// Sends `begin_sql` together with the next `execute`.
    void defer_begin(std::string begin_sql) { deferred_begin_ = std::move(begin_sql); }
    /// True while a deferred BEGIN has not been sent (no statement ran yet).
    [[nodiscard]] bool begin_pending() const noexcept { return !deferred_begin_.empty(); }
    /// Forgets a deferred BEGIN that was never sent.
    void cancel_begin() noexcept { deferred_begin_.clear(); }

    /// Sends `sql` (ROLLBACK, or COMMIT of a read-only transaction: nothing
    /// to wait for) without waiting for its reply; the reply is read before
    /// the next command, so the round trip overlaps the caller's own work.
    /// Returns false when it could not be sent (the connection is broken).
    bool send_end(const char* sql) noexcept;

    /// False once the connection is broken or left inside a transaction (a
    /// transaction end still in flight does not count): the pool then
    /// discards it instead of lending it again.
    [[nodiscard]] bool reusable() const noexcept;
    /// True when libpq still considers the connection established.
    [[nodiscard]] bool healthy() const noexcept { return PQstatus(conn_.get()) == CONNECTION_OK; }
    /// True while a transaction block is open on the server.
    [[nodiscard]] bool in_transaction() const noexcept;
    /// This connection's shard of the aggregate tables.
    [[nodiscard]] int shard() const noexcept { return shard_; }
    /// This connection's place in its pool.
    [[nodiscard]] int slot() const noexcept { return slot_; }
    /// The raw handle, owned by this object.
    [[nodiscard]] PGconn* handle() const noexcept { return conn_.get(); }

private:
    struct closer {
        void operator()(PGconn* c) const noexcept { PQfinish(c); }
    };

    void connect();
    void claim_shard();
    /// Reads the reply of a `send_end`; throws the mapped error when it failed.
    void drain_end();
    result execute_once(std::string_view sql, const params& values, bool guarded);
    const std::string& prepared_name(std::string_view sql);
    result run_pipeline(const std::string& name, const params& values, bool guarded);
    std::optional<std::int64_t>& reserved(reserved_for what) noexcept {
        return what == reserved_for::history ? reserved_history_ : reserved_outbox_;
    }

    /// A write queued by `defer`.
    struct deferred_write {
        std::string statement;
        params values;
    };

    std::string conninfo_;
    std::chrono::seconds connect_timeout_;
    int slot_;
    int preferred_shard_;
    int shard_;
    std::unique_ptr<PGconn, closer> conn_;
    std::unordered_map<std::string, std::string> prepared_; // SQL text -> statement name
    std::string deferred_begin_;
    std::vector<deferred_write> deferred_;
    std::optional<std::int64_t> reserved_history_;
    std::optional<std::int64_t> reserved_outbox_;
    bool end_in_flight_ = false;
};

/// The first row `sql` returns with `keys` bound in order, read by
/// `read(result, row)`; nullopt when it returns none. Throws the mapped
/// `helpdesk::error`.
template <class Read, class... Keys>
[[nodiscard]] auto fetch_one(connection& db, std::string_view sql, Read read, const Keys&... keys)
    -> std::optional<std::invoke_result_t<Read&, const result&, int>> {
    params values;
    values.bind(keys...);
    auto r = db.execute(sql, values);
    if (r.rows() == 0) {
        return std::nullopt;
    }
    return read(r, 0);
}

} // namespace helpdesk::postgres::detail
