// PostgreSQL-only behaviour: URLs, error mapping, broken connections, the
// pool, migrations under concurrent openers.
#ifdef HELPDESK_WITH_POSTGRES

#include <helpdesk/adapters/postgres.hpp>
#include <helpdesk/ports/store.hpp>

#include "contract_support.hpp"
#include "store_factories.hpp"
#include "store_fixtures.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <optional>
#include <string>
#include <thread>
#include <vector>

using namespace contract;
using helpdesk::errc;
using helpdesk::tx_mode;

TEST_CASE("postgres: URLs that are not PostgreSQL URLs are refused") {
    for (const char* url : {"", "postgresql", "postgresql:", "postgresql:/", "sqlite::memory:",
                            "sqlite:///tmp/x.db", "mysql://user@host/db", "host=localhost dbname=x",
                            "http://localhost/db", "postgresql://host/db?no_such_parameter=1",
                            "postgresql://[::1/db", "postgresql://host/db?sslmode"}) {
        CAPTURE(url);
        CHECK(error_code_of([&] { (void)helpdesk::postgres::open(url); }) == errc::invalid_argument);
    }
    CHECK(error_code_of([] {
              (void)helpdesk::postgres::open(std::string_view{"postgresql://h/d\0b", 17});
          }) == errc::invalid_argument);
    CHECK(error_code_of([] {
              (void)helpdesk::postgres::open("postgresql://localhost/db", {.pool_size = 0});
          }) == errc::invalid_argument);
    CHECK(error_code_of([] {
              (void)helpdesk::postgres::open("postgresql://localhost/db",
                                             {.acquire_timeout = std::chrono::milliseconds{-1}});
          }) == errc::invalid_argument);
}

TEST_CASE("postgres: an unreachable server is storage_unavailable") {
    // Port 1 on the loopback refuses connections at once.
    CHECK(error_code_of([] {
              (void)helpdesk::postgres::open("postgresql://nobody@127.0.0.1:1/none",
                                             {.connect_timeout = std::chrono::seconds{2}});
          }) == errc::storage_unavailable);
}

TEST_CASE("postgres: both URL schemes open the same store") {
    postgres_factory factory;
    std::string postgres_url = factory.url();
    postgres_url.replace(0, std::string_view{"postgresql"}.size(), "postgres");
    REQUIRE(postgres_url.rfind("postgres://", 0) == 0);
    {
        auto s = helpdesk::postgres::open(postgres_url);
        (void)add_account(*s, make_account(1));
    }
    auto s = factory.open();
    in_read(*s, [](helpdesk::transaction& tx) { CHECK(tx.accounts().list({}, {.offset = 0, .limit = 10}).count == 1); });
}

TEST_CASE("postgres: stores opening at once apply the migrations once") {
    postgres_factory factory;
    constexpr int openers = 6;
    std::vector<std::thread> threads;
    std::vector<std::string> failures(openers);
    std::atomic<bool> go{false};
    for (int i = 0; i < openers; ++i) {
        threads.emplace_back([&, i] {
            while (!go.load()) {
                std::this_thread::yield();
            }
            try {
                auto s = factory.open({.pool_size = 1});
                (void)add_account(*s, make_account(100 + i));
            } catch (const std::exception& e) {
                failures[static_cast<std::size_t>(i)] = e.what();
            }
        });
    }
    go = true;
    for (auto& t : threads) {
        t.join();
    }
    for (const auto& f : failures) {
        CHECK(f.empty());
    }
    CHECK(factory.run("SELECT count(*) FROM " + factory.schema() + ".schema_version") ==
          factory.run("SELECT max(version) FROM " + factory.schema() + ".schema_version"));
    CHECK(factory.run("SELECT count(*) FROM " + factory.schema() + ".accounts") == std::to_string(openers));
}

TEST_CASE("postgres: a unique violation is conflict and the transaction goes on") {
    postgres_factory factory;
    auto s = factory.open();
    const auto a = add_account(*s, make_account(1));
    auto tx = s->begin(tx_mode::write);
    auto dup = make_account(2);
    dup.email = "USER1@example.com";
    CHECK(error_code_of([&] { tx->accounts().insert(dup); }) == errc::conflict);
    // A foreign-key violation (a ticket of nobody) is a conflict too.
    auto orphan = make_ticket(a.id + 1000, 1, at());
    CHECK(error_code_of([&] { tx->tickets().insert(orphan); }) == errc::conflict);
    auto ok = make_account(3);
    tx->accounts().insert(ok);
    tx->commit();
    in_read(*s, [&](helpdesk::transaction& r) { CHECK(r.accounts().find(ok.id)); });
}

TEST_CASE("postgres: a lost race is a transient_conflict") {
    postgres_factory factory;
    auto s = factory.open();
    const auto owner = add_account(*s, make_account(1));
    const auto t = add_ticket(*s, owner.id, at());

    auto first = s->begin(tx_mode::write);
    auto second = s->begin(tx_mode::write);
    // Both take their snapshot before either writes (the second through a
    // list: a find in a write transaction would reserve the row and make the
    // first wait for the second, on this one thread).
    REQUIRE(first->accounts().find(owner.id));
    REQUIRE(second->accounts().list({}, {.offset = 0, .limit = 10}).count == 1);
    auto renamed = owner;
    renamed.first_name = "Renamed";
    first->accounts().update(renamed);
    first->commit();
    auto other = owner;
    other.last_name = "Other";
    // Under REPEATABLE READ the second writer can neither reserve nor
    // overwrite the row the first changed after its snapshot.
    bool transient = false;
    try {
        (void)second->accounts().find(owner.id);
        second->accounts().update(other);
    } catch (const helpdesk::transient_conflict&) {
        transient = true;
    }
    CHECK(transient);
    second.reset();
    in_read(*s, [&](helpdesk::transaction& r) {
        CHECK(r.accounts().find(owner.id)->first_name == "Renamed");
        CHECK(r.tickets().find(t.id));
    });
}

namespace {

/// Terminates every backend of `factory`'s store (found by the schema in
/// their search_path option, which only the store's connections carry).
int kill_store_backends(postgres_factory& factory, const std::string& application) {
    return std::stoi(factory.run("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                 "WHERE application_name = '" +
                                 application + "' AND pid <> pg_backend_pid()"));
}

} // namespace

TEST_CASE("postgres: a killed connection is replaced, the pool is not corrupted") {
    postgres_factory factory;
    const std::string application = "hd_kill_" + factory.schema();
    auto s = helpdesk::postgres::open(with_url_param(factory.url(), "application_name=" + application),
                                      {.pool_size = 2});
    const auto owner = add_account(*s, make_account(1));
    // Two pooled connections: hold two transactions at once.
    {
        auto a = s->begin(tx_mode::read);
        auto b = s->begin(tx_mode::read);
        CHECK(a->accounts().find(owner.id));
        CHECK(b->accounts().find(owner.id));
    }
    REQUIRE(kill_store_backends(factory, application) == 2);

    for (int round = 0; round < 2; ++round) {
        CAPTURE(round);
        // The next call either succeeds on a fresh connection or reports the
        // store unavailable; the one after that succeeds.
        std::optional<errc> failure;
        try {
            in_read(*s, [&](helpdesk::transaction& tx) { CHECK(tx.accounts().find(owner.id)); });
        } catch (const helpdesk::error& e) {
            failure = e.code();
        }
        if (failure) {
            CHECK(*failure == errc::storage_unavailable);
        }
        in_read(*s, [&](helpdesk::transaction& tx) { CHECK(tx.accounts().find(owner.id)); });
        (void)add_ticket(*s, owner.id, at());
    }

    SUBCASE("killed in the middle of a transaction") {
        auto tx = s->begin(tx_mode::write);
        CHECK(tx->accounts().find(owner.id));
        REQUIRE(kill_store_backends(factory, application) >= 1);
        auto a = make_account(2);
        CHECK(error_code_of([&] { tx->accounts().insert(a); }) == errc::storage_unavailable);
        CHECK(error_code_of([&] { tx->commit(); }) == errc::storage_unavailable);
        tx.reset();
        // The broken connection was dropped, not lent again.
        for (int i = 0; i < 4; ++i) {
            in_read(*s, [&](helpdesk::transaction& r) { CHECK(r.accounts().find(owner.id)); });
        }
        CHECK(add_account(*s, make_account(3)).id > 0);
    }
}

TEST_CASE("postgres: acquire waits up to acquire_timeout, then storage_unavailable") {
    postgres_factory factory;
    auto s = factory.open({.pool_size = 1, .acquire_timeout = std::chrono::milliseconds{50}});
    auto held = s->begin(tx_mode::read);
    std::optional<errc> code;
    std::thread other([&] { code = error_code_of([&] { (void)s->begin(tx_mode::read); }); });
    other.join();
    CHECK(code == errc::storage_unavailable);
    held.reset();
    CHECK(s->begin(tx_mode::write));
}

TEST_CASE("postgres: search text is never tsquery syntax") {
    postgres_factory factory;
    auto s = factory.open();
    const auto owner = add_account(*s, make_account(1));
    auto t = in_write(*s, [&](helpdesk::transaction& tx) {
        auto x = make_ticket(owner.id, tx.tickets().next_ticket_sequence(), at());
        x.subject = "Ünïcode printer's tray";
        x.description = "back\\slash & pipe | bang !";
        tx.tickets().insert(x);
        return x;
    });
    auto found = [&](const std::string& text) {
        return in_read(*s, [&](helpdesk::transaction& tx) {
            helpdesk::ticket_page_request request;
            request.filter.search = text;
            return tx.tickets().list(request).rows.size();
        });
    };
    for (const char* hostile : {"'", "''", "\\", "a:*", "!printer", "printer | tray", "(printer", "<->",
                                "a & b", "printer:A", "' | '"}) {
        CAPTURE(hostile);
        CHECK_NOTHROW((void)found(hostile));
    }
    CHECK(found("unicode") == 1); // accents fold like SQLite's remove_diacritics
    CHECK(found("printer's") == 1);
    CHECK(found("back\\slash") == 1);
    CHECK(found("printer | tray") == 1); // "|" has no letter: skipped, not an OR
    CHECK(found("printer | nothing") == 0);
    CHECK(found("!!! ???") == 1); // no letters or digits: no search filter at all
    CHECK(t.id > 0);
}

// After a ticket write, its history row and outbox event are deferred to the
// next round trip with ids drawn ahead by that write.
TEST_CASE("postgres: history and outbox rows deferred after a ticket write are visible and ordered") {
    postgres_factory factory;
    auto s = factory.open();
    const auto owner = add_account(*s, make_account(1));
    helpdesk::history_event first{.actor = owner.id, .at = at(), .kind = helpdesk::history_kind::created};
    helpdesk::history_event second{.actor = owner.id, .at = at(), .kind = helpdesk::history_kind::status_changed};
    helpdesk::outbox_event event{.kind = "ticket.created",
                                 .payload = "{}",
                                 .created_at = at(),
                                 .next_attempt_at = at(),
                                 .lease = "held",
                                 .secret = "s3cret",
                                 .delivered_to = {"email", "webhook"}};
    const auto t = in_write(*s, [&](helpdesk::transaction& tx) {
        auto x = make_ticket(owner.id, tx.tickets().next_ticket_sequence(), at());
        tx.tickets().insert(x);
        first.ticket = x.id;
        tx.tickets().insert_history(first);
        event.ticket = x.id;
        tx.outbox().insert(event);
        CHECK(first.id > 0);
        CHECK(event.id > 0);
        // Read-your-writes: the deferred rows go out ahead of this read.
        const auto seen = tx.tickets().history(x.id, true);
        REQUIRE(seen.size() == 1);
        CHECK(seen[0].id == first.id);
        CHECK(tx.outbox().find(event.id));
        // No id reserved any more: inserted at once, after the deferred one.
        second.ticket = x.id;
        tx.tickets().insert_history(second);
        CHECK(second.id > first.id);
        return x;
    });
    in_read(*s, [&](helpdesk::transaction& tx) {
        const auto history = tx.tickets().history(t.id, true);
        REQUIRE(history.size() == 2);
        CHECK(history[0].id == first.id);
        CHECK(history[1].id == second.id);
        const auto stored = tx.outbox().find(event.id);
        REQUIRE(stored);
        CHECK(stored->ticket == t.id);
        // The deferred insert carries the leased-settling columns too.
        CHECK(stored->lease == "held");
        CHECK(stored->secret == std::optional<std::string>{"s3cret"});
        CHECK(stored->delivered_to == std::vector<std::string>{"email", "webhook"});
        CHECK(tx.outbox().count(helpdesk::outbox_state::pending) == 1);
    });
}

namespace {

/// A store with one account, and a write transaction that has inserted ticket
/// `x` and then a history row of no ticket: deferred, that row breaks a
/// foreign key only when it is sent.
struct deferred_orphan_world {
    deferred_orphan_world() {
        tx->tickets().insert(x);
        helpdesk::history_event orphan{
            .ticket = x.id + 1000, .actor = owner.id, .at = at(), .kind = helpdesk::history_kind::created};
        tx->tickets().insert_history(orphan);
    }

    postgres_factory factory;
    std::shared_ptr<helpdesk::store> s = factory.open();
    helpdesk::account owner = add_account(*s, make_account(1));
    std::unique_ptr<helpdesk::transaction> tx = s->begin(tx_mode::write);
    helpdesk::ticket x = make_ticket(owner.id, tx->tickets().next_ticket_sequence(), at());
};

} // namespace

TEST_CASE("postgres: a deferred write's failure surfaces at commit, which rolls back") {
    deferred_orphan_world w;
    CHECK(error_code_of([&] { w.tx->commit(); }) == errc::conflict);
    in_read(*w.s, [&](helpdesk::transaction& r) { CHECK_FALSE(r.tickets().find(w.x.id)); });
    CHECK(add_ticket(*w.s, w.owner.id, at()).id > 0); // the pooled connection is fine
}

TEST_CASE("postgres: a deferred write's failure surfaces at the next statement") {
    deferred_orphan_world w;
    CHECK(error_code_of([&] { (void)w.tx->tickets().find(w.x.id); }) == errc::conflict);
    // The transaction is aborted: it cannot commit what came before.
    CHECK(error_code_of([&] { w.tx->commit(); }) == errc::internal);
    in_read(*w.s, [&](helpdesk::transaction& r) { CHECK_FALSE(r.tickets().find(w.x.id)); });
}

#endif // HELPDESK_WITH_POSTGRES
