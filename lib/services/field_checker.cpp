#include "services/field_checker.hpp"

#include <algorithm>

namespace helpdesk::detail {
namespace {
bool is_ascii_letter(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
// Non-ASCII bytes belong to UTF-8 letters (é, ß, ...); names are not limited to English.
bool is_letter_byte(char c) noexcept { return is_ascii_letter(c) || static_cast<unsigned char>(c) >= 0x80; }
bool has_letter(std::string_view s) noexcept { return std::any_of(s.begin(), s.end(), is_letter_byte); }
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

void field_checker::fail(const std::string& field, std::string message) {
    fields_[field].push_back(std::move(message));
}

void field_checker::throw_if_failed(std::string_view detail) const {
    if (!fields_.empty()) {
        throw error(errc::invalid_argument, std::string{detail}, fields_);
    }
}

std::string field_checker::text(const std::string& field, std::string_view value, std::size_t max_chars) {
    const auto trimmed = trim(value);
    if (trimmed.empty()) {
        fail(field, "This field is required.");
    } else if (utf8_length(trimmed) > max_chars) {
        fail(field, "Ensure this field has no more than " + std::to_string(max_chars) + " characters.");
    }
    return std::string{trimmed};
}

std::string field_checker::titled_text(const std::string& field, std::string_view value, std::size_t max_chars) {
    auto result = text(field, value, max_chars);
    if (!result.empty() && !has_letter(result)) {
        fail(field, "Must contain at least one letter.");
    }
    return result;
}

std::string field_checker::person_name(const std::string& field, std::string_view value) {
    auto result = text(field, value, 100);
    if (result.empty()) {
        return result;
    }
    const bool allowed = std::all_of(result.begin(), result.end(), [](char c) {
        return is_letter_byte(c) || c == ' ' || c == '.' || c == '-' || c == '\'';
    });
    if (!allowed) {
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
    const bool clean = std::none_of(result.begin(), result.end(), [](char c) {
        return static_cast<unsigned char>(c) <= ' ' || c == '<' || c == '>' || c == ',' || c == ';' ||
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
