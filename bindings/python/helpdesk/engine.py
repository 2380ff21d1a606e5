"""The engine: one store, its accounts and its tickets, through the C ABI.

``Engine.open(url)`` opens (and migrates) a store and returns an engine;
``engine.accounts`` and ``engine.tickets`` carry the services. Results are
dicts parsed from the C ABI's JSON (the HTTP API's shapes, described by the
``TypedDict`` classes of :mod:`helpdesk.types`); a ticket list is a
:class:`~helpdesk.types.Page`. Failures raise the
:class:`~helpdesk.errors.HelpdeskError` subclass of the engine's error code.

Wherever an account or a ticket is expected (``actor``, ``account``,
``ticket``, ``assignee``, ...), pass its id or the dict the engine returned
for it. ``expected_version``, when given, makes a change fail with
:class:`~helpdesk.errors.PreconditionFailed` if the ticket's version moved on.

Thread-safety: one engine may be used from any number of threads at once.
:meth:`Engine.close` waits for the calls in flight, then frees the engine;
calls after it raise :class:`~helpdesk.errors.EngineClosed`.
"""

from __future__ import annotations

import ctypes
import datetime
import json
import os
import re
import threading
from ctypes import byref, c_int64, c_void_p
from types import TracebackType
from typing import Any, Callable, Iterable, Iterator, List, Mapping, Optional, Type, Union, cast

from . import _native
from .errors import EngineClosed
from .types import Account, Comment, Attachment, HistoryEvent, Page, Rejection, Stats, Ticket, TicketDetails

__all__ = ["Engine", "Accounts", "Tickets", "Ref"]

#: An account or a ticket: its id, or the dict the engine returned for it.
Ref = Union[int, Mapping[str, Any]]

PathLike = Union[str, "os.PathLike[str]"]


def _id(value: Ref, what: str) -> int:
    if isinstance(value, bool):
        raise TypeError(f"{what} must be an id or a dict with an 'id', not a bool")
    if isinstance(value, int):
        return value
    if isinstance(value, Mapping):
        found = value.get("id")
        if isinstance(found, int) and not isinstance(found, bool):
            return found
        raise TypeError(f"{what} is a mapping without an integer 'id'")
    raise TypeError(f"{what} must be an id or a dict with an 'id', not {type(value).__name__}")


def _text(value: Optional[str], what: str) -> Optional[bytes]:
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str, not {type(value).__name__}")
    return value.encode("utf-8")


def _version(expected_version: Optional[int]) -> int:
    if expected_version is None:
        return 0
    if isinstance(expected_version, bool) or not isinstance(expected_version, int):
        raise TypeError("expected_version must be an int or None")
    if expected_version <= 0:
        raise ValueError("expected_version must be positive (None means: do not check)")
    return expected_version


def _redacted(url: str) -> str:
    """The URL with any password replaced, for display."""
    return re.sub(r"(//[^/@:]*:)[^/@]*@", r"\1***@", url)


def _request(fields: Mapping[str, Any]) -> bytes:
    """A JSON request body from the fields that were given (None left out)."""
    body = {k: v for k, v in fields.items() if v is not None}
    return json.dumps(body, ensure_ascii=False, default=str).encode("utf-8")


class _Gate:
    """Counts the calls in flight so close() frees the handle only when none is running."""

    def __init__(self) -> None:
        self._cond = threading.Condition(threading.Lock())
        self._active = 0
        self._closed = False

    def enter(self) -> None:
        with self._cond:
            if self._closed:
                raise EngineClosed("the engine is closed")
            self._active += 1

    def leave(self) -> None:
        with self._cond:
            self._active -= 1
            if self._active == 0:
                self._cond.notify_all()

    def close(self) -> bool:
        """Marks closed and waits for the calls in flight; False if already closed."""
        with self._cond:
            if self._closed:
                return False
            self._closed = True
            while self._active:
                self._cond.wait()
            return True

    @property
    def closed(self) -> bool:
        with self._cond:
            return self._closed


class Engine:
    """A help-desk engine over one store. Create it with :meth:`open`; use it
    as a context manager or call :meth:`close` when done."""

    def __init__(self, lib: ctypes.CDLL, handle: c_void_p, url: str) -> None:
        """Wraps an opened handle; use :meth:`Engine.open` instead."""
        self._lib = lib
        self._handle = handle
        self._url = url
        self._gate = _Gate()
        #: Account services: sign-up, approval, login checks.
        self.accounts = Accounts(self)
        #: Ticket services: the lifecycle of spec §2, comments, files, lists.
        self.tickets = Tickets(self)

    @classmethod
    def open(
        cls,
        url: str,
        password_iterations: Optional[int] = None,
        blob_dir: Optional[PathLike] = None,
    ) -> "Engine":
        """Opens the store at `url` (``sqlite:///abs.db``, ``sqlite://rel.db``,
        ``sqlite::memory:``, ``postgresql://user@host:port/db``), applying its
        migrations.

        Args:
            password_iterations: PBKDF2 iterations for new password hashes
                (None: the engine's default, 600,000).
            blob_dir: directory for attachment bytes (None: kept in memory).

        Raises:
            InvalidArgument: a malformed URL or option.
            StorageUnavailable: the store cannot be opened or reached.
            ImportError: the C library cannot be found or loaded.
        """
        if not isinstance(url, str):
            raise TypeError(f"url must be a str, not {type(url).__name__}")
        lib = _native.library()
        options = _native.hd_engine_options()
        lib.hd_engine_options_init(byref(options))
        if password_iterations is not None:
            if isinstance(password_iterations, bool) or not isinstance(password_iterations, int):
                raise TypeError("password_iterations must be an int or None")
            if not 0 < password_iterations < 2**31:
                raise ValueError("password_iterations must be between 1 and 2**31 - 1")
            options.password_iterations = password_iterations
        if blob_dir is not None:
            options.blob_dir = os.fsencode(blob_dir)
        handle = c_void_p()
        rc = lib.hd_engine_open(byref(handle), url.encode("utf-8"), byref(options))
        if rc != _native.HD_OK:
            raise _native.last_error(rc)
        return cls(lib, handle, url)

    @property
    def closed(self) -> bool:
        """True once :meth:`close` was called."""
        return self._gate.closed

    @property
    def url(self) -> str:
        """The store URL the engine was opened with, as given (it may hold a password)."""
        return self._url

    def close(self) -> None:
        """Frees the engine after the calls in flight have returned. Idempotent."""
        if self._gate.close():
            handle, self._handle = self._handle, c_void_p()
            self._lib.hd_engine_free(handle)

    def __enter__(self) -> "Engine":
        return self

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.close()

    def __del__(self) -> None:
        # An engine dropped without close() still frees its handle; the gate
        # may be missing if __init__ never ran to the end.
        gate = getattr(self, "_gate", None)
        if gate is not None and not gate.closed:
            try:
                self.close()
            except Exception:  # noqa: BLE001 - nothing can be reported from __del__
                pass

    def __repr__(self) -> str:
        state = "closed" if self.closed else "open"
        return f"<helpdesk.Engine {_redacted(self._url)!r} {state}>"

    # -- calls ---------------------------------------------------------------

    def _call(self, name: str, *args: Any) -> Any:
        """Calls ``name(&out, engine, *args)`` and returns its JSON result parsed."""
        fn: Callable[..., int] = getattr(self._lib, name)
        out = c_void_p()
        self._gate.enter()
        try:
            rc = fn(byref(out), self._handle, *args)
            if rc != _native.HD_OK:
                # The message is thread-local: read it before anything else calls in.
                error = _native.last_error(rc)
                self._lib.hd_string_free(out)
                raise error
        finally:
            self._gate.leave()
        return json.loads(_native.take_string(self._lib, out))

    def _login(self, email: bytes, password: bytes, staff: bool) -> int:
        out = c_int64(0)
        self._gate.enter()
        try:
            rc = self._lib.hd_login(byref(out), self._handle, email, password, 1 if staff else 0)
            if rc != _native.HD_OK:
                raise _native.last_error(rc)
        finally:
            self._gate.leave()
        return int(out.value)


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


class Tickets:
    """The engine's ticket services (``engine.tickets``)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def create(
        self,
        actor: Ref,
        *,
        subject: str,
        category: str,
        sub_category: str,
        description: str,
        scheduled_date: Union[str, datetime.date, None] = None,
    ) -> TicketDetails:
        """Raises a ticket (New) as the actor, who becomes its owner.

        Raises:
            InvalidArgument: a field is invalid (see ``.fields``).
            PermissionDenied: the actor is not an approved account.
        """
        if isinstance(scheduled_date, datetime.date):
            scheduled_date = scheduled_date.isoformat()
        body = _request(
            {
                "subject": subject,
                "category": category,
                "sub_category": sub_category,
                "description": description,
                "scheduled_date": scheduled_date,
            }
        )
        return cast(TicketDetails, self._engine._call("hd_ticket_create", _id(actor, "actor"), body))

    def approve(
        self,
        actor: Ref,
        ticket: Ref,
        *,
        priority: str,
        department: str,
        approval_notes: Optional[str] = None,
        expected_version: Optional[int] = None,
    ) -> TicketDetails:
        """Staff: New → Open with a priority and a department; the notes are
        kept as an internal comment."""
        body = _request({"priority": priority, "department": department, "approval_notes": approval_notes})
        return self._act("hd_ticket_approve", actor, ticket, body, _version(expected_version))

    def reject(self, actor: Ref, ticket: Ref, reason: str, *, expected_version: Optional[int] = None) -> TicketDetails:
        """Staff: New → Rejected with a reason."""
        return self._act("hd_ticket_reject", actor, ticket, _text(reason, "reason"), _version(expected_version))

    def claim(self, actor: Ref, ticket: Ref, *, expected_version: Optional[int] = None) -> TicketDetails:
        """Staff: takes an Open ticket (In Progress, assigned to the actor)."""
        return self._act("hd_ticket_claim", actor, ticket, _version(expected_version))

    def assign(
        self, actor: Ref, ticket: Ref, assignee: Ref, *, expected_version: Optional[int] = None
    ) -> TicketDetails:
        """Staff: assigns the ticket to a staff account (Open becomes In Progress)."""
        return self._act("hd_ticket_assign", actor, ticket, _id(assignee, "assignee"), _version(expected_version))

    def update_status(
        self,
        actor: Ref,
        ticket: Ref,
        status: str,
        note: Optional[str] = None,
        *,
        expected_version: Optional[int] = None,
    ) -> TicketDetails:
        """Staff: moves the ticket to `status` (a :class:`~helpdesk.types.Status`
        or its text) along an edge of spec §2, with an optional public note."""
        return self._act(
            "hd_ticket_update_status",
            actor,
            ticket,
            _text(str(status), "status"),
            _text(note, "note"),
            _version(expected_version),
        )

    def withdraw(
        self, actor: Ref, ticket: Ref, note: Optional[str] = None, *, expected_version: Optional[int] = None
    ) -> TicketDetails:
        """Owner: withdraws the ticket (from New, Open, In Progress, On Hold or Pending)."""
        return self._act("hd_ticket_withdraw", actor, ticket, _text(note, "note"), _version(expected_version))

    def close(
        self, actor: Ref, ticket: Ref, note: Optional[str] = None, *, expected_version: Optional[int] = None
    ) -> TicketDetails:
        """Owner: closes a Resolved ticket."""
        return self._act("hd_ticket_close", actor, ticket, _text(note, "note"), _version(expected_version))

    def reopen(
        self, actor: Ref, ticket: Ref, note: str, *, expected_version: Optional[int] = None
    ) -> TicketDetails:
        """Owner: reopens a Resolved ticket (In Progress); the note is required."""
        return self._act("hd_ticket_reopen", actor, ticket, _text(note, "note"), _version(expected_version))

    def finalize(self, actor: Ref, ticket: Ref, *, expected_version: Optional[int] = None) -> TicketDetails:
        """Staff: hands an Open or In Progress ticket to the external workflow (idempotent)."""
        return self._act("hd_ticket_finalize", actor, ticket, _version(expected_version))

    def comment(self, actor: Ref, ticket: Ref, text: str, *, internal: bool = False) -> Comment:
        """Adds a comment; ``internal=True`` (staff only) hides it from employees.
        The owner's comment on a Pending ticket moves it back to In Progress."""
        return cast(
            Comment,
            self._engine._call(
                "hd_ticket_comment",
                _id(actor, "actor"),
                _id(ticket, "ticket"),
                _text(text, "text"),
                1 if internal else 0,
            ),
        )

    def attach(self, actor: Ref, ticket: Ref, file_name: str, data: bytes) -> Attachment:
        """Adds a file; its type is sniffed from `data`, not from `file_name`.

        Raises:
            PayloadTooLarge: over the size limit, or too many files.
            UnsupportedMediaType: content of a type not accepted.
        """
        payload = bytes(data)
        return cast(
            Attachment,
            self._engine._call(
                "hd_ticket_attach",
                _id(actor, "actor"),
                _id(ticket, "ticket"),
                _text(file_name, "file_name"),
                payload,
                len(payload),
            ),
        )

    def get(self, actor: Ref, ticket: Ref) -> TicketDetails:
        """A ticket with its people, attachments and the comments the actor may read.

        Raises:
            NotFound: absent, or another employee's ticket.
        """
        return cast(TicketDetails, self._engine._call("hd_ticket_get", _id(actor, "actor"), _id(ticket, "ticket")))

    def list(
        self,
        actor: Ref,
        *,
        status: Union[str, Iterable[str], None] = None,
        priority: Optional[str] = None,
        department: Optional[str] = None,
        category: Optional[str] = None,
        sub_category: Optional[str] = None,
        assigned_to: Optional[Ref] = None,
        employee: Optional[Ref] = None,
        search: Optional[str] = None,
        ordering: Optional[str] = None,
        page: Optional[int] = None,
        page_size: Optional[int] = None,
        cursor: Optional[str] = None,
    ) -> Page:
        """A page of the tickets the actor may see (their own for employees).

        `status` is one status or several; `ordering` is ``submit_date``,
        ``update_date`` or ``priority``, ``-`` first for descending (default
        ``-submit_date``). Pages are numbered (`page`, 1-based, with a
        ``count``) or keyset: ``cursor=""`` starts, and each page's
        ``next_cursor`` gives the next one.

        Raises:
            InvalidArgument: a bad filter, page size (1..100) or cursor.
        """
        statuses: Optional[List[str]]
        if status is None:
            statuses = None
        elif isinstance(status, str):
            statuses = [str(status)]
        else:
            statuses = [str(s) for s in status]
        query = _request(
            {
                "status": statuses,
                "priority": priority,
                "department": department,
                "category": category,
                "sub_category": sub_category,
                "assigned_to": None if assigned_to is None else _id(assigned_to, "assigned_to"),
                "employee": None if employee is None else _id(employee, "employee"),
                "search": search,
                "ordering": ordering,
                "page": page,
                "page_size": page_size,
                "cursor": cursor,
            }
        )
        return Page.from_json(self._engine._call("hd_ticket_list", _id(actor, "actor"), query))

    def iterate(self, actor: Ref, *, page_size: int = 100, **filters: Any) -> Iterator[Ticket]:
        """Every ticket the actor may see that matches `filters` (those of
        :meth:`list`), fetched `page_size` at a time with cursors."""
        if "cursor" in filters or "page" in filters:
            raise TypeError("iterate() pages by itself; do not pass cursor or page")
        cursor = ""
        while True:
            page = self.list(actor, page_size=page_size, cursor=cursor, **filters)
            yield from page.results
            if not page.next_cursor:
                return
            cursor = page.next_cursor

    def comments(self, actor: Ref, ticket: Ref) -> List[Comment]:
        """The comments of a ticket the actor may read, oldest first."""
        return cast(
            List[Comment], self._engine._call("hd_ticket_comments", _id(actor, "actor"), _id(ticket, "ticket"))
        )

    def history(self, actor: Ref, ticket: Ref) -> List[HistoryEvent]:
        """The changes to a ticket the actor may see, in order (internal ones
        only for staff)."""
        return cast(
            List[HistoryEvent], self._engine._call("hd_ticket_history", _id(actor, "actor"), _id(ticket, "ticket"))
        )

    def stats(self, actor: Ref) -> Stats:
        """Ticket counts by status, priority and department (all tickets for
        staff, their own for employees)."""
        return cast(Stats, self._engine._call("hd_ticket_stats", _id(actor, "actor")))

    def _act(self, name: str, actor: Ref, ticket: Ref, *args: Any) -> TicketDetails:
        return cast(TicketDetails, self._engine._call(name, _id(actor, "actor"), _id(ticket, "ticket"), *args))

