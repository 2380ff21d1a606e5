#pragma once

#include <helpdesk/domain/account.hpp>
#include <helpdesk/domain/ticket.hpp>
#include <helpdesk/ports/queries.hpp>
#include <helpdesk/services/ticket_service.hpp>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <vector>

/// The JSON results of the C ABI: the HTTP API's shapes and field names
/// (server/app/json_views.cpp), without its URLs: the ABI hands out no signed
/// links, so an account has no `image_url` and an attachment no `download_url`.
namespace helpdesk::capi {

/// An account (never its password hash).
[[nodiscard]] boost::json::object account_json(const account& a);
/// A rejection audit row.
[[nodiscard]] boost::json::object rejection_json(const rejected_account& r);
/// A ticket with the people it names (a list row); people not in `people` appear as `{"id"}`.
[[nodiscard]] boost::json::object ticket_json(const ticket& t, const std::vector<account_summary>& people);
/// The detail view: the list row plus `attachments` and `comments`.
[[nodiscard]] boost::json::object ticket_details_json(const ticket_details& d);
/// `{"count", "next_cursor", "has_next", "has_previous", "results"}`.
[[nodiscard]] boost::json::object ticket_page_json(const ticket_list& page);
/// A comment.
[[nodiscard]] boost::json::object comment_json(const comment& c);
/// An attachment: `{id, file_name, content_type, size, upload_date}`.
[[nodiscard]] boost::json::object attachment_json(const attachment& a);
/// A history row.
[[nodiscard]] boost::json::object history_json(const history_event& e);
/// The stats body.
[[nodiscard]] boost::json::object stats_json(const ticket_stats& s);

} // namespace helpdesk::capi
