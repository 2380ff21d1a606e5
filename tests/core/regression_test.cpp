// Regression tests for the SmartSupport defects of spec §9 that live in the
// core (1, 3, 4, 5, 11, 12, 14), driven through the services.

#include "test_support.hpp"

#include <helpdesk/rules/lifecycle.hpp>

#include <doctest/doctest.h>

#include <atomic>
#include <set>
#include <string>
#include <vector>

namespace {

using namespace helpdesk;
using namespace helpdesk::testing;
using S = ticket_status;

// ---------------------------------------------------------------------------
// A store that forwards to a real one but can be told to fail at chosen
// points, to show that a service call is one transaction (all or nothing).

struct faults {
    std::atomic<bool> account_remove{false};
    std::atomic<bool> commit{false};
};

class faulty_accounts final : public account_repository {
public:
    faulty_accounts(account_repository& inner, faults& f) : inner_(inner), faults_(f) {}
    void insert(account& a) override { inner_.insert(a); }
    void update(const account& a) override { inner_.update(a); }
    bool remove(account_id id) override {
        if (faults_.account_remove) {
            throw error(errc::storage_unavailable, "injected failure: remove account");
        }
        return inner_.remove(id);
    }
    std::optional<account> find(account_id id) override { return inner_.find(id); }
    std::vector<account> find_many(const std::vector<account_id>& ids) override { return inner_.find_many(ids); }
    std::optional<account> find_by_email(std::string_view email) override { return inner_.find_by_email(email); }
    std::optional<account> find_by_company_id(std::string_view id) override { return inner_.find_by_company_id(id); }
    std::int64_t next_company_sequence() override { return inner_.next_company_sequence(); }
    page<account> list(const account_filter& filter, std::int64_t offset, std::int64_t limit) override {
        return inner_.list(filter, offset, limit);
    }
    std::vector<account_id> staff_ids() override { return inner_.staff_ids(); }
    void insert_rejection(rejected_account& r) override { inner_.insert_rejection(r); }
    page<rejected_account> list_rejections(std::int64_t offset, std::int64_t limit) override {
        return inner_.list_rejections(offset, limit);
    }
    void insert_reset_token(account_id id, std::string_view hash, time_point expires_at) override {
        inner_.insert_reset_token(id, hash, expires_at);
    }
    bool reset_token_valid(std::string_view hash, time_point now) override {
        return inner_.reset_token_valid(hash, now);
    }
    std::optional<account_id> consume_reset_token(std::string_view hash, time_point now) override {
        return inner_.consume_reset_token(hash, now);
    }

private:
    account_repository& inner_;
    faults& faults_;
};

class faulty_transaction final : public transaction {
public:
    faulty_transaction(std::unique_ptr<transaction> inner, faults& f)
        : inner_(std::move(inner)), faults_(f), accounts_(inner_->accounts(), f) {}
    account_repository& accounts() override { return accounts_; }
    ticket_repository& tickets() override { return inner_->tickets(); }
    outbox_repository& outbox() override { return inner_->outbox(); }
    session_repository& sessions() override { return inner_->sessions(); }
    rate_limit_repository& rate_limits() override { return inner_->rate_limits(); }
    api_key_repository& api_keys() override { return inner_->api_keys(); }
    void commit() override {
        if (faults_.commit) {
            // Not committed: the inner transaction rolls back when destroyed.
            throw error(errc::storage_unavailable, "injected failure: commit");
        }
        inner_->commit();
    }

private:
    std::unique_ptr<transaction> inner_;
    faults& faults_;
    faulty_accounts accounts_;
};

class faulty_store final : public store {
public:
    explicit faulty_store(std::shared_ptr<store> inner) : inner_(std::move(inner)) {}
    std::unique_ptr<transaction> begin(tx_mode mode) override {
        return std::make_unique<faulty_transaction>(inner_->begin(mode), failures);
    }
    faults failures;

private:
    std::shared_ptr<store> inner_;
};

/// Like `fixture`, on a store that can fail on demand.
struct faulty_fixture {
    std::shared_ptr<faulty_store> db = std::make_shared<faulty_store>(sqlite::open("sqlite::memory:"));
    std::shared_ptr<fixed_clock> time = std::make_shared<fixed_clock>(test_epoch());
    engine desk{engine_parts{db, memory_blob_store(), time, std::make_shared<counting_random>()},
                fixture::fast_options()};
    account admin = desk.accounts().bootstrap_admin(fixture::person("admin@example.com", "Ada", "Admin"));
    faults& fail = db->failures;
};

// ---------------------------------------------------------------------------

std::int64_t account_count(fixture& f) { return f.desk.accounts().list(f.admin.id, {}, 1, 100).count; }

std::int64_t events_of(fixture& f, std::string_view kind) {
    std::int64_t n = 0;
    for (const auto& e : f.desk.outbox().pending(1000)) {
        n += e.kind == kind ? 1 : 0;
    }
    return n;
}

bool has_field(const helpdesk::error& e, const std::string& field) { return e.fields().count(field) == 1; }

/// Whether a service type has a member that deletes a ticket, under any usual name.
template <class Service>
constexpr bool has_delete_member = requires(Service& s) { s.remove(account_id{}, ticket_id{}); } ||
                                   requires(Service& s) { s.erase(account_id{}, ticket_id{}); } ||
                                   requires(Service& s) { s.destroy(account_id{}, ticket_id{}); } ||
                                   requires(Service& s) { s.delete_ticket(account_id{}, ticket_id{}); } ||
                                   requires(Service& s) { s.remove_ticket(account_id{}, ticket_id{}); };

/// A ticket of `owner` moved to `target` by `coord` (and the owner, for Closed/Withdrawn).
ticket drive(fixture& f, const account& owner, const account& coord, S target) {
    auto& t = f.desk.tickets();
    auto tk = f.raise(owner);
    if (target == S::new_) return tk;
    if (target == S::rejected) return t.reject(coord.id, tk.id, "Not a support request").item;
    if (target == S::withdrawn) return t.withdraw(owner.id, tk.id).item;
    tk = t.approve(coord.id, tk.id, approve_request{}).item;
    if (target == S::open) return tk;
    tk = t.claim(coord.id, tk.id).item;
    if (target == S::in_progress) return tk;
    if (target == S::on_hold || target == S::pending) return t.update_status(coord.id, tk.id, to_string(target)).item;
    tk = t.update_status(coord.id, tk.id, "Resolved").item;
    if (target == S::resolved) return tk;
    return t.close(owner.id, tk.id).item;
}

} // namespace

// ---------------------------------------------------------------------------

TEST_CASE("defect 1: sign-up cannot set role System Admin or status Approved") {
    fixture f;
    const auto accounts_before = account_count(f);
    const auto events_before = events_of(f, event_kind::account_registered);

    SUBCASE("role System Admin is refused with a field error on role") {
        auto r = fixture::person("mallory@example.com");
        r.role = "System Admin";
        const auto e = expect_error(errc::invalid_argument, [&] { (void)f.desk.accounts().sign_up(r); });
        CHECK(has_field(e, "role"));
    }
    SUBCASE("status Approved is refused with a field error on status") {
        auto r = fixture::person("mallory@example.com");
        r.status = "Approved";
        const auto e = expect_error(errc::invalid_argument, [&] { (void)f.desk.accounts().sign_up(r); });
        CHECK(has_field(e, "status"));
    }
    SUBCASE("both at once: both fields are named") {
        auto r = fixture::person("mallory@example.com");
        r.role = "System Admin";
        r.status = "Approved";
        const auto e = expect_error(errc::invalid_argument, [&] { (void)f.desk.accounts().sign_up(r); });
        CHECK(has_field(e, "role"));
        CHECK(has_field(e, "status"));
    }
    SUBCASE("even the harmless values Employee / Pending may not be sent") {
        auto r = fixture::person("mallory@example.com");
        r.role = "Employee";
        r.status = "Pending";
        const auto e = expect_error(errc::invalid_argument, [&] { (void)f.desk.accounts().sign_up(r); });
        CHECK(has_field(e, "role"));
        CHECK(has_field(e, "status"));
    }

    // Nothing was written: no account, no registration mail, no login.
    CHECK(account_count(f) == accounts_before);
    CHECK(events_of(f, event_kind::account_registered) == events_before);
    expect_error(errc::unauthenticated, [&] {
        (void)f.desk.accounts().authenticate(login_kind::staff, "mallory@example.com", test_password);
    });

    // A normal sign-up with the same email is an Employee awaiting approval.
    const auto a = f.desk.accounts().sign_up(fixture::person("mallory@example.com"));
    CHECK(a.account_role == role::employee);
    CHECK(a.status == account_status::pending);
    const auto stored = f.desk.accounts().get(f.admin.id, a.id);
    CHECK(stored.account_role == role::employee);
    CHECK(stored.status == account_status::pending);
    CHECK(account_count(f) == accounts_before + 1);
    CHECK(events_of(f, event_kind::account_registered) == events_before + 1);
    // A pending account cannot sign in at either endpoint, and is told why.
    const auto pending = expect_error(errc::permission_denied, [&] {
        (void)f.desk.accounts().authenticate(login_kind::employee, "mallory@example.com", test_password);
    });
    CHECK(std::string{pending.what()}.find("pending") != std::string::npos);
    expect_error(errc::permission_denied, [&] {
        (void)f.desk.accounts().authenticate(login_kind::staff, "mallory@example.com", test_password);
    });
}

TEST_CASE("defect 3: an owner cannot set their ticket's status, priority, department or assignee, nor delete it") {
    fixture f;
    const auto owner = f.employee("owner@example.com");
    const auto coord = f.staff("coord@example.com");
    auto& tickets = f.desk.tickets();

    SUBCASE("create refuses status, priority, department and assigned_to, writing nothing") {
        const auto created_before = events_of(f, event_kind::ticket_created);
        const auto refuse = [&](create_ticket_request r, std::initializer_list<const char*> fields) {
            const auto e = expect_error(errc::invalid_argument, [&] { (void)tickets.create(owner.id, r); });
            for (const auto* field : fields) {
                INFO(field);
                CHECK(has_field(e, field));
            }
        };
        auto r = fixture::ticket_request();
        r.status = "Resolved";
        refuse(r, {"status"});
        r = fixture::ticket_request();
        r.priority = "Critical";
        refuse(r, {"priority"});
        r = fixture::ticket_request();
        r.department = "Budget Department";
        refuse(r, {"department"});
        r = fixture::ticket_request();
        r.assigned_to = std::to_string(coord.id);
        refuse(r, {"assigned_to"});
        r = fixture::ticket_request();
        r.status = "Open";
        r.priority = "High";
        r.department = "IT Department";
        r.assigned_to = std::to_string(owner.id);
        refuse(r, {"status", "priority", "department", "assigned_to"});

        CHECK(tickets.list(owner.id, {}).count == std::optional<std::int64_t>{0});
        CHECK(tickets.list(coord.id, {}).count == std::optional<std::int64_t>{0});
        CHECK(events_of(f, event_kind::ticket_created) == created_before);
    }

    SUBCASE("the owner cannot approve (set priority and department), update-status, claim, assign or finalize") {
        const auto check_unchanged = [&](const ticket& before) {
            const auto now = tickets.get(coord.id, before.id).item;
            CHECK(now.status == before.status);
            CHECK(now.version == before.version);
            CHECK(now.ticket_priority == before.ticket_priority);
            CHECK(now.department == before.department);
            CHECK(now.assigned_to == before.assigned_to);
        };
        // New: approval would set priority and department.
        const auto fresh = f.raise(owner);
        approve_request critical;
        critical.priority = "Critical";
        critical.department = "Budget Department";
        expect_error(errc::permission_denied, [&] { (void)tickets.approve(owner.id, fresh.id, critical); });
        expect_error(errc::permission_denied, [&] { (void)tickets.reject(owner.id, fresh.id, "never mind"); });
        expect_error(errc::permission_denied, [&] { (void)tickets.update_status(owner.id, fresh.id, "Open"); });
        check_unchanged(fresh);

        // Open: the owner may not move it, claim it or assign it.
        const auto open = tickets.approve(coord.id, f.raise(owner).id, approve_request{}).item;
        for (const auto* target : {"In Progress", "On Hold", "Pending", "Resolved", "Closed"}) {
            INFO(target);
            expect_error(errc::permission_denied, [&] { (void)tickets.update_status(owner.id, open.id, target); });
        }
        expect_error(errc::permission_denied, [&] { (void)tickets.claim(owner.id, open.id); });
        expect_error(errc::permission_denied, [&] { (void)tickets.assign(owner.id, open.id, coord.id); });
        expect_error(errc::permission_denied, [&] { (void)tickets.assign(owner.id, open.id, owner.id); });
        expect_error(errc::permission_denied, [&] { (void)tickets.finalize(owner.id, open.id); });
        check_unchanged(open);

        // In Progress: not to Resolved either.
        const auto working = tickets.claim(coord.id, open.id).item;
        expect_error(errc::permission_denied, [&] { (void)tickets.update_status(owner.id, working.id, "Resolved"); });
        expect_error(errc::permission_denied, [&] { (void)tickets.assign(owner.id, working.id, coord.id); });
        check_unchanged(working);
        // The owner's own moves are withdraw/close/reopen (and answering on Pending), nothing else.
        for (const auto& e : tickets.history(coord.id, working.id)) {
            if (e.kind == helpdesk::history_kind::status_changed || e.kind == helpdesk::history_kind::priority_changed || e.kind == helpdesk::history_kind::department_changed ||
                e.kind == helpdesk::history_kind::assigned) {
                CHECK(e.actor == std::optional<account_id>{coord.id});
            }
        }
    }

    SUBCASE("there is no delete: not in the API, not among the actions; withdrawing keeps the ticket") {
        static_assert(!has_delete_member<ticket_service>, "tickets must not be deletable");
        for (const auto act : all_actions) {
            const std::string n{to_string(act)};
            CHECK(n.find("delete") == std::string::npos);
            CHECK(n.find("remove") == std::string::npos);
            CHECK(n.find("destroy") == std::string::npos);
        }
        const auto t = f.raise(owner);
        const auto w = tickets.withdraw(owner.id, t.id, "Raised by mistake").item;
        CHECK(w.status == S::withdrawn);
        const auto still = tickets.get(owner.id, t.id);
        CHECK(still.item.ticket_number == t.ticket_number);
        CHECK(tickets.history(owner.id, t.id).size() >= 2);
        CHECK(tickets.get_by_number(coord.id, t.ticket_number).item.id == t.id);
    }
}

TEST_CASE("defect 4: employees cannot claim tickets or create accounts, and admin-created accounts have no password") {
    fixture f;
    const auto alice = f.employee("alice@example.com");
    const auto bob = f.employee("bob@example.com");
    const auto coord = f.staff("coord@example.com");
    auto& tickets = f.desk.tickets();

    SUBCASE("an employee cannot claim: own ticket permission_denied, another's not_found; staff can") {
        const auto own = tickets.approve(coord.id, f.raise(alice).id, approve_request{}).item;
        const auto other = tickets.approve(coord.id, f.raise(bob).id, approve_request{}).item;
        expect_error(errc::permission_denied, [&] { (void)tickets.claim(alice.id, own.id); });
        expect_error(errc::not_found, [&] { (void)tickets.claim(alice.id, other.id); });
        CHECK(tickets.get(coord.id, own.id).item.status == S::open);
        CHECK_FALSE(tickets.get(coord.id, own.id).item.assigned_to.has_value());
        CHECK(tickets.get(coord.id, other.id).item.status == S::open);
        // Employees are not valid assignees either.
        expect_error(errc::invalid_argument, [&] { (void)tickets.assign(coord.id, other.id, alice.id); });
        const auto claimed = tickets.claim(coord.id, other.id).item;
        CHECK(claimed.status == S::in_progress);
        CHECK(claimed.assigned_to == std::optional<account_id>{coord.id});
    }

    SUBCASE("employees and coordinators cannot create accounts; nothing is written") {
        const auto before = account_count(f);
        const auto events_before = events_of(f, event_kind::account_created);
        admin_create_request r;
        r.email = "new.hire@example.com";
        r.first_name = "Nora";
        r.last_name = "Hire";
        r.department = "IT Department";
        expect_error(errc::permission_denied, [&] { (void)f.desk.accounts().admin_create(alice.id, r); });
        expect_error(errc::permission_denied, [&] { (void)f.desk.accounts().admin_create(coord.id, r); });
        r.role = "System Admin";
        expect_error(errc::permission_denied, [&] { (void)f.desk.accounts().admin_create(alice.id, r); });
        CHECK(account_count(f) == before);
        CHECK(events_of(f, event_kind::account_created) == events_before);
    }

    SUBCASE("an admin-created account has no usable password, only a set-password token") {
        admin_create_request r;
        r.email = "new.hire@example.com";
        r.first_name = "Nora";
        r.last_name = "Hire";
        r.department = "IT Department";
        const auto created = f.desk.accounts().admin_create(f.admin.id, r);
        CHECK(created.created.status == account_status::approved);
        CHECK(created.created.account_role == role::employee);
        CHECK(created.created.company_id.rfind("MA", 0) == 0);
        CHECK_FALSE(created.set_password_token.empty());
        CHECK(events_of(f, event_kind::account_created) == 1);

        for (const auto* guess : {"1234", "", "password", test_password}) {
            INFO("password '" << guess << "'");
            expect_error(errc::unauthenticated, [&] {
                (void)f.desk.accounts().authenticate(login_kind::employee, r.email, guess);
            });
        }
        CHECK_FALSE(f.desk.accounts().check_password(created.created.id, "1234"));
        CHECK_FALSE(f.desk.accounts().check_password(created.created.id, ""));

        // The token sets the password once.
        const std::string chosen = "N3w-Hire!pass";
        f.desk.accounts().reset_password(created.set_password_token, chosen, chosen);
        const auto signed_in = f.desk.accounts().authenticate(login_kind::employee, r.email, chosen);
        CHECK(signed_in.id == created.created.id);
        expect_error(errc::invalid_argument,
                     [&] { f.desk.accounts().reset_password(created.set_password_token, "An0ther!pass", "An0ther!pass"); });
        CHECK(f.desk.accounts().authenticate(login_kind::employee, r.email, chosen).id == created.created.id);
    }
}

TEST_CASE("defect 5: only a System Admin reads the rejection audit and its count") {
    fixture f;
    const auto employee = f.employee("erin@example.com");
    const auto coord = f.staff("coord@example.com");
    const auto pending = f.desk.accounts().sign_up(fixture::person("pat@example.com"));
    (void)f.desk.accounts().reject(f.admin.id, pending.id, "Not an employee of ours");

    for (const auto* who : {&employee, &coord}) {
        INFO(who->email);
        expect_error(errc::permission_denied, [&] { (void)f.desk.accounts().rejections(who->id); });
        expect_error(errc::permission_denied, [&] { (void)f.desk.accounts().rejection_count(who->id); });
    }
    // A pending account is no better off.
    const auto waiting = f.desk.accounts().sign_up(fixture::person("wendy@example.com"));
    expect_error(errc::permission_denied, [&] { (void)f.desk.accounts().rejections(waiting.id); });
    expect_error(errc::permission_denied, [&] { (void)f.desk.accounts().rejection_count(waiting.id); });

    CHECK(f.desk.accounts().rejection_count(f.admin.id) == 1);
    const auto audit = f.desk.accounts().rejections(f.admin.id);
    REQUIRE(audit.rows.size() == 1);
    CHECK(audit.rows[0].email == "pat@example.com");
}

TEST_CASE("defect 11: rejecting a sign-up removes the account and writes the audit atomically, nothing else") {
    fixture f;
    const auto alice = f.employee("alice@example.com");
    const auto coord = f.staff("coord@example.com");
    auto& accounts = f.desk.accounts();

    // Other people's tickets in several states, to show rejection does not touch them.
    std::vector<ticket> others{f.raise(alice), drive(f, alice, coord, S::open), drive(f, alice, coord, S::resolved)};
    const auto history_sizes = [&] {
        std::vector<std::size_t> sizes;
        for (const auto& t : others) sizes.push_back(f.desk.tickets().history(coord.id, t.id).size());
        return sizes;
    };
    const auto sizes_before = history_sizes();

    const auto pending = accounts.sign_up(fixture::person("pat@example.com", "Pat", "Pending"));
    const auto neither_written = [&] {
        CHECK(accounts.rejection_count(f.admin.id) == 0);
        CHECK(accounts.get(f.admin.id, pending.id).status == account_status::pending);
        CHECK(events_of(f, event_kind::account_rejected) == 0);
    };

    SUBCASE("refusals write neither the audit row nor remove the account") {
        // Empty or blank reason.
        auto e = expect_error(errc::invalid_argument, [&] { (void)accounts.reject(f.admin.id, pending.id, ""); });
        CHECK(has_field(e, "reason"));
        expect_error(errc::invalid_argument, [&] { (void)accounts.reject(f.admin.id, pending.id, "   "); });
        neither_written();
        // Not an admin.
        expect_error(errc::permission_denied, [&] { (void)accounts.reject(coord.id, pending.id, "No"); });
        expect_error(errc::permission_denied, [&] { (void)accounts.reject(alice.id, pending.id, "No"); });
        neither_written();
        // Not a pending account: an approved employee (with tickets) stays, with their tickets.
        expect_error(errc::invalid_state, [&] { (void)accounts.reject(f.admin.id, alice.id, "Changed our minds"); });
        CHECK(accounts.get(f.admin.id, alice.id).status == account_status::approved);
        CHECK(f.desk.tickets().list(alice.id, {}).count == std::optional<std::int64_t>{3});
        // Unknown account.
        expect_error(errc::not_found, [&] { (void)accounts.reject(f.admin.id, pending.id + 1000, "Who?"); });
        neither_written();
    }

    SUBCASE("a failure midway (after the audit insert) leaves both untouched") {
        // Rebuild the same scene on a store that fails on demand.
        faulty_fixture ff;
        const auto p = ff.desk.accounts().sign_up(fixture::person("pat@example.com", "Pat", "Pending"));
        ff.fail.account_remove = true;
        expect_error(errc::storage_unavailable, [&] { (void)ff.desk.accounts().reject(ff.admin.id, p.id, "Unknown person"); });
        ff.fail.account_remove = false;
        CHECK(ff.desk.accounts().rejection_count(ff.admin.id) == 0);
        CHECK(ff.desk.accounts().get(ff.admin.id, p.id).status == account_status::pending);

        ff.fail.commit = true;
        expect_error(errc::storage_unavailable, [&] { (void)ff.desk.accounts().reject(ff.admin.id, p.id, "Unknown person"); });
        ff.fail.commit = false;
        CHECK(ff.desk.accounts().rejection_count(ff.admin.id) == 0);
        CHECK(ff.desk.accounts().get(ff.admin.id, p.id).status == account_status::pending);
        std::int64_t rejected_events = 0;
        for (const auto& e : ff.desk.outbox().pending(1000)) rejected_events += e.kind == event_kind::account_rejected;
        CHECK(rejected_events == 0);

        // And when nothing fails, both happen.
        const auto audit = ff.desk.accounts().reject(ff.admin.id, p.id, "Unknown person");
        CHECK(audit.email == "pat@example.com");
        CHECK(ff.desk.accounts().rejection_count(ff.admin.id) == 1);
        expect_error(errc::not_found, [&] { (void)ff.desk.accounts().get(ff.admin.id, p.id); });
    }

    SUBCASE("success removes the account and writes one audit row, in the same call") {
        const auto audit = accounts.reject(f.admin.id, pending.id, "Not on the staff list");
        CHECK(audit.email == "pat@example.com");
        CHECK(audit.first_name == "Pat");
        CHECK(audit.last_name == "Pending");
        CHECK(audit.company_id == pending.company_id);
        CHECK(audit.department == pending.department);
        CHECK(audit.reason == "Not on the staff list");
        CHECK(audit.rejected_by == f.admin.id);
        CHECK(audit.rejected_at == f.time->now());

        expect_error(errc::not_found, [&] { (void)accounts.get(f.admin.id, pending.id); });
        expect_error(errc::unauthenticated, [&] {
            (void)accounts.authenticate(login_kind::employee, "pat@example.com", test_password);
        });
        CHECK(accounts.rejection_count(f.admin.id) == 1);
        const auto rows = accounts.rejections(f.admin.id);
        REQUIRE(rows.rows.size() == 1);
        CHECK(rows.rows[0].email == "pat@example.com");
        CHECK(events_of(f, event_kind::account_rejected) == 1);
        // A second rejection finds no account and writes no second row.
        expect_error(errc::not_found, [&] { (void)accounts.reject(f.admin.id, pending.id, "Again"); });
        CHECK(accounts.rejection_count(f.admin.id) == 1);
        // The email is free again for a fresh sign-up.
        CHECK(accounts.sign_up(fixture::person("pat@example.com")).status == account_status::pending);
    }

    // Whatever happened, other tickets are untouched.
    CHECK(history_sizes() == sizes_before);
    for (const auto& t : others) {
        const auto now = f.desk.tickets().get(coord.id, t.id).item;
        CHECK(now.version == t.version);
        CHECK(now.status == t.status);
        CHECK(now.employee == alice.id);
    }
}

TEST_CASE("defect 12: update-status cannot jump or leave terminal states, and withdraw from Closed/Rejected is refused") {
    fixture f;
    const auto owner = f.employee("owner@example.com");
    const auto coord = f.staff("coord@example.com");
    auto& tickets = f.desk.tickets();
    const auto via = f.desk.api_keys().create(f.admin.id, "workflow").record;

    SUBCASE("named jumps are refused, and the ticket stays put") {
        const struct {
            S from;
            const char* to;
        } jumps[] = {
            {S::new_, "Resolved"},   {S::new_, "Closed"},         {S::new_, "In Progress"}, {S::new_, "Open"},
            {S::open, "Resolved"},   {S::open, "Closed"},         {S::in_progress, "Closed"},
            {S::closed, "In Progress"}, {S::closed, "Open"},      {S::rejected, "Open"},
            {S::rejected, "New"},    {S::withdrawn, "Open"},      {S::resolved, "Open"},
            {S::resolved, "In Progress"},
        };
        for (const auto& j : jumps) {
            INFO(to_string(j.from) << " -> " << j.to);
            const auto t = drive(f, owner, coord, j.from);
            const auto e = expect_error(errc::invalid_state, [&] { (void)tickets.update_status(coord.id, t.id, j.to); });
            CHECK(std::string{e.what()}.find(std::string{to_string(j.from)}) != std::string::npos);
            // The external workflow system is held to the same table.
            expect_error(errc::invalid_state, [&] { (void)tickets.workflow_update_status(via, t.ticket_number, j.to); });
            const auto now = tickets.get(coord.id, t.id).item;
            CHECK(now.status == j.from);
            CHECK(now.version == t.version);
        }
    }

    SUBCASE("terminal states refuse every transition, by anyone") {
        for (const auto st : {S::closed, S::rejected, S::withdrawn}) {
            const auto t = drive(f, owner, coord, st);
            INFO(to_string(st));
            for (const auto to : all_ticket_statuses) {
                INFO("to " << to_string(to));
                expect_error(errc::invalid_state,
                             [&] { (void)tickets.update_status(coord.id, t.id, to_string(to)); });
                expect_error(errc::invalid_state, [&] { (void)tickets.update_status(f.admin.id, t.id, to_string(to)); });
                expect_error(errc::invalid_state,
                             [&] { (void)tickets.workflow_update_status(via, t.ticket_number, to_string(to)); });
            }
            expect_error(errc::invalid_state, [&] { (void)tickets.approve(coord.id, t.id, approve_request{}); });
            expect_error(errc::invalid_state, [&] { (void)tickets.reject(coord.id, t.id, "late"); });
            expect_error(errc::invalid_state, [&] { (void)tickets.claim(coord.id, t.id); });
            expect_error(errc::invalid_state, [&] { (void)tickets.assign(coord.id, t.id, coord.id); });
            expect_error(errc::invalid_state, [&] { (void)tickets.finalize(coord.id, t.id); });
            expect_error(errc::invalid_state, [&] { (void)tickets.withdraw(owner.id, t.id); });
            expect_error(errc::invalid_state, [&] { (void)tickets.close(owner.id, t.id); });
            expect_error(errc::invalid_state, [&] { (void)tickets.reopen(owner.id, t.id, "please reopen"); });
            expect_error(errc::invalid_state, [&] { (void)tickets.add_comment(owner.id, t.id, "hello?"); });
            expect_error(errc::invalid_state, [&] { (void)tickets.add_comment(coord.id, t.id, "note", true); });
            const auto now = tickets.get(coord.id, t.id).item;
            CHECK(now.status == st);
            CHECK(now.version == t.version);
        }
    }

    SUBCASE("withdraw from Closed and from Rejected is refused with the state named") {
        for (const auto st : {S::closed, S::rejected}) {
            INFO(to_string(st));
            const auto t = drive(f, owner, coord, st);
            const auto e = expect_error(errc::invalid_state, [&] { (void)tickets.withdraw(owner.id, t.id, "undo"); });
            CHECK(std::string{e.what()}.find(std::string{to_string(st)}) != std::string::npos);
            CHECK(tickets.get(owner.id, t.id).item.status == st);
        }
        // Resolved is not withdrawable either (close or reopen it instead).
        const auto resolved = drive(f, owner, coord, S::resolved);
        expect_error(errc::invalid_state, [&] { (void)tickets.withdraw(owner.id, resolved.id); });
    }

    SUBCASE("unknown status names are refused as input, not as a jump") {
        const auto t = drive(f, owner, coord, S::in_progress);
        const auto e = expect_error(errc::invalid_argument, [&] { (void)tickets.update_status(coord.id, t.id, "Done"); });
        CHECK(has_field(e, "status"));
    }
}

TEST_CASE("defect 14: ticket numbers go past TX9999 and are never reused") {
    SUBCASE("10,001 tickets: TX0001 ... TX9999, TX10000, TX10001, all unique") {
        fixture f;
        const auto owner = f.employee("owner@example.com");
        const auto request = fixture::ticket_request();
        std::set<std::string> numbers;
        std::vector<std::string> in_order;
        in_order.reserve(10001);
        for (int i = 0; i < 10001; ++i) {
            auto n = f.desk.tickets().create(owner.id, request).item.ticket_number;
            numbers.insert(n);
            in_order.push_back(std::move(n));
        }
        CHECK(numbers.size() == 10001);
        CHECK(in_order.front() == "TX0001");
        CHECK(in_order[9998] == "TX9999");
        CHECK(in_order[9999] == "TX10000");
        CHECK(in_order[10000] == "TX10001");
        // Strictly increasing by sequence: no random draw, no loop back.
        for (std::size_t i = 1; i < in_order.size(); ++i) {
            const auto prev = parse_ticket_number(in_order[i - 1]);
            const auto cur = parse_ticket_number(in_order[i]);
            REQUIRE(prev.has_value());
            REQUIRE(cur.has_value());
            if (*cur <= *prev) {
                FAIL_CHECK("not increasing at " << in_order[i]);
                break;
            }
        }
        CHECK(f.desk.tickets().get_by_number(owner.id, "TX10000").item.ticket_number == "TX10000");
        CHECK(f.desk.tickets().get_by_number(owner.id, "TX10001").item.ticket_number == "TX10001");
    }

    SUBCASE("a rolled-back create leaves no ticket and no number collision") {
        faulty_fixture ff;
        const auto owner_signup = ff.desk.accounts().sign_up(fixture::person("owner@example.com"));
        const auto owner = ff.desk.accounts().approve(ff.admin.id, owner_signup.id);
        auto& tickets = ff.desk.tickets();
        const auto first = tickets.create(owner.id, fixture::ticket_request("First")).item;
        CHECK(first.ticket_number == "TX0001");

        // Fails at commit, after the number was drawn and the row written.
        ff.fail.commit = true;
        expect_error(errc::storage_unavailable, [&] { (void)tickets.create(owner.id, fixture::ticket_request("Lost")); });
        ff.fail.commit = false;
        CHECK(tickets.list(owner.id, {}).count == std::optional<std::int64_t>{1});

        const auto second = tickets.create(owner.id, fixture::ticket_request("Second")).item;
        const auto third = tickets.create(owner.id, fixture::ticket_request("Third")).item;
        const std::set<std::string> numbers{first.ticket_number, second.ticket_number, third.ticket_number};
        CHECK(numbers.size() == 3);
        CHECK(*parse_ticket_number(second.ticket_number) > *parse_ticket_number(first.ticket_number));
        CHECK(*parse_ticket_number(third.ticket_number) > *parse_ticket_number(second.ticket_number));
        // Each number leads to its own ticket; the lost one left nothing behind.
        CHECK(tickets.get_by_number(owner.id, first.ticket_number).item.subject == "First");
        CHECK(tickets.get_by_number(owner.id, second.ticket_number).item.subject == "Second");
        CHECK(tickets.get_by_number(owner.id, third.ticket_number).item.subject == "Third");
        CHECK(tickets.list(owner.id, {}).count == std::optional<std::int64_t>{3});
    }

    SUBCASE("format and parse keep at least four digits and accept more") {
        CHECK(format_ticket_number(1) == "TX0001");
        CHECK(format_ticket_number(9999) == "TX9999");
        CHECK(format_ticket_number(10000) == "TX10000");
        CHECK(format_ticket_number(1234567) == "TX1234567");
        CHECK(parse_ticket_number("TX10000") == std::optional<std::int64_t>{10000});
        CHECK(parse_ticket_number("TX0001") == std::optional<std::int64_t>{1});
        CHECK_FALSE(parse_ticket_number("TX001").has_value());
        CHECK_FALSE(parse_ticket_number("TX").has_value());
        CHECK_FALSE(parse_ticket_number("AB0001").has_value());
    }
}
