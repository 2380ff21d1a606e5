#include "mime_reader.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace smtptest {
namespace {

std::string lower(std::string_view s) {
    std::string out{s};
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

std::string lf(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
            continue;
        }
        out += s[i];
    }
    return out;
}

// Splits a header block + body (LF lines) into unfolded headers and the body.
std::pair<std::vector<std::pair<std::string, std::string>>, std::string> split(const std::string& text) {
    std::vector<std::pair<std::string, std::string>> headers;
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto end = text.find('\n', pos);
        if (end == std::string::npos) {
            end = text.size();
        }
        const auto line = text.substr(pos, end - pos);
        pos = end + 1;
        if (line.empty()) {
            break;
        }
        if ((line[0] == ' ' || line[0] == '\t') && !headers.empty()) {
            headers.back().second += line; // unfold: the line break goes, the blank stays
            continue;
        }
        const auto colon = line.find(':');
        if (colon == std::string::npos) {
            throw std::runtime_error("not a header line: " + line);
        }
        auto value = line.substr(colon + 1);
        value.erase(0, value.find_first_not_of(" \t"));
        headers.emplace_back(line.substr(0, colon), value);
    }
    return {headers, pos < text.size() ? text.substr(pos) : std::string{}};
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    return -1;
}

std::string parameter(std::string_view value, std::string_view name) {
    const auto lowered = lower(value);
    const auto at = lowered.find(lower(name) + "=");
    if (at == std::string::npos) {
        return {};
    }
    auto rest = value.substr(at + name.size() + 1);
    if (!rest.empty() && rest[0] == '"') {
        return std::string{rest.substr(1, rest.find('"', 1) - 1)};
    }
    return std::string{rest.substr(0, rest.find(';'))};
}

} // namespace

std::string mime_part::header(std::string_view name) const {
    for (const auto& [n, v] : headers) {
        if (lower(n) == lower(name)) {
            return v;
        }
    }
    return {};
}

std::vector<std::string> header_names(const std::string& raw) {
    std::vector<std::string> names;
    for (const auto& h : split(lf(raw)).first) {
        names.push_back(h.first);
    }
    return names;
}

std::string header(const std::string& raw, std::string_view name) {
    for (const auto& [n, v] : split(lf(raw)).first) {
        if (lower(n) == lower(name)) {
            return v;
        }
    }
    return {};
}

int header_count(const std::string& raw, std::string_view name) {
    int n = 0;
    for (const auto& h : header_names(raw)) {
        n += lower(h) == lower(name) ? 1 : 0;
    }
    return n;
}

std::string decode_quoted_printable(std::string_view text) {
    const auto src = lf(text);
    std::string out;
    for (std::size_t i = 0; i < src.size(); ++i) {
        if (src[i] != '=') {
            out += src[i];
        } else if (i + 1 < src.size() && src[i + 1] == '\n') {
            ++i; // soft line break
        } else if (i + 2 < src.size() && hex_value(src[i + 1]) >= 0 && hex_value(src[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(src[i + 1]) * 16 + hex_value(src[i + 2]));
            i += 2;
        } else {
            throw std::runtime_error("bad quoted-printable near: " + src.substr(i, 10));
        }
    }
    return out;
}

std::string decode_base64(std::string_view text) {
    static const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (const char c : text) {
        if (c == '=' || c == '\r' || c == '\n') {
            continue;
        }
        const auto v = alphabet.find(c);
        if (v == std::string::npos) {
            throw std::runtime_error("bad base64");
        }
        buffer = (buffer << 6) | static_cast<unsigned>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xFF);
        }
    }
    return out;
}

std::string decode_words(std::string_view value) {
    std::string out;
    bool last_was_word = false;
    std::size_t pos = 0;
    while (pos < value.size()) {
        const auto start = value.find("=?", pos);
        if (start == std::string_view::npos) {
            auto rest = std::string{value.substr(pos)};
            if (rest.rfind("\r\n", 0) == 0) {
                rest.erase(0, 2); // unfold
            }
            out += rest;
            break;
        }
        auto between = std::string{value.substr(pos, start - pos)};
        // Folding (CRLF + blank) between two encoded words is not part of the text.
        const bool blank = between.find_first_not_of(" \t\r\n") == std::string::npos;
        if (!(last_was_word && blank)) {
            out += between;
        }
        const auto q1 = value.find('?', start + 2);
        const auto q2 = q1 == std::string_view::npos ? q1 : value.find('?', q1 + 1);
        const auto end = q2 == std::string_view::npos ? q2 : value.find("?=", q2 + 1);
        if (end == std::string_view::npos) {
            out += value.substr(start);
            break;
        }
        const auto charset = lower(value.substr(start + 2, q1 - start - 2));
        const auto encoding = lower(value.substr(q1 + 1, q2 - q1 - 1));
        const auto payload = value.substr(q2 + 1, end - q2 - 1);
        if (charset != "utf-8") {
            throw std::runtime_error("unexpected charset " + charset);
        }
        if (encoding == "b") {
            out += decode_base64(payload);
        } else {
            std::string q{payload};
            std::replace(q.begin(), q.end(), '_', ' ');
            out += decode_quoted_printable(q);
        }
        last_was_word = true;
        pos = end + 2;
    }
    return out;
}

std::vector<mime_part> parts(const std::string& raw) {
    const auto [headers, body] = split(lf(raw));
    mime_part top{headers, {}};
    const auto type = top.header("Content-Type");
    if (lower(type).rfind("multipart/", 0) != 0) {
        const auto encoding = lower(top.header("Content-Transfer-Encoding"));
        top.body = encoding == "quoted-printable" ? decode_quoted_printable(body)
                   : encoding == "base64"         ? decode_base64(body)
                                                  : body;
        return {top};
    }
    const auto boundary = parameter(type, "boundary");
    if (boundary.empty()) {
        throw std::runtime_error("multipart without a boundary");
    }
    const auto delimiter = "--" + boundary;
    std::vector<mime_part> out;
    std::size_t pos = body.find(delimiter);
    while (pos != std::string::npos) {
        pos += delimiter.size();
        if (body.compare(pos, 2, "--") == 0) {
            break; // the close delimiter
        }
        pos = body.find('\n', pos) + 1;
        auto next = body.find("\n" + delimiter, pos);
        if (next == std::string::npos) {
            throw std::runtime_error("multipart without a closing boundary");
        }
        for (auto& p : parts(body.substr(pos, next - pos))) {
            out.push_back(std::move(p));
        }
        pos = next + 1;
    }
    return out;
}

std::string part_body(const std::string& raw, std::string_view type) {
    for (const auto& p : parts(raw)) {
        if (lower(p.header("Content-Type")).rfind(lower(type), 0) == 0) {
            return p.body;
        }
    }
    return {};
}

} // namespace smtptest
