"""Automatic assignment (``engine.assignment``, docs/product.md#automatic-assignment):
staff say whether they are available, and System Admins set how each
department hands out the tickets approved without an assignee.
"""

from __future__ import annotations

from typing import List, cast

from ._arguments import Ref, _id, _text
from ._service import _Service
from .types import Availability, DepartmentAssignment

__all__ = ["Assignment"]


class Assignment(_Service):
    """Availability and department modes (``engine.assignment``)."""

    def availability(self, actor: Ref) -> Availability:
        """Staff: the actor's availability (coordinators are available and
        System Admins away until they choose; ``chosen`` says whether they did).

        Raises:
            PermissionDenied: the actor is an employee.
        """
        return cast(Availability, self._engine._call("hd_availability_get", _id(actor, "actor")))

    def set_available(self, actor: Ref, available: bool) -> Availability:
        """Staff: marks the actor available (True) or away (False)."""
        if not isinstance(available, bool):
            raise TypeError("available must be a bool")
        return cast(
            Availability,
            self._engine._call("hd_availability_set", _id(actor, "actor"), 1 if available else 0),
        )

    def departments(self, actor: Ref) -> List[DepartmentAssignment]:
        """System Admin: every configured department, in catalogue order, with
        its mode (``none`` when never set) and previous automatic assignee."""
        answer = self._engine._call("hd_assignment_departments", _id(actor, "actor"))
        return cast(List[DepartmentAssignment], answer["departments"])

    def set_mode(self, actor: Ref, department: str, mode: str) -> DepartmentAssignment:
        """System Admin: sets a department's mode (an
        :class:`~helpdesk.types.AssignmentMode` or its text: ``none``,
        ``round_robin``, ``least_open``).

        Raises:
            NotFound: a department the catalogue does not have.
            InvalidArgument: an unknown mode (field ``mode``).
        """
        return cast(
            DepartmentAssignment,
            self._engine._call(
                "hd_assignment_set_mode",
                _id(actor, "actor"),
                _text(department, "department"),
                _text(str(mode), "mode"),
            ),
        )
