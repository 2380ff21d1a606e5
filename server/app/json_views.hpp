#pragma once

#include "app/call.hpp"

#include <helpdesk/domain/account.hpp>
#include <helpdesk/domain/api_key.hpp>
#include <helpdesk/domain/ticket.hpp>
#include <helpdesk/engine.hpp>
#include <helpdesk/ports/queries.hpp>
#include <helpdesk/rules/policy.hpp>
#include <helpdesk/services/ticket_service.hpp>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/storage_ptr.hpp>

#include <cstddef>
#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <vector>

/// The one JSON shape of each resource (spec §4): times RFC 3339 UTC,
/// people as objects, files as short-lived signed URLs for the caller.
namespace helpdesk::server {

/// A per-request arena for building a response's JSON: one stack buffer
/// instead of an allocation per value (lists build hundreds). Values built
/// on `storage()` must not outlive the arena.
class json_arena {
public:
    /// The arena's storage, for the builders below.
    [[nodiscard]] boost::json::storage_ptr storage() noexcept { return boost::json::storage_ptr(&resource_); }

private:
    alignas(std::max_align_t) unsigned char buffer_[16 * 1024];
    boost::json::monotonic_resource resource_{buffer_, sizeof buffer_};
};

/// Makes signed URLs for one caller (`u` = the caller, so a leaked link
/// grants nothing beyond what that person may already see, briefly).
struct url_signer {
    const app& ctx;
    account_id user = 0;
    /// `path` + `?u=..&exp=..&sig=..`.
    [[nodiscard]] std::string sign(const std::string& path) const;
};

/// An account as its owner and staff see it (no password hash, image as a signed URL).
[[nodiscard]] boost::json::object account_json(const account& a, const url_signer& urls);
/// A person inside a ticket: `{id, first_name, last_name, email, role}`.
[[nodiscard]] boost::json::object person_json(const account_summary& p, boost::json::storage_ptr sp = {});
/// A ticket with the people it names, without comments and attachments (list
/// rows), and what `viewer` may do to it now: `actions` (client action names)
/// and `status_targets` from `permitted_actions`; both empty without a viewer.
[[nodiscard]] boost::json::object ticket_json(const ticket& t, const std::vector<account_summary>& people,
                                              const std::optional<actor>& viewer, boost::json::storage_ptr sp = {});
/// The detail view: the list row plus attachments (with signed URLs) and
/// comments (with their authors' names), for `d.viewer`.
[[nodiscard]] boost::json::object ticket_details_json(const ticket_details& d, const url_signer& urls,
                                                      boost::json::storage_ptr sp = {});
/// A comment, with `author_name` and `author_role` looked up in `people`
/// (null when the author is the workflow system or no longer exists).
[[nodiscard]] boost::json::object comment_json(const comment& c, const std::vector<account_summary>& people,
                                               boost::json::storage_ptr sp = {});
/// An attachment with its signed download URL.
[[nodiscard]] boost::json::object attachment_json(const attachment& a, const url_signer& urls,
                                                  boost::json::storage_ptr sp = {});
/// A history row, with `actor_name` looked up in `people` (null when there is none).
[[nodiscard]] boost::json::object history_json(const history_event& e, const std::vector<account_summary>& people);
/// A rejection audit row.
[[nodiscard]] boost::json::object rejected_json(const rejected_account& r);
/// An API key as lists show it: `{id, name, prefix, created_at, created_by,
/// revoked_at, last_used_at}`; never the key or its hash.
[[nodiscard]] boost::json::object api_key_json(const api_key& k);
/// The catalogue a client builds its forms from: departments, categories,
/// priorities, statuses, roles, suffixes, attachment and picture limits, and
/// the password rule (`GET /api/catalog/`).
[[nodiscard]] boost::json::object catalog_json(const engine_options& options);
/// The stats endpoint's body.
[[nodiscard]] boost::json::object stats_json(const ticket_stats& s);

/// `{"count", "next", "previous", "results"}` for offset pages, with `next`
/// and `previous` as links that keep the request's other query parameters.
/// The page object uses the storage of `results`.
[[nodiscard]] boost::json::object page_json(const call& c, boost::json::array results, std::optional<std::int64_t> count,
                                            std::int64_t page_number, bool has_next, bool has_previous,
                                            const std::optional<std::string>& next_cursor);

/// JSON null or the text.
[[nodiscard]] boost::json::value optional_text(const std::optional<std::string>& text);

} // namespace helpdesk::server
