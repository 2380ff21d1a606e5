#include "http/multipart.hpp"

#include "http/ows.hpp"
#include "http/utf8.hpp"

#include <helpdesk/error.hpp>

#include <boost/beast/core/string.hpp>

#include <algorithm>
#include <functional>

namespace helpdesk::server {
namespace {

[[noreturn]] void refuse(std::string detail) { throw error(errc::invalid_argument, std::move(detail)); }

char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_ows(char c) noexcept { return c == ' ' || c == '\t'; }


// RFC 9110 tchar.
bool is_tchar(char c) noexcept {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+': case '-': case '.': case '^':
    case '_': case '`': case '|': case '~':
        return true;
    default:
        return false;
    }
}

// RFC 2046 bchars.
bool is_bchar(char c) noexcept {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    switch (c) {
    case '\'': case '(': case ')': case '+': case '_': case ',': case '-': case '.': case '/': case ':': case '=':
    case '?': case ' ':
        return true;
    default:
        return false;
    }
}

struct parameter {
    std::string name;
    std::string value;
};

// `; name=value` pairs after a media type or disposition type (RFC 9110 §5.6.6); values are tokens or
// quoted-strings with backslash escapes. `what` names the header in error details.
std::vector<parameter> parse_parameters(std::string_view rest, std::string_view what) {
    std::vector<parameter> params;
    std::size_t i = 0;
    const auto bad = [&] { refuse(std::string(what) + " has a malformed parameter"); };
    while (true) {
        while (i < rest.size() && is_ows(rest[i])) ++i;
        if (i == rest.size()) break;
        if (rest[i] != ';') bad();
        ++i;
        while (i < rest.size() && is_ows(rest[i])) ++i;
        if (i == rest.size()) break; // a trailing ';' is common enough to forgive
        const auto name_start = i;
        while (i < rest.size() && is_tchar(rest[i])) ++i;
        if (i == name_start) bad();
        parameter p;
        p.name.assign(rest.substr(name_start, i - name_start));
        for (auto& c : p.name) c = lower(c);
        while (i < rest.size() && is_ows(rest[i])) ++i;
        if (i == rest.size() || rest[i] != '=') bad();
        ++i;
        while (i < rest.size() && is_ows(rest[i])) ++i;
        if (i < rest.size() && rest[i] == '"') {
            ++i;
            bool closed = false;
            while (i < rest.size()) {
                const char c = rest[i++];
                if (c == '"') {
                    closed = true;
                    break;
                }
                if (c == '\\') {
                    if (i == rest.size()) break;
                    p.value.push_back(rest[i++]);
                } else {
                    p.value.push_back(c);
                }
            }
            if (!closed) refuse(std::string(what) + " has an unterminated quoted string");
        } else {
            const auto value_start = i;
            while (i < rest.size() && is_tchar(rest[i])) ++i;
            if (i == value_start) bad();
            p.value.assign(rest.substr(value_start, i - value_start));
        }
        for (const auto& other : params)
            if (other.name == p.name) refuse(std::string(what) + " repeats the parameter '" + p.name + "'");
        params.push_back(std::move(p));
    }
    return params;
}

const parameter* find_parameter(const std::vector<parameter>& params, std::string_view name) noexcept {
    for (const auto& p : params)
        if (p.name == name) return &p;
    return nullptr;
}

std::string_view media_type(std::string_view content_type) noexcept {
    return trim_ows(content_type.substr(0, content_type.find(';')));
}

std::string boundary_of(std::string_view content_type) {
    if (!boost::beast::iequals(media_type(content_type), "multipart/form-data"))
        refuse("the request body is not multipart/form-data");
    const auto semicolon = content_type.find(';');
    const auto params = parse_parameters(
        semicolon == std::string_view::npos ? std::string_view{} : content_type.substr(semicolon), "Content-Type");
    const auto* boundary = find_parameter(params, "boundary");
    if (boundary == nullptr) refuse("the multipart Content-Type has no boundary parameter");
    const auto& b = boundary->value;
    if (b.empty() || b.size() > 70) refuse("the multipart boundary must be 1 to 70 characters long");
    for (const char c : b)
        if (!is_bchar(c)) refuse("the multipart boundary contains a character RFC 2046 does not allow");
    if (b.back() == ' ') refuse("the multipart boundary may not end with a space");
    return b;
}

int hex_value(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// RFC 8187 ext-value: charset'language'pct-encoded. Only UTF-8 is accepted (RFC 8187 §3.2.1 makes it mandatory
// to support; anything else would need a transcoder).
std::string decode_ext_value(std::string_view value) {
    const auto q1 = value.find('\'');
    const auto q2 = q1 == std::string_view::npos ? q1 : value.find('\'', q1 + 1);
    if (q2 == std::string_view::npos) refuse("a part's filename* is not charset'language'value");
    if (!boost::beast::iequals(value.substr(0, q1), "utf-8")) refuse("a part's filename* must use the UTF-8 charset");
    const auto encoded = value.substr(q2 + 1);
    std::string out;
    out.reserve(encoded.size());
    for (std::size_t i = 0; i < encoded.size(); ++i) {
        if (encoded[i] != '%') {
            out.push_back(encoded[i]);
            continue;
        }
        if (i + 2 >= encoded.size()) refuse("a part's filename* has a truncated percent escape");
        const int hi = hex_value(encoded[i + 1]);
        const int lo = hex_value(encoded[i + 2]);
        if (hi < 0 || lo < 0) refuse("a part's filename* has an invalid percent escape");
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
    }
    if (!valid_utf8(out)) refuse("a part's filename* is not valid UTF-8");
    return out;
}

void apply_content_disposition(std::string_view value, form_part& part) {
    const auto semicolon = value.find(';');
    const auto type = trim_ows(value.substr(0, semicolon));
    if (!boost::beast::iequals(type, "form-data")) refuse("a part's Content-Disposition is not form-data");
    const auto params = parse_parameters(
        semicolon == std::string_view::npos ? std::string_view{} : value.substr(semicolon), "Content-Disposition");
    const auto* name = find_parameter(params, "name");
    if (name == nullptr || name->value.empty()) refuse("a part's Content-Disposition has no name");
    part.name = name->value;
    if (const auto* ext = find_parameter(params, "filename*"))
        part.file_name = decode_ext_value(ext->value);
    else if (const auto* plain = find_parameter(params, "filename"))
        part.file_name = plain->value;
}

// `block` is the header section of one part without its final empty line; every line ended in CRLF.
void parse_part_headers(std::string_view block, form_part& part) {
    // Syntax of every line is checked before any value is interpreted, so the reported fault is the first one.
    std::optional<std::string_view> disposition;
    std::optional<std::string_view> type;
    while (!block.empty()) {
        const auto end = block.find("\r\n");
        const auto line = block.substr(0, end);
        block = end == std::string_view::npos ? std::string_view{} : block.substr(end + 2);
        if (line.find_first_of("\r\n") != std::string_view::npos)
            refuse("a part's headers contain a bare CR or LF; lines must end in CRLF");
        if (line.empty()) refuse("a part's header block has an empty line");
        if (is_ows(line.front())) refuse("a part's headers use line folding, which is not allowed");
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) refuse("a part's header line has no colon");
        const auto name = line.substr(0, colon);
        if (name.empty()) refuse("a part's header line has an empty name");
        for (const char c : name)
            if (!is_tchar(c)) refuse("a part's header name contains an invalid character");
        const auto value = trim_ows(line.substr(colon + 1));
        for (const char c : value)
            if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F)
                refuse("a part's header value contains a control character");
        if (boost::beast::iequals(name, "content-disposition")) {
            if (disposition) refuse("a part has more than one Content-Disposition");
            disposition = value;
        } else if (boost::beast::iequals(name, "content-type")) {
            if (type) refuse("a part has more than one Content-Type");
            if (value.empty()) refuse("a part's Content-Type is empty");
            type = value;
        }
        // Other headers (Content-Transfer-Encoding is deprecated by RFC 7578 §4.7) carry nothing we use.
    }
    if (!disposition) refuse("a part has no Content-Disposition header");
    apply_content_disposition(*disposition, part);
    part.content_type = type ? std::string(*type) : std::string("text/plain");
}

enum class delimiter_end { next_part, close, not_a_delimiter };

// What follows "--boundary" at `pos`: "--" closes, transport padding + CRLF starts a part (pos moves past the
// CRLF), anything else means these bytes were only content that happens to start like the boundary.
delimiter_end classify_delimiter(std::string_view body, std::size_t& pos) noexcept {
    if (body.substr(pos, 2) == "--") {
        pos += 2;
        return delimiter_end::close;
    }
    auto i = pos;
    while (i < body.size() && is_ows(body[i])) ++i;
    if (body.substr(i, 2) == "\r\n") {
        pos = i + 2;
        return delimiter_end::next_part;
    }
    return delimiter_end::not_a_delimiter;
}

} // namespace

bool is_multipart_form(std::string_view content_type) noexcept {
    return boost::beast::iequals(media_type(content_type), "multipart/form-data");
}

std::vector<form_part> parse_multipart(std::string_view content_type, std::string_view body,
                                       const multipart_limits& limits) {
    const auto boundary = boundary_of(content_type);
    const std::string delimiter = "\r\n--" + boundary;
    const std::string_view dash_boundary = std::string_view(delimiter).substr(2);
    const std::boyer_moore_horspool_searcher searcher(delimiter.begin(), delimiter.end());

    // Finds the next real delimiter at or after `from`; returns the index of its "\r\n" (or npos) and leaves
    // `after` just past it (past "--" for the close delimiter, past CRLF otherwise). Each candidate is looked
    // at once and the search never moves backwards, so the whole parse is linear.
    const auto find_delimiter = [&](std::size_t from, std::size_t& after, delimiter_end& kind) {
        while (from <= body.size()) {
            const auto it = std::search(body.begin() + static_cast<std::ptrdiff_t>(from), body.end(), searcher);
            if (it == body.end()) return std::string_view::npos;
            const auto at = static_cast<std::size_t>(it - body.begin());
            after = at + delimiter.size();
            kind = classify_delimiter(body, after);
            if (kind != delimiter_end::not_a_delimiter) return at;
            from = at + 1;
        }
        return std::string_view::npos;
    };

    std::size_t pos = 0;
    delimiter_end kind{};
    if (body.substr(0, dash_boundary.size()) == dash_boundary) {
        pos = dash_boundary.size();
        kind = classify_delimiter(body, pos);
        if (kind == delimiter_end::not_a_delimiter)
            refuse("the multipart body's first delimiter line does not end in CRLF");
    } else if (find_delimiter(0, pos, kind) == std::string_view::npos) {
        refuse("the multipart body has no delimiter line for its boundary");
    }

    std::vector<form_part> parts;
    while (kind == delimiter_end::next_part) {
        if (parts.size() == limits.max_parts)
            refuse("the multipart body has more than " + std::to_string(limits.max_parts) + " parts");
        form_part part;
        std::string_view headers;
        if (body.substr(pos, 2) == "\r\n") {
            pos += 2; // no headers at all; parse_part_headers reports the missing Content-Disposition
        } else {
            // Only the allowed window is searched, so an endless header block costs at most the limit.
            const auto window = body.substr(pos, limits.max_part_header_bytes);
            const auto end = window.find("\r\n\r\n");
            if (end == std::string_view::npos) {
                if (window.size() == limits.max_part_header_bytes)
                    refuse("a part's headers exceed " + std::to_string(limits.max_part_header_bytes) + " bytes");
                refuse("a part's headers are not terminated by an empty line");
            }
            headers = window.substr(0, end);
            pos += end + 4;
        }
        parse_part_headers(headers, part);

        std::size_t after = 0;
        const auto end = find_delimiter(pos, after, kind);
        if (end == std::string_view::npos) refuse("the multipart body is missing its closing delimiter");
        part.body.assign(body.substr(pos, end - pos));
        parts.push_back(std::move(part));
        pos = after;
    }
    // Whatever follows the close delimiter is epilogue, which RFC 2046 says to ignore.
    return parts;
}

} // namespace helpdesk::server
