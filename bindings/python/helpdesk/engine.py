"""The engine: one store and its services, through the C ABI.

``Engine.open(url)`` opens (and migrates) a store and returns an engine;
``engine.accounts``, ``engine.tickets``, ``engine.sla``, ``engine.scheduler``,
``engine.assignment``, ``engine.canned_replies``, ``engine.api_keys`` and
``engine.outbox`` carry the services. Results are
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
import json
import os
import threading
from ctypes import byref, c_int64, c_size_t, c_void_p
from types import TracebackType
from typing import Any, Callable, Optional, Tuple, Type

from . import _native
from ._arguments import PathLike, Ref, _redacted
from .accounts import Accounts
from .assignment import Assignment
from .canned_replies import CannedReplies
from .errors import EngineClosed
from .operations import ApiKeys, Outbox
from .sla import Scheduler, Sla
from .tickets import Tickets

__all__ = ["Engine", "Accounts", "Tickets", "Ref"]


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
        #: Account services: sign-up, approval, login checks, passwords, administration.
        self.accounts = Accounts(self)
        #: Ticket services: the ticket lifecycle, editing, comments, files, lists, queues.
        self.tickets = Tickets(self)
        #: The SLA policy and re-measuring a ticket.
        self.sla = Sla(self)
        #: The time-driven work: SLA notices, automatic closing, reminders.
        self.scheduler = Scheduler(self)
        #: Availability and the departments' automatic assignment modes.
        self.assignment = Assignment(self)
        #: The staff's canned replies.
        self.canned_replies = CannedReplies(self)
        #: The workflow API keys.
        self.api_keys = ApiKeys(self)
        #: The outbox's dead events.
        self.outbox = Outbox(self)

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

    def _call_status(self, name: str, *args: Any) -> None:
        """Calls ``name(engine, *args)``, a function with no output."""
        fn: Callable[..., int] = getattr(self._lib, name)
        self._gate.enter()
        try:
            rc = fn(self._handle, *args)
            if rc != _native.HD_OK:
                raise _native.last_error(rc)
        finally:
            self._gate.leave()

    def _call_value(self, name: str, value_type: Type[Any], *args: Any) -> Any:
        """Calls ``name(&out, engine, *args)`` for a number output (``c_int64``,
        ``c_int``) and returns its value."""
        fn: Callable[..., int] = getattr(self._lib, name)
        out = value_type(0)
        self._gate.enter()
        try:
            rc = fn(byref(out), self._handle, *args)
            if rc != _native.HD_OK:
                raise _native.last_error(rc)
        finally:
            self._gate.leave()
        return out.value

    def _download(self, name: str, *args: Any) -> Tuple[Any, bytes]:
        """Calls ``name(&meta, &data, &size, engine, *args)`` and returns the
        parsed meta JSON and a copy of the bytes (both freed in the library)."""
        fn: Callable[..., int] = getattr(self._lib, name)
        meta = c_void_p()
        data = c_void_p()
        size = c_size_t(0)
        self._gate.enter()
        try:
            rc = fn(byref(meta), byref(data), byref(size), self._handle, *args)
            if rc != _native.HD_OK:
                error = _native.last_error(rc)
                self._lib.hd_string_free(meta)
                self._lib.hd_string_free(data)
                raise error
        finally:
            self._gate.leave()
        try:
            payload = ctypes.string_at(data.value, size.value) if data.value and size.value else b""
        finally:
            self._lib.hd_string_free(data)
            text = _native.take_string(self._lib, meta)
        return json.loads(text), payload

    def _login(self, email: bytes, password: bytes, staff: bool) -> int:
        return int(self._call_value("hd_login", c_int64, email, password, 1 if staff else 0))
