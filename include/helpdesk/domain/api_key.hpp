#pragma once

#include <helpdesk/ids.hpp>
#include <helpdesk/time.hpp>

#include <optional>
#include <string>

namespace helpdesk {

/// A stored API key of an external system (the workflow system of docs/product.md#workflow-system),
/// as lists show it. The key itself is never kept: the store holds only its
/// SHA-256, and this record carries neither.
struct api_key {
    row_id id = 0;
    std::string name{};                       ///< what the key is for, chosen by its creator (1 to 100 characters)
    std::string prefix{};                     ///< the key's first characters, to tell keys apart in lists
    std::optional<account_id> created_by{};   ///< the System Admin who made it; empty when made by the operator CLI
    time_point created_at{};
    std::optional<time_point> revoked_at{};   ///< set once revoked; a revoked key authenticates nothing
    std::optional<time_point> last_used_at{}; ///< last successful authentication, to within a minute
};

/// A key just created: its record and the key itself, which exists only in
/// this value (show it once; it cannot be recovered later).
struct created_api_key {
    api_key record{};
    std::string key{};
};

} // namespace helpdesk
