#include "app/json_views.hpp"

#include "auth/signed_url.hpp"

#include <wire/page_views.hpp>

#include <helpdesk/time.hpp>

#include <boost/url/url.hpp>

namespace helpdesk::server {

std::string url_signer::link(const std::string& path) const {
    const auto expires = unix_now() + shared_.options.signed_url_lifetime.count();
    return path + "?" + sign_url_query(path, user_, expires, shared_.options.jwt_secret);
}

boost::json::object account_json(const account& a, const url_signer& urls) {
    return wire::account_json(a, http_view(urls));
}

boost::json::object ticket_json(const ticket& t, const std::vector<account_summary>& people,
                                const std::optional<actor>& viewer, time_point as_of, boost::json::storage_ptr sp) {
    return wire::ticket_json(t, people, viewer, as_of, {}, std::move(sp));
}

boost::json::object ticket_details_json(const ticket_details& d, const url_signer& urls, boost::json::storage_ptr sp) {
    return wire::ticket_details_json(d, http_view(urls), std::move(sp));
}

namespace {
std::string link_with(const call& c, std::string_view name, const std::string& value) {
    boost::urls::url u;
    u.set_encoded_path(c.url.encoded_path());
    for (const auto& p : c.url.params()) {
        if (p.key != name && p.key != "page" && p.key != "cursor") {
            u.params().append(p);
        }
    }
    u.params().append({name, value});
    return std::string{u.buffer()};
}
} // namespace

boost::json::object page_json(const call& c, boost::json::array results, const page_info& page,
                              const page_request& asked) {
    const bool cursor_request = asked.cursor.has_value();
    std::optional<std::string> next;
    if (page.next_cursor) {
        next = link_with(c, "cursor", *page.next_cursor);
    } else if (page.has_next && !cursor_request) {
        next = link_with(c, "page", std::to_string(asked.page_number + 1));
    }
    std::optional<std::string> previous;
    if (page.has_previous && !cursor_request) {
        previous = link_with(c, "page", std::to_string(asked.page_number - 1));
    }
    return wire::page_json(std::move(results), page.count, next, previous);
}

} // namespace helpdesk::server
