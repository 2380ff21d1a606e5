// Accounts over HTTP, the caller's own: the profile and its picture behind a
// signed URL, and the password routes (check, change, forgot, reset).
#include "api_checks.hpp"
#include "request_bodies.hpp"

#include "auth/signed_url.hpp"

using namespace http_test;
using namespace http_test::routes;

HTTP_TEST_CASE("profile returns the caller's own account") {
    const auto alice = f.account("Alice");
    const auto coordinator = f.account("Cora", "Ticket Coordinator");
    auto me = web.get("/api/employee/profile/", alice.access);
    REQUIRE_MESSAGE(me.status == 200, me.body);
    CHECK(me.number("id") == alice.id);
    CHECK(me.text("email") == alice.email);
    CHECK(me.text("role") == "Employee");
    CHECK(me.text("status") == "Approved");
    CHECK(me.json().at("image_url").is_null());
    CHECK(me.body.find("pbkdf2") == std::string::npos);
    auto staff = web.get("/api/employee/profile/", coordinator.access);
    REQUIRE(staff.status == 200);
    CHECK(staff.number("id") == coordinator.id);
    CHECK(staff.text("role") == "Ticket Coordinator");
    check_error(web.get("/api/employee/profile/"), 401, "unauthenticated");
    check_error(web.get("/api/employee/profile/", "not-a-token"), 401, "unauthenticated");
}

HTTP_TEST_CASE("profile picture: a PNG is stored and served through a signed URL, anything else is refused") {
    const auto alice = f.account("Alice");
    const auto bob = f.account("Bob");
    const auto coordinator = f.account("Cora", "Ticket Coordinator");

    // Text dressed as a PNG, by name and by claimed type.
    auto fake = web.post_form("/api/employee/upload-image/",
                              {{"image", "just some text, honest", "me.png", "image/png"}}, alice.access);
    check_field_error(fake, 415, "unsupported_media_type", "image");
    // Too large: a real PNG signature, 2 MiB + 1 bytes.
    auto big = tiny_png();
    big.resize(2 * 1024 * 1024 + 1, 'x');
    auto too_big = web.post_form("/api/employee/upload-image/", {{"image", big, "big.png", "image/png"}}, alice.access);
    // Under the upload route's HTTP limit, so the engine's 2 MiB rule answers
    // (413, docs/product.md#attachments).
    check_field_error(too_big, 413, "payload_too_large", "image");
    // Nothing, a text field, or two files.
    check_field_error(web.post_form("/api/employee/upload-image/", {{"note", "hi"}}, alice.access), 400,
                      "invalid_argument", "image");
    check_field_error(web.post_form("/api/employee/upload-image/", {{"image", "not a file"}}, alice.access), 400,
                      "invalid_argument", "image");
    check_field_error(web.post_form("/api/employee/upload-image/",
                                    {{"image", tiny_png(), "a.png", "image/png"}, {"image", tiny_png(), "b.png", "image/png"}},
                                    alice.access),
                      400, "invalid_argument", "image");
    check_error(web.post_form("/api/employee/upload-image/", {{"image", tiny_png(), "a.png", "image/png"}}), 401,
                "unauthenticated");
    CHECK(web.get("/api/employee/profile/", alice.access).json().at("image_url").is_null());

    auto ok = web.post_form("/api/employee/upload-image/", {{"image", tiny_png(), "me.txt", "text/plain"}}, alice.access);
    REQUIRE_MESSAGE(ok.status == 200, ok.body);
    const auto url = ok.text("image_url");
    CHECK(path_of(url) == "/api/employees/" + id_of(alice) + "/image/");
    CHECK(param_of(url, "u") == id_of(alice));
    CHECK(!param_of(url, "exp").empty());
    CHECK(!param_of(url, "sig").empty());
    CHECK(url.find(alice.access) == std::string::npos);

    auto image = web.get(url);
    REQUIRE_MESSAGE(image.status == 200, image.body);
    CHECK(image.body == tiny_png());
    CHECK(image.header("Content-Type") == "image/png");
    CHECK(image.header("X-Content-Type-Options") == "nosniff");
    // The profile now carries a fresh signed URL to the same picture.
    const auto again = web.get("/api/employee/profile/", alice.access).text("image_url");
    CHECK(path_of(again) == path_of(url));
    CHECK(web.get(again).body == tiny_png());

    // A refused replacement leaves the stored picture alone.
    check_field_error(web.post_form("/api/employee/upload-image/", {{"image", "GIF89a....", "x.gif", "image/gif"}},
                                    alice.access),
                      415, "unsupported_media_type", "image");
    CHECK(web.get(web.get("/api/employee/profile/", alice.access).text("image_url")).body == tiny_png());

    // A tampered, re-pointed or expired link is refused; bearer tokens do not replace it.
    check_error(web.get(with_param(url, "sig", std::string(43, 'A'))), 401, "unauthenticated");
    check_error(web.get(with_param(url, "u", id_of(bob))), 401, "unauthenticated");
    check_error(web.get(with_param(url, "exp", std::to_string(now_seconds() + 3600))), 401, "unauthenticated");
    check_error(web.get(path_of(url)), 401, "unauthenticated");
    check_error(web.get(path_of(url), alice.access), 401, "unauthenticated");
    const auto path = path_of(url);
    const auto expired = path + "?" + helpdesk::server::sign_url_query(path, alice.id, now_seconds() - 10, test_secret);
    check_error(web.get(expired), 401, "unauthenticated");
    // A correctly signed link for Bob to Alice's picture: Bob may not see it; staff may.
    const auto as_bob = path + "?" + helpdesk::server::sign_url_query(path, bob.id, now_seconds() + 60, test_secret);
    check_error(web.get(as_bob), 404, "not_found");
    const auto as_staff =
        path + "?" + helpdesk::server::sign_url_query(path, coordinator.id, now_seconds() + 60, test_secret);
    CHECK(web.get(as_staff).body == tiny_png());
    // Someone without a picture.
    const auto bob_path = "/api/employees/" + id_of(bob) + "/image/";
    check_error(web.get(bob_path + "?" + helpdesk::server::sign_url_query(bob_path, bob.id, now_seconds() + 60, test_secret)),
                404, "not_found");
}

HTTP_TEST_CASE("check-password answers valid true or false for the caller only") {
    const auto alice = f.account("Alice");
    auto right = web.post("/api/employee/check-password/", {{"password", test_password}}, alice.access);
    REQUIRE_MESSAGE(right.status == 200, right.body);
    CHECK(right.json() == boost::json::value{{"valid", true}});
    auto wrong = web.post("/api/employee/check-password/", {{"password", "Wrong0ne!"}}, alice.access);
    REQUIRE_MESSAGE(wrong.status == 200, wrong.body);
    CHECK(wrong.json() == boost::json::value{{"valid", false}});
    check_field_error(web.post("/api/employee/check-password/", boost::json::object{}, alice.access), 400,
                      "invalid_argument", "password");
    check_field_error(web.post("/api/employee/check-password/", {{"password", 12345678}}, alice.access), 400,
                      "invalid_argument", "password");
    check_error(web.post("/api/employee/check-password/", {{"password", test_password}}), 401, "unauthenticated");
}

HTTP_TEST_CASE("change-password checks the current password and then the new one works") {
    const auto alice = f.account("Alice");
    const std::string next = "N3w-Passw0rd!";
    check_field_error(web.post("/api/employee/change-password/",
                               {{"current_password", "Wrong0ne!"}, {"new_password", next}, {"confirm_password", next}},
                               alice.access),
                      400, "invalid_argument", "current_password");
    check_field_error(web.post("/api/employee/change-password/",
                               {{"current_password", test_password}, {"new_password", next}, {"confirm_password", "x"}},
                               alice.access),
                      400, "invalid_argument", "confirm_password");
    check_field_error(web.post("/api/employee/change-password/", {{"current_password", test_password}}, alice.access),
                      400, "invalid_argument", "new_password");
    check_error(web.post("/api/employee/change-password/",
                         {{"current_password", test_password}, {"new_password", next}, {"confirm_password", next}}),
                401, "unauthenticated");
    // Nothing changed so far.
    CHECK(web.post("/api/token/employee/", {{"email", alice.email}, {"password", test_password}}).status == 200);

    auto changed = web.post("/api/employee/change-password/",
                            {{"current_password", test_password}, {"new_password", next}, {"confirm_password", next}},
                            alice.access);
    REQUIRE_MESSAGE(changed.status == 200, changed.body);
    CHECK(!changed.text("detail").empty());
    check_error(web.post("/api/token/employee/", {{"email", alice.email}, {"password", test_password}}), 401,
                "unauthenticated");
    CHECK(web.post("/api/token/employee/", {{"email", alice.email}, {"password", next}}).status == 200);
}

HTTP_TEST_CASE("forgot-password answers alike for known and unknown addresses") {
    const auto alice = f.account("Alice");
    auto known = web.post("/api/employee/forgot-password/", {{"email", alice.email}});
    auto unknown = web.post("/api/employee/forgot-password/", {{"email", "nobody.here@desk.test"}});
    auto malformed = web.post("/api/employee/forgot-password/", {{"email", "not an address"}});
    REQUIRE_MESSAGE(known.status == 200, known.body);
    CHECK(unknown.status == 200);
    CHECK(malformed.status == 200);
    CHECK(known.body == unknown.body);
    CHECK(known.body == malformed.body);
    CHECK(known.body.find("token") == std::string::npos);
    check_field_error(web.post("/api/employee/forgot-password/", boost::json::object{}), 400, "invalid_argument",
                      "email");
}

HTTP_TEST_CASE("reset-password refuses a bad token and sets the password with a real one, once") {
    const auto alice = f.account("Alice");
    const std::string next = "R3set-Passw0rd!";

    check_field_error(web.post("/api/employee/reset-password/",
                               {{"token", "not-a-real-token"}, {"new_password", next}, {"confirm_password", next}}),
                      400, "invalid_argument", "token");
    check_field_error(web.post("/api/employee/reset-password/", {{"new_password", next}, {"confirm_password", next}}), 400,
                      "invalid_argument", "token");

    const auto token = f.desk().accounts().request_password_reset(alice.email);
    REQUIRE(token);
    // A mismatched confirmation is refused and does not spend the token.
    auto mismatch = web.post("/api/employee/reset-password/",
                             {{"token", *token}, {"new_password", next}, {"confirm_password", "Other-Passw0rd!"}});
    check_field_error(mismatch, 400, "invalid_argument", "confirm_password");
    auto weak = web.post("/api/employee/reset-password/",
                         {{"token", *token}, {"new_password", "short"}, {"confirm_password", "short"}});
    check_error(weak, 400, "invalid_argument");
    CHECK(web.post("/api/token/employee/", {{"email", alice.email}, {"password", test_password}}).status == 200);

    auto reset = web.post("/api/employee/reset-password/",
                          {{"token", *token}, {"new_password", next}, {"confirm_password", next}});
    REQUIRE_MESSAGE(reset.status == 200, reset.body);
    CHECK(!reset.text("detail").empty());
    CHECK(web.post("/api/token/employee/", {{"email", alice.email}, {"password", next}}).status == 200);
    check_error(web.post("/api/token/employee/", {{"email", alice.email}, {"password", test_password}}), 401,
                "unauthenticated");
    // Single use.
    const std::string third = "Th1rd-Passw0rd!";
    check_field_error(web.post("/api/employee/reset-password/",
                               {{"token", *token}, {"new_password", third}, {"confirm_password", third}}),
                      400, "invalid_argument", "token");
    CHECK(web.post("/api/token/employee/", {{"email", alice.email}, {"password", next}}).status == 200);
}
