"""Finding and loading the C library: the search order, refusals of a
missing file, of a library that is not libhelpdesk-c, and of another major
version."""

from __future__ import annotations

import ctypes.util
import os
from pathlib import Path
from typing import Iterator

import pytest

import helpdesk
from helpdesk import _native


@pytest.fixture
def fresh_loader(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Forgets the loaded library for one test, and restores it afterwards."""
    monkeypatch.setattr(_native, "_lib", None)
    yield


def test_the_package_version_is_the_abi_version_it_was_written_for() -> None:
    assert _native.format_version(_native.ABI_VERSION) == helpdesk.__version__
    assert _native.format_version(10203) == "1.2.3"


def test_the_environment_variable_comes_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(_native.LIBRARY_ENV, "/some/where/libhelpdesk-c.so")
    assert _native._candidates() == ["/some/where/libhelpdesk-c.so"]


def test_a_library_next_to_the_package_comes_before_the_system(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(_native.LIBRARY_ENV, raising=False)
    monkeypatch.setattr(_native, "__file__", str(tmp_path / "helpdesk" / "_native.py"))
    (tmp_path / "helpdesk").mkdir()
    beside = tmp_path / "libhelpdesk-c.so"
    beside.write_bytes(b"")
    inside = tmp_path / "helpdesk" / "libhelpdesk-c.so.0"
    inside.write_bytes(b"")
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: "libhelpdesk-c.so.0" if name == "helpdesk-c" else None)
    assert _native._candidates() == [str(inside), str(beside), "libhelpdesk-c.so.0"]


def test_a_missing_library_is_an_import_error_that_says_what_to_do(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fresh_loader: None
) -> None:
    monkeypatch.setenv(_native.LIBRARY_ENV, str(tmp_path / "nothing-here.so"))
    with pytest.raises(ImportError, match="cannot load the C library"):
        helpdesk.Engine.open("sqlite::memory:")
    monkeypatch.delenv(_native.LIBRARY_ENV)
    monkeypatch.setattr(_native, "__file__", str(tmp_path / "helpdesk" / "_native.py"))
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    with pytest.raises(ImportError, match=_native.LIBRARY_ENV):
        helpdesk.library_version()


def test_another_library_is_refused(monkeypatch: pytest.MonkeyPatch, fresh_loader: None) -> None:
    libc = ctypes.util.find_library("c")
    assert libc
    monkeypatch.setenv(_native.LIBRARY_ENV, libc)
    with pytest.raises(ImportError, match="does not export hd_version_number"):
        helpdesk.library_version()


def test_another_major_version_is_refused(monkeypatch: pytest.MonkeyPatch, fresh_loader: None) -> None:
    assert os.environ.get(_native.LIBRARY_ENV), "the tests run with HELPDESK_C_LIBRARY set"
    monkeypatch.setattr(_native, "ABI_MAJOR", _native.ABI_MAJOR + 1)
    with pytest.raises(ImportError, match="this package needs 1.x"):
        helpdesk.Engine.open("sqlite::memory:")
