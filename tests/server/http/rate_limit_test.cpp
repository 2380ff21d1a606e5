// Token-bucket rate limits over real HTTP (docs/product.md#rate-limits): per client address and
// per account (or email), on sign-up, both logins, refresh, check-password,
// change-password and forgot-password; over the limit 429 with Retry-After and the error body.
#include "auth_support.hpp"
#include "request_bodies.hpp"

#include <helpdesk/ports/store.hpp>

using namespace http_test;
using namespace http_test::guard;

namespace {

constexpr helpdesk::rate_limit tight{2, std::chrono::milliseconds{60000}};
constexpr helpdesk::rate_limit loose{100000, std::chrono::milliseconds{1}};

/// An approved account made through the engine (no HTTP, so no bucket is touched).
struct made {
    std::int64_t id = 0;
    std::string email{};
};

helpdesk::sign_up_request request_for(const std::string& name) {
    helpdesk::sign_up_request r;
    r.email = name + "@desk.test";
    r.first_name = name;
    r.last_name = "Tester";
    r.department = "IT Department";
    r.password = test_password;
    r.confirm_password = test_password;
    return r;
}

/// The store's System Admin "root@desk.test", created on first use.
template <class Factory>
made root_admin(server_fixture<Factory>& f) {
    auto db = f.factory().open();
    {
        auto tx = db->begin(helpdesk::tx_mode::read);
        if (const auto found = tx->accounts().find_by_email("root@desk.test")) {
            return {found->id, found->email};
        }
    }
    const auto a = f.desk().accounts().bootstrap_admin(request_for("root"));
    return {a.id, a.email};
}

/// An approved Employee made through the engine.
template <class Factory>
made approved_account(server_fixture<Factory>& f, const std::string& name) {
    const auto boss = root_admin(f);
    const auto a = f.desk().accounts().sign_up(request_for(name));
    (void)f.desk().accounts().approve(boss.id, a.id);
    return {a.id, a.email};
}

/// Alice and Bob, approved Employees, signed in.
template <class Factory>
auto two_signed_in(server_fixture<Factory>& f) {
    const auto alice = approved_account(f, "alice");
    const auto bob = approved_account(f, "bob");
    return std::pair{f.login("/api/token/employee/", alice.email, test_password),
                     f.login("/api/token/employee/", bob.email, test_password)};
}

void check_limited(const reply& r) {
    INFO("body " << r.body);
    CHECK(r.status == 429);
    check_error(r, 429, "rate_limited");
    const auto retry = r.header("Retry-After");
    REQUIRE_FALSE(retry.empty());
    const auto seconds = std::stol(retry);
    CHECK(seconds >= 1);
    CHECK(seconds <= 60);
}

template <class Factory>
bool account_exists(server_fixture<Factory>& f, const std::string& email) {
    auto db = f.factory().open();
    auto tx = db->begin(helpdesk::tx_mode::read);
    return tx->accounts().find_by_email(email).has_value();
}

auto address_limited = [](helpdesk::server_options& o) {
    o.address_limit = tight;
    o.account_limit = loose;
};
auto account_limited = [](helpdesk::server_options& o) {
    o.address_limit = loose;
    o.account_limit = tight;
};

} // namespace

TEST_CASE_TEMPLATE("rate limit - the third login from one address gets 429, wrong passwords count too", Factory,
                   HTTP_STORES) {
    server_fixture<Factory> f{address_limited};
    const auto admin = root_admin(f);
    const auto alice = approved_account(f, "alice");
    auto& web = f.http();

    check_unauthenticated(web.post("/api/token/admin/", {{"email", admin.email}, {"password", "Wr0ng-Passw0rd!"}}));
    check_unauthenticated(web.post("/api/token/admin/", {{"email", "nobody@desk.test"}, {"password", "Wr0ng-Passw0rd!"}}));
    // The right password is no way around the limit, nor is the other login.
    check_limited(web.post("/api/token/admin/", {{"email", admin.email}, {"password", test_password}}));
    check_limited(web.post("/api/token/employee/", {{"email", alice.email}, {"password", test_password}}));
    // Other endpoints have their own buckets.
    CHECK(web.get("/healthz").status == 200);
    CHECK(web.post("/api/employee/forgot-password/", {{"email", alice.email}}).status == 200);
}

TEST_CASE_TEMPLATE("rate limit - the third employee login from one address gets 429", Factory, HTTP_STORES) {
    server_fixture<Factory> f{address_limited};
    const auto alice = approved_account(f, "alice");
    auto& web = f.http();
    CHECK(web.post("/api/token/employee/", {{"email", alice.email}, {"password", test_password}}).status == 200);
    CHECK(web.post("/api/token/employee/", {{"email", alice.email}, {"password", test_password}}).status == 200);
    check_limited(web.post("/api/token/employee/", {{"email", alice.email}, {"password", test_password}}));
}

TEST_CASE_TEMPLATE("rate limit - check-password from one address is throttled", Factory, HTTP_STORES) {
    server_fixture<Factory> f{address_limited};
    const auto alice = approved_account(f, "alice");
    auto& web = f.http();
    const auto me = f.login("/api/token/employee/", alice.email, test_password);
    const auto first = web.post("/api/employee/check-password/", {{"password", "Wr0ng-Passw0rd!"}}, me.access);
    REQUIRE_MESSAGE(first.status == 200, first.body);
    CHECK(first.json().at("valid") == false);
    const auto second = web.post("/api/employee/check-password/", {{"password", test_password}}, me.access);
    REQUIRE_MESSAGE(second.status == 200, second.body);
    CHECK(second.json().at("valid") == true);
    check_limited(web.post("/api/employee/check-password/", {{"password", test_password}}, me.access));
}

TEST_CASE_TEMPLATE("rate limit - change-password from one address is throttled before the password is checked",
                   Factory, HTTP_STORES) {
    server_fixture<Factory> f{address_limited};
    const auto alice = approved_account(f, "alice");
    auto& web = f.http();
    const auto me = f.login("/api/token/employee/", alice.email, test_password);
    const boost::json::object wrong{
        {"current_password", "Wr0ng-Passw0rd!"}, {"new_password", "N3w-Passw0rd!!"}, {"confirm_password", "N3w-Passw0rd!!"}};
    check_error(web.post("/api/employee/change-password/", wrong, me.access), 400);
    check_error(web.post("/api/employee/change-password/", wrong, me.access), 400);
    // The right current password is no way around the limit: the third try
    // is refused before the password is compared, and nothing changes.
    boost::json::object right = wrong;
    right["current_password"] = test_password;
    check_limited(web.post("/api/employee/change-password/", right, me.access));
    CHECK(web.post("/api/token/employee/", {{"email", alice.email}, {"password", test_password}}).status == 200);
}

TEST_CASE_TEMPLATE("rate limit - change-password and check-password share one bucket per account", Factory,
                   HTTP_STORES) {
    server_fixture<Factory> f{account_limited};
    auto& web = f.http();
    const auto [alice, bob] = two_signed_in(f);
    const boost::json::object guess{
        {"current_password", "Wr0ng-Passw0rd!"}, {"new_password", "N3w-Passw0rd!!"}, {"confirm_password", "N3w-Passw0rd!!"}};

    // Both answer whether a password is the account's, so alternating between
    // them buys no extra guesses.
    check_error(web.post("/api/employee/change-password/", guess, alice.access), 400);
    CHECK(web.post("/api/employee/check-password/", {{"password", "x"}}, alice.access).status == 200);
    check_limited(web.post("/api/employee/change-password/", guess, alice.access));
    check_limited(web.post("/api/employee/check-password/", {{"password", test_password}}, alice.access));
    // Another account has its own bucket.
    check_error(web.post("/api/employee/change-password/", guess, bob.access), 400);
}

TEST_CASE_TEMPLATE("rate limit - forgot-password from one address is throttled", Factory, HTTP_STORES) {
    server_fixture<Factory> f{address_limited};
    const auto alice = approved_account(f, "alice");
    auto& web = f.http();
    CHECK(web.post("/api/employee/forgot-password/", {{"email", alice.email}}).status == 200);
    CHECK(web.post("/api/employee/forgot-password/", {{"email", "nobody@desk.test"}}).status == 200);
    check_limited(web.post("/api/employee/forgot-password/", {{"email", "third@desk.test"}}));
}

TEST_CASE_TEMPLATE("rate limit - sign-up from one address is throttled and the refused one creates nothing", Factory,
                   HTTP_STORES) {
    server_fixture<Factory> f{address_limited};
    auto& web = f.http();
    CHECK(web.post("/api/create_employee/", sign_up_body("one@desk.test")).status == 201);
    // An invalid sign-up spends a token as well.
    check_error(web.post("/api/create_employee/", sign_up_body("not-an-email")), 400);
    check_limited(web.post("/api/create_employee/", sign_up_body("three@desk.test")));
    CHECK(account_exists(f, "one@desk.test"));
    CHECK_FALSE(account_exists(f, "three@desk.test"));
}

TEST_CASE_TEMPLATE("rate limit - refresh from one address is throttled", Factory, HTTP_STORES) {
    server_fixture<Factory> f{address_limited};
    const auto alice = approved_account(f, "alice");
    auto& web = f.http();
    auto me = f.login("/api/token/employee/", alice.email, test_password);
    for (int i = 0; i < 2; ++i) {
        const auto r = web.post("/api/token/refresh/", {{"refresh", me.refresh}});
        REQUIRE_MESSAGE(r.status == 200, r.body);
        me.refresh = r.text("refresh");
    }
    check_limited(web.post("/api/token/refresh/", {{"refresh", me.refresh}}));
}

TEST_CASE_TEMPLATE("rate limit - the per-account bucket keys login and forgot-password by email", Factory,
                   HTTP_STORES) {
    server_fixture<Factory> f{account_limited};
    const auto alice = approved_account(f, "alice");
    const auto bob = approved_account(f, "bob");
    auto& web = f.http();

    check_unauthenticated(web.post("/api/token/employee/", {{"email", alice.email}, {"password", "Wr0ng-Passw0rd!"}}));
    check_unauthenticated(web.post("/api/token/employee/", {{"email", alice.email}, {"password", "Wr0ng-Passw0rd!"}}));
    check_limited(web.post("/api/token/employee/", {{"email", alice.email}, {"password", test_password}}));
    // Same address in another case is the same account.
    check_limited(web.post("/api/token/employee/", {{"email", "ALICE@desk.test"}, {"password", test_password}}));
    // Another email from the same client address is independent.
    CHECK(web.post("/api/token/employee/", {{"email", bob.email}, {"password", test_password}}).status == 200);

    CHECK(web.post("/api/employee/forgot-password/", {{"email", alice.email}}).status == 200);
    CHECK(web.post("/api/employee/forgot-password/", {{"email", alice.email}}).status == 200);
    check_limited(web.post("/api/employee/forgot-password/", {{"email", alice.email}}));
    CHECK(web.post("/api/employee/forgot-password/", {{"email", bob.email}}).status == 200);
    CHECK(web.post("/api/employee/forgot-password/", {{"email", "nobody@desk.test"}}).status == 200);
}

TEST_CASE_TEMPLATE("rate limit - the per-account bucket keys check-password and refresh by account", Factory,
                   HTTP_STORES) {
    server_fixture<Factory> f{account_limited};
    auto& web = f.http();
    auto [alice, bob] = two_signed_in(f);

    CHECK(web.post("/api/employee/check-password/", {{"password", "x"}}, alice.access).status == 200);
    CHECK(web.post("/api/employee/check-password/", {{"password", "y"}}, alice.access).status == 200);
    check_limited(web.post("/api/employee/check-password/", {{"password", test_password}}, alice.access));
    CHECK(web.post("/api/employee/check-password/", {{"password", test_password}}, bob.access).status == 200);

    for (int i = 0; i < 2; ++i) {
        const auto r = web.post("/api/token/refresh/", {{"refresh", alice.refresh}});
        REQUIRE_MESSAGE(r.status == 200, r.body);
        alice.refresh = r.text("refresh");
    }
    check_limited(web.post("/api/token/refresh/", {{"refresh", alice.refresh}}));
    CHECK(web.post("/api/token/refresh/", {{"refresh", bob.refresh}}).status == 200);
}
