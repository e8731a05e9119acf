"""The skips the test suite allows, all of them here, and the guard that fails
every other skip when CI=true.

A test may skip only for want of something a developer's machine may lack:

=============  ==================================  =================================
need           skipped when                        a CI job without it names why in
=============  ==================================  =================================
PostgreSQL     $KEHOACH_TEST_PG_URL is not set     $KEHOACH_TEST_PG_SKIP
LibreOffice    no ``soffice`` is found             $KEHOACH_TEST_NO_LIBREOFFICE
poppler-utils  no ``pdftotext``/``pdfinfo``        $KEHOACH_TEST_NO_POPPLER
POSIX          the platform is not POSIX           $KEHOACH_TEST_NO_POSIX
Liberation 2   LibreOffice draws letters in        $KEHOACH_TEST_NO_LIBERATION2
               DejaVu (its Liberation Serif lacks
               them: fonts-liberation 1.x)
=============  ==================================  =================================

A test asks for what it needs with the fixtures ``pg_url``, ``libreoffice``,
``poppler`` and ``posix``; they skip through ``skip_for_want_of``. Liberation 2
is seen only in LibreOffice's PDFs: tests/formats/test_page_parity.py, which
compares them with ours page by page, skips through ``skip_for_want_of`` itself. Outside CI such a skip is one line
of the summary per need.

With CI=true (.ci/run installs all of them) any skip fails the test: a skip
for want of a need unless that need's variable is set (the Windows workflow
sets them, with the reason), and any other skip -- ``pytest.skip``, a
``skipif`` marker, a module skipped at collection -- always. An expected
failure (``xfail``) is not a skip.

This module is a pytest plugin: tests/conftest.py loads it.
"""
from __future__ import annotations

import os
import shutil
from collections.abc import Generator
from dataclasses import dataclass
from typing import NoReturn

import pytest

from kehoach_desktop.formats.libreoffice import find_soffice


@dataclass(frozen=True)
class Need:
    """Something a test may need that a machine may lack."""

    name: str
    how_to_get_it: str
    variable: str  # where a CI job without it says why

    def reason_given(self) -> str:
        """Why this job does without it, as its variable says ("" when unset)."""
        return os.environ.get(self.variable, "").strip()

    def may_skip_in_ci(self) -> bool:
        return bool(self.reason_given())


POSTGRESQL = Need("PostgreSQL", "set $KEHOACH_TEST_PG_URL=postgresql+psycopg://USER:PASSWORD@HOST:5432/postgres "
                                "(a role with CREATEDB; .ci/start-postgres starts one and prints it)",
                  "KEHOACH_TEST_PG_SKIP")
LIBREOFFICE = Need("LibreOffice", "install LibreOffice (.ci/run installs libreoffice-writer-nogui and "
                                  "libreoffice-calc-nogui)", "KEHOACH_TEST_NO_LIBREOFFICE")
POPPLER = Need("poppler-utils", "install poppler-utils (pdftotext, pdfinfo; .ci/run installs it)",
               "KEHOACH_TEST_NO_POPPLER")
POSIX = Need("POSIX", "run on Linux or macOS (SIGKILL, resource limits)", "KEHOACH_TEST_NO_POSIX")
LIBERATION2 = Need("Liberation 2 fonts", "install fonts-liberation2 (Liberation Serif 2.x, metric-compatible with "
                                         "Times New Roman, has the Vietnamese letters fonts-liberation 1.x lacks)",
                   "KEHOACH_TEST_NO_LIBERATION2")


def in_ci() -> bool:
    """Whether this is a CI run (GitHub Actions and .ci/run set CI=true)."""
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


class NeedSkip(pytest.skip.Exception):  # type: ignore[name-defined, misc]  # Skipped, public only by this name
    """A skip for want of one of the needs above: the only kind CI may allow."""

    def __init__(self, need: Need, detail: str) -> None:
        super().__init__(f"{need.name} not tested: {detail}")
        self.need = need


def skip_for_want_of(need: Need, detail: str = "") -> NoReturn:
    """Skip the running test: ``need`` is missing here (``detail`` says how it
    was looked for; by default, how to get it)."""
    raise NeedSkip(need, detail or need.how_to_get_it)


@pytest.fixture(scope="session")
def pg_url() -> str:
    """The URL of the PostgreSQL server the tests may create databases on
    (conftest.py's ``pg_server`` and ``pg_database`` use it)."""
    url = os.environ.get("KEHOACH_TEST_PG_URL", "").strip()
    if not url:
        skip_for_want_of(POSTGRESQL, POSTGRESQL.reason_given() or POSTGRESQL.how_to_get_it)
    return url


@pytest.fixture(scope="session")
def libreoffice() -> str:
    """The path of LibreOffice's ``soffice``."""
    found = find_soffice()
    if found is None:
        skip_for_want_of(LIBREOFFICE, "no soffice on PATH nor in Program Files; " + LIBREOFFICE.how_to_get_it)
    return found


@pytest.fixture(scope="session")
def poppler() -> None:
    """poppler-utils' ``pdftotext`` and ``pdfinfo`` are on PATH."""
    missing = [tool for tool in ("pdftotext", "pdfinfo") if shutil.which(tool) is None]
    if missing:
        skip_for_want_of(POPPLER, f"no {' nor '.join(missing)} on PATH; " + POPPLER.how_to_get_it)


@pytest.fixture(scope="session")
def posix() -> None:
    """The platform is POSIX (signals such as SIGKILL, resource limits)."""
    if os.name != "posix":
        skip_for_want_of(POSIX, f"the test uses what only POSIX has; this is {os.name}")


def _ci_refusal(report: pytest.TestReport | pytest.CollectReport, exception: BaseException | None) -> str | None:
    """Why this skip may not be, under CI=true; None when it may."""
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    reason = reason.removeprefix("Skipped: ")
    if isinstance(exception, NeedSkip):
        need = exception.need
        if need.may_skip_in_ci():
            return None
        return (f"CI=true, and {exception.msg}. CI tests with {need.name}; a CI job that cannot names the "
                f"reason in ${need.variable}.")
    return (f"CI=true and this skipped ({reason}). With CI=true the only skips allowed are those of "
            f"tests/skip_policy.py, each named by its variable; let the test run, or say there why it may not.")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]
                               ) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """With CI=true a skip the policy does not allow becomes a failure."""
    report = yield
    if not report.skipped or hasattr(report, "wasxfail"):
        return report
    exception = call.excinfo.value if call.excinfo is not None else None
    refusal = _ci_refusal(report, exception) if in_ci() else None
    if refusal is not None:
        report.outcome = "failed"
        report.longrepr = refusal
    elif isinstance(exception, NeedSkip) and call.excinfo is not None and isinstance(report.longrepr, tuple):
        # A fixture's skip is reported at each test that asked for it; at the
        # line that raised it instead, all the skips for one need make one
        # line of the summary.
        raised_at = call.excinfo.traceback[-1]
        report.longrepr = (str(raised_at.path), raised_at.lineno + 1, f"Skipped: {exception.msg}")
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector: pytest.Collector
                               ) -> Generator[None, pytest.CollectReport, pytest.CollectReport]:
    """A module skipped whole (``pytest.skip(allow_module_level=True)``,
    ``importorskip``) is a skip too."""
    report = yield
    if report.skipped and in_ci():
        report.outcome = "failed"
        report.longrepr = _ci_refusal(report, None)
    return report
