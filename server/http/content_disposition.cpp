#include "http/content_disposition.hpp"

#include <cstddef>

namespace helpdesk::server {
namespace {

constexpr std::string_view fallback_name = "download";

// Length of the well-formed UTF-8 sequence at `i`, or 0 (overlongs, surrogates and values past U+10FFFF included).
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) noexcept {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) return 1;
    std::size_t length = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        length = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        length = 3;
        if (b0 == 0xE0) lo = 0xA0;
        if (b0 == 0xED) hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        length = 4;
        if (b0 == 0xF0) lo = 0x90;
        if (b0 == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (i + length > s.size()) return 0;
    for (std::size_t k = 1; k < length; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return 0;
    }
    return length;
}

bool is_control(unsigned char c) noexcept { return c < 0x20 || c == 0x7F; }

// RFC 5987 attr-char.
bool is_attr_char(unsigned char c) noexcept {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    switch (c) {
    case '!': case '#': case '$': case '&': case '+': case '-': case '.': case '^': case '_': case '`': case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

} // namespace

std::string content_disposition(bool inline_display, std::string_view file_name) {
    std::string ascii;
    std::string utf8;
    ascii.reserve(file_name.size());
    utf8.reserve(file_name.size());
    for (std::size_t i = 0; i < file_name.size();) {
        const auto c = static_cast<unsigned char>(file_name[i]);
        const auto length = utf8_sequence_length(file_name, i);
        if (length == 0) {
            ascii.push_back('_');
            utf8.push_back('_');
            ++i;
        } else if (length > 1) {
            ascii.push_back('_');
            utf8.append(file_name.substr(i, length));
            i += length;
        } else {
            const bool unsafe = is_control(c) || c == '"' || c == '\\' || c == '%' || c == ';';
            ascii.push_back(unsafe ? '_' : static_cast<char>(c));
            utf8.push_back(is_control(c) ? '_' : static_cast<char>(c));
            ++i;
        }
    }
    if (ascii.empty()) ascii = fallback_name;
    if (utf8.empty()) utf8 = fallback_name;

    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(40 + ascii.size() + utf8.size() * 3);
    out.append(inline_display ? "inline" : "attachment");
    out.append("; filename=\"").append(ascii).append("\"; filename*=UTF-8''");
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        if (is_attr_char(c)) {
            out.push_back(ch);
        } else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 0xF]);
        }
    }
    return out;
}

} // namespace helpdesk::server
