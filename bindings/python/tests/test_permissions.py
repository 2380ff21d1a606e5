"""Permission refusals (docs/product.md#permissions) arrive as exceptions of the right class and
change nothing."""

from __future__ import annotations

from typing import Callable

import pytest

import helpdesk
from conftest import person, ticket_fields


def test_employees_may_not_act_as_staff(
    engine: helpdesk.Engine, admin: helpdesk.Account, employee: helpdesk.Account
) -> None:
    t = engine.tickets.create(employee, **ticket_fields())
    staff_actions = [
        lambda: engine.tickets.approve(employee, t, priority="High", department="IT Department"),
        lambda: engine.tickets.reject(employee, t, "no"),
        lambda: engine.tickets.claim(employee, t),
        lambda: engine.tickets.assign(employee, t, employee),
        lambda: engine.tickets.update_status(employee, t, "Open"),
        lambda: engine.tickets.finalize(employee, t),
    ]
    for action in staff_actions:
        with pytest.raises(helpdesk.PermissionDenied) as refused:
            action()
        assert refused.value.code == -3
        assert refused.value.name == "permission_denied"
        assert refused.value.message
    after = engine.tickets.get(admin, t)
    assert after["status"] == "New"
    assert after["version"] == t["version"]


def test_employees_may_not_write_internal_comments(
    engine: helpdesk.Engine, employee: helpdesk.Account
) -> None:
    t = engine.tickets.create(employee, **ticket_fields())
    with pytest.raises(helpdesk.PermissionDenied):
        engine.tickets.comment(employee, t, "secret", internal=True)
    assert engine.tickets.comments(employee, t) == []


def test_another_employees_ticket_is_not_found(
    engine: helpdesk.Engine, make_employee: Callable[..., helpdesk.Account], employee: helpdesk.Account
) -> None:
    mallory = make_employee("Mallory")
    t = engine.tickets.create(employee, **ticket_fields())
    for action in (
        lambda: engine.tickets.get(mallory, t),
        lambda: engine.tickets.comment(mallory, t, "mine now"),
        lambda: engine.tickets.withdraw(mallory, t),
        lambda: engine.tickets.history(mallory, t),
        lambda: engine.tickets.comments(mallory, t),
    ):
        with pytest.raises(helpdesk.NotFound):
            action()
    assert engine.tickets.list(mallory, page=1).count == 0
    assert engine.tickets.stats(mallory)["total"] == 0
    assert engine.tickets.get(employee, t)["status"] == "New"


def test_only_the_owner_withdraws_closes_or_reopens(
    engine: helpdesk.Engine, admin: helpdesk.Account, employee: helpdesk.Account
) -> None:
    t = engine.tickets.create(employee, **ticket_fields())
    t = engine.tickets.approve(admin, t, priority="Low", department="IT Department")
    t = engine.tickets.claim(admin, t)
    t = engine.tickets.update_status(admin, t, "Resolved")
    for action in (
        lambda: engine.tickets.close(admin, t),
        lambda: engine.tickets.reopen(admin, t, "again"),
        lambda: engine.tickets.withdraw(admin, t),
    ):
        with pytest.raises(helpdesk.PermissionDenied):
            action()
    assert engine.tickets.get(employee, t)["status"] == "Resolved"


def test_a_pending_account_may_not_raise_tickets(engine: helpdesk.Engine, admin: helpdesk.Account) -> None:
    pending = engine.accounts.sign_up(**person("Pat", "Pending"))
    with pytest.raises(helpdesk.PermissionDenied):
        engine.tickets.create(pending, **ticket_fields())
    assert engine.tickets.list(admin, page=1).count == 0


def test_employees_see_only_their_own_accounts(
    engine: helpdesk.Engine, admin: helpdesk.Account, make_employee: Callable[..., helpdesk.Account],
    employee: helpdesk.Account
) -> None:
    other = make_employee("Olga")
    with pytest.raises(helpdesk.NotFound):
        engine.accounts.get(employee, other)
    assert engine.accounts.get(admin, other)["id"] == other["id"]
