// Account administration: an admin edits names and department, and reads the
// account history (docs/product.md#account-administration).

#include "account_test_support.hpp"

TEST_SUITE("account_service") {

TEST_CASE("update_account: System Admin only, sign-up rules, one history row per changed field") {
    employee_and_coordinator world;
    auto& [f, employee, coordinator, accounts] = world;
    account_update rename;
    rename.first_name = "  Erika ";
    rename.middle_name = "Jo";
    rename.suffix = "Jr.";
    rename.department = "Asset Department";

    (void)expect_error(errc::permission_denied, [&] { (void)accounts.update_account(coordinator.id, employee.id, rename); });
    (void)expect_error(errc::permission_denied, [&] { (void)accounts.update_account(employee.id, employee.id, rename); });
    (void)expect_error(errc::not_found, [&] { (void)accounts.update_account(f.admin.id, 999999, rename); });

    const auto bad = [&](auto change, const std::string& field) {
        account_update u;
        change(u);
        const auto before = accounts.get(f.admin.id, employee.id);
        CHECK(check_invalid([&] { (void)accounts.update_account(f.admin.id, employee.id, u); }, field));
        CHECK(accounts.get(f.admin.id, employee.id).first_name == before.first_name);
    };
    bad([](account_update& u) { u.first_name = ""; }, "first_name");
    bad([](account_update& u) { u.last_name = "R2-D2"; }, "last_name");
    bad([](account_update& u) { u.middle_name = "x\ny"; }, "middle_name");
    bad([](account_update& u) { u.suffix = "Esq."; }, "suffix");
    bad([](account_update& u) { u.department = "Marketing"; }, "department");
    bad([](account_update& u) { u.department = " "; }, "department");
    CHECK(accounts.history(f.admin.id, employee.id).results.empty());

    const auto edited = accounts.update_account(f.admin.id, employee.id, rename);
    CHECK(edited.first_name == "Erika");
    CHECK(edited.middle_name == std::optional<std::string>{"Jo"});
    CHECK(edited.suffix == std::optional<std::string>{"Jr."});
    CHECK(edited.department == "Asset Department");
    CHECK(edited.last_name == employee.last_name);
    CHECK(accounts.get(employee.id, employee.id).department == "Asset Department");

    auto rows = accounts.history(f.admin.id, employee.id).results;
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].field == "first_name");
    CHECK(rows[0].old_value == std::optional<std::string>{"Erin"});
    CHECK(rows[0].new_value == std::optional<std::string>{"Erika"});
    CHECK(rows[1].field == "middle_name");
    CHECK_FALSE(rows[1].old_value);
    CHECK(rows[2].field == "suffix");
    CHECK(rows[3].field == "department");
    CHECK(rows[3].old_value == std::optional<std::string>{"IT Department"});

    // The same values again change nothing; a blank middle name clears it.
    (void)accounts.update_account(f.admin.id, employee.id, rename);
    CHECK(accounts.history(f.admin.id, employee.id).results.size() == 4);
    account_update clear;
    clear.middle_name = "";
    CHECK_FALSE(accounts.update_account(f.admin.id, employee.id, clear).middle_name);
    rows = accounts.history(f.admin.id, employee.id).results;
    REQUIRE(rows.size() == 5);
    CHECK(rows[4].old_value == std::optional<std::string>{"Jo"});
    CHECK_FALSE(rows[4].new_value);
}

TEST_CASE("history: System Admins only, paged like the other lists") {
    employee_and_coordinator world;
    auto& [f, employee, coordinator, accounts] = world;
    for (const char* name : {"Ann", "Bea", "Cid", "Dot", "Eve"}) {
        account_update u;
        u.first_name = name;
        (void)accounts.update_account(f.admin.id, employee.id, u);
    }
    (void)expect_error(errc::permission_denied, [&] { (void)accounts.history(coordinator.id, employee.id); });
    (void)expect_error(errc::permission_denied, [&] { (void)accounts.history(employee.id, employee.id); });
    (void)expect_error(errc::not_found, [&] { (void)accounts.history(f.admin.id, 999999); });

    page_request two;
    two.page_size = 2;
    const auto first = accounts.history(f.admin.id, employee.id, two);
    CHECK(first.count == 5);
    CHECK(first.has_next);
    REQUIRE(first.results.size() == 2);
    CHECK(first.results[0].new_value == std::optional<std::string>{"Ann"});

    page_request cursor = two;
    cursor.cursor = "";
    std::vector<std::string> seen;
    for (int guard = 0; guard < 5; ++guard) {
        const auto page = accounts.history(f.admin.id, employee.id, cursor);
        for (const auto& e : page.results) {
            seen.push_back(e.new_value.value_or(""));
        }
        if (!page.next_cursor) {
            break;
        }
        cursor.cursor = page.next_cursor;
    }
    CHECK(seen == std::vector<std::string>{"Ann", "Bea", "Cid", "Dot", "Eve"});
    page_request foreign = two;
    foreign.cursor = "ed.1"; // the employee list's kind of cursor
    CHECK(expect_error(errc::invalid_argument, [&] {
              (void)accounts.history(f.admin.id, employee.id, foreign);
          }).fields().count("cursor") == 1);
}

} // TEST_SUITE
