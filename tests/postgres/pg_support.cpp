#include "pg_support.hpp"

#include "../support/requests.hpp"

#include <doctest/doctest.h>
#include <libpq-fe.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <stdexcept>
#include <thread>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace pgtest {

std::optional<std::string> server_url() {
    const char* url = std::getenv("HELPDESK_TEST_PG_URL");
    if (url != nullptr && *url != '\0') {
        return std::string{url};
    }
    const char* ci = std::getenv("CI");
    if (ci != nullptr && std::string_view{ci} == "true") {
        FAIL("HELPDESK_TEST_PG_URL is not set, and CI=true requires the PostgreSQL tests to run "
             "(scripts/test.sh starts a private server with scripts/pg-test-server.sh)");
    }
    MESSAGE("skipped: HELPDESK_TEST_PG_URL is not set (start a server with scripts/pg-test-server.sh)");
    return std::nullopt;
}

std::string with_param(std::string url, std::string_view param) {
    if (param.empty()) {
        return url;
    }
    if (url.find('?') == std::string::npos) {
        url += '?';
    } else if (url.back() != '?' && url.back() != '&') {
        url += '&';
    }
    url += param;
    return url;
}

connection::connection(const std::string& url) {
    conn_ = PQconnectdb(url.c_str());
    if (conn_ == nullptr || PQstatus(conn_) != CONNECTION_OK) {
        const std::string why = conn_ != nullptr ? PQerrorMessage(conn_) : "out of memory";
        PQfinish(conn_);
        conn_ = nullptr;
        throw std::runtime_error("cannot connect to " + url + ": " + why);
    }
    // DROP SCHEMA ... CASCADE lists every table it drops; not worth printing.
    PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);
}

connection::~connection() { PQfinish(conn_); }

void connection::exec(const std::string& sql) {
    PGresult* r = PQexec(conn_, sql.c_str());
    const auto status = PQresultStatus(r);
    const std::string why = PQresultErrorMessage(r);
    PQclear(r);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        throw std::runtime_error(sql + ": " + why);
    }
}

std::string connection::scalar(const std::string& sql, const std::vector<std::string>& params) {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params) {
        values.push_back(p.c_str());
    }
    PGresult* r = PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr,
                               nullptr, 0);
    const auto status = PQresultStatus(r);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        const std::string why = PQresultErrorMessage(r);
        PQclear(r);
        throw std::runtime_error(sql + ": " + why);
    }
    std::string out;
    if (PQntuples(r) > 0 && PQnfields(r) > 0 && !PQgetisnull(r, 0, 0)) {
        out = PQgetvalue(r, 0, 0);
    }
    PQclear(r);
    return out;
}

namespace {

std::string random_suffix() {
    static constexpr char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    std::random_device device;
    std::mt19937_64 gen{(static_cast<std::uint64_t>(device()) << 32) ^ device() ^
                        static_cast<std::uint64_t>(::getpid())};
    std::uniform_int_distribution<std::size_t> pick(0, sizeof digits - 2);
    std::string s;
    for (int i = 0; i < 12; ++i) {
        s += digits[pick(gen)];
    }
    return s;
}

} // namespace

private_schema::private_schema(std::string server_url)
    : server_url_(std::move(server_url)), name_("hd_conc_" + random_suffix()) {
    connection admin{with_param(server_url_, "application_name=hd_conc_setup")};
    admin.exec("CREATE SCHEMA " + name_);
}

private_schema::~private_schema() {
    try {
        connection admin{with_param(server_url_, "application_name=hd_conc_setup")};
        admin.exec("DROP SCHEMA IF EXISTS " + name_ + " CASCADE");
    } catch (const std::exception& e) {
        std::fprintf(stderr, "could not drop schema %s: %s\n", name_.c_str(), e.what());
    }
}

std::string private_schema::store_url(std::string_view extra) const {
    return with_param(with_param(server_url_, "options=-csearch_path%3D" + name_), extra);
}

helpdesk::engine_options fast_options() {
    helpdesk::engine_options o;
    o.password_iterations = 1000; // what is tested here is the store, not the hashing cost
    return o;
}

std::unique_ptr<helpdesk::engine> make_engine(std::shared_ptr<helpdesk::store> db) {
    return make_engine(std::move(db), fast_options());
}

std::unique_ptr<helpdesk::engine> make_engine(std::shared_ptr<helpdesk::store> db, helpdesk::engine_options options) {
    return std::make_unique<helpdesk::engine>(helpdesk::engine_parts{std::move(db)}, std::move(options));
}

helpdesk::sign_up_request person(std::string email, std::string first, std::string last) {
    return helpdesk::testing::person(std::move(email), std::move(first), std::move(last));
}

helpdesk::account bootstrap_admin(helpdesk::engine& desk) {
    return desk.accounts().bootstrap_admin(person("admin@example.com", "Ada", "Admin"));
}

helpdesk::account employee(helpdesk::engine& desk, const helpdesk::account& admin, const std::string& email) {
    const auto a = desk.accounts().sign_up(person(email));
    return desk.accounts().approve(admin.id, a.id);
}

helpdesk::account coordinator(helpdesk::engine& desk, const helpdesk::account& admin, const std::string& email) {
    const auto a = employee(desk, admin, email);
    return desk.accounts().change_role(admin.id, a.id, "Ticket Coordinator");
}

helpdesk::create_ticket_request ticket_request(std::string subject) {
    helpdesk::create_ticket_request r;
    r.subject = std::move(subject);
    r.category = "IT Category";
    r.sub_category = "Technical Support & Troubleshooting";
    r.description = "The laptop shows a black screen after the logo.";
    return r;
}

std::string describe(const helpdesk::error& e) {
    return std::string{to_string(e.code())} + ": " + e.what();
}

pid_t spawn_worker(const std::string& mode, const std::vector<std::string>& args) {
    std::array<char, 4096> self{};
    const auto n = ::readlink("/proc/self/exe", self.data(), self.size() - 1);
    REQUIRE_MESSAGE(n > 0, "cannot find this executable: " << std::strerror(errno));

    std::vector<std::string> argv_text{std::string{self.data(), static_cast<std::size_t>(n)}};
    argv_text.insert(argv_text.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_text) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);

    const std::string prefix = std::string{worker_variable} + "=";
    std::vector<std::string> env_text{prefix + mode};
    for (char** e = environ; *e != nullptr; ++e) {
        if (std::strncmp(*e, prefix.c_str(), prefix.size()) != 0) {
            env_text.emplace_back(*e);
        }
    }
    std::vector<char*> envp;
    for (auto& e : env_text) {
        envp.push_back(e.data());
    }
    envp.push_back(nullptr);

    pid_t child = 0;
    const int rc = ::posix_spawn(&child, argv[0], nullptr, nullptr, argv.data(), envp.data());
    REQUIRE_MESSAGE(rc == 0, "posix_spawn failed: " << std::strerror(rc));
    return child;
}

std::optional<int> wait_worker(pid_t child, std::chrono::seconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    for (;;) {
        int status = 0;
        const pid_t done = ::waitpid(child, &status, WNOHANG);
        if (done == child) {
            if (WIFEXITED(status)) {
                return WEXITSTATUS(status);
            }
            return std::nullopt;
        }
        if (done < 0 && errno != EINTR) {
            return std::nullopt;
        }
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(child, SIGKILL);
            ::waitpid(child, &status, 0);
            return std::nullopt;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

} // namespace pgtest
