"""Operations for System Admins: the workflow API keys (``engine.api_keys``)
and the outbox's dead events (``engine.outbox``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, Optional, cast

from ._arguments import Ref, _id, _text
from ._paging import _follow, _page_query
from .types import ApiKey, NewApiKey, OutboxEvent, Page

if TYPE_CHECKING:
    from .engine import Engine

__all__ = ["ApiKeys", "Outbox"]


class ApiKeys:
    """The keys the external workflow uses to report ticket status (``engine.api_keys``)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def list(
        self,
        actor: Ref,
        *,
        page: Optional[int] = None,
        page_size: Optional[int] = None,
        cursor: Optional[str] = None,
    ) -> Page[ApiKey]:
        """System Admin: a page of the keys, revoked ones included, oldest
        first; only each key's ``prefix`` is shown."""
        query = _page_query(page, page_size, cursor)
        return Page.from_json(self._engine._call("hd_api_key_list", _id(actor, "actor"), query))

    def iterate(self, actor: Ref, *, page_size: int = 100) -> Iterator[ApiKey]:
        """Every key, fetched by cursor."""
        yield from _follow(lambda cursor: self.list(actor, page_size=page_size, cursor=cursor))

    def create(self, actor: Ref, name: str) -> NewApiKey:
        """System Admin: makes a key. Its text, in ``key``, is returned this
        once only (the engine keeps its hash): hand it to the system that will
        use it, never log it.

        Raises:
            InvalidArgument: a bad name.
        """
        return cast(NewApiKey, self._engine._call("hd_api_key_create", _id(actor, "actor"), _text(name, "name")))

    def revoke(self, actor: Ref, key: Ref) -> ApiKey:
        """System Admin: revokes a key from now on (idempotent); answers its record."""
        return cast(ApiKey, self._engine._call("hd_api_key_revoke", _id(actor, "actor"), _id(key, "key")))


class Outbox:
    """The outbox's events its channels gave up on (``engine.outbox``)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def dead(
        self,
        actor: Ref,
        *,
        page: Optional[int] = None,
        page_size: Optional[int] = None,
        cursor: Optional[str] = None,
    ) -> Page[OutboxEvent]:
        """System Admin: a page of the dead events, newest first."""
        query = _page_query(page, page_size, cursor)
        return Page.from_json(self._engine._call("hd_outbox_dead_list", _id(actor, "actor"), query))

    def iterate_dead(self, actor: Ref, *, page_size: int = 100) -> Iterator[OutboxEvent]:
        """Every dead event, fetched by cursor."""
        yield from _follow(lambda cursor: self.dead(actor, page_size=page_size, cursor=cursor))

    def requeue(self, actor: Ref, event: Ref) -> OutboxEvent:
        """System Admin: puts a dead event back in the queue, due now.

        Raises:
            InvalidState: the event is not dead.
        """
        return cast(OutboxEvent, self._engine._call("hd_outbox_requeue", _id(actor, "actor"), _id(event, "event")))
