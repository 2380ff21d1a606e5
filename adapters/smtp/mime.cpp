#include "mime.hpp"

#include "escaping.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>

namespace helpdesk::smtp::detail {
namespace {

constexpr char hex_digits[] = "0123456789ABCDEF";
constexpr std::size_t max_qp_line = 76;
// 39 bytes make 52 base64 characters, a 64-character encoded word: with
// "Subject: " in front it stays within RFC 5322's 78-character line (RFC
// 2047 allows 75).
constexpr std::size_t max_word_bytes = 39;
// "Subject: " plus a value this long stays within the 78 characters too.
constexpr std::size_t max_plain_header = 68;
// A mailbox longer than this is folded so `From: ` or `To: ` lines stay short.
constexpr std::size_t max_mailbox_line = 70;

bool is_printable_ascii(std::string_view text) noexcept {
    return std::all_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte >= 0x20 && byte < 0x7F;
    });
}

bool is_utf8_continuation(char c) noexcept { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::string encoded_words(std::string_view text) {
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto end = std::min(text.size(), pos + max_word_bytes);
        while (end < text.size() && end > pos && is_utf8_continuation(text[end])) {
            --end;
        }
        if (end == pos) { // not UTF-8 at all; cut anyway rather than loop
            end = std::min(text.size(), pos + max_word_bytes);
        }
        if (!out.empty()) {
            out += "\r\n "; // folding: the space between words is not part of the text
        }
        out += "=?UTF-8?B?";
        out += base64(text.substr(pos, end - pos));
        out += "?=";
        pos = end;
    }
    return out;
}

void append_qp_line(std::string& out, std::string_view line) {
    std::size_t column = 0;
    auto emit = [&](std::string_view piece) {
        if (column + piece.size() > max_qp_line - 1) { // room for the soft break's '='
            out += "=\r\n";
            column = 0;
        }
        out += piece;
        column += piece.size();
    };
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        const auto byte = static_cast<unsigned char>(c);
        const bool last = i + 1 == line.size();
        const bool literal = (byte >= 33 && byte <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last);
        if (literal) {
            emit(std::string_view{&line[i], 1});
        } else {
            const char escaped[3] = {'=', hex_digits[byte >> 4], hex_digits[byte & 0x0F]};
            emit(std::string_view{escaped, 3});
        }
    }
    out += "\r\n";
}

std::string quoted_name(std::string_view name) {
    std::string out = "\"";
    for (const char c : name) {
        if (c == '"' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    out += '"';
    return out;
}

std::string clean_address(std::string_view address) {
    std::string out;
    for (const char c : address) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte > 0x20 && byte != 0x7F && c != '<' && c != '>') {
            out += c;
        }
    }
    return out;
}

std::uint64_t fnv1a(std::string_view text) noexcept {
    std::uint64_t hash = 14695981039346656037ULL;
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    return hash;
}

std::string hex64(std::uint64_t value) {
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(value));
    return buffer;
}

void append_part(std::string& out, std::string_view boundary, std::string_view type, std::string_view body) {
    out += "--";
    out += boundary;
    out += "\r\nContent-Type: ";
    out += type;
    out += "; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n";
    out += quoted_printable(body);
}

} // namespace

std::string quoted_printable(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 4);
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        auto line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        if (end == text.size() && line.empty() && start > 0) {
            break; // the text ended with a line break: no empty line after it
        }
        append_qp_line(out, line);
        start = end + 1;
    }
    return out;
}

std::string base64(std::string_view bytes) {
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const auto n = (std::uint32_t{static_cast<unsigned char>(bytes[i])} << 16) |
                       (std::uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8) |
                       std::uint32_t{static_cast<unsigned char>(bytes[i + 2])};
        out += alphabet[(n >> 18) & 63];
        out += alphabet[(n >> 12) & 63];
        out += alphabet[(n >> 6) & 63];
        out += alphabet[n & 63];
    }
    const auto rest = bytes.size() - i;
    if (rest > 0) {
        auto n = std::uint32_t{static_cast<unsigned char>(bytes[i])} << 16;
        if (rest == 2) {
            n |= std::uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8;
        }
        out += alphabet[(n >> 18) & 63];
        out += alphabet[(n >> 12) & 63];
        out += rest == 2 ? alphabet[(n >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

std::string encode_unstructured(std::string_view text) {
    const auto flat = header_safe(text);
    // A literal "=?" could be read as the start of an encoded word.
    if (is_printable_ascii(flat) && flat.size() <= max_plain_header && flat.find("=?") == std::string::npos) {
        return flat;
    }
    return encoded_words(flat);
}

std::string format_mailbox(const mailbox& box) {
    const auto address = "<" + clean_address(box.address) + ">";
    const auto name = header_safe(box.name);
    if (name.empty()) {
        return address;
    }
    if (is_printable_ascii(name) && name.find("=?") == std::string::npos) {
        auto quoted = quoted_name(name);
        if (quoted.size() + 1 + address.size() <= max_mailbox_line) {
            return quoted + " " + address;
        }
    }
    // Encoded words fold cleanly where a long quoted string would not.
    auto words = encoded_words(name);
    const auto last_line = words.size() - (words.rfind('\n') == std::string::npos ? 0 : words.rfind('\n') + 1);
    return words + (last_line + 1 + address.size() <= max_mailbox_line ? " " : "\r\n ") + address;
}

std::string format_date(time_point t) {
    using namespace std::chrono;
    static constexpr const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const auto day = floor<std::chrono::days>(t);
    const year_month_day ymd{day};
    const hh_mm_ss clock{floor<seconds>(t - day)};
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%s, %02u %s %04d %02lld:%02lld:%02lld +0000",
                  days[weekday{day}.c_encoding()], static_cast<unsigned>(ymd.day()),
                  months[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()),
                  static_cast<long long>(clock.hours().count()), static_cast<long long>(clock.minutes().count()),
                  static_cast<long long>(clock.seconds().count()));
    return buffer;
}

std::string make_message_id(std::int64_t event_id, time_point created_at, std::string_view recipient,
                            std::string_view from_address) {
    std::string lowered;
    for (const char c : recipient) {
        lowered += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    std::string domain;
    if (const auto at = from_address.rfind('@'); at != std::string_view::npos) {
        for (const char c : from_address.substr(at + 1)) {
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-') {
                domain += c;
            }
        }
    }
    if (domain.empty()) {
        domain = "helpdesk.invalid";
    }
    return "<hd." + std::to_string(event_id) + "." + std::to_string(created_at.time_since_epoch().count()) + "." +
           hex64(fnv1a(lowered)) + "@" + domain + ">";
}

std::string render_message(const mime_message& message) {
    // Quoted-printable never leaves "=_" in a body, so this boundary cannot
    // occur inside a part.
    const auto boundary = "=_hd_" + hex64(fnv1a(message.message_id));
    std::string out;
    out += "From: " + format_mailbox(message.from) + "\r\n";
    out += "To: " + format_mailbox(message.to) + "\r\n";
    out += "Subject: " + encode_unstructured(message.subject) + "\r\n";
    out += "Date: " + format_date(message.date) + "\r\n";
    out += "Message-ID: " + header_safe(message.message_id) + "\r\n";
    out += "MIME-Version: 1.0\r\n";
    // RFC 3834: an automatic message, so vacation responders stay quiet.
    out += "Auto-Submitted: auto-generated\r\n";
    out += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n";
    out += "\r\n";
    out += "This is a message in MIME format with a text and an HTML version.\r\n";
    append_part(out, boundary, "text/plain", message.text);
    append_part(out, boundary, "text/html", message.html);
    out += "--" + boundary + "--\r\n";
    return out;
}

} // namespace helpdesk::smtp::detail
