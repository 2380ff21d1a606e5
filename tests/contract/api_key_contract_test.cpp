// API keys of external systems (api_key_repository).
#include "contract_support.hpp"
#include "store_factories.hpp"
#include "store_fixtures.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace contract;
using helpdesk::api_key;
using helpdesk::errc;
using helpdesk::tx_mode;

namespace {

[[nodiscard]] api_key make_key(std::string name, std::string prefix, std::optional<helpdesk::account_id> by) {
    api_key k;
    k.name = std::move(name);
    k.prefix = std::move(prefix);
    k.created_by = by;
    k.created_at = at();
    return k;
}

void check_same(const api_key& got, const api_key& want) {
    CHECK(got.id == want.id);
    CHECK(got.name == want.name);
    CHECK(got.prefix == want.prefix);
    CHECK(got.created_by == want.created_by);
    CHECK(got.created_at == want.created_at);
    CHECK(got.revoked_at == want.revoked_at);
    CHECK(got.last_used_at == want.last_used_at);
}

} // namespace

TEST_CASE_TEMPLATE_DEFINE("api keys: insert, find by hash or id, list", Factory, api_key_store_id) {
    Factory factory;
    auto store = factory.open();
    const auto admin = add_account(*store, make_account(1, helpdesk::role::system_admin));

    auto erp = make_key("ERP – field ops", "hdk_0123abcd", admin.id);
    auto console = make_key("console", "hdk_feedbeef", std::nullopt);
    console.created_at = at(1h);
    console.revoked_at = at(2h);
    console.last_used_at = at(90min);
    in_write(*store, [&](helpdesk::transaction& tx) {
        tx.api_keys().insert(erp, "hash-erp");
        tx.api_keys().insert(console, "hash-console");
    });
    CHECK(erp.id > 0);
    CHECK(console.id > erp.id);

    in_read(*store, [&](helpdesk::transaction& tx) {
        const auto by_hash = tx.api_keys().find_by_hash("hash-erp");
        REQUIRE(by_hash);
        check_same(*by_hash, erp);
        const auto by_id = tx.api_keys().find(console.id);
        REQUIRE(by_id);
        check_same(*by_id, console);
        CHECK_FALSE(tx.api_keys().find_by_hash("unknown"));
        CHECK_FALSE(tx.api_keys().find_by_hash("HASH-ERP")); // hashes match exactly
        CHECK_FALSE(tx.api_keys().find_by_hash(""));
        CHECK_FALSE(tx.api_keys().find(console.id + 100));
        const auto all = tx.api_keys().list({.limit = 100}).rows;
        REQUIRE(all.size() == 2);
        check_same(all[0], erp);
        check_same(all[1], console);
    });

    SUBCASE("a duplicate hash conflicts and leaves the transaction usable") {
        auto tx = store->begin(tx_mode::write);
        auto copy = make_key("copy", "hdk_0123abcd", admin.id);
        CHECK(error_code_of([&] { tx->api_keys().insert(copy, "hash-erp"); }) == errc::conflict);
        auto fresh = make_key("fresh", "hdk_99999999", admin.id);
        tx->api_keys().insert(fresh, "hash-fresh");
        tx->commit();
        in_read(*store, [&](helpdesk::transaction& r) {
            CHECK(r.api_keys().find_by_hash("hash-fresh"));
            CHECK(r.api_keys().list({.limit = 100}).rows.size() == 3);
        });
    }
    SUBCASE("an insert rolled back leaves nothing") {
        {
            auto tx = store->begin(tx_mode::write);
            auto gone = make_key("gone", "hdk_00000000", admin.id);
            tx->api_keys().insert(gone, "hash-gone");
            CHECK(tx->api_keys().find_by_hash("hash-gone"));
        }
        in_read(*store, [&](helpdesk::transaction& tx) {
            CHECK_FALSE(tx.api_keys().find_by_hash("hash-gone"));
            CHECK(tx.api_keys().list({.limit = 100}).rows.size() == 2);
        });
    }
    SUBCASE("keys outlive the account that made them") {
        in_write(*store, [&](helpdesk::transaction& tx) { CHECK(tx.accounts().remove(admin.id)); });
        in_read(*store, [&](helpdesk::transaction& tx) {
            const auto kept = tx.api_keys().find(erp.id);
            REQUIRE(kept);
            CHECK(kept->created_by == std::optional<helpdesk::account_id>{admin.id});
        });
    }
}

TEST_CASE_TEMPLATE_DEFINE("api keys: revoke once, touch only when stale", Factory, api_key_update_id) {
    Factory factory;
    auto store = factory.open();
    auto k = make_key("erp", "hdk_0123abcd", std::nullopt);
    auto other = make_key("billing", "hdk_44445555", std::nullopt);
    in_write(*store, [&](helpdesk::transaction& tx) {
        tx.api_keys().insert(k, "hash-k");
        tx.api_keys().insert(other, "hash-other");
    });

    // A revocation in a rolled-back transaction is undone.
    {
        auto tx = store->begin(tx_mode::write);
        CHECK(tx->api_keys().revoke(k.id, at(1h)));
    }
    in_read(*store, [&](helpdesk::transaction& tx) { CHECK_FALSE(tx.api_keys().find(k.id)->revoked_at); });

    in_write(*store, [&](helpdesk::transaction& tx) {
        CHECK(tx.api_keys().revoke(k.id, at(1h)));
        CHECK_FALSE(tx.api_keys().revoke(k.id, at(2h))); // already revoked: the first time is kept
        CHECK_FALSE(tx.api_keys().revoke(other.id + 100, at(2h)));
    });
    in_read(*store, [&](helpdesk::transaction& tx) {
        CHECK(tx.api_keys().find(k.id)->revoked_at == at(1h));
        CHECK(tx.api_keys().find_by_hash("hash-k")->revoked_at == at(1h));
        CHECK_FALSE(tx.api_keys().find(other.id)->revoked_at); // only that key
    });

    in_write(*store, [&](helpdesk::transaction& tx) {
        CHECK(tx.api_keys().touch(other.id, at(10min), at(9min))); // never used: written
        CHECK_FALSE(tx.api_keys().touch(other.id, at(10min) + 30s, at(9min) + 30s)); // fresh: kept
        CHECK_FALSE(tx.api_keys().touch(other.id + 100, at(10min), at(9min)));
    });
    in_read(*store, [&](helpdesk::transaction& tx) {
        CHECK(tx.api_keys().find(other.id)->last_used_at == at(10min));
        CHECK_FALSE(tx.api_keys().find(k.id)->last_used_at);
    });
    in_write(*store, [&](helpdesk::transaction& tx) {
        // Exactly at the limit counts as stale.
        CHECK(tx.api_keys().touch(other.id, at(11min), at(10min)));
    });
    in_read(*store, [&](helpdesk::transaction& tx) {
        const auto found = tx.api_keys().find(other.id);
        CHECK(found->last_used_at == at(11min));
        CHECK(found->name == "billing"); // nothing else changed
        CHECK(found->created_at == at());
    });
}

TEST_CASE_TEMPLATE_APPLY(api_key_store_id, all_store_factories);
TEST_CASE_TEMPLATE_APPLY(api_key_update_id, all_store_factories);
