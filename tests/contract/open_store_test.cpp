// open_store: the URL forms each built store accepts, and the refusals.
#include <helpdesk/adapters/open_store.hpp>
#include <helpdesk/error.hpp>

#include "contract_support.hpp"
#include "store_factories.hpp"
#include "store_fixtures.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

using namespace contract;
using helpdesk::errc;

namespace {

/// The error `open_store(url)` throws; fails the test when it opens.
[[nodiscard]] helpdesk::error refusal_of(const std::string& url) {
    try {
        (void)helpdesk::open_store(url);
    } catch (const helpdesk::error& e) {
        return e;
    }
    FAIL("open_store accepted " << url);
    return helpdesk::error{errc::internal, ""};
}

} // namespace

TEST_CASE("open_store: the SQLite URL forms open a store") {
    auto memory = helpdesk::open_store("sqlite::memory:");
    REQUIRE(memory);
    CHECK(add_account(*memory, make_account(1)).id > 0);

    sqlite_file_factory file;
    auto absolute = helpdesk::open_store(file.url(), {.sqlite = {.reader_connections = 1}});
    CHECK(add_account(*absolute, make_account(2)).id > 0);
    CHECK(std::filesystem::exists(file.path()));

    const auto previous = std::filesystem::current_path();
    std::filesystem::current_path(file.path().parent_path());
    const std::string relative = file.path().filename().string() + "-relative.db";
    {
        auto s = helpdesk::open_store("sqlite://" + relative);
        CHECK(add_account(*s, make_account(3)).id > 0);
    }
    CHECK(std::filesystem::exists(relative));
    for (const char* suffix : {"", "-wal", "-shm"}) {
        std::filesystem::remove(relative + suffix);
    }
    std::filesystem::current_path(previous);
}

TEST_CASE("open_store: an unknown scheme is invalid_argument naming it, with a store_url field") {
    const std::string advice = "'; use sqlite:///path.db, sqlite::memory: or postgresql://...";
    for (const std::string scheme : {"mysql", "http", "", "sqlite3"}) {
        CAPTURE(scheme);
        const auto refused = refusal_of(scheme + "://somewhere/db");
        CHECK(refused.code() == errc::invalid_argument);
        CHECK(std::string{refused.what()} == "unknown store URL scheme in '" + scheme + advice);
        CHECK(refused.fields() == helpdesk::field_errors{{"store_url", {"Unknown store URL scheme."}}});
    }
    CHECK(std::string{refusal_of("no-colon-here").what()} ==
          "unknown store URL scheme in 'no-colon-here" + advice);
    // A malformed URL of a known scheme is the adapter's refusal.
    CHECK(error_code_of([] { (void)helpdesk::open_store("sqlite:"); }) == errc::invalid_argument);
}

#ifdef HELPDESK_WITH_POSTGRES
TEST_CASE("open_store: both PostgreSQL schemes open a store") {
    try {
        postgres_factory db;
        const std::string url = db.url();
        REQUIRE(url.starts_with("postgresql://"));
        auto first = helpdesk::open_store(url, {.postgres = {.pool_size = 2}});
        CHECK(add_account(*first, make_account(1)).id > 0);
        auto second =
            helpdesk::open_store("postgres://" + url.substr(std::string_view{"postgresql://"}.size()));
        in_read(*second,
                [](helpdesk::transaction& tx) { CHECK(tx.accounts().find_by_email(make_account(1).email)); });
    } catch (const postgres_unconfigured&) {
    }
}
#else
TEST_CASE("open_store: a PostgreSQL URL in a build without it names what is missing") {
    const auto refused = refusal_of("postgresql://localhost/db");
    CHECK(refused.code() == errc::invalid_argument);
    CHECK(std::string{refused.what()} == "this build has no PostgreSQL store");
    CHECK(refused.fields() ==
          helpdesk::field_errors{{"store_url", {"PostgreSQL is not available in this build."}}});
}
#endif
