// Workflow-format deliveries (docs/product.md#workflow-system): the ticket as it is now, for the
// external workflow system, on approval and finalize only by default.

#include "webhook_support.hpp"

namespace helpdesk::testing {
namespace {

const std::string png_bytes = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(24, '\0');
const std::string pdf_bytes = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";

// Like the server's signed-URL maker: a path, a user, an expiry and a signature; no API key.
std::string test_link(const ticket& t, const attachment& a) {
    return "https://desk.example.com/api/attachments/" + std::to_string(a.id) + "/download/?u=0&exp=1767323045&sig=" +
           "t" + std::to_string(t.id) + "a" + std::to_string(a.id);
}

// A ticket with two files, approved by a coordinator.
struct approved_ticket {
    fixture f;
    account owner = f.employee("olivia.owner@example.com");
    account coordinator = f.staff("cora.coordinator@example.com");
    ticket item = raise_with_files();
    ticket approved = approve();

    ticket raise_with_files() {
        auto request = fixture::ticket_request("Printer on floor 3 jams");
        request.attachments = {{"jam.png", png_bytes}, {"manual.pdf", pdf_bytes}};
        return f.desk.tickets().create(owner.id, request).item;
    }
    ticket approve() {
        approve_request r;
        r.priority = "High";
        r.department = "IT Department";
        return f.desk.tickets().approve(coordinator.id, item.id, r).item;
    }
};

webhook::options workflow_options(const http_receiver& receiver) {
    auto o = options_for(receiver, webhook::payload_format::workflow);
    o.attachment_link = test_link;
    return o;
}

void check_person(const boost::json::value& v, const account& who) {
    const auto& p = v.as_object();
    CHECK(p.at("id").to_number<std::int64_t>() == who.id);
    CHECK(p.at("first_name") == who.first_name.c_str());
    CHECK(p.at("last_name") == who.last_name.c_str());
    CHECK(p.at("email") == who.email.c_str());
}

// Every string in `v`, recursively.
void strings_in(const boost::json::value& v, std::vector<std::string>& out) {
    if (v.is_string()) {
        out.emplace_back(v.as_string());
    } else if (v.is_object()) {
        for (const auto& [k, child] : v.as_object()) {
            strings_in(child, out);
        }
    } else if (v.is_array()) {
        for (const auto& child : v.as_array()) {
            strings_in(child, out);
        }
    }
}

/// Delivers `event` through the workflow notifier to a fresh receiver and
/// returns the one request the receiver got.
recorded_request deliver_one(helpdesk::engine& desk, const outbox_event& event) {
    http_receiver receiver;
    const auto channel = webhook::make_notifier(desk, workflow_options(receiver));
    const auto result = try_deliver(*channel, event);
    REQUIRE_MESSAGE(!result.failed, result.what);
    const auto requests = receiver.requests();
    REQUIRE(requests.size() == 1);
    return requests[0];
}

} // namespace

TEST_CASE("workflow: an approval sends the ticket with its customer and attachment links") {
    approved_ticket t;
    const auto event = event_of(claim_all(t.f.desk), event_kind::ticket_approved);
    const auto r = deliver_one(t.f.desk, event);
    CHECK(r.header("X-Helpdesk-Event") == "ticket.approved");
    CHECK(r.header("X-Helpdesk-Delivery") == std::to_string(event.id));
    CHECK(signature_verifies(r, webhook_secret));

    const auto body = json_of(r.body);
    CHECK(body.at("event") == "ticket.approved");
    CHECK(body.at("delivery").to_number<std::int64_t>() == event.id);
    CHECK(body.at("created_at") == "2026-03-02T09:00:00Z");
    const auto& ticket = body.at("ticket").as_object();
    CHECK(ticket.at("id").to_number<std::int64_t>() == t.item.id);
    CHECK(ticket.at("ticket_number") == t.item.ticket_number.c_str());
    CHECK(ticket.at("subject") == "Printer on floor 3 jams");
    CHECK(ticket.at("category") == "IT Category");
    CHECK(ticket.at("sub_category") == "Technical Support & Troubleshooting");
    CHECK(ticket.at("description") == t.item.description.c_str());
    CHECK(ticket.at("priority") == "High");
    CHECK(ticket.at("department") == "IT Department");
    CHECK(ticket.at("status") == "Open");
    CHECK(ticket.at("submit_date") == "2026-03-02T09:00:00Z");
    CHECK(ticket.at("update_date") == "2026-03-02T09:00:00Z");
    CHECK(ticket.at("scheduled_date").is_null());
    CHECK(ticket.at("time_closed").is_null());
    CHECK(ticket.at("finalized") == false);
    CHECK(ticket.at("version").to_number<std::int64_t>() == t.approved.version);
    CHECK(ticket.at("assignee").is_null());
    check_person(ticket.at("customer"), t.owner);

    const auto& files = ticket.at("attachments").as_array();
    REQUIRE(files.size() == 2);
    const auto details = t.f.desk.tickets().get(t.coordinator.id, t.item.id);
    for (std::size_t i = 0; i < files.size(); ++i) {
        const auto& file = files[i].as_object();
        const auto& stored = details.attachments.at(i);
        CHECK(file.at("id").to_number<std::int64_t>() == stored.id);
        CHECK(file.at("file_name") == stored.file_name.c_str());
        CHECK(file.at("content_type") == stored.content_type.c_str());
        CHECK(file.at("size").to_number<std::int64_t>() == stored.size);
        CHECK(file.at("url") == test_link(t.item, stored).c_str());
    }
    CHECK(files[0].at("content_type") == "image/png");
    CHECK(files[1].at("content_type") == "application/pdf");

    // No credential rides in any link.
    std::vector<std::string> strings;
    strings_in(body, strings);
    for (const auto& s : strings) {
        if (s.find("://") != std::string::npos) {
            CHECK(s.find("api_key") == std::string::npos);
            CHECK(s.find("key=") == std::string::npos);
        }
    }
    CHECK(r.body.find(webhook_secret) == std::string::npos);
}

TEST_CASE("workflow: a finalize sends the ticket as it is then, with its assignee") {
    approved_ticket t;
    (void)t.f.desk.tickets().claim(t.coordinator.id, t.item.id);
    (void)t.f.desk.tickets().finalize(t.coordinator.id, t.item.id);
    const auto event = event_of(claim_all(t.f.desk), event_kind::ticket_finalized);
    const auto request = deliver_one(t.f.desk, event);
    CHECK(request.header("X-Helpdesk-Event") == "ticket.finalized");
    CHECK(signature_verifies(request, webhook_secret));

    const auto body = json_of(request.body);
    CHECK(body.at("event") == "ticket.finalized");
    const auto& ticket = body.at("ticket").as_object();
    CHECK(ticket.at("status") == "In Progress");
    CHECK(ticket.at("finalized") == true);
    check_person(ticket.at("assignee"), t.coordinator);
    check_person(ticket.at("customer"), t.owner);
    CHECK(ticket.at("attachments").as_array().size() == 2);
}

TEST_CASE("workflow: without a link maker attachments are listed with a null url") {
    approved_ticket t;
    const auto event = event_of(claim_all(t.f.desk), event_kind::ticket_approved);
    http_receiver receiver;
    const auto channel = webhook::make_notifier(t.f.desk, options_for(receiver, webhook::payload_format::workflow));
    REQUIRE_FALSE(try_deliver(*channel, event).failed);
    const auto requests = receiver.requests();
    REQUIRE(requests.size() == 1);
    const auto body = json_of(requests[0].body);
    const auto& files = body.at("ticket").at("attachments").as_array();
    REQUIRE(files.size() == 2);
    CHECK(files[0].at("url").is_null());
    CHECK(files[0].at("file_name") == "jam.png");
}

TEST_CASE("workflow: comments, creations and assignments are not sent by default") {
    approved_ticket t;
    (void)t.f.desk.tickets().claim(t.coordinator.id, t.item.id);
    (void)t.f.desk.tickets().add_comment(t.owner.id, t.item.id, "Still jammed this morning.");
    const auto events = claim_all(t.f.desk);

    http_receiver receiver;
    const auto channel = webhook::make_notifier(t.f.desk, workflow_options(receiver));
    for (const auto kind : {event_kind::comment_added, event_kind::ticket_created, event_kind::ticket_status_changed}) {
        const auto event = event_of(events, kind);
        const auto result = try_deliver(*channel, event);
        CHECK_FALSE(result.failed);
    }
    CHECK(receiver.requests().empty());

    CHECK_FALSE(try_deliver(*channel, event_of(events, event_kind::ticket_approved)).failed);
    CHECK(receiver.requests().size() == 1);
}

TEST_CASE("workflow: events replaces the default kinds") {
    approved_ticket t;
    (void)t.f.desk.tickets().add_comment(t.owner.id, t.item.id, "Any news?");
    const auto events = claim_all(t.f.desk);
    http_receiver receiver;
    auto o = workflow_options(receiver);
    o.events = {"comment.added"};
    const auto channel = webhook::make_notifier(t.f.desk, o);

    CHECK_FALSE(try_deliver(*channel, event_of(events, event_kind::ticket_approved)).failed);
    CHECK(receiver.requests().empty());
    CHECK_FALSE(try_deliver(*channel, event_of(events, event_kind::comment_added)).failed);
    const auto requests = receiver.requests();
    REQUIRE(requests.size() == 1);
    CHECK(json_of(requests[0].body).at("ticket").at("ticket_number") == t.item.ticket_number.c_str());
}

TEST_CASE("workflow: a ticket that no longer exists is a permanent failure") {
    approved_ticket t;
    auto event = event_of(claim_all(t.f.desk), event_kind::ticket_approved);
    event.ticket = 987654;
    http_receiver receiver;
    const auto channel = webhook::make_notifier(t.f.desk, workflow_options(receiver));
    const auto result = try_deliver(*channel, event);
    CHECK(result.failed);
    CHECK(result.permanent);
    CHECK(result.what == "ticket 987654 no longer exists");
    CHECK(receiver.requests().empty());

    event.ticket.reset();
    const auto no_ticket = try_deliver(*channel, event);
    CHECK(no_ticket.failed);
    CHECK(no_ticket.permanent);
}

TEST_CASE("workflow: a failing answer is classified as for the event format") {
    approved_ticket t;
    const auto event = event_of(claim_all(t.f.desk), event_kind::ticket_approved);
    http_receiver receiver({{503, 410}});
    const auto channel = webhook::make_notifier(t.f.desk, workflow_options(receiver));
    const auto first = try_deliver(*channel, event);
    CHECK(first.failed);
    CHECK_FALSE(first.permanent);
    const auto second = try_deliver(*channel, event);
    CHECK(second.failed);
    CHECK(second.permanent);
    CHECK(receiver.requests().size() == 2);
}

} // namespace helpdesk::testing
