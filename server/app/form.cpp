#include "app/form.hpp"

#include "app/http_failure.hpp"

#include <helpdesk/error.hpp>

#include <boost/beast/core/string.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <cctype>
#include <charconv>

namespace helpdesk::server {

namespace {

[[noreturn]] void refuse(std::string_view name, std::string message) {
    throw error(errc::invalid_argument, "The field " + std::string{name} + " is not valid.",
                {{std::string{name}, {std::move(message)}}});
}

std::string_view media_type(std::string_view content_type) noexcept {
    auto end = content_type.find(';');
    auto type = content_type.substr(0, end);
    while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) {
        type.remove_suffix(1);
    }
    return type;
}

} // namespace

form form::read(const call& c, bool allow_multipart) {
    form f;
    const auto& body = c.req.body();
    if (body.empty()) {
        return f;
    }
    const auto content_type = c.header("Content-Type").value_or("");
    if (allow_multipart && is_multipart_form(content_type)) {
        f.parts_ = parse_multipart(content_type, body);
        f.multipart_ = true;
        return f;
    }
    if (!boost::beast::iequals(media_type(content_type), "application/json")) {
        throw http_failure(http::status::unsupported_media_type, "unsupported_media_type",
                           allow_multipart ? "Send the body as application/json or multipart/form-data."
                                           : "Send the body as application/json.");
    }
    boost::system::error_code ec;
    auto value = boost::json::parse(body, ec);
    if (ec) {
        throw error(errc::invalid_argument, "The body is not valid JSON.");
    }
    if (!value.is_object()) {
        throw error(errc::invalid_argument, "The body must be a JSON object.");
    }
    f.json_ = std::move(value.as_object());
    return f;
}

bool form::has(std::string_view name) const {
    if (!multipart_) {
        return json_.contains(name);
    }
    for (const auto& p : parts_) {
        if (p.name == name) {
            return true;
        }
    }
    return false;
}

std::optional<std::string> form::text(std::string_view name) const {
    if (!multipart_) {
        const auto* v = json_.if_contains(name);
        if (!v || v->is_null()) {
            return std::nullopt;
        }
        if (!v->is_string()) {
            refuse(name, "Must be a string.");
        }
        return std::string{v->as_string()};
    }
    for (const auto& p : parts_) {
        if (p.name == name) {
            if (p.file_name) {
                refuse(name, "Must be a text field, not a file.");
            }
            return p.body;
        }
    }
    return std::nullopt;
}

std::string form::required_text(std::string_view name) const {
    auto value = text(name);
    if (!value) {
        refuse(name, "This field is required.");
    }
    return std::move(*value);
}

std::optional<bool> form::flag(std::string_view name) const {
    if (!multipart_) {
        const auto* v = json_.if_contains(name);
        if (!v || v->is_null()) {
            return std::nullopt;
        }
        if (!v->is_bool()) {
            refuse(name, "Must be true or false.");
        }
        return v->as_bool();
    }
    const auto value = text(name);
    if (!value) {
        return std::nullopt;
    }
    if (*value == "true" || *value == "1") {
        return true;
    }
    if (*value == "false" || *value == "0") {
        return false;
    }
    refuse(name, "Must be true or false.");
}

std::optional<std::int64_t> form::id(std::string_view name) const {
    if (!multipart_) {
        const auto* v = json_.if_contains(name);
        if (!v || v->is_null()) {
            return std::nullopt;
        }
        if (v->is_int64() && v->as_int64() > 0) {
            return v->as_int64();
        }
        if (v->is_uint64() || !v->is_string()) {
            refuse(name, "Must be a positive integer id.");
        }
    }
    const auto value = text(name);
    if (!value) {
        return std::nullopt;
    }
    std::int64_t out = 0;
    const auto [end, ec] = std::from_chars(value->data(), value->data() + value->size(), out);
    if (value->empty() || ec != std::errc{} || end != value->data() + value->size() || out <= 0) {
        refuse(name, "Must be a positive integer id.");
    }
    return out;
}

std::vector<new_attachment> form::files(std::string_view name) const {
    std::vector<new_attachment> out;
    for (const auto& p : parts_) {
        if (p.name == name) {
            if (!p.file_name) {
                refuse(name, "Must be a file.");
            }
            out.push_back(new_attachment{*p.file_name, p.body});
        }
    }
    return out;
}

std::vector<std::string> form::names() const {
    std::vector<std::string> out;
    if (!multipart_) {
        for (const auto& field : json_) {
            out.emplace_back(field.key());
        }
        return out;
    }
    for (const auto& p : parts_) {
        out.push_back(p.name);
    }
    return out;
}

std::optional<std::string> form::raw(std::string_view name) const {
    if (!multipart_) {
        const auto* v = json_.if_contains(name);
        if (!v) {
            return std::nullopt;
        }
        return v->is_string() ? std::string{v->as_string()} : boost::json::serialize(*v);
    }
    for (const auto& p : parts_) {
        if (p.name == name) {
            return p.file_name ? *p.file_name : p.body;
        }
    }
    return std::nullopt;
}

} // namespace helpdesk::server
