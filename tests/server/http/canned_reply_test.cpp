// Canned replies over HTTP: staff make, list, read, change (If-Match) and
// delete their own; System Admins the shared ones; a reply is rendered for a
// ticket without posting anything; every refusal in the one error shape and
// changing nothing.
#include "api_checks.hpp"

#include <set>
#include <string>

using namespace http_test;
using namespace http_test::routes;

namespace {

const std::string replies_path = "/api/canned-replies/";

std::string reply_path(std::int64_t id) { return replies_path + std::to_string(id) + "/"; }

std::string render_path(std::int64_t ticket, std::int64_t reply) {
    return "/api/tickets/" + std::to_string(ticket) + "/canned-replies/" + std::to_string(reply) + "/";
}

header_list with_json(const std::string& token, std::optional<std::string> if_match = std::nullopt) {
    auto headers = bearer(token);
    headers.emplace_back("Content-Type", "application/json");
    if (if_match) {
        headers.emplace_back("If-Match", *if_match);
    }
    return headers;
}

reply patch(client& web, std::int64_t id, const boost::json::object& body, const std::string& token,
            std::optional<std::string> if_match = std::nullopt) {
    return web.send(http::verb::patch, reply_path(id), boost::json::serialize(body), with_json(token, if_match));
}

reply remove(client& web, std::int64_t id, const std::string& token, std::optional<std::string> if_match = std::nullopt) {
    auto headers = bearer(token);
    if (if_match) {
        headers.emplace_back("If-Match", *if_match);
    }
    return web.send(http::verb::delete_, reply_path(id), "", headers);
}

std::int64_t listed_count(client& web, const std::string& token) {
    const auto r = web.get(replies_path, token);
    REQUIRE_MESSAGE(r.status == 200, r.body);
    return r.json().at("count").as_int64();
}

} // namespace

HTTP_TEST_CASE("canned replies: a coordinator makes, reads, changes with If-Match and deletes an own reply") {
    const auto [admin, coordinator, alice] = f.cast();

    const auto made = web.post(replies_path, {{"title", " Greeting "}, {"body", "Hello {{ employee.first_name }}"}},
                               coordinator.access);
    REQUIRE_MESSAGE(made.status == 201, made.body);
    CHECK(made.header("ETag") == "\"1\"");
    const auto created = made.json().as_object();
    std::set<std::string> names;
    for (const auto& [name, value] : created) {
        names.emplace(name);
        (void)value;
    }
    CHECK(names == std::set<std::string>{"id", "title", "body", "shared", "owner", "created_at", "created_by",
                                         "updated_at", "version"});
    CHECK(created.at("title").as_string() == "Greeting");
    CHECK(created.at("shared").as_bool() == false);
    CHECK(created.at("owner").as_int64() == coordinator.id);
    CHECK(created.at("version").as_int64() == 1);
    const auto id = created.at("id").as_int64();

    const auto read = web.get(reply_path(id), coordinator.access);
    REQUIRE_MESSAGE(read.status == 200, read.body);
    CHECK(read.header("ETag") == "\"1\"");
    CHECK(read.json().at("body").as_string() == "Hello {{ employee.first_name }}");

    const auto changed = patch(web, id, {{"title", "Welcome"}}, coordinator.access, "\"1\"");
    REQUIRE_MESSAGE(changed.status == 200, changed.body);
    CHECK(changed.header("ETag") == "\"2\"");
    CHECK(changed.json().at("title").as_string() == "Welcome");
    CHECK(changed.json().at("body").as_string() == "Hello {{ employee.first_name }}");

    // A stale If-Match is refused and changes nothing; so is a stale delete.
    check_error(patch(web, id, {{"title", "Lost update"}}, coordinator.access, "\"1\""), 412, "precondition_failed");
    check_error(remove(web, id, coordinator.access, "\"1\""), 412, "precondition_failed");
    CHECK(web.get(reply_path(id), coordinator.access).json().at("title").as_string() == "Welcome");
    // Ownership is not a field one changes.
    check_field_error(patch(web, id, {{"shared", true}}, coordinator.access), 400, "invalid_argument", "shared");

    const auto deleted = remove(web, id, coordinator.access, "\"2\"");
    CHECK_MESSAGE(deleted.status == 204, deleted.body);
    check_error(web.get(reply_path(id), coordinator.access), 404, "not_found");
    check_error(remove(web, id, coordinator.access), 404, "not_found");
    CHECK(listed_count(web, coordinator.access) == 0);
}

HTTP_TEST_CASE("canned replies: employees are refused everything, coordinators may not write shared replies") {
    const auto [admin, coordinator, alice] = f.cast();
    const auto shared = web.post(replies_path, {{"title", "Password reset"}, {"body", "Use the link."}, {"shared", true}},
                                 admin.access);
    REQUIRE_MESSAGE(shared.status == 201, shared.body);
    CHECK(shared.json().at("shared").as_bool());
    CHECK(shared.json().at("owner").is_null());
    const auto id = shared.json().at("id").as_int64();
    const auto ticket = f.ticket(alice).at("id").as_int64();

    check_error(web.get(replies_path, alice.access), 403, "permission_denied");
    check_error(web.post(replies_path, {{"title", "Mine"}, {"body", "Text"}}, alice.access), 403, "permission_denied");
    check_error(web.get(reply_path(id), alice.access), 403, "permission_denied");
    check_error(patch(web, id, {{"title", "Mine"}}, alice.access), 403, "permission_denied");
    check_error(remove(web, id, alice.access), 403, "permission_denied");
    check_error(web.get(render_path(ticket, id), alice.access), 403, "permission_denied");
    check_error(web.get(replies_path), 401, "unauthenticated");

    // A coordinator uses the shared reply but may not make, change or delete one.
    check_error(web.post(replies_path, {{"title", "Shared"}, {"body", "Text"}, {"shared", true}}, coordinator.access),
                403, "permission_denied");
    check_error(patch(web, id, {{"title", "Hijacked"}}, coordinator.access), 403, "permission_denied");
    check_error(remove(web, id, coordinator.access), 403, "permission_denied");
    const auto still = web.get(reply_path(id), coordinator.access);
    REQUIRE_MESSAGE(still.status == 200, still.body);
    CHECK(still.json().at("title").as_string() == "Password reset");
    CHECK(still.json().at("version").as_int64() == 1);
    CHECK(listed_count(web, coordinator.access) == 1);

    // The admin changes and deletes it.
    CHECK(patch(web, id, {{"title", "Reset your password"}}, admin.access).status == 200);
    CHECK(remove(web, id, admin.access).status == 204);
    check_error(web.get(reply_path(id), coordinator.access), 404, "not_found");
}

HTTP_TEST_CASE("canned replies: an unknown placeholder is a field error on body and nothing is stored") {
    const auto [admin, coordinator, alice] = f.cast();
    const auto refused = web.post(replies_path, {{"title", "Bad"}, {"body", "Dear {{employee.nickname}}"}},
                                  coordinator.access);
    check_field_error(refused, 400, "invalid_argument", "body");
    CHECK(refused.body.find("employee.nickname") != std::string::npos);
    check_field_error(web.post(replies_path, {{"body", "No title"}}, coordinator.access), 400, "invalid_argument",
                      "title");
    CHECK(listed_count(web, coordinator.access) == 0);

    const auto made = web.post(replies_path, {{"title", "Good"}, {"body", "Dear {{employee.first_name}}"}},
                               coordinator.access);
    REQUIRE(made.status == 201);
    const auto id = made.json().at("id").as_int64();
    check_field_error(patch(web, id, {{"body", "{{ticket.nope}}"}}, coordinator.access), 400, "invalid_argument", "body");
    const auto kept = web.get(reply_path(id), coordinator.access).json();
    CHECK(kept.at("body").as_string() == "Dear {{employee.first_name}}");
    CHECK(kept.at("version").as_int64() == 1);
}

HTTP_TEST_CASE("canned replies: rendered for a ticket, nothing posted, another's reply or a missing ticket is 404") {
    const auto [admin, coordinator, alice] = f.cast();
    const auto t = f.ticket(alice, "Laptop fan noise");
    const auto ticket = t.at("id").as_int64();
    const std::string number{t.at("ticket_number").as_string()};
    const auto made = web.post(replies_path,
                               {{"title", "Ack"},
                                {"body", "Hi {{employee.first_name}}, {{ticket.number}} ({{ticket.subject}}) is "
                                         "{{ticket.status}}. Assignee: [{{assignee.full_name}}]"}},
                               coordinator.access);
    REQUIRE(made.status == 201);
    const auto id = made.json().at("id").as_int64();

    const auto rendered = web.get(render_path(ticket, id), coordinator.access);
    REQUIRE_MESSAGE(rendered.status == 200, rendered.body);
    CHECK(rendered.json().at("reply").as_int64() == id);
    CHECK(rendered.json().at("ticket").as_int64() == ticket);
    CHECK(rendered.json().at("text").as_string() ==
          "Hi Alice, " + number + " (Laptop fan noise) is New. Assignee: []");
    const auto comments = web.get("/api/tickets/" + std::to_string(ticket) + "/comments/", coordinator.access);
    REQUIRE_MESSAGE(comments.status == 200, comments.body);
    CHECK(comments.json().at("results").as_array().empty());

    // A ticket the caller cannot see (staff see every ticket: one that is not there).
    check_error(web.get(render_path(ticket + 1000, id), coordinator.access), 404, "not_found");
    // Another staff member's own reply is not there either, for an admin too.
    check_error(web.get(render_path(ticket, id), admin.access), 404, "not_found");
    check_error(web.get(reply_path(id), admin.access), 404, "not_found");
    check_error(web.get(render_path(ticket, id + 1000), coordinator.access), 404, "not_found");
}

HTTP_TEST_CASE("canned replies: the list is own and shared by title, in pages and by cursor") {
    const auto [admin, coordinator, alice] = f.cast();
    for (const auto* title : {"zebra", "Apple", "mango"}) {
        REQUIRE(web.post(replies_path, {{"title", title}, {"body", "Text"}}, coordinator.access).status == 201);
    }
    REQUIRE(web.post(replies_path, {{"title", "Banana"}, {"body", "Text"}, {"shared", true}}, admin.access).status == 201);
    REQUIRE(web.post(replies_path, {{"title", "Admin's own"}, {"body", "Text"}}, admin.access).status == 201);

    const auto first = web.get(replies_path + "?page_size=3", coordinator.access);
    REQUIRE_MESSAGE(first.status == 200, first.body);
    const auto doc = first.json();
    CHECK(doc.at("count").as_int64() == 4);
    const auto& rows = doc.at("results").as_array();
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].at("title").as_string() == "Apple");
    CHECK(rows[1].at("title").as_string() == "Banana");
    CHECK(rows[2].at("title").as_string() == "mango");
    CHECK_FALSE(doc.at("next").is_null());

    const auto cursor_page = web.get(replies_path + "?cursor=&page_size=3", coordinator.access);
    REQUIRE_MESSAGE(cursor_page.status == 200, cursor_page.body);
    const std::string next{cursor_page.json().at("next").as_string()};
    const auto second = web.get(next, coordinator.access);
    REQUIRE_MESSAGE(second.status == 200, second.body);
    REQUIRE(second.json().at("results").as_array().size() == 1);
    CHECK(second.json().at("results").as_array()[0].at("title").as_string() == "zebra");
    check_field_error(web.get(replies_path + "?cursor=k.1", coordinator.access), 400, "invalid_argument", "cursor");
    check_error(web.get(replies_path + "?ordering=title", coordinator.access), 400, "invalid_argument");
}
