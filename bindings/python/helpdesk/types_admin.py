"""The shapes of administration: account history, admin-created accounts and
password-reset tokens, workflow API keys and the outbox.

Re-exported by :mod:`helpdesk.types`.
"""

from __future__ import annotations

from typing import Any, List, Optional, TYPE_CHECKING, TypedDict

if TYPE_CHECKING:
    from .types import Account

__all__ = ["AccountHistoryEntry", "CreatedAccount", "PasswordResetToken", "ApiKey", "NewApiKey", "OutboxEvent"]


class AccountHistoryEntry(TypedDict):
    """One change to an account (role, activity, names, department)."""

    id: int
    account: int
    actor: Optional[int]
    at: str
    field: str
    old_value: Optional[str]
    new_value: Optional[str]


class CreatedAccount(TypedDict):
    """An account a System Admin created (approved, no password yet) and the
    single-use token of its set-password link, for an embedder that delivers
    the mail itself. Never show the token to the admin who made the account."""

    account: "Account"
    set_password_token: str


class PasswordResetToken(TypedDict):
    """A password-reset request's token: None when no approved account has the
    email. Deliver it to the address only, never to the requester: answer
    alike in both cases."""

    token: Optional[str]


class ApiKey(TypedDict):
    """A workflow API key as lists show it: only its first characters (``prefix``)."""

    id: int
    name: str
    prefix: str
    created_at: str
    created_by: Optional[int]
    revoked_at: Optional[str]
    last_used_at: Optional[str]


class NewApiKey(ApiKey):
    """A key just made, with its whole text in ``key``: the only time it is shown."""

    key: str


class OutboxEvent(TypedDict):
    """An event of the outbox (a notice waiting for, or given up by, its channels)."""

    id: int
    event: str
    account: Optional[int]
    ticket: Optional[int]
    payload: Any
    created_at: str
    state: str
    attempts: int
    last_error: Optional[str]
    next_attempt_at: str
    delivered_to: List[str]
