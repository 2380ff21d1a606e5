#include "services/unicode_text.hpp"

#include <algorithm>
#include <iterator>

namespace helpdesk::detail {
namespace {

struct range {
    char32_t first, last;
};

// Alphabetic blocks, with the non-letters inside them cut out. Not the whole
// Unicode letter property (that needs ICU), but every script a help desk's
// users are likely to type names in.
constexpr range letters[] = {
    {U'A', U'Z'},         {U'a', U'z'},
    {0x00AA, 0x00AA},     {0x00B5, 0x00B5},     {0x00BA, 0x00BA},
    {0x00C0, 0x00D6},     {0x00D8, 0x00F6},     {0x00F8, 0x02AF},   // Latin-1 letters, Latin Extended, IPA
    {0x0370, 0x0373},     {0x0376, 0x0377},     {0x037B, 0x037D},   {0x0386, 0x0386},
    {0x0388, 0x03FF},                                                // Greek
    {0x0400, 0x0481},     {0x048A, 0x052F},                          // Cyrillic
    {0x0531, 0x0556},     {0x0561, 0x0587},                          // Armenian
    {0x05D0, 0x05EA},                                                // Hebrew
    {0x0620, 0x064A},     {0x066E, 0x066F},     {0x0671, 0x06D3},   {0x06FA, 0x06FC}, // Arabic
    {0x0904, 0x0939},     {0x0958, 0x0961},                          // Devanagari
    {0x0E01, 0x0E30},                                                // Thai
    {0x10A0, 0x10FF},                                                // Georgian
    {0x1E00, 0x1FBC},     {0x1FC2, 0x1FCC},     {0x1FD0, 0x1FDB},   {0x1FE0, 0x1FEC}, {0x1FF2, 0x1FFC},
    {0x3041, 0x3096},     {0x30A1, 0x30FA},                          // kana
    {0x3400, 0x4DBF},     {0x4E00, 0x9FFF},                          // CJK
    {0xAC00, 0xD7A3},                                                // Hangul
};

constexpr range marks[] = {{0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x064B, 0x065F},
                           {0x093A, 0x094F}, {0x0E31, 0x0E3A}, {0x0E47, 0x0E4E}, {0x1AB0, 0x1AFF},
                           {0x1DC0, 0x1DFF}, {0x20D0, 0x20FF}, {0xFE20, 0xFE2F}};

template <std::size_t N>
bool in(const range (&table)[N], char32_t c) noexcept {
    return std::any_of(std::begin(table), std::end(table), [c](const range& r) { return c >= r.first && c <= r.last; });
}

} // namespace

std::optional<char32_t> next_code_point(std::string_view text, std::size_t& pos) noexcept {
    const auto lead = static_cast<unsigned char>(text[pos]);
    std::size_t length = 0;
    char32_t value = 0;
    if (lead < 0x80) {
        ++pos;
        return lead;
    } else if ((lead & 0xE0) == 0xC0) {
        length = 2;
        value = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        value = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        value = lead & 0x07;
    } else {
        return std::nullopt;
    }
    if (pos + length > text.size()) {
        return std::nullopt;
    }
    for (std::size_t i = 1; i < length; ++i) {
        const auto next = static_cast<unsigned char>(text[pos + i]);
        if ((next & 0xC0) != 0x80) {
            return std::nullopt;
        }
        value = (value << 6) | (next & 0x3F);
    }
    constexpr char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (value < smallest[length] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
        return std::nullopt;
    }
    pos += length;
    return value;
}

bool is_letter(char32_t c) noexcept { return in(letters, c); }

bool is_forbidden_in_text(char32_t c, bool multi_line) noexcept {
    if (multi_line && (c == U'\n' || c == U'\r' || c == U'\t')) {
        return false;
    }
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

bool is_combining_mark(char32_t c) noexcept { return in(marks, c); }

} // namespace helpdesk::detail
