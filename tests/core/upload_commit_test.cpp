// The files a call writes are kept exactly when its transaction may have
// committed: kept after a COMMIT, and after a COMMIT lost with the store
// (it may have gone through); removed after any other failure, and after a
// lost race the re-run keeps only its own.
#include "test_support.hpp"

#include <helpdesk/ports/store.hpp>

#include <set>
#include <utility>

namespace {

using namespace helpdesk;
using namespace helpdesk::testing;

/// What the next COMMIT does instead of committing, once.
enum class commit_fault { none, store_lost, lost_race, refused };

class commit_failing_transaction final : public transaction {
public:
    commit_failing_transaction(std::unique_ptr<transaction> inner, commit_fault& fault)
        : inner_(std::move(inner)), fault_(fault) {}
    account_repository& accounts() override { return inner_->accounts(); }
    ticket_repository& tickets() override { return inner_->tickets(); }
    outbox_repository& outbox() override { return inner_->outbox(); }
    session_repository& sessions() override { return inner_->sessions(); }
    rate_limit_repository& rate_limits() override { return inner_->rate_limits(); }
    api_key_repository& api_keys() override { return inner_->api_keys(); }
    void commit() override {
        // Not committed on a fault: the inner transaction rolls back when destroyed.
        switch (std::exchange(fault_, commit_fault::none)) {
        case commit_fault::none: inner_->commit(); return;
        case commit_fault::store_lost: throw error(errc::storage_unavailable, "injected: store lost during COMMIT");
        case commit_fault::lost_race: throw transient_conflict("injected: lost a race at COMMIT");
        case commit_fault::refused: throw error(errc::internal, "injected: COMMIT refused");
        }
    }

private:
    std::unique_ptr<transaction> inner_;
    commit_fault& fault_;
};

class commit_failing_store final : public store {
public:
    std::unique_ptr<transaction> begin(tx_mode mode) override {
        return std::make_unique<commit_failing_transaction>(inner_->begin(mode), next_commit);
    }
    commit_fault next_commit = commit_fault::none;

private:
    std::shared_ptr<store> inner_ = sqlite::open("sqlite::memory:");
};

/// A memory blob store that knows which keys hold bytes.
class tracked_blobs final : public blob_store {
public:
    void put(std::string_view key, std::string_view bytes) override {
        inner_->put(key, bytes);
        live.emplace(key);
    }
    std::optional<std::string> get(std::string_view key) override { return inner_->get(key); }
    void remove(std::string_view key) noexcept override {
        inner_->remove(key);
        live.erase(std::string{key});
    }
    std::set<std::string> live;

private:
    std::shared_ptr<blob_store> inner_ = memory_blob_store();
};

struct upload_world {
    std::shared_ptr<commit_failing_store> db = std::make_shared<commit_failing_store>();
    std::shared_ptr<tracked_blobs> blobs = std::make_shared<tracked_blobs>();
    engine desk{engine_parts{db, blobs, std::make_shared<fixed_clock>(test_epoch()), std::make_shared<counting_random>()},
                fixture::fast_options()};
    account admin = desk.accounts().bootstrap_admin(fixture::person("admin@example.com", "Ada", "Admin"));
    account owner = desk.accounts().approve(admin.id, desk.accounts().sign_up(fixture::person("erin@example.com")).id);

    /// A ticket request with one PNG attached.
    static create_ticket_request with_picture() {
        auto r = fixture::ticket_request();
        r.attachments.push_back({"screen.png", png});
        return r;
    }

    static inline const std::string png = std::string{"\x89PNG\r\n\x1a\n", 8} + std::string(64, 'p');
};

} // namespace

TEST_CASE("uploads: the files of a call stay exactly when its transaction may have committed") {
    upload_world w;

    SUBCASE("a profile picture: kept after a COMMIT lost with the store") {
        w.db->next_commit = commit_fault::store_lost;
        expect_error(errc::storage_unavailable, [&] { (void)w.desk.accounts().set_image(w.owner.id, upload_world::png); });
        CHECK(w.blobs->live.size() == 1);
    }

    SUBCASE("a profile picture: removed after a COMMIT refused") {
        w.db->next_commit = commit_fault::refused;
        expect_error(errc::internal, [&] { (void)w.desk.accounts().set_image(w.owner.id, upload_world::png); });
        CHECK(w.blobs->live.empty());
    }

    SUBCASE("a ticket's attachment: kept after a COMMIT lost with the store, removed after one refused") {
        w.db->next_commit = commit_fault::store_lost;
        expect_error(errc::storage_unavailable, [&] { (void)w.desk.tickets().create(w.owner.id, upload_world::with_picture()); });
        CHECK(w.blobs->live.size() == 1);
        w.db->next_commit = commit_fault::refused;
        expect_error(errc::internal, [&] { (void)w.desk.tickets().create(w.owner.id, upload_world::with_picture()); });
        CHECK(w.blobs->live.size() == 1);
    }

    SUBCASE("a ticket's attachment: after a lost race at COMMIT only the committed attempt's file stays") {
        w.db->next_commit = commit_fault::lost_race;
        const auto created = w.desk.tickets().create(w.owner.id, upload_world::with_picture());
        REQUIRE(created.attachments.size() == 1);
        CHECK(w.blobs->live == std::set<std::string>{created.attachments.front().blob_key});
    }

    SUBCASE("a call that commits keeps its file") {
        (void)w.desk.accounts().set_image(w.owner.id, upload_world::png);
        CHECK(w.blobs->live.size() == 1);
    }
}
