"""What the engine's services have in common: the engine they call, and
for those with one list for an actor, that list and its walk by cursor."""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, Iterator, Optional, TypeVar

from ._arguments import Ref, _id
from ._paging import _follow, _page_query
from .types import Page

if TYPE_CHECKING:
    from .engine import Engine

_Row = TypeVar("_Row")


class _Service:
    """A service of an engine (``engine.accounts``, ``engine.sla``, ...)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine


class _Listed(_Service, Generic[_Row]):
    """A service with one list of rows an actor reads (``_list_function``, a
    C function taking ``actor`` and ``query_json``)."""

    _list_function = ""

    def list(
        self, actor: Ref, *, page: Optional[int] = None, page_size: Optional[int] = None, cursor: Optional[str] = None
    ) -> Page[_Row]:
        """A page of the list; numbered (`page`, 1-based, with a ``count``) or
        by cursor (``cursor=""`` first, then each page's ``next_cursor``);
        `page_size` 1 to 100 (default 20).

        Raises:
            InvalidArgument: a bad page, page size or cursor.
        """
        query = _page_query(page, page_size, cursor)
        return Page.from_json(self._engine._call(self._list_function, _id(actor, "actor"), query))

    def iterate(self, actor: Ref, *, page_size: int = 100) -> Iterator[_Row]:
        """Every row of :meth:`list`, fetched `page_size` at a time with cursors."""
        yield from _follow(lambda cursor: self.list(actor, page_size=page_size, cursor=cursor))
