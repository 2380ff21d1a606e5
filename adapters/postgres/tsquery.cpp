#include "tsquery.hpp"

#include "sql/search_query.hpp"

namespace helpdesk::postgres::detail {

std::optional<std::string> to_tsquery_text(std::string_view text) {
    return sql::quote_search_terms(text,
                                   {.quote = '\'', .doubled = "'\\", .separator = " & ", .prefix = ":*"});
}

} // namespace helpdesk::postgres::detail
