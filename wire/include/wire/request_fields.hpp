#pragma once

#include <helpdesk/error.hpp>
#include <helpdesk/services/ticket_service.hpp>

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace helpdesk::wire {

/// One part of a multipart form, as the server parsed it.
struct form_field {
    std::string name;
    std::optional<std::string> file_name{}; ///< set for a file, absent for a text field
    std::string body{};
};

/// The fields of a request body: a JSON object (HTTP and C) or a multipart
/// form (HTTP routes that take files). Accessors read one field each; a
/// field of the wrong type is noted, not thrown, so that `check()` reports
/// every bad field at once. JSON null counts as absent; unknown fields are
/// ignored.
class request_fields {
public:
    /// The members of a JSON object.
    explicit request_fields(boost::json::object members = {});
    /// The fields of a multipart form, in the order sent.
    explicit request_fields(std::vector<form_field> parts);

    /// Whether the field was sent at all (even as null).
    [[nodiscard]] bool has(std::string_view name) const;
    /// A text field.
    [[nodiscard]] std::optional<std::string> text(std::string_view name);
    /// A text field that must be present and non-null ("" when it is not, and noted).
    [[nodiscard]] std::string required_text(std::string_view name);
    /// A boolean: JSON true/false, or form "true"/"false"/"1"/"0".
    [[nodiscard]] std::optional<bool> flag(std::string_view name);
    /// A positive integer id: a JSON integer, or decimal text.
    [[nodiscard]] std::optional<std::int64_t> id(std::string_view name);
    /// Every uploaded file under `name` (multipart only; none from JSON).
    [[nodiscard]] std::vector<new_attachment> files(std::string_view name);
    /// A field present in any type (null included), as text: for fields a
    /// caller may not set at all, which the services refuse when present.
    [[nodiscard]] std::optional<std::string> raw(std::string_view name) const;
    /// The name of every field sent, in order (repeated multipart names repeat).
    [[nodiscard]] std::vector<std::string> names() const;
    /// The JSON object itself (empty for a multipart form), for the readers
    /// of nested bodies such as `read_sla_policy`.
    [[nodiscard]] const boost::json::object& object() const noexcept { return members_; }

    /// Notes a problem with a field found by the caller.
    void refuse(std::string_view name, std::string message);
    /// Throws invalid_argument naming every field noted so far; nothing when none.
    void check() const;

private:
    boost::json::object members_;
    std::vector<form_field> parts_{};
    bool multipart_ = false;
    field_errors problems_{};
};

/// Throws invalid_argument for the problems noted (nothing when there are
/// none): "The <noun> X is not valid." for one name, "Some <noun>s are not
/// valid: X, Y." for several, with `problems` as the field errors.
void throw_problems(const field_errors& problems, std::string_view noun);

} // namespace helpdesk::wire
