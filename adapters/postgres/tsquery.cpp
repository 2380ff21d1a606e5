#include "tsquery.hpp"

#include <helpdesk/ports/queries.hpp>

namespace helpdesk::postgres::detail {

std::optional<std::string> to_tsquery_text(std::string_view text) {
    const auto terms = search_terms(text);
    if (terms.empty()) {
        return std::nullopt;
    }
    std::string query;
    for (std::size_t i = 0; i < terms.size(); ++i) {
        if (i > 0) {
            query += " & ";
        }
        query += '\'';
        for (char c : terms[i]) {
            if (c == '\'' || c == '\\') {
                query += c == '\'' ? '\'' : '\\';
            }
            query += c;
        }
        query += '\'';
    }
    query += ":*";
    return query;
}

} // namespace helpdesk::postgres::detail
