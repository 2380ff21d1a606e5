"""Canned replies (``engine.canned_replies``, docs/product.md#canned-replies):
staff keep their own replies and use the shared ones (which System Admins
manage); rendering fills a reply's placeholders (``{{ticket.number}}``,
``{{employee.first_name}}``, ``{{assignee.full_name}}``, ...) for one ticket.
"""

from __future__ import annotations

from typing import Optional, cast

from ._arguments import Ref, _id, _request, _version
from ._service import _Listed
from .types import CannedReply, RenderedReply

__all__ = ["CannedReplies"]


class CannedReplies(_Listed[CannedReply]):
    """The staff's canned replies (``engine.canned_replies``). Employees are
    refused (:class:`~helpdesk.errors.PermissionDenied`); another staff
    member's own reply does not exist for the caller (``NotFound``).
    ``list`` and ``iterate`` give the actor's own replies and the shared
    ones, by title (ASCII case ignored)."""

    _list_function = "hd_canned_reply_list"

    def create(self, actor: Ref, *, title: str, body: str, shared: bool = False) -> CannedReply:
        """Makes a reply (version 1): the actor's own, or with ``shared=True``
        every staff member's (System Admins only).

        Raises:
            InvalidArgument: a bad title, or a body with an unknown placeholder
                or an unclosed ``{{`` (one message each on ``body``).
            PermissionDenied: an employee, or a coordinator making a shared reply.
        """
        request = _request({"title": title, "body": body, "shared": True if shared else None})
        return cast(CannedReply, self._engine._call("hd_canned_reply_create", _id(actor, "actor"), request))

    def get(self, actor: Ref, reply: Ref) -> CannedReply:
        """One of the actor's own replies or a shared one."""
        return cast(
            CannedReply, self._engine._call("hd_canned_reply_get", _id(actor, "actor"), _id(reply, "reply"))
        )

    def update(
        self, actor: Ref, reply: Ref, *, title: Optional[str] = None, body: Optional[str] = None,
        expected_version: Optional[int] = None
    ) -> CannedReply:
        """Changes the reply's title and/or body (its version goes up by one).

        Raises:
            PreconditionFailed: a stale `expected_version`.
            PermissionDenied: a coordinator changing a shared reply.
        """
        request = _request({"title": title, "body": body})
        return cast(
            CannedReply,
            self._engine._call(
                "hd_canned_reply_update",
                _id(actor, "actor"),
                _id(reply, "reply"),
                request,
                _version(expected_version),
            ),
        )

    def delete(self, actor: Ref, reply: Ref, *, expected_version: Optional[int] = None) -> None:
        """Deletes the reply (shared ones: System Admins only)."""
        self._engine._call_status(
            "hd_canned_reply_delete", _id(actor, "actor"), _id(reply, "reply"), _version(expected_version)
        )

    def render(self, actor: Ref, ticket: Ref, reply: Ref) -> RenderedReply:
        """The reply's body with its placeholders filled for `ticket` (which
        the actor must be able to read); the actor is the ``agent``. Nothing
        is posted: send the text with :meth:`~helpdesk.tickets.Tickets.comment`."""
        return cast(
            RenderedReply,
            self._engine._call(
                "hd_canned_reply_render", _id(actor, "actor"), _id(ticket, "ticket"), _id(reply, "reply")
            ),
        )
