"""The arguments of the engine's calls, checked and encoded for the C ABI.

An account or a ticket is given as its id or as the dict the engine returned
for it (:data:`Ref`); texts go to the library as UTF-8, request bodies as JSON
with the fields that were not given left out.
"""

from __future__ import annotations

import datetime
import json
import os
import re
from typing import Any, Mapping, Optional, Union

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


def _instant(value: Union[str, datetime.date, None], what: str, dates: bool = True) -> Optional[str]:
    """An instant as RFC 3339 text: a str as it is, an aware datetime, or (with
    `dates`) a date, ``YYYY-MM-DD``; a naive datetime is refused, since its
    zone is unknown."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"{what} must be a timezone-aware datetime (or RFC 3339 text)")
        return value.isoformat()
    if dates and isinstance(value, datetime.date):
        return value.isoformat()
    kinds = "a str, a datetime or a date" if dates else "a str or a datetime"
    raise TypeError(f"{what} must be {kinds}, not {type(value).__name__}")


def _json(body: Mapping[str, Any]) -> bytes:
    """`body` as JSON text in UTF-8 (None written as null); enumerations as their text."""
    return json.dumps(body, ensure_ascii=False, default=str).encode("utf-8")


def _request(fields: Mapping[str, Any]) -> bytes:
    """A JSON request body from the fields that were given (None left out)."""
    return _json({k: v for k, v in fields.items() if v is not None})
