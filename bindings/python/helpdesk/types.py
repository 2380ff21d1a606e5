"""The shapes the engine returns, and the names of its fixed values.

Results are plain ``dict`` objects parsed from the C ABI's JSON, which has the
HTTP API's shapes (docs/api.md); the ``TypedDict`` classes below describe them for
type checkers and readers. A list (tickets, a ticket's comments or history,
accounts, canned replies, ...) comes back a page at a time as a :class:`Page`.
The shapes of the service levels, of the staff's tools and of administration
live in :mod:`helpdesk.types_sla`, :mod:`helpdesk.types_staff` and
:mod:`helpdesk.types_admin`, and are re-exported here.
The enumerations are ``str`` subclasses, so ``ticket["status"] ==
Status.CLOSED`` holds and they can be passed wherever a string is expected.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, Generic, Iterator, List, Optional, TypedDict, TypeVar, cast

from ._text_enum import TextEnum
from . import types_admin as _admin, types_sla as _sla, types_staff as _staff
from .types_admin import *  # noqa: F401,F403 (types_admin.__all__)
from .types_sla import *  # noqa: F401,F403 (types_sla.__all__)
from .types_sla import SlaStats, TicketSla
from .types_staff import *  # noqa: F401,F403 (types_staff.__all__)

__all__ = [
    "Status",
    "Priority",
    "Role",
    "AccountStatus",
    "Account",
    "Person",
    "Ticket",
    "TicketDetails",
    "Comment",
    "Attachment",
    "HistoryEvent",
    "Rejection",
    "Stats",
    "Page",
]
__all__ += _sla.__all__ + _staff.__all__ + _admin.__all__


class Status(TextEnum):
    """A ticket's status (docs/product.md#lifecycle)."""

    NEW = "New"
    OPEN = "Open"
    IN_PROGRESS = "In Progress"
    ON_HOLD = "On Hold"
    PENDING = "Pending"
    RESOLVED = "Resolved"
    CLOSED = "Closed"
    REJECTED = "Rejected"
    WITHDRAWN = "Withdrawn"


class Priority(TextEnum):
    """A ticket's priority, set by staff at approval."""

    CRITICAL = "Critical"
    HIGH = "High"
    MEDIUM = "Medium"
    LOW = "Low"


class Role(TextEnum):
    """An account's role."""

    EMPLOYEE = "Employee"
    TICKET_COORDINATOR = "Ticket Coordinator"
    SYSTEM_ADMIN = "System Admin"


class AccountStatus(TextEnum):
    """An account's approval state."""

    PENDING = "Pending"
    APPROVED = "Approved"
    REJECTED = "Rejected"


class Account(TypedDict):
    """An account, as ``GET employees/{id}/`` shows it; ``is_active`` is False
    once a System Admin deactivated it."""

    id: int
    email: str
    first_name: str
    middle_name: Optional[str]
    last_name: str
    suffix: Optional[str]
    company_id: str
    department: str
    role: str
    status: str
    is_active: bool
    date_created: str


class Person(TypedDict, total=False):
    """A ticket's owner or assignee: ``{id, first_name, last_name, email, role}``."""

    id: int
    first_name: str
    last_name: str
    email: str
    role: str


class Comment(TypedDict):
    """A comment on a ticket."""

    id: int
    ticket: int
    author: Optional[int]
    text: str
    is_internal: bool
    created_at: str


class Attachment(TypedDict):
    """A file on a ticket (its bytes stay in the engine's blob store)."""

    id: int
    file_name: str
    content_type: str
    size: int
    upload_date: str


class Ticket(TypedDict):
    """A ticket as a list row shows it, with its SLA due dates and states
    (``sla`` None for a ticket never measured)."""

    id: int
    ticket_number: str
    employee: Optional[Person]
    subject: str
    category: str
    sub_category: str
    description: str
    scheduled_date: Optional[str]
    priority: str
    department: str
    status: str
    assigned_to: Optional[Person]
    submit_date: str
    update_date: str
    response_time: Optional[int]
    resolution_time: Optional[int]
    time_closed: Optional[str]
    rejection_reason: Optional[str]
    finalized: bool
    version: int
    first_response_due: Optional[str]
    resolution_due: Optional[str]
    sla: Optional[TicketSla]


class TicketDetails(Ticket, total=False):
    """A ticket with its attachments and the comments the actor may read."""

    attachments: List[Attachment]
    comments: List[Comment]


class HistoryEvent(TypedDict):
    """One change to a ticket."""

    id: int
    ticket: int
    actor: Optional[int]
    at: str
    kind: str
    old_value: Optional[str]
    new_value: Optional[str]
    is_internal: bool


class Rejection(TypedDict, total=False):
    """The audit row kept when a sign-up is rejected."""

    id: int
    company_id: str
    first_name: str
    middle_name: Optional[str]
    last_name: str
    suffix: Optional[str]
    email: str
    department: str
    reason: str
    rejected_by: int
    rejected_at: str


class Stats(TypedDict):
    """Ticket counts for the actor (all tickets for staff, their own for employees)."""

    total: int
    by_status: Dict[str, int]
    by_priority: Dict[str, int]
    by_department: Dict[str, int]
    mean_response_seconds: Optional[float]
    mean_resolution_seconds: Optional[float]
    sla: SlaStats


#: The row type of a :class:`Page`.
T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list: ``Page[Ticket]``, ``Page[Comment]``, ``Page[Account]``, ...

    Every list pages the same way. Numbered pages (``page=``, from 1) carry
    ``count``, the number of rows in the whole list, and ``has_next`` /
    ``has_previous``; cursor pages (``cursor=``, ``""`` for the first) have
    ``count`` None and a ``next_cursor`` while more rows follow (pass it back
    as ``cursor=``). ``page_size`` is 1 to 100 (20 when not given). Iterating
    a page iterates its ``results``.
    """

    count: Optional[int]
    results: List[T] = field(default_factory=list)
    next_cursor: Optional[str] = None
    has_next: bool = False
    has_previous: bool = False

    def __iter__(self) -> Iterator[T]:
        return iter(self.results)

    def __len__(self) -> int:
        return len(self.results)

    @classmethod
    def from_json(cls, document: Dict[str, Any]) -> "Page[Any]":
        """Builds a page from the C ABI's ``{"count", "results", "next_cursor",
        "has_next", "has_previous"}``."""
        count = document.get("count")
        cursor = document.get("next_cursor")
        return cls(
            count=int(count) if count is not None else None,
            results=cast(List[Any], list(document.get("results") or [])),
            next_cursor=str(cursor) if cursor else None,
            has_next=bool(document.get("has_next", cursor)),
            has_previous=bool(document.get("has_previous", False)),
        )
