"""One's own profile and password, and password resets, through the package."""

from __future__ import annotations

import pytest

import helpdesk
from conftest import PASSWORD

NEW_PASSWORD = "Brand-New-Pass-7"


def test_change_password_checks_the_current_one(engine: helpdesk.Engine, employee: helpdesk.Account) -> None:
    with pytest.raises(helpdesk.InvalidArgument) as wrong:
        engine.accounts.change_password(employee, "Not-The-Password-1", NEW_PASSWORD)
    assert wrong.value.code == -1
    assert wrong.value.fields
    with pytest.raises(helpdesk.InvalidArgument):
        engine.accounts.change_password(employee, PASSWORD, NEW_PASSWORD, "Something-Else-9")
    assert engine.accounts.login("erin@example.com", PASSWORD) == employee["id"]

    assert engine.accounts.change_password(employee, PASSWORD, NEW_PASSWORD) is None
    assert engine.accounts.login("erin@example.com", NEW_PASSWORD) == employee["id"]
    with pytest.raises(helpdesk.Unauthenticated):
        engine.accounts.login("erin@example.com", PASSWORD)


def test_check_password_changes_nothing(engine: helpdesk.Engine, employee: helpdesk.Account) -> None:
    assert engine.accounts.check_password(employee, PASSWORD) is True
    assert engine.accounts.check_password(employee, "Wrong-Password-1") is False
    assert engine.accounts.login("erin@example.com", PASSWORD) == employee["id"]
    with pytest.raises(TypeError):
        engine.accounts.check_password(employee, None)  # type: ignore[arg-type]


def test_password_reset_round_trip(engine: helpdesk.Engine, employee: helpdesk.Account) -> None:
    token = engine.accounts.request_password_reset("erin@example.com")
    assert isinstance(token, str) and token
    engine.accounts.reset_password(token, NEW_PASSWORD)
    assert engine.accounts.login("erin@example.com", NEW_PASSWORD) == employee["id"]
    with pytest.raises(helpdesk.Unauthenticated):
        engine.accounts.login("erin@example.com", PASSWORD)

    with pytest.raises(helpdesk.InvalidArgument) as spent:
        engine.accounts.reset_password(token, "Third-Password-3")
    assert spent.value.name == "invalid_argument"
    with pytest.raises(helpdesk.InvalidArgument):
        engine.accounts.reset_password("not-a-token", "Third-Password-3")


def test_a_reset_for_an_unknown_address_gives_no_token(engine: helpdesk.Engine, admin: helpdesk.Account) -> None:
    assert engine.accounts.request_password_reset("nobody@example.com") is None


def test_a_reset_with_a_weak_or_unconfirmed_password_is_refused(
    engine: helpdesk.Engine, employee: helpdesk.Account
) -> None:
    token = engine.accounts.request_password_reset("erin@example.com")
    assert token is not None
    with pytest.raises(helpdesk.InvalidArgument):
        engine.accounts.reset_password(token, NEW_PASSWORD, "Does-Not-Match-1")
    with pytest.raises(helpdesk.InvalidArgument):
        engine.accounts.reset_password(token, "short")
    # The token survives refusals.
    engine.accounts.reset_password(token, NEW_PASSWORD)
    assert engine.accounts.login("erin@example.com", NEW_PASSWORD) == employee["id"]


def test_update_profile_changes_own_names_only(engine: helpdesk.Engine, employee: helpdesk.Account) -> None:
    me = engine.accounts.update_profile(employee, first_name="Erina", suffix="Jr.")
    assert (me["first_name"], me["suffix"], me["department"]) == ("Erina", "Jr.", employee["department"])
    assert engine.accounts.update_profile(employee, suffix="")["suffix"] is None
    with pytest.raises(helpdesk.InvalidArgument) as bad:
        engine.accounts.update_profile(employee, suffix="Emperor")
    assert "suffix" in bad.value.fields
