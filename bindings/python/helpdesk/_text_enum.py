"""The base of the package's enumerations: ``str`` values that print as themselves."""

from __future__ import annotations

import enum


class TextEnum(str, enum.Enum):
    """An enumeration of the engine's fixed texts: each member equals, and
    prints as, the text the engine uses, so it can be passed wherever one
    is expected."""

    def __str__(self) -> str:
        return str(self.value)
