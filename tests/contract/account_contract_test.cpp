// Accounts, rejection audit and password-reset tokens.
#include "contract_support.hpp"
#include "store_factories.hpp"
#include "store_fixtures.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace contract;
using helpdesk::account_status;
using helpdesk::errc;
using helpdesk::role;
using helpdesk::tx_mode;

TEST_CASE_TEMPLATE_DEFINE("accounts: insert, find, update, remove", Factory, account_crud_id) {
    Factory factory;
    auto store = factory.open();

    auto a = make_account(1, role::employee, account_status::pending);
    a.middle_name = "Middle";
    a.suffix = "Jr.";
    a.image_key = "img/abc";
    a = add_account(*store, a);
    CHECK(a.id > 0);

    in_read(*store, [&](helpdesk::transaction& tx) {
        auto found = tx.accounts().find(a.id);
        REQUIRE(found);
        CHECK(found->email == a.email);
        CHECK(found->first_name == a.first_name);
        CHECK(found->middle_name == a.middle_name);
        CHECK(found->last_name == a.last_name);
        CHECK(found->suffix == a.suffix);
        CHECK(found->company_id == a.company_id);
        CHECK(found->department == a.department);
        CHECK(found->account_role == role::employee);
        CHECK(found->status == account_status::pending);
        CHECK(found->password_hash == a.password_hash);
        CHECK(found->image_key == a.image_key);
        CHECK(found->date_created == a.date_created);

        CHECK(tx.accounts().find_by_email("USER1@Example.COM")->id == a.id);
        CHECK(tx.accounts().find_by_company_id(a.company_id)->id == a.id);
        CHECK_FALSE(tx.accounts().find(a.id + 100));
        CHECK_FALSE(tx.accounts().find_by_email("nobody@example.com"));
        CHECK_FALSE(tx.accounts().find_by_company_id("MA9999999"));

        // find_many: one query for several ids; unknown ids are left out.
        CHECK(tx.accounts().find_many({}).empty());
        const auto many = tx.accounts().find_many({a.id + 100, a.id, a.id});
        REQUIRE(many.size() == 1);
        CHECK(many[0].id == a.id);
        CHECK(many[0].email == a.email);
        CHECK(many[0].date_created == a.date_created);
    });

    a.status = account_status::approved;
    a.account_role = role::ticket_coordinator;
    a.middle_name.reset();
    a.image_key.reset();
    a.email = "renamed@example.com";
    in_write(*store, [&](helpdesk::transaction& tx) { tx.accounts().update(a); });
    in_read(*store, [&](helpdesk::transaction& tx) {
        auto found = tx.accounts().find(a.id);
        REQUIRE(found);
        CHECK(found->status == account_status::approved);
        CHECK(found->account_role == role::ticket_coordinator);
        CHECK_FALSE(found->middle_name);
        CHECK_FALSE(found->image_key);
        CHECK(found->email == "renamed@example.com");
    });

    SUBCASE("update of a missing account is not_found") {
        auto ghost = a;
        ghost.id = a.id + 100;
        ghost.email = "ghost@example.com";
        ghost.company_id = "MA777777";
        auto tx = store->begin(tx_mode::write);
        CHECK(error_code_of([&] { tx->accounts().update(ghost); }) == errc::not_found);
    }

    SUBCASE("remove") {
        in_write(*store, [&](helpdesk::transaction& tx) {
            CHECK(tx.accounts().remove(a.id));
            CHECK_FALSE(tx.accounts().remove(a.id));
        });
        in_read(*store, [&](helpdesk::transaction& tx) { CHECK_FALSE(tx.accounts().find(a.id)); });
    }

    SUBCASE("an account that owns tickets is not removed, and its tickets stay (spec 9.11)") {
        const auto t = add_ticket(*store, a.id, at());
        {
            auto tx = store->begin(tx_mode::write);
            CHECK(error_code_of([&] { (void)tx->accounts().remove(a.id); }) == errc::conflict);
        }
        in_read(*store, [&](helpdesk::transaction& tx) {
            CHECK(tx.accounts().find(a.id));
            CHECK(tx.tickets().find(t.id));
        });
    }
}

TEST_CASE_TEMPLATE_DEFINE("accounts: email (any case) and company id are unique", Factory, account_unique_id) {
    Factory factory;
    auto store = factory.open();
    const auto a = add_account(*store, make_account(1));

    auto same_email = make_account(2);
    same_email.email = "User1@EXAMPLE.com";
    auto same_company = make_account(3);
    same_company.company_id = a.company_id;

    auto tx = store->begin(tx_mode::write);
    CHECK(error_code_of([&] { tx->accounts().insert(same_email); }) == errc::conflict);
    CHECK(error_code_of([&] { tx->accounts().insert(same_company); }) == errc::conflict);
    // The first line of a store conflict is for people: no table, column or
    // key value (servers show only that line; the native text follows it).
    try {
        tx->accounts().insert(same_email);
        FAIL("a duplicate email was stored");
    } catch (const helpdesk::error& e) {
        const std::string text = e.what();
        const auto first = text.substr(0, text.find('\n'));
        CHECK(e.code() == errc::conflict);
        CHECK(first.find("accounts") == std::string::npos);
        CHECK(first.find("email") == std::string::npos);
        CHECK(first.find("example.com") == std::string::npos);
        CHECK(text.find('\n') != std::string::npos);
    }

    // Updating into a taken value conflicts too; the transaction stays usable.
    auto b = make_account(4);
    tx->accounts().insert(b);
    b.email = "USER1@example.com";
    CHECK(error_code_of([&] { tx->accounts().update(b); }) == errc::conflict);
    tx->commit();

    in_read(*store, [&](helpdesk::transaction& rtx) {
        CHECK(rtx.accounts().list({}, {.offset = 0, .limit = 10}).count == 2);
        CHECK(rtx.accounts().find(b.id)->email == "user4@example.com");
    });
}

TEST_CASE_TEMPLATE_DEFINE("accounts: list filters, paging and staff ids", Factory, account_list_id) {
    Factory factory;
    auto store = factory.open();
    std::vector<helpdesk::account> all;
    for (int i = 1; i <= 12; ++i) {
        const auto r = i % 4 == 0 ? role::system_admin : i % 3 == 0 ? role::ticket_coordinator : role::employee;
        const auto s = i % 5 == 0 ? account_status::pending : account_status::approved;
        auto a = make_account(i, r, s);
        a.department = i % 2 == 0 ? "IT Department" : "Budget Department";
        all.push_back(add_account(*store, a));
    }

    in_read(*store, [&](helpdesk::transaction& tx) {
        auto some = tx.accounts().find_many({all[10].id, all[2].id, all[5].id});
        std::sort(some.begin(), some.end(), [](const auto& x, const auto& y) { return x.id < y.id; });
        REQUIRE(some.size() == 3);
        CHECK(some[0].id == all[2].id);
        CHECK(some[1].id == all[5].id);
        CHECK(some[2].id == all[10].id);
        CHECK(some[2].email == all[10].email);
        CHECK(some[2].account_role == all[10].account_role);
    });

    in_read(*store, [&](helpdesk::transaction& tx) {
        auto everything = tx.accounts().list({}, {.offset = 0, .limit = 100});
        CHECK(everything.count == 12);
        REQUIRE(everything.rows.size() == 12);
        CHECK(std::is_sorted(everything.rows.begin(), everything.rows.end(),
                             [](const auto& x, const auto& y) { return x.id < y.id; }));

        auto second = tx.accounts().list({}, {.offset = 5, .limit = 5});
        CHECK(second.count == 12);
        REQUIRE(second.rows.size() == 5);
        CHECK(second.rows.front().id == everything.rows[5].id);

        auto expect = [&](const helpdesk::account_filter& f) {
            std::vector<helpdesk::account_id> ids;
            for (const auto& a : all) {
                if ((!f.account_role || a.account_role == *f.account_role) && (!f.status || a.status == *f.status) &&
                    (!f.department || a.department == *f.department)) {
                    ids.push_back(a.id);
                }
            }
            return ids;
        };
        for (const auto& f : {helpdesk::account_filter{.account_role = role::employee},
                              helpdesk::account_filter{.status = account_status::pending},
                              helpdesk::account_filter{.department = "Budget Department"},
                              helpdesk::account_filter{.account_role = role::system_admin,
                                                       .status = account_status::approved,
                                                       .department = "IT Department"}}) {
            auto got = tx.accounts().list(f, {.offset = 0, .limit = 100});
            std::vector<helpdesk::account_id> ids;
            for (const auto& a : got.rows) {
                ids.push_back(a.id);
            }
            CHECK(ids == expect(f));
            CHECK(got.count == static_cast<std::int64_t>(ids.size()));
        }

        std::vector<helpdesk::account_id> staff;
        for (const auto& a : all) {
            if (helpdesk::is_staff(a.account_role) && a.status == account_status::approved) {
                staff.push_back(a.id);
            }
        }
        CHECK(tx.accounts().staff_ids() == staff);
    });
}

TEST_CASE_TEMPLATE_DEFINE("accounts: rejection audit, newest first", Factory, rejection_id) {
    Factory factory;
    auto store = factory.open();
    std::vector<helpdesk::rejected_account> rows;
    in_write(*store, [&](helpdesk::transaction& tx) {
        for (int i = 0; i < 7; ++i) {
            helpdesk::rejected_account r{.company_id = "MA" + std::to_string(2000 + i),
                                         .first_name = "Rejected",
                                         .middle_name = i == 0 ? std::optional<std::string>{"M"} : std::nullopt,
                                         .last_name = "Person",
                                         .suffix = i == 0 ? std::optional<std::string>{"Sr."} : std::nullopt,
                                         .email = "r" + std::to_string(i) + "@example.com",
                                         .department = "Asset Department",
                                         .reason = "not an employee",
                                         .rejected_by = 42,
                                         .rejected_at = at(std::chrono::minutes{i})};
            tx.accounts().insert_rejection(r);
            CHECK(r.id > 0);
            rows.push_back(r);
        }
    });
    in_read(*store, [&](helpdesk::transaction& tx) {
        auto first = tx.accounts().list_rejections({.offset = 0, .limit = 3});
        CHECK(first.count == 7);
        REQUIRE(first.rows.size() == 3);
        CHECK(first.rows[0].id == rows[6].id);
        CHECK(first.rows[2].id == rows[4].id);
        auto last = tx.accounts().list_rejections({.offset = 6, .limit = 3});
        REQUIRE(last.rows.size() == 1);
        const auto& r = last.rows[0];
        CHECK(r.id == rows[0].id);
        CHECK(r.company_id == "MA2000");
        CHECK(r.middle_name == "M");
        CHECK(r.suffix == "Sr.");
        CHECK(r.email == "r0@example.com");
        CHECK(r.department == "Asset Department");
        CHECK(r.reason == "not an employee");
        CHECK(r.rejected_by == 42);
        CHECK(r.rejected_at == at());
    });
}

TEST_CASE_TEMPLATE_DEFINE("accounts: reset tokens are single-use and expire", Factory, reset_token_id) {
    Factory factory;
    auto store = factory.open();
    const auto a = add_account(*store, make_account(1));
    in_write(*store, [&](helpdesk::transaction& tx) {
        tx.accounts().insert_reset_token(a.id, "hash-ok", at(1h));
        tx.accounts().insert_reset_token(a.id, "hash-expired", at(1h));
    });

    in_write(*store, [&](helpdesk::transaction& tx) {
        CHECK(tx.accounts().reset_token_valid("hash-ok", at(30min)));
        CHECK_FALSE(tx.accounts().reset_token_valid("hash-expired", at(1h)));
        CHECK_FALSE(tx.accounts().reset_token_valid("hash-unknown", at()));
        CHECK(tx.accounts().consume_reset_token("hash-ok", at(30min)) == a.id);
        CHECK_FALSE(tx.accounts().reset_token_valid("hash-ok", at(30min))); // spent
        CHECK_FALSE(tx.accounts().consume_reset_token("hash-ok", at(31min)));      // used
        CHECK_FALSE(tx.accounts().consume_reset_token("hash-expired", at(1h)));    // expiry is exclusive
        CHECK_FALSE(tx.accounts().consume_reset_token("hash-expired", at(2h)));
        CHECK_FALSE(tx.accounts().consume_reset_token("hash-unknown", at()));
    });
    // The expired one stays unusable; a consumed one in a rolled-back
    // transaction is usable again.
    in_write(*store, [&](helpdesk::transaction& tx) { tx.accounts().insert_reset_token(a.id, "hash-2", at(1h)); });
    {
        auto tx = store->begin(tx_mode::write);
        CHECK(tx->accounts().consume_reset_token("hash-2", at()) == a.id);
    }
    in_write(*store, [&](helpdesk::transaction& tx) {
        CHECK(tx.accounts().consume_reset_token("hash-2", at()) == a.id);
    });

    SUBCASE("a duplicate token hash conflicts") {
        auto tx = store->begin(tx_mode::write);
        CHECK(error_code_of([&] { tx->accounts().insert_reset_token(a.id, "hash-ok", at(2h)); }) == errc::conflict);
    }
}

TEST_CASE_TEMPLATE_APPLY(account_crud_id, all_store_factories);
TEST_CASE_TEMPLATE_APPLY(account_unique_id, all_store_factories);
TEST_CASE_TEMPLATE_APPLY(account_list_id, all_store_factories);
TEST_CASE_TEMPLATE_APPLY(rejection_id, all_store_factories);
TEST_CASE_TEMPLATE_APPLY(reset_token_id, all_store_factories);
