// Canned replies through the engine: who may make, read, change, delete and
// render them; bodies checked when saved; versions; the list by title.
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

using namespace helpdesk;
using namespace helpdesk::testing;

namespace {

new_canned_reply reply(std::string title, std::string body, bool shared = false) {
    return {std::move(title), std::move(body), shared};
}

std::vector<std::string> titles_of(const list_page<canned_reply>& p) {
    std::vector<std::string> titles;
    for (const auto& r : p.results) {
        titles.push_back(r.title);
    }
    return titles;
}

/// An engine with Cora, a Ticket Coordinator, and its canned replies.
struct canned_fixture : fixture {
    canned_reply_service& canned = desk.canned_replies();
    account cora = staff("cora@example.com");
};

} // namespace

TEST_CASE("canned replies: staff make their own, System Admins the shared ones, employees have none") {
    canned_fixture f;
    auto& canned = f.canned;
    const auto& cora = f.cora;
    const auto erin = f.employee("erin@example.com");

    const auto own = canned.create(cora.id, reply("  Greeting  ", "Hello {{ employee.first_name }}"));
    CHECK(own.title == "Greeting");
    CHECK(own.owner == std::optional<account_id>{cora.id});
    CHECK(own.created_by == cora.id);
    CHECK(own.version == 1);
    CHECK(own.created_at == f.time->now());
    CHECK(own.updated_at == own.created_at);

    const auto shared = canned.create(f.admin.id, reply("Password reset", "Use the reset link.", true));
    CHECK(shared.shared());
    CHECK(shared.created_by == f.admin.id);

    const auto denied = expect_error(errc::permission_denied,
                                     [&] { (void)canned.create(cora.id, reply("Shared", "Text", true)); });
    CHECK(std::string{denied.what()}.find("System Admin") != std::string::npos);
    for (const auto& call : std::vector<std::function<void()>>{
             [&] { (void)canned.create(erin.id, reply("Mine", "Text")); },
             [&] { (void)canned.list(erin.id); },
             [&] { (void)canned.get(erin.id, shared.id); },
             [&] { (void)canned.update(erin.id, shared.id, {.title = "x"}); },
             [&] { canned.remove(erin.id, shared.id); },
             [&] { (void)canned.render(erin.id, shared.id, f.raise(erin).id); }}) {
        const auto e = expect_error(errc::permission_denied, call);
        CHECK(std::string{e.what()}.find("only staff may use canned replies") != std::string::npos);
    }
}

TEST_CASE("canned replies: another staff member's own reply does not exist, even for an admin") {
    canned_fixture f;
    const auto dan = f.staff("dan@example.com");
    const auto mine = f.canned.create(f.cora.id, reply("Mine", "Text"));
    const auto missing = mine.id + 100;
    for (const auto who : {dan.id, f.admin.id}) {
        const auto theirs = expect_error(errc::not_found, [&] { (void)f.canned.get(who, mine.id); });
        const auto none = expect_error(errc::not_found, [&] { (void)f.canned.get(who, missing); });
        CHECK(std::string{theirs.what()} == std::string{none.what()});
        expect_error(errc::not_found, [&] { (void)f.canned.update(who, mine.id, {.title = "x"}); });
        expect_error(errc::not_found, [&] { f.canned.remove(who, mine.id); });
        CHECK(f.canned.list(who).count == std::optional<std::int64_t>{0});
    }
    CHECK(f.canned.get(f.cora.id, mine.id).title == "Mine");
}

TEST_CASE("canned replies: bad titles and bodies are field errors, and nothing is stored") {
    canned_fixture f;
    auto& canned = f.canned;
    const auto& cora = f.cora;

    const auto e = expect_error(errc::invalid_argument, [&] {
        (void)canned.create(cora.id, reply("", "Hi {{employee.nickname}}, see {{ticket.number"));
    });
    REQUIRE(e.fields().count("title") == 1);
    REQUIRE(e.fields().count("body") == 1);
    CHECK(e.fields().at("body").size() == 2); // the unknown placeholder, the unclosed one
    CHECK(e.fields().at("body")[0].find("employee.nickname") != std::string::npos);
    expect_error(errc::invalid_argument, [&] { (void)canned.create(cora.id, reply(std::string(101, 'x'), "ok")); });
    expect_error(errc::invalid_argument, [&] { (void)canned.create(cora.id, reply("Two\nlines", "ok")); });
    expect_error(errc::invalid_argument, [&] { (void)canned.create(cora.id, reply("Empty", "   ")); });
    expect_error(errc::invalid_argument,
                 [&] { (void)canned.create(cora.id, reply("Long", std::string(5001, 'x'))); });
    CHECK(canned.list(cora.id).count == std::optional<std::int64_t>{0});

    // A change is checked the same way and leaves the stored reply as it was.
    const auto kept = canned.create(cora.id, reply("Kept", "Hello {{agent.first_name}}"));
    const auto bad = expect_error(errc::invalid_argument,
                                  [&] { (void)canned.update(cora.id, kept.id, {.body = "{{ticket.owner}}"}); });
    CHECK(bad.fields().count("body") == 1);
    const auto still = canned.get(cora.id, kept.id);
    CHECK(still.body == "Hello {{agent.first_name}}");
    CHECK(still.version == 1);
}

TEST_CASE("canned replies: changes bump the version and honour the expected one, deleting removes") {
    canned_fixture f;
    auto& canned = f.canned;
    const auto& cora = f.cora;
    const auto made = canned.create(cora.id, reply("Greeting", "Hello"));
    f.time->advance(std::chrono::minutes{5});

    const auto changed = canned.update(cora.id, made.id, {.title = "Welcome"}, 1);
    CHECK(changed.title == "Welcome");
    CHECK(changed.body == "Hello");
    CHECK(changed.version == 2);
    CHECK(changed.updated_at == f.time->now());
    CHECK(changed.created_at == made.created_at);
    expect_error(errc::precondition_failed, [&] { (void)canned.update(cora.id, made.id, {.body = "Hi"}, 1); });
    CHECK(canned.update(cora.id, made.id, {.body = "Hi"}).version == 3); // no expected version: last write wins
    expect_error(errc::precondition_failed, [&] { canned.remove(cora.id, made.id, 2); });
    canned.remove(cora.id, made.id, 3);
    expect_error(errc::not_found, [&] { (void)canned.get(cora.id, made.id); });
    expect_error(errc::not_found, [&] { canned.remove(cora.id, made.id); });

    // Shared replies: an admin changes and deletes them; a coordinator may not.
    const auto shared = canned.create(f.admin.id, reply("Shared", "Text", true));
    expect_error(errc::permission_denied, [&] { (void)canned.update(cora.id, shared.id, {.title = "Mine now"}); });
    expect_error(errc::permission_denied, [&] { canned.remove(cora.id, shared.id); });
    CHECK(canned.get(cora.id, shared.id).title == "Shared");
    CHECK(canned.update(f.admin.id, shared.id, {.title = "Shared, changed"}).version == 2);
    canned.remove(f.admin.id, shared.id);
    CHECK(canned.list(cora.id).count == std::optional<std::int64_t>{0});
}

TEST_CASE("canned replies: the list is one's own and the shared ones by title, in pages and by cursor") {
    canned_fixture f;
    auto& canned = f.canned;
    const auto& cora = f.cora;
    const auto dan = f.staff("dan@example.com");
    for (const auto* title : {"zebra", "Apple", "mango"}) {
        (void)canned.create(cora.id, reply(title, "Text"));
    }
    (void)canned.create(f.admin.id, reply("Banana", "Text", true));
    (void)canned.create(dan.id, reply("Dan's", "Text"));

    const auto first = canned.list(cora.id, {.page_number = 1, .page_size = 3});
    CHECK(first.count == std::optional<std::int64_t>{4});
    CHECK(first.has_next);
    CHECK(titles_of(first) == std::vector<std::string>{"Apple", "Banana", "mango"});
    CHECK(titles_of(canned.list(cora.id, {.page_number = 2, .page_size = 3})) == std::vector<std::string>{"zebra"});

    std::vector<std::string> walked;
    page_request asked{.page_size = 1, .cursor = ""};
    for (int guard = 0; guard < 10; ++guard) {
        const auto p = canned.list(cora.id, asked);
        CHECK_FALSE(p.count.has_value());
        const auto more = titles_of(p);
        walked.insert(walked.end(), more.begin(), more.end());
        if (!p.next_cursor) {
            break;
        }
        asked.cursor = p.next_cursor;
    }
    CHECK(walked == std::vector<std::string>{"Apple", "Banana", "mango", "zebra"});
    CHECK(titles_of(canned.list(dan.id)) == std::vector<std::string>{"Banana", "Dan's"});

    for (const auto* cursor : {"na.zz.1", "na.61", "k.5", "na.61.x", "na.6.1"}) {
        INFO(cursor);
        const auto e = expect_error(errc::invalid_argument,
                                    [&] { (void)canned.list(cora.id, {.page_size = 2, .cursor = cursor}); });
        CHECK(e.fields().count("cursor") == 1);
    }
}

TEST_CASE("canned replies: rendering fills the placeholders for a ticket the caller can read, and writes nothing") {
    canned_fixture f;
    auto& canned = f.canned;
    const auto& cora = f.cora;
    const auto owner = f.employee("erin@example.com");
    const auto t = f.raise(owner, "Printer jams");
    const auto r = canned.create(cora.id, reply("Status", "Hi {{employee.first_name}}, {{ticket.number}} "
                                                          "({{ticket.subject}}) is {{ticket.status}}. "
                                                          "Assignee: [{{assignee.full_name}}]. "
                                                          "{{agent.full_name}}"));
    const auto before = f.desk.tickets().get(cora.id, t.id);
    const auto text = canned.render(cora.id, r.id, t.id);
    CHECK(text.reply == r.id);
    CHECK(text.ticket == t.id);
    CHECK(text.text == "Hi Erin, " + t.ticket_number + " (Printer jams) is New. Assignee: []. Erin Employee");

    f.desk.tickets().approve(cora.id, t.id, {});
    f.desk.tickets().claim(cora.id, t.id);
    CHECK(canned.render(f.admin.id, canned.create(f.admin.id, reply("S", "{{assignee.first_name}}", true)).id, t.id)
              .text == "Erin");
    const auto after = f.desk.tickets().get(cora.id, t.id);
    CHECK(after.comments.size() == before.comments.size());

    // A ticket that is not there is not found; so is a reply the caller does not see.
    expect_error(errc::not_found, [&] { (void)canned.render(cora.id, r.id, t.id + 100); });
    const auto dan = f.staff("dan@example.com");
    expect_error(errc::not_found, [&] { (void)canned.render(dan.id, r.id, t.id); });
}
