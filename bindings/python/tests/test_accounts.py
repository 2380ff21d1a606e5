"""Accounts through the package: bootstrap, sign-up, approval, rejection,
login checks, and their refusals as the right exception classes."""

from __future__ import annotations

import pytest

import helpdesk
from conftest import PASSWORD, person


def test_bootstrap_admin_is_an_approved_system_admin(engine: helpdesk.Engine) -> None:
    admin = engine.accounts.bootstrap_admin(**person("Ada", "Admin", email="admin@example.com"))
    assert admin["role"] == helpdesk.Role.SYSTEM_ADMIN
    assert admin["status"] == helpdesk.AccountStatus.APPROVED
    assert admin["email"] == "admin@example.com"
    assert admin["company_id"].startswith("MA")
    assert isinstance(admin["id"], int)
    assert engine.accounts.login("admin@example.com", PASSWORD, staff=True) == admin["id"]


def test_a_second_bootstrap_is_a_conflict(engine: helpdesk.Engine, admin: helpdesk.Account) -> None:
    with pytest.raises(helpdesk.Conflict) as refused:
        engine.accounts.bootstrap_admin(**person("Bob", "Admin"))
    assert refused.value.code == -6
    assert refused.value.name == "conflict"


def test_sign_up_is_pending_until_approved(engine: helpdesk.Engine, admin: helpdesk.Account) -> None:
    erin = engine.accounts.sign_up(**person("Erin", "Employee", email="erin@example.com"))
    assert erin["role"] == "Employee"
    assert erin["status"] == "Pending"

    with pytest.raises(helpdesk.PermissionDenied, match="pending approval"):
        engine.accounts.login("erin@example.com", PASSWORD)

    approved = engine.accounts.approve(admin, erin)
    assert approved["id"] == erin["id"]
    assert approved["status"] == "Approved"
    assert engine.accounts.login("erin@example.com", PASSWORD) == erin["id"]
    assert engine.accounts.get(erin, erin["id"])["status"] == "Approved"


def test_wrong_credentials_are_unauthenticated(engine: helpdesk.Engine, employee: helpdesk.Account) -> None:
    with pytest.raises(helpdesk.Unauthenticated) as refused:
        engine.accounts.login("erin@example.com", "Wrong-Password-1")
    assert refused.value.code == -4
    assert refused.value.name == "unauthenticated"
    with pytest.raises(helpdesk.Unauthenticated):
        engine.accounts.login("nobody@example.com", PASSWORD)


def test_each_login_is_for_its_own_roles(
    engine: helpdesk.Engine, admin: helpdesk.Account, employee: helpdesk.Account
) -> None:
    with pytest.raises(helpdesk.PermissionDenied, match="staff"):
        engine.accounts.login("erin@example.com", PASSWORD, staff=True)
    with pytest.raises(helpdesk.PermissionDenied, match="staff"):
        engine.accounts.login("admin@example.com", PASSWORD)


def test_only_a_system_admin_approves_or_rejects(
    engine: helpdesk.Engine, admin: helpdesk.Account, employee: helpdesk.Account
) -> None:
    pending = engine.accounts.sign_up(**person("Pat", "Pending"))
    with pytest.raises(helpdesk.PermissionDenied):
        engine.accounts.approve(employee, pending)
    with pytest.raises(helpdesk.PermissionDenied):
        engine.accounts.reject(employee, pending, "no")
    # Nothing changed: the admin can still approve it.
    assert engine.accounts.approve(admin, pending)["status"] == "Approved"


def test_approving_twice_is_an_invalid_state(engine: helpdesk.Engine, admin: helpdesk.Account,
                                             employee: helpdesk.Account) -> None:
    with pytest.raises(helpdesk.InvalidState, match="pending"):
        engine.accounts.approve(admin, employee)


def test_rejection_removes_the_account_and_keeps_an_audit_row(
    engine: helpdesk.Engine, admin: helpdesk.Account
) -> None:
    pat = engine.accounts.sign_up(**person("Pat", "Pending", email="pat@example.com"))
    row = engine.accounts.reject(admin, pat, "Not one of ours.")
    assert row["email"] == "pat@example.com"
    assert row["reason"] == "Not one of ours."
    assert row["rejected_by"] == admin["id"]
    with pytest.raises(helpdesk.NotFound):
        engine.accounts.get(admin, pat)
    with pytest.raises(helpdesk.Unauthenticated):
        engine.accounts.login("pat@example.com", PASSWORD)


def test_unknown_accounts_are_not_found(engine: helpdesk.Engine, admin: helpdesk.Account) -> None:
    with pytest.raises(helpdesk.NotFound):
        engine.accounts.approve(admin, 987654)
    with pytest.raises(helpdesk.NotFound):
        engine.accounts.get(admin, 987654)


def test_an_actor_that_does_not_exist_is_unauthenticated(engine: helpdesk.Engine, admin: helpdesk.Account) -> None:
    pending = engine.accounts.sign_up(**person("Pat", "Pending"))
    with pytest.raises(helpdesk.Unauthenticated):
        engine.accounts.approve(987654, pending)


def test_refs_must_be_ids_or_dicts_with_an_id(engine: helpdesk.Engine, admin: helpdesk.Account) -> None:
    with pytest.raises(TypeError):
        engine.accounts.get(admin, "1")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        engine.accounts.get(admin, True)
    with pytest.raises(TypeError):
        engine.accounts.get(admin, {"email": "x"})
