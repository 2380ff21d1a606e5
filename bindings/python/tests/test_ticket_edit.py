"""What the package gained for tickets in 0.2.0: editing after approval and
unassigning, the staff queues, the submission-time filters, and downloading
an attachment's bytes."""

from __future__ import annotations

import datetime
from typing import Callable

import pytest

import helpdesk
from conftest import ticket_fields
from test_lifecycle import PNG


def approved(engine: helpdesk.Engine, admin: helpdesk.Account, employee: helpdesk.Account,
             priority: str = "Low") -> helpdesk.TicketDetails:
    t = engine.tickets.create(employee, **ticket_fields())
    return engine.tickets.approve(admin, t, priority=priority, department="IT Department")


def test_edit_changes_fields_records_them_and_moves_the_due_dates(
    engine: helpdesk.Engine, admin: helpdesk.Account, employee: helpdesk.Account
) -> None:
    t = approved(engine, admin, employee)
    edited = engine.tickets.edit(admin, t, priority=helpdesk.Priority.CRITICAL, category="IT Category",
                                 sub_category="System Maintenance", expected_version=t["version"])
    assert edited["priority"] == "Critical"
    assert edited["sub_category"] == "System Maintenance"
    assert edited["version"] > t["version"]
    assert edited["resolution_due"] is not None and t["resolution_due"] is not None
    assert edited["resolution_due"] < t["resolution_due"]  # Critical is due sooner than Low

    changes = {(e["kind"], e["old_value"], e["new_value"]) for e in engine.tickets.iterate_history(admin, t)}
    assert ("priority_changed", "Low", "Critical") in changes
    assert any(kind == "sub_category_changed" for kind, _, _ in changes)

    with pytest.raises(helpdesk.PreconditionFailed) as stale:
        engine.tickets.edit(admin, t, priority="High", expected_version=t["version"])
    assert stale.value.code == -7
    assert engine.tickets.get(admin, t)["priority"] == "Critical"


def test_edit_refusals(engine: helpdesk.Engine, admin: helpdesk.Account, employee: helpdesk.Account) -> None:
    t = approved(engine, admin, employee)
    with pytest.raises(helpdesk.InvalidArgument) as bad:
        engine.tickets.edit(admin, t, priority="Whenever")
    assert "priority" in bad.value.fields
    with pytest.raises(helpdesk.InvalidArgument) as wrong_pair:
        engine.tickets.edit(admin, t, sub_category="Not a sub-category")
    assert wrong_pair.value.fields
    with pytest.raises(helpdesk.NotFound):
        engine.tickets.edit(employee, 987654, priority="High")
    with pytest.raises(helpdesk.PermissionDenied, match="only staff"):
        engine.tickets.edit(employee, t, priority="High")
    fresh = engine.tickets.create(employee, **ticket_fields())
    with pytest.raises(helpdesk.InvalidState) as not_yet:
        engine.tickets.edit(admin, fresh, priority="High")  # not approved yet
    assert not_yet.value.code == -5


def test_unassign_puts_an_in_progress_ticket_back_in_the_queue(
    engine: helpdesk.Engine, admin: helpdesk.Account, coordinator: helpdesk.Account, employee: helpdesk.Account
) -> None:
    t = approved(engine, admin, employee)
    t = engine.tickets.claim(coordinator, t)
    assert t["status"] == "In Progress"
    released = engine.tickets.unassign(coordinator, t, expected_version=t["version"])
    assert released["status"] == "Open"
    assert released["assigned_to"] is None
    assert "unassigned" in [e["kind"] for e in engine.tickets.history(admin, t)]

    again = engine.tickets.claim(coordinator, released)
    both = engine.tickets.edit(admin, again, priority="High", unassign=True)
    assert (both["priority"], both["status"], both["assigned_to"]) == ("High", "Open", None)


def test_the_queues(engine: helpdesk.Engine, admin: helpdesk.Account, coordinator: helpdesk.Account,
                    employee: helpdesk.Account) -> None:
    waiting = engine.tickets.create(employee, **ticket_fields("Waiting"))
    unclaimed = approved(engine, admin, employee)
    mine = engine.tickets.claim(coordinator, approved(engine, admin, employee))

    assert [r["id"] for r in engine.tickets.new_queue(coordinator)] == [waiting["id"]]
    assert [r["id"] for r in engine.tickets.open_queue(coordinator)] == [unclaimed["id"]]
    assert [r["id"] for r in engine.tickets.my_tickets(coordinator)] == [mine["id"]]
    assert engine.tickets.my_tickets(admin).count == 0
    assert engine.tickets.queue(admin, "new", page=1, page_size=1).count == 1
    assert [r["id"] for r in engine.tickets.iterate_queue(coordinator, "mine", page_size=1)] == [mine["id"]]

    with pytest.raises(helpdesk.PermissionDenied) as refused:
        engine.tickets.new_queue(employee)
    assert refused.value.code == -3
    with pytest.raises(helpdesk.InvalidArgument):
        engine.tickets.queue(admin, "closed")
    with pytest.raises(helpdesk.InvalidArgument):
        engine.tickets.open_queue(admin, page_size=0)


def test_lists_filter_by_submission_time(engine: helpdesk.Engine, admin: helpdesk.Account,
                                         employee: helpdesk.Account) -> None:
    t = engine.tickets.create(employee, **ticket_fields())
    now = datetime.datetime.now(datetime.timezone.utc)
    hour = datetime.timedelta(hours=1)
    assert [r["id"] for r in engine.tickets.list(admin, submitted_after=now - hour)] == [t["id"]]
    assert engine.tickets.list(admin, submitted_after=now + hour).count == 0
    assert engine.tickets.list(admin, submitted_before=(now - hour).isoformat()).count == 0
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    assert [r["id"] for r in engine.tickets.list(admin, submitted_before=tomorrow)] == [t["id"]]
    with pytest.raises(ValueError):
        engine.tickets.list(admin, submitted_after=datetime.datetime(2026, 1, 1))  # naive
    with pytest.raises(helpdesk.InvalidArgument) as bad:
        engine.tickets.list(admin, submitted_before="last week")
    assert "submitted_before" in bad.value.fields


def test_download_gives_back_the_bytes(engine: helpdesk.Engine, admin: helpdesk.Account,
                                       make_employee: Callable[..., helpdesk.Account],
                                       employee: helpdesk.Account) -> None:
    t = engine.tickets.create(employee, **ticket_fields())
    data = PNG + bytes(range(256)) * 4  # every byte value, NULs included
    file = engine.tickets.attach(employee, t, "screenshot.png", data)

    meta, body = engine.tickets.download(employee, file)
    assert body == data
    assert meta["id"] == file["id"]
    assert meta["file_name"] == "screenshot.png"
    assert meta["content_type"] == "image/png"
    assert meta["size"] == len(data)
    assert engine.tickets.download(admin, file["id"])[1] == data

    stranger = make_employee("Sam")
    with pytest.raises(helpdesk.NotFound) as hidden:
        engine.tickets.download(stranger, file)
    assert hidden.value.code == -2
    with pytest.raises(helpdesk.NotFound):
        engine.tickets.download(admin, 987654)
