#pragma once

#include <wire/view_options.hpp>

#include <helpdesk/domain/account.hpp>
#include <helpdesk/domain/api_key.hpp>
#include <helpdesk/services/ticket_service.hpp>

#include <boost/json/object.hpp>
#include <boost/json/storage_ptr.hpp>

/// The JSON shapes of accounts and what hangs off them.
namespace helpdesk::wire {

/// An account as its owner and staff see it (never the password hash);
/// `image_url` (null without a picture) only with `options.links`.
[[nodiscard]] boost::json::object account_json(const account& a, const view_options& options);
/// One entry of an account's history: `{id, account, actor, at, field,
/// old_value, new_value}` (null for an absent value).
[[nodiscard]] boost::json::object account_history_json(const account_history_entry& e);
/// A person inside a ticket: `{id, first_name, last_name, email, role}`.
[[nodiscard]] boost::json::object person_json(const account_summary& p, boost::json::storage_ptr sp = {});
/// The audit row kept when a sign-up is rejected.
[[nodiscard]] boost::json::object rejection_json(const rejected_account& r);
/// An API key as lists show it: `{id, name, prefix, created_at, created_by,
/// revoked_at, last_used_at}`; never the key or its hash.
[[nodiscard]] boost::json::object api_key_json(const api_key& k);
/// A key just made: `api_key_json` plus `key`, the key itself (the only time
/// it is ever shown).
[[nodiscard]] boost::json::object created_api_key_json(const created_api_key& made);

} // namespace helpdesk::wire
