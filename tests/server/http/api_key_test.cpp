// The workflow system's API keys over HTTP: System Admins make, list and
// revoke them at /api/workflow/api-keys/; a key made there authenticates the
// status push and is named in the ticket's thread; a revoked or unknown key
// is 401 and changes nothing; lists never show a key.
#include "api_checks.hpp"
#include "request_bodies.hpp"

#include <openssl/evp.h>

#include <set>

using namespace http_test;
using namespace http_test::routes;

namespace {

const std::string keys_path = "/api/workflow/api-keys/";

std::string key_path(std::int64_t id) { return keys_path + std::to_string(id) + "/"; }

std::string sha256_hex(std::string_view text) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    REQUIRE(EVP_Digest(text.data(), text.size(), digest, &size, EVP_sha256(), nullptr) == 1);
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < size; ++i) {
        out += digits[digest[i] >> 4];
        out += digits[digest[i] & 0x0F];
    }
    return out;
}

reply remove(client& web, const std::string& path, const std::string& token) {
    return web.send(http::verb::delete_, path, "", token.empty() ? header_list{} : bearer(token));
}

reply push(client& web, const boost::json::object& t, const std::string& status, const header_list& headers) {
    auto with_type = headers;
    with_type.emplace_back("Content-Type", "application/json");
    return web.send(http::verb::post, "/api/workflow/tickets/" + std::string{t.at("ticket_number").as_string()} + "/status/",
                    boost::json::serialize(boost::json::object{{"status", status}}), with_type);
}

/// Exactly the listed fields of a key: never the key, never its hash.
void check_listed_shape(const boost::json::object& k) {
    std::set<std::string> names;
    for (const auto& [name, value] : k) {
        names.emplace(name);
        (void)value;
    }
    CHECK(names == std::set<std::string>{"id", "name", "prefix", "created_at", "created_by", "revoked_at", "last_used_at"});
}

} // namespace

TEST_CASE_TEMPLATE("api keys: a System Admin makes a key shown once, lists it by prefix, the workflow uses it, revoking stops it",
                   Factory, HTTP_STORES) {
    server_fixture<Factory> f;
    auto& web = f.http();
    const auto [admin, coordinator, alice] = f.cast();

    const auto made = web.post(keys_path, {{"name", "  Field ERP  "}}, admin.access);
    REQUIRE_MESSAGE(made.status == 201, made.body);
    CHECK(made.header("Cache-Control") == "no-store");
    const auto created = made.json().as_object();
    const std::string key{created.at("key").as_string()};
    CHECK(key.starts_with("hdk_"));
    CHECK(key.size() == 52);
    CHECK(created.at("name").as_string() == "Field ERP");
    CHECK(created.at("prefix").as_string() == key.substr(0, 12));
    CHECK(created.at("created_by").as_int64() == admin.id);
    CHECK(created.at("revoked_at").is_null());
    CHECK(created.at("last_used_at").is_null());
    CHECK(std::string{created.at("created_at").as_string()}.ends_with("Z"));
    const auto id = created.at("id").as_int64();

    auto listed = web.get(keys_path, admin.access);
    REQUIRE_MESSAGE(listed.status == 200, listed.body);
    REQUIRE(listed.json().at("results").as_array().size() == 1);
    const auto row = listed.json().at("results").as_array()[0].as_object();
    check_listed_shape(row);
    CHECK(row.at("id").as_int64() == id);
    CHECK(row.at("prefix").as_string() == key.substr(0, 12));
    CHECK(row.at("name").as_string() == "Field ERP");
    CHECK(listed.body.find(key) == std::string::npos);
    CHECK(listed.body.find(key.substr(12)) == std::string::npos);
    CHECK(listed.body.find(sha256_hex(key)) == std::string::npos);

    // The key authenticates the workflow system, and the thread names it.
    const auto t = approved_ticket(f, alice, coordinator);
    const auto moved = push(web, t, "In Progress", {{"X-API-Key", key}});
    REQUIRE_MESSAGE(moved.status == 200, moved.body);
    CHECK(moved.text("status") == "In Progress");
    const auto comments = web.get("/api/tickets/" + id_of(t) + "/comments/", alice.access);
    REQUIRE(comments.status == 200);
    CHECK(comments.body.find("Status changed from Open to In Progress by the workflow system (key Field ERP).") !=
          std::string::npos);
    const auto history = web.get("/api/tickets/" + id_of(t) + "/history/", coordinator.access);
    REQUIRE(history.status == 200);
    const auto thread = history.json();
    const auto& events = thread.at("results").as_array();
    REQUIRE_FALSE(events.empty());
    const auto& last = events.back().as_object();
    CHECK(last.at("kind").as_string() == "status_changed");
    CHECK(last.at("new_value").as_string() == "In Progress");
    CHECK(last.at("actor").is_null()); // no account acted: the workflow system did
    // Its use is recorded.
    CHECK(web.get(keys_path, admin.access).json().at("results").as_array()[0].at("last_used_at").is_string());

    // Revoked: 204 without a body, listed with its time, refused from now on.
    const auto revoked = remove(web, key_path(id), admin.access);
    CHECK(revoked.status == 204);
    CHECK(revoked.body.empty());
    listed = web.get(keys_path, admin.access);
    REQUIRE(listed.json().at("results").as_array().size() == 1);
    CHECK(listed.json().at("results").as_array()[0].at("revoked_at").is_string());
    const auto before = web.get("/api/tickets/" + id_of(t) + "/", coordinator.access).json().as_object();
    check_error(push(web, t, "Resolved", {{"X-API-Key", key}}), 401, "unauthenticated");
    CHECK(web.get("/api/tickets/" + id_of(t) + "/", coordinator.access).json().as_object() == before);
    // Revoking again changes nothing and succeeds; unknown ids are 404.
    CHECK(remove(web, key_path(id), admin.access).status == 204);
    CHECK(web.get(keys_path, admin.access).json().at("results").as_array()[0].at("revoked_at") ==
          listed.json().at("results").as_array()[0].at("revoked_at"));
    check_error(remove(web, key_path(id + 1000), admin.access), 404, "not_found");
    check_error(remove(web, keys_path + "abc/", admin.access), 404, "not_found");
    // The collection itself cannot be deleted.
    const auto whole = remove(web, keys_path, admin.access);
    check_error(whole, 405, "method_not_allowed");
    CHECK(whole.header("Allow").find("GET") != std::string::npos);
    CHECK(whole.header("Allow").find("POST") != std::string::npos);
}

TEST_CASE_TEMPLATE("api keys: employees and coordinators get 403, no token 401, bad names 400 with a field error",
                   Factory, HTTP_STORES) {
    server_fixture<Factory> f;
    auto& web = f.http();
    const auto [admin, coordinator, alice] = f.cast();
    const auto made = web.post(keys_path, {{"name", "ERP"}}, admin.access);
    REQUIRE_MESSAGE(made.status == 201, made.body);
    const auto id = made.number("id");
    const auto key = made.text("key");

    for (const auto* who : {&alice, &coordinator}) {
        CAPTURE(who->email);
        check_error(web.get(keys_path, who->access), 403, "permission_denied");
        check_error(web.post(keys_path, {{"name", "mine"}}, who->access), 403, "permission_denied");
        check_error(web.post(keys_path, {{"name", ""}}, who->access), 403, "permission_denied");
        check_error(remove(web, key_path(id), who->access), 403, "permission_denied");
    }
    check_error(web.get(keys_path), 401, "unauthenticated");
    check_error(web.post(keys_path, {{"name", "anon"}}), 401, "unauthenticated");
    check_error(remove(web, key_path(id), ""), 401, "unauthenticated");
    check_error(web.get(keys_path, "not.a.token"), 401, "unauthenticated");
    // An API key is not a bearer token, nor a way into key management.
    check_error(web.get(keys_path, key), 401, "unauthenticated");
    check_error(web.get(keys_path, "", {{"X-API-Key", key}}), 401, "unauthenticated");

    check_field_error(web.post(keys_path, {{"name", ""}}, admin.access), 400, "invalid_argument", "name");
    check_field_error(web.post(keys_path, {{"name", "   "}}, admin.access), 400, "invalid_argument", "name");
    check_field_error(web.post(keys_path, {{"name", std::string(101, 'k')}}, admin.access), 400, "invalid_argument", "name");
    check_field_error(web.post(keys_path, {{"name", "two\nlines"}}, admin.access), 400, "invalid_argument", "name");
    check_field_error(web.post(keys_path, boost::json::object{}, admin.access), 400, "invalid_argument", "name");
    check_field_error(web.post(keys_path, {{"name", 7}}, admin.access), 400, "invalid_argument", "name");
    check_error(web.send(http::verb::post, keys_path, "name=x",
                         {{"Authorization", "Bearer " + admin.access}, {"Content-Type", "application/x-www-form-urlencoded"}}),
                415, "unsupported_media_type");
    CHECK(web.post(keys_path, {{"name", std::string(100, 'k')}}, admin.access).status == 201);

    // None of the refusals made or revoked anything; the first key still works.
    const auto listed = web.get(keys_path, admin.access).json().at("results").as_array();
    REQUIRE(listed.size() == 2);
    CHECK(listed[0].at("name").as_string() == "ERP");
    CHECK(listed[0].at("revoked_at").is_null());
    CHECK(listed[1].at("name").as_string() == std::string(100, 'k'));
    CHECK(f.desk().api_keys().authenticate(key));
}

TEST_CASE_TEMPLATE("api keys: unknown, revoked and missing keys are 401 in the error shape and change nothing",
                   Factory, HTTP_STORES) {
    server_fixture<Factory> f;
    auto& web = f.http();
    const auto [admin, coordinator, alice] = f.cast();
    const auto t = approved_ticket(f, alice, coordinator);
    const auto live = f.workflow_key("live");
    const auto old = web.post(keys_path, {{"name", "old"}}, admin.access);
    REQUIRE(old.status == 201);
    REQUIRE(remove(web, key_path(old.number("id")), admin.access).status == 204);

    for (const header_list& headers :
         {header_list{}, header_list{{"X-API-Key", ""}}, header_list{{"X-API-Key", old.text("key")}},
          header_list{{"X-API-Key", "hdk_" + std::string(48, 'c')}}, header_list{{"X-API-Key", live.substr(0, 12)}},
          header_list{{"X-API-Key", live + "0"}}, header_list{{"X-API-Key", "Bearer " + live}},
          header_list{{"X-API-Key", sha256_hex(live)}}, header_list{{"Authorization", "Bearer " + live}}}) {
        const auto r = push(web, t, "In Progress", headers);
        check_error(r, 401, "unauthenticated");
        CHECK(r.text("detail").find("X-API-Key") != std::string::npos);
    }
    CHECK(web.get("/api/tickets/" + id_of(t) + "/", coordinator.access).json().as_object() == t);
    const auto listed = web.get(keys_path, admin.access).json().at("results").as_array();
    for (const auto& k : listed) {
        CHECK(k.at("last_used_at").is_null()); // refused keys record no use
    }
    // And the live key does move it.
    CHECK(push(web, t, "In Progress", {{"X-API-Key", live}}).status == 200);
}
