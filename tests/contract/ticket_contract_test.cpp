// Tickets and their comments, attachments, history and idempotency keys.
#include "contract_support.hpp"
#include "store_factories.hpp"
#include "store_fixtures.hpp"

#include <doctest/doctest.h>

using namespace contract;
using helpdesk::errc;
using helpdesk::ticket_status;
using helpdesk::tx_mode;

TEST_CASE_TEMPLATE_DEFINE("tickets: insert, find, find_by_number, every field round-trips", Factory,
                          ticket_crud_id) {
    Factory factory;
    auto store = factory.open();
    const auto owner = add_account(*store, make_account(1));
    const auto staff = add_account(*store, make_account(2, helpdesk::role::ticket_coordinator));

    auto full = make_ticket(owner.id, 12345, at(5min));
    full.scheduled_date = std::chrono::sys_days{std::chrono::year{2026} / 3 / 14};
    full.ticket_priority = helpdesk::priority::critical;
    full.department = "Budget Department";
    full.status = ticket_status::resolved;
    full.assigned_to = staff.id;
    full.update_date = at(9min);
    full.response_seconds = 61;
    full.resolution_seconds = 3601;
    full.time_closed = at(10min);
    full.rejection_reason = "reason";
    full.finalized = true;
    full.version = 7;
    full.subject = "Ünïcode “subject” with 'quotes'";
    in_write(*store, [&](helpdesk::transaction& tx) { tx.tickets().insert(full); });
    CHECK(full.id > 0);
    const auto plain = add_ticket(*store, owner.id, at());
    CHECK(plain.id != full.id);

    in_read(*store, [&](helpdesk::transaction& tx) {
        auto t = tx.tickets().find(full.id);
        REQUIRE(t);
        CHECK(t->ticket_number == "TX12345");
        CHECK(t->employee == owner.id);
        CHECK(t->subject == full.subject);
        CHECK(t->category == full.category);
        CHECK(t->sub_category == full.sub_category);
        CHECK(t->description == full.description);
        CHECK(t->scheduled_date == full.scheduled_date);
        CHECK(t->ticket_priority == helpdesk::priority::critical);
        CHECK(t->department == "Budget Department");
        CHECK(t->status == ticket_status::resolved);
        CHECK(t->assigned_to == staff.id);
        CHECK(t->submit_date == at(5min));
        CHECK(t->update_date == at(9min));
        CHECK(t->response_seconds == 61);
        CHECK(t->resolution_seconds == 3601);
        CHECK(t->time_closed == at(10min));
        CHECK(t->rejection_reason == "reason");
        CHECK(t->finalized);
        CHECK(t->version == 7);

        auto p = tx.tickets().find_by_number(plain.ticket_number);
        REQUIRE(p);
        CHECK(p->id == plain.id);
        CHECK_FALSE(p->scheduled_date);
        CHECK_FALSE(p->assigned_to);
        CHECK_FALSE(p->response_seconds);
        CHECK_FALSE(p->resolution_seconds);
        CHECK_FALSE(p->time_closed);
        CHECK_FALSE(p->rejection_reason);
        CHECK_FALSE(p->finalized);
        CHECK(p->status == ticket_status::new_);
        CHECK(p->ticket_priority == helpdesk::priority::low);
        CHECK(p->version == 1);

        CHECK_FALSE(tx.tickets().find(full.id + plain.id + 100));
        CHECK_FALSE(tx.tickets().find_by_number("TX99999"));
    });

    SUBCASE("a duplicate ticket number conflicts") {
        auto dup = make_ticket(owner.id, 12345, at());
        auto tx = store->begin(tx_mode::write);
        CHECK(error_code_of([&] { tx->tickets().insert(dup); }) == errc::conflict);
    }
}

TEST_CASE_TEMPLATE_DEFINE("tickets: optimistic update", Factory, ticket_update_id) {
    Factory factory;
    auto store = factory.open();
    const auto owner = add_account(*store, make_account(1));
    const auto original = add_ticket(*store, owner.id, at());

    auto changed = original;
    changed.status = ticket_status::open;
    changed.ticket_priority = helpdesk::priority::high;
    changed.update_date = at(1min);
    changed.version = original.version + 1;
    in_write(*store, [&](helpdesk::transaction& tx) { CHECK(tx.tickets().update(changed, original.version)); });

    SUBCASE("a stale version returns false and writes nothing") {
        auto stale = original;
        stale.subject = "should not land";
        stale.version = original.version + 1;
        in_write(*store, [&](helpdesk::transaction& tx) { CHECK_FALSE(tx.tickets().update(stale, original.version)); });
        in_read(*store, [&](helpdesk::transaction& tx) {
            auto t = tx.tickets().find(original.id);
            REQUIRE(t);
            CHECK(t->subject == original.subject);
            CHECK(t->status == ticket_status::open);
            CHECK(t->ticket_priority == helpdesk::priority::high);
            CHECK(t->version == original.version + 1);
        });
    }

    SUBCASE("an unknown id returns false") {
        auto ghost = changed;
        ghost.id = original.id + 100;
        in_write(*store, [&](helpdesk::transaction& tx) { CHECK_FALSE(tx.tickets().update(ghost, changed.version)); });
    }

    SUBCASE("an update in a rolled-back transaction is undone") {
        {
            auto tx = store->begin(tx_mode::write);
            auto next = changed;
            next.status = ticket_status::in_progress;
            next.version = changed.version + 1;
            CHECK(tx->tickets().update(next, changed.version));
        }
        in_read(*store, [&](helpdesk::transaction& tx) {
            CHECK(tx.tickets().find(original.id)->status == ticket_status::open);
            CHECK(tx.tickets().stats(std::nullopt, at()).by_status.at("Open") == 1);
        });
    }
}

TEST_CASE_TEMPLATE_DEFINE("tickets: comments and history, in order, internal ones on request", Factory,
                          ticket_records_id) {
    Factory factory;
    auto store = factory.open();
    const auto owner = add_account(*store, make_account(1));
    const auto t = add_ticket(*store, owner.id, at());
    const auto other = add_ticket(*store, owner.id, at());

    std::vector<helpdesk::comment> comments;
    std::vector<helpdesk::history_event> events;
    in_write(*store, [&](helpdesk::transaction& tx) {
        for (int i = 0; i < 6; ++i) {
            helpdesk::comment c{.ticket = t.id,
                                .author = i == 5 ? std::nullopt : std::optional<helpdesk::account_id>{owner.id},
                                .text = "comment " + std::to_string(i),
                                .is_internal = i % 2 == 1,
                                .created_at = at(std::chrono::minutes{i})};
            tx.tickets().insert_comment(c);
            comments.push_back(c);
            helpdesk::history_event e{.ticket = t.id,
                                      .actor = i == 5 ? std::nullopt : std::optional<helpdesk::account_id>{owner.id},
                                      .at = at(std::chrono::minutes{i}),
                                      .kind = helpdesk::history_kind::status_changed,
                                      .old_value = i == 0 ? std::nullopt : std::optional<std::string>{"Open"},
                                      .new_value = "In Progress",
                                      .is_internal = i % 3 == 0};
            tx.tickets().insert_history(e);
            events.push_back(e);
        }
        helpdesk::comment elsewhere{.ticket = other.id, .author = owner.id, .text = "x", .created_at = at()};
        tx.tickets().insert_comment(elsewhere);
    });

    in_read(*store, [&](helpdesk::transaction& tx) {
        auto all = tx.tickets().comments(t.id, true);
        REQUIRE(all.size() == 6);
        for (std::size_t i = 0; i < all.size(); ++i) {
            CHECK(all[i].id == comments[i].id);
            CHECK(all[i].ticket == t.id);
            CHECK(all[i].author == comments[i].author);
            CHECK(all[i].text == comments[i].text);
            CHECK(all[i].is_internal == comments[i].is_internal);
            CHECK(all[i].created_at == comments[i].created_at);
        }
        auto visible = tx.tickets().comments(t.id, false);
        REQUIRE(visible.size() == 3);
        CHECK(visible[0].text == "comment 0");
        CHECK(visible[1].text == "comment 2");
        CHECK(visible[2].text == "comment 4");

        auto history = tx.tickets().history(t.id, true);
        REQUIRE(history.size() == 6);
        for (std::size_t i = 0; i < history.size(); ++i) {
            CHECK(history[i].id == events[i].id);
            CHECK(history[i].actor == events[i].actor);
            CHECK(history[i].at == events[i].at);
            CHECK(history[i].kind == helpdesk::history_kind::status_changed);
            CHECK(history[i].old_value == events[i].old_value);
            CHECK(history[i].new_value == events[i].new_value);
            CHECK(history[i].is_internal == events[i].is_internal);
        }
        auto public_history = tx.tickets().history(t.id, false);
        REQUIRE(public_history.size() == 4);
        CHECK(public_history[0].id == events[1].id);
        CHECK(public_history[3].id == events[5].id);

        CHECK(tx.tickets().comments(other.id, true).size() == 1);
        CHECK(tx.tickets().history(other.id, true).empty());
    });
}

TEST_CASE_TEMPLATE_DEFINE("tickets: every history kind is stored and read back as itself", Factory,
                          history_kinds_id) {
    using k = helpdesk::history_kind;
    const k kinds[] = {k::created,        k::status_changed,     k::priority_changed,     k::department_changed,
                       k::assigned,       k::unassigned,         k::attachment_added,     k::comment_added,
                       k::internal_comment_added, k::finalized,  k::sla_reapplied,        k::category_changed,
                       k::sub_category_changed};
    Factory factory;
    auto store = factory.open();
    const auto owner = add_account(*store, make_account(1));
    const auto t = add_ticket(*store, owner.id, at());
    in_write(*store, [&](helpdesk::transaction& tx) {
        for (const auto kind : kinds) {
            helpdesk::history_event e{.ticket = t.id, .actor = owner.id, .at = at(), .kind = kind,
                                      .old_value = "before", .new_value = "after"};
            tx.tickets().insert_history(e);
        }
    });
    in_read(*store, [&](helpdesk::transaction& tx) {
        const auto history = tx.tickets().history(t.id, true);
        REQUIRE(history.size() == std::size(kinds));
        for (std::size_t i = 0; i < history.size(); ++i) {
            INFO(to_string(kinds[i]));
            CHECK(history[i].kind == kinds[i]);
            CHECK(history[i].old_value == "before");
            CHECK(history[i].new_value == "after");
        }
    });
}

TEST_CASE_TEMPLATE_DEFINE("tickets: attachments", Factory, attachment_id) {
    Factory factory;
    auto store = factory.open();
    const auto owner = add_account(*store, make_account(1));
    const auto t = add_ticket(*store, owner.id, at());
    std::vector<helpdesk::attachment> added;
    in_write(*store, [&](helpdesk::transaction& tx) {
        for (int i = 0; i < 3; ++i) {
            helpdesk::attachment a{.ticket = t.id,
                                   .file_name = "file" + std::to_string(i) + ".pdf",
                                   .content_type = "application/pdf",
                                   .size = 1000 + i,
                                   .blob_key = "blob-" + std::to_string(i),
                                   .uploaded_by = owner.id,
                                   .upload_date = at(std::chrono::seconds{i})};
            tx.tickets().insert_attachment(a);
            added.push_back(a);
        }
    });
    in_read(*store, [&](helpdesk::transaction& tx) {
        auto list = tx.tickets().attachments(t.id);
        REQUIRE(list.size() == 3);
        for (std::size_t i = 0; i < list.size(); ++i) {
            CHECK(list[i].id == added[i].id);
            CHECK(list[i].ticket == t.id);
            CHECK(list[i].file_name == added[i].file_name);
            CHECK(list[i].content_type == "application/pdf");
            CHECK(list[i].size == added[i].size);
            CHECK(list[i].blob_key == added[i].blob_key);
            CHECK(list[i].uploaded_by == owner.id);
            CHECK(list[i].upload_date == added[i].upload_date);
        }
        auto one = tx.tickets().find_attachment(added[1].id);
        REQUIRE(one);
        CHECK(one->blob_key == "blob-1");
        CHECK_FALSE(tx.tickets().find_attachment(added[2].id + 100));
        CHECK(tx.tickets().attachments(t.id + 100).empty());
    });
}

TEST_CASE_TEMPLATE_DEFINE("tickets: idempotency keys", Factory, idempotency_id) {
    Factory factory;
    auto store = factory.open();
    const auto owner = add_account(*store, make_account(1));
    const auto other = add_account(*store, make_account(2));
    const auto t = add_ticket(*store, owner.id, at());

    in_read(*store, [&](helpdesk::transaction& tx) { CHECK_FALSE(tx.tickets().find_idempotency(owner.id, "k1")); });
    in_write(*store, [&](helpdesk::transaction& tx) {
        tx.tickets().insert_idempotency(owner.id, "k1", "fingerprint-1", t.id, at());
    });
    in_read(*store, [&](helpdesk::transaction& tx) {
        auto found = tx.tickets().find_idempotency(owner.id, "k1");
        REQUIRE(found);
        CHECK(found->first == t.id);
        CHECK(found->second == "fingerprint-1");
        // Keys are per owner.
        CHECK_FALSE(tx.tickets().find_idempotency(other.id, "k1"));
        CHECK_FALSE(tx.tickets().find_idempotency(owner.id, "K1"));
    });
    auto tx = store->begin(tx_mode::write);
    CHECK(error_code_of([&] { tx->tickets().insert_idempotency(owner.id, "k1", "fp", t.id, at()); }) ==
          errc::conflict);
    tx->tickets().insert_idempotency(other.id, "k1", "fp", t.id, at());
    tx->commit();
}

TEST_CASE_TEMPLATE_APPLY(ticket_crud_id, all_store_factories);
TEST_CASE_TEMPLATE_APPLY(ticket_update_id, all_store_factories);
TEST_CASE_TEMPLATE_APPLY(ticket_records_id, all_store_factories);
TEST_CASE_TEMPLATE_APPLY(history_kinds_id, all_store_factories);
TEST_CASE_TEMPLATE_APPLY(attachment_id, all_store_factories);
TEST_CASE_TEMPLATE_APPLY(idempotency_id, all_store_factories);
