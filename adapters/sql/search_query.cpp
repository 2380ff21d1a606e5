#include "search_query.hpp"

#include <helpdesk/ports/queries.hpp>

namespace helpdesk::sql {

std::optional<std::string> quote_search_terms(std::string_view text, const search_syntax& syntax) {
    const auto terms = search_terms(text);
    if (terms.empty()) {
        return std::nullopt;
    }
    std::string query;
    for (std::size_t i = 0; i < terms.size(); ++i) {
        if (i > 0) {
            query += syntax.separator;
        }
        query += syntax.quote;
        for (char c : terms[i]) {
            if (syntax.doubled.find(c) != std::string_view::npos) {
                query += c;
            }
            query += c;
        }
        query += syntax.quote;
    }
    query += syntax.prefix;
    return query;
}

} // namespace helpdesk::sql
