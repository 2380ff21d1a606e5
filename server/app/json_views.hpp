#pragma once

#include "app/call.hpp"

#include <wire/account_views.hpp>
#include <wire/json_arena.hpp>
#include <wire/list_queries.hpp>
#include <wire/ticket_views.hpp>
#include <wire/view_options.hpp>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/storage_ptr.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

/// How the server shows resources: the wire views (wire/) in their full
/// shape, files as short-lived signed URLs for the caller, pages with links.
namespace helpdesk::server {

using wire::json_arena;

/// Makes signed URLs for one caller (`u` = the caller, so a leaked link
/// grants nothing beyond what that person may already see, briefly).
class url_signer final : public wire::link_builder {
public:
    /// Links for `user`, signed with the server's secret.
    url_signer(const app& shared, account_id user) : shared_(shared), user_(user) {}
    /// `path` + `?u=..&exp=..&sig=..`.
    [[nodiscard]] std::string link(const std::string& path) const override;

private:
    const app& shared_;
    account_id user_;
};

/// The HTTP API's views with file links signed by `urls`.
[[nodiscard]] inline wire::view_options http_view(const url_signer& urls) {
    return wire::view_options{.links = &urls};
}

/// An account as the HTTP API shows it, its picture signed by `urls`.
[[nodiscard]] boost::json::object account_json(const account& a, const url_signer& urls);
/// A ticket as the HTTP API lists it, with what `viewer` may do to it and
/// its SLA states at `as_of`.
[[nodiscard]] boost::json::object ticket_json(const ticket& t, const std::vector<account_summary>& people,
                                              const std::optional<actor>& viewer, time_point as_of,
                                              boost::json::storage_ptr sp = {});
/// A ticket's detail view as the HTTP API shows it, files signed by `urls`.
[[nodiscard]] boost::json::object ticket_details_json(const ticket_details& d, const url_signer& urls,
                                                      boost::json::storage_ptr sp = {});

/// `{"count", "next", "previous", "results"}`, with `next` and `previous`
/// as links that keep the request's other query parameters (a cursor link
/// when `next_cursor` is set; no page links on a cursor request).
[[nodiscard]] boost::json::object page_json(const call& c, boost::json::array results, const page_info& page,
                                            const page_request& asked);

} // namespace helpdesk::server
