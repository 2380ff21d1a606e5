"""Paging shared by every list: the query of one page, and walking a whole
list by cursor."""

from __future__ import annotations

from typing import Any, Callable, Iterator, Mapping, Optional, TypeVar

from ._arguments import _request
from .types import Page

_Row = TypeVar("_Row")


def _page_query(
    page: Optional[int], page_size: Optional[int], cursor: Optional[str], **filters: Any
) -> bytes:
    """The ``query_json`` of a list call: the filters given and the page or cursor."""
    fields: Mapping[str, Any] = dict(filters, page=page, page_size=page_size, cursor=cursor)
    return _request(fields)


def _follow(fetch: Callable[[str], Page[_Row]]) -> Iterator[_Row]:
    """Every row of a list, fetching page after page by cursor (``""`` first)."""
    cursor = ""
    while True:
        page = fetch(cursor)
        yield from page.results
        if not page.next_cursor:
            return
        cursor = page.next_cursor


def _no_paging(filters: Mapping[str, Any]) -> None:
    """Refuses ``cursor`` and ``page`` in the filters of an ``iterate*`` call."""
    if "cursor" in filters or "page" in filters:
        raise TypeError("iterate() pages by itself; do not pass cursor or page")
