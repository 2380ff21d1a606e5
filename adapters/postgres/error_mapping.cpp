#include "error_mapping.hpp"

#include <helpdesk/ports/store.hpp>

namespace helpdesk::postgres::detail {

failure_kind classify(std::string_view sqlstate, bool connection_broken) noexcept {
    if (connection_broken) {
        return failure_kind::unavailable;
    }
    if (sqlstate == "23505" || sqlstate == "23503") {
        return failure_kind::conflict;
    }
    if (sqlstate == "40001" || sqlstate == "40P01") {
        return failure_kind::transient;
    }
    if (sqlstate.starts_with("08") || sqlstate.starts_with("53") || sqlstate == "57P01" ||
        sqlstate == "57P02" || sqlstate == "57P03" || sqlstate == "55P03" || sqlstate == "57014") {
        return failure_kind::unavailable;
    }
    return failure_kind::internal;
}

void raise(std::string_view sqlstate, bool connection_broken, std::string detail) {
    switch (classify(sqlstate, connection_broken)) {
    case failure_kind::conflict:
        // The first line is for people (servers show only that line);
        // PostgreSQL's own text, with its DETAIL naming key values, follows.
        throw error{errc::conflict,
                    "the change conflicts with stored data (a duplicate, or a row that no longer exists)\n" +
                        std::move(detail)};
    case failure_kind::transient:
        throw transient_conflict{std::move(detail)};
    case failure_kind::unavailable:
        throw error{errc::storage_unavailable, std::move(detail)};
    case failure_kind::internal:
        break;
    }
    throw error{errc::internal, std::move(detail)};
}

void raise_from(PGconn* conn, const PGresult* result, std::string_view context) {
    const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const char* message = result != nullptr ? PQresultErrorMessage(result) : nullptr;
    if (message == nullptr || *message == '\0') {
        message = conn != nullptr ? PQerrorMessage(conn) : "no connection";
    }
    std::string detail{context};
    detail += ": ";
    detail += message;
    while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) {
        detail.pop_back();
    }
    const bool broken = conn == nullptr || PQstatus(conn) != CONNECTION_OK;
    raise(state != nullptr ? std::string_view{state} : std::string_view{}, broken, std::move(detail));
}

} // namespace helpdesk::postgres::detail
