#include "tsquery.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace helpdesk::postgres::detail {

namespace {

[[nodiscard]] bool is_space(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

[[nodiscard]] bool is_searchable(std::string_view term) noexcept {
    return std::any_of(term.begin(), term.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte >= 0x80 || std::isalnum(byte) != 0;
    });
}

} // namespace

std::optional<std::string> to_tsquery_text(std::string_view text) {
    std::vector<std::string_view> terms;
    std::size_t pos = 0;
    while (pos < text.size()) {
        while (pos < text.size() && is_space(text[pos])) {
            ++pos;
        }
        std::size_t end = pos;
        while (end < text.size() && !is_space(text[end])) {
            ++end;
        }
        if (end > pos && is_searchable(text.substr(pos, end - pos))) {
            terms.push_back(text.substr(pos, end - pos));
        }
        pos = end;
    }
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
