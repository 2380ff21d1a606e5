"""Canned replies through the package (docs/product.md#canned-replies): own and
shared replies, versions, placeholders checked when saved and filled when rendered."""

from __future__ import annotations

from typing import Callable

import pytest

import helpdesk
from conftest import ticket_fields

GREETING = "Hello {{employee.first_name}}, {{ agent.full_name }} here about {{ticket.number}} ({{ticket.subject}})."


def test_create_list_get_update_delete(engine: helpdesk.Engine, admin: helpdesk.Account,
                                       coordinator: helpdesk.Account) -> None:
    mine = engine.canned_replies.create(coordinator, title="greeting", body=GREETING)
    assert mine["version"] == 1
    assert mine["shared"] is False
    assert mine["owner"] == coordinator["id"]
    shared = engine.canned_replies.create(admin, title="Apology", body="Sorry for the wait.", shared=True)
    assert shared["shared"] is True
    assert shared["owner"] is None

    page = engine.canned_replies.list(coordinator)
    assert [r["title"] for r in page] == ["Apology", "greeting"]  # by title, case ignored
    assert [r["id"] for r in engine.canned_replies.iterate(coordinator, page_size=1)] == [r["id"] for r in page]
    assert [r["title"] for r in engine.canned_replies.list(admin)] == ["Apology"]  # others' own are private
    assert engine.canned_replies.get(coordinator, mine["id"]) == mine

    changed = engine.canned_replies.update(coordinator, mine, title="Greeting", expected_version=1)
    assert (changed["title"], changed["body"], changed["version"]) == ("Greeting", GREETING, 2)
    with pytest.raises(helpdesk.PreconditionFailed) as stale:
        engine.canned_replies.update(coordinator, mine, body="Hi.", expected_version=1)
    assert stale.value.code == -7
    with pytest.raises(helpdesk.PreconditionFailed):
        engine.canned_replies.delete(coordinator, mine, expected_version=1)

    assert engine.canned_replies.delete(coordinator, mine, expected_version=2) is None
    with pytest.raises(helpdesk.NotFound):
        engine.canned_replies.get(coordinator, mine)
    with pytest.raises(helpdesk.NotFound):
        engine.canned_replies.delete(coordinator, mine)


def test_render_fills_the_placeholders_for_a_ticket(
    engine: helpdesk.Engine, admin: helpdesk.Account, coordinator: helpdesk.Account, employee: helpdesk.Account
) -> None:
    reply = engine.canned_replies.create(coordinator, title="Greeting", body=GREETING)
    t = engine.tickets.create(employee, **ticket_fields("{{agent.first_name}} VPN"))
    rendered = engine.canned_replies.render(coordinator, t, reply)
    assert rendered == {
        "reply": reply["id"],
        "ticket": t["id"],
        # A subject that looks like a placeholder stays as written.
        "text": "Hello Erin, Cody Employee here about " + t["ticket_number"] + " ({{agent.first_name}} VPN).",
    }
    # Rendering posts nothing.
    assert engine.tickets.comments(admin, t) == []
    with pytest.raises(helpdesk.NotFound):
        engine.canned_replies.render(coordinator, 987654, reply)
    with pytest.raises(helpdesk.PermissionDenied):
        engine.canned_replies.render(employee, t, reply)


def test_placeholders_and_fields_are_checked_when_saved(engine: helpdesk.Engine,
                                                        coordinator: helpdesk.Account) -> None:
    with pytest.raises(helpdesk.InvalidArgument) as bad:
        engine.canned_replies.create(coordinator, title="Broken", body="Hi {{employee.shoe_size}} and {{ticket.number")
    assert bad.value.code == -1
    assert len(bad.value.fields["body"]) == 2
    with pytest.raises(helpdesk.InvalidArgument) as empty:
        engine.canned_replies.create(coordinator, title="", body="Fine.")
    assert "title" in empty.value.fields
    reply = engine.canned_replies.create(coordinator, title="Fine", body="Fine.")
    with pytest.raises(helpdesk.InvalidArgument):
        engine.canned_replies.update(coordinator, reply, body="{{nope}}")
    assert engine.canned_replies.get(coordinator, reply)["version"] == 1
    assert engine.canned_replies.list(coordinator).count == 1


def test_who_may_do_what(engine: helpdesk.Engine, admin: helpdesk.Account,
                         make_coordinator: Callable[..., helpdesk.Account], employee: helpdesk.Account) -> None:
    cody = make_coordinator("Cody")
    dana = make_coordinator("Dana")
    with pytest.raises(helpdesk.PermissionDenied) as refused:
        engine.canned_replies.list(employee)
    assert refused.value.code == -3
    with pytest.raises(helpdesk.PermissionDenied):
        engine.canned_replies.create(employee, title="Mine", body="Text.")
    with pytest.raises(helpdesk.PermissionDenied):
        engine.canned_replies.create(cody, title="For all", body="Text.", shared=True)

    own = engine.canned_replies.create(cody, title="Own", body="Text.")
    shared = engine.canned_replies.create(admin, title="Shared", body="Text.", shared=True)
    with pytest.raises(helpdesk.NotFound):
        engine.canned_replies.get(dana, own)
    with pytest.raises(helpdesk.NotFound):
        engine.canned_replies.update(admin, own, title="Taken")
    assert engine.canned_replies.get(dana, shared)["title"] == "Shared"
    with pytest.raises(helpdesk.PermissionDenied):
        engine.canned_replies.update(dana, shared, title="Mine now")
    with pytest.raises(helpdesk.PermissionDenied):
        engine.canned_replies.delete(dana, shared)
    engine.canned_replies.delete(admin, shared)
    assert [r["title"] for r in engine.canned_replies.list(dana)] == []
