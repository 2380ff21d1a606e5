"""Fixtures shared by the package's tests: an engine on SQLite :memory: (a
real store, fast), its first System Admin, and approved employees.

The C library comes from HELPDESK_C_LIBRARY (ctest sets it to the built
libhelpdesk-c); without it the tests fail rather than skip.
"""

from __future__ import annotations

import itertools
from typing import Any, Callable, Dict, Iterator

import pytest

import helpdesk

#: Few PBKDF2 iterations keep sign-ups and logins fast; the engine's default is 600,000.
FAST_ITERATIONS = 1000
PASSWORD = "Quick-Start-1"

_emails = itertools.count(1)


def person(first_name: str, last_name: str = "Tester", email: str = "", **extra: Any) -> Dict[str, Any]:
    """Sign-up fields for a valid person (a fresh email unless one is given)."""
    fields: Dict[str, Any] = {
        "email": email or f"{first_name.lower()}.{next(_emails)}@example.com",
        "first_name": first_name,
        "last_name": last_name,
        "department": "IT Department",
        "password": PASSWORD,
    }
    fields.update(extra)
    return fields


def ticket_fields(subject: str = "VPN drops every hour", **extra: Any) -> Dict[str, Any]:
    """Fields of a valid ticket."""
    fields: Dict[str, Any] = {
        "subject": subject,
        "category": "IT Category",
        "sub_category": "Network & Security Administration",
        "description": "The VPN disconnects about once an hour since Monday.",
    }
    fields.update(extra)
    return fields


@pytest.fixture
def engine() -> Iterator[helpdesk.Engine]:
    with helpdesk.Engine.open("sqlite::memory:", password_iterations=FAST_ITERATIONS) as desk:
        yield desk


@pytest.fixture
def admin(engine: helpdesk.Engine) -> helpdesk.Account:
    return engine.accounts.bootstrap_admin(**person("Ada", "Admin", email="admin@example.com"))


@pytest.fixture
def make_employee(engine: helpdesk.Engine, admin: helpdesk.Account) -> Callable[..., helpdesk.Account]:
    """Signs up and approves an employee."""

    def make(first_name: str = "Erin", **extra: Any) -> helpdesk.Account:
        pending = engine.accounts.sign_up(**person(first_name, "Employee", **extra))
        return engine.accounts.approve(admin, pending)

    return make


@pytest.fixture
def employee(make_employee: Callable[..., helpdesk.Account]) -> helpdesk.Account:
    return make_employee("Erin", email="erin@example.com")


@pytest.fixture
def make_coordinator(
    engine: helpdesk.Engine, admin: helpdesk.Account, make_employee: Callable[..., helpdesk.Account]
) -> Callable[..., helpdesk.Account]:
    """An approved employee promoted to Ticket Coordinator by the admin."""

    def make(first_name: str = "Cody", **extra: Any) -> helpdesk.Account:
        return engine.accounts.change_role(admin, make_employee(first_name, **extra), helpdesk.Role.TICKET_COORDINATOR)

    return make


@pytest.fixture
def coordinator(make_coordinator: Callable[..., helpdesk.Account]) -> helpdesk.Account:
    return make_coordinator("Cody", email="cody@example.com")
