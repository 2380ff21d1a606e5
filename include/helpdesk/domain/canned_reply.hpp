#pragma once

#include <helpdesk/ids.hpp>
#include <helpdesk/time.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace helpdesk {

/// A canned reply (docs/product.md#canned-replies): a staff member's own,
/// or shared by every staff member when `owner` is empty.
struct canned_reply {
    row_id id = 0;
    std::optional<account_id> owner{};  ///< the staff member it belongs to; empty for a shared reply
    std::string title{};                ///< what the picker shows (1 to 100 characters, one line)
    std::string body{};                 ///< the text, with `{{placeholders}}` (1 to 5,000 characters)
    time_point created_at{};
    account_id created_by = 0;          ///< who made it (for a shared reply, a System Admin)
    time_point updated_at{};            ///< equal to `created_at` until it is first changed
    std::int64_t version = 1;           ///< 1 when made, bumped by every change (`If-Match`)

    /// True when every staff member sees it.
    [[nodiscard]] bool shared() const noexcept { return !owner.has_value(); }
    /// Member by member.
    [[nodiscard]] bool operator==(const canned_reply&) const = default;
};

/// What replies are ordered by: the title with ASCII letters in lower case,
/// compared byte by byte, so every store orders alike ("apple" before
/// "Zebra"; other characters as they are encoded in UTF-8).
[[nodiscard]] std::string title_sort_key(std::string_view title);

} // namespace helpdesk
