"""What System Admins (and, for the list, staff) do to accounts: create
one, list them, edit names and department, change the role, deactivate and
reactivate, read an account's history and the rejection audit
(docs/product.md#account-administration). Part of ``engine.accounts``
(:class:`~helpdesk.accounts.Accounts`).
"""

from __future__ import annotations

from ctypes import c_int64
from typing import Any, Iterator, Optional, cast

from ._arguments import Ref, _id, _request, _text
from ._paging import _follow, _no_paging, _page_query
from ._service import _Service
from .types import Account, AccountHistoryEntry, CreatedAccount, Page, Rejection

__all__ = ["AccountAdmin"]


def _names(
    first_name: Optional[str], middle_name: Optional[str], last_name: Optional[str], suffix: Optional[str],
    **more: Any
) -> bytes:
    """A request body with a person's names and the other members given (None left out)."""
    return _request(dict(first_name=first_name, middle_name=middle_name, last_name=last_name, suffix=suffix, **more))


class AccountAdmin(_Service):
    """The administration half of ``engine.accounts``."""

    def admin_create(
        self, actor: Ref, *, email: str, first_name: str, last_name: str, department: str,
        role: Optional[str] = None, middle_name: Optional[str] = None, suffix: Optional[str] = None
    ) -> CreatedAccount:
        """System Admin: creates an approved account without a password (role
        Employee unless given). Answers ``{"account", "set_password_token"}``:
        the token lets the new person choose a password
        (:meth:`~helpdesk.accounts.Accounts.reset_password`); the engine also
        records the mail in the outbox. Deliver it only to that person's
        address, never to the admin.

        Raises:
            PermissionDenied: the actor is not a System Admin.
            InvalidArgument: a field is invalid (see ``.fields``).
            Conflict: the email is taken.
        """
        role_text = None if role is None else str(role)
        body = _names(first_name, middle_name, last_name, suffix, email=email, department=department, role=role_text)
        return cast(CreatedAccount, self._engine._call("hd_account_admin_create", _id(actor, "actor"), body))

    def list(
        self, actor: Ref, *, role: Optional[str] = None, status: Optional[str] = None,
        department: Optional[str] = None, is_active: Optional[bool] = None,
        page: Optional[int] = None, page_size: Optional[int] = None, cursor: Optional[str] = None
    ) -> Page[Account]:
        """Staff: a page of the accounts, by id, filtered by role, approval
        status, department and whether they are active; paged as
        :meth:`~helpdesk.tickets.Tickets.list`.

        Raises:
            PermissionDenied: the actor is an employee.
            InvalidArgument: a bad filter, page size or cursor.
        """
        if is_active is not None and not isinstance(is_active, bool):
            raise TypeError("is_active must be a bool or None")
        query = _page_query(
            page,
            page_size,
            cursor,
            role=None if role is None else str(role),
            status=None if status is None else str(status),
            department=department,
            is_active=None if is_active is None else ("true" if is_active else "false"),
        )
        return Page.from_json(self._engine._call("hd_account_list", _id(actor, "actor"), query))

    def iterate(self, actor: Ref, *, page_size: int = 100, **filters: Any) -> Iterator[Account]:
        """Every account matching `filters` (those of :meth:`list`), fetched by cursor."""
        _no_paging(filters)
        yield from _follow(lambda cursor: self.list(actor, page_size=page_size, cursor=cursor, **filters))

    def update(
        self, actor: Ref, account: Ref, *, first_name: Optional[str] = None, middle_name: Optional[str] = None,
        last_name: Optional[str] = None, suffix: Optional[str] = None, department: Optional[str] = None
    ) -> Account:
        """System Admin: changes another account's names and department with
        the sign-up rules (a field not given stays; ``""`` clears the middle
        name or suffix); one history row per changed field.

        Raises:
            PermissionDenied: the actor is not a System Admin.
            NotFound: no such account.
            InvalidArgument: a field is invalid (see ``.fields``).
        """
        body = _names(first_name, middle_name, last_name, suffix, department=department)
        return self._change("hd_account_update", actor, account, body)

    def change_role(self, actor: Ref, account: Ref, role: str) -> Account:
        """System Admin: gives the account `role` (a :class:`~helpdesk.types.Role`
        or its text). Demoted to Employee, it gives its open tickets back.

        Raises:
            PermissionDenied: the actor is not a System Admin.
            InvalidArgument: not a role.
            Conflict: it would demote the last active System Admin.
        """
        return self._change("hd_account_change_role", actor, account, _text(str(role), "role"))

    def deactivate(self, actor: Ref, account: Ref) -> Account:
        """System Admin: deactivates the account: it can no longer log in or
        act, and its open assignments go back to the queue. Idempotent.

        Raises:
            PermissionDenied: the actor is not a System Admin.
            Conflict: the last active System Admin.
        """
        return self._change("hd_account_deactivate", actor, account)

    def reactivate(self, actor: Ref, account: Ref) -> Account:
        """System Admin: makes a deactivated account active again. Idempotent."""
        return self._change("hd_account_reactivate", actor, account)

    def history_page(
        self, actor: Ref, account: Ref, *, page: Optional[int] = None, page_size: Optional[int] = None,
        cursor: Optional[str] = None
    ) -> Page[AccountHistoryEntry]:
        """System Admin: a page of the account's history, oldest first.

        Raises:
            NotFound: no such account.
        """
        query = _page_query(page, page_size, cursor)
        return Page.from_json(
            self._engine._call("hd_account_history_page", _id(actor, "actor"), _id(account, "account"), query)
        )

    def iterate_history(self, actor: Ref, account: Ref, *, page_size: int = 100) -> Iterator[AccountHistoryEntry]:
        """Every history row of the account, fetched by cursor."""
        yield from _follow(lambda cursor: self.history_page(actor, account, page_size=page_size, cursor=cursor))

    def rejections(
        self, actor: Ref, *, page: Optional[int] = None, page_size: Optional[int] = None, cursor: Optional[str] = None
    ) -> Page[Rejection]:
        """System Admin: a page of the rejection audit, newest first."""
        query = _page_query(page, page_size, cursor)
        return Page.from_json(self._engine._call("hd_rejection_list", _id(actor, "actor"), query))

    def iterate_rejections(self, actor: Ref, *, page_size: int = 100) -> Iterator[Rejection]:
        """Every row of the rejection audit, fetched by cursor."""
        yield from _follow(lambda cursor: self.rejections(actor, page_size=page_size, cursor=cursor))

    def rejection_count(self, actor: Ref) -> int:
        """System Admin: the number of rows in the rejection audit."""
        return int(self._engine._call_value("hd_rejection_count", c_int64, _id(actor, "actor")))

    def _change(self, name: str, actor: Ref, account: Ref, *args: Any) -> Account:
        return cast(Account, self._engine._call(name, _id(actor, "actor"), _id(account, "account"), *args))
