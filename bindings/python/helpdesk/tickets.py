"""The ticket services of an engine (``engine.tickets``): the lifecycle
actions, comments and files, one ticket, the lists and the stats.

Every list pages the same way (:class:`~helpdesk.types.Page`): the tickets,
and a ticket's comments and history. ``iterate*`` walk a whole list by cursor.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, List, Optional, TypeVar, Union, cast

from ._arguments import Ref, _id, _request, _text, _version
from .types import Attachment, Comment, HistoryEvent, Page, Stats, Ticket, TicketDetails

if TYPE_CHECKING:
    from .engine import Engine

__all__ = ["Tickets"]

_Row = TypeVar("_Row")


def _follow(fetch: Callable[[str], Page[_Row]]) -> Iterator[_Row]:
    """Every row of a list, fetching page after page by cursor (``""`` first)."""
    cursor = ""
    while True:
        page = fetch(cursor)
        yield from page.results
        if not page.next_cursor:
            return
        cursor = page.next_cursor


class Tickets:
    """The engine's ticket services (``engine.tickets``)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def create(
        self,
        actor: Ref,
        *,
        subject: str,
        category: str,
        sub_category: str,
        description: str,
        scheduled_date: Union[str, datetime.date, None] = None,
    ) -> TicketDetails:
        """Raises a ticket (New) as the actor, who becomes its owner.

        Raises:
            InvalidArgument: a field is invalid (see ``.fields``).
            PermissionDenied: the actor is not an approved account.
        """
        if isinstance(scheduled_date, datetime.date):
            scheduled_date = scheduled_date.isoformat()
        body = _request(
            {
                "subject": subject,
                "category": category,
                "sub_category": sub_category,
                "description": description,
                "scheduled_date": scheduled_date,
            }
        )
        return cast(TicketDetails, self._engine._call("hd_ticket_create", _id(actor, "actor"), body))

    def approve(
        self,
        actor: Ref,
        ticket: Ref,
        *,
        priority: str,
        department: str,
        approval_notes: Optional[str] = None,
        expected_version: Optional[int] = None,
    ) -> TicketDetails:
        """Staff: New → Open with a priority and a department; the notes are
        kept as an internal comment."""
        body = _request({"priority": priority, "department": department, "approval_notes": approval_notes})
        return self._act("hd_ticket_approve", actor, ticket, body, _version(expected_version))

    def reject(self, actor: Ref, ticket: Ref, reason: str, *, expected_version: Optional[int] = None) -> TicketDetails:
        """Staff: New → Rejected with a reason."""
        return self._act("hd_ticket_reject", actor, ticket, _text(reason, "reason"), _version(expected_version))

    def claim(self, actor: Ref, ticket: Ref, *, expected_version: Optional[int] = None) -> TicketDetails:
        """Staff: takes an Open ticket (In Progress, assigned to the actor)."""
        return self._act("hd_ticket_claim", actor, ticket, _version(expected_version))

    def assign(
        self, actor: Ref, ticket: Ref, assignee: Ref, *, expected_version: Optional[int] = None
    ) -> TicketDetails:
        """Staff: assigns the ticket to a staff account (Open becomes In Progress)."""
        return self._act("hd_ticket_assign", actor, ticket, _id(assignee, "assignee"), _version(expected_version))

    def update_status(
        self,
        actor: Ref,
        ticket: Ref,
        status: str,
        note: Optional[str] = None,
        *,
        expected_version: Optional[int] = None,
    ) -> TicketDetails:
        """Staff: moves the ticket to `status` (a :class:`~helpdesk.types.Status`
        or its text) along an edge of the lifecycle table, with an optional public note."""
        return self._act(
            "hd_ticket_update_status",
            actor,
            ticket,
            _text(str(status), "status"),
            _text(note, "note"),
            _version(expected_version),
        )

    def withdraw(
        self, actor: Ref, ticket: Ref, note: Optional[str] = None, *, expected_version: Optional[int] = None
    ) -> TicketDetails:
        """Owner: withdraws the ticket (from New, Open, In Progress, On Hold or Pending)."""
        return self._act("hd_ticket_withdraw", actor, ticket, _text(note, "note"), _version(expected_version))

    def close(
        self, actor: Ref, ticket: Ref, note: Optional[str] = None, *, expected_version: Optional[int] = None
    ) -> TicketDetails:
        """Owner: closes a Resolved ticket."""
        return self._act("hd_ticket_close", actor, ticket, _text(note, "note"), _version(expected_version))

    def reopen(
        self, actor: Ref, ticket: Ref, note: str, *, expected_version: Optional[int] = None
    ) -> TicketDetails:
        """Owner: reopens a Resolved ticket (In Progress); the note is required."""
        return self._act("hd_ticket_reopen", actor, ticket, _text(note, "note"), _version(expected_version))

    def finalize(self, actor: Ref, ticket: Ref, *, expected_version: Optional[int] = None) -> TicketDetails:
        """Staff: hands an Open or In Progress ticket to the external workflow (idempotent)."""
        return self._act("hd_ticket_finalize", actor, ticket, _version(expected_version))

    def comment(self, actor: Ref, ticket: Ref, text: str, *, internal: bool = False) -> Comment:
        """Adds a comment; ``internal=True`` (staff only) hides it from employees.
        The owner's comment on a Pending ticket moves it back to In Progress."""
        return cast(
            Comment,
            self._engine._call(
                "hd_ticket_comment",
                _id(actor, "actor"),
                _id(ticket, "ticket"),
                _text(text, "text"),
                1 if internal else 0,
            ),
        )

    def attach(self, actor: Ref, ticket: Ref, file_name: str, data: bytes) -> Attachment:
        """Adds a file; its type is sniffed from `data`, not from `file_name`.

        Raises:
            PayloadTooLarge: over the size limit, or too many files.
            UnsupportedMediaType: content of a type not accepted.
        """
        payload = bytes(data)
        return cast(
            Attachment,
            self._engine._call(
                "hd_ticket_attach",
                _id(actor, "actor"),
                _id(ticket, "ticket"),
                _text(file_name, "file_name"),
                payload,
                len(payload),
            ),
        )

    def get(self, actor: Ref, ticket: Ref) -> TicketDetails:
        """A ticket with its people, attachments and the comments the actor may read.

        Raises:
            NotFound: absent, or another employee's ticket.
        """
        return cast(TicketDetails, self._engine._call("hd_ticket_get", _id(actor, "actor"), _id(ticket, "ticket")))

    def list(
        self,
        actor: Ref,
        *,
        status: Union[str, Iterable[str], None] = None,
        priority: Optional[str] = None,
        department: Optional[str] = None,
        category: Optional[str] = None,
        sub_category: Optional[str] = None,
        assigned_to: Optional[Ref] = None,
        employee: Optional[Ref] = None,
        search: Optional[str] = None,
        ordering: Optional[str] = None,
        page: Optional[int] = None,
        page_size: Optional[int] = None,
        cursor: Optional[str] = None,
    ) -> Page[Ticket]:
        """A page of the tickets the actor may see (their own for employees).

        `status` is one status or several; `ordering` is ``submit_date``,
        ``update_date`` or ``priority``, ``-`` first for descending (default
        ``-submit_date``). Pages are numbered (`page`, 1-based, with a
        ``count``) or keyset: ``cursor=""`` starts, and each page's
        ``next_cursor`` gives the next one.

        Raises:
            InvalidArgument: a bad filter, page size (1..100) or cursor.
        """
        statuses: Optional[List[str]]
        if status is None:
            statuses = None
        elif isinstance(status, str):
            statuses = [str(status)]
        else:
            statuses = [str(s) for s in status]
        query = _request(
            {
                "status": statuses,
                "priority": priority,
                "department": department,
                "category": category,
                "sub_category": sub_category,
                "assigned_to": None if assigned_to is None else _id(assigned_to, "assigned_to"),
                "employee": None if employee is None else _id(employee, "employee"),
                "search": search,
                "ordering": ordering,
                "page": page,
                "page_size": page_size,
                "cursor": cursor,
            }
        )
        return Page.from_json(self._engine._call("hd_ticket_list", _id(actor, "actor"), query))

    def iterate(self, actor: Ref, *, page_size: int = 100, **filters: Any) -> Iterator[Ticket]:
        """Every ticket the actor may see that matches `filters` (those of
        :meth:`list`), fetched `page_size` at a time with cursors."""
        if "cursor" in filters or "page" in filters:
            raise TypeError("iterate() pages by itself; do not pass cursor or page")
        yield from _follow(lambda cursor: self.list(actor, page_size=page_size, cursor=cursor, **filters))

    def comments_page(
        self, actor: Ref, ticket: Ref, *, page: Optional[int] = None, page_size: Optional[int] = None,
        cursor: Optional[str] = None
    ) -> Page[Comment]:
        """A page of the comments of a ticket the actor may read, oldest first
        (internal notes only for staff); paged as :meth:`list`.

        Raises:
            InvalidArgument: a bad page, page size (1..100) or cursor.
            NotFound: absent, or another employee's ticket.
        """
        return self._ticket_page("hd_ticket_comments_page", actor, ticket, page, page_size, cursor)

    def history_page(
        self, actor: Ref, ticket: Ref, *, page: Optional[int] = None, page_size: Optional[int] = None,
        cursor: Optional[str] = None
    ) -> Page[HistoryEvent]:
        """A page of the changes to a ticket the actor may see, in order (internal
        ones only for staff); paged, and refused, as :meth:`comments_page`."""
        return self._ticket_page("hd_ticket_history_page", actor, ticket, page, page_size, cursor)

    def iterate_comments(self, actor: Ref, ticket: Ref, *, page_size: int = 100) -> Iterator[Comment]:
        """Every comment of the ticket the actor may read, fetched `page_size` at a time with cursors."""
        yield from _follow(lambda cursor: self.comments_page(actor, ticket, page_size=page_size, cursor=cursor))

    def iterate_history(self, actor: Ref, ticket: Ref, *, page_size: int = 100) -> Iterator[HistoryEvent]:
        """Every history row of the ticket the actor may see, fetched `page_size` at a time with cursors."""
        yield from _follow(lambda cursor: self.history_page(actor, ticket, page_size=page_size, cursor=cursor))

    def comments(self, actor: Ref, ticket: Ref) -> List[Comment]:
        """Every comment of a ticket the actor may read, oldest first, in one
        call (one read of the store); :meth:`comments_page` pages them."""
        return cast(
            List[Comment], self._engine._call("hd_ticket_comments", _id(actor, "actor"), _id(ticket, "ticket"))
        )

    def history(self, actor: Ref, ticket: Ref) -> List[HistoryEvent]:
        """Every change to a ticket the actor may see, in order (internal ones
        only for staff), in one call; :meth:`history_page` pages them."""
        return cast(
            List[HistoryEvent], self._engine._call("hd_ticket_history", _id(actor, "actor"), _id(ticket, "ticket"))
        )

    def stats(self, actor: Ref) -> Stats:
        """Ticket counts by status, priority and department (all tickets for
        staff, their own for employees)."""
        return cast(Stats, self._engine._call("hd_ticket_stats", _id(actor, "actor")))

    def _ticket_page(
        self, name: str, actor: Ref, ticket: Ref, page: Optional[int], page_size: Optional[int], cursor: Optional[str]
    ) -> Page[Any]:
        query = _request({"page": page, "page_size": page_size, "cursor": cursor})
        return Page.from_json(self._engine._call(name, _id(actor, "actor"), _id(ticket, "ticket"), query))

    def _act(self, name: str, actor: Ref, ticket: Ref, *args: Any) -> TicketDetails:
        return cast(TicketDetails, self._engine._call(name, _id(actor, "actor"), _id(ticket, "ticket"), *args))

