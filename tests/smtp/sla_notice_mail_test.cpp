// SLA notices, written by the scheduler of a real engine and delivered by the
// SMTP notifier to a real SMTP server: the coordinators hear of an
// unassigned ticket, the assignee of an assigned one.

#include "smtp_fixture.hpp"

#include <helpdesk/domain/sla_policy.hpp>

using namespace helpdesk;
using namespace smtptest;
using namespace std::chrono_literals;

SINK_TEST_CASE("SLA notices: at risk to the coordinators while unassigned, breached to the assignee") {
    smtp_sink sink;
    mail_fixture w;
    const auto cora = w.named("cora@example.com", "Cora", "Coordinator", "Ticket Coordinator");
    const auto alex = w.named("alex@example.com", "Alex", "Agent", "Ticket Coordinator");
    const auto owner = w.named("erin@example.com", "Erin", "Employee");
    auto policy = w.desk.sla().current(w.admin.id);
    policy.by_priority[static_cast<std::size_t>(priority::low)] = {{1, sla_unit::hours}, {4, sla_unit::hours}, true};
    policy.at_risk_percent = 75;
    (void)w.desk.sla().change(w.admin.id, policy);
    const auto t = w.raise(owner, "VPN drops every hour");
    (void)w.desk.outbox().claim_due(1000);
    const auto mailer = smtp::make_notifier(w.desk, options_for(sink));

    w.time->advance(50min);
    CHECK(w.desk.scheduler().run_once(w.time->now()).sla_notices == 1);
    mailer->deliver(w.claim_one(event_kind::ticket_sla_at_risk));
    auto mails = sink.messages();
    REQUIRE(mails.size() == 2); // both coordinators; the System Admin is not one
    CHECK(sent_to(mails, "cora@example.com").size() == 1);
    CHECK(sent_to(mails, "alex@example.com").size() == 1);
    const auto at_risk = sent_to(mails, "cora@example.com").front();
    check_well_formed(at_risk, "cora@example.com");
    CHECK(subject_of(at_risk) == "[" + t.ticket_number + "] SLA target at risk: VPN drops every hour");
    CHECK(contains(text_of(at_risk), "The first-response target of ticket " + t.ticket_number + " is at risk."));
    CHECK(contains(text_of(at_risk), to_rfc3339(t.submit_date + 1h)));

    (void)w.desk.tickets().approve(cora.id, t.id, {});
    (void)w.desk.tickets().assign(cora.id, t.id, alex.id);
    (void)w.desk.outbox().claim_due(1000);
    w.time->advance(4h);
    CHECK(w.desk.scheduler().run_once(w.time->now()).sla_notices == 1); // breached: its at-risk notice is moot
    mailer->deliver(w.claim_one(event_kind::ticket_sla_breached));
    mails = sink.messages();
    REQUIRE(mails.size() == 3);
    check_well_formed(mails[2], "alex@example.com");
    CHECK(subject_of(mails[2]) == "[" + t.ticket_number + "] SLA target breached: VPN drops every hour");
    CHECK(contains(text_of(mails[2]), "Hello Alex,"));
    CHECK(contains(text_of(mails[2]), "The resolution target of ticket " + t.ticket_number + " was breached."));
    CHECK(contains(html_of(mails[2]), to_rfc3339(t.submit_date + 4h)));
}
