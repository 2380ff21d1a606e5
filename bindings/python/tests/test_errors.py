"""Errors through the package: the class per code, the field messages of
invalid input, stale versions, and per-thread error state."""

from __future__ import annotations

import threading
from typing import Dict, List

import pytest

import helpdesk
from conftest import person, ticket_fields


def test_invalid_sign_up_names_every_faulty_field(engine: helpdesk.Engine) -> None:
    with pytest.raises(helpdesk.InvalidArgument) as refused:
        engine.accounts.sign_up(
            email="not an address",
            first_name="R2-D2 4ever",
            last_name="",
            department="Moon Department",
            password="short",
            suffix="Esq.",
        )
    error = refused.value
    assert error.code == -1
    assert error.name == "invalid_argument"
    assert error.message
    assert set(error.fields) >= {"email", "first_name", "last_name", "department", "password", "suffix"}
    for field, messages in error.fields.items():
        assert isinstance(messages, list) and messages, field
        assert all(isinstance(m, str) and m for m in messages), field
    assert "Select a valid choice." in error.fields["department"]
    assert "Select a valid choice." in error.fields["suffix"]
    # str() carries the fields too, so a log line says what was wrong.
    assert "department" in str(error)


def test_mismatched_passwords_name_confirm_password(engine: helpdesk.Engine) -> None:
    with pytest.raises(helpdesk.InvalidArgument) as refused:
        engine.accounts.sign_up(**person("Erin", confirm_password="Other-Pass-1"))
    assert refused.value.fields == {"confirm_password": ["Passwords do not match."]}


def test_a_duplicate_email_is_a_conflict_with_its_field(engine: helpdesk.Engine, employee: helpdesk.Account) -> None:
    with pytest.raises(helpdesk.Conflict) as refused:
        engine.accounts.sign_up(**person("Erin", email="ERIN@example.com"))
    assert refused.value.fields == {"email": ["An account with this email already exists."]}


def test_invalid_ticket_fields(engine: helpdesk.Engine, employee: helpdesk.Account) -> None:
    with pytest.raises(helpdesk.InvalidArgument) as refused:
        engine.tickets.create(
            employee,
            **ticket_fields(subject="", category="IT Category", sub_category="Asset Check-in",
                            scheduled_date="2001-01-01"),
        )
    fields = refused.value.fields
    assert "subject" in fields
    assert fields["sub_category"] == ["This sub-category does not belong to the chosen category."]
    assert fields["scheduled_date"] == ["The scheduled date cannot be in the past."]
    assert engine.tickets.list(employee, page=1).count == 0


def test_invalid_approval_fields(engine: helpdesk.Engine, admin: helpdesk.Account, employee: helpdesk.Account) -> None:
    t = engine.tickets.create(employee, **ticket_fields())
    with pytest.raises(helpdesk.InvalidArgument) as refused:
        engine.tickets.approve(admin, t, priority="Urgent", department="Moon Department")
    assert refused.value.fields["priority"] == ["Select a valid choice."]
    assert refused.value.fields["department"] == ["Select a valid choice."]
    assert engine.tickets.get(admin, t)["status"] == "New"


def test_a_stale_version_is_a_precondition_failure_and_changes_nothing(
    engine: helpdesk.Engine, admin: helpdesk.Account, employee: helpdesk.Account
) -> None:
    t = engine.tickets.create(employee, **ticket_fields())
    t = engine.tickets.approve(admin, t, priority="High", department="IT Department",
                               expected_version=t["version"])
    stale = t["version"]
    moved = engine.tickets.claim(admin, t, expected_version=stale)
    assert moved["version"] > stale
    with pytest.raises(helpdesk.PreconditionFailed) as refused:
        engine.tickets.update_status(admin, t, helpdesk.Status.ON_HOLD, expected_version=stale)
    assert refused.value.code == -7
    assert refused.value.name == "precondition_failed"
    after = engine.tickets.get(admin, t)
    assert after["status"] == moved["status"]
    assert after["version"] == moved["version"]
    # With the current version the same change goes through.
    held = engine.tickets.update_status(admin, t, helpdesk.Status.ON_HOLD, expected_version=after["version"])
    assert held["status"] == "On Hold"
    assert held["version"] > after["version"]


def test_expected_version_must_be_a_positive_int(engine: helpdesk.Engine, admin: helpdesk.Account,
                                                 employee: helpdesk.Account) -> None:
    t = engine.tickets.create(employee, **ticket_fields())
    with pytest.raises(ValueError):
        engine.tickets.claim(admin, t, expected_version=0)
    with pytest.raises(TypeError):
        engine.tickets.claim(admin, t, expected_version="1")  # type: ignore[arg-type]


def test_every_code_has_its_class() -> None:
    classes = {
        -1: helpdesk.InvalidArgument,
        -2: helpdesk.NotFound,
        -3: helpdesk.PermissionDenied,
        -4: helpdesk.Unauthenticated,
        -5: helpdesk.InvalidState,
        -6: helpdesk.Conflict,
        -7: helpdesk.PreconditionFailed,
        -8: helpdesk.PayloadTooLarge,
        -9: helpdesk.UnsupportedMediaType,
        -10: helpdesk.RateLimited,
        -11: helpdesk.StorageUnavailable,
        -12: helpdesk.InternalError,
    }
    for code, cls in classes.items():
        error = helpdesk.errors.error_from_code(code, "message", fields={"f": ["m"]})
        assert type(error) is cls
        assert isinstance(error, helpdesk.HelpdeskError)
        assert error.code == code
        assert error.fields == {"f": ["m"]}
    unknown = helpdesk.errors.error_from_code(-99, "from a newer library")
    assert type(unknown) is helpdesk.HelpdeskError
    assert unknown.code == -99 and unknown.name == "unknown"


def test_the_library_names_every_code_as_the_package_does(engine: helpdesk.Engine) -> None:
    from helpdesk import _native

    lib = _native.library()
    for code, cls in helpdesk.errors._BY_CODE.items():
        assert lib.hd_error_name(code).decode() == cls.default_name
    assert lib.hd_error_name(0).decode() == "ok"


def test_each_thread_reports_its_own_error(engine: helpdesk.Engine, admin: helpdesk.Account,
                                           employee: helpdesk.Account) -> None:
    # Two threads fail differently at the same time, many times over; each
    # must see its own code, message and fields (hd_error_last is per thread).
    t = engine.tickets.create(employee, **ticket_fields())
    barrier = threading.Barrier(2)
    seen: Dict[str, List[BaseException]] = {"invalid": [], "not_found": []}

    def invalid() -> None:
        barrier.wait()
        for _ in range(50):
            try:
                engine.tickets.approve(admin, t, priority="Urgent", department="IT Department")
            except BaseException as e:  # noqa: BLE001 - collected and checked below
                seen["invalid"].append(e)

    def not_found() -> None:
        barrier.wait()
        for _ in range(50):
            try:
                engine.tickets.get(employee, 999999)
            except BaseException as e:  # noqa: BLE001
                seen["not_found"].append(e)

    threads = [threading.Thread(target=invalid), threading.Thread(target=not_found)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len(seen["invalid"]) == 50 and len(seen["not_found"]) == 50
    for e in seen["invalid"]:
        assert isinstance(e, helpdesk.InvalidArgument), repr(e)
        assert e.fields == {"priority": ["Select a valid choice."]}
    for e in seen["not_found"]:
        assert isinstance(e, helpdesk.NotFound), repr(e)
        assert e.fields == {}
