"""The ticket services of an engine (``engine.tickets``): the lifecycle
actions, editing, comments and files; what it reads (one ticket, the lists
and queues, the stats, attachment bytes) is in :mod:`helpdesk.ticket_queries`.
"""

from __future__ import annotations

import datetime
from typing import Any, Dict, Optional, Union, cast

from ._arguments import Ref, _id, _json, _request, _text, _version
from .ticket_queries import TicketQueries
from .types import Attachment, Comment, TicketDetails

__all__ = ["Tickets"]


class Tickets(TicketQueries):
    """The engine's ticket services (``engine.tickets``)."""

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
        assigned_to: Optional[Ref] = None,
        expected_version: Optional[int] = None,
    ) -> TicketDetails:
        """Staff: New → Open with a priority and a department; the notes are
        kept as an internal comment. With `assigned_to` (approved, active
        staff) the ticket goes to that person (In Progress); without it the
        department's assignment mode applies (see :class:`~helpdesk.assignment.Assignment`).

        Raises:
            InvalidArgument: a bad field; `assigned_to` not approved, active staff.
        """
        body = _request(
            {
                "priority": priority,
                "department": department,
                "approval_notes": approval_notes,
                "assigned_to": None if assigned_to is None else _id(assigned_to, "assigned_to"),
            }
        )
        return self._act("hd_ticket_approve", actor, ticket, body, _version(expected_version))

    def edit(
        self,
        actor: Ref,
        ticket: Ref,
        *,
        priority: Optional[str] = None,
        department: Optional[str] = None,
        category: Optional[str] = None,
        sub_category: Optional[str] = None,
        unassign: bool = False,
        expected_version: Optional[int] = None,
    ) -> TicketDetails:
        """Staff: changes an approved ticket's priority, department, category
        and/or sub-category (validated as at creation; each change in the
        history; a priority or department change re-measures the SLA), and
        with ``unassign=True`` releases it (In Progress goes back to Open).

        Raises:
            InvalidArgument: a bad field.
            InvalidState: the ticket's status does not allow editing.
            PreconditionFailed: a stale `expected_version`.
        """
        body: Dict[str, Any] = {
            k: v
            for k, v in (
                ("priority", priority),
                ("department", department),
                ("category", category),
                ("sub_category", sub_category),
            )
            if v is not None
        }
        if unassign:
            body["assigned_to"] = None
        return self._act("hd_ticket_edit", actor, ticket, _json(body), _version(expected_version))

    def unassign(self, actor: Ref, ticket: Ref, *, expected_version: Optional[int] = None) -> TicketDetails:
        """Staff: releases the ticket (:meth:`edit` with ``unassign=True``)."""
        return self.edit(actor, ticket, unassign=True, expected_version=expected_version)

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

    def _act(self, name: str, actor: Ref, ticket: Ref, *args: Any) -> TicketDetails:
        return cast(TicketDetails, self._engine._call(name, _id(actor, "actor"), _id(ticket, "ticket"), *args))

