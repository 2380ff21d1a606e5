#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace helpdesk::detail {

/// Builds one flat JSON object for outbox payloads. The core only writes
/// JSON (readers parse it with a real library), so escaping is all it needs.
class json_object {
public:
    json_object& add(std::string_view key, std::string_view value);
    json_object& add(std::string_view key, const std::string& value) { return add(key, std::string_view{value}); }
    json_object& add(std::string_view key, const char* value) { return add(key, std::string_view{value}); }
    json_object& add(std::string_view key, std::int64_t value);
    json_object& add(std::string_view key, bool value);
    /// Adds the value, or `null` when absent.
    json_object& add(std::string_view key, const std::optional<std::string>& value);
    json_object& add(std::string_view key, const std::optional<std::int64_t>& value);
    /// The finished object text.
    [[nodiscard]] std::string str() const { return body_ + "}"; }

private:
    void key(std::string_view k);
    std::string body_ = "{";
};

/// `text` as a JSON string literal, quotes included.
[[nodiscard]] std::string json_quote(std::string_view text);

} // namespace helpdesk::detail
