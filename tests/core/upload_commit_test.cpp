// The files a call writes are kept exactly when its transaction may have
// committed: kept after a COMMIT, and after a COMMIT lost with the store
// (it may have gone through); removed after any other failure, and after a
// lost race the re-run keeps only its own.
#include "regression_test_support.hpp"

#include <helpdesk/ports/store.hpp>

#include <set>

using namespace regression_tests;

namespace {

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
    std::shared_ptr<faulty_store> db = std::make_shared<faulty_store>(sqlite::open("sqlite::memory:"));
    std::shared_ptr<tracked_blobs> blobs = std::make_shared<tracked_blobs>();
    engine desk{engine_parts{db, blobs, std::make_shared<fixed_clock>(test_epoch()), std::make_shared<counting_random>()},
                fixture::fast_options()};
    account admin = desk.accounts().bootstrap_admin(fixture::person("admin@example.com", "Ada", "Admin"));
    account owner = desk.accounts().approve(admin.id, desk.accounts().sign_up(fixture::person("erin@example.com")).id);

    void next_commit_throws(const error& e) {
        db->failures.next_commit = [e] { throw e; };
    }

    /// A ticket request with one PNG attached.
    static create_ticket_request with_picture() {
        auto r = fixture::ticket_request();
        r.attachments.push_back({"screen.png", png});
        return r;
    }

    static inline const std::string png = std::string{"\x89PNG\r\n\x1a\n", 8} + std::string(64, 'p');
};

const error store_lost{errc::storage_unavailable, "injected: store lost during COMMIT"};
const error refused{errc::internal, "injected: COMMIT refused"};

} // namespace

TEST_CASE("uploads: the files of a call stay exactly when its transaction may have committed") {
    upload_world w;

    SUBCASE("a profile picture: kept after a COMMIT lost with the store") {
        w.next_commit_throws(store_lost);
        expect_error(errc::storage_unavailable, [&] { (void)w.desk.accounts().set_image(w.owner.id, upload_world::png); });
        CHECK(w.blobs->live.size() == 1);
    }

    SUBCASE("a profile picture: removed after a COMMIT refused") {
        w.next_commit_throws(refused);
        expect_error(errc::internal, [&] { (void)w.desk.accounts().set_image(w.owner.id, upload_world::png); });
        CHECK(w.blobs->live.empty());
    }

    SUBCASE("a ticket's attachment: kept after a COMMIT lost with the store, removed after one refused") {
        w.next_commit_throws(store_lost);
        expect_error(errc::storage_unavailable, [&] { (void)w.desk.tickets().create(w.owner.id, upload_world::with_picture()); });
        CHECK(w.blobs->live.size() == 1);
        w.next_commit_throws(refused);
        expect_error(errc::internal, [&] { (void)w.desk.tickets().create(w.owner.id, upload_world::with_picture()); });
        CHECK(w.blobs->live.size() == 1);
    }

    SUBCASE("a ticket's attachment: after a lost race at COMMIT only the committed attempt's file stays") {
        w.db->failures.next_commit = [] { throw transient_conflict("injected: lost a race at COMMIT"); };
        const auto created = w.desk.tickets().create(w.owner.id, upload_world::with_picture());
        REQUIRE(created.attachments.size() == 1);
        CHECK(w.blobs->live == std::set<std::string>{created.attachments.front().blob_key});
    }

    SUBCASE("a call that commits keeps its file") {
        (void)w.desk.accounts().set_image(w.owner.id, upload_world::png);
        CHECK(w.blobs->live.size() == 1);
    }
}
