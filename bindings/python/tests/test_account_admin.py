"""Account administration through the package (docs/product.md#account-administration):
admin-created accounts, the account list, edits, role changes, deactivation and
reactivation, an account's history and the rejection audit, with their refusals."""

from __future__ import annotations

from typing import Callable

import pytest

import helpdesk
from conftest import PASSWORD, person, ticket_fields


def test_an_admin_created_account_sets_its_password_with_the_returned_token(
    engine: helpdesk.Engine, admin: helpdesk.Account
) -> None:
    created = engine.accounts.admin_create(
        admin, email="nina@example.com", first_name="Nina", last_name="New", department="IT Department",
        role=helpdesk.Role.TICKET_COORDINATOR,
    )
    nina = created["account"]
    assert nina["status"] == "Approved"
    assert nina["role"] == "Ticket Coordinator"
    assert nina["is_active"] is True
    token = created["set_password_token"]
    assert isinstance(token, str) and token

    with pytest.raises(helpdesk.Unauthenticated):
        engine.accounts.login("nina@example.com", PASSWORD, staff=True)
    engine.accounts.reset_password(token, PASSWORD)
    assert engine.accounts.login("nina@example.com", PASSWORD, staff=True) == nina["id"]
    # The token is spent.
    with pytest.raises(helpdesk.InvalidArgument):
        engine.accounts.reset_password(token, "Another-Pass-2")


def test_admin_create_is_for_system_admins_and_checks_its_fields(
    engine: helpdesk.Engine, admin: helpdesk.Account, employee: helpdesk.Account
) -> None:
    with pytest.raises(helpdesk.PermissionDenied) as refused:
        engine.accounts.admin_create(
            employee, email="x@example.com", first_name="X", last_name="Y", department="IT Department"
        )
    assert refused.value.code == -3
    with pytest.raises(helpdesk.InvalidArgument) as bad:
        engine.accounts.admin_create(
            admin, email="not-an-email", first_name="X", last_name="Y", department="IT Department"
        )
    assert "email" in bad.value.fields
    with pytest.raises(helpdesk.Conflict):
        engine.accounts.admin_create(
            admin, email="erin@example.com", first_name="X", last_name="Y", department="IT Department"
        )


def test_the_account_list_filters_and_pages(
    engine: helpdesk.Engine, admin: helpdesk.Account, make_employee: Callable[..., helpdesk.Account]
) -> None:
    people = [make_employee(name) for name in ("Ann", "Ben", "Cat")]
    engine.accounts.deactivate(admin, people[1])

    everyone = engine.accounts.list(admin, page_size=100)
    assert everyone.count == 4
    assert [a["id"] for a in everyone] == sorted(a["id"] for a in everyone)

    inactive = engine.accounts.list(admin, is_active=False)
    assert [a["id"] for a in inactive] == [people[1]["id"]]
    employees = engine.accounts.list(admin, role=helpdesk.Role.EMPLOYEE, is_active=True)
    assert {a["id"] for a in employees} == {people[0]["id"], people[2]["id"]}

    walked = list(engine.accounts.iterate(admin, page_size=1))
    assert [a["id"] for a in walked] == [a["id"] for a in everyone]

    with pytest.raises(helpdesk.PermissionDenied):
        engine.accounts.list(people[0])
    with pytest.raises(helpdesk.InvalidArgument) as bad:
        engine.accounts.list(admin, role="Janitor")
    assert "role" in bad.value.fields
    with pytest.raises(TypeError):
        engine.accounts.list(admin, is_active="yes")  # type: ignore[arg-type]


def test_update_changes_names_and_department_and_writes_history(
    engine: helpdesk.Engine, admin: helpdesk.Account, employee: helpdesk.Account
) -> None:
    changed = engine.accounts.update(admin, employee, first_name="Erina", middle_name="Q")
    assert changed["first_name"] == "Erina"
    assert changed["middle_name"] == "Q"
    cleared = engine.accounts.update(admin, employee, middle_name="")
    assert cleared["middle_name"] is None

    history = engine.accounts.history_page(admin, employee)
    fields = [row["field"] for row in history]
    assert "first_name" in fields and "middle_name" in fields
    first = next(row for row in history if row["field"] == "first_name")
    assert (first["old_value"], first["new_value"], first["actor"]) == ("Erin", "Erina", admin["id"])
    assert [r["id"] for r in engine.accounts.iterate_history(admin, employee, page_size=1)] == [
        r["id"] for r in history
    ]

    with pytest.raises(helpdesk.InvalidArgument) as bad:
        engine.accounts.update(admin, employee, department="Nowhere")
    assert "department" in bad.value.fields
    with pytest.raises(helpdesk.PermissionDenied):
        engine.accounts.update(employee, employee, first_name="Me")
    with pytest.raises(helpdesk.NotFound):
        engine.accounts.history_page(admin, 987654)


def test_role_changes_and_the_last_admin(
    engine: helpdesk.Engine, admin: helpdesk.Account, employee: helpdesk.Account
) -> None:
    coordinator = engine.accounts.change_role(admin, employee, helpdesk.Role.TICKET_COORDINATOR)
    assert coordinator["role"] == "Ticket Coordinator"
    assert engine.accounts.login("erin@example.com", PASSWORD, staff=True) == employee["id"]

    with pytest.raises(helpdesk.Conflict) as last:
        engine.accounts.change_role(admin, admin, helpdesk.Role.EMPLOYEE)
    assert last.value.code == -6
    with pytest.raises(helpdesk.Conflict):
        engine.accounts.deactivate(admin, admin)
    with pytest.raises(helpdesk.PermissionDenied):
        engine.accounts.change_role(employee, admin, helpdesk.Role.EMPLOYEE)
    with pytest.raises(helpdesk.InvalidArgument):
        engine.accounts.change_role(admin, employee, "Boss")

    # With a second admin, the first may step down.
    engine.accounts.change_role(admin, employee, helpdesk.Role.SYSTEM_ADMIN)
    assert engine.accounts.change_role(admin, admin, helpdesk.Role.EMPLOYEE)["role"] == "Employee"


def test_deactivation_blocks_login_and_releases_assignments(
    engine: helpdesk.Engine, admin: helpdesk.Account, coordinator: helpdesk.Account, employee: helpdesk.Account
) -> None:
    t = engine.tickets.create(employee, **ticket_fields())
    t = engine.tickets.approve(admin, t, priority="High", department="IT Department", assigned_to=coordinator)
    assert t["status"] == "In Progress"

    gone = engine.accounts.deactivate(admin, coordinator)
    assert gone["is_active"] is False
    with pytest.raises(helpdesk.PermissionDenied, match="deactivated") as refused:
        engine.accounts.login("cody@example.com", PASSWORD, staff=True)
    assert refused.value.code == -3
    with pytest.raises(helpdesk.PermissionDenied):
        engine.tickets.list(coordinator)
    released = engine.tickets.get(admin, t)
    assert released["status"] == "Open"
    assert released["assigned_to"] is None
    assert engine.accounts.deactivate(admin, coordinator)["is_active"] is False  # idempotent

    back = engine.accounts.reactivate(admin, coordinator)
    assert back["is_active"] is True
    assert engine.accounts.login("cody@example.com", PASSWORD, staff=True) == coordinator["id"]
    fields = [row["field"] for row in engine.accounts.iterate_history(admin, coordinator)]
    assert fields.count("is_active") == 2


def test_the_rejection_audit_lists_and_counts(engine: helpdesk.Engine, admin: helpdesk.Account,
                                              employee: helpdesk.Account) -> None:
    assert engine.accounts.rejection_count(admin) == 0
    for name in ("Pat", "Quinn"):
        engine.accounts.reject(admin, engine.accounts.sign_up(**person(name, "Pending")), f"Not {name}.")
    assert engine.accounts.rejection_count(admin) == 2
    rows = engine.accounts.rejections(admin, page=1)
    assert rows.count == 2
    assert [r["reason"] for r in rows] == ["Not Quinn.", "Not Pat."]  # newest first
    assert [r["id"] for r in engine.accounts.iterate_rejections(admin, page_size=1)] == [r["id"] for r in rows]
    with pytest.raises(helpdesk.PermissionDenied):
        engine.accounts.rejections(employee)
    with pytest.raises(helpdesk.PermissionDenied):
        engine.accounts.rejection_count(employee)
