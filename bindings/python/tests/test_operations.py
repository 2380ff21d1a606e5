"""Operations through the package: the workflow API keys and the outbox's dead events."""

from __future__ import annotations

import pytest

import helpdesk


def test_api_keys_are_created_listed_and_revoked(engine: helpdesk.Engine, admin: helpdesk.Account) -> None:
    made = engine.api_keys.create(admin, "workflow runner")
    key = made["key"]
    assert key.startswith(made["prefix"])
    assert len(key) > len(made["prefix"])
    assert made["name"] == "workflow runner"
    assert made["created_by"] == admin["id"]
    assert made["revoked_at"] is None

    other = engine.api_keys.create(admin, "backup runner")
    assert other["key"] != key
    page = engine.api_keys.list(admin)
    assert [k["id"] for k in page] == [made["id"], other["id"]]  # oldest first
    assert all("key" not in k for k in page)  # the key itself is shown once only
    assert [k["id"] for k in engine.api_keys.iterate(admin, page_size=1)] == [made["id"], other["id"]]

    revoked = engine.api_keys.revoke(admin, made)
    assert revoked["id"] == made["id"]
    assert revoked["revoked_at"] is not None
    assert "key" not in revoked
    again = engine.api_keys.revoke(admin, made["id"])  # idempotent
    assert again["revoked_at"] == revoked["revoked_at"]
    assert engine.api_keys.list(admin, page=1).results[0]["revoked_at"] == revoked["revoked_at"]


def test_api_keys_are_for_system_admins(engine: helpdesk.Engine, admin: helpdesk.Account,
                                        coordinator: helpdesk.Account) -> None:
    with pytest.raises(helpdesk.PermissionDenied) as refused:
        engine.api_keys.create(coordinator, "mine")
    assert refused.value.code == -3
    with pytest.raises(helpdesk.PermissionDenied):
        engine.api_keys.list(coordinator)
    made = engine.api_keys.create(admin, "runner")
    with pytest.raises(helpdesk.PermissionDenied):
        engine.api_keys.revoke(coordinator, made)
    with pytest.raises(helpdesk.NotFound):
        engine.api_keys.revoke(admin, 987654)
    with pytest.raises(helpdesk.InvalidArgument) as bad:
        engine.api_keys.create(admin, "")
    assert "name" in bad.value.fields


def test_the_dead_outbox_list_and_requeue(engine: helpdesk.Engine, admin: helpdesk.Account,
                                          employee: helpdesk.Account) -> None:
    # The reset request writes its mail to the outbox; nothing has failed to deliver it.
    assert engine.accounts.request_password_reset("erin@example.com")
    dead = engine.outbox.list(admin)
    assert dead.count == 0
    assert dead.results == []
    assert list(engine.outbox.iterate(admin)) == []
    with pytest.raises(helpdesk.InvalidState) as not_dead:
        engine.outbox.requeue(admin, 1)
    assert not_dead.value.code == -5
    with pytest.raises(helpdesk.NotFound):
        engine.outbox.requeue(admin, 987654)
    with pytest.raises(helpdesk.PermissionDenied):
        engine.outbox.list(employee)
    with pytest.raises(helpdesk.PermissionDenied):
        engine.outbox.requeue(employee, 1)
    with pytest.raises(helpdesk.InvalidArgument) as bad:
        engine.outbox.list(admin, page_size=1000)
    assert "page_size" in bad.value.fields
