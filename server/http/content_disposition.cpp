#include "http/content_disposition.hpp"

#include "http/utf8.hpp"

#include <cstddef>

namespace helpdesk::server {
namespace {

constexpr std::string_view fallback_name = "download";

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
