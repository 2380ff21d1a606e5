#include "services/json_object.hpp"

#include <cstdio>

namespace helpdesk::detail {

std::string json_quote(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    for (const char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
                out += buffer;
            } else {
                out += c;
            }
        }
    }
    out += '"';
    return out;
}

void json_object::key(std::string_view k) {
    if (body_.size() > 1) {
        body_ += ',';
    }
    body_ += json_quote(k);
    body_ += ':';
}

json_object& json_object::add(std::string_view k, std::string_view value) {
    key(k);
    body_ += json_quote(value);
    return *this;
}

json_object& json_object::add(std::string_view k, std::int64_t value) {
    key(k);
    body_ += std::to_string(value);
    return *this;
}

json_object& json_object::add(std::string_view k, bool value) {
    key(k);
    body_ += value ? "true" : "false";
    return *this;
}

json_object& json_object::add(std::string_view k, const std::optional<std::string>& value) {
    if (value) {
        return add(k, std::string_view{*value});
    }
    key(k);
    body_ += "null";
    return *this;
}

json_object& json_object::add(std::string_view k, const std::optional<std::int64_t>& value) {
    if (value) {
        return add(k, *value);
    }
    key(k);
    body_ += "null";
    return *this;
}

} // namespace helpdesk::detail
