"""The Engine object: opening stores, the context manager, close and use
after close, the library's version, and one engine shared by threads."""

from __future__ import annotations

import gc
import os
import threading
from pathlib import Path
from typing import List

import pytest

import helpdesk
from conftest import FAST_ITERATIONS, PASSWORD, person, ticket_fields


def test_library_version_matches_the_package() -> None:
    version = helpdesk.library_version()
    assert version.split(".")[0] == helpdesk.__version__.split(".")[0]


def test_context_manager_closes_the_engine() -> None:
    with helpdesk.Engine.open("sqlite::memory:", password_iterations=FAST_ITERATIONS) as desk:
        assert not desk.closed
        admin = desk.accounts.bootstrap_admin(**person("Ada", "Admin"))
    assert desk.closed
    assert "closed" in repr(desk)
    with pytest.raises(helpdesk.EngineClosed):
        desk.accounts.get(admin, admin)


def test_an_engine_dropped_without_close_is_freed() -> None:
    desk = helpdesk.Engine.open("sqlite::memory:", password_iterations=FAST_ITERATIONS)
    desk.accounts.bootstrap_admin(**person("Ada", "Admin"))
    gate = desk._gate
    del desk
    gc.collect()
    assert gate.closed


def test_repr_hides_a_password_in_the_url() -> None:
    from helpdesk.engine import _redacted

    assert _redacted("postgresql://desk:s3cret@db.example.com:5432/desk") == (
        "postgresql://desk:***@db.example.com:5432/desk"
    )
    assert _redacted("postgresql://desk@db:5432/desk") == "postgresql://desk@db:5432/desk"
    assert _redacted("sqlite:///var/lib/desk.db") == "sqlite:///var/lib/desk.db"


def test_the_context_manager_closes_on_an_exception_too() -> None:
    with pytest.raises(RuntimeError):
        with helpdesk.Engine.open("sqlite::memory:") as desk:
            raise RuntimeError("boom")
    assert desk.closed


def test_use_after_close_is_refused_cleanly(engine: helpdesk.Engine, admin: helpdesk.Account) -> None:
    engine.close()
    engine.close()  # idempotent
    for call in (
        lambda: engine.accounts.sign_up(**person("Late")),
        lambda: engine.accounts.login("admin@example.com", PASSWORD, staff=True),
        lambda: engine.tickets.create(admin, **ticket_fields()),
        lambda: engine.tickets.list(admin),
        lambda: engine.tickets.stats(admin),
    ):
        with pytest.raises(helpdesk.EngineClosed) as refused:
            call()
        # EngineClosed is an InvalidState, so callers catching that catch it too.
        assert isinstance(refused.value, helpdesk.InvalidState)
        assert refused.value.name == "invalid_state"


def test_a_file_store_keeps_its_data_across_engines(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    blobs = tmp_path / "blobs"
    blobs.mkdir()
    with helpdesk.Engine.open(url, password_iterations=FAST_ITERATIONS, blob_dir=blobs) as desk:
        admin = desk.accounts.bootstrap_admin(**person("Ada", "Admin", email="admin@example.com"))
        t = desk.tickets.create(admin, **ticket_fields())
        desk.tickets.attach(admin, t, "report.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n%%EOF\n")
    assert os.listdir(blobs), "the attachment's bytes went to blob_dir"
    with helpdesk.Engine.open(url, password_iterations=FAST_ITERATIONS, blob_dir=str(blobs)) as desk:
        assert desk.accounts.login("admin@example.com", PASSWORD, staff=True) == admin["id"]
        again = desk.tickets.get(admin, t["id"])
        assert again["ticket_number"] == t["ticket_number"]
        assert [a["file_name"] for a in again["attachments"]] == ["report.pdf"]


def test_bad_urls_are_refused(tmp_path: Path) -> None:
    with pytest.raises(helpdesk.InvalidArgument) as refused:
        helpdesk.Engine.open("mysql://localhost/desk")
    assert refused.value.fields == {"store_url": ["Unknown store URL scheme."]}
    with pytest.raises(helpdesk.StorageUnavailable):
        helpdesk.Engine.open(f"sqlite:///{tmp_path / 'no' / 'such' / 'dir' / 'desk.db'}")


def test_bad_options_are_refused_before_the_library_sees_them() -> None:
    with pytest.raises(ValueError):
        helpdesk.Engine.open("sqlite::memory:", password_iterations=0)
    with pytest.raises(TypeError):
        helpdesk.Engine.open("sqlite::memory:", password_iterations="many")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        helpdesk.Engine.open(b"sqlite::memory:")  # type: ignore[arg-type]


def test_threads_share_one_engine(engine: helpdesk.Engine, admin: helpdesk.Account,
                                  employee: helpdesk.Account) -> None:
    threads_count, per_thread = 4, 10
    errors: List[BaseException] = []
    numbers: List[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(threads_count)

    def work(n: int) -> None:
        try:
            barrier.wait()
            for i in range(per_thread):
                t = engine.tickets.create(employee, **ticket_fields(f"Thread {n} request {i}"))
                t = engine.tickets.approve(admin, t, priority="Medium", department="IT Department",
                                           expected_version=t["version"])
                engine.tickets.comment(employee, t, "details")
                t = engine.tickets.claim(admin, t)
                engine.tickets.list(employee, page_size=5)
                with lock:
                    numbers.append(t["ticket_number"])
        except BaseException as e:  # noqa: BLE001 - reported by the main thread
            with lock:
                errors.append(e)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(threads_count)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    total = threads_count * per_thread
    assert len(set(numbers)) == total, "every ticket got its own number"
    assert engine.tickets.list(admin, status="In Progress", page=1).count == total


def test_close_waits_for_calls_in_flight() -> None:
    # Calls running in other threads while close() is called either finish
    # normally or are refused with EngineClosed; nothing crashes.
    desk = helpdesk.Engine.open("sqlite::memory:", password_iterations=FAST_ITERATIONS)
    boss = desk.accounts.bootstrap_admin(**person("Ada", "Admin"))
    outcomes: List[str] = []
    lock = threading.Lock()
    started = threading.Barrier(3)

    def work() -> None:
        started.wait()
        while True:
            try:
                desk.tickets.create(boss, **ticket_fields())
                result = "ok"
            except helpdesk.EngineClosed:
                result = "closed"
            except BaseException as e:  # noqa: BLE001
                result = f"error: {e!r}"
            with lock:
                outcomes.append(result)
            if result != "ok":
                return

    threads = [threading.Thread(target=work) for _ in range(2)]
    for th in threads:
        th.start()
    started.wait()
    desk.close()
    for th in threads:
        th.join()
    assert desk.closed
    assert all(o in ("ok", "closed") for o in outcomes), outcomes
    assert outcomes.count("closed") == 2
