#pragma once

#include <libpq-fe.h>

#include <string>
#include <string_view>

namespace helpdesk::postgres::detail {

/// What a PostgreSQL failure means to the engine.
enum class failure_kind {
    conflict,    ///< a duplicate or a row still referenced (`error{conflict}`)
    transient,   ///< a lost serialisation race or deadlock (`transient_conflict`)
    unavailable, ///< the server or the connection is gone (`error{storage_unavailable}`)
    internal,    ///< anything else: a bug (`error{internal}`)
};

/// The one translation from a SQLSTATE to what the engine sees:
///
/// - `23505` unique violation, `23503` foreign-key violation → conflict;
/// - `40001` serialization failure, `40P01` deadlock → transient;
/// - class `08` (connection exception), `57P01`/`57P02`/`57P03` (admin or
///   crash shutdown, cannot connect now), class `53` (disk full, out of
///   memory, too many connections), `55P03` (lock timeout) and `57014`
///   (statement timeout) → unavailable, mirroring SQLite's BUSY/FULL/NOMEM;
/// - a connection that is no longer `CONNECTION_OK` → unavailable whatever the
///   state says (libpq reports a lost server without a SQLSTATE);
/// - everything else → internal.
[[nodiscard]] failure_kind classify(std::string_view sqlstate, bool connection_broken) noexcept;

/// Throws the exception `classify` names: `helpdesk::transient_conflict` for
/// transient, `helpdesk::error` with the matching code otherwise. `detail` is
/// server or libpq message text; it never contains bound values.
[[noreturn]] void raise(std::string_view sqlstate, bool connection_broken, std::string detail);

/// Throws for a failed `result` (may be null) of `conn`, taking the SQLSTATE
/// and message from the result, or from the connection when there is none.
[[noreturn]] void raise_from(PGconn* conn, const PGresult* result, std::string_view context);

} // namespace helpdesk::postgres::detail
