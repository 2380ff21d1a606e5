// Canned replies (canned_reply_repository): stored as given, changed only at
// the expected version, deleted, gone with their owner, and listed as a
// viewer sees them (own and shared) by title, ASCII case ignored, then id,
// in offset and keyset windows.
#include "contract_support.hpp"
#include "store_factories.hpp"
#include "store_fixtures.hpp"

#include <helpdesk/domain/canned_reply.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

using namespace contract;
using helpdesk::canned_reply;
using helpdesk::errc;
using helpdesk::title_position;
using helpdesk::title_window;

namespace {

[[nodiscard]] canned_reply make_reply(std::optional<helpdesk::account_id> owner, std::string title,
                                      helpdesk::account_id by) {
    canned_reply r;
    r.owner = owner;
    r.title = std::move(title);
    r.body = "Hello {{employee.first_name}},\n\nyour ticket {{ticket.number}} is done.";
    r.created_at = at();
    r.created_by = by;
    r.updated_at = at();
    return r;
}

canned_reply add_reply(helpdesk::store& s, canned_reply r) {
    in_write(s, [&](helpdesk::transaction& tx) { tx.canned_replies().insert(r); });
    return r;
}

/// A store with a coordinator in it, for each test.
template <class Factory> struct scene {
    Factory factory{};
    std::shared_ptr<helpdesk::store> store = factory.open();
    helpdesk::account coord = add_account(*store, make_account(1, helpdesk::role::ticket_coordinator));
};

[[nodiscard]] std::vector<helpdesk::row_id> ids_of(const std::vector<canned_reply>& rows) {
    std::vector<helpdesk::row_id> ids;
    for (const auto& r : rows) {
        ids.push_back(r.id);
    }
    return ids;
}

} // namespace

TEST_CASE_TEMPLATE_DEFINE("canned replies: insert and find, own and shared, text kept byte for byte", Factory,
                          canned_insert_id) {
    scene<Factory> desk;
    auto& store = desk.store;
    const auto coord = desk.coord;
    const auto admin = add_account(*store, make_account(2, helpdesk::role::system_admin));

    auto own = make_reply(coord.id, "Überprüfung – ticket received ✓", coord.id);
    auto shared = make_reply(std::nullopt, "Password reset", admin.id);
    shared.version = 4;
    shared.updated_at = at(2h);
    own = add_reply(*store, own);
    shared = add_reply(*store, shared);
    CHECK(own.id > 0);
    CHECK(shared.id > own.id);

    in_read(*store, [&](helpdesk::transaction& tx) {
        const auto a = tx.canned_replies().find(own.id);
        REQUIRE(a);
        CHECK(*a == own);
        CHECK_FALSE(a->shared());
        const auto b = tx.canned_replies().find(shared.id);
        REQUIRE(b);
        CHECK(*b == shared);
        CHECK(b->shared());
        CHECK_FALSE(tx.canned_replies().find(shared.id + 100));
    });

    // An owner that is not a stored account is refused.
    auto orphan = make_reply(coord.id + 100, "Orphan", coord.id);
    CHECK(error_code_of([&] { (void)add_reply(*store, orphan); }) == errc::conflict);
}

TEST_CASE_TEMPLATE_DEFINE("canned replies: update only at the expected version, remove once", Factory,
                          canned_update_id) {
    scene<Factory> desk;
    auto& store = desk.store;
    const auto coord = desk.coord;
    const auto stored = add_reply(*store, make_reply(coord.id, "Greeting", coord.id));

    auto changed = stored;
    changed.title = "greeting, changed";
    changed.body = "Hi {{employee.full_name}}";
    changed.updated_at = at(1h);
    changed.version = 2;
    changed.owner = std::nullopt;   // never written by update
    changed.created_by = coord.id + 7;
    in_write(*store, [&](helpdesk::transaction& tx) {
        CHECK_FALSE(tx.canned_replies().update(changed, 2)); // stale: stored is 1
        CHECK(tx.canned_replies().update(changed, 1));
        auto missing = changed;
        missing.id += 100;
        CHECK_FALSE(tx.canned_replies().update(missing, 1));
    });
    in_read(*store, [&](helpdesk::transaction& tx) {
        const auto found = tx.canned_replies().find(stored.id);
        REQUIRE(found);
        CHECK(found->title == "greeting, changed");
        CHECK(found->body == "Hi {{employee.full_name}}");
        CHECK(found->updated_at == at(1h));
        CHECK(found->version == 2);
        CHECK(found->owner == std::optional<helpdesk::account_id>{coord.id});
        CHECK(found->created_by == coord.id);
        CHECK(found->created_at == at());
    });
    in_write(*store, [&](helpdesk::transaction& tx) {
        CHECK_FALSE(tx.canned_replies().update(changed, 1)); // already at 2
        CHECK(tx.canned_replies().remove(stored.id));
        CHECK_FALSE(tx.canned_replies().remove(stored.id));
        CHECK_FALSE(tx.canned_replies().update(changed, 2)); // gone
    });
    in_read(*store, [&](helpdesk::transaction& tx) { CHECK_FALSE(tx.canned_replies().find(stored.id)); });
}

TEST_CASE_TEMPLATE_DEFINE("canned replies: an account's own replies go with it, shared ones stay", Factory,
                          canned_owner_removed_id) {
    scene<Factory> desk;
    const auto own = add_reply(*desk.store, make_reply(desk.coord.id, "Mine", desk.coord.id));
    const auto shared = add_reply(*desk.store, make_reply(std::nullopt, "Everyone's", desk.coord.id));
    in_write(*desk.store, [&](helpdesk::transaction& tx) { CHECK(tx.accounts().remove(desk.coord.id)); });
    in_read(*desk.store, [&](helpdesk::transaction& tx) {
        CHECK_FALSE(tx.canned_replies().find(own.id));
        CHECK(tx.canned_replies().find(shared.id));
    });
}

TEST_CASE_TEMPLATE_DEFINE("canned replies: a viewer's list is its own and the shared ones, by title then id",
                          Factory, canned_list_id) {
    scene<Factory> desk;
    auto& store = desk.store;
    const auto cora = desk.coord;
    const auto dan = add_account(*store, make_account(2, helpdesk::role::ticket_coordinator));
    std::vector<canned_reply> seen; // what Cora sees
    for (const auto& [owner, title] : std::vector<std::pair<std::optional<helpdesk::account_id>, std::string>>{
             {cora.id, "zebra"}, {std::nullopt, "Apple"}, {dan.id, "Dan's own"}, {cora.id, "apple"},
             {std::nullopt, "Mango"}, {cora.id, "Zulu"}, {std::nullopt, "Éclair"}, {cora.id, "apple"},
             {dan.id, "Banana"}}) {
        auto r = add_reply(*store, make_reply(owner, title, cora.id));
        if (!owner || *owner == cora.id) {
            seen.push_back(r);
        }
    }
    std::stable_sort(seen.begin(), seen.end(), [](const canned_reply& a, const canned_reply& b) {
        const auto ka = helpdesk::title_sort_key(a.title);
        const auto kb = helpdesk::title_sort_key(b.title);
        return ka != kb ? ka < kb : a.id < b.id;
    });
    // ASCII case ignored, then id; a non-ASCII first letter after the ASCII ones.
    REQUIRE(seen.size() == 7);
    CHECK(seen.front().title == "Apple");
    CHECK(seen.back().title == "Éclair");

    const auto fetch = [&](const title_window& w) {
        return in_read(*store, [&](helpdesk::transaction& tx) { return tx.canned_replies().list_visible(cora.id, w); });
    };
    const auto all = fetch({.offset = 0, .limit = 100});
    CHECK(all.count == 7);
    CHECK(ids_of(all.rows) == ids_of(seen));
    const auto middle = fetch({.offset = 2, .limit = 3});
    CHECK(middle.count == 7);
    CHECK(ids_of(middle.rows) == std::vector<helpdesk::row_id>{seen[2].id, seen[3].id, seen[4].id});
    CHECK_FALSE(fetch({.limit = 2, .with_count = false}).count.has_value());

    // A keyset walk visits each row once, in order; a row added before the
    // cursor meanwhile does not shift the pages after it.
    std::vector<helpdesk::row_id> walked;
    title_window window{.limit = 2, .with_count = false};
    bool added = false;
    for (int guard = 0; guard < 100; ++guard) {
        const auto p = fetch(window);
        CHECK_FALSE(p.count.has_value());
        for (const auto& r : p.rows) {
            walked.push_back(r.id);
        }
        if (p.rows.size() < 2) {
            break;
        }
        window.after = title_position{helpdesk::title_sort_key(p.rows.back().title), p.rows.back().id};
        if (!added) {
            (void)add_reply(*store, make_reply(std::nullopt, "AAA first", cora.id));
            added = true;
        }
    }
    CHECK(walked == ids_of(seen));
    // Counted with a position, the count is the whole list's.
    const auto counted = fetch({.limit = 2, .after = title_position{"m", 0}, .with_count = true});
    CHECK(counted.count == 8);
    REQUIRE(counted.rows.size() == 2);
    CHECK(counted.rows[0].title == "Mango");

    // Another viewer sees its own and the shared ones only.
    const auto dans = in_read(*store, [&](helpdesk::transaction& tx) {
        return tx.canned_replies().list_visible(dan.id, {.limit = 100});
    });
    CHECK(dans.count == 6);
    for (const auto& r : dans.rows) {
        CHECK((r.shared() || r.owner == std::optional<helpdesk::account_id>{dan.id}));
    }
}

TEST_CASE_TEMPLATE_APPLY(canned_insert_id, all_store_factories);
TEST_CASE_TEMPLATE_APPLY(canned_update_id, all_store_factories);
TEST_CASE_TEMPLATE_APPLY(canned_owner_removed_id, all_store_factories);
TEST_CASE_TEMPLATE_APPLY(canned_list_id, all_store_factories);
