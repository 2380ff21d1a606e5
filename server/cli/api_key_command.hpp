#pragma once

#include <helpdesk/engine.hpp>
#include <helpdesk/ids.hpp>

#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

namespace helpdesk::server {

/// `helpdesk-server api-key create NAME | list | revoke ID`: the operator
/// manages the workflow system's API keys on the server's store, without a
/// running server or an account.
struct api_key_command {
    /// What to do.
    enum class action { create, list, revoke };
    action what = action::list;
    std::string name{};  ///< `create`: the key's name
    row_id id = 0;       ///< `revoke`: the key's id
};

/// Reads the words after `api-key` (flags already taken out). Throws
/// `error{invalid_argument}` with a usage sentence for a missing or unknown
/// action, a missing or extra argument, or an id that is not a positive
/// whole number.
[[nodiscard]] api_key_command parse_api_key_command(std::span<const std::string_view> words);

/// Runs `command` on `desk` as the operator. `create` prints the key alone
/// on a line of `out` (so `KEY=$(helpdesk-server api-key create erp)` works)
/// and what it is to `note`; `list` prints a table to `out`; `revoke` a line
/// to `note`. Throws what the engine throws (`error{not_found}` for an
/// unknown id, `error{invalid_argument}` for a bad name).
void run_api_key_command(const api_key_command& command, engine& desk, std::ostream& out, std::ostream& note);

/// The usage lines of the sub-command, for `--help`.
[[nodiscard]] std::string_view api_key_command_usage() noexcept;

} // namespace helpdesk::server
