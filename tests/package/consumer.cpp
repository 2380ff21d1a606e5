// The program every package consumer builds: it sees helpdesk only through
// what a packaging route hands it (include path, libraries, their
// dependencies) and proves those suffice by running a small real session.
// Prints one line the driver checks, e.g.
//   helpdesk consumer: TX0001 New, created by admin@example.com, 1 event(s) pending

#include <helpdesk/adapters/sqlite.hpp>
#include <helpdesk/engine.hpp>
#include <helpdesk/error.hpp>

#include <iostream>

namespace hd = helpdesk;

int main() try {
    // Few hashing rounds: this proves linkage, not password strength.
    hd::engine desk{hd::engine_parts{.db = hd::sqlite::open("sqlite::memory:")},
                    hd::engine_options{.password_iterations = 1000}};

    hd::sign_up_request admin_request;
    admin_request.email = "admin@example.com";
    admin_request.first_name = "Ada";
    admin_request.last_name = "Admin";
    admin_request.department = "IT Department";
    admin_request.password = "Package-Test-1";
    admin_request.confirm_password = admin_request.password;
    const auto admin = desk.accounts().bootstrap_admin(admin_request);

    hd::create_ticket_request ticket_request;
    ticket_request.subject = "Installed package works";
    ticket_request.category = "IT Category";
    ticket_request.sub_category = "Network & Security Administration";
    ticket_request.description = "Built against the installed helpdesk.";
    const auto created = desk.tickets().create(admin.id, ticket_request).item;

    std::cout << "helpdesk consumer: " << created.ticket_number << " " << hd::to_string(created.status)
              << ", created by " << admin.email << ", " << desk.outbox().count(hd::outbox_state::pending)
              << " event(s) pending\n";
    return 0;
} catch (const hd::error& e) {
    std::cerr << "helpdesk consumer: error (" << hd::to_string(e.code()) << "): " << e.what() << "\n";
    return 1;
}
