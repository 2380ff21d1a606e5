// Account administration in the stores: the active flag, the active admins
// counted for the last-admin guard, and the account history.
#include "contract_support.hpp"
#include "store_factories.hpp"
#include "store_fixtures.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

using namespace contract;
using helpdesk::account_history_entry;
using helpdesk::account_status;
using helpdesk::errc;
using helpdesk::role;
using helpdesk::tx_mode;

namespace {

account_history_entry change_of(helpdesk::account_id account, int n) {
    return {.account = account,
            .actor = n % 2 == 0 ? std::optional<helpdesk::account_id>{account} : std::nullopt,
            .at = at(std::chrono::minutes{n}),
            .field = n % 2 == 0 ? "is_active" : "middle_name",
            .old_value = n % 2 == 0 ? std::optional<std::string>{"true"} : std::nullopt,
            .new_value = n % 2 == 0 ? std::optional<std::string>{"false"} : std::optional<std::string>{"Ann-" + std::to_string(n)}};
}

} // namespace

TEST_CASE_TEMPLATE_DEFINE("accounts: the active flag is stored, and inactive staff are no staff", Factory,
                          account_active_id) {
    Factory factory;
    auto store = factory.open();
    auto coordinator = add_account(*store, make_account(1, role::ticket_coordinator));
    const auto admin = add_account(*store, make_account(2, role::system_admin));
    in_read(*store, [&](helpdesk::transaction& tx) {
        CHECK(tx.accounts().find(coordinator.id)->is_active); // new accounts are active
        CHECK(tx.accounts().staff_ids() == std::vector{coordinator.id, admin.id});
    });

    coordinator.is_active = false;
    in_write(*store, [&](helpdesk::transaction& tx) { tx.accounts().update(coordinator); });
    in_read(*store, [&](helpdesk::transaction& tx) {
        const auto found = tx.accounts().find(coordinator.id);
        REQUIRE(found);
        CHECK_FALSE(found->is_active);
        CHECK(found->status == account_status::approved); // beside the status, not instead of it
        CHECK_FALSE(tx.accounts().find_many({coordinator.id}).front().is_active);
        CHECK_FALSE(tx.accounts().list({}, {.offset = 0, .limit = 10}).rows.front().is_active);
        CHECK(tx.accounts().staff_ids() == std::vector{admin.id});
        // The list filters by the flag.
        const auto inactive = tx.accounts().list({.is_active = false}, {.offset = 0, .limit = 10});
        CHECK(inactive.count == 1);
        CHECK(inactive.rows.front().id == coordinator.id);
        const auto active = tx.accounts().list({.is_active = true}, {.offset = 0, .limit = 10});
        CHECK(active.count == 1);
        CHECK(active.rows.front().id == admin.id);
    });

    coordinator.is_active = true;
    in_write(*store, [&](helpdesk::transaction& tx) { tx.accounts().update(coordinator); });
    in_read(*store, [&](helpdesk::transaction& tx) { CHECK(tx.accounts().find(coordinator.id)->is_active); });
}

TEST_CASE_TEMPLATE_DEFINE("accounts: the active admins are the approved, active System Admins, by id", Factory,
                          active_admins_id) {
    Factory factory;
    auto store = factory.open();
    const auto first = add_account(*store, make_account(1, role::system_admin));
    (void)add_account(*store, make_account(2, role::ticket_coordinator));
    (void)add_account(*store, make_account(3, role::system_admin, account_status::pending));
    auto inactive = make_account(4, role::system_admin);
    inactive.is_active = false;
    (void)add_account(*store, inactive);
    const auto second = add_account(*store, make_account(5, role::system_admin));

    // Read in a write transaction (where the rows are reserved) and in a read one.
    in_write(*store, [&](helpdesk::transaction& tx) {
        CHECK(tx.accounts().lock_active_admins() == std::vector{first.id, second.id});
    });
    in_read(*store, [&](helpdesk::transaction& tx) {
        CHECK(tx.accounts().lock_active_admins() == std::vector{first.id, second.id});
    });
}

TEST_CASE_TEMPLATE_DEFINE("accounts: history entries, oldest first, paged by id", Factory, account_history_id) {
    Factory factory;
    auto store = factory.open();
    const auto a = add_account(*store, make_account(1, role::employee, account_status::pending));
    const auto b = add_account(*store, make_account(2));
    std::vector<account_history_entry> rows;
    in_write(*store, [&](helpdesk::transaction& tx) {
        for (int n = 0; n < 7; ++n) {
            auto e = change_of(n == 3 ? b.id : a.id, n);
            tx.accounts().insert_history(e);
            CHECK(e.id > 0);
            if (n != 3) {
                rows.push_back(e);
            }
        }
    });

    in_read(*store, [&](helpdesk::transaction& tx) {
        const auto first = tx.accounts().history_page(a.id, {.offset = 0, .limit = 4});
        CHECK(first.count == 6);
        REQUIRE(first.rows.size() == 4);
        // Every member comes back as written.
        CHECK(std::equal(first.rows.begin(), first.rows.end(), rows.begin()));
        const auto rest = tx.accounts().history_page(
            a.id, {.offset = 0, .limit = 10, .after = helpdesk::keyset{0, first.rows.back().id}, .with_count = false});
        CHECK_FALSE(rest.count);
        REQUIRE(rest.rows.size() == 2);
        CHECK(rest.rows[0].id == rows[4].id);
        CHECK(rest.rows[1].id == rows[5].id);
        CHECK(tx.accounts().history_page(b.id, {.offset = 0, .limit = 10}).count == 1);
        CHECK(tx.accounts().history_page(b.id + 100, {.offset = 0, .limit = 10}).rows.empty());
    });

    SUBCASE("an unknown account's entry conflicts; the transaction stays usable") {
        auto tx = store->begin(tx_mode::write);
        auto ghost = change_of(b.id + 100, 0);
        CHECK(error_code_of([&] { tx->accounts().insert_history(ghost); }) == errc::conflict);
        auto fine = change_of(b.id, 1);
        tx->accounts().insert_history(fine);
        tx->commit();
        in_read(*store, [&](helpdesk::transaction& rtx) {
            CHECK(rtx.accounts().history_page(b.id, {.offset = 0, .limit = 10}).count == 2);
        });
    }

    SUBCASE("a removed (rejected) account's history goes with it") {
        in_write(*store, [&](helpdesk::transaction& tx) { CHECK(tx.accounts().remove(a.id)); });
        in_read(*store, [&](helpdesk::transaction& tx) {
            CHECK(tx.accounts().history_page(a.id, {.offset = 0, .limit = 10}).count == 0);
        });
    }
}

TEST_CASE_TEMPLATE_APPLY(account_active_id, all_store_factories);
TEST_CASE_TEMPLATE_APPLY(active_admins_id, all_store_factories);
TEST_CASE_TEMPLATE_APPLY(account_history_id, all_store_factories);
