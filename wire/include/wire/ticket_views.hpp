#pragma once

#include <wire/view_options.hpp>

#include <helpdesk/domain/account.hpp>
#include <helpdesk/domain/ticket.hpp>
#include <helpdesk/ports/queries.hpp>
#include <helpdesk/rules/policy.hpp>
#include <helpdesk/services/ticket_service.hpp>

#include <boost/json/object.hpp>
#include <boost/json/storage_ptr.hpp>

#include <optional>
#include <vector>

/// The JSON shapes of tickets and what hangs off them: times RFC 3339 UTC,
/// people as objects (`{"id"}` alone when not in `people`).
namespace helpdesk::wire {

/// A ticket with the people it names, without comments and attachments (a
/// list row), its SLA fields with the states at `as_of` (sla_state_view.hpp).
/// Unless compact, also what `viewer` may do to it now: `actions` (client
/// action names) and `status_targets`, both empty without a viewer.
[[nodiscard]] boost::json::object ticket_json(const ticket& t, const std::vector<account_summary>& people,
                                              const std::optional<actor>& viewer, time_point as_of,
                                              const view_options& options, boost::json::storage_ptr sp = {});
/// The detail view: the list row plus `attachments` and the `comments`
/// `d.viewer` may read.
[[nodiscard]] boost::json::object ticket_details_json(const ticket_details& d, const view_options& options,
                                                      boost::json::storage_ptr sp = {});
/// A comment; unless compact, with `author_name` and `author_role` looked up
/// in `people` (null when the author is the workflow system or is not there).
[[nodiscard]] boost::json::object comment_json(const comment& c, const std::vector<account_summary>& people,
                                               const view_options& options, boost::json::storage_ptr sp = {});
/// An attachment: `{id, file_name, content_type, size, upload_date}`, unless
/// compact also `ticket` and `uploaded_by`, with links also `download_url`.
[[nodiscard]] boost::json::object attachment_json(const attachment& a, const view_options& options,
                                                  boost::json::storage_ptr sp = {});
/// A history row; unless compact, with `actor_name` looked up in `people`
/// (null when there is none).
[[nodiscard]] boost::json::object history_json(const history_event& e, const std::vector<account_summary>& people,
                                               const view_options& options);
/// Ticket counts by status, priority and department, and the mean times.
[[nodiscard]] boost::json::object stats_json(const ticket_stats& s);

} // namespace helpdesk::wire
