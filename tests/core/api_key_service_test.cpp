// API keys of the workflow system (docs/product.md#workflow-system): made, listed and revoked by
// System Admins only (or the operator), stored only as SHA-256, shown once,
// refused when unknown, revoked or not shaped like a key.

#include "security/tokens.hpp"
#include "test_support.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>

namespace {

using namespace helpdesk;
using namespace helpdesk::testing;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

struct key_fixture : fixture {
    api_key_service& keys = desk.api_keys();
    account coordinator = staff("coord@example.com");
    account other_admin = staff("root@example.com", "System Admin");
    account erin = employee("erin@example.com");

    /// The stored record behind the service's back (the store's own view).
    [[nodiscard]] std::optional<api_key> stored(row_id id) {
        auto tx = db->begin(tx_mode::read);
        return tx->api_keys().find(id);
    }
};

[[nodiscard]] bool is_lower_hex(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

/// Every byte of the files an SQLite database keeps (main file, WAL, journal).
[[nodiscard]] std::string database_bytes(const fs::path& file) {
    std::string all;
    for (const auto* suffix : {"", "-wal", "-journal"}) {
        std::ifstream in(file.string() + suffix, std::ios::binary);
        all.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return all;
}

} // namespace

TEST_SUITE("api keys") {

TEST_CASE("a System Admin creates a key: shown once, hdk_ and 48 hex digits, listed by its prefix") {
    key_fixture f;
    const auto made = f.keys.create(f.admin.id, "  Field-ops ERP  ");
    CHECK(made.key.size() == 52);
    CHECK(made.key.starts_with("hdk_"));
    CHECK(is_lower_hex(made.key.substr(4)));
    CHECK(made.record.id > 0);
    CHECK(made.record.name == "Field-ops ERP");
    CHECK(made.record.prefix == made.key.substr(0, 12));
    CHECK(made.record.created_by == std::optional<account_id>{f.admin.id});
    CHECK(made.record.created_at == f.time->now());
    CHECK_FALSE(made.record.revoked_at);
    CHECK_FALSE(made.record.last_used_at);

    // Another admin may make one too; keys never repeat.
    const auto second = f.keys.create(f.other_admin.id, "Field-ops ERP");
    CHECK(second.key != made.key);
    CHECK(second.record.prefix != made.record.prefix);
    CHECK(second.record.created_by == std::optional<account_id>{f.other_admin.id});

    const auto listed = f.keys.list(f.admin.id).results;
    REQUIRE(listed.size() == 2);
    CHECK(listed[0].id == made.record.id);
    CHECK(listed[0].name == "Field-ops ERP");
    CHECK(listed[0].prefix == made.record.prefix);
    CHECK(listed[0].created_by == std::optional<account_id>{f.admin.id});
    CHECK(listed[1].id == second.record.id);
}

TEST_CASE("only a System Admin creates, lists or revokes keys") {
    key_fixture f;
    const auto made = f.keys.create(f.admin.id, "erp");
    for (const auto* who : {&f.erin, &f.coordinator}) {
        CAPTURE(who->email);
        (void)expect_error(errc::permission_denied, [&] { (void)f.keys.create(who->id, "mine"); });
        (void)expect_error(errc::permission_denied, [&] { (void)f.keys.list(who->id); });
        (void)expect_error(errc::permission_denied, [&] { (void)f.keys.revoke(who->id, made.record.id); });
        // A bad name from someone who may not make keys is still a permission refusal.
        (void)expect_error(errc::permission_denied, [&] { (void)f.keys.create(who->id, ""); });
        // Nor does an unknown id tell them anything.
        (void)expect_error(errc::permission_denied, [&] { (void)f.keys.revoke(who->id, 999999); });
    }
    (void)expect_error(errc::unauthenticated, [&] { (void)f.keys.create(999999, "ghost"); });
    (void)expect_error(errc::unauthenticated, [&] { (void)f.keys.list(999999); });

    // A pending sign-up is not an admin either.
    const auto pending = f.desk.accounts().sign_up(fixture::person("pat@example.com"));
    (void)expect_error(errc::permission_denied, [&] { (void)f.keys.create(pending.id, "mine"); });

    // Nothing was made and the key still works.
    const auto listed = f.keys.list_for_operator();
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].id == made.record.id);
    CHECK_FALSE(listed[0].revoked_at);
    CHECK(f.keys.authenticate(made.key));
}

TEST_CASE("key names are 1 to 100 characters on one line, refused with a field error") {
    key_fixture f;
    for (const std::string& bad : {std::string{}, std::string{"   "}, std::string(101, 'k'), std::string{"two\nlines"},
                                  std::string{"tab\there"}, std::string{"\xff\xfe"}}) {
        CAPTURE(bad);
        const auto e = expect_error(errc::invalid_argument, [&] { (void)f.keys.create(f.admin.id, bad); });
        CHECK(e.fields().count("name") == 1);
        CHECK(e.fields().size() == 1);
        (void)expect_error(errc::invalid_argument, [&] { (void)f.keys.create_for_operator(bad); });
    }
    CHECK(f.keys.list(f.admin.id).results.empty());
    CHECK(f.keys.create(f.admin.id, std::string(100, 'k')).record.name.size() == 100);
    CHECK(f.keys.create(f.admin.id, "Zoë’s ERP").record.name == "Zoë’s ERP");
    CHECK(f.keys.list(f.admin.id).results.size() == 2);
}

TEST_CASE("the key itself is never stored: only its SHA-256, and no read returns even that") {
    const auto dir = fs::temp_directory_path() / ("helpdesk-api-key-test-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir);
    const auto file = dir / "keys.db";
    std::string key;
    {
        auto db = sqlite::open("sqlite://" + file.string());
        engine desk{engine_parts{.db = db}, fixture::fast_options()};
        const auto admin = desk.accounts().bootstrap_admin(fixture::person("admin@example.com", "Ada", "Admin"));
        const auto made = desk.api_keys().create(admin.id, "erp");
        key = made.key;
        auto tx = db->begin(tx_mode::read);
        CHECK(tx->api_keys().find_by_hash(detail::sha256_hex(key)));
        CHECK_FALSE(tx->api_keys().find_by_hash(key));
        const auto row = tx->api_keys().find(made.record.id);
        REQUIRE(row);
        CHECK(row->prefix == key.substr(0, 12));
    }
    const auto bytes = database_bytes(file);
    CHECK(bytes.find("erp") != std::string::npos); // the scan does see what is stored
    CHECK(bytes.find(detail::sha256_hex(key)) != std::string::npos);
    CHECK(bytes.find(key) == std::string::npos);
    CHECK(bytes.find(key.substr(12)) == std::string::npos);
    std::error_code ignored;
    fs::remove_all(dir, ignored);
}

TEST_CASE("authenticate accepts a live key and refuses unknown, revoked, empty and malformed ones") {
    key_fixture f;
    const auto made = f.keys.create(f.admin.id, "erp");
    const auto other = f.keys.create(f.admin.id, "billing");

    const auto found = f.keys.authenticate(made.key);
    REQUIRE(found);
    CHECK(found->id == made.record.id);
    CHECK(found->name == "erp");

    std::string upper = made.key;
    std::transform(upper.begin() + 4, upper.end(), upper.begin() + 4, [](char c) { return static_cast<char>(std::toupper(c)); });
    std::string one_off = made.key;
    one_off.back() = one_off.back() == '0' ? '1' : '0';
    for (const std::string& refused : {std::string{}, std::string{"hdk_"}, made.key.substr(0, 51), made.key + "0",
                                      "xyz_" + made.key.substr(4), "HDK_" + made.key.substr(4), made.key.substr(4),
                                      " " + made.key, made.key + " ", upper, one_off, made.record.prefix,
                                      detail::sha256_hex(made.key), "hdk_" + std::string(48, 'g')}) {
        CAPTURE(refused);
        CHECK_FALSE(f.keys.authenticate(refused));
    }

    f.time->advance(1s);
    const auto revoked = f.keys.revoke(f.admin.id, made.record.id);
    CHECK(revoked.revoked_at == std::optional<time_point>{f.time->now()});
    CHECK_FALSE(f.keys.authenticate(made.key));
    // Revoking one key leaves the others working.
    REQUIRE(f.keys.authenticate(other.key));
    CHECK(f.keys.authenticate(other.key)->id == other.record.id);
}

TEST_CASE("revoking is idempotent and keeps the first revocation time, an unknown id is not_found") {
    key_fixture f;
    const auto made = f.keys.create(f.admin.id, "erp");
    f.time->advance(5min);
    const auto first = f.keys.revoke(f.admin.id, made.record.id);
    REQUIRE(first.revoked_at);
    CHECK(*first.revoked_at == f.time->now());
    CHECK(first.name == "erp");
    f.time->advance(5min);
    const auto again = f.keys.revoke(f.other_admin.id, made.record.id);
    CHECK(again.revoked_at == first.revoked_at);
    CHECK(f.stored(made.record.id)->revoked_at == first.revoked_at);
    CHECK_FALSE(f.keys.authenticate(made.key));

    (void)expect_error(errc::not_found, [&] { (void)f.keys.revoke(f.admin.id, 999999); });
    (void)expect_error(errc::not_found, [&] { (void)f.keys.revoke_for_operator(0); });

    // Revoked keys stay listed, with their revocation time.
    const auto listed = f.keys.list(f.admin.id).results;
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].revoked_at == first.revoked_at);
}

TEST_CASE("last use is recorded at most once a minute") {
    key_fixture f;
    const auto made = f.keys.create(f.admin.id, "erp");
    f.time->advance(10s);
    const auto first_use = f.time->now();
    REQUIRE(f.keys.authenticate(made.key));
    CHECK(f.stored(made.record.id)->last_used_at == std::optional<time_point>{first_use});

    f.time->advance(59s);
    const auto seen = f.keys.authenticate(made.key);
    REQUIRE(seen);
    CHECK(seen->last_used_at == std::optional<time_point>{first_use});
    CHECK(f.stored(made.record.id)->last_used_at == std::optional<time_point>{first_use});

    f.time->advance(1s);
    const auto later = f.keys.authenticate(made.key);
    REQUIRE(later);
    CHECK(later->last_used_at == std::optional<time_point>{f.time->now()});
    CHECK(f.stored(made.record.id)->last_used_at == std::optional<time_point>{f.time->now()});
    CHECK(f.keys.list(f.admin.id).results[0].last_used_at == std::optional<time_point>{f.time->now()});

    // A refused key records nothing.
    const auto idle = f.keys.create(f.admin.id, "idle");
    (void)f.keys.revoke(f.admin.id, idle.record.id);
    f.time->advance(2min);
    CHECK_FALSE(f.keys.authenticate(idle.key));
    CHECK_FALSE(f.stored(idle.record.id)->last_used_at);
}

TEST_CASE("the operator's calls need no account: created_by stays empty") {
    key_fixture f;
    const auto made = f.keys.create_for_operator("from the console");
    CHECK_FALSE(made.record.created_by);
    CHECK(made.key.starts_with("hdk_"));
    const auto listed = f.keys.list_for_operator();
    REQUIRE(listed.size() == 1);
    CHECK_FALSE(listed[0].created_by);
    CHECK(listed[0].name == "from the console");
    CHECK(f.keys.list(f.admin.id).results.size() == 1); // admins see operator keys too
    REQUIRE(f.keys.authenticate(made.key));
    const auto revoked = f.keys.revoke_for_operator(made.record.id);
    CHECK(revoked.revoked_at);
    CHECK_FALSE(f.keys.authenticate(made.key));
}

} // TEST_SUITE
