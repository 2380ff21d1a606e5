"""helpdesk: the embeddable help-desk engine, from Python.

A thin, typed layer over the C ABI (``libhelpdesk-c``, ``include/helpdesk/c.h``)
using only the standard library::

    import helpdesk

    with helpdesk.Engine.open("sqlite::memory:") as desk:
        admin = desk.accounts.bootstrap_admin(email="admin@example.com", ...)
        ticket = desk.tickets.create(admin, subject="VPN drops", ...)
        desk.scheduler.run_once()  # SLA notices, automatic closing, reminders

Results are dicts in the HTTP API's JSON shapes (see :mod:`helpdesk.types`);
errors are :class:`HelpdeskError` subclasses named after the engine's codes
(:class:`InvalidArgument` carries per-field messages in ``.fields``). The C
library is found through ``HELPDESK_C_LIBRARY``, next to the package, or on
the system's library path (see :mod:`helpdesk._native`).
"""

from __future__ import annotations

from .assignment import Assignment
from .canned_replies import CannedReplies
from .engine import Accounts, Engine, Ref, Tickets
from .operations import ApiKeys, Outbox
from .sla import Scheduler, Sla
from . import errors as _errors
from .errors import *  # noqa: F401,F403 (the exception classes and error_from_code: errors.__all__)
from .types import (
    Account,
    AccountHistoryEntry,
    AccountStatus,
    ApiKey,
    AssignmentMode,
    Attachment,
    Availability,
    CannedReply,
    Comment,
    CreatedAccount,
    DepartmentAssignment,
    HistoryEvent,
    NewApiKey,
    OutboxEvent,
    Page,
    Person,
    Priority,
    Rejection,
    RenderedReply,
    Role,
    SchedulerPass,
    SlaPolicy,
    SlaState,
    SlaStats,
    Stats,
    Status,
    Ticket,
    TicketDetails,
    TicketSla,
)

#: This package's version (it follows the C library's major version).
__version__ = "0.2.0"


def library_version() -> str:
    """The loaded C library's version, ``"major.minor.patch"`` (loads it if needed).

    Raises:
        ImportError: the library cannot be found or loaded.
    """
    from . import _native

    return _native.format_version(int(_native.library().hd_version_number()))


__all__ = [
    "Engine",
    "Accounts",
    "Tickets",
    "Sla",
    "Scheduler",
    "Assignment",
    "CannedReplies",
    "ApiKeys",
    "Outbox",
    "Ref",
    "library_version",
    "Account",
    "AccountHistoryEntry",
    "AccountStatus",
    "ApiKey",
    "AssignmentMode",
    "Attachment",
    "Availability",
    "CannedReply",
    "Comment",
    "CreatedAccount",
    "DepartmentAssignment",
    "HistoryEvent",
    "NewApiKey",
    "OutboxEvent",
    "Page",
    "Person",
    "Priority",
    "Rejection",
    "RenderedReply",
    "Role",
    "SchedulerPass",
    "SlaPolicy",
    "SlaState",
    "SlaStats",
    "Stats",
    "Status",
    "Ticket",
    "TicketDetails",
    "TicketSla",
    "__version__",
]
__all__ += _errors.__all__
