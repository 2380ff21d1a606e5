#include "app/form.hpp"

#include "app/http_failure.hpp"
#include "http/multipart.hpp"

#include <helpdesk/error.hpp>

#include <boost/beast/core/string.hpp>
#include <boost/json/parse.hpp>

namespace helpdesk::server {

namespace {

std::string_view media_type(std::string_view content_type) noexcept {
    auto end = content_type.find(';');
    auto type = content_type.substr(0, end);
    while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) {
        type.remove_suffix(1);
    }
    return type;
}

// Reads one field and refuses its problem at once.
template <class Read>
auto checked(wire::request_fields& fields, Read read) {
    auto value = read(fields);
    fields.check();
    return value;
}

} // namespace

form form::read(const call& c, bool allow_multipart) {
    const auto& body = c.req.body();
    if (body.empty()) {
        return form{wire::request_fields{}};
    }
    const auto content_type = c.header("Content-Type").value_or("");
    if (allow_multipart && is_multipart_form(content_type)) {
        std::vector<wire::form_field> fields;
        for (auto& part : parse_multipart(content_type, body)) {
            fields.push_back({std::move(part.name), std::move(part.file_name), std::move(part.body)});
        }
        return form{wire::request_fields{std::move(fields)}};
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
    return form{wire::request_fields{std::move(value.as_object())}};
}

bool form::has(std::string_view name) const {
    return fields_.has(name);
}

std::optional<std::string> form::text(std::string_view name) const {
    return checked(fields_, [&](auto& f) { return f.text(name); });
}

std::string form::required_text(std::string_view name) const {
    return checked(fields_, [&](auto& f) { return f.required_text(name); });
}

std::optional<bool> form::flag(std::string_view name) const {
    return checked(fields_, [&](auto& f) { return f.flag(name); });
}

std::optional<std::int64_t> form::id(std::string_view name) const {
    return checked(fields_, [&](auto& f) { return f.id(name); });
}

std::vector<new_attachment> form::files(std::string_view name) const {
    return checked(fields_, [&](auto& f) { return f.files(name); });
}

std::optional<std::string> form::raw(std::string_view name) const {
    return fields_.raw(name);
}

std::vector<std::string> form::names() const {
    return fields_.names();
}

} // namespace helpdesk::server
