// The templates and the body renderer, without a server.

#include "mail_body.hpp"
#include "templates.hpp"

#include <helpdesk/domain/outbox_event.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace helpdesk::smtp::detail;
namespace kinds = helpdesk::event_kind;

namespace {

mail_request ticket_request(std::string_view kind) {
    mail_request r;
    r.kind = std::string{kind};
    r.to = {"Erin", "Employee", "erin@example.com"};
    r.public_url = "https://desk.example.com";
    r.desk_name = "Acme Help Desk";
    r.ticket.number = "TX0007";
    r.ticket.subject = "Laptop will not boot";
    r.ticket.status = "In Progress";
    r.ticket.old_status = "Open";
    r.ticket.priority = "High";
    r.ticket.department = "IT Department";
    r.ticket.owner_name = "Erin Employee";
    return r;
}

bool contains(const std::string& haystack, std::string_view needle) {
    return haystack.find(needle) != std::string::npos;
}

} // namespace

TEST_CASE("every spec section 5 kind has a template, the webhook-only and unknown kinds none") {
    for (const auto kind : {kinds::account_registered, kinds::account_approved, kinds::account_rejected,
                            kinds::account_created, kinds::password_reset_requested, kinds::ticket_created,
                            kinds::ticket_approved, kinds::ticket_rejected, kinds::ticket_status_changed,
                            kinds::ticket_resolved, kinds::ticket_closed, kinds::ticket_assigned,
                            kinds::comment_added, kinds::account_deactivated, kinds::account_reactivated,
                            kinds::account_role_changed, kinds::ticket_updated}) {
        CAPTURE(kind);
        CHECK(has_template(kind));
        auto r = ticket_request(kind);
        r.secret = "tok";
        const auto mail = render_mail(r);
        REQUIRE(mail.has_value());
        CHECK_FALSE(mail->subject.empty());
        CHECK(mail->text.rfind("Hello Erin,\n", 0) == 0);
        CHECK(contains(mail->html, "<p>Hello Erin,</p>"));
        CHECK(contains(mail->text, "Acme Help Desk"));
    }
    CHECK_FALSE(has_template(kinds::ticket_finalized));
    CHECK_FALSE(has_template("ticket.exploded"));
    CHECK_FALSE(render_mail(ticket_request(kinds::ticket_finalized)).has_value());
    CHECK_FALSE(render_mail(ticket_request("")).has_value());
}

TEST_CASE("ticket messages name the ticket and link to its page") {
    const auto status = render_mail(ticket_request(kinds::ticket_status_changed)).value();
    CHECK(status.subject == "[TX0007] Status changed to In Progress: Laptop will not boot");
    CHECK(contains(status.text, "changed from Open to In Progress"));
    CHECK(contains(status.text, "https://desk.example.com/tickets/TX0007"));
    CHECK(contains(status.html, "<a href=\"https://desk.example.com/tickets/TX0007\">"));
    CHECK(contains(status.text, "Priority:   High"));

    auto created = ticket_request(kinds::ticket_created);
    created.to_owner = true;
    CHECK(render_mail(created)->subject == "[TX0007] We received your ticket: Laptop will not boot");
    created.to_owner = false;
    const auto notice = render_mail(created).value();
    CHECK(notice.subject == "[TX0007] New ticket: Laptop will not boot");
    CHECK(contains(notice.text, "Erin Employee raised a new ticket"));

    auto rejected = ticket_request(kinds::ticket_rejected);
    rejected.ticket.reason = "Duplicate of TX0003.\nSee there.";
    const auto rejection = render_mail(rejected).value();
    CHECK(contains(rejection.text, "> Duplicate of TX0003.\n> See there.\n"));
    CHECK(contains(rejection.html, "<blockquote"));
    CHECK(contains(rejection.html, "Duplicate of TX0003.<br>\nSee there."));

    auto commented = ticket_request(kinds::comment_added);
    commented.ticket.comment = "Try holding the power button.";
    commented.ticket.comment_author = "Cora Coordinator";
    const auto comment = render_mail(commented).value();
    CHECK(contains(comment.text, "Cora Coordinator commented on ticket TX0007:\n"));
    CHECK(contains(comment.text, "> Try holding the power button."));
    commented.ticket.comment.reset();
    CHECK_FALSE(contains(render_mail(commented)->text, "> "));

    CHECK(ticket_link("https://d.example", "TX 1/2") == "https://d.example/tickets/TX%201%2F2");
}

TEST_CASE("the ticket-updated notice names each value that changed, old and new") {
    auto r = ticket_request(kinds::ticket_updated);
    r.ticket.old_priority = "Low";
    r.ticket.old_department = "IT Department";
    const auto priority_only = render_mail(r).value();
    CHECK(priority_only.subject == "[TX0007] Your ticket was updated: Laptop will not boot");
    CHECK(contains(priority_only.text, "Staff changed your ticket TX0007: priority from Low to High.\n"));
    CHECK(contains(priority_only.text, "Department: IT Department"));
    r.ticket.old_department = "Asset Department";
    CHECK(contains(render_mail(r)->text,
                   "priority from Low to High, department from Asset Department to IT Department."));
    r.ticket.old_priority = "High";
    r.ticket.old_department = "IT Department";
    CHECK(contains(render_mail(r)->text, "Staff changed your ticket TX0007.\n"));
}

TEST_CASE("account messages carry the token link with the configured public URL") {
    auto reset = ticket_request(kinds::password_reset_requested);
    reset.secret = "ab12 &cd";
    const auto mail = render_mail(reset).value();
    CHECK(mail.subject == "Reset your password");
    CHECK(contains(mail.text, "https://desk.example.com/reset-password?token=ab12%20%26cd\n"));
    CHECK(contains(mail.html, "href=\"https://desk.example.com/reset-password?token=ab12%20%26cd\""));
    CHECK(contains(mail.text, "expires"));

    auto created = ticket_request(kinds::account_created);
    created.secret = "f00d";
    const auto welcome = render_mail(created).value();
    CHECK(contains(welcome.text, "https://desk.example.com/set-password?token=f00d\n"));
    CHECK(contains(welcome.text, "expires"));

    auto refused = ticket_request(kinds::account_rejected);
    refused.reason = "Not an employee";
    const auto refusal = render_mail(refused).value();
    CHECK(contains(refusal.text, "> Not an employee"));
    CHECK_FALSE(contains(refusal.text, "token"));
}

TEST_CASE("names, subjects and ticket fields are escaped in HTML and raw in text") {
    auto r = ticket_request(kinds::comment_added);
    r.to.first_name = "O'Brien <b>";
    r.ticket.subject = "<script>alert(1)</script> & \"quotes\"";
    r.ticket.department = "R&D";
    r.ticket.comment = "<img src=x onerror=alert(1)>";
    r.ticket.comment_author = "Eve <i>";
    r.desk_name = "Desk & Co";
    const auto mail = render_mail(r).value();
    CHECK(contains(mail.text, "Hello O'Brien <b>,"));
    CHECK(contains(mail.text, "<script>alert(1)</script> & \"quotes\""));
    CHECK(contains(mail.text, "> <img src=x onerror=alert(1)>"));
    CHECK(contains(mail.html, "Hello O&#39;Brien &lt;b&gt;,"));
    CHECK(contains(mail.html, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"));
    CHECK(contains(mail.html, "&lt;img src=x onerror=alert(1)&gt;"));
    CHECK(contains(mail.html, "R&amp;D"));
    CHECK(contains(mail.html, "Eve &lt;i&gt; commented"));
    CHECK(contains(mail.html, "Desk &amp; Co"));
    CHECK_FALSE(contains(mail.html, "<script>"));
    CHECK_FALSE(contains(mail.html, "<img"));
    CHECK_FALSE(contains(mail.html, "<b>"));
    CHECK_FALSE(contains(mail.html, "<i>"));
    // The <title> is the subject, escaped too.
    CHECK(contains(mail.html, "<title>[TX0007] New comment: &lt;script&gt;"));
}

TEST_CASE("the body renderer aligns facts and quotes every line") {
    mail_body body;
    body.paragraph("One\ntwo").fact("A", "1").fact("Longer", "2").quote("x\ny").link("Go", "https://e.x/?a=1&b=2");
    CHECK(body.text() == "One\ntwo\n\nA:      1\nLonger: 2\n\n> x\n> y\n\nGo:\nhttps://e.x/?a=1&b=2\n");
    const auto html = body.html("T");
    CHECK(contains(html, "<p>One<br>\ntwo</p>"));
    CHECK(contains(html, "<th style=\"text-align: left; padding-right: 1em;\">Longer</th><td>2</td>"));
    CHECK(contains(html, "<a href=\"https://e.x/?a=1&amp;b=2\">Go</a>"));
}

TEST_CASE("the account administration notices say what changed") {
    auto r = ticket_request(kinds::account_role_changed);
    r.role = "Ticket Coordinator";
    const auto role = render_mail(r);
    REQUIRE(role);
    CHECK(role->subject == "Your role has changed");
    CHECK(contains(role->text, "you are now Ticket Coordinator."));
    const auto off = render_mail(ticket_request(kinds::account_deactivated));
    REQUIRE(off);
    CHECK(off->subject == "Your account was deactivated");
    CHECK(contains(off->text, "You can no longer sign in"));
    const auto on = render_mail(ticket_request(kinds::account_reactivated));
    REQUIRE(on);
    CHECK(contains(on->text, "You can sign in again with erin@example.com."));
}
