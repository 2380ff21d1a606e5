"""The shapes of the service levels (docs/product.md#sla): a ticket's SLA
state, the compliance figures of the stats, the policy with its calendar,
and what one scheduler pass did.

Re-exported by :mod:`helpdesk.types`; the ``TypedDict`` classes describe the
plain dicts the engine returns.
"""

from __future__ import annotations

from typing import Dict, List, Optional, TypedDict

from ._text_enum import TextEnum

__all__ = [
    "SlaState",
    "TicketSla",
    "SlaTargetCompliance",
    "SlaCompliance",
    "SlaStats",
    "SlaSpan",
    "SlaTargets",
    "SlaOverride",
    "WorkingHours",
    "WorkingCalendar",
    "SlaPolicy",
    "SchedulerPass",
]


class SlaState(TextEnum):
    """The state of an SLA target, or a ticket's overall state (the worse of its two)."""

    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    BREACHED = "breached"
    MET = "met"
    PAUSED = "paused"


class TicketSla(TypedDict):
    """A ticket's ``sla``: the states at the moment it was read and the policy
    version it is measured under (``None`` in place of it for a ticket never measured)."""

    state: str
    first_response: str
    resolution: str
    policy_version: int


class SlaTargetCompliance(TypedDict):
    """How many measured tickets met a target, breached it, or are still pending."""

    met: int
    breached: int
    pending: int


class SlaCompliance(TypedDict):
    """Compliance with each target."""

    first_response: SlaTargetCompliance
    resolution: SlaTargetCompliance


class SlaStats(SlaCompliance):
    """The stats' ``sla``: compliance overall, per priority and per department."""

    by_priority: Dict[str, SlaCompliance]
    by_department: Dict[str, SlaCompliance]


class SlaSpan(TypedDict):
    """An amount of time: ``{"amount": 4, "unit": "hours"}`` (``minutes``, ``hours``, ``days``)."""

    amount: int
    unit: str


class SlaTargets(TypedDict):
    """The targets of one priority."""

    first_response: SlaSpan
    resolution: SlaSpan
    around_the_clock: bool


class SlaOverride(SlaTargets):
    """A department's own targets for one priority."""

    department: str
    priority: str


class WorkingHours(TypedDict):
    """One stretch of working time, ``"09:00"`` to ``"17:00"`` local time."""

    start: str
    end: str


class WorkingCalendar(TypedDict):
    """When business time passes: the zone, each weekday's hours (``"monday"``
    ... ``"sunday"``), and holidays (``"YYYY-MM-DD"``)."""

    time_zone: str
    week: Dict[str, List[WorkingHours]]
    holidays: List[str]


class SlaPolicy(TypedDict):
    """A version of the SLA policy (version 0: the built-in one, not stored yet)."""

    version: int
    created_at: str
    created_by: Optional[int]
    calendar: WorkingCalendar
    targets: Dict[str, SlaTargets]
    overrides: List[SlaOverride]
    at_risk_percent: int
    pausing_statuses: List[str]


class SchedulerPass(TypedDict):
    """What one scheduler pass did."""

    tickets_checked: int
    sla_notices: int
    auto_closed: int
    owners_reminded: int
