#pragma once

#include <helpdesk/error.hpp>

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace helpdesk::capi {

/// A request object passed in as JSON text. Accessors read one field each;
/// a field of the wrong type is noted (not thrown) so that `check()` can
/// report every bad field at once as `{"field": ["Must be a string."]}`.
/// JSON null counts as absent. Unknown fields are ignored, as by the HTTP API.
class request_object {
public:
    /// Parses `text`, the argument named `parameter`. Throws invalid_argument
    /// for NULL, for text that is not JSON, and for JSON that is not an object.
    [[nodiscard]] static request_object parse(const char* text, const char* parameter);
    /// Same, but NULL reads as an empty object.
    [[nodiscard]] static request_object parse_optional(const char* text, const char* parameter);

    /// A string field.
    [[nodiscard]] std::optional<std::string> text(std::string_view name);
    /// A string field, "" when absent (the services say when it is required).
    [[nodiscard]] std::string text_or_empty(std::string_view name);
    /// A field present in any type (null included), as text: for fields a
    /// caller may not set at all, which the services refuse when present.
    [[nodiscard]] std::optional<std::string> raw(std::string_view name) const;
    /// An integer field (a JSON integer).
    [[nodiscard]] std::optional<std::int64_t> integer(std::string_view name);
    /// A positive integer id.
    [[nodiscard]] std::optional<std::int64_t> id(std::string_view name);
    /// A string or an array of strings.
    [[nodiscard]] std::vector<std::string> texts(std::string_view name);

    /// Notes a problem with a field found by the caller (e.g. an unknown choice).
    void refuse(std::string_view name, std::string message);
    /// Throws invalid_argument naming every field noted so far; nothing when none.
    void check() const;

private:
    explicit request_object(boost::json::object fields) : fields_(std::move(fields)) {}
    boost::json::object fields_;
    field_errors problems_{};
};

} // namespace helpdesk::capi
