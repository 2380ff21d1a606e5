"""Exceptions raised by the helpdesk package, one class per C ABI error code.

Every failed call into the engine raises a subclass of :class:`HelpdeskError`
chosen by the code the C ABI returned (``hd_error_code``, which mirrors the
C++ ``helpdesk::errc``). The exception carries the code, its stable name
(``"invalid_argument"``, ...), the engine's message and, for invalid input,
the per-field messages.
"""

from __future__ import annotations

from typing import Dict, List, Mapping, Optional, Sequence, Type

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


class InvalidArgument(HelpdeskError):
    """Bad input; :attr:`fields` says which fields and why."""

    default_code = -1
    default_name = "invalid_argument"


class NotFound(HelpdeskError):
    """Absent, or invisible to the actor (another employee's ticket)."""

    default_code = -2
    default_name = "not_found"


class PermissionDenied(HelpdeskError):
    """The actor's role or state does not allow the action."""

    default_code = -3
    default_name = "permission_denied"


class Unauthenticated(HelpdeskError):
    """Wrong credentials, an account not approved yet, or an actor that no longer exists."""

    default_code = -4
    default_name = "unauthenticated"


class InvalidState(HelpdeskError):
    """The current state (of a ticket, an account, or the engine) does not allow the action."""

    default_code = -5
    default_name = "invalid_state"


class EngineClosed(InvalidState):
    """The :class:`~helpdesk.Engine` was closed; raised by the package, never by the library."""


class Conflict(HelpdeskError):
    """A duplicate (an email already signed up, ...), or a race lost to other writers."""

    default_code = -6
    default_name = "conflict"


class PreconditionFailed(HelpdeskError):
    """The ``expected_version`` given is stale: someone changed the ticket since it was read."""

    default_code = -7
    default_name = "precondition_failed"


class PayloadTooLarge(HelpdeskError):
    """A file over its size limit (or too many files on a ticket)."""

    default_code = -8
    default_name = "payload_too_large"


class UnsupportedMediaType(HelpdeskError):
    """A file whose content is not of an accepted type."""

    default_code = -9
    default_name = "unsupported_media_type"


class RateLimited(HelpdeskError):
    """Too many attempts."""

    default_code = -10
    default_name = "rate_limited"


class StorageUnavailable(HelpdeskError):
    """The store cannot be reached (or opened)."""

    default_code = -11
    default_name = "storage_unavailable"


class InternalError(HelpdeskError):
    """A bug in the engine or the library, or an out-of-memory condition."""

    default_code = -12
    default_name = "internal"


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
