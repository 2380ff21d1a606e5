#include <helpdesk/ports/queries.hpp>

#include <algorithm>
#include <cctype>

namespace helpdesk {
namespace {
bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Full-text tokenizers treat non-ASCII code points as word characters.
bool is_searchable(std::string_view term) noexcept {
    return std::any_of(term.begin(), term.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte >= 0x80 || std::isalnum(byte) != 0;
    });
}
} // namespace

std::vector<std::string_view> search_terms(std::string_view text) {
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
    return terms;
}

} // namespace helpdesk
