"""The account services of an engine (``engine.accounts``): sign-up, the
first System Admin, approval and rejection, reading an account, login
checks, one's own profile and password, and password resets. What System
Admins do to accounts is in :mod:`helpdesk.account_admin`.
"""

from __future__ import annotations

from ctypes import c_int
from typing import Optional, cast

from ._arguments import Ref, _id, _text
from .account_admin import AccountAdmin, _names
from .types import Account, PasswordResetToken, Rejection

__all__ = ["Accounts"]


def _required(value: str, what: str) -> bytes:
    encoded = _text(value, what)
    if encoded is None:
        raise TypeError(f"{what} must be a str, not None")
    return encoded


class Accounts(AccountAdmin):
    """The engine's account services (``engine.accounts``)."""

    @staticmethod
    def _person(email: str, first_name: str, last_name: str, department: str, password: str,
                confirm_password: Optional[str], middle_name: Optional[str], suffix: Optional[str]) -> bytes:
        confirm = password if confirm_password is None else confirm_password
        return _names(
            first_name, middle_name, last_name, suffix,
            email=email, department=department, password=password, confirm_password=confirm,
        )

    def bootstrap_admin(
        self, *, email: str, first_name: str, last_name: str, department: str, password: str,
        confirm_password: Optional[str] = None, middle_name: Optional[str] = None, suffix: Optional[str] = None
    ) -> Account:
        """Creates the first System Admin of an empty store (approved).
        `confirm_password` defaults to `password`.

        Raises:
            InvalidArgument: a field is invalid (see ``.fields``).
            Conflict: a System Admin already exists.
        """
        body = self._person(email, first_name, last_name, department, password, confirm_password, middle_name, suffix)
        return cast(Account, self._engine._call("hd_bootstrap_admin", body))

    def sign_up(
        self, *, email: str, first_name: str, last_name: str, department: str, password: str,
        confirm_password: Optional[str] = None, middle_name: Optional[str] = None, suffix: Optional[str] = None
    ) -> Account:
        """Signs up an Employee, Pending until a System Admin approves it.
        `confirm_password` defaults to `password`.

        Raises:
            InvalidArgument: a field is invalid (see ``.fields``).
            Conflict: the email or company id is taken.
        """
        body = self._person(email, first_name, last_name, department, password, confirm_password, middle_name, suffix)
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
        return self._engine._login(_required(email, "email"), _required(password, "password"), staff)

    def update_profile(
        self, actor: Ref, *, first_name: Optional[str] = None, middle_name: Optional[str] = None,
        last_name: Optional[str] = None, suffix: Optional[str] = None
    ) -> Account:
        """Changes the actor's own names with the sign-up rules (a field not
        given stays; ``""`` clears the middle name or suffix).

        Raises:
            InvalidArgument: a field is invalid (see ``.fields``).
            PermissionDenied: the actor is not approved, or deactivated.
        """
        body = _names(first_name, middle_name, last_name, suffix)
        return cast(Account, self._engine._call("hd_profile_update", _id(actor, "actor"), body))

    def change_password(
        self, actor: Ref, current_password: str, new_password: str, confirm_password: Optional[str] = None
    ) -> None:
        """Changes the actor's own password after checking the current one
        (`confirm_password` defaults to `new_password`).

        Raises:
            InvalidArgument: a wrong current password, a weak new one, or a
                confirmation that differs (see ``.fields``).
        """
        confirm = new_password if confirm_password is None else confirm_password
        self._engine._call_status(
            "hd_password_change",
            _id(actor, "actor"),
            _required(current_password, "current_password"),
            _required(new_password, "new_password"),
            _required(confirm, "confirm_password"),
        )

    def check_password(self, actor: Ref, password: str) -> bool:
        """Whether `password` is the actor's own, changing nothing. Not
        throttled: limiting attempts is the caller's job."""
        valid = self._engine._call_value(
            "hd_password_check", c_int, _id(actor, "actor"), _required(password, "password")
        )
        return bool(valid)

    def request_password_reset(self, email: str) -> Optional[str]:
        """Issues a single-use reset token for the approved account with
        `email` (the engine also records the mail in the outbox) and returns
        it, or None when no approved account has that address. Deliver the
        token to the address only, answer the requester alike in both cases,
        and throttle requests yourself."""
        answer = cast(
            PasswordResetToken, self._engine._call("hd_password_reset_request", _required(email, "email"))
        )
        return answer.get("token")

    def reset_password(self, token: str, new_password: str, confirm_password: Optional[str] = None) -> None:
        """Sets a new password with a reset or set-password token, which is
        spent (`confirm_password` defaults to `new_password`).

        Raises:
            InvalidArgument: an unknown, spent or expired token, or a bad
                password (see ``.fields``).
        """
        confirm = new_password if confirm_password is None else confirm_password
        self._engine._call_status(
            "hd_password_reset",
            _required(token, "token"),
            _required(new_password, "new_password"),
            _required(confirm, "confirm_password"),
        )
