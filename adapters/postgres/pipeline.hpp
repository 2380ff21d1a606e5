#pragma once

#include "params.hpp"
#include "result.hpp"

#include <libpq-fe.h>

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace helpdesk::postgres::detail {

/// One command of a pipelined round trip: parameterless SQL text, or a
/// prepared statement with its values. Borrows what it points to.
struct command {
    const char* sql = nullptr;              ///< SQL text, used when `statement` is null
    const std::string* statement = nullptr; ///< name of a prepared statement
    const params* values = nullptr;         ///< values of `statement` (required with it)
};

/// Sends `commands` in pipeline mode followed by one sync, so they cost one
/// round trip, and returns each command's result in order. After a failed
/// command the server skips the rest: their results are
/// `PGRES_PIPELINE_ABORTED`. Throws the mapped `helpdesk::error` when the
/// connection fails; the connection may then be left in pipeline mode, and
/// the pool discards it.
[[nodiscard]] std::vector<result_handle> exchange(PGconn* c, std::span<const command> commands);

/// The index of the first result that is not a success, or `results.size()`.
[[nodiscard]] std::size_t first_failure(const std::vector<result_handle>& results) noexcept;

} // namespace helpdesk::postgres::detail
