#include "pipeline.hpp"

#include "error_mapping.hpp"

namespace helpdesk::postgres::detail {

std::vector<result_handle> exchange(PGconn* c, std::span<const command> commands) {
    if (PQenterPipelineMode(c) != 1) {
        raise_from(c, nullptr, "postgres pipeline");
    }
    bool ok = true;
    for (const auto& next : commands) {
        if (next.statement != nullptr) {
            const auto pointers = next.values->pointers();
            ok = ok && PQsendQueryPrepared(c, next.statement->c_str(), next.values->size(), pointers.data(),
                                           nullptr, nullptr, 0) == 1;
        } else {
            ok = ok && PQsendQueryParams(c, next.sql, 0, nullptr, nullptr, nullptr, nullptr, 0) == 1;
        }
    }
    ok = ok && PQpipelineSync(c) == 1;
    if (!ok) {
        raise_from(c, nullptr, "postgres send");
    }
    std::vector<result_handle> results;
    results.reserve(commands.size());
    for (std::size_t i = 0; i < commands.size(); ++i) {
        result_handle r{PQgetResult(c)};
        if (!r) {
            raise_from(c, nullptr, "postgres pipeline");
        }
        // Each command's results end with a null.
        while (PGresult* extra = PQgetResult(c)) {
            PQclear(extra);
        }
        results.push_back(std::move(r));
    }
    result_handle sync{PQgetResult(c)};
    if (!sync || PQresultStatus(sync.get()) != PGRES_PIPELINE_SYNC) {
        raise_from(c, sync.get(), "postgres pipeline sync");
    }
    if (PQexitPipelineMode(c) != 1) {
        raise_from(c, nullptr, "postgres pipeline exit");
    }
    return results;
}

std::size_t first_failure(const std::vector<result_handle>& results) noexcept {
    for (std::size_t i = 0; i < results.size(); ++i) {
        const auto status = PQresultStatus(results[i].get());
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
            return i;
        }
    }
    return results.size();
}

} // namespace helpdesk::postgres::detail
