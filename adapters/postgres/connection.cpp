#include "connection.hpp"

#include <helpdesk/error.hpp>

#include "error_mapping.hpp"
#include "migrations.hpp"
#include "pipeline.hpp"

#include <array>
#include <utility>
#include <vector>

namespace helpdesk::postgres::detail {

namespace {

// The server's NOTICEs (e.g. "text-search query contains only stop words")
// are not errors; libpq would print them to stderr.
void ignore_notice(void*, const char*) {}

constexpr const char* savepoint_sql = "SAVEPOINT hd_statement";
constexpr const char* release_sql = "RELEASE SAVEPOINT hd_statement";

[[nodiscard]] bool failed(const PGresult* r) noexcept {
    if (r == nullptr) {
        return true;
    }
    const auto status = PQresultStatus(r);
    return status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK;
}

} // namespace

connection::connection(const std::string& conninfo, std::chrono::seconds connect_timeout, int slot,
                       int preferred_shard)
    : conninfo_{conninfo}, connect_timeout_{connect_timeout}, slot_{slot},
      preferred_shard_{preferred_shard}, shard_{preferred_shard} {
    connect();
}

void connection::connect() {
    prepared_.clear();
    discard_deferred();
    end_in_flight_ = false;
    const std::string timeout = std::to_string(connect_timeout_.count());
    // expand_dbname: the first "dbname" is the whole URL; the timeout given
    // after it overrides one in the URL.
    const std::array<const char*, 3> keys{"dbname", "connect_timeout", nullptr};
    const std::array<const char*, 3> values{conninfo_.c_str(), timeout.c_str(), nullptr};
    conn_.reset(PQconnectdbParams(keys.data(), values.data(), 1));
    if (!conn_) {
        throw error{errc::storage_unavailable, "postgres connect: out of memory"};
    }
    if (PQstatus(conn_.get()) != CONNECTION_OK) {
        std::string message = PQerrorMessage(conn_.get());
        while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
            message.pop_back();
        }
        throw error{errc::storage_unavailable, "postgres connect: " + message};
    }
    PQsetNoticeProcessor(conn_.get(), ignore_notice, nullptr);
    claim_shard();
}

void connection::claim_shard() {
    // Shards are tried in order from the preferred one; the scan stops at the
    // first lock obtained, so at most one is held.
    const std::string preferred = std::to_string(preferred_shard_);
    const std::string count = std::to_string(aggregate_shards);
    const std::array<const char*, 2> values{preferred.c_str(), count.c_str()};
    result_handle r{PQexecParams(
        conn_.get(),
        "SELECT s FROM (SELECT ($1::int + g) % $2::int AS s FROM generate_series(0, $2::int - 1) "
        "AS g) AS shards WHERE pg_try_advisory_lock(hashtext(coalesce(current_schema(), '')), s) "
        "LIMIT 1",
        2, nullptr, values.data(), nullptr, nullptr, 0)};
    if (failed(r.get())) {
        raise_from(conn_.get(), r.get(), "postgres claim aggregate shard");
    }
    result rows{std::move(r)};
    shard_ = rows.rows() == 1 ? static_cast<int>(rows.int64(0, 0)) : preferred_shard_;
}

bool connection::reusable() const noexcept {
    const auto status = PQtransactionStatus(conn_.get());
    return healthy() && (status == PQTRANS_IDLE || (end_in_flight_ && status == PQTRANS_ACTIVE)) &&
           !begin_pending() && deferred_.empty() && PQpipelineStatus(conn_.get()) == PQ_PIPELINE_OFF;
}

void connection::defer(std::string_view sql, params values) {
    if (begin_pending()) {
        throw error{errc::internal, "postgres write deferred before its transaction began"};
    }
    drain_end();
    deferred_.push_back(deferred_write{prepared_name(sql), std::move(values)});
}

void connection::discard_deferred() noexcept {
    deferred_.clear();
    reserved_history_.reset();
    reserved_outbox_.reset();
}

bool connection::send_end(const char* sql) noexcept {
    if (PQsendQuery(conn_.get(), sql) != 1) {
        return false;
    }
    end_in_flight_ = true;
    return true;
}

void connection::drain_end() {
    if (!end_in_flight_) {
        return;
    }
    end_in_flight_ = false;
    result_handle first{PQgetResult(conn_.get())};
    while (PGresult* extra = PQgetResult(conn_.get())) {
        PQclear(extra);
    }
    if (!first || PQresultStatus(first.get()) != PGRES_COMMAND_OK) {
        raise_from(conn_.get(), first.get(), "postgres end of the previous transaction");
    }
}

bool connection::in_transaction() const noexcept {
    const auto status = PQtransactionStatus(conn_.get());
    return status == PQTRANS_INTRANS || status == PQTRANS_INERROR;
}

const std::string& connection::prepared_name(std::string_view sql) {
    if (auto found = prepared_.find(std::string{sql}); found != prepared_.end()) {
        return found->second;
    }
    std::string name = "hd" + std::to_string(prepared_.size());
    const std::string text{sql};
    result_handle r{PQprepare(conn_.get(), name.c_str(), text.c_str(), 0, nullptr)};
    if (failed(r.get())) {
        raise_from(conn_.get(), r.get(), "postgres prepare");
    }
    return prepared_.emplace(text, std::move(name)).first->second;
}

result connection::execute(std::string_view sql, const params& values, bool guarded) {
    const std::string begin = deferred_begin_;
    try {
        return execute_once(sql, values, guarded);
    } catch (const error&) {
        if (begin.empty() || healthy()) {
            throw;
        }
    }
    // The server went away before the transaction began (e.g. the backend was
    // terminated while this connection sat idle in the pool). Nothing of the
    // transaction happened, so reconnect and send the first round trip again.
    connect();
    deferred_begin_ = begin;
    return execute_once(sql, values, guarded);
}

result connection::execute_once(std::string_view sql, const params& values, bool guarded) {
    drain_end();
    const std::string& name = prepared_name(sql);
    if (!begin_pending() && !guarded && deferred_.empty()) {
        const auto pointers = values.pointers();
        result_handle r{
            PQexecPrepared(conn_.get(), name.c_str(), values.size(), pointers.data(), nullptr, nullptr, 0)};
        if (failed(r.get())) {
            raise_from(conn_.get(), r.get(), "postgres statement");
        }
        return result{std::move(r)};
    }
    return run_pipeline(name, values, guarded);
}

result connection::run_pipeline(const std::string& name, const params& values, bool guarded) {
    const std::string begin = std::exchange(deferred_begin_, {});
    const auto writes = std::exchange(deferred_, {});
    std::vector<command> commands;
    if (!begin.empty()) {
        commands.push_back({.sql = begin.c_str()});
    }
    for (const auto& write : writes) {
        commands.push_back({.statement = &write.statement, .values = &write.values});
    }
    const std::size_t own_first = commands.size();
    if (guarded) {
        commands.push_back({.sql = savepoint_sql});
    }
    const std::size_t own = commands.size();
    commands.push_back({.statement = &name, .values = &values});
    if (guarded) {
        commands.push_back({.sql = release_sql});
    }

    auto results = exchange(conn_.get(), commands);
    const std::size_t failed_at = first_failure(results);
    if (failed_at < results.size()) {
        // A failure before the savepoint (the BEGIN or a deferred write) has
        // aborted the whole transaction: there is no statement to undo.
        if (guarded && failed_at >= own_first && healthy() && in_transaction()) {
            // Undo just this statement; the transaction goes on, as in SQLite.
            result_handle undo{
                PQexec(conn_.get(), "ROLLBACK TO SAVEPOINT hd_statement; RELEASE SAVEPOINT hd_statement")};
        }
        raise_from(conn_.get(), results[failed_at].get(),
                   failed_at < own_first ? "postgres deferred statement" : "postgres statement");
    }
    return result{std::move(results[own])};
}

result connection::execute_script(const char* sql) {
    drain_end();
    if (!deferred_.empty()) {
        const auto writes = std::exchange(deferred_, {});
        std::vector<command> commands;
        for (const auto& write : writes) {
            commands.push_back({.statement = &write.statement, .values = &write.values});
        }
        commands.push_back({.sql = sql});
        auto results = exchange(conn_.get(), commands);
        const std::size_t failed_at = first_failure(results);
        if (failed_at < results.size()) {
            raise_from(conn_.get(), results[failed_at].get(),
                       failed_at + 1 < results.size() ? "postgres deferred statement" : "postgres execute");
        }
        return result{std::move(results.back())};
    }
    result_handle r{PQexec(conn_.get(), sql)};
    if (failed(r.get())) {
        raise_from(conn_.get(), r.get(), "postgres execute");
    }
    return result{std::move(r)};
}

} // namespace helpdesk::postgres::detail
