// The whole help desk in one process: open a SQLite file, sign up an
// employee, approve them, and walk a ticket from New to Closed.
//
//   quickstart [path/to/helpdesk.db]

#include <helpdesk/adapters/sqlite.hpp>
#include <helpdesk/engine.hpp>
#include <helpdesk/error.hpp>

#include <filesystem>
#include <iostream>
#include <string>

namespace hd = helpdesk;

namespace {
void step(const std::string& what, const hd::ticket& t) {
    std::cout << "  " << what << ": " << t.ticket_number << " is " << hd::to_string(t.status) << " (version "
              << t.version << ")\n";
}

hd::sign_up_request person(std::string email, std::string first, std::string last) {
    hd::sign_up_request r;
    r.email = std::move(email);
    r.first_name = std::move(first);
    r.last_name = std::move(last);
    r.department = "IT Department";
    r.password = "Quick-Start-1";
    r.confirm_password = r.password;
    return r;
}
} // namespace

int main(int argc, char** argv) try {
    const std::filesystem::path file = argc > 1 ? argv[1] : "quickstart.db";
    // A fresh file each run keeps the walkthrough repeatable.
    for (const auto* suffix : {"", "-wal", "-shm"}) {
        std::filesystem::remove(file.string() + suffix);
    }
    hd::engine desk{hd::engine_parts{.db = hd::sqlite::open("sqlite://" + file.string())}};
    std::cout << "helpdesk quickstart on " << file << "\n";

    auto admin = desk.accounts().bootstrap_admin(person("admin@example.com", "Ada", "Admin"));
    std::cout << "  first System Admin: " << admin.email << " (" << admin.company_id << ")\n";

    auto erin = desk.accounts().sign_up(person("erin@example.com", "Erin", "Employee"));
    std::cout << "  signed up: " << erin.email << " is " << hd::to_string(erin.status) << "\n";
    erin = desk.accounts().approve(admin.id, erin.id);
    std::cout << "  approved: " << erin.email << " is " << hd::to_string(erin.status) << "\n";
    erin = desk.accounts().authenticate(hd::login_kind::employee, "erin@example.com", "Quick-Start-1");
    std::cout << "  logged in as " << erin.first_name << " " << erin.last_name << "\n";

    hd::create_ticket_request request;
    request.subject = "VPN drops every hour";
    request.category = "IT Category";
    request.sub_category = "Network & Security Administration";
    request.description = "The VPN disconnects about once an hour since Monday.";
    auto t = desk.tickets().create(erin.id, request).item;
    step("created", t);

    t = desk.tickets().approve(admin.id, t.id, {.priority = "High", .department = "IT Department",
                                                .approval_notes = "Known issue with the old client."}).item;
    step("approved", t);
    t = desk.tickets().claim(admin.id, t.id, t.version).item;
    step("claimed", t);
    t = desk.tickets().update_status(admin.id, t.id, "Resolved", "Updated the VPN client to 5.2.", t.version).item;
    step("resolved", t);
    t = desk.tickets().close(erin.id, t.id, "Works now, thanks!", t.version).item;
    step("closed", t);

    try {
        desk.tickets().reopen(erin.id, t.id, "Actually...");
    } catch (const hd::error& refused) {
        std::cout << "  reopen refused as expected: " << refused.what() << "\n";
    }

    std::cout << "history of " << t.ticket_number << " as its owner sees it:\n";
    for (const auto& e : desk.tickets().history(erin.id, t.id)) {
        std::cout << "  " << hd::to_rfc3339(e.at) << "  " << hd::to_string(e.kind);
        if (e.old_value || e.new_value) {
            std::cout << "  " << e.old_value.value_or("-") << " -> " << e.new_value.value_or("-");
        }
        std::cout << "\n";
    }
    std::cout << "notifications waiting in the outbox: " << desk.outbox().count(hd::outbox_state::pending) << "\n";
    return 0;
} catch (const hd::error& e) {
    std::cerr << "error (" << hd::to_string(e.code()) << "): " << e.what() << "\n";
    return 1;
}
