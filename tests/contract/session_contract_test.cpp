// Refresh-token sessions (session_repository).
#include "contract_support.hpp"
#include "store_factories.hpp"
#include "store_fixtures.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace contract;
using helpdesk::errc;
using helpdesk::session_token;
using helpdesk::tx_mode;

namespace {

[[nodiscard]] session_token make_token(std::string token, std::string session, helpdesk::account_id owner,
                                       helpdesk::time_point expires) {
    session_token t;
    t.token_hash = std::move(token);
    t.session_hash = std::move(session);
    t.account = owner;
    t.created_at = at();
    t.expires_at = expires;
    return t;
}

} // namespace

TEST_CASE_TEMPLATE_DEFINE("sessions: insert, find, revoke one token", Factory, session_token_id) {
    Factory factory;
    auto store = factory.open();
    const auto a = add_account(*store, make_account(1));

    in_write(*store,
             [&](helpdesk::transaction& tx) { tx.sessions().insert(make_token("t1", "s1", a.id, at(24h))); });
    in_read(*store, [&](helpdesk::transaction& tx) {
        const auto found = tx.sessions().find("t1");
        REQUIRE(found);
        CHECK(found->token_hash == "t1");
        CHECK(found->session_hash == "s1");
        CHECK(found->account == a.id);
        CHECK(found->created_at == at());
        CHECK(found->expires_at == at(24h));
        CHECK_FALSE(found->revoked_at);
        CHECK_FALSE(tx.sessions().find("unknown"));
    });

    // A revocation in a rolled-back transaction is undone.
    {
        auto tx = store->begin(tx_mode::write);
        CHECK(tx->sessions().revoke("t1", at(1h)));
    }
    in_read(*store, [&](helpdesk::transaction& tx) { CHECK_FALSE(tx.sessions().find("t1")->revoked_at); });

    in_write(*store, [&](helpdesk::transaction& tx) {
        CHECK(tx.sessions().revoke("t1", at(1h)));
        CHECK_FALSE(tx.sessions().revoke("t1", at(2h))); // already revoked: the first time is kept
        CHECK_FALSE(tx.sessions().revoke("unknown", at(2h)));
    });
    in_read(*store,
            [&](helpdesk::transaction& tx) { CHECK(tx.sessions().find("t1")->revoked_at == at(1h)); });

    SUBCASE("a duplicate token hash conflicts and leaves the transaction usable") {
        auto tx = store->begin(tx_mode::write);
        CHECK(error_code_of([&] { tx->sessions().insert(make_token("t1", "s2", a.id, at(24h))); }) ==
              errc::conflict);
        tx->sessions().insert(make_token("t2", "s2", a.id, at(24h)));
        tx->commit();
        in_read(*store, [&](helpdesk::transaction& r) { CHECK(r.sessions().find("t2")); });
    }
    SUBCASE("a token of an unknown account conflicts") {
        auto tx = store->begin(tx_mode::write);
        CHECK(error_code_of([&] { tx->sessions().insert(make_token("t9", "s9", a.id + 100, at(24h))); }) ==
              errc::conflict);
    }
    SUBCASE("removing the account removes its tokens") {
        in_write(*store, [&](helpdesk::transaction& tx) { CHECK(tx.accounts().remove(a.id)); });
        in_read(*store, [&](helpdesk::transaction& tx) { CHECK_FALSE(tx.sessions().find("t1")); });
    }
}

TEST_CASE_TEMPLATE_DEFINE("sessions: revoke a session, all sessions but one, purge", Factory,
                          session_bulk_id) {
    Factory factory;
    auto store = factory.open();
    const auto a = add_account(*store, make_account(1));
    const auto b = add_account(*store, make_account(2));

    in_write(*store, [&](helpdesk::transaction& tx) {
        tx.sessions().insert(make_token("a-s1-t1", "s1", a.id, at(1h)));
        tx.sessions().insert(make_token("a-s1-t2", "s1", a.id, at(24h)));
        tx.sessions().insert(make_token("a-s2-t1", "s2", a.id, at(24h)));
        tx.sessions().insert(make_token("a-s3-t1", "s3", a.id, at(24h)));
        tx.sessions().insert(make_token("b-s1-t1", "s1", b.id, at(24h))); // same session id, other account
    });
    const auto revoked = [&](const std::string& token) {
        return in_read(*store,
                       [&](helpdesk::transaction& tx) { return tx.sessions().find(token)->revoked_at; });
    };

    in_write(*store, [&](helpdesk::transaction& tx) {
        CHECK(tx.sessions().revoke("a-s1-t1", at(1min)));
        CHECK(tx.sessions().revoke_session(a.id, "s1", at(2min)) == 1); // only the unrevoked one
        CHECK(tx.sessions().revoke_session(a.id, "s1", at(3min)) == 0); // idempotent
        CHECK(tx.sessions().revoke_session(a.id, "nope", at(3min)) == 0);
    });
    CHECK(revoked("a-s1-t1") == at(1min));
    CHECK(revoked("a-s1-t2") == at(2min));
    CHECK_FALSE(revoked("a-s2-t1"));
    CHECK_FALSE(revoked("b-s1-t1"));

    in_write(*store, [&](helpdesk::transaction& tx) {
        CHECK(tx.sessions().revoke_all(a.id, std::string_view{"s2"}, at(4min)) == 1);
    });
    CHECK_FALSE(revoked("a-s2-t1"));
    CHECK(revoked("a-s3-t1") == at(4min));
    CHECK_FALSE(revoked("b-s1-t1"));

    in_write(*store, [&](helpdesk::transaction& tx) {
        CHECK(tx.sessions().revoke_all(a.id, std::nullopt, at(5min)) == 1);
    });
    CHECK(revoked("a-s2-t1") == at(5min));
    CHECK_FALSE(revoked("b-s1-t1"));

    // Purge removes the account's tokens that expired before the cut-off, revoked or not.
    in_write(*store, [&](helpdesk::transaction& tx) {
        CHECK(tx.sessions().purge(a.id, at(1h)) == 0); // expiry at the cut-off is kept
        CHECK(tx.sessions().purge(b.id, at(48h)) == 1);
        CHECK(tx.sessions().purge(a.id, at(2h)) == 1);
    });
    in_read(*store, [&](helpdesk::transaction& tx) {
        CHECK_FALSE(tx.sessions().find("a-s1-t1"));
        CHECK(tx.sessions().find("a-s1-t2"));
        CHECK(tx.sessions().find("a-s2-t1"));
        CHECK_FALSE(tx.sessions().find("b-s1-t1"));
    });
}

TEST_CASE_TEMPLATE_APPLY(session_token_id, all_store_factories);
TEST_CASE_TEMPLATE_APPLY(session_bulk_id, all_store_factories);
