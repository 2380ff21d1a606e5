// Each event kind, made through the services of a real engine, delivered by
// the SMTP notifier to a real SMTP server: who gets which message.

#include "smtp_fixture.hpp"

using namespace helpdesk;
using namespace smtptest;

namespace {

/// A fixture with a coordinator, an employee and a ticket of theirs, the
/// earlier events already claimed.
struct ticket_world : mail_fixture {
    account coordinator = named("cora@example.com", "Cora", "Coordinator", "Ticket Coordinator");
    account owner = named("erin@example.com", "Erin", "Employee");
    ticket raised = raise(owner, "Printer jams on every page");
    ticket_world() { (void)desk.outbox().claim_due(1000); }

    /// Approves the ticket (Low, IT Department) and claims what that announced.
    void approve_quietly() {
        (void)desk.tickets().approve(coordinator.id, raised.id, {});
        (void)desk.outbox().claim_due(1000);
    }
};

} // namespace

SINK_TEST_CASE("account registered, approved and rejected reach the person") {
    smtp_sink sink;
    mail_fixture f;
    const auto mailer = smtp::make_notifier(f.desk, options_for(sink));

    const auto pending = f.desk.accounts().sign_up(f.person("nia@example.com", "Nia", "Newcomer"));
    mailer->deliver(f.claim_one(event_kind::account_registered));
    (void)f.desk.accounts().approve(f.admin.id, pending.id);
    mailer->deliver(f.claim_one(event_kind::account_approved));
    const auto other = f.desk.accounts().sign_up(f.person("rex@example.com", "Rex", "Refused"));
    (void)f.claim(event_kind::account_registered);
    (void)f.desk.accounts().reject(f.admin.id, other.id, "Not an employee of <Acme>");
    mailer->deliver(f.claim_one(event_kind::account_rejected));

    const auto mails = sink.messages();
    REQUIRE(mails.size() == 3);
    check_well_formed(mails[0], "nia@example.com");
    CHECK(subject_of(mails[0]) == "We received your account request");
    CHECK(decode_words(header(mails[0].data, "To")) == "\"Nia Newcomer\" <nia@example.com>");
    CHECK(contains(text_of(mails[0]), "Hello Nia,"));

    check_well_formed(mails[1], "nia@example.com");
    CHECK(subject_of(mails[1]) == "Your account is approved");
    CHECK(contains(text_of(mails[1]), "https://desk.example.com/"));

    // The rejected account is gone: the address comes from the payload.
    check_well_formed(mails[2], "rex@example.com");
    CHECK(subject_of(mails[2]) == "Your account request was not approved");
    CHECK(contains(text_of(mails[2]), "Hello Rex,"));
    CHECK(contains(text_of(mails[2]), "> Not an employee of <Acme>"));
    CHECK(contains(html_of(mails[2]), "Not an employee of &lt;Acme&gt;"));
}

SINK_TEST_CASE("account created and password reset carry the secret token in a link to the public URL") {
    smtp_sink sink;
    mail_fixture f;
    auto opts = options_for(sink);
    opts.public_url = "https://help.example.org/desk/"; // a trailing slash is not doubled
    const auto mailer = smtp::make_notifier(f.desk, opts);

    const auto created =
        f.desk.accounts().admin_create(f.admin.id, testing::hire("sam@example.com", "Sam", "Staff"));
    const auto welcome = f.claim_one(event_kind::account_created);
    REQUIRE(welcome.secret.has_value());
    CHECK(*welcome.secret == created.set_password_token);
    CHECK_FALSE(contains(welcome.payload, created.set_password_token));
    mailer->deliver(welcome);

    const auto token = f.desk.accounts().request_password_reset("sam@example.com");
    REQUIRE(token.has_value());
    const auto reset = f.claim_one(event_kind::password_reset_requested);
    REQUIRE(reset.secret == token);
    mailer->deliver(reset);

    const auto mails = sink.messages();
    REQUIRE(mails.size() == 2);
    check_well_formed(mails[0], "sam@example.com");
    CHECK(subject_of(mails[0]) == "An account was created for you");
    const auto set_link = "https://help.example.org/desk/set-password?token=" + created.set_password_token;
    CHECK(contains(text_of(mails[0]), set_link + "\n"));
    CHECK(contains(html_of(mails[0]), "href=\"" + set_link + "\""));

    check_well_formed(mails[1], "sam@example.com");
    CHECK(subject_of(mails[1]) == "Reset your password");
    const auto reset_link = "https://help.example.org/desk/reset-password?token=" + *token;
    CHECK(contains(text_of(mails[1]), reset_link + "\n"));
    CHECK(contains(html_of(mails[1]), "href=\"" + reset_link + "\""));
    CHECK(contains(text_of(mails[1]), "expires"));
    // The token is only in the link, never in a header.
    const auto headers_end = mails[1].data.find("\r\n\r\n");
    CHECK_FALSE(contains(mails[1].data.substr(0, headers_end), *token));
}

SINK_TEST_CASE("an event whose secret is gone cannot make a link: a permanent failure that does not leak") {
    smtp_sink sink;
    mail_fixture f;
    const auto mailer = smtp::make_notifier(f.desk, options_for(sink));
    (void)f.employee("erin@example.com");
    (void)f.desk.accounts().request_password_reset("erin@example.com");
    auto event = f.claim_one(event_kind::password_reset_requested);
    event.secret.reset();
    (void)check_refused(*mailer, event, true, "no secret");
    CHECK(sink.messages().empty());
}

SINK_TEST_CASE("a new ticket: the owner gets a confirmation, each coordinator and admin a notice") {
    smtp_sink sink;
    mail_fixture f;
    const auto coordinator = f.named("cora@example.com", "Cora", "Coordinator", "Ticket Coordinator");
    const auto owner = f.named("erin@example.com", "Erin", "Employee");
    const auto bystander = f.named("bob@example.com", "Bob", "Bystander");
    const auto pending = f.desk.accounts().sign_up(f.person("pat@example.com"));
    (void)pending;
    const auto mailer = smtp::make_notifier(f.desk, options_for(sink));
    const auto t = f.raise(owner, "Printer jams on every page");
    mailer->deliver(f.claim_one(event_kind::ticket_created));

    const auto mails = sink.messages();
    REQUIRE(mails.size() == 3); // owner, coordinator, admin: not the bystander, not the pending account
    const auto to_owner = sent_to(mails, "erin@example.com");
    REQUIRE(to_owner.size() == 1);
    check_well_formed(to_owner[0], "erin@example.com");
    CHECK(subject_of(to_owner[0]) == "[" + t.ticket_number + "] We received your ticket: Printer jams on every page");
    CHECK(contains(text_of(to_owner[0]), "https://desk.example.com/tickets/" + t.ticket_number));

    for (const auto* staff : {"cora@example.com", "admin@example.com"}) {
        CAPTURE(staff);
        const auto notice = sent_to(mails, staff);
        REQUIRE(notice.size() == 1);
        check_well_formed(notice[0], staff);
        CHECK(subject_of(notice[0]) == "[" + t.ticket_number + "] New ticket: Printer jams on every page");
        CHECK(contains(text_of(notice[0]), "Erin Employee raised a new ticket"));
    }
    CHECK(sent_to(mails, "bob@example.com").empty());
    CHECK(sent_to(mails, "pat@example.com").empty());
    (void)coordinator;
    (void)bystander;
}

SINK_TEST_CASE("approved, rejected, status changed, resolved and closed reach the owner only") {
    smtp_sink sink;
    ticket_world w;
    const auto mailer = smtp::make_notifier(w.desk, options_for(sink));
    const auto& n = w.raised.ticket_number;

    approve_request approval;
    approval.priority = "High";
    (void)w.desk.tickets().approve(w.coordinator.id, w.raised.id, approval);
    mailer->deliver(w.claim_one(event_kind::ticket_approved));
    (void)w.desk.tickets().claim(w.coordinator.id, w.raised.id);
    (void)w.claim(event_kind::ticket_assigned);
    (void)w.desk.tickets().update_status(w.coordinator.id, w.raised.id, "On Hold", "waiting for toner");
    mailer->deliver(w.claim_one(event_kind::ticket_status_changed));
    (void)w.desk.tickets().update_status(w.coordinator.id, w.raised.id, "In Progress");
    (void)w.claim(event_kind::ticket_status_changed);
    (void)w.desk.tickets().update_status(w.coordinator.id, w.raised.id, "Resolved", "New drum fitted");
    mailer->deliver(w.claim_one(event_kind::ticket_resolved));
    (void)w.desk.tickets().close(w.owner.id, w.raised.id, "Thanks");
    mailer->deliver(w.claim_one(event_kind::ticket_closed));

    const auto second = w.raise(w.owner, "Monitor flickers");
    (void)w.claim(event_kind::ticket_created);
    (void)w.desk.tickets().reject(w.coordinator.id, second.id, "Please use the hardware <form> & retry");
    mailer->deliver(w.claim_one(event_kind::ticket_rejected));

    const auto mails = sink.messages();
    REQUIRE(mails.size() == 5);
    for (const auto& m : mails) {
        check_well_formed(m, "erin@example.com");
    }
    CHECK(subject_of(mails[0]) == "[" + n + "] Your ticket was approved: Printer jams on every page");
    CHECK(contains(text_of(mails[0]), "is now Open."));
    CHECK(contains(text_of(mails[0]), "Priority:   High"));
    CHECK(subject_of(mails[1]) == "[" + n + "] Status changed to On Hold: Printer jams on every page");
    CHECK(contains(text_of(mails[1]), "changed from In Progress to On Hold."));
    CHECK(subject_of(mails[2]) == "[" + n + "] Your ticket was resolved: Printer jams on every page");
    CHECK(subject_of(mails[3]) == "[" + n + "] Your ticket was closed: Printer jams on every page");
    CHECK(contains(text_of(mails[3]), "Status:     Closed"));
    CHECK(subject_of(mails[4]) == "[" + second.ticket_number + "] Your ticket was rejected: Monitor flickers");
    CHECK(contains(text_of(mails[4]), "> Please use the hardware <form> & retry"));
    CHECK(contains(html_of(mails[4]), "Please use the hardware &lt;form&gt; &amp; retry"));
    for (const auto& m : mails) {
        CHECK(contains(html_of(m), "href=\"https://desk.example.com/tickets/TX"));
    }
}

SINK_TEST_CASE("an assignment reaches the assignee, a public comment the other party") {
    smtp_sink sink;
    ticket_world w;
    const auto agent = w.named("alex@example.com", "Alex", "Agent", "Ticket Coordinator");
    const auto mailer = smtp::make_notifier(w.desk, options_for(sink));
    w.approve_quietly();
    (void)w.desk.tickets().assign(w.coordinator.id, w.raised.id, agent.id);
    mailer->deliver(w.claim_one(event_kind::ticket_assigned));

    (void)w.desk.tickets().add_comment(agent.id, w.raised.id, "Which tray?\nUpper or lower?");
    mailer->deliver(w.claim_one(event_kind::comment_added));
    (void)w.desk.tickets().add_comment(w.owner.id, w.raised.id, "The upper one.");
    mailer->deliver(w.claim_one(event_kind::comment_added));
    (void)w.desk.tickets().add_comment(agent.id, w.raised.id, "staff-only note", true);
    CHECK(w.claim(event_kind::comment_added).empty()); // an internal comment tells nobody

    const auto mails = sink.messages();
    REQUIRE(mails.size() == 3);
    check_well_formed(mails[0], "alex@example.com");
    CHECK(subject_of(mails[0]) == "[" + w.raised.ticket_number + "] Assigned to you: Printer jams on every page");

    check_well_formed(mails[1], "erin@example.com");
    CHECK(subject_of(mails[1]) == "[" + w.raised.ticket_number + "] New comment: Printer jams on every page");
    CHECK(contains(text_of(mails[1]), "Hello Erin,"));
    CHECK(contains(text_of(mails[1]), "Alex Agent commented on ticket " + w.raised.ticket_number + ":\n"));
    CHECK(contains(text_of(mails[1]), "> Which tray?\n> Upper or lower?\n"));
    CHECK(contains(html_of(mails[1]), "Which tray?<br>\nUpper or lower?"));

    check_well_formed(mails[2], "alex@example.com");
    CHECK(contains(text_of(mails[2]), "Hello Alex,"));
    CHECK(contains(text_of(mails[2]), "Erin Employee commented on ticket"));
    CHECK(contains(text_of(mails[2]), "> The upper one."));
    for (const auto& m : mails) {
        CHECK_FALSE(contains(m.data, "staff-only"));
    }
}

SINK_TEST_CASE("a changed priority or department reaches the owner with the old and new values") {
    smtp_sink sink;
    ticket_world w;
    const auto mailer = smtp::make_notifier(w.desk, options_for(sink));
    w.approve_quietly();
    edit_ticket_request change;
    change.priority = "High";
    change.department = "Asset Department";
    (void)w.desk.tickets().edit(w.coordinator.id, w.raised.id, change);
    mailer->deliver(w.claim_one(event_kind::ticket_updated));
    edit_ticket_request category_only;
    category_only.sub_category = "System Maintenance";
    (void)w.desk.tickets().edit(w.coordinator.id, w.raised.id, category_only);
    CHECK(w.claim(event_kind::ticket_updated).empty()); // the category is staff's filing, not news

    const auto mails = sink.messages();
    REQUIRE(mails.size() == 1);
    check_well_formed(mails[0], "erin@example.com");
    CHECK(subject_of(mails[0]) == "[" + w.raised.ticket_number + "] Your ticket was updated: Printer jams on every page");
    CHECK(contains(text_of(mails[0]),
                   "priority from Low to High, department from IT Department to Asset Department."));
    CHECK(contains(text_of(mails[0]), "Priority:   High"));
}

SINK_TEST_CASE("ticket finalized and unknown kinds send nothing and succeed") {
    smtp_sink sink;
    ticket_world w;
    const auto mailer = smtp::make_notifier(w.desk, options_for(sink));
    w.approve_quietly();
    (void)w.desk.tickets().finalize(w.coordinator.id, w.raised.id);
    const auto finalized = w.claim_one(event_kind::ticket_finalized);
    CHECK_NOTHROW(mailer->deliver(finalized));
    auto odd = finalized;
    odd.kind = "ticket.teleported";
    CHECK_NOTHROW(mailer->deliver(odd));
    CHECK(sink.messages().empty());
}

SINK_TEST_CASE(
    "names and subjects with markup are escaped in HTML and raw in text, and CR LF cannot add a header") {
    smtp_sink sink;
    mail_fixture f;
    const auto coordinator = f.named("cora@example.com", "Cora", "Coordinator", "Ticket Coordinator");
    auto signup = f.person("liam@example.com", "Liam", "O'Brien");
    const auto owner = f.desk.accounts().approve(f.admin.id, f.desk.accounts().sign_up(signup).id);
    const auto mailer = smtp::make_notifier(f.desk, options_for(sink));
    (void)f.desk.outbox().claim_due(1000);

    const auto t = f.raise(owner, "Printer <script>alert(1)</script> & \"jam\"");
    (void)f.desk.tickets().approve(coordinator.id, t.id, {});
    auto approved = f.claim_one(event_kind::ticket_approved);
    mailer->deliver(approved);

    // The services refuse line breaks in a subject; a payload is not the place
    // to trust that, so one is forged here.
    auto forged = approved;
    forged.id += 1000;
    forged.payload = R"({"ticket_number":"TX9999","subject":"Hi\r\nBcc: victim@example.net\r\nX-Injected: yes",)"
                     R"("status":"Open","owner":)" +
                     std::to_string(owner.id) + "}";
    mailer->deliver(forged);

    const auto mails = sink.messages();
    REQUIRE(mails.size() == 2);
    const auto& m = mails[0];
    check_well_formed(m, "liam@example.com");
    CHECK(subject_of(m) == "[" + t.ticket_number + "] Your ticket was approved: Printer <script>alert(1)</script> & \"jam\"");
    CHECK(m.py_subject == subject_of(m));
    CHECK(contains(text_of(m), "Subject:    Printer <script>alert(1)</script> & \"jam\""));
    CHECK(contains(html_of(m), "Printer &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;jam&quot;"));
    CHECK_FALSE(contains(html_of(m), "<script>"));
    CHECK(contains(decode_words(header(m.data, "To")), "\"Liam O'Brien\" <liam@example.com>"));
    CHECK(contains(html_of(m), "Hello Liam,"));

    const auto& injected = mails[1];
    check_well_formed(injected, "liam@example.com");
    CHECK(header_count(injected.data, "Bcc") == 0);
    CHECK(header_count(injected.data, "X-Injected") == 0);
    CHECK(header_count(injected.data, "Subject") == 1);
    CHECK(injected.rcpt_tos == std::vector<std::string>{"liam@example.com"});
    CHECK(contains(subject_of(injected), "Hi  Bcc: victim@example.net  X-Injected: yes"));
    // One-line fields stay one line in the bodies too.
    CHECK(contains(text_of(injected), "Subject: Hi  Bcc: victim@example.net  X-Injected: yes\n"));
    CHECK(contains(html_of(injected), "<td>Hi  Bcc: victim@example.net  X-Injected: yes</td>"));
}

SINK_TEST_CASE("a non-ASCII subject and name travel as RFC 2047 words and decode to the same text") {
    smtp_sink sink;
    mail_fixture f;
    auto signup = f.person("zoe@example.com", "Zoë", "Ünal");
    const auto owner = f.desk.accounts().approve(f.admin.id, f.desk.accounts().sign_up(signup).id);
    const auto mailer = smtp::make_notifier(f.desk, options_for(sink));
    (void)f.desk.outbox().claim_due(1000);
    const auto t = f.raise(owner, "Drucker im Büro — ça ne marche pas");
    auto created = f.claim_one(event_kind::ticket_created);
    mailer->deliver(created);

    const auto mine = sent_to(sink.messages(), "zoe@example.com");
    REQUIRE(mine.size() == 1);
    check_well_formed(mine[0], "zoe@example.com");
    const auto expected = "[" + t.ticket_number + "] We received your ticket: Drucker im Büro — ça ne marche pas";
    CHECK(subject_of(mine[0]) == expected);
    CHECK(mine[0].py_subject == expected);
    CHECK(mine[0].py_to == "Zoë Ünal <zoe@example.com>");
    CHECK(contains(text_of(mine[0]), "Hello Zoë,"));
    CHECK(contains(mine[0].py_parts[0].content, "Hello Zoë,"));
}

SINK_TEST_CASE("a message sent again carries the same Message-ID, another recipient's another") {
    smtp_sink sink;
    mail_fixture f;
    (void)f.staff("cora@example.com");
    const auto owner = f.employee("erin@example.com");
    const auto mailer = smtp::make_notifier(f.desk, options_for(sink));
    (void)f.raise(owner);
    const auto event = f.claim_one(event_kind::ticket_created);
    mailer->deliver(event);
    mailer->deliver(event);

    const auto mails = sink.messages();
    REQUIRE(mails.size() == 6);
    const auto first = sent_to(mails, "erin@example.com");
    REQUIRE(first.size() == 2);
    CHECK(header(first[0].data, "Message-ID") == header(first[1].data, "Message-ID"));
    CHECK(header(first[0].data, "Date") == header(first[1].data, "Date"));
    const auto other = sent_to(mails, "cora@example.com");
    REQUIRE(other.size() == 2);
    CHECK(header(other[0].data, "Message-ID") != header(first[0].data, "Message-ID"));
}
