"""Exceptions raised by the helpdesk package, one class per C ABI error code.

Every failed call into the engine raises a subclass of :class:`HelpdeskError`
chosen by the code the C ABI returned (``hd_error_code``, which mirrors the
C++ ``helpdesk::errc``). The exception carries the code, its stable name
(``"invalid_argument"``, ...), the engine's message and, for invalid input,
the per-field messages.
"""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional, Sequence, Type

__all__ = [
    "HelpdeskError",
    "InvalidArgument",
    "NotFound",
    "PermissionDenied",
    "Unauthenticated",
    "InvalidState",
    "EngineClosed",
    "Conflict",
    "PreconditionFailed",
    "PayloadTooLarge",
    "UnsupportedMediaType",
    "RateLimited",
    "StorageUnavailable",
    "InternalError",
    "error_from_code",
]


class HelpdeskError(Exception):
    """Base class of every error the engine reports.

    Attributes:
        code: the C ABI's negative return code (``HD_E_*``).
        name: the code's stable machine name, as in the HTTP API's ``"error"``.
        message: the engine's human sentence (the HTTP API's ``"detail"``).
        fields: per-field messages, ``{"field": ["message", ...]}``; empty
            unless fields were at fault.
    """

    #: The C ABI code of this class (subclasses override it).
    default_code: int = -12
    #: The stable name of this class's code.
    default_name: str = "internal"

    def __init_subclass__(cls, *, code: Optional[int] = None, name: Optional[str] = None, **kwargs: Any) -> None:
        """Gives a subclass its code and name: ``class X(HelpdeskError, code=-1, name="x")``."""
        super().__init_subclass__(**kwargs)
        if code is not None:
            cls.default_code = code
        if name is not None:
            cls.default_name = name

    def __init__(
        self,
        message: str,
        *,
        code: Optional[int] = None,
        name: Optional[str] = None,
        fields: Optional[Mapping[str, Sequence[str]]] = None,
    ) -> None:
        super().__init__(message)
        self.message: str = message
        self.code: int = self.default_code if code is None else code
        self.name: str = self.default_name if name is None else name
        self.fields: Dict[str, List[str]] = {k: list(v) for k, v in (fields or {}).items()}

    def __str__(self) -> str:
        if not self.fields:
            return self.message
        details = "; ".join(f"{field}: {' '.join(messages)}" for field, messages in self.fields.items())
        return f"{self.message} ({details})"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, code={self.code}, name={self.name!r}, fields={self.fields!r})"


class InvalidArgument(HelpdeskError, code=-1, name="invalid_argument"):
    """Bad input; :attr:`fields` says which fields and why."""


class NotFound(HelpdeskError, code=-2, name="not_found"):
    """Absent, or invisible to the actor (another employee's ticket)."""


class PermissionDenied(HelpdeskError, code=-3, name="permission_denied"):
    """The actor's role or state does not allow the action."""


class Unauthenticated(HelpdeskError, code=-4, name="unauthenticated"):
    """Wrong credentials, an account not approved yet, or an actor that no longer exists."""


class InvalidState(HelpdeskError, code=-5, name="invalid_state"):
    """The current state (of a ticket, an account, or the engine) does not allow the action."""


class EngineClosed(InvalidState):
    """The :class:`~helpdesk.Engine` was closed; raised by the package, never by the library."""


class Conflict(HelpdeskError, code=-6, name="conflict"):
    """A duplicate (an email already signed up, ...), or a race lost to other writers."""


class PreconditionFailed(HelpdeskError, code=-7, name="precondition_failed"):
    """The ``expected_version`` given is stale: someone changed the ticket since it was read."""


class PayloadTooLarge(HelpdeskError, code=-8, name="payload_too_large"):
    """A file over its size limit (or too many files on a ticket)."""


class UnsupportedMediaType(HelpdeskError, code=-9, name="unsupported_media_type"):
    """A file whose content is not of an accepted type."""


class RateLimited(HelpdeskError, code=-10, name="rate_limited"):
    """Too many attempts."""


class StorageUnavailable(HelpdeskError, code=-11, name="storage_unavailable"):
    """The store cannot be reached (or opened)."""


class InternalError(HelpdeskError, code=-12, name="internal"):
    """A bug in the engine or the library, or an out-of-memory condition."""


_BY_CODE: Dict[int, Type[HelpdeskError]] = {
    cls.default_code: cls
    for cls in (
        InvalidArgument,
        NotFound,
        PermissionDenied,
        Unauthenticated,
        InvalidState,
        Conflict,
        PreconditionFailed,
        PayloadTooLarge,
        UnsupportedMediaType,
        RateLimited,
        StorageUnavailable,
        InternalError,
    )
}


def error_from_code(
    code: int,
    message: str,
    name: Optional[str] = None,
    fields: Optional[Mapping[str, Sequence[str]]] = None,
) -> HelpdeskError:
    """The exception for a C ABI return code: its class's instance, or a plain
    :class:`HelpdeskError` for a code this package does not know (a newer
    library)."""
    cls = _BY_CODE.get(code)
    if cls is None:
        return HelpdeskError(message, code=code, name=name or "unknown", fields=fields)
    return cls(message, code=code, name=name, fields=fields)
