#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace helpdesk::sql {

/// How a store's full-text query language quotes a term.
struct search_syntax {
    char quote;                 ///< opens and closes a term
    std::string_view doubled;   ///< characters written twice inside a term
    std::string_view separator; ///< between terms (all must match)
    std::string_view prefix;    ///< after the last term: it matches as a prefix
};

/// A user's search text as a query in `syntax`: each term of `search_terms`
/// quoted, so no operator in the text is ever interpreted; terms joined by
/// `separator`, the last one a prefix. nullopt when the text has no term.
[[nodiscard]] std::optional<std::string> quote_search_terms(std::string_view text,
                                                            const search_syntax& syntax);

} // namespace helpdesk::sql
