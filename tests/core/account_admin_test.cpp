// Account service: roles, lists, profile pictures, admin-created accounts and reading accounts.

#include "account_test_support.hpp"

TEST_SUITE("account_service") {

TEST_CASE("change_role: System Admin only, never the last active System Admin's role") {
    employee_and_coordinator world;
    auto& [f, employee, coordinator, accounts] = world;

    (void)expect_error(errc::permission_denied,
                       [&] { (void)accounts.change_role(coordinator.id, employee.id, "Ticket Coordinator"); });
    (void)expect_error(errc::permission_denied,
                       [&] { (void)accounts.change_role(employee.id, employee.id, "System Admin"); });
    // The only admin cannot step down: the desk would have nobody to run it.
    (void)expect_error(errc::conflict, [&] { (void)accounts.change_role(f.admin.id, f.admin.id, "Employee"); });
    (void)expect_error(errc::conflict,
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

    (void)expect_error(errc::permission_denied, [&] { (void)f.desk.accounts().list(e1.id, accounts_query({})); });

    const auto all = f.desk.accounts().list(coordinator.id, accounts_query({}));
    CHECK(all.count == 5);
    CHECK(all.results.size() == 5);

    account_filter by_role;
    by_role.account_role = role::ticket_coordinator;
    const auto coordinators = f.desk.accounts().list(f.admin.id, accounts_query(by_role));
    REQUIRE(coordinators.results.size() == 1);
    CHECK(coordinators.results[0].id == coordinator.id);

    account_filter by_status;
    by_status.status = account_status::pending;
    const auto pendings = f.desk.accounts().list(f.admin.id, accounts_query(by_status));
    CHECK(pendings.count == 2);
    for (const auto& a : pendings.results) {
        CHECK(a.status == account_status::pending);
        CHECK((a.id == e2.id || a.id == pending.id));
    }

    account_filter by_department;
    by_department.department = "Asset Department";
    const auto assets = f.desk.accounts().list(f.admin.id, accounts_query(by_department));
    REQUIRE(assets.results.size() == 1);
    CHECK(assets.results[0].id == e2.id);

    account_filter combined;
    combined.status = account_status::approved;
    combined.account_role = role::employee;
    const auto approved_employees = f.desk.accounts().list(f.admin.id, accounts_query(combined));
    REQUIRE(approved_employees.results.size() == 1);
    CHECK(approved_employees.results[0].id == e1.id);

    // Paging: 5 rows, pages of 2.
    std::vector<account_id> seen;
    for (std::int64_t page_number = 1; page_number <= 3; ++page_number) {
        const auto page = f.desk.accounts().list(f.admin.id, accounts_query({}, page_number, 2));
        CHECK(page.count == 5);
        CHECK(page.results.size() == (page_number < 3 ? 2u : 1u));
        for (const auto& a : page.results) {
            seen.push_back(a.id);
        }
    }
    std::vector<account_id> expected;
    for (const auto& a : all.results) {
        expected.push_back(a.id);
    }
    CHECK(seen == expected);
    CHECK(f.desk.accounts().list(f.admin.id, accounts_query({}, 4, 2)).results.empty());

    CHECK(expect_error(errc::invalid_argument, [&] {
              (void)f.desk.accounts().list(f.admin.id, accounts_query({}, 1, 101));
          }).fields().count("page_size") == 1);
    CHECK(expect_error(errc::invalid_argument, [&] {
              (void)f.desk.accounts().list(f.admin.id, accounts_query({}, 1, 0));
          }).fields().count("page_size") == 1);
    CHECK(expect_error(errc::invalid_argument, [&] {
              (void)f.desk.accounts().list(f.admin.id, accounts_query({}, 0, 20));
          }).fields().count("page") == 1);
    CHECK(f.desk.accounts().list(f.admin.id, accounts_query({}, 1, 100)).count == 5);
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

    // No default password: nothing logs in until the link is used.
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
