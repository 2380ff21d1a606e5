#pragma once

// Helpers shared by the core regression tests (regression_*_test.cpp).

#include "test_support.hpp"
#include <helpdesk/rules/lifecycle.hpp>
#include <doctest/doctest.h>
#include <atomic>
#include <functional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace regression_tests {


using namespace helpdesk;
using namespace helpdesk::testing;
using S = ticket_status;

// ---------------------------------------------------------------------------
// A store that forwards to a real one but can be told to fail at chosen
// points, to show that a service call is one transaction (all or nothing).

struct faults {
    std::atomic<bool> account_remove{false};
    std::atomic<bool> commit{false};
    /// When set, the next COMMIT calls it instead of committing (it throws), once.
    std::function<void()> next_commit{};
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
    page<account> list(const account_filter& filter, const page_window& window) override {
        return inner_.list(filter, window);
    }
    std::vector<account_id> staff_ids() override { return inner_.staff_ids(); }
    std::vector<account_id> lock_active_admins() override { return inner_.lock_active_admins(); }
    void insert_history(account_history_entry& e) override { inner_.insert_history(e); }
    page<account_history_entry> history_page(account_id id, const page_window& window) override {
        return inner_.history_page(id, window);
    }
    void insert_rejection(rejected_account& r) override { inner_.insert_rejection(r); }
    page<rejected_account> list_rejections(const page_window& window) override {
        return inner_.list_rejections(window);
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
    sla_repository& sla_policies() override { return inner_->sla_policies(); }
    canned_reply_repository& canned_replies() override { return inner_->canned_replies(); }
    assignment_repository& assignments() override { return inner_->assignments(); }
    void commit() override {
        if (auto fail = std::exchange(faults_.next_commit, {})) {
            fail(); // not committed: the inner transaction rolls back when destroyed
        }
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

inline std::int64_t account_count(fixture& f) { return f.desk.accounts().list(f.admin.id, accounts_query({}, 1, 100)).count.value_or(-1); }

inline std::int64_t events_of(fixture& f, std::string_view kind) {
    std::int64_t n = 0;
    for (const auto& e : f.desk.outbox().pending(1000)) {
        n += e.kind == kind ? 1 : 0;
    }
    return n;
}

inline bool has_field(const helpdesk::error& e, const std::string& field) { return e.fields().count(field) == 1; }

/// Whether a service type has a member that deletes a ticket, under any usual name.
template <class Service>
constexpr bool has_delete_member = requires(Service& s) { s.remove(account_id{}, ticket_id{}); } ||
                                   requires(Service& s) { s.erase(account_id{}, ticket_id{}); } ||
                                   requires(Service& s) { s.destroy(account_id{}, ticket_id{}); } ||
                                   requires(Service& s) { s.delete_ticket(account_id{}, ticket_id{}); } ||
                                   requires(Service& s) { s.remove_ticket(account_id{}, ticket_id{}); };

/// A ticket of `owner` moved to `target` by `coord` (and the owner, for Closed/Withdrawn).
inline ticket drive(fixture& f, const account& owner, const account& coord, S target) {
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


} // namespace regression_tests

// The tests of this subject use the helpers unqualified.
using namespace regression_tests;
