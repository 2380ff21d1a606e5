#pragma once

#include <helpdesk/error.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace helpdesk::detail {

/// Collects per-field messages while a request is validated, then throws one
/// `error{invalid_argument}` carrying all of them.
class field_checker {
public:
    /// Records a message for `field`. `kind` says what is wrong with it:
    /// when every failure has the same kind (say, all files too large), that
    /// is the error's code; mixed kinds are `invalid_argument`.
    void fail(const std::string& field, std::string message, errc kind = errc::invalid_argument);
    /// True when nothing has failed.
    [[nodiscard]] bool ok() const noexcept { return fields_.empty(); }
    /// Throws `error{code, detail, fields}` when anything failed; with the
    /// default code, the failures' common kind (see `fail`) wins.
    void throw_if_failed(std::string_view detail = "invalid input", errc code = errc::invalid_argument) const;

    /// Required text: valid UTF-8 without control characters (line breaks and
    /// tabs allowed), non-blank after trimming, at most `max_chars` characters
    /// (UTF-8 code points). Returns the trimmed text.
    std::string text(const std::string& field, std::string_view value, std::size_t max_chars);
    /// Like `text`, on one line: no line breaks or tabs either (names, subjects, file names).
    std::string line(const std::string& field, std::string_view value, std::size_t max_chars);
    /// Like `line`, and it must also contain a letter.
    std::string titled_text(const std::string& field, std::string_view value, std::size_t max_chars);
    /// A person's name: letters, spaces, `.`, `-`, `'`, with at least one letter, ≤ 100.
    std::string person_name(const std::string& field, std::string_view value);
    /// An optional name: absent or blank gives nullopt, otherwise as `person_name`.
    std::optional<std::string> optional_person_name(const std::string& field,
                                                    const std::optional<std::string>& value);
    /// A plausible email address (≤ 254 chars, one `@`, dotted domain). Returns it trimmed.
    std::string email(const std::string& field, std::string_view value);
    /// Refuses a field that must not be sent at all.
    void forbidden(const std::string& field, bool present, std::string_view why);

private:
    field_errors fields_;
    errc kind_ = errc::invalid_argument;
};

/// Whitespace trimmed from both ends.
[[nodiscard]] std::string_view trim(std::string_view text) noexcept;
/// Number of UTF-8 code points in `text`.
[[nodiscard]] std::size_t utf8_length(std::string_view text) noexcept;

} // namespace helpdesk::detail
