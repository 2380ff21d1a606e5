#pragma once

#include "app/call.hpp"

#include <wire/request_fields.hpp>

#include <helpdesk/services/ticket_service.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace helpdesk::server {

/// The fields of a request body, from a JSON object or (where a route takes
/// files) a multipart form, read by the wire layer's `request_fields`.
/// Accessors refuse a field of the wrong type at once with
/// `error{invalid_argument}` naming it.
class form {
public:
    /// Reads the body of `c`. An empty body is an empty form; a JSON body
    /// must be an object; multipart only when `allow_multipart`; any other
    /// media type is 415.
    [[nodiscard]] static form read(const call& c, bool allow_multipart);

    /// Whether the field was sent at all (even as null).
    [[nodiscard]] bool has(std::string_view name) const;
    /// A text field; JSON null counts as absent.
    [[nodiscard]] std::optional<std::string> text(std::string_view name) const;
    /// A text field that must be present and non-null.
    [[nodiscard]] std::string required_text(std::string_view name) const;
    /// A boolean (JSON true/false, or form "true"/"false"/"1"/"0").
    [[nodiscard]] std::optional<bool> flag(std::string_view name) const;
    /// A positive integer (JSON number or decimal text).
    [[nodiscard]] std::optional<std::int64_t> id(std::string_view name) const;
    /// Every uploaded file under `name` (multipart only).
    [[nodiscard]] std::vector<new_attachment> files(std::string_view name) const;
    /// Any field at all, text or not (to refuse fields a client may not set).
    [[nodiscard]] std::optional<std::string> raw(std::string_view name) const;
    /// The name of every field sent, in order (repeated multipart names repeat).
    [[nodiscard]] std::vector<std::string> names() const;
    /// The fields themselves, for the wire layer's body readers (which
    /// report every bad field at once).
    [[nodiscard]] wire::request_fields& fields() const { return fields_; }

private:
    explicit form(wire::request_fields fields) : fields_(std::move(fields)) {}
    // Each accessor throws its field's problem at once, so nothing noted
    // outlives a call: reading stays logically const.
    mutable wire::request_fields fields_;
};

} // namespace helpdesk::server
