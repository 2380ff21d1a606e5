// Account service: sign-up and each of its refusals; refusals also check that nothing was written.

#include "account_test_support.hpp"

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
        expect_bad_sign_up(f, person_where("names@example.com", [&](auto& r) { r.middle_name = bad; }),
                           "middle_name");
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
        const auto r = person_where("unicode" + std::to_string(++n) + "@example.com",
                                    [&](auto& request) { request.first_name = bad; });
        const auto before = counts_of(f);
        if (check_invalid([&] { (void)f.desk.accounts().sign_up(r); }, "first_name")) {
            check_unchanged(f, before);
        }
    }
}

TEST_CASE("sign-up accepts only the listed suffixes") {
    fixture f;
    for (const std::string bad : {"Esq.", "jr.", "II", "XI", "PhD"}) {
        CAPTURE(bad);
        expect_bad_sign_up(f, person_where("suffix@example.com", [&](auto& r) { r.suffix = bad; }), "suffix");
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
        const auto r = person_where("weak@example.com", [&](auto& request) {
            request.password = weak;
            request.confirm_password = weak;
        });
        expect_bad_sign_up(f, r, "password");
    }
    const auto mismatch =
        person_where("mismatch@example.com", [](auto& r) { r.confirm_password = "Str0ng!Pasz"; });
    expect_bad_sign_up(f, mismatch, "confirm_password");
}

TEST_CASE("sign-up refuses a malformed company id") {
    fixture f;
    for (const std::string bad : {"MA123", "MA", "XY1234", "ma1234", "MA12a4", "MA-1234", "1234", "MA 1234"}) {
        CAPTURE(bad);
        expect_bad_sign_up(f, person_where("company@example.com", [&](auto& r) { r.company_id = bad; }),
                           "company_id");
    }
}

TEST_CASE("sign-up refuses an unknown or missing department") {
    fixture f;
    for (const std::string bad : {"", "HR Department", "it department"}) {
        CAPTURE(bad);
        expect_bad_sign_up(f, person_where("dept@example.com", [&](auto& r) { r.department = bad; }),
                           "department");
    }
    const auto ok = person_where("asset@example.com", [](auto& r) { r.department = "Asset Department"; });
    CHECK(f.desk.accounts().sign_up(ok).department == "Asset Department");
}

TEST_CASE("sign-up refuses a body that sets role or status") {
    fixture f;
    expect_bad_sign_up(f, person_where("role@example.com", [](auto& r) { r.role = "System Admin"; }), "role");
    expect_bad_sign_up(f, person_where("status@example.com", [](auto& r) { r.status = "Approved"; }),
                       "status");
}

TEST_CASE("sign-up refuses a duplicate email (any case) and a duplicate company id as a conflict") {
    // docs/product.md#errors: a duplicate is 409, i.e. errc::conflict; the field is named.
    fixture f;
    auto first = fixture::person("dup@example.com");
    first.company_id = "MA0500";
    (void)f.desk.accounts().sign_up(first);

    expect_refused(f, errc::conflict, "email",
                   [&] { (void)f.desk.accounts().sign_up(fixture::person("DUP@Example.COM")); });
    expect_refused(f, errc::conflict, "email",
                   [&] { (void)f.desk.accounts().sign_up(fixture::person("  dup@example.com ")); });
    const auto same_company = person_where("other@example.com", [](auto& r) { r.company_id = "MA0500"; });
    expect_refused(f, errc::conflict, "company_id", [&] { (void)f.desk.accounts().sign_up(same_company); });
}

} // TEST_SUITE
