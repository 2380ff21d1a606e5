"""A ticket's whole life through the package (docs/product.md#lifecycle): every action of the
C ABI, what each returns, and the history, comments and stats it leaves."""

from __future__ import annotations

import datetime
from typing import List

import pytest

import helpdesk
from conftest import ticket_fields

# The smallest thing the engine sniffs as a PNG: its 8-byte signature, then data.
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(17)


def kinds(events: List[helpdesk.HistoryEvent]) -> List[str]:
    return [e["kind"] for e in events]


def test_full_lifecycle(engine: helpdesk.Engine, admin: helpdesk.Account, employee: helpdesk.Account) -> None:
    when = datetime.date.today() + datetime.timedelta(days=3)
    t = engine.tickets.create(employee, **ticket_fields(scheduled_date=when))
    assert t["status"] == helpdesk.Status.NEW
    assert t["ticket_number"] == "TX0001"
    assert t["employee"] is not None and t["employee"]["id"] == employee["id"]
    assert t["assigned_to"] is None
    assert t["scheduled_date"] == when.isoformat()
    assert t["priority"] == "Low"
    first_version = t["version"]

    t = engine.tickets.approve(admin, t, priority=helpdesk.Priority.HIGH, department="IT Department",
                               approval_notes="Known issue with the old client.", expected_version=t["version"])
    assert t["status"] == "Open"
    assert t["priority"] == "High"
    assert t["version"] > first_version
    assert t["response_time"] is not None

    t = engine.tickets.claim(admin, t, expected_version=t["version"])
    assert t["status"] == "In Progress"
    assert t["assigned_to"] is not None and t["assigned_to"]["id"] == admin["id"]

    t = engine.tickets.update_status(admin, t, helpdesk.Status.PENDING, "Which client version do you run?",
                                     expected_version=t["version"])
    assert t["status"] == "Pending"
    # The owner's answer on a Pending ticket puts it back In Progress.
    answer = engine.tickets.comment(employee, t, "Version 4.9.")
    assert answer["text"] == "Version 4.9." and answer["is_internal"] is False
    assert answer["author"] == employee["id"]
    assert engine.tickets.get(employee, t)["status"] == "In Progress"

    file = engine.tickets.attach(employee, t, "screenshot.png", PNG)
    assert file["file_name"] == "screenshot.png"
    assert file["content_type"] == "image/png"
    assert file["size"] == len(PNG)

    internal = engine.tickets.comment(admin, t, "Client 4.9 has the keep-alive bug.", internal=True)
    assert internal["is_internal"] is True

    t = engine.tickets.get(admin, t)
    t = engine.tickets.update_status(admin, t, "Resolved", "Updated the VPN client to 5.2.",
                                     expected_version=t["version"])
    assert t["status"] == "Resolved"
    assert t["resolution_time"] is not None

    t = engine.tickets.reopen(employee, t, "It dropped again this morning.", expected_version=t["version"])
    assert t["status"] == "In Progress"
    t = engine.tickets.update_status(admin, t, "Resolved", expected_version=t["version"])
    t = engine.tickets.close(employee, t, "Works now, thanks!", expected_version=t["version"])
    assert t["status"] == helpdesk.Status.CLOSED
    assert t["time_closed"] is not None

    with pytest.raises(helpdesk.InvalidState, match="Closed"):
        engine.tickets.reopen(employee, t, "Actually...")
    with pytest.raises(helpdesk.InvalidState):
        engine.tickets.comment(employee, t, "One more thing")

    # What each side reads: the owner never sees internal notes.
    owner_view = engine.tickets.get(employee, t)
    staff_view = engine.tickets.get(admin, t)
    assert [a["file_name"] for a in owner_view["attachments"]] == ["screenshot.png"]
    assert all(not c["is_internal"] for c in owner_view["comments"])
    assert any(c["text"] == "Known issue with the old client." and c["is_internal"] for c in staff_view["comments"])
    assert any(c["text"] == "Client 4.9 has the keep-alive bug." for c in staff_view["comments"])
    assert engine.tickets.comments(employee, t) == owner_view["comments"]
    assert len(engine.tickets.comments(admin, t)) > len(owner_view["comments"])

    owner_history = engine.tickets.history(employee, t)
    staff_history = engine.tickets.history(admin, t)
    assert owner_history[0]["kind"] == "created"
    assert all(not e["is_internal"] for e in owner_history)
    assert "internal_comment_added" in kinds(staff_history)
    assert "internal_comment_added" not in kinds(owner_history)
    statuses = [(e["old_value"], e["new_value"]) for e in staff_history if e["kind"] == "status_changed"]
    assert statuses == [
        ("New", "Open"),
        ("Open", "In Progress"),
        ("In Progress", "Pending"),
        ("Pending", "In Progress"),
        ("In Progress", "Resolved"),
        ("Resolved", "In Progress"),
        ("In Progress", "Resolved"),
        ("Resolved", "Closed"),
    ]
    assert "attachment_added" in kinds(owner_history)
    times = [e["at"] for e in staff_history]
    assert times == sorted(times)

    stats = engine.tickets.stats(employee)
    assert stats["total"] == 1
    assert stats["by_status"].get("Closed") == 1
    assert stats["by_priority"].get("High") == 1


def test_reject_withdraw_assign_and_finalize(
    engine: helpdesk.Engine, admin: helpdesk.Account, employee: helpdesk.Account
) -> None:
    rejected = engine.tickets.create(employee, **ticket_fields("Please buy me a boat"))
    rejected = engine.tickets.reject(admin, rejected, "Not an IT request.")
    assert rejected["status"] == "Rejected"
    assert rejected["rejection_reason"] == "Not an IT request."

    withdrawn = engine.tickets.create(employee, **ticket_fields("Printer jam"))
    withdrawn = engine.tickets.withdraw(employee, withdrawn, "Fixed it myself.")
    assert withdrawn["status"] == "Withdrawn"
    with pytest.raises(helpdesk.InvalidState):
        engine.tickets.withdraw(employee, withdrawn)

    t = engine.tickets.create(employee, **ticket_fields("New laptop"))
    t = engine.tickets.approve(admin, t, priority="Medium", department="Asset Department")
    assert t["department"] == "Asset Department"
    t = engine.tickets.assign(admin, t, admin)
    assert t["status"] == "In Progress"
    assert t["assigned_to"] is not None and t["assigned_to"]["id"] == admin["id"]
    assert t["finalized"] is False
    once = engine.tickets.finalize(admin, t)
    assert once["finalized"] is True
    twice = engine.tickets.finalize(admin, t)
    assert twice["finalized"] is True
    assert kinds(engine.tickets.history(admin, t)).count("finalized") == 1

    staff = engine.tickets.stats(admin)
    assert staff["total"] == 3
    for status in ("Rejected", "Withdrawn", "In Progress"):
        assert staff["by_status"].get(status) == 1, status


def test_edges_outside_the_table_are_refused_naming_the_state(
    engine: helpdesk.Engine, admin: helpdesk.Account, employee: helpdesk.Account
) -> None:
    t = engine.tickets.create(employee, **ticket_fields())
    with pytest.raises(helpdesk.InvalidState, match="New"):
        engine.tickets.claim(admin, t)
    with pytest.raises(helpdesk.InvalidState, match="New"):
        engine.tickets.close(employee, t)
    with pytest.raises(helpdesk.InvalidState):
        engine.tickets.update_status(admin, t, "Resolved")
    assert engine.tickets.get(employee, t)["status"] == "New"


def test_files_are_checked_by_content(engine: helpdesk.Engine, employee: helpdesk.Account) -> None:
    t = engine.tickets.create(employee, **ticket_fields())
    with pytest.raises(helpdesk.UnsupportedMediaType) as refused:
        engine.tickets.attach(employee, t, "picture.png", b"MZ\x90\x00 this is an executable")
    assert refused.value.name == "unsupported_media_type"
    with pytest.raises(helpdesk.InvalidArgument):
        engine.tickets.attach(employee, t, "empty.png", b"")
    assert engine.tickets.get(employee, t)["attachments"] == []


def test_texts_travel_as_utf8(engine: helpdesk.Engine, admin: helpdesk.Account, employee: helpdesk.Account) -> None:
    t = engine.tickets.create(employee, **ticket_fields("Café printer — ñ, 日本, 🙂"))
    assert engine.tickets.get(admin, t)["subject"] == "Café printer — ñ, 日本, 🙂"
    c = engine.tickets.comment(employee, t, "Zürich office, 2nd floor")
    assert c["text"] == "Zürich office, 2nd floor"
