#pragma once

// Request bodies and list readers shared by the route tests: a sign-up and a
// ticket (as JSON or as a multipart form), the admin's view of every account,
// the ids of a list page, and a ticket already approved by staff.

#include "server_fixture.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace http_test {

/// A valid sign-up body for `email` (the fixture's password, IT Department).
inline boost::json::object sign_up_body(const std::string& email, const std::string& first_name = "Sam",
                                        const std::string& last_name = "Signup") {
    return test_support::sign_up_json(email, first_name, last_name, test_password);
}

/// A valid sign-up as multipart form fields (Asset Department).
inline std::vector<form_field> sign_up_form(const std::string& email) {
    return {{"email", email},
            {"first_name", "Mona"},
            {"last_name", "Multipart"},
            {"department", "Asset Department"},
            {"password", test_password},
            {"confirm_password", test_password}};
}

/// A valid ticket body.
inline boost::json::object ticket_body(const std::string& subject = "Monitor is dark") {
    return {{"subject", subject},
            {"category", "IT Category"},
            {"sub_category", "Technical Support & Troubleshooting"},
            {"description", "It will not turn on."}};
}

/// A valid ticket as multipart form fields.
inline std::vector<form_field> ticket_form(const std::string& subject = "Keyboard sticks") {
    return {{"subject", subject},
            {"category", "IT Category"},
            {"sub_category", "Technical Support & Troubleshooting"},
            {"description", "Coffee happened."}};
}

/// A valid ticket as multipart form fields with a PNG attached (`screen.png`).
inline std::vector<form_field> ticket_form_with_png(const std::string& subject,
                                                    const std::string& description) {
    return {{"subject", subject},
            {"category", "IT Category"},
            {"sub_category", "Technical Support & Troubleshooting"},
            {"description", description},
            {"attachments", tiny_png(), "screen.png", "image/png"}};
}

/// Whether `text` is all of `prefix` followed by four or more digits.
inline bool is_numbered(std::string_view text, std::string_view prefix) {
    if (!text.starts_with(prefix) || text.size() < prefix.size() + 4) {
        return false;
    }
    const auto digits = text.substr(prefix.size());
    return std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// A company id: MA and four or more digits.
inline bool is_company_id(std::string_view text) {
    return is_numbered(text, "MA");
}

/// A ticket number: TX and four or more digits.
inline bool is_ticket_number(std::string_view text) {
    return is_numbered(text, "TX");
}

/// Every account the admin can see (one page of up to 100).
template <class Fixture>
boost::json::array all_accounts(Fixture& f, const std::string& query = "") {
    const auto r = f.http().get("/api/employees/?page_size=100" + query, f.admin().access);
    REQUIRE_MESSAGE(r.status == 200, r.body);
    return r.json().at("results").as_array();
}

/// The admin's view of the account with that email, if it is listed.
template <class Fixture>
std::optional<boost::json::object> account_by_email(Fixture& f, const std::string& email) {
    for (const auto& a : all_accounts(f)) {
        if (a.at("email").as_string() == email) {
            return a.as_object();
        }
    }
    return std::nullopt;
}

/// The number of tickets the bearer of `token` can see, through the list.
template <class Fixture>
std::int64_t visible_count(Fixture& f, const std::string& token) {
    const auto r = f.http().get("/api/tickets/", token);
    REQUIRE_MESSAGE(r.status == 200, r.body);
    return r.number("count");
}

/// The ids of a list page's results, in order (the reply must be a 200).
inline std::vector<std::int64_t> ids_of(const reply& r) {
    REQUIRE_MESSAGE(r.status == 200, r.body);
    std::vector<std::int64_t> out;
    for (const auto doc = r.json(); const auto& t : doc.at("results").as_array()) {
        out.push_back(t.at("id").as_int64());
    }
    return out;
}

/// The ids of a list page's results, as a set.
inline std::set<std::int64_t> id_set(const reply& r) {
    const auto ids = ids_of(r);
    return {ids.begin(), ids.end()};
}

/// What walking a list's pages found.
struct walked_pages {
    std::set<std::int64_t> ids{}; ///< every id listed (each must come once)
    int pages = 0;                ///< the number of pages
};

/// Follows a list's `next` links from `url` as the bearer of `token` (ten
/// pages at most), checking that no id is listed twice; `each(page, next)`
/// sees every page and the link to the one after it ("" on the last).
template <class Each>
walked_pages walk_pages(client& web, std::string url, const std::string& token, Each&& each) {
    walked_pages out;
    while (true) {
        const auto r = web.get(url, token);
        for (const auto id : ids_of(r)) {
            CHECK(out.ids.insert(id).second);
        }
        ++out.pages;
        const auto doc = r.json();
        const auto& next = doc.at("next");
        each(r, next.is_null() ? std::string{} : std::string{next.as_string()});
        if (next.is_null()) {
            return out;
        }
        url = std::string{next.as_string()};
        REQUIRE(out.pages < 10);
    }
}

/// A new ticket of `owner`'s, approved by `staff` through the engine, as
/// `staff` reads it over HTTP.
template <class Fixture>
boost::json::object approved_ticket(Fixture& f, const person& owner, const person& staff) {
    const auto t = f.ticket(owner);
    const auto id = t.at("id").as_int64();
    f.desk().tickets().approve(staff.id, id, {});
    const auto r = f.http().get("/api/tickets/" + std::to_string(id) + "/", staff.access);
    REQUIRE(r.status == 200);
    return r.json().as_object();
}

} // namespace http_test
