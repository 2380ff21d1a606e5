#include "fts_query.hpp"

#include <helpdesk/ports/queries.hpp>

namespace helpdesk::sqlite::detail {

std::optional<std::string> to_fts_query(std::string_view text) {
    const auto terms = search_terms(text);
    if (terms.empty()) {
        return std::nullopt;
    }
    std::string query;
    for (std::size_t i = 0; i < terms.size(); ++i) {
        if (i > 0) {
            query += ' ';
        }
        query += '"';
        for (char c : terms[i]) {
            if (c == '"') {
                query += '"';
            }
            query += c;
        }
        query += '"';
    }
    query += '*';
    return query;
}

} // namespace helpdesk::sqlite::detail
