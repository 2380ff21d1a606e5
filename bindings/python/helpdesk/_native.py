"""Loads the helpdesk C ABI (libhelpdesk-c) with ctypes and declares its functions.

Where the library comes from, first match wins:
1. the path in the environment variable ``HELPDESK_C_LIBRARY``;
2. a ``libhelpdesk-c.so*`` (``.dylib``, ``.dll``) next to this package, inside
   its directory or beside it;
3. the system's search (``ctypes.util.find_library("helpdesk-c")``).

The library is loaded on first use (opening an engine), not at import, so
``import helpdesk`` works without it. Its major version must match this
package's.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import glob
import json
import os
import threading
from ctypes import POINTER, c_char_p, c_int, c_int32, c_int64, c_size_t, c_uint32, c_void_p
from typing import Any, Dict, List, Optional

from .errors import HelpdeskError, error_from_code

#: The C ABI version this package was written against (``HD_VERSION_NUMBER``).
ABI_VERSION = 200
#: The library's major version must equal this one.
ABI_MAJOR = ABI_VERSION // 10000

#: Environment variable naming the library file to load.
LIBRARY_ENV = "HELPDESK_C_LIBRARY"

HD_OK = 0


class hd_engine_options(ctypes.Structure):
    """``hd_engine_options`` (version 1); filled by ``hd_engine_options_init``."""

    _fields_ = [
        ("struct_size", c_uint32),
        ("password_iterations", c_int32),
        ("blob_dir", c_char_p),
    ]


_out_str = POINTER(c_void_p)  # char** (kept as a raw pointer so it can be freed)
_engine = c_void_p  # hd_engine*

# name: (restype, argtypes); every function of include/helpdesk/c.h.
_SIGNATURES: Dict[str, Any] = {
    "hd_version_number": (c_uint32, []),
    "hd_engine_options_init": (None, [POINTER(hd_engine_options)]),
    "hd_engine_open": (c_int, [POINTER(c_void_p), c_char_p, POINTER(hd_engine_options)]),
    "hd_engine_free": (None, [_engine]),
    "hd_string_free": (None, [c_void_p]),
    "hd_error_last": (c_char_p, []),
    "hd_error_last_code": (c_int, []),
    "hd_error_last_fields": (c_char_p, []),
    "hd_error_name": (c_char_p, [c_int]),
    # accounts
    "hd_bootstrap_admin": (c_int, [_out_str, _engine, c_char_p]),
    "hd_sign_up": (c_int, [_out_str, _engine, c_char_p]),
    "hd_account_approve": (c_int, [_out_str, _engine, c_int64, c_int64]),
    "hd_account_reject": (c_int, [_out_str, _engine, c_int64, c_int64, c_char_p]),
    "hd_account_get": (c_int, [_out_str, _engine, c_int64, c_int64]),
    "hd_login": (c_int, [POINTER(c_int64), _engine, c_char_p, c_char_p, c_int]),
    # tickets
    "hd_ticket_create": (c_int, [_out_str, _engine, c_int64, c_char_p]),
    "hd_ticket_approve": (c_int, [_out_str, _engine, c_int64, c_int64, c_char_p, c_int64]),
    "hd_ticket_reject": (c_int, [_out_str, _engine, c_int64, c_int64, c_char_p, c_int64]),
    "hd_ticket_claim": (c_int, [_out_str, _engine, c_int64, c_int64, c_int64]),
    "hd_ticket_assign": (c_int, [_out_str, _engine, c_int64, c_int64, c_int64, c_int64]),
    "hd_ticket_update_status": (c_int, [_out_str, _engine, c_int64, c_int64, c_char_p, c_char_p, c_int64]),
    "hd_ticket_withdraw": (c_int, [_out_str, _engine, c_int64, c_int64, c_char_p, c_int64]),
    "hd_ticket_close": (c_int, [_out_str, _engine, c_int64, c_int64, c_char_p, c_int64]),
    "hd_ticket_reopen": (c_int, [_out_str, _engine, c_int64, c_int64, c_char_p, c_int64]),
    "hd_ticket_finalize": (c_int, [_out_str, _engine, c_int64, c_int64, c_int64]),
    "hd_ticket_comment": (c_int, [_out_str, _engine, c_int64, c_int64, c_char_p, c_int]),
    "hd_ticket_attach": (c_int, [_out_str, _engine, c_int64, c_int64, c_char_p, c_char_p, c_size_t]),
    "hd_ticket_get": (c_int, [_out_str, _engine, c_int64, c_int64]),
    "hd_ticket_list": (c_int, [_out_str, _engine, c_int64, c_char_p]),
    "hd_ticket_comments": (c_int, [_out_str, _engine, c_int64, c_int64]),
    "hd_ticket_history": (c_int, [_out_str, _engine, c_int64, c_int64]),
    "hd_ticket_comments_page": (c_int, [_out_str, _engine, c_int64, c_int64, c_char_p]),
    "hd_ticket_history_page": (c_int, [_out_str, _engine, c_int64, c_int64, c_char_p]),
    "hd_ticket_stats": (c_int, [_out_str, _engine, c_int64]),
    # since 0.2.0: account administration, profile and passwords
    "hd_account_admin_create": (c_int, [_out_str, _engine, c_int64, c_char_p]),
    "hd_account_list": (c_int, [_out_str, _engine, c_int64, c_char_p]),
    "hd_account_update": (c_int, [_out_str, _engine, c_int64, c_int64, c_char_p]),
    "hd_account_change_role": (c_int, [_out_str, _engine, c_int64, c_int64, c_char_p]),
    "hd_account_deactivate": (c_int, [_out_str, _engine, c_int64, c_int64]),
    "hd_account_reactivate": (c_int, [_out_str, _engine, c_int64, c_int64]),
    "hd_account_history_page": (c_int, [_out_str, _engine, c_int64, c_int64, c_char_p]),
    "hd_rejection_list": (c_int, [_out_str, _engine, c_int64, c_char_p]),
    "hd_rejection_count": (c_int, [POINTER(c_int64), _engine, c_int64]),
    "hd_profile_update": (c_int, [_out_str, _engine, c_int64, c_char_p]),
    "hd_password_change": (c_int, [_engine, c_int64, c_char_p, c_char_p, c_char_p]),
    "hd_password_check": (c_int, [POINTER(c_int), _engine, c_int64, c_char_p]),
    "hd_password_reset_request": (c_int, [_out_str, _engine, c_char_p]),
    "hd_password_reset": (c_int, [_engine, c_char_p, c_char_p, c_char_p]),
    # since 0.2.0: queues, editing, files
    "hd_ticket_queue": (c_int, [_out_str, _engine, c_int64, c_char_p, c_char_p]),
    "hd_ticket_edit": (c_int, [_out_str, _engine, c_int64, c_int64, c_char_p, c_int64]),
    "hd_attachment_download": (
        c_int,
        [_out_str, POINTER(c_void_p), POINTER(c_size_t), _engine, c_int64, c_int64],
    ),
    # since 0.2.0: SLA and scheduler
    "hd_ticket_reapply_sla": (c_int, [_out_str, _engine, c_int64, c_int64, c_int64]),
    "hd_sla_policy_get": (c_int, [_out_str, _engine, c_int64]),
    "hd_sla_policy_change": (c_int, [_out_str, _engine, c_int64, c_char_p]),
    "hd_scheduler_run_once": (c_int, [_out_str, _engine, c_char_p, c_int64]),
    # since 0.2.0: automatic assignment
    "hd_availability_get": (c_int, [_out_str, _engine, c_int64]),
    "hd_availability_set": (c_int, [_out_str, _engine, c_int64, c_int]),
    "hd_assignment_departments": (c_int, [_out_str, _engine, c_int64]),
    "hd_assignment_set_mode": (c_int, [_out_str, _engine, c_int64, c_char_p, c_char_p]),
    # since 0.2.0: canned replies
    "hd_canned_reply_list": (c_int, [_out_str, _engine, c_int64, c_char_p]),
    "hd_canned_reply_create": (c_int, [_out_str, _engine, c_int64, c_char_p]),
    "hd_canned_reply_get": (c_int, [_out_str, _engine, c_int64, c_int64]),
    "hd_canned_reply_update": (c_int, [_out_str, _engine, c_int64, c_int64, c_char_p, c_int64]),
    "hd_canned_reply_delete": (c_int, [_engine, c_int64, c_int64, c_int64]),
    "hd_canned_reply_render": (c_int, [_out_str, _engine, c_int64, c_int64, c_int64]),
    # since 0.2.0: operations
    "hd_api_key_list": (c_int, [_out_str, _engine, c_int64, c_char_p]),
    "hd_api_key_create": (c_int, [_out_str, _engine, c_int64, c_char_p]),
    "hd_api_key_revoke": (c_int, [_out_str, _engine, c_int64, c_int64]),
    "hd_outbox_dead_list": (c_int, [_out_str, _engine, c_int64, c_char_p]),
    "hd_outbox_requeue": (c_int, [_out_str, _engine, c_int64, c_int64]),
}


def _candidates() -> List[str]:
    explicit = os.environ.get(LIBRARY_ENV)
    if explicit:
        return [explicit]
    here = os.path.dirname(os.path.abspath(__file__))
    found: List[str] = []
    for directory in (here, os.path.dirname(here)):
        for pattern in ("libhelpdesk-c.so", "libhelpdesk-c.so.*", "libhelpdesk-c*.dylib", "helpdesk-c.dll"):
            found.extend(sorted(glob.glob(os.path.join(directory, pattern))))
    system = ctypes.util.find_library("helpdesk-c")
    if system:
        found.append(system)
    return found


def _load() -> ctypes.CDLL:
    candidates = _candidates()
    if not candidates:
        raise ImportError(
            "helpdesk: the C library libhelpdesk-c was not found; set "
            f"{LIBRARY_ENV} to its path, put it next to the helpdesk package, or install it"
        )
    errors: List[str] = []
    for path in candidates:
        try:
            lib = ctypes.CDLL(path)
            break
        except OSError as e:
            errors.append(f"{path}: {e}")
    else:
        raise ImportError("helpdesk: cannot load the C library: " + "; ".join(errors))
    for name, (restype, argtypes) in _SIGNATURES.items():
        try:
            fn = getattr(lib, name)
        except AttributeError:
            raise ImportError(f"helpdesk: {path} does not export {name}; is it libhelpdesk-c?") from None
        fn.restype = restype
        fn.argtypes = argtypes
    version = int(lib.hd_version_number())
    if version // 10000 != ABI_MAJOR:
        raise ImportError(
            f"helpdesk: {path} is version {format_version(version)}, this package needs "
            f"{ABI_MAJOR}.x (built against {format_version(ABI_VERSION)})"
        )
    return lib


_lock = threading.Lock()
_lib: Optional[ctypes.CDLL] = None


def library() -> ctypes.CDLL:
    """The loaded C library (loaded once, thread-safely). Raises ImportError
    when it cannot be found, loaded, or is of another major version."""
    global _lib
    if _lib is None:
        with _lock:
            if _lib is None:
                _lib = _load()
    return _lib


def format_version(number: int) -> str:
    """``major * 10000 + minor * 100 + patch`` as ``"major.minor.patch"``."""
    return f"{number // 10000}.{number // 100 % 100}.{number % 100}"


def last_error(code: int) -> HelpdeskError:
    """The exception for a failed call that returned `code`, built from this
    thread's ``hd_error_last*`` (call it right after the failed call, on the
    same thread)."""
    lib = library()
    raw_message = lib.hd_error_last()
    message = raw_message.decode("utf-8", "replace") if raw_message else ""
    raw_name = lib.hd_error_name(code)
    name = raw_name.decode("utf-8", "replace") if raw_name else None
    raw_fields = lib.hd_error_last_fields()
    fields: Dict[str, List[str]] = {}
    if raw_fields:
        try:
            parsed = json.loads(raw_fields.decode("utf-8", "replace"))
        except ValueError:
            parsed = {}
        if isinstance(parsed, dict):
            for key, value in parsed.items():
                fields[str(key)] = [str(v) for v in value] if isinstance(value, list) else [str(value)]
    return error_from_code(code, message or name or "unknown error", name=name, fields=fields)


def take_string(lib: ctypes.CDLL, pointer: c_void_p) -> str:
    """Copies a library-owned ``char*`` into a Python str and frees it (even
    when decoding fails)."""
    try:
        if not pointer.value:
            raise error_from_code(-12, "the library returned success but no result")
        return ctypes.string_at(pointer.value).decode("utf-8")
    finally:
        lib.hd_string_free(pointer)
