#include <helpdesk/error.hpp>
#include <helpdesk/rules/reply_template.hpp>

#include <doctest/doctest.h>

using namespace helpdesk;

namespace {

account person(std::string first, std::string last) {
    account a;
    a.first_name = std::move(first);
    a.last_name = std::move(last);
    return a;
}

} // namespace

TEST_CASE("canned replies: placeholders are filled from the ticket and the people on it") {
    ticket t;
    t.ticket_number = "TX0042";
    t.subject = "Printer jams";
    t.status = ticket_status::in_progress;
    t.ticket_priority = priority::high;
    t.department = "IT Department";
    const auto owner = person("Grace", "Hopper");
    const auto assignee = person("Alan", "Turing");
    const auto agent = person("Ada", "Lovelace");
    const reply_facts facts{.subject_ticket = t, .owner = owner, .assignee = &assignee, .author = agent};

    CHECK(
        render_reply("Hello {{employee.first_name}}, {{ ticket.number }} ({{ticket.subject}}) is "
                     "{{ticket.status}} at {{ticket.priority}} in {{ticket.department}}; "
                     "{{assignee.full_name}} has it. -- {{agent.full_name}}",
                     facts) ==
        "Hello Grace, TX0042 (Printer jams) is In Progress at High in IT Department; Alan Turing has it. -- "
        "Ada Lovelace");
    CHECK(render_reply(
              "{{employee.full_name}}/{{employee.last_name}}/{{assignee.first_name}}/{{agent.first_name}}",
              facts) == "Grace Hopper/Hopper/Alan/Ada");
    CHECK(render_reply("No placeholders { } }} here", facts) == "No placeholders { } }} here");

    // One pass: a subject that looks like a placeholder is not filled in again.
    t.subject = "{{agent.first_name}}";
    CHECK(render_reply("{{ticket.subject}} / {{\tagent.first_name\n}}", facts) ==
          "{{agent.first_name}} / Ada");
    const auto mononym = person("Plato", "");
    CHECK(render_reply("{{agent.full_name}}!", {.subject_ticket = t, .owner = owner, .author = mononym}) ==
          "Plato!");

    const reply_facts unassigned{.subject_ticket = t, .owner = owner, .assignee = nullptr, .author = agent};
    CHECK(render_reply("[{{assignee.full_name}}][{{assignee.first_name}}]", unassigned) == "[][]");
    CHECK(reply_placeholders().size() == 12);
    for (const auto name : reply_placeholders()) {
        CHECK(reply_template_errors("{{" + std::string{name} + "}}").empty());
    }
}

TEST_CASE("canned replies: an unknown or unclosed placeholder is an error, when saved and when used") {
    CHECK(reply_template_errors("Dear {{employee.nickname}}, see {{ticket.numbr}}") ==
          std::vector<std::string>{"unknown placeholder {{employee.nickname}}",
                                   "unknown placeholder {{ticket.numbr}}"});
    CHECK(reply_template_errors("Hi {{employee.first_name") ==
          std::vector<std::string>{"a {{ at character 4 is never closed with }}"});
    CHECK(reply_template_errors("{{}}") == std::vector<std::string>{"unknown placeholder {{}}"});
    CHECK(reply_template_errors("{{{ticket.number}}}") ==
          std::vector<std::string>{"unknown placeholder {{{ticket.number}}"});
    // Positions count characters, not bytes.
    CHECK(reply_template_errors("Grüße {{x") ==
          std::vector<std::string>{"a {{ at character 7 is never closed with }}"});

    ticket t;
    const auto someone = person("A", "B");
    try {
        (void)render_reply("{{ticket.colour}}", {.subject_ticket = t, .owner = someone, .author = someone});
        FAIL("an unknown placeholder was rendered");
    } catch (const error& e) {
        CHECK(e.code() == errc::invalid_argument);
        CHECK(e.fields().at("body") == std::vector<std::string>{"unknown placeholder {{ticket.colour}}"});
    }
}
