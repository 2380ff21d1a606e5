#pragma once

#include <wire/ticket_views.hpp>
#include <wire/view_options.hpp>

#include <boost/json/object.hpp>

#include <optional>
#include <vector>

/// The C ABI's results are the wire views (wire/) in their compact shape and
/// without links: the ABI hands out no signed URLs, so an account has no
/// `image_url` and an attachment no `download_url` (include/helpdesk/c.h).
namespace helpdesk::capi {

/// The view options of every C result.
inline constexpr wire::view_options c_view{.links = nullptr, .compact = true};

/// A ticket with the people it names (a list row), SLA states at `as_of`.
[[nodiscard]] inline boost::json::object ticket_json(const ticket& t, const std::vector<account_summary>& people,
                                                     time_point as_of) {
    return wire::ticket_json(t, people, std::nullopt, as_of, c_view);
}

/// The detail view: the list row plus `attachments` and `comments`.
[[nodiscard]] inline boost::json::object ticket_details_json(const ticket_details& d) {
    return wire::ticket_details_json(d, c_view);
}

} // namespace helpdesk::capi
