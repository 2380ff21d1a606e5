"""Service levels through the package (docs/product.md#sla): the clocks on
ticket views, the list filter and orderings, compliance in the stats, the
policy and its versions, re-applying it, and the scheduler at an explicit now."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

import helpdesk
from conftest import ticket_fields


def instant(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def critical_ticket(engine: helpdesk.Engine, admin: helpdesk.Account, employee: helpdesk.Account) -> Any:
    t = engine.tickets.create(employee, **ticket_fields())
    return engine.tickets.approve(admin, t, priority=helpdesk.Priority.CRITICAL, department="IT Department")


def test_every_ticket_view_carries_its_clocks(
    engine: helpdesk.Engine, admin: helpdesk.Account, employee: helpdesk.Account
) -> None:
    t = engine.tickets.create(employee, **ticket_fields())
    assert t["sla"] is not None
    assert t["sla"]["policy_version"] == 1
    assert t["sla"]["first_response"] == helpdesk.SlaState.ON_TRACK
    assert t["first_response_due"] is not None

    t = critical_ticket(engine, admin, employee)
    submitted = instant(t["submit_date"])
    assert instant(t["resolution_due"]) == submitted + datetime.timedelta(hours=4)
    assert t["sla"]["first_response"] == "met"
    assert t["sla"]["resolution"] == "on_track"
    assert t["sla"]["state"] == "on_track"
    # The owner sees the promise made to them, in lists too.
    row = engine.tickets.list(employee, status="Open").results[0]
    assert row["sla"] == t["sla"]
    assert row["resolution_due"] == t["resolution_due"]


def test_lists_filter_and_order_by_the_clocks(
    engine: helpdesk.Engine, admin: helpdesk.Account, employee: helpdesk.Account
) -> None:
    critical = critical_ticket(engine, admin, employee)
    low = engine.tickets.approve(admin, engine.tickets.create(employee, **ticket_fields("Printer jams")),
                                 priority="Low", department="IT Department")
    on_track = engine.tickets.list(admin, sla=helpdesk.SlaState.ON_TRACK)
    assert {r["id"] for r in on_track} == {critical["id"], low["id"]}
    assert engine.tickets.list(admin, sla="breached").count == 0
    by_due = engine.tickets.list(admin, ordering="resolution_due")
    assert [r["id"] for r in by_due] == [critical["id"], low["id"]]
    latest_first = engine.tickets.list(admin, ordering="-resolution_due")
    assert [r["id"] for r in latest_first] == [low["id"], critical["id"]]
    with pytest.raises(helpdesk.InvalidArgument) as bad:
        engine.tickets.list(admin, sla="late")
    assert "sla" in bad.value.fields


def test_stats_report_compliance(engine: helpdesk.Engine, admin: helpdesk.Account,
                                 employee: helpdesk.Account) -> None:
    critical_ticket(engine, admin, employee)
    sla = engine.tickets.stats(admin)["sla"]
    assert sla["first_response"] == {"met": 1, "breached": 0, "pending": 0}
    assert sla["resolution"] == {"met": 0, "breached": 0, "pending": 1}
    assert sla["by_priority"]["Critical"]["first_response"]["met"] == 1
    assert sla["by_department"]["IT Department"]["resolution"]["pending"] == 1
    assert engine.tickets.stats(employee)["sla"]["first_response"]["met"] == 1


def test_the_scheduler_sends_each_notice_once(
    engine: helpdesk.Engine, admin: helpdesk.Account, employee: helpdesk.Account
) -> None:
    t = critical_ticket(engine, admin, employee)
    submitted = instant(t["submit_date"])

    nothing = engine.scheduler.run_once(submitted + datetime.timedelta(hours=1))
    assert nothing == {"tickets_checked": 0, "sla_notices": 0, "auto_closed": 0, "owners_reminded": 0}
    at_risk = engine.scheduler.run_once(submitted + datetime.timedelta(hours=3, minutes=30))
    assert at_risk["sla_notices"] == 1
    assert at_risk["tickets_checked"] == 1
    breached = engine.scheduler.run_once((submitted + datetime.timedelta(hours=5)).isoformat(), batch=10)
    assert breached["sla_notices"] == 1
    again = engine.scheduler.run_once(submitted + datetime.timedelta(hours=6))
    assert again["sla_notices"] == 0
    # Recording a notice is not a change of the ticket.
    assert engine.tickets.get(admin, t)["version"] == t["version"]
    assert engine.scheduler.run_once()["sla_notices"] == 0


def test_the_scheduler_refuses_bad_instants_and_batches(engine: helpdesk.Engine) -> None:
    with pytest.raises(ValueError):
        engine.scheduler.run_once(datetime.datetime(2026, 5, 4, 10, 0))  # naive: which zone?
    with pytest.raises(TypeError):
        engine.scheduler.run_once(datetime.date(2026, 5, 4))  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        engine.scheduler.run_once(batch=0)
    with pytest.raises(helpdesk.InvalidArgument) as bad:
        engine.scheduler.run_once("yesterday")
    assert bad.value.code == -1


def test_the_policy_is_versioned_and_checked(
    engine: helpdesk.Engine, admin: helpdesk.Account, employee: helpdesk.Account
) -> None:
    built_in = engine.sla.policy(admin)
    assert built_in["version"] == 0
    assert built_in["targets"]["Critical"]["around_the_clock"] is True
    assert built_in["targets"]["High"]["resolution"] == {"amount": 1, "unit": "days"}
    assert built_in["at_risk_percent"] == 75
    assert built_in["calendar"]["time_zone"] == "UTC"

    changed = engine.sla.change_policy(
        admin,
        at_risk_percent=50,
        targets={"High": {"first_response": {"amount": 2, "unit": "hours"}}},
        pausing_statuses=[helpdesk.Status.ON_HOLD],
    )
    assert changed["version"] == 2  # the built-in policy is stored as version 1 first
    assert changed["created_by"] == admin["id"]
    assert changed["at_risk_percent"] == 50
    assert changed["targets"]["High"]["first_response"] == {"amount": 2, "unit": "hours"}
    assert changed["targets"]["High"]["resolution"] == built_in["targets"]["High"]["resolution"]
    assert changed["pausing_statuses"] == ["On Hold"]
    assert engine.sla.policy(admin) == changed

    with pytest.raises(helpdesk.InvalidArgument) as bad:
        engine.sla.change_policy(admin, at_risk_percent=150,
                                 overrides=[{"department": "Nowhere", "priority": "High"}])
    assert "at_risk_percent" in bad.value.fields
    assert "overrides[0].department" in bad.value.fields
    with pytest.raises(helpdesk.InvalidArgument) as zone:
        engine.sla.change_policy(admin, calendar={"time_zone": "Mars/Olympus_Mons"})
    assert "calendar.time_zone" in zone.value.fields
    assert engine.sla.policy(admin)["version"] == 2  # refusals store nothing
    with pytest.raises(helpdesk.PermissionDenied) as refused:
        engine.sla.policy(employee)
    assert refused.value.code == -3
    with pytest.raises(helpdesk.PermissionDenied):
        engine.sla.change_policy(employee, at_risk_percent=60)


def test_a_named_time_zone_when_the_library_knows_them(engine: helpdesk.Engine, admin: helpdesk.Account) -> None:
    try:
        policy = engine.sla.change_policy(admin, calendar={"time_zone": "Europe/Berlin"})
    except helpdesk.InvalidArgument as refused:
        assert "calendar.time_zone" in refused.fields
        pytest.skip("this libhelpdesk-c was built without the system's time zones")
    assert policy["calendar"]["time_zone"] == "Europe/Berlin"


def test_reapply_measures_a_ticket_under_the_current_version(
    engine: helpdesk.Engine, admin: helpdesk.Account, coordinator: helpdesk.Account, employee: helpdesk.Account
) -> None:
    t = critical_ticket(engine, admin, employee)
    assert t["sla"]["policy_version"] == 1
    engine.sla.change_policy(admin, targets={"Critical": {"resolution": {"amount": 8, "unit": "hours"}}})
    kept = engine.tickets.get(admin, t)
    assert kept["sla"]["policy_version"] == 1
    assert kept["resolution_due"] == t["resolution_due"]

    with pytest.raises(helpdesk.PermissionDenied):
        engine.sla.reapply(coordinator, t)
    with pytest.raises(helpdesk.PreconditionFailed):
        engine.sla.reapply(admin, t, expected_version=t["version"] + 5)
    moved = engine.sla.reapply(admin, t, expected_version=kept["version"])
    assert moved["sla"]["policy_version"] == 2
    assert instant(moved["resolution_due"]) == instant(t["submit_date"]) + datetime.timedelta(hours=8)
    reapplied = [e for e in engine.tickets.iterate_history(admin, t) if e["kind"] == "sla_reapplied"]
    assert [(e["old_value"], e["new_value"]) for e in reapplied] == [("1", "2")]
