// Every port list through a page_window: offset windows, keyset walks that
// visit every row once in order, counts only when asked, and rows inserted
// during a walk that do not shift the pages after the cursor.
#include "contract_support.hpp"
#include "store_factories.hpp"
#include "store_fixtures.hpp"

#include <helpdesk/domain/api_key.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <vector>

using namespace contract;
using helpdesk::account_status;
using helpdesk::keyset;
using helpdesk::outbox_state;
using helpdesk::page;
using helpdesk::page_window;
using helpdesk::role;

namespace {

/// The ids of every row, read in keyset windows of `size` (uncounted).
/// `between` runs once, after the first window.
template <class T, class Fetch, class KeyOf>
std::vector<std::int64_t> walk(Fetch fetch, KeyOf key_of, std::int64_t size, std::function<void()> between = {}) {
    std::vector<std::int64_t> ids;
    page_window window{.limit = size, .with_count = false};
    for (int guard = 0; guard < 1000; ++guard) {
        const page<T> p = fetch(window);
        CHECK_FALSE(p.count.has_value());
        for (const auto& row : p.rows) {
            ids.push_back(row.id);
        }
        if (static_cast<std::int64_t>(p.rows.size()) < size) {
            return ids;
        }
        window.after = key_of(p.rows.back());
        if (between) {
            between();
            between = {};
        }
    }
    FAIL("the walk did not end");
    return ids;
}

template <class T> std::vector<std::int64_t> ids_of(const std::vector<T>& rows) {
    std::vector<std::int64_t> ids;
    for (const auto& row : rows) {
        ids.push_back(row.id);
    }
    return ids;
}

const auto by_id = [](const auto& row) { return keyset{0, row.id}; };

} // namespace

TEST_CASE_TEMPLATE_DEFINE("list windows: accounts by id under each filter", Factory, window_accounts_id) {
    Factory factory;
    auto store = factory.open();
    std::vector<helpdesk::account> all;
    for (int i = 1; i <= 9; ++i) {
        auto a = make_account(i, i % 3 == 0 ? role::ticket_coordinator : role::employee,
                              i % 2 == 0 ? account_status::pending : account_status::approved);
        if (i > 6) {
            a.department = "Asset Department";
        }
        all.push_back(add_account(*store, a));
    }
    std::vector<helpdesk::account_filter> filters{{}, {role::ticket_coordinator, {}, {}},
                                                  {{}, account_status::approved, {}},
                                                  {{}, {}, "Asset Department"},
                                                  {role::employee, account_status::pending, {}}};
    for (const auto& f : filters) {
        std::vector<std::int64_t> expected;
        for (const auto& a : all) {
            if ((!f.account_role || a.account_role == *f.account_role) && (!f.status || a.status == *f.status) &&
                (!f.department || a.department == *f.department)) {
                expected.push_back(a.id);
            }
        }
        const auto fetch = [&](const page_window& w) {
            return in_read(*store, [&](helpdesk::transaction& tx) { return tx.accounts().list(f, w); });
        };
        CHECK(walk<helpdesk::account>(fetch, by_id, 2) == expected);
        const auto counted = fetch({.offset = 1, .limit = 2});
        CHECK(counted.count == static_cast<std::int64_t>(expected.size()));
        const std::vector<std::int64_t> slice(expected.begin() + std::min<std::ptrdiff_t>(1, std::ssize(expected)),
                                              expected.begin() + std::min<std::ptrdiff_t>(3, std::ssize(expected)));
        CHECK(ids_of(counted.rows) == slice);
        CHECK_FALSE(fetch({.limit = 2, .with_count = false}).count.has_value());
    }
}

TEST_CASE_TEMPLATE_DEFINE("list windows: the rejection audit newest first, ties broken by id", Factory,
                          window_rejections_id) {
    Factory factory;
    auto store = factory.open();
    std::vector<helpdesk::rejected_account> rows;
    const auto add = [&](int i, helpdesk::time_point when) {
        helpdesk::rejected_account r{.company_id = "MA" + std::to_string(3000 + i),
                                     .first_name = "R",
                                     .last_name = "P",
                                     .email = "rej" + std::to_string(i) + "@example.com",
                                     .department = "IT Department",
                                     .reason = "no",
                                     .rejected_by = 1,
                                     .rejected_at = when};
        in_write(*store, [&](helpdesk::transaction& tx) { tx.accounts().insert_rejection(r); });
        return r;
    };
    for (int i = 0; i < 7; ++i) {
        rows.push_back(add(i, at(std::chrono::minutes{i / 2}))); // pairs share a time
    }
    auto expected = rows;
    std::sort(expected.begin(), expected.end(), [](const auto& a, const auto& b) {
        return a.rejected_at != b.rejected_at ? a.rejected_at > b.rejected_at : a.id > b.id;
    });
    const auto fetch = [&](const page_window& w) {
        return in_read(*store, [&](helpdesk::transaction& tx) { return tx.accounts().list_rejections(w); });
    };
    const auto key_of = [](const helpdesk::rejected_account& r) {
        return keyset{r.rejected_at.time_since_epoch().count(), r.id};
    };
    // A newer row added during the walk sorts before the cursor: later pages do not shift.
    const auto walked =
        walk<helpdesk::rejected_account>(fetch, key_of, 2, [&] { (void)add(99, at(std::chrono::hours{9})); });
    CHECK(walked == ids_of(expected));
    const auto counted = fetch({.offset = 2, .limit = 2});
    CHECK(counted.count == 8);
    REQUIRE(counted.rows.size() == 2);
    CHECK(counted.rows[0].id == expected[1].id);
    CHECK(counted.rows[1].id == expected[2].id);
}

TEST_CASE_TEMPLATE_DEFINE("list windows: outbox events of one state, newest first", Factory, window_outbox_id) {
    Factory factory;
    auto store = factory.open();
    std::vector<helpdesk::outbox_event> events;
    in_write(*store, [&](helpdesk::transaction& tx) {
        for (int i = 0; i < 9; ++i) {
            helpdesk::outbox_event e{.kind = std::string{helpdesk::event_kind::ticket_created},
                                     .payload = "{}",
                                     .created_at = at(std::chrono::minutes{i}),
                                     .next_attempt_at = at()};
            tx.outbox().insert(e);
            if (i % 2 == 0) {
                e.state = outbox_state::dead;
                tx.outbox().update(e);
            }
            events.push_back(e);
        }
    });
    std::vector<std::int64_t> dead;
    for (auto it = events.rbegin(); it != events.rend(); ++it) {
        if (it->state == outbox_state::dead) {
            dead.push_back(it->id);
        }
    }
    const auto fetch = [&](const page_window& w) {
        return in_read(*store, [&](helpdesk::transaction& tx) { return tx.outbox().list(outbox_state::dead, w); });
    };
    CHECK(walk<helpdesk::outbox_event>(fetch, by_id, 2) == dead);
    const auto counted = fetch({.offset = 1, .limit = 3});
    CHECK(counted.count == 5);
    CHECK(ids_of(counted.rows) == std::vector<std::int64_t>(dead.begin() + 1, dead.begin() + 4));
}

TEST_CASE_TEMPLATE_DEFINE("list windows: API keys by id", Factory, window_api_keys_id) {
    Factory factory;
    auto store = factory.open();
    std::vector<std::int64_t> ids;
    in_write(*store, [&](helpdesk::transaction& tx) {
        for (int i = 0; i < 5; ++i) {
            helpdesk::api_key k{.name = "key " + std::to_string(i), .prefix = "hdk_000" + std::to_string(i),
                                .created_at = at()};
            tx.api_keys().insert(k, "hash-" + std::to_string(i));
            ids.push_back(k.id);
        }
    });
    const auto fetch = [&](const page_window& w) {
        return in_read(*store, [&](helpdesk::transaction& tx) { return tx.api_keys().list(w); });
    };
    CHECK(walk<helpdesk::api_key>(fetch, by_id, 2) == ids);
    const auto counted = fetch({.offset = 4, .limit = 2});
    CHECK(counted.count == 5);
    CHECK(ids_of(counted.rows) == std::vector<std::int64_t>{ids[4]});
}

TEST_CASE_TEMPLATE_DEFINE("list windows: a ticket's comments and history, internal rows on request", Factory,
                          window_ticket_rows_id) {
    Factory factory;
    auto store = factory.open();
    const auto owner = add_account(*store, make_account(1));
    const auto t = add_ticket(*store, owner.id, at());
    const auto other = add_ticket(*store, owner.id, at());
    const auto add_rows = [&](helpdesk::ticket_id on, int i) {
        in_write(*store, [&](helpdesk::transaction& tx) {
            helpdesk::comment c{.ticket = on, .author = owner.id, .text = "c" + std::to_string(i),
                                .is_internal = i % 3 == 0, .created_at = at(std::chrono::minutes{i})};
            tx.tickets().insert_comment(c);
            helpdesk::history_event e{.ticket = on, .actor = owner.id, .at = at(std::chrono::minutes{i}),
                                      .kind = helpdesk::history_kind::status_changed, .new_value = "Open",
                                      .is_internal = i % 3 == 0};
            tx.tickets().insert_history(e);
        });
    };
    for (int i = 0; i < 8; ++i) {
        add_rows(t.id, i);
        add_rows(other.id, i);
    }
    for (const bool internal : {true, false}) {
        CAPTURE(internal);
        const auto all_comments =
            ids_of(in_read(*store, [&](helpdesk::transaction& tx) { return tx.tickets().comments(t.id, internal); }));
        const auto all_history =
            ids_of(in_read(*store, [&](helpdesk::transaction& tx) { return tx.tickets().history(t.id, internal); }));
        CHECK(all_comments.size() == (internal ? 8U : 5U));
        CHECK(all_history.size() == (internal ? 8U : 5U));
        const auto comments = [&](const page_window& w) {
            return in_read(*store,
                           [&](helpdesk::transaction& tx) { return tx.tickets().comment_page(t.id, internal, w); });
        };
        const auto history = [&](const page_window& w) {
            return in_read(*store,
                           [&](helpdesk::transaction& tx) { return tx.tickets().history_page(t.id, internal, w); });
        };
        CHECK(walk<helpdesk::comment>(comments, by_id, 3) == all_comments);
        CHECK(walk<helpdesk::history_event>(history, by_id, 3) == all_history);
        const auto counted = comments({.offset = 3, .limit = 3});
        CHECK(counted.count == std::ssize(all_comments));
        CHECK(ids_of(counted.rows) == std::vector<std::int64_t>(all_comments.begin() + 3,
                                                                all_comments.begin() + (internal ? 6 : 5)));
        CHECK(history({.offset = 0, .limit = 1}).count == std::ssize(all_history));
    }
    // A comment added during a walk comes after the cursor: it is read last, once.
    const auto before =
        ids_of(in_read(*store, [&](helpdesk::transaction& tx) { return tx.tickets().comments(t.id, false); }));
    const auto walked = walk<helpdesk::comment>(
        [&](const page_window& w) {
            return in_read(*store,
                           [&](helpdesk::transaction& tx) { return tx.tickets().comment_page(t.id, false, w); });
        },
        by_id, 2, [&] { add_rows(t.id, 10); });
    REQUIRE(walked.size() == before.size() + 1);
    CHECK(std::equal(before.begin(), before.end(), walked.begin()));
}

TEST_CASE_TEMPLATE_APPLY(window_accounts_id, all_store_factories);
TEST_CASE_TEMPLATE_APPLY(window_rejections_id, all_store_factories);
TEST_CASE_TEMPLATE_APPLY(window_outbox_id, all_store_factories);
TEST_CASE_TEMPLATE_APPLY(window_api_keys_id, all_store_factories);
TEST_CASE_TEMPLATE_APPLY(window_ticket_rows_id, all_store_factories);
