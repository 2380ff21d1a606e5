"""The account services of an engine (``engine.accounts``): sign-up, the
first System Admin, approval and rejection, reading an account, login checks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, cast

from ._arguments import Ref, _id, _request, _text
from .types import Account, Rejection

if TYPE_CHECKING:
    from .engine import Engine

__all__ = ["Accounts"]


class Accounts:
    """The engine's account services (``engine.accounts``)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    @staticmethod
    def _person(
        email: str,
        first_name: str,
        last_name: str,
        department: str,
        password: str,
        confirm_password: Optional[str],
        middle_name: Optional[str],
        suffix: Optional[str],
    ) -> bytes:
        return _request(
            {
                "email": email,
                "first_name": first_name,
                "middle_name": middle_name,
                "last_name": last_name,
                "suffix": suffix,
                "department": department,
                "password": password,
                "confirm_password": password if confirm_password is None else confirm_password,
            }
        )

    def bootstrap_admin(
        self,
        *,
        email: str,
        first_name: str,
        last_name: str,
        department: str,
        password: str,
        confirm_password: Optional[str] = None,
        middle_name: Optional[str] = None,
        suffix: Optional[str] = None,
    ) -> Account:
        """Creates the first System Admin of an empty store (approved).
        `confirm_password` defaults to `password`.

        Raises:
            InvalidArgument: a field is invalid (see ``.fields``).
            Conflict: a System Admin already exists.
        """
        body = self._person(
            email, first_name, last_name, department, password, confirm_password, middle_name, suffix
        )
        return cast(Account, self._engine._call("hd_bootstrap_admin", body))

    def sign_up(
        self,
        *,
        email: str,
        first_name: str,
        last_name: str,
        department: str,
        password: str,
        confirm_password: Optional[str] = None,
        middle_name: Optional[str] = None,
        suffix: Optional[str] = None,
    ) -> Account:
        """Signs up an Employee, Pending until a System Admin approves it.
        `confirm_password` defaults to `password`.

        Raises:
            InvalidArgument: a field is invalid (see ``.fields``).
            Conflict: the email or company id is taken.
        """
        body = self._person(
            email, first_name, last_name, department, password, confirm_password, middle_name, suffix
        )
        return cast(Account, self._engine._call("hd_sign_up", body))

    def approve(self, actor: Ref, account: Ref) -> Account:
        """System Admin: approves a pending account.

        Raises:
            PermissionDenied: the actor is not a System Admin.
            NotFound: no such account.
            InvalidState: the account is not pending.
        """
        return cast(
            Account, self._engine._call("hd_account_approve", _id(actor, "actor"), _id(account, "account"))
        )

    def reject(self, actor: Ref, account: Ref, reason: str) -> Rejection:
        """System Admin: rejects a pending account with a reason; the account
        is removed and the returned audit row kept.

        Raises:
            PermissionDenied, NotFound, InvalidState: as for :meth:`approve`.
            InvalidArgument: an empty reason.
        """
        return cast(
            Rejection,
            self._engine._call(
                "hd_account_reject", _id(actor, "actor"), _id(account, "account"), _text(reason, "reason")
            ),
        )

    def get(self, actor: Ref, account: Ref) -> Account:
        """An account the actor may see (their own; any for staff).

        Raises:
            NotFound: absent or not visible to the actor.
        """
        return cast(Account, self._engine._call("hd_account_get", _id(actor, "actor"), _id(account, "account")))

    def login(self, email: str, password: str, *, staff: bool = False) -> int:
        """Checks a login and returns the account's id: the employee login by
        default, the staff login (coordinators and admins) with ``staff=True``.

        Raises:
            Unauthenticated: wrong email or password.
            PermissionDenied: an account not approved (the message says
                "pending approval" for a pending one), or the wrong login for
                the account's role.
        """
        email_bytes = _text(email, "email")
        password_bytes = _text(password, "password")
        assert email_bytes is not None and password_bytes is not None
        return self._engine._login(email_bytes, password_bytes, staff)
