"""The shapes of the staff's tools: canned replies (docs/product.md#canned-replies)
and automatic assignment (docs/product.md#automatic-assignment).

Re-exported by :mod:`helpdesk.types`.
"""

from __future__ import annotations

from typing import Optional, TypedDict

from ._text_enum import TextEnum

__all__ = ["AssignmentMode", "Availability", "DepartmentAssignment", "CannedReply", "RenderedReply"]


class AssignmentMode(TextEnum):
    """How a department hands out the tickets approved without an assignee."""

    NONE = "none"
    ROUND_ROBIN = "round_robin"
    LEAST_OPEN = "least_open"


class Availability(TypedDict):
    """A staff member's availability for automatic assignment; ``chosen`` is
    False while they never chose (coordinators are then available, admins not)."""

    account: int
    available: bool
    chosen: bool


class DepartmentAssignment(TypedDict):
    """A department's assignment mode and its previous automatic assignee."""

    department: str
    mode: str
    last_assignee: Optional[int]


class CannedReply(TypedDict):
    """A canned reply: the caller's own, or shared (``owner`` None)."""

    id: int
    title: str
    body: str
    shared: bool
    owner: Optional[int]
    created_at: str
    created_by: int
    updated_at: str
    version: int


class RenderedReply(TypedDict):
    """A canned reply filled in for one ticket: the text to put in the reply box."""

    reply: int
    ticket: int
    text: str
