"""Operations for System Admins: the workflow API keys (``engine.api_keys``)
and the outbox's dead events (``engine.outbox``).
"""

from __future__ import annotations

from typing import cast

from ._arguments import Ref, _id, _text
from ._service import _Listed
from .types import ApiKey, NewApiKey, OutboxEvent

__all__ = ["ApiKeys", "Outbox"]


class ApiKeys(_Listed[ApiKey]):
    """The keys the external workflow uses to report ticket status
    (``engine.api_keys``), System Admins only. ``list`` and ``iterate`` give
    every key, revoked ones included, oldest first, each with only its first
    characters (``prefix``)."""

    _list_function = "hd_api_key_list"

    def create(self, actor: Ref, name: str) -> NewApiKey:
        """Makes a key. Its text, in ``key``, is returned this once only (the
        engine keeps its hash): hand it to the system that will use it, never
        log it.

        Raises:
            InvalidArgument: a bad name.
        """
        return cast(NewApiKey, self._engine._call("hd_api_key_create", _id(actor, "actor"), _text(name, "name")))

    def revoke(self, actor: Ref, key: Ref) -> ApiKey:
        """Revokes a key from now on (idempotent); answers its record."""
        return cast(ApiKey, self._engine._call("hd_api_key_revoke", _id(actor, "actor"), _id(key, "key")))


class Outbox(_Listed[OutboxEvent]):
    """The outbox's dead events, those its channels gave up on
    (``engine.outbox``), System Admins only. ``list`` and ``iterate`` give
    them newest first."""

    _list_function = "hd_outbox_dead_list"

    def requeue(self, actor: Ref, event: Ref) -> OutboxEvent:
        """Puts a dead event back in the queue, due now.

        Raises:
            InvalidState: the event is not dead.
        """
        return cast(OutboxEvent, self._engine._call("hd_outbox_requeue", _id(actor, "actor"), _id(event, "event")))
