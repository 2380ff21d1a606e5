#include "fts_query.hpp"

#include "sql/search_query.hpp"

namespace helpdesk::sqlite::detail {

std::optional<std::string> to_fts_query(std::string_view text) {
    return sql::quote_search_terms(text, {.quote = '"', .doubled = "\"", .separator = " ", .prefix = "*"});
}

} // namespace helpdesk::sqlite::detail
