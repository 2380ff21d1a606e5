"""Automatic assignment through the package (docs/product.md#automatic-assignment):
availability, the departments' modes, and approval with and without an assignee."""

from __future__ import annotations

from typing import Callable, List

import pytest

import helpdesk
from conftest import ticket_fields


def approve_new(engine: helpdesk.Engine, admin: helpdesk.Account, employee: helpdesk.Account,
                **extra: object) -> helpdesk.TicketDetails:
    t = engine.tickets.create(employee, **ticket_fields())
    return engine.tickets.approve(admin, t, priority="High", department="IT Department", **extra)  # type: ignore[arg-type]


def test_availability_defaults_by_role_and_can_be_chosen(
    engine: helpdesk.Engine, admin: helpdesk.Account, coordinator: helpdesk.Account, employee: helpdesk.Account
) -> None:
    assert engine.assignment.availability(coordinator) == {
        "account": coordinator["id"], "available": True, "chosen": False
    }
    assert engine.assignment.availability(admin)["available"] is False
    away = engine.assignment.set_available(coordinator, False)
    assert away == {"account": coordinator["id"], "available": False, "chosen": True}
    assert engine.assignment.availability(coordinator) == away
    assert engine.assignment.set_available(admin, True)["available"] is True

    with pytest.raises(helpdesk.PermissionDenied) as refused:
        engine.assignment.availability(employee)
    assert refused.value.code == -3
    with pytest.raises(helpdesk.PermissionDenied):
        engine.assignment.set_available(employee, True)
    with pytest.raises(TypeError):
        engine.assignment.set_available(coordinator, 1)  # type: ignore[arg-type]


def test_departments_and_their_modes(engine: helpdesk.Engine, admin: helpdesk.Account,
                                     coordinator: helpdesk.Account) -> None:
    departments = engine.assignment.departments(admin)
    assert departments[0] == {"department": "IT Department", "mode": "none", "last_assignee": None}
    assert all(d["mode"] == helpdesk.AssignmentMode.NONE for d in departments)

    set_to = engine.assignment.set_mode(admin, "IT Department", helpdesk.AssignmentMode.ROUND_ROBIN)
    assert set_to == {"department": "IT Department", "mode": "round_robin", "last_assignee": None}
    assert engine.assignment.departments(admin)[0]["mode"] == "round_robin"

    with pytest.raises(helpdesk.NotFound):
        engine.assignment.set_mode(admin, "Nowhere Department", "round_robin")
    with pytest.raises(helpdesk.InvalidArgument) as bad:
        engine.assignment.set_mode(admin, "IT Department", "by_lottery")
    assert "mode" in bad.value.fields
    with pytest.raises(helpdesk.PermissionDenied):
        engine.assignment.departments(coordinator)
    with pytest.raises(helpdesk.PermissionDenied):
        engine.assignment.set_mode(coordinator, "IT Department", "none")


def test_mode_none_leaves_approved_tickets_open(
    engine: helpdesk.Engine, admin: helpdesk.Account, coordinator: helpdesk.Account, employee: helpdesk.Account
) -> None:
    t = approve_new(engine, admin, employee)
    assert t["status"] == "Open"
    assert t["assigned_to"] is None


def test_round_robin_takes_turns_among_the_available(
    engine: helpdesk.Engine, admin: helpdesk.Account, make_coordinator: Callable[..., helpdesk.Account],
    employee: helpdesk.Account
) -> None:
    first, second, away = make_coordinator("Cody"), make_coordinator("Dana"), make_coordinator("Eve")
    engine.assignment.set_available(away, False)
    engine.assignment.set_mode(admin, "IT Department", "round_robin")

    assignees: List[int] = []
    for _ in range(4):
        t = approve_new(engine, admin, employee)
        assert t["status"] == "In Progress"
        assert t["assigned_to"] is not None
        assignees.append(t["assigned_to"]["id"])
    assert assignees == [first["id"], second["id"], first["id"], second["id"]]
    assert engine.assignment.departments(admin)[0]["last_assignee"] == second["id"]
    comments = [c["text"] for c in engine.tickets.iterate_comments(employee, t)]
    assert "Assigned by round robin." in comments


def test_least_open_picks_the_least_loaded(
    engine: helpdesk.Engine, admin: helpdesk.Account, make_coordinator: Callable[..., helpdesk.Account],
    employee: helpdesk.Account
) -> None:
    busy, idle = make_coordinator("Cody"), make_coordinator("Dana")
    approve_new(engine, admin, employee, assigned_to=busy)
    engine.assignment.set_mode(admin, "IT Department", helpdesk.AssignmentMode.LEAST_OPEN)
    t = approve_new(engine, admin, employee)
    assert t["assigned_to"] is not None and t["assigned_to"]["id"] == idle["id"]


def test_an_explicit_assignee_wins_and_is_checked(
    engine: helpdesk.Engine, admin: helpdesk.Account, coordinator: helpdesk.Account, employee: helpdesk.Account
) -> None:
    engine.assignment.set_mode(admin, "IT Department", "round_robin")
    t = approve_new(engine, admin, employee, assigned_to=coordinator["id"])
    assert t["status"] == "In Progress"
    assert t["assigned_to"] is not None and t["assigned_to"]["id"] == coordinator["id"]
    assert engine.assignment.departments(admin)[0]["last_assignee"] is None  # the rotation did not move

    fresh = engine.tickets.create(employee, **ticket_fields())
    with pytest.raises(helpdesk.InvalidArgument) as bad:
        engine.tickets.approve(admin, fresh, priority="High", department="IT Department", assigned_to=employee)
    assert "assigned_to" in bad.value.fields
    assert engine.tickets.get(admin, fresh)["status"] == "New"  # nothing was approved


def test_nobody_available_leaves_the_ticket_open(
    engine: helpdesk.Engine, admin: helpdesk.Account, coordinator: helpdesk.Account, employee: helpdesk.Account
) -> None:
    engine.assignment.set_available(coordinator, False)
    engine.assignment.set_mode(admin, "IT Department", "round_robin")
    t = approve_new(engine, admin, employee)
    assert t["status"] == "Open"
    assert t["assigned_to"] is None
