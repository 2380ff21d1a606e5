"""Service levels (docs/product.md#sla): the SLA policy (``engine.sla``) and
the scheduler that sends the at-risk and breach notices and runs the two
automations (``engine.scheduler``).
"""

from __future__ import annotations

import datetime
from typing import Any, List, Mapping, Optional, Sequence, Union, cast

from ._arguments import Ref, _id, _instant, _request, _version
from ._service import _Service
from .types import SchedulerPass, SlaPolicy, TicketDetails

__all__ = ["Sla", "Scheduler"]


class Sla(_Service):
    """The SLA policy and re-measuring a ticket (``engine.sla``); System Admins only."""

    def policy(self, actor: Ref) -> SlaPolicy:
        """The policy new tickets are measured under (version 0: the built-in
        one, before any is stored).

        Raises:
            PermissionDenied: the actor is not a System Admin.
        """
        return cast(SlaPolicy, self._engine._call("hd_sla_policy_get", _id(actor, "actor")))

    def change_policy(
        self,
        actor: Ref,
        *,
        calendar: Optional[Mapping[str, Any]] = None,
        targets: Optional[Mapping[str, Any]] = None,
        overrides: Optional[Sequence[Mapping[str, Any]]] = None,
        at_risk_percent: Optional[int] = None,
        pausing_statuses: Optional[Sequence[str]] = None,
    ) -> SlaPolicy:
        """Stores the next policy version: the members given replace the
        current policy's (shapes as :class:`~helpdesk.types.SlaPolicy`: a
        ``calendar`` with ``time_zone``, ``week`` and ``holidays``,
        ``targets`` by priority, ``overrides`` by department and priority),
        the others stay. Tickets keep the version they were measured under
        until :meth:`reapply`.

        Raises:
            PermissionDenied: the actor is not a System Admin.
            InvalidArgument: each field at fault named in ``.fields``
                (``calendar.time_zone``, ``targets.High.resolution``,
                ``overrides[0].department``, ``at_risk_percent``, ...).
        """
        statuses: Optional[List[str]] = None if pausing_statuses is None else [str(s) for s in pausing_statuses]
        body = _request(
            {
                "calendar": calendar,
                "targets": targets,
                "overrides": overrides,
                "at_risk_percent": at_risk_percent,
                "pausing_statuses": statuses,
            }
        )
        return cast(SlaPolicy, self._engine._call("hd_sla_policy_change", _id(actor, "actor"), body))

    def reapply(self, actor: Ref, ticket: Ref, *, expected_version: Optional[int] = None) -> TicketDetails:
        """System Admin: measures the ticket again under the current policy
        version (history ``sla_reapplied``; a ticket already under it is left
        as it is).

        Raises:
            PermissionDenied: the actor is not a System Admin.
            PreconditionFailed: a stale `expected_version`.
        """
        return cast(
            TicketDetails,
            self._engine._call(
                "hd_ticket_reapply_sla", _id(actor, "actor"), _id(ticket, "ticket"), _version(expected_version)
            ),
        )


class Scheduler(_Service):
    """The work due to the passing of time (``engine.scheduler``)."""

    def run_once(
        self, now: Union[str, datetime.datetime, None] = None, *, batch: Optional[int] = None
    ) -> SchedulerPass:
        """Does everything due by `now` (RFC 3339 text or an aware datetime;
        None: the engine's clock): writes the SLA at-risk and breach notices
        due to the outbox (once per ticket and target, ever), closes the
        Resolved tickets left unanswered and reminds owners of Pending ones.
        Works in transactions of `batch` tickets (None: 200). Call it from a
        timer; several at once (threads, processes on one store) are safe.

        Raises:
            InvalidArgument: a malformed `now`.
            TypeError: a `batch` that is not an int.
            ValueError: a `batch` below 1.
        """
        if batch is not None and (isinstance(batch, bool) or not isinstance(batch, int)):
            raise TypeError("batch must be an int or None")
        if batch is not None and batch <= 0:
            raise ValueError("batch must be positive (None means: the default, 200)")
        instant = _instant(now, "now", dates=False)
        return cast(
            SchedulerPass,
            self._engine._call(
                "hd_scheduler_run_once", None if instant is None else instant.encode("utf-8"), batch or 0
            ),
        )
