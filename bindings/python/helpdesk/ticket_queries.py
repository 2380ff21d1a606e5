"""The reading half of the ticket services (``engine.tickets``): one ticket,
the lists and queues, comments and history, the stats and attachment bytes.

Every list pages the same way (:class:`~helpdesk.types.Page`): the tickets,
the queues, and a ticket's comments and history. ``iterate*`` walk a whole
list by cursor.
"""

from __future__ import annotations

import datetime
from typing import Any, Iterable, Iterator, List, Optional, Tuple, Union, cast

from ._arguments import Ref, _id, _instant, _text
from ._paging import _follow, _no_paging, _page_query
from ._service import _Service
from .types import Attachment, Comment, HistoryEvent, Page, Stats, Ticket, TicketDetails

__all__ = ["TicketQueries"]

class TicketQueries(_Service):
    """What ``engine.tickets`` reads (:class:`~helpdesk.tickets.Tickets` adds the changes)."""

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
        sla: Optional[str] = None,
        submitted_after: Union[str, datetime.date, None] = None,
        submitted_before: Union[str, datetime.date, None] = None,
        ordering: Optional[str] = None,
        page: Optional[int] = None,
        page_size: Optional[int] = None,
        cursor: Optional[str] = None,
    ) -> Page[Ticket]:
        """A page of the tickets the actor may see (their own for employees).

        `status` is one status or several; `sla` an overall SLA state (a
        :class:`~helpdesk.types.SlaState` or its text: ``on_track``,
        ``at_risk``, ``breached``, ``met``, ``paused``); `submitted_after` and
        `submitted_before` bound the submission time (RFC 3339 text, an aware
        datetime, or a date). `ordering` is ``submit_date``, ``update_date``,
        ``priority``, ``first_response_due`` or ``resolution_due``, ``-``
        first for descending (default ``-submit_date``). Pages are numbered
        (`page`, 1-based, with a ``count``) or keyset: ``cursor=""`` starts,
        and each page's ``next_cursor`` gives the next one.

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
        query = _page_query(
            page,
            page_size,
            cursor,
            status=statuses,
            priority=priority,
            department=department,
            category=category,
            sub_category=sub_category,
            assigned_to=None if assigned_to is None else _id(assigned_to, "assigned_to"),
            employee=None if employee is None else _id(employee, "employee"),
            search=search,
            sla=None if sla is None else str(sla),
            submitted_after=_instant(submitted_after, "submitted_after"),
            submitted_before=_instant(submitted_before, "submitted_before"),
            ordering=ordering,
        )
        return Page.from_json(self._engine._call("hd_ticket_list", _id(actor, "actor"), query))

    def iterate(self, actor: Ref, *, page_size: int = 100, **filters: Any) -> Iterator[Ticket]:
        """Every ticket the actor may see that matches `filters` (those of
        :meth:`list`), fetched `page_size` at a time with cursors."""
        _no_paging(filters)
        yield from _follow(lambda cursor: self.list(actor, page_size=page_size, cursor=cursor, **filters))

    def queue(
        self, actor: Ref, which: str, *, page: Optional[int] = None, page_size: Optional[int] = None,
        cursor: Optional[str] = None
    ) -> Page[Ticket]:
        """Staff: a page of a queue, newest first: ``"new"`` (awaiting
        approval), ``"open"`` (approved, unassigned) or ``"mine"`` (active
        tickets assigned to the actor); paged as :meth:`list`.

        Raises:
            PermissionDenied: the actor is an employee.
            InvalidArgument: an unknown queue, a bad page, page size or cursor.
        """
        query = _page_query(page, page_size, cursor)
        return Page.from_json(
            self._engine._call("hd_ticket_queue", _id(actor, "actor"), _text(which, "which"), query)
        )

    def new_queue(self, actor: Ref, **paging: Any) -> Page[Ticket]:
        """Staff: the tickets awaiting approval (:meth:`queue` ``"new"``)."""
        return self.queue(actor, "new", **paging)

    def open_queue(self, actor: Ref, **paging: Any) -> Page[Ticket]:
        """Staff: the approved tickets nobody holds (:meth:`queue` ``"open"``)."""
        return self.queue(actor, "open", **paging)

    def my_tickets(self, actor: Ref, **paging: Any) -> Page[Ticket]:
        """Staff: the active tickets assigned to the actor (:meth:`queue` ``"mine"``)."""
        return self.queue(actor, "mine", **paging)

    def iterate_queue(self, actor: Ref, which: str, *, page_size: int = 100) -> Iterator[Ticket]:
        """Every ticket of a queue (:meth:`queue`), fetched `page_size` at a time with cursors."""
        yield from _follow(lambda cursor: self.queue(actor, which, page_size=page_size, cursor=cursor))

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
        """Ticket counts by status, priority and department, and SLA compliance
        (``sla``), over all tickets for staff and their own for employees."""
        return cast(Stats, self._engine._call("hd_ticket_stats", _id(actor, "actor")))

    def download(self, actor: Ref, attachment: Ref) -> Tuple[Attachment, bytes]:
        """An attachment's metadata and bytes, for the ticket's owner or staff.

        Raises:
            NotFound: absent, or on a ticket the actor may not see.
        """
        meta, data = self._engine._download(
            "hd_attachment_download", _id(actor, "actor"), _id(attachment, "attachment")
        )
        return cast(Attachment, meta), data

    def _ticket_page(
        self, name: str, actor: Ref, ticket: Ref, page: Optional[int], page_size: Optional[int], cursor: Optional[str]
    ) -> Page[Any]:
        query = _page_query(page, page_size, cursor)
        return Page.from_json(self._engine._call(name, _id(actor, "actor"), _id(ticket, "ticket"), query))
