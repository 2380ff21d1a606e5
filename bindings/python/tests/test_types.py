"""The TypedDicts of helpdesk.types name exactly the members the library returns."""

from __future__ import annotations

from typing import Any, Mapping

import helpdesk
from helpdesk import types
from conftest import ticket_fields


def assert_shape(value: Mapping[str, Any], shape: Any) -> None:
    assert set(value) == set(shape.__annotations__), shape.__name__


def test_the_shapes_match_the_library(
    engine: helpdesk.Engine, admin: helpdesk.Account, coordinator: helpdesk.Account, employee: helpdesk.Account
) -> None:
    assert_shape(employee, types.Account)
    t = engine.tickets.create(employee, **ticket_fields())
    row = engine.tickets.list(admin).results[0]
    assert_shape(row, types.Ticket)
    assert row["sla"] is not None
    assert_shape(row["sla"], types.TicketSla)
    assert set(engine.tickets.get(admin, t)) == set(types.Ticket.__annotations__) | {"attachments", "comments"}

    stats = engine.tickets.stats(admin)
    assert_shape(stats, types.Stats)
    assert_shape(stats["sla"], types.SlaStats)
    assert_shape(stats["sla"]["first_response"], types.SlaTargetCompliance)

    policy = engine.sla.policy(admin)
    assert_shape(policy, types.SlaPolicy)
    assert_shape(policy["calendar"], types.WorkingCalendar)
    assert_shape(policy["targets"]["High"], types.SlaTargets)
    assert_shape(policy["targets"]["High"]["resolution"], types.SlaSpan)
    assert_shape(engine.scheduler.run_once(), types.SchedulerPass)

    assert_shape(engine.assignment.availability(coordinator), types.Availability)
    assert_shape(engine.assignment.departments(admin)[0], types.DepartmentAssignment)
    reply = engine.canned_replies.create(coordinator, title="Hi", body="Hi {{employee.first_name}}.")
    assert_shape(reply, types.CannedReply)
    assert_shape(engine.canned_replies.render(coordinator, t, reply), types.RenderedReply)

    created = engine.accounts.admin_create(
        admin, email="nina@example.com", first_name="Nina", last_name="New", department="IT Department"
    )
    assert_shape(created, types.CreatedAccount)
    engine.accounts.update(admin, employee, first_name="Erina")
    assert_shape(engine.accounts.history_page(admin, employee).results[0], types.AccountHistoryEntry)
    key = engine.api_keys.create(admin, "runner")
    assert_shape(key, types.NewApiKey)
    assert_shape(engine.api_keys.list(admin).results[0], types.ApiKey)
