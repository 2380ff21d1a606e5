// Account service against spec §1.1, §3 and §5: sign-up, approval,
// login, passwords, roles, lists, profile pictures. Every refusal also checks
// that nothing was written.

#include "test_support.hpp"

#include <helpdesk/security/password.hpp>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

namespace {

using namespace helpdesk;
using namespace helpdesk::testing;
using namespace std::chrono_literals;

/// What a refused call must leave untouched.
struct account_counts {
    std::int64_t accounts = 0;
    std::int64_t pending_events = 0;
    std::int64_t rejections = 0;
};

account_counts counts_of(fixture& f) {
    return {f.desk.accounts().list(f.admin.id, {}, 1, 100).count, f.desk.outbox().count(outbox_state::pending),
            f.desk.accounts().rejection_count(f.admin.id)};
}

void check_unchanged(fixture& f, const account_counts& before) {
    const auto after = counts_of(f);
    CHECK_MESSAGE(after.accounts == before.accounts, "an account was written");
    CHECK_MESSAGE(after.pending_events == before.pending_events, "an outbox event was written");
    CHECK_MESSAGE(after.rejections == before.rejections, "an audit row was written");
}

/// Runs `call`, expects `code` with `field` among the field errors, and that
/// no account, audit row or outbox event was written.
template <class Call>
void expect_refused(fixture& f, errc code, const std::string& field, Call&& call) {
    const auto before = counts_of(f);
    const auto e = expect_error(code, std::forward<Call>(call));
    CHECK_MESSAGE(e.fields().count(field) == 1, "no field error for '" << field << "' (" << e.what() << ")");
    check_unchanged(f, before);
}

/// Sign-up of `r` must be refused for `field` with invalid_argument.
void expect_bad_sign_up(fixture& f, const sign_up_request& r, const std::string& field) {
    expect_refused(f, errc::invalid_argument, field, [&] { (void)f.desk.accounts().sign_up(r); });
}

/// The error `call` throws, or nullopt when it succeeds (a non-fatal check).
template <class Call>
std::optional<helpdesk::error> refusal_of(Call&& call) {
    try {
        call();
    } catch (const helpdesk::error& e) {
        return e;
    }
    return std::nullopt;
}

const std::string png_bytes = std::string{"\x89PNG\r\n\x1a\n", 8} + std::string(64, 'p');
const std::string jpeg_bytes = std::string{"\xFF\xD8\xFF\xE0", 4} + std::string(64, 'j');

std::vector<outbox_event> events_of_kind(fixture& f, std::string_view kind) {
    std::vector<outbox_event> out;
    for (auto& e : f.desk.outbox().pending(1000)) {
        if (e.kind == kind) {
            out.push_back(e);
        }
    }
    return out;
}

} // namespace

TEST_SUITE("account_service") {

TEST_CASE("sign-up creates a pending employee with a Django password hash") {
    fixture f;
    const auto before = counts_of(f);
    auto r = fixture::person("new.person@example.com", "Mary-Jane", "O'Neil");
    r.middle_name = "St. Clair";
    r.suffix = "Jr.";
    const auto a = f.desk.accounts().sign_up(r);

    CHECK(a.id > 0);
    CHECK(a.email == "new.person@example.com");
    CHECK(a.first_name == "Mary-Jane");
    CHECK(a.last_name == "O'Neil");
    CHECK(a.middle_name == std::optional<std::string>{"St. Clair"});
    CHECK(a.suffix == std::optional<std::string>{"Jr."});
    CHECK(a.department == "IT Department");
    CHECK(a.account_role == role::employee);
    CHECK(a.status == account_status::pending);
    CHECK(a.date_created == f.time->now());

    // pbkdf2_sha256$<iterations>$<salt>$<hash>
    CHECK(a.password_hash.rfind("pbkdf2_sha256$1000$", 0) == 0);
    CHECK(std::count(a.password_hash.begin(), a.password_hash.end(), '$') == 3);
    CHECK(password_hash_iterations(a.password_hash) == 1000);
    CHECK(verify_password(test_password, a.password_hash));
    CHECK_FALSE(verify_password("Str0ng!Pas", a.password_hash));

    const auto after = counts_of(f);
    CHECK(after.accounts == before.accounts + 1);
    const auto registered = events_of_kind(f, event_kind::account_registered);
    REQUIRE(registered.size() == 1);
    CHECK(registered[0].account == a.id);

    const auto stored = f.desk.accounts().get(f.admin.id, a.id);
    CHECK(stored.email == a.email);
    CHECK(stored.company_id == a.company_id);
    CHECK(stored.password_hash == a.password_hash);
}

TEST_CASE("company ids are generated as the next free MA number - given ones are kept") {
    fixture f;
    CHECK(f.admin.company_id == "MA0001");
    const auto first = f.desk.accounts().sign_up(fixture::person("one@example.com"));
    CHECK(first.company_id == "MA0002");

    auto given = fixture::person("two@example.com");
    given.company_id = "MA0003";
    CHECK(f.desk.accounts().sign_up(given).company_id == "MA0003");

    auto big = fixture::person("three@example.com");
    big.company_id = "MA12345";
    CHECK(f.desk.accounts().sign_up(big).company_id == "MA12345");

    // MA0003 is taken, so the generator moves past it.
    const auto next = f.desk.accounts().sign_up(fixture::person("four@example.com"));
    CHECK(next.company_id == "MA0004");
    const auto after = f.desk.accounts().sign_up(fixture::person("five@example.com"));
    CHECK(after.company_id == "MA0005");
}

TEST_CASE("sign-up refuses missing, blank and malformed names") {
    fixture f;
    for (const std::string field : {"first_name", "last_name"}) {
        for (const std::string& bad : std::vector<std::string>{"", "   ", "Erin2", "R2D2", "Ann_Marie", "Bob!", "---", std::string(101, 'a')}) {
            CAPTURE(field);
            CAPTURE(bad);
            auto r = fixture::person("names@example.com");
            (field == "first_name" ? r.first_name : r.last_name) = bad;
            expect_bad_sign_up(f, r, field);
        }
    }
    for (const std::string& bad : std::vector<std::string>{"Lee5", "...", std::string(101, 'm')}) {
        CAPTURE(bad);
        auto r = fixture::person("names@example.com");
        r.middle_name = bad;
        expect_bad_sign_up(f, r, "middle_name");
    }
    // 100 characters is still fine.
    auto longest = fixture::person("longest@example.com", std::string(100, 'a'), std::string(100, 'b'));
    CHECK(f.desk.accounts().sign_up(longest).first_name.size() == 100);
}

TEST_CASE("sign-up: non-ASCII letters are letters - non-ASCII digits, symbols and emoji are not") {
    fixture f;
    CHECK(f.desk.accounts().sign_up(fixture::person("jose@example.com", "José", "Ñúñez-Øre")).first_name == "José");
    int n = 0;
    for (const std::string& bad : std::vector<std::string>{"Erin\xF0\x9F\x98\x80",  // an emoji
                                                           "\xF0\x9F\x98\x80",      // nothing but an emoji
                                                           "Anna\xD9\xA3",            // ARABIC-INDIC DIGIT THREE
                                                           "Erin\xC2\xB2",            // SUPERSCRIPT TWO
                                                           "\xE2\x82\xAC\xE2\x82\xAC"}) { // "€€"
        CAPTURE(bad);
        auto r = fixture::person("unicode" + std::to_string(++n) + "@example.com");
        r.first_name = bad;
        const auto before = counts_of(f);
        const auto e = refusal_of([&] { (void)f.desk.accounts().sign_up(r); });
        CHECK_MESSAGE(e.has_value(), "accepted as a name");
        if (e) {
            CHECK(e->code() == errc::invalid_argument);
            CHECK(e->fields().count("first_name") == 1);
            check_unchanged(f, before);
        }
    }
}

TEST_CASE("sign-up accepts only the listed suffixes") {
    fixture f;
    for (const std::string bad : {"Esq.", "jr.", "II", "XI", "PhD"}) {
        CAPTURE(bad);
        auto r = fixture::person("suffix@example.com");
        r.suffix = bad;
        expect_bad_sign_up(f, r, "suffix");
    }
    int n = 0;
    for (const std::string good : {"Jr.", "Sr.", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"}) {
        auto r = fixture::person("suffix" + std::to_string(++n) + "@example.com");
        r.suffix = good;
        CHECK(f.desk.accounts().sign_up(r).suffix == std::optional<std::string>{good});
    }
}

TEST_CASE("sign-up refuses invalid and overlong emails") {
    fixture f;
    for (const std::string bad :
         {"", "   ", "plain", "a@b", "user@", "@example.com", "a@@example.com", "a@b@example.com", "a b@example.com",
          "user@exa mple.com", "user@.example.com", "user@example..com", "user@example.com.", ".user@example.com",
          "user.@example.com", "user@exa_mple.com", "<user>@example.com", "user@example.com, x@example.com"}) {
        CAPTURE(bad);
        auto r = fixture::person(bad);
        expect_bad_sign_up(f, r, "email");
    }

    // 64 + 1 + 189 = 254 characters, labels of at most 63: accepted.
    const std::string local(64, 'a');
    const std::string domain = std::string(61, 'b') + "." + std::string(61, 'c') + "." + std::string(61, 'd') + ".com";
    const std::string longest = local + "@" + domain;
    REQUIRE(longest.size() == 254);
    CHECK(f.desk.accounts().sign_up(fixture::person(longest)).email == longest);

    const std::string too_long = local + "@" + std::string(62, 'b') + "." + std::string(61, 'c') + "." +
                                 std::string(61, 'd') + ".com";
    REQUIRE(too_long.size() == 255);
    expect_bad_sign_up(f, fixture::person(too_long), "email");
}

TEST_CASE("sign-up refuses weak passwords, rule by rule, and a mismatched confirmation") {
    fixture f;
    for (const std::string weak : {"",               // missing
                                   "Sh0rt!x",        // 7 characters
                                   "nouppercase1!",  // no upper-case letter
                                   "NOLOWERCASE1!",  // no lower-case letter
                                   "NoDigitsHere!",  // no digit
                                   "NoSymbols1234"}) // no symbol
    {
        CAPTURE(weak);
        auto r = fixture::person("weak@example.com");
        r.password = weak;
        r.confirm_password = weak;
        expect_bad_sign_up(f, r, "password");
    }
    auto r = fixture::person("mismatch@example.com");
    r.confirm_password = "Str0ng!Pasz";
    expect_bad_sign_up(f, r, "confirm_password");
}

TEST_CASE("sign-up refuses a malformed company id") {
    fixture f;
    for (const std::string bad : {"MA123", "MA", "XY1234", "ma1234", "MA12a4", "MA-1234", "1234", "MA 1234"}) {
        CAPTURE(bad);
        auto r = fixture::person("company@example.com");
        r.company_id = bad;
        expect_bad_sign_up(f, r, "company_id");
    }
}

TEST_CASE("sign-up refuses an unknown or missing department") {
    fixture f;
    for (const std::string bad : {"", "HR Department", "it department"}) {
        CAPTURE(bad);
        auto r = fixture::person("dept@example.com");
        r.department = bad;
        expect_bad_sign_up(f, r, "department");
    }
    auto ok = fixture::person("asset@example.com");
    ok.department = "Asset Department";
    CHECK(f.desk.accounts().sign_up(ok).department == "Asset Department");
}

TEST_CASE("sign-up refuses a body that sets role or status (defect 1)") {
    fixture f;
    auto with_role = fixture::person("role@example.com");
    with_role.role = "System Admin";
    expect_bad_sign_up(f, with_role, "role");
    auto with_status = fixture::person("status@example.com");
    with_status.status = "Approved";
    expect_bad_sign_up(f, with_status, "status");
}

TEST_CASE("sign-up refuses a duplicate email (any case) and a duplicate company id as a conflict") {
    // Spec §4: a duplicate is 409, i.e. errc::conflict; the field is named.
    fixture f;
    auto first = fixture::person("dup@example.com");
    first.company_id = "MA0500";
    (void)f.desk.accounts().sign_up(first);

    expect_refused(f, errc::conflict, "email",
                   [&] { (void)f.desk.accounts().sign_up(fixture::person("DUP@Example.COM")); });
    expect_refused(f, errc::conflict, "email",
                   [&] { (void)f.desk.accounts().sign_up(fixture::person("  dup@example.com ")); });
    auto same_company = fixture::person("other@example.com");
    same_company.company_id = "MA0500";
    expect_refused(f, errc::conflict, "company_id", [&] { (void)f.desk.accounts().sign_up(same_company); });
}

TEST_CASE("approve: System Admin only, pending accounts only") {
    fixture f;
    const auto coordinator = f.staff("coord@example.com");
    const auto pending = f.desk.accounts().sign_up(fixture::person("pending@example.com"));
    const auto events_before = f.desk.outbox().count(outbox_state::pending);

    (void)expect_error(errc::permission_denied, [&] { (void)f.desk.accounts().approve(coordinator.id, pending.id); });
    const auto employee = f.employee("emp@example.com");
    (void)expect_error(errc::permission_denied, [&] { (void)f.desk.accounts().approve(employee.id, pending.id); });
    CHECK(f.desk.accounts().get(f.admin.id, pending.id).status == account_status::pending);
    CHECK(f.desk.outbox().count(outbox_state::pending) == events_before + 2); // emp's registered + approved

    const auto approved = f.desk.accounts().approve(f.admin.id, pending.id);
    CHECK(approved.status == account_status::approved);
    CHECK(f.desk.accounts().get(f.admin.id, pending.id).status == account_status::approved);
    const auto approvals = events_of_kind(f, event_kind::account_approved);
    REQUIRE_FALSE(approvals.empty());
    CHECK(approvals.back().account == pending.id);

    const auto before = counts_of(f);
    (void)expect_error(errc::invalid_state, [&] { (void)f.desk.accounts().approve(f.admin.id, pending.id); });
    (void)expect_error(errc::not_found, [&] { (void)f.desk.accounts().approve(f.admin.id, 999999); });
    check_unchanged(f, before);
}

TEST_CASE("reject: reason required, pending only, audit row written and account removed") {
    fixture f;
    auto r = fixture::person("reject.me@example.com", "Rita", "Reject");
    r.middle_name = "Q";
    r.suffix = "Sr.";
    r.department = "Budget Department";
    const auto pending = f.desk.accounts().sign_up(r);

    for (const std::string blank : {"", "   "}) {
        expect_refused(f, errc::invalid_argument, "reason",
                       [&] { (void)f.desk.accounts().reject(f.admin.id, pending.id, blank); });
    }
    const auto coordinator = f.staff("coord@example.com");
    {
        const auto before = counts_of(f);
        (void)expect_error(errc::permission_denied,
                           [&] { (void)f.desk.accounts().reject(coordinator.id, pending.id, "no"); });
        check_unchanged(f, before);
    }
    {
        const auto approved = f.employee("approved@example.com");
        const auto before = counts_of(f);
        (void)expect_error(errc::invalid_state,
                           [&] { (void)f.desk.accounts().reject(f.admin.id, approved.id, "too late"); });
        check_unchanged(f, before);
    }

    f.time->advance(5min);
    const auto before = counts_of(f);
    const auto audit = f.desk.accounts().reject(f.admin.id, pending.id, "Not an employee of ours");
    CHECK(audit.id > 0);
    CHECK(audit.company_id == pending.company_id);
    CHECK(audit.first_name == "Rita");
    CHECK(audit.middle_name == std::optional<std::string>{"Q"});
    CHECK(audit.last_name == "Reject");
    CHECK(audit.suffix == std::optional<std::string>{"Sr."});
    CHECK(audit.email == "reject.me@example.com");
    CHECK(audit.department == "Budget Department");
    CHECK(audit.reason == "Not an employee of ours");
    CHECK(audit.rejected_by == f.admin.id);
    CHECK(audit.rejected_at == f.time->now());

    const auto after = counts_of(f);
    CHECK(after.accounts == before.accounts - 1);
    CHECK(after.rejections == before.rejections + 1);
    CHECK(f.desk.accounts().rejection_count(f.admin.id) == 1);
    (void)expect_error(errc::not_found, [&] { (void)f.desk.accounts().get(f.admin.id, pending.id); });

    const auto listed = f.desk.accounts().rejections(f.admin.id);
    REQUIRE(listed.rows.size() == 1);
    CHECK(listed.count == 1);
    CHECK(listed.rows[0].email == audit.email);
    CHECK(listed.rows[0].reason == audit.reason);
    CHECK(listed.rows[0].rejected_at == audit.rejected_at);

    const auto rejected_events = events_of_kind(f, event_kind::account_rejected);
    REQUIRE(rejected_events.size() == 1);
    CHECK(rejected_events[0].payload.find("Not an employee of ours") != std::string::npos);

    // Only a System Admin reads the audit (defect 5).
    (void)expect_error(errc::permission_denied, [&] { (void)f.desk.accounts().rejections(coordinator.id); });
    (void)expect_error(errc::permission_denied, [&] { (void)f.desk.accounts().rejection_count(coordinator.id); });

    // The rejected person can sign up again (the email is free).
    CHECK(f.desk.accounts().sign_up(r).status == account_status::pending);
}

TEST_CASE("authenticate: wrong password and unknown email give the same error") {
    fixture f;
    (void)f.employee("erin@example.com");
    const auto wrong = expect_error(errc::unauthenticated, [&] {
        (void)f.desk.accounts().authenticate(login_kind::employee, "erin@example.com", "Wr0ng!Pass");
    });
    const auto unknown = expect_error(errc::unauthenticated, [&] {
        (void)f.desk.accounts().authenticate(login_kind::employee, "nobody@example.com", test_password);
    });
    CHECK(std::string{wrong.what()} == std::string{unknown.what()});
    CHECK(wrong.fields() == unknown.fields());
    (void)expect_error(errc::unauthenticated, [&] {
        (void)f.desk.accounts().authenticate(login_kind::employee, "erin@example.com", "");
    });
}

TEST_CASE("authenticate: a pending account is told it awaits approval") {
    fixture f;
    (void)f.desk.accounts().sign_up(fixture::person("waiting@example.com"));
    for (const auto kind : {login_kind::employee, login_kind::staff, login_kind::any}) {
        const auto e = expect_error(errc::permission_denied, [&] {
            (void)f.desk.accounts().authenticate(kind, "waiting@example.com", test_password);
        });
        CHECK(std::string{e.what()}.find("pending approval") != std::string::npos);
    }
    // A wrong password on a pending account does not reveal its state.
    (void)expect_error(errc::unauthenticated, [&] {
        (void)f.desk.accounts().authenticate(login_kind::employee, "waiting@example.com", "Wr0ng!Pass");
    });
}

TEST_CASE("authenticate: the employee login admits employees, the staff login admits staff") {
    fixture f;
    const auto employee = f.employee("emp@example.com");
    const auto coordinator = f.staff("coord@example.com");
    auto& accounts = f.desk.accounts();

    CHECK(accounts.authenticate(login_kind::employee, "emp@example.com", test_password).id == employee.id);
    CHECK(accounts.authenticate(login_kind::employee, "EMP@Example.com", test_password).id == employee.id);
    (void)expect_error(errc::permission_denied,
                       [&] { (void)accounts.authenticate(login_kind::staff, "emp@example.com", test_password); });

    CHECK(accounts.authenticate(login_kind::staff, "coord@example.com", test_password).id == coordinator.id);
    CHECK(accounts.authenticate(login_kind::staff, "admin@example.com", test_password).id == f.admin.id);
    (void)expect_error(errc::permission_denied,
                       [&] { (void)accounts.authenticate(login_kind::employee, "coord@example.com", test_password); });
    (void)expect_error(errc::permission_denied,
                       [&] { (void)accounts.authenticate(login_kind::employee, "admin@example.com", test_password); });
}

TEST_CASE("authenticate: the any-role login admits every approved role, with the same refusals") {
    fixture f;
    const auto employee = f.employee("emp@example.com");
    const auto coordinator = f.staff("coord@example.com");
    auto& accounts = f.desk.accounts();
    CHECK(accounts.authenticate(login_kind::any, "emp@example.com", test_password).id == employee.id);
    CHECK(accounts.authenticate(login_kind::any, "Coord@Example.com", test_password).id == coordinator.id);
    CHECK(accounts.authenticate(login_kind::any, "admin@example.com", test_password).id == f.admin.id);
    const auto wrong = expect_error(errc::unauthenticated,
                                    [&] { (void)accounts.authenticate(login_kind::any, "emp@example.com", "Wr0ng!Pass"); });
    const auto unknown = expect_error(errc::unauthenticated,
                                      [&] { (void)accounts.authenticate(login_kind::any, "no@example.com", test_password); });
    CHECK(std::string{wrong.what()} == std::string{unknown.what()});
    // An account created by an admin has no usable password until it is set.
    const auto created = accounts.admin_create(f.admin.id, admin_create_request{"new@example.com", "Nia", {}, "New", {},
                                                                                "IT Department", "Employee"});
    (void)expect_error(errc::unauthenticated,
                       [&] { (void)accounts.authenticate(login_kind::any, "new@example.com", ""); });
    (void)created;
}

TEST_CASE("update_profile: names and suffix with the sign-up rules; absent fields kept, blank clears") {
    fixture f;
    auto& accounts = f.desk.accounts();
    const auto erin = f.employee("erin@example.com");

    profile_update change;
    change.first_name = "  Erina ";
    change.middle_name = "Mae";
    change.suffix = "Jr.";
    const auto updated = accounts.update_profile(erin.id, change);
    CHECK(updated.first_name == "Erina");
    CHECK(updated.middle_name == std::optional<std::string>{"Mae"});
    CHECK(updated.suffix == std::optional<std::string>{"Jr."});
    CHECK(updated.last_name == erin.last_name);
    CHECK(updated.email == erin.email);
    CHECK(accounts.get(erin.id, erin.id).first_name == "Erina");

    profile_update clear;
    clear.middle_name = "";
    clear.suffix = " ";
    const auto cleared = accounts.update_profile(erin.id, clear);
    CHECK_FALSE(cleared.middle_name.has_value());
    CHECK_FALSE(cleared.suffix.has_value());
    CHECK(cleared.first_name == "Erina");

    CHECK(accounts.update_profile(erin.id, profile_update{}).first_name == "Erina");

    for (const auto& [field, bad] : std::vector<std::pair<std::string, profile_update>>{
             {"first_name", profile_update{.first_name = "", .middle_name = {}, .last_name = {}, .suffix = {}}},
             {"first_name", profile_update{.first_name = "R2D2", .middle_name = {}, .last_name = {}, .suffix = {}}},
             {"last_name", profile_update{.first_name = {}, .middle_name = {}, .last_name = "  ", .suffix = {}}},
             {"middle_name", profile_update{.first_name = {}, .middle_name = "M!", .last_name = {}, .suffix = {}}},
             {"suffix", profile_update{.first_name = {}, .middle_name = {}, .last_name = {}, .suffix = "Esq."}},
         }) {
        INFO(field);
        const auto e = expect_error(errc::invalid_argument, [&] { (void)accounts.update_profile(erin.id, bad); });
        CHECK(e.fields().count(field) == 1);
    }
    // Nothing of the refused changes was written.
    const auto now = accounts.get(erin.id, erin.id);
    CHECK(now.first_name == "Erina");
    CHECK(now.last_name == erin.last_name);
    CHECK_FALSE(now.suffix.has_value());
}

TEST_CASE("update_profile: only approved accounts, only their own") {
    fixture f;
    const auto waiting = f.desk.accounts().sign_up(fixture::person("waiting@example.com"));
    profile_update change;
    change.first_name = "Wanda";
    (void)expect_error(errc::permission_denied, [&] { (void)f.desk.accounts().update_profile(waiting.id, change); });
    (void)expect_error(errc::not_found, [&] { (void)f.desk.accounts().update_profile(9999, change); });
    CHECK(f.desk.accounts().get(f.admin.id, waiting.id).first_name == "Erin");
}

TEST_CASE("authenticate re-hashes a password stored with fewer iterations") {
    fixture f;
    engine_options legacy_options = fixture::fast_options();
    legacy_options.password_iterations = 500;
    engine legacy{engine_parts{f.db, f.blobs, f.time, std::make_shared<counting_random>()}, legacy_options};

    const auto signed_up = legacy.accounts().sign_up(fixture::person("legacy@example.com"));
    REQUIRE(password_hash_iterations(signed_up.password_hash) == 500);
    (void)f.desk.accounts().approve(f.admin.id, signed_up.id);

    // A failed login changes nothing.
    (void)expect_error(errc::unauthenticated, [&] {
        (void)f.desk.accounts().authenticate(login_kind::employee, "legacy@example.com", "Wr0ng!Pass");
    });
    CHECK(f.desk.accounts().get(f.admin.id, signed_up.id).password_hash == signed_up.password_hash);

    const auto logged_in = f.desk.accounts().authenticate(login_kind::employee, "legacy@example.com", test_password);
    CHECK(password_hash_iterations(logged_in.password_hash) == 1000);
    const auto stored = f.desk.accounts().get(f.admin.id, signed_up.id);
    CHECK(stored.password_hash != signed_up.password_hash);
    CHECK(password_hash_iterations(stored.password_hash) == 1000);
    CHECK(verify_password(test_password, stored.password_hash));

    // An engine configured lower verifies the stronger hash and never downgrades it.
    CHECK(legacy.accounts().authenticate(login_kind::employee, "legacy@example.com", test_password).id ==
          signed_up.id);
    CHECK(password_hash_iterations(f.desk.accounts().get(f.admin.id, signed_up.id).password_hash) == 1000);
}

TEST_CASE("change_password: the current password is checked - the new one works, the old one no longer") {
    fixture f;
    const auto a = f.employee("erin@example.com");
    const std::string next = "N3w!Password";
    auto& accounts = f.desk.accounts();

    const auto before_hash = accounts.get(a.id, a.id).password_hash;
    const auto e = expect_error(errc::invalid_argument,
                                [&] { accounts.change_password(a.id, "Wr0ng!Pass", next, next); });
    CHECK(e.fields().count("current_password") == 1);
    CHECK(expect_error(errc::invalid_argument, [&] {
              accounts.change_password(a.id, test_password, "weakpass", "weakpass");
          }).fields().count("new_password") == 1);
    CHECK(expect_error(errc::invalid_argument, [&] {
              accounts.change_password(a.id, test_password, next, "N3w!Passwore");
          }).fields().count("confirm_password") == 1);
    CHECK(accounts.get(a.id, a.id).password_hash == before_hash);

    accounts.change_password(a.id, test_password, next, next);
    CHECK(accounts.authenticate(login_kind::employee, "erin@example.com", next).id == a.id);
    (void)expect_error(errc::unauthenticated,
                       [&] { (void)accounts.authenticate(login_kind::employee, "erin@example.com", test_password); });
    CHECK(accounts.check_password(a.id, next));
    CHECK_FALSE(accounts.check_password(a.id, test_password));
}

TEST_CASE("password reset: token is single-use and records a mail in the outbox") {
    fixture f;
    const auto a = f.employee("erin@example.com");
    auto& accounts = f.desk.accounts();
    const auto events_before = f.desk.outbox().count(outbox_state::pending);

    const auto token = accounts.request_password_reset("Erin@Example.com");
    REQUIRE(token.has_value());
    CHECK_FALSE(token->empty());
    CHECK(f.desk.outbox().count(outbox_state::pending) == events_before + 1);
    const auto mails = events_of_kind(f, event_kind::password_reset_requested);
    REQUIRE(mails.size() == 1);
    CHECK(mails[0].account == a.id);
    // The token travels as the event's secret, never in its payload.
    CHECK(mails[0].secret == token);
    CHECK(mails[0].payload.find(*token) == std::string::npos);

    // A weak new password is refused without spending the token.
    CHECK(expect_error(errc::invalid_argument, [&] {
              accounts.reset_password(*token, "weak", "weak");
          }).fields().count("new_password") == 1);

    const std::string next = "R3set!Password";
    accounts.reset_password(*token, next, next);
    CHECK(accounts.authenticate(login_kind::employee, "erin@example.com", next).id == a.id);
    (void)expect_error(errc::unauthenticated,
                       [&] { (void)accounts.authenticate(login_kind::employee, "erin@example.com", test_password); });

    const auto again = expect_error(errc::invalid_argument,
                                    [&] { accounts.reset_password(*token, "An0ther!Pass", "An0ther!Pass"); });
    CHECK(again.fields().count("token") == 1);
    CHECK(accounts.authenticate(login_kind::employee, "erin@example.com", next).id == a.id);

    CHECK(expect_error(errc::invalid_argument, [&] {
              accounts.reset_password("not-a-token", next, next);
          }).fields().count("token") == 1);
}

TEST_CASE("password reset: a token expires after reset_token_lifetime") {
    fixture f;
    (void)f.employee("erin@example.com");
    auto& accounts = f.desk.accounts();
    const std::string next = "R3set!Password";

    const auto fresh = accounts.request_password_reset("erin@example.com");
    REQUIRE(fresh);
    f.time->advance(3599s);
    accounts.reset_password(*fresh, next, next); // still valid just before the hour

    const auto stale = accounts.request_password_reset("erin@example.com");
    REQUIRE(stale);
    f.time->advance(3601s);
    const auto e = expect_error(errc::invalid_argument,
                                [&] { accounts.reset_password(*stale, "Lat3!Password", "Lat3!Password"); });
    CHECK(e.fields().count("token") == 1);
    CHECK(accounts.authenticate(login_kind::employee, "erin@example.com", next).id > 0);
}

TEST_CASE("password reset: unknown or unapproved emails get nullopt and nothing is written") {
    fixture f;
    (void)f.desk.accounts().sign_up(fixture::person("pending@example.com"));
    const auto before = counts_of(f);
    CHECK_FALSE(f.desk.accounts().request_password_reset("nobody@example.com").has_value());
    CHECK_FALSE(f.desk.accounts().request_password_reset("pending@example.com").has_value());
    CHECK_FALSE(f.desk.accounts().request_password_reset("").has_value());
    check_unchanged(f, before);
}

TEST_CASE("change_role: System Admin only, never one's own role") {
    fixture f;
    const auto employee = f.employee("emp@example.com");
    const auto coordinator = f.staff("coord@example.com");
    auto& accounts = f.desk.accounts();

    (void)expect_error(errc::permission_denied,
                       [&] { (void)accounts.change_role(coordinator.id, employee.id, "Ticket Coordinator"); });
    (void)expect_error(errc::permission_denied,
                       [&] { (void)accounts.change_role(employee.id, employee.id, "System Admin"); });
    (void)expect_error(errc::permission_denied,
                       [&] { (void)accounts.change_role(f.admin.id, f.admin.id, "Employee"); });
    (void)expect_error(errc::permission_denied,
                       [&] { (void)accounts.change_role(f.admin.id, f.admin.id, "Ticket Coordinator"); });
    CHECK(accounts.get(f.admin.id, f.admin.id).account_role == role::system_admin);
    CHECK(accounts.get(f.admin.id, employee.id).account_role == role::employee);

    CHECK(expect_error(errc::invalid_argument, [&] {
              (void)accounts.change_role(f.admin.id, employee.id, "Overlord");
          }).fields().count("role") == 1);
    (void)expect_error(errc::not_found, [&] { (void)accounts.change_role(f.admin.id, 999999, "Employee"); });

    CHECK(accounts.change_role(f.admin.id, employee.id, "Ticket Coordinator").account_role ==
          role::ticket_coordinator);
    CHECK(accounts.get(f.admin.id, employee.id).account_role == role::ticket_coordinator);
    CHECK(accounts.change_role(f.admin.id, coordinator.id, "Employee").account_role == role::employee);
}

TEST_CASE("list: staff only, with filters and paging") {
    fixture f;
    const auto e1 = f.employee("e1@example.com");
    auto asset = fixture::person("asset@example.com");
    asset.department = "Asset Department";
    const auto e2 = f.desk.accounts().sign_up(asset);
    const auto coordinator = f.staff("coord@example.com");
    const auto pending = f.desk.accounts().sign_up(fixture::person("pending@example.com"));

    (void)expect_error(errc::permission_denied, [&] { (void)f.desk.accounts().list(e1.id, {}); });

    const auto all = f.desk.accounts().list(coordinator.id, {});
    CHECK(all.count == 5);
    CHECK(all.rows.size() == 5);

    account_filter by_role;
    by_role.account_role = role::ticket_coordinator;
    const auto coordinators = f.desk.accounts().list(f.admin.id, by_role);
    REQUIRE(coordinators.rows.size() == 1);
    CHECK(coordinators.rows[0].id == coordinator.id);

    account_filter by_status;
    by_status.status = account_status::pending;
    const auto pendings = f.desk.accounts().list(f.admin.id, by_status);
    CHECK(pendings.count == 2);
    for (const auto& a : pendings.rows) {
        CHECK(a.status == account_status::pending);
        CHECK((a.id == e2.id || a.id == pending.id));
    }

    account_filter by_department;
    by_department.department = "Asset Department";
    const auto assets = f.desk.accounts().list(f.admin.id, by_department);
    REQUIRE(assets.rows.size() == 1);
    CHECK(assets.rows[0].id == e2.id);

    account_filter combined;
    combined.status = account_status::approved;
    combined.account_role = role::employee;
    const auto approved_employees = f.desk.accounts().list(f.admin.id, combined);
    REQUIRE(approved_employees.rows.size() == 1);
    CHECK(approved_employees.rows[0].id == e1.id);

    // Paging: 5 rows, pages of 2.
    std::vector<account_id> seen;
    for (std::int64_t page_number = 1; page_number <= 3; ++page_number) {
        const auto page = f.desk.accounts().list(f.admin.id, {}, page_number, 2);
        CHECK(page.count == 5);
        CHECK(page.rows.size() == (page_number < 3 ? 2u : 1u));
        for (const auto& a : page.rows) {
            seen.push_back(a.id);
        }
    }
    std::vector<account_id> expected;
    for (const auto& a : all.rows) {
        expected.push_back(a.id);
    }
    CHECK(seen == expected);
    CHECK(f.desk.accounts().list(f.admin.id, {}, 4, 2).rows.empty());

    CHECK(expect_error(errc::invalid_argument, [&] {
              (void)f.desk.accounts().list(f.admin.id, {}, 1, 101);
          }).fields().count("page_size") == 1);
    CHECK(expect_error(errc::invalid_argument, [&] {
              (void)f.desk.accounts().list(f.admin.id, {}, 1, 0);
          }).fields().count("page_size") == 1);
    CHECK(expect_error(errc::invalid_argument, [&] {
              (void)f.desk.accounts().list(f.admin.id, {}, 0, 20);
          }).fields().count("page") == 1);
    CHECK(f.desk.accounts().list(f.admin.id, {}, 1, 100).count == 5);
}

TEST_CASE("set_image: PNG and JPEG by content - other bytes and oversize files refused") {
    fixture f;
    const auto a = f.employee("erin@example.com");
    auto& accounts = f.desk.accounts();

    const auto with_png = accounts.set_image(a.id, png_bytes);
    REQUIRE(with_png.image_key.has_value());
    CHECK(f.blobs->get(*with_png.image_key) == std::optional<std::string>{png_bytes});
    CHECK(accounts.get(a.id, a.id).image_key == with_png.image_key);

    const auto with_jpeg = accounts.set_image(a.id, jpeg_bytes);
    REQUIRE(with_jpeg.image_key.has_value());
    CHECK(with_jpeg.image_key != with_png.image_key);
    CHECK(f.blobs->get(*with_jpeg.image_key) == std::optional<std::string>{jpeg_bytes});

    const auto refused = [&](std::string bytes, errc code) {
        const auto e = expect_error(code, [&] { (void)accounts.set_image(a.id, bytes); });
        CHECK(e.fields().count("image") == 1);
        CHECK(accounts.get(a.id, a.id).image_key == with_jpeg.image_key);
    };
    refused("", errc::invalid_argument);
    refused("just some text, not a picture", errc::unsupported_media_type);
    refused("%PDF-1.4\n%fake pdf", errc::unsupported_media_type);
    refused(std::string{"GIF89a", 6} + std::string(32, 'g'), errc::unsupported_media_type);

    const std::int64_t limit = 2 * 1024 * 1024;
    std::string largest = png_bytes;
    largest.resize(static_cast<std::size_t>(limit), 'x');
    CHECK(accounts.set_image(a.id, largest).image_key.has_value());
    const auto kept = accounts.get(a.id, a.id).image_key;
    std::string oversize = largest + "x";
    const auto e = expect_error(errc::payload_too_large, [&] { (void)accounts.set_image(a.id, oversize); });
    CHECK(e.fields().count("image") == 1);
    CHECK(accounts.get(a.id, a.id).image_key == kept);
}

TEST_CASE("image: the picture with its sniffed type - seen by the account itself and staff, not_found for others") {
    fixture f;
    const auto erin = f.employee("erin@example.com");
    const auto olga = f.employee("olga@example.com");
    const auto coordinator = f.staff("coord@example.com");
    auto& accounts = f.desk.accounts();

    CHECK_FALSE(accounts.image(erin.id, erin.id)); // none yet
    CHECK_FALSE(accounts.image(coordinator.id, erin.id));
    (void)expect_error(errc::not_found, [&] { (void)accounts.image(olga.id, erin.id); });

    (void)accounts.set_image(erin.id, png_bytes);
    using picture = std::optional<profile_image>;
    CHECK(accounts.image(erin.id, erin.id) == picture{{"image/png", png_bytes}});
    CHECK(accounts.image(coordinator.id, erin.id) == picture{{"image/png", png_bytes}});
    CHECK(accounts.image(f.admin.id, erin.id) == picture{{"image/png", png_bytes}});
    // Another employee learns nothing, not even that a picture exists.
    (void)expect_error(errc::not_found, [&] { (void)accounts.image(olga.id, erin.id); });
    (void)expect_error(errc::not_found, [&] { (void)accounts.image(olga.id, erin.id + 100); });
    (void)expect_error(errc::not_found, [&] { (void)accounts.image(coordinator.id, erin.id + 100); });
    (void)expect_error(errc::unauthenticated, [&] { (void)accounts.image(erin.id + 100, erin.id); });

    (void)accounts.set_image(erin.id, jpeg_bytes);
    CHECK(accounts.image(erin.id, erin.id) == picture{{"image/jpeg", jpeg_bytes}});
}

TEST_CASE("admin_create: System Admin only - approved, generated company id, no usable password until set") {
    fixture f;
    const auto coordinator = f.staff("coord@example.com");
    admin_create_request r;
    r.email = "hired@example.com";
    r.first_name = "Hana";
    r.last_name = "Hired";
    r.department = "Asset Department";
    {
        const auto before = counts_of(f);
        (void)expect_error(errc::permission_denied, [&] { (void)f.desk.accounts().admin_create(coordinator.id, r); });
        check_unchanged(f, before);
        auto bad = r;
        bad.role = "Overlord";
        expect_refused(f, errc::invalid_argument, "role", [&] { (void)f.desk.accounts().admin_create(f.admin.id, bad); });
        bad = r;
        bad.email = "not-an-email";
        expect_refused(f, errc::invalid_argument, "email", [&] { (void)f.desk.accounts().admin_create(f.admin.id, bad); });
    }
    const auto created = f.desk.accounts().admin_create(f.admin.id, r);
    CHECK(created.created.status == account_status::approved);
    CHECK(created.created.account_role == role::employee);
    CHECK(created.created.company_id.rfind("MA", 0) == 0);
    CHECK(created.created.company_id.size() >= 6);
    CHECK_FALSE(created.set_password_token.empty());
    const auto mails = events_of_kind(f, event_kind::account_created);
    REQUIRE(mails.size() == 1);
    CHECK(mails[0].secret == std::optional<std::string>{created.set_password_token});
    CHECK(mails[0].payload.find(created.set_password_token) == std::string::npos);

    // No default password (defect 4): nothing logs in until the link is used.
    for (const char* guess : {"1234", "", "Str0ng!Pass"}) {
        (void)expect_error(errc::unauthenticated, [&] {
            (void)f.desk.accounts().authenticate(login_kind::employee, "hired@example.com", guess);
        });
    }
    f.desk.accounts().reset_password(created.set_password_token, "F1rst!Password", "F1rst!Password");
    CHECK(f.desk.accounts().authenticate(login_kind::employee, "hired@example.com", "F1rst!Password").id ==
          created.created.id);
}

TEST_CASE("get: own account, staff see anyone, employees see nobody else") {
    fixture f;
    const auto e1 = f.employee("e1@example.com");
    const auto e2 = f.employee("e2@example.com");
    const auto coordinator = f.staff("coord@example.com");

    CHECK(f.desk.accounts().get(e1.id, e1.id).email == "e1@example.com");
    (void)expect_error(errc::not_found, [&] { (void)f.desk.accounts().get(e1.id, e2.id); });
    (void)expect_error(errc::not_found, [&] { (void)f.desk.accounts().get(e1.id, coordinator.id); });
    CHECK(f.desk.accounts().get(coordinator.id, e2.id).email == "e2@example.com");
    CHECK(f.desk.accounts().get(f.admin.id, e2.id).email == "e2@example.com");
    (void)expect_error(errc::not_found, [&] { (void)f.desk.accounts().get(coordinator.id, 999999); });
}

} // TEST_SUITE
