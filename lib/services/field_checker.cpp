#include "services/field_checker.hpp"

#include "services/unicode_text.hpp"

#include <algorithm>

namespace helpdesk::detail {
namespace {
bool is_ascii_letter(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool valid_utf8(std::string_view s) noexcept {
    for (std::size_t pos = 0; pos < s.size();) {
        if (!next_code_point(s, pos)) {
            return false;
        }
    }
    return true;
}

bool has_forbidden(std::string_view s, bool multi_line) noexcept {
    for (std::size_t pos = 0; pos < s.size();) {
        if (const auto c = next_code_point(s, pos); !c || is_forbidden_in_text(*c, multi_line)) {
            return true;
        }
    }
    return false;
}

bool has_letter(std::string_view s) noexcept {
    for (std::size_t pos = 0; pos < s.size();) {
        if (const auto c = next_code_point(s, pos); c && is_letter(*c)) {
            return true;
        }
    }
    return false;
}

// Letters (with their combining accents) and the few separators names use.
bool name_characters_only(std::string_view s) noexcept {
    for (std::size_t pos = 0; pos < s.size();) {
        const auto c = next_code_point(s, pos);
        if (!c || !(is_letter(*c) || is_combining_mark(*c) || *c == U' ' || *c == U'.' || *c == U'-' || *c == U'\'')) {
            return false;
        }
    }
    return true;
}
} // namespace

std::string_view trim(std::string_view text) noexcept {
    const auto first = text.find_first_not_of(" \t\r\n\f\v");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(" \t\r\n\f\v");
    return text.substr(first, last - first + 1);
}

std::size_t utf8_length(std::string_view text) noexcept {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

void field_checker::fail(const std::string& field, std::string message, errc kind) {
    if (fields_.empty()) {
        kind_ = kind;
    } else if (kind_ != kind) {
        kind_ = errc::invalid_argument;
    }
    fields_[field].push_back(std::move(message));
}

void field_checker::throw_if_failed(std::string_view detail, errc code) const {
    if (!fields_.empty()) {
        throw error(code == errc::invalid_argument ? kind_ : code, std::string{detail}, fields_);
    }
}

namespace {
enum class lines { one, many };

std::string checked_text(field_checker& check, const std::string& field, std::string_view value,
                         std::size_t max_chars, lines kind) {
    const auto trimmed = trim(value);
    if (!valid_utf8(trimmed)) {
        check.fail(field, "Must be valid UTF-8 text.");
        return {};
    }
    if (has_forbidden(trimmed, kind == lines::many)) {
        check.fail(field, kind == lines::many ? "Control characters are not allowed."
                                              : "Control characters and line breaks are not allowed.");
        return {};
    }
    if (trimmed.empty()) {
        check.fail(field, "This field is required.");
    } else if (utf8_length(trimmed) > max_chars) {
        check.fail(field, "Ensure this field has no more than " + std::to_string(max_chars) + " characters.");
    }
    return std::string{trimmed};
}
} // namespace

std::string field_checker::text(const std::string& field, std::string_view value, std::size_t max_chars) {
    return checked_text(*this, field, value, max_chars, lines::many);
}

std::string field_checker::line(const std::string& field, std::string_view value, std::size_t max_chars) {
    return checked_text(*this, field, value, max_chars, lines::one);
}

std::string field_checker::titled_text(const std::string& field, std::string_view value, std::size_t max_chars) {
    auto result = line(field, value, max_chars);
    if (!result.empty() && !has_letter(result)) {
        fail(field, "Must contain at least one letter.");
    }
    return result;
}

std::string field_checker::person_name(const std::string& field, std::string_view value) {
    auto result = line(field, value, 100);
    if (result.empty()) {
        return result;
    }
    if (!name_characters_only(result)) {
        fail(field, "Only letters, spaces, periods, hyphens and apostrophes are allowed.");
    } else if (!has_letter(result)) {
        fail(field, "Must contain at least one letter.");
    }
    return result;
}

std::optional<std::string> field_checker::optional_person_name(const std::string& field,
                                                               const std::optional<std::string>& value) {
    if (!value || trim(*value).empty()) {
        return std::nullopt;
    }
    return person_name(field, *value);
}

std::string field_checker::email(const std::string& field, std::string_view value) {
    const std::string result{trim(value)};
    if (result.empty()) {
        fail(field, "This field is required.");
        return result;
    }
    const auto at = result.find('@');
    const bool one_at = at != std::string::npos && result.find('@', at + 1) == std::string::npos;
    const auto local = one_at ? std::string_view{result}.substr(0, at) : std::string_view{};
    const auto domain = one_at ? std::string_view{result}.substr(at + 1) : std::string_view{};
    // ASCII only: both stores then agree on case-insensitive uniqueness.
    const bool clean = std::none_of(result.begin(), result.end(), [](char c) {
        return static_cast<unsigned char>(c) <= ' ' || static_cast<unsigned char>(c) >= 0x7F || c == '<' || c == '>' || c == ',' || c == ';' ||
               c == '"' || c == '(' || c == ')' || c == '[' || c == ']' || c == '\\';
    });
    const bool domain_ok = domain.size() >= 3 && domain.find('.') != std::string_view::npos &&
                           domain.front() != '.' && domain.back() != '.' && domain.front() != '-' &&
                           domain.find("..") == std::string_view::npos &&
                           std::all_of(domain.begin(), domain.end(), [](char c) {
                               return is_ascii_letter(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
                           });
    if (result.size() > 254) {
        fail(field, "Ensure this field has no more than 254 characters.");
    } else if (!one_at || local.empty() || local.size() > 64 || !clean || !domain_ok ||
               local.front() == '.' || local.back() == '.') {
        fail(field, "Enter a valid email address.");
    }
    return result;
}

void field_checker::forbidden(const std::string& field, bool present, std::string_view why) {
    if (present) {
        fail(field, std::string{why});
    }
}

} // namespace helpdesk::detail
