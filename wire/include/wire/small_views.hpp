#pragma once

#include <helpdesk/domain/account.hpp>

#include <boost/json/object.hpp>

#include <cstdint>
#include <string_view>

/// The small bodies of single-purpose answers.
namespace helpdesk::wire {

/// `{"detail": text}`: a sentence for the person who asked.
[[nodiscard]] boost::json::object message_json(std::string_view text);
/// `{"count": n}`.
[[nodiscard]] boost::json::object count_json(std::int64_t n);
/// `{"valid": valid}`: the answer of a password check.
[[nodiscard]] boost::json::object password_check_json(bool valid);

/// A signed-in session's tokens and who it belongs to: `{access, refresh,
/// token_type "Bearer", expires_in (seconds of the access token), id, email,
/// role, first_name, last_name, company_id, department}`.
[[nodiscard]] boost::json::object token_pair_json(std::string_view access, std::string_view refresh,
                                                  std::int64_t expires_in, const account& a);

} // namespace helpdesk::wire
