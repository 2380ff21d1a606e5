#pragma once

// The scene of the lifecycle tests: an admin, a coordinator and two employees
// at one desk, tickets moved through the engine to any status, the ticket
// actions over HTTP, and the check that a refusal changed nothing.

#include "api_checks.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace http_test::routes {

/// Four people at one desk (the admin, a coordinator, Alice and Bob) and the
/// ticket actions they take over HTTP.
template <class Fixture>
struct desk_scene {
    Fixture& f;
    person admin;
    person coordinator;
    person alice;
    person bob;

    explicit desk_scene(Fixture& fixture)
        : f(fixture),
          admin(fixture.admin()),
          coordinator(fixture.account("Cora", "Ticket Coordinator")),
          alice(fixture.account("Alice")),
          bob(fixture.account("Bob")) {}

    /// POST /api/tickets/{id}/{action}/ with a JSON body.
    reply act(std::int64_t id, const std::string& action, const person& who,
              const boost::json::value& body = boost::json::object{}, header_list headers = {}) {
        return f.http().post("/api/tickets/" + std::to_string(id) + "/" + action + "/", body, who.access,
                             std::move(headers));
    }

    /// The ticket as staff see it now.
    boost::json::object read(std::int64_t id) {
        const auto r = f.http().get("/api/tickets/" + std::to_string(id) + "/", admin.access);
        REQUIRE_MESSAGE(r.status == 200, r.body);
        return r.json().as_object();
    }

    /// A new ticket of Alice's, moved through the engine to `status`.
    std::int64_t ticket_in(const std::string& status) {
        const auto id = f.ticket(alice).at("id").as_int64();
        auto& t = f.desk().tickets();
        if (status == "New") {
            return id;
        }
        if (status == "Rejected") {
            t.reject(coordinator.id, id, "Out of scope.");
            return id;
        }
        if (status == "Withdrawn") {
            t.withdraw(alice.id, id);
            return id;
        }
        t.approve(coordinator.id, id, {});
        if (status == "Open") {
            return id;
        }
        t.claim(coordinator.id, id);
        if (status == "In Progress") {
            return id;
        }
        if (status == "On Hold" || status == "Pending") {
            t.update_status(coordinator.id, id, status);
            return id;
        }
        t.update_status(coordinator.id, id, "Resolved");
        if (status == "Resolved") {
            return id;
        }
        REQUIRE(status == "Closed");
        t.close(alice.id, id);
        return id;
    }

    /// Checks that a refusal left the ticket exactly as it was.
    void unchanged(std::int64_t id, const boost::json::object& before) {
        const auto now = read(id);
        CHECK_MESSAGE(now == before, "before: " << boost::json::serialize(before) << "\nafter: " << boost::json::serialize(now));
    }

    /// A refusal: status, error code, and nothing changed.
    void refused(std::int64_t id, const reply& r, unsigned status, std::string_view code) {
        const auto before = last_seen_.contains(id) ? last_seen_.at(id) : boost::json::object{};
        check_error(r, status, code);
        if (!before.empty()) {
            unchanged(id, before);
        }
    }

    /// For a staff-only `action` (with `body`): checks that a New ticket
    /// refuses it to the coordinator (409) and an Open one to Alice, its
    /// owner (403), and to Bob (404), each changing nothing; returns that Open
    /// ticket, remembered.
    std::int64_t open_ticket_for_staff_only(const std::string& action,
                                            const boost::json::value& body = boost::json::object{}) {
        const auto fresh = ticket_in("New");
        remember(fresh);
        refused(fresh, act(fresh, action, coordinator, body), 409, "invalid_state");
        const auto id = ticket_in("Open");
        remember(id);
        refused(id, act(id, action, alice, body), 403, "permission_denied");
        refused(id, act(id, action, bob, body), 404, "not_found");
        return id;
    }

    /// Remembers the ticket's current state for `refused`.
    void remember(std::int64_t id) { last_seen_[id] = read(id); }

    /// Checks that the coordinator cannot move ticket `id` to any of
    /// `targets`: each is a 409 that changes nothing and, unless `named` is
    /// empty, whose detail names it.
    void jumps_refused(std::int64_t id, std::initializer_list<const char*> targets, std::string_view named = {}) {
        remember(id);
        for (const std::string to : targets) {
            CAPTURE(to);
            const auto r = act(id, "update-status", coordinator, {{"status", to}});
            refused(id, r, 409, "invalid_state");
            if (!named.empty()) {
                CHECK(r.text("detail").find(named) != std::string::npos);
            }
        }
    }

private:
    std::map<std::int64_t, boost::json::object> last_seen_{};
};

/// The texts of a list of comments, in order.
inline std::vector<std::string> comment_texts(const boost::json::value& list) {
    std::vector<std::string> out;
    for (const auto& c : list.as_array()) {
        out.emplace_back(c.at("text").as_string());
    }
    return out;
}

/// Whether any of `texts` contains `needle`.
inline bool contains_text(const std::vector<std::string>& texts, std::string_view needle) {
    return std::any_of(texts.begin(), texts.end(), [&](const auto& t) { return t.find(needle) != std::string::npos; });
}

} // namespace http_test::routes
