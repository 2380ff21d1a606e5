#pragma once

// A real helpdesk server on a free loopback port, over a fresh store from
// one of the contract suite's factories, with fast password hashing.

#include "http_client.hpp"
#include "store_factories.hpp"
#include "support/json_requests.hpp"
#include "support/requests.hpp"

#include <helpdesk/blob/directory_blob_store.hpp>
#include <helpdesk/engine.hpp>
#include <helpdesk/server.hpp>

#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace http_test {

/// The engine's clock in HTTP tests: the wall clock, moved on by `travel` (so
/// SLA clocks can be seen to run out). Tokens are the server's own business
/// and keep to the wall clock.
class travelling_clock final : public helpdesk::clock {
public:
    /// The wall clock plus every `travel` so far.
    [[nodiscard]] helpdesk::time_point now() const override {
        return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now()) +
               std::chrono::microseconds{ahead_.load()};
    }
    /// Moves the clock on by `by`.
    void travel(std::chrono::microseconds by) { ahead_ += by.count(); }

private:
    std::atomic<std::int64_t> ahead_{0};
};

/// A signed-in person: their id, email, password and tokens.
struct person {
    std::int64_t id = 0;
    std::string email{};
    std::string password{};
    std::string access{};
    std::string refresh{};
};

/// The three people most route tests start with.
struct cast_of_three {
    person admin{};       ///< the first System Admin
    person coordinator{}; ///< Cora, a Ticket Coordinator
    person alice{};       ///< Alice, an Employee
};

/// The password every fixture account uses (meets the rules).
inline const std::string test_password = "Passw0rd!x";
/// The JWT secret the fixture's server signs with.
inline const std::string test_secret = "test-secret-0123456789abcdef0123456789";

/// The first System Admin's sign-up form (Ada Admin, the fixture's password).
[[nodiscard]] inline helpdesk::sign_up_request admin_sign_up() {
    return helpdesk::testing::person("admin@desk.test", "Ada", "Admin", test_password);
}

/// Server options for tests: quiet logs kept in memory, generous rate limits
/// (tests of the limits lower them).
[[nodiscard]] helpdesk::server_options test_options();

/// The fixture. `Factory` is a contract store factory (SQLite file or PostgreSQL).
template <class Factory>
class server_fixture {
public:
    explicit server_fixture(const std::function<void(helpdesk::server_options&)>& tweak = {}) {
        blob_dir_ = std::filesystem::temp_directory_path() /
                    ("helpdesk-http-blobs-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
        helpdesk::engine_options engine_options;
        engine_options.password_iterations = 1000;
        desk_ = std::make_unique<helpdesk::engine>(
            helpdesk::engine_parts{.db = factory_.open(),
                                   .blobs = helpdesk::open_directory_blob_store(blob_dir_),
                                   .time_source = clock_},
            engine_options);
        options_ = test_options();
        options_.log_sink = [this](std::string_view line) {
            const std::lock_guard lock(log_mutex_);
            log_.emplace_back(line);
        };
        if (tweak) {
            tweak(options_);
        }
        server_ = std::make_unique<helpdesk::http_server>(*desk_, options_);
        server_->start();
        client_.emplace(server_->port());
    }
    ~server_fixture() {
        server_->stop(std::chrono::milliseconds{2000});
        server_.reset();
        desk_.reset();
        std::error_code ignored;
        std::filesystem::remove_all(blob_dir_, ignored);
    }
    server_fixture(const server_fixture&) = delete;
    server_fixture& operator=(const server_fixture&) = delete;

    [[nodiscard]] std::uint16_t port() const { return server_->port(); }
    [[nodiscard]] helpdesk::engine& desk() { return *desk_; }
    [[nodiscard]] helpdesk::http_server& server() { return *server_; }
    [[nodiscard]] Factory& factory() { return factory_; }
    /// Moves the engine's clock on by `by` (travelling_clock).
    void travel(std::chrono::microseconds by) { clock_->travel(by); }
    [[nodiscard]] client& http() { return *client_; }
    /// A new client with its own connection.
    [[nodiscard]] client connect() const { return client{port()}; }
    /// Every log line so far.
    [[nodiscard]] std::vector<std::string> log_lines() {
        const std::lock_guard lock(log_mutex_);
        return log_;
    }

    /// The first System Admin, created through the engine and signed in over HTTP.
    person admin() {
        if (!admin_) {
            const auto a = desk_->accounts().bootstrap_admin(admin_sign_up());
            admin_ = login("/api/token/admin/", a.email, test_password);
        }
        return *admin_;
    }

    /// The admin, then Cora (Ticket Coordinator), then Alice (Employee), each
    /// signed in over HTTP, made in that order.
    cast_of_three cast() {
        cast_of_three c;
        c.admin = admin();
        c.coordinator = account("Cora", "Ticket Coordinator");
        c.alice = account("Alice");
        return c;
    }

    /// Signs up over HTTP, is approved by the admin over HTTP, signs in.
    /// `role` other than Employee is set by the admin through the engine.
    person account(const std::string& first_name, const std::string& role = "Employee") {
        const auto email = lowercase(first_name) + std::to_string(counter()++) + "@desk.test";
        auto created = client_->post("/api/create_employee/",
                                     test_support::sign_up_json(email, first_name, "Tester", test_password));
        REQUIRE_MESSAGE(created.status == 201, created.body);
        const auto id = created.number("id");
        const auto boss = admin();
        const auto approved = client_->send(http::verb::post, "/api/employees/" + std::to_string(id) + "/approve/", "",
                                           {{"Authorization", "Bearer " + boss.access}});
        REQUIRE_MESSAGE(approved.status == 200, approved.body);
        if (role != "Employee") {
            (void)desk_->accounts().change_role(boss.id, id, role);
        }
        return login(role == "Employee" ? "/api/token/employee/" : "/api/token/admin/", email, test_password);
    }

    /// Signs in over HTTP and returns the person with fresh tokens.
    person login(const std::string& endpoint, const std::string& email, const std::string& password) {
        auto r = client_->post(endpoint, {{"email", email}, {"password", password}});
        REQUIRE_MESSAGE(r.status == 200, r.body);
        person p;
        p.id = r.number("id");
        p.email = email;
        p.password = password;
        p.access = r.text("access");
        p.refresh = r.text("refresh");
        return p;
    }

    /// A new API key of the workflow system, made through the engine as the
    /// operator's `helpdesk-server api-key create` does; the key's text.
    std::string workflow_key(const std::string& name = "workflow") {
        return desk_->api_keys().create_for_operator(name).key;
    }

    /// Raises a ticket over HTTP as `owner`; returns its JSON.
    boost::json::object ticket(const person& owner, const std::string& subject = "Printer on fire") {
        auto r = client_->post("/api/tickets/",
                              {{"subject", subject},
                               {"category", "IT Category"},
                               {"sub_category", "Technical Support & Troubleshooting"},
                               {"description", "It smokes when printing."}},
                              owner.access);
        REQUIRE_MESSAGE(r.status == 201, r.body);
        return r.json().as_object();
    }

private:
    static int& counter() {
        static int n = 0;
        return n;
    }
    static std::string lowercase(std::string s) {
        for (auto& ch : s) {
            ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        }
        return s;
    }

    Factory factory_{};
    std::shared_ptr<travelling_clock> clock_ = std::make_shared<travelling_clock>();
    std::filesystem::path blob_dir_{};
    std::unique_ptr<helpdesk::engine> desk_{};
    helpdesk::server_options options_{};
    std::unique_ptr<helpdesk::http_server> server_{};
    std::optional<client> client_{};
    std::optional<person> admin_{};
    std::mutex log_mutex_{};
    std::vector<std::string> log_{};
};

#ifdef HELPDESK_WITH_POSTGRES
/// The stores every HTTP test runs against.
#define HTTP_STORES contract::sqlite_file_factory, contract::postgres_factory
#else
#define HTTP_STORES contract::sqlite_file_factory
#endif

/// A test run against each of HTTP_STORES on a fresh `server_fixture<Factory> f`;
/// the body that follows sees `f` and `web` (its client, `f.http()`).
#define HTTP_TEST_CASE(name) HTTP_TEST_CASE_WITH_BODY(name, DOCTEST_ANONYMOUS(hd_http_case_))
/// HTTP_TEST_CASE with the body function's name spelled out (expanded once,
/// so its declaration, its call and its definition agree).
#define HTTP_TEST_CASE_WITH_BODY(name, body)                                                                 \
    template <class Factory>                                                                                 \
    static void body([[maybe_unused]] http_test::server_fixture<Factory>& f,                                 \
                     [[maybe_unused]] http_test::client& web);                                               \
    TEST_CASE_TEMPLATE(name, Factory, HTTP_STORES) {                                                         \
        http_test::server_fixture<Factory> f;                                                                \
        body(f, f.http());                                                                                   \
    }                                                                                                        \
    template <class Factory>                                                                                 \
    static void body([[maybe_unused]] http_test::server_fixture<Factory>& f,                                 \
                     [[maybe_unused]] http_test::client& web)

} // namespace http_test
