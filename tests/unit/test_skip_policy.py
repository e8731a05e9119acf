"""tests/skip_policy.py: which skips the suite allows, and that with CI=true
every other skip fails the run. Each test runs a small pytest session of its
own (pytester) with the policy loaded as the suite loads it."""
import pytest
from conftest import REPO

pytest_plugins = ("pytester",)

VARIABLES = ("CI", "KEHOACH_TEST_PG_URL", "KEHOACH_TEST_PG_SKIP", "KEHOACH_TEST_NO_LIBREOFFICE",
             "KEHOACH_TEST_NO_POPPLER", "KEHOACH_TEST_NO_POSIX")

TESTS = '''
import pytest
from skip_policy import LIBREOFFICE, POSTGRESQL, skip_for_want_of


def test_plain_skip():
    pytest.skip("not today")


@pytest.mark.skipif(True, reason="a marker's reason")
def test_skipif_marker():
    pass


def test_without_libreoffice():
    skip_for_want_of(LIBREOFFICE, "looked for it")


def test_without_postgresql(pg_url):
    pass


@pytest.mark.xfail(strict=True, reason="a known weakness")
def test_expected_failure():
    assert False


def test_passes():
    pass
'''


@pytest.fixture
def run(pytester, monkeypatch):
    """Run TESTS with the policy and these variables (the others unset)."""
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)

    def run_with(source: str = TESTS, **variables: str) -> pytest.RunResult:
        for name, value in variables.items():
            monkeypatch.setenv(name, value)
        pytester.makepyfile(test_inner=source)
        return pytester.runpytest("-p", "skip_policy", "-p", "no:cacheprovider", "-ra")
    return run_with


def test_outside_ci_every_skip_is_a_skip(run):
    result = run()
    result.assert_outcomes(passed=1, skipped=4, xfailed=1)


def test_the_skips_for_one_need_make_one_line_of_the_summary(run):
    result = run(TESTS + "\n\ndef test_also_without_postgresql(pg_url):\n    pass\n")
    result.assert_outcomes(passed=1, skipped=5, xfailed=1)
    result.stdout.fnmatch_lines(["SKIPPED [[]2[]] *skip_policy.py:*: PostgreSQL not tested: set $KEHOACH_TEST_PG_URL=*"])


def test_under_ci_every_skip_fails_the_run(run):
    result = run(CI="true")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.assert_outcomes(passed=1, failed=2, errors=2, xfailed=1)  # a skip in the set-up fails as an error
    for line in ("FAILED *::test_plain_skip - CI=true and this skipped (not today)*only skips allowed are "
                 "those of tests/skip_policy.py*",
                 "ERROR *::test_skipif_marker - CI=true and this skipped (a marker's reason)*",
                 "FAILED *::test_without_libreoffice - CI=true, and LibreOffice not tested: looked for it. "
                 "*$KEHOACH_TEST_NO_LIBREOFFICE.",
                 "ERROR *::test_without_postgresql - CI=true, and PostgreSQL not tested: set $KEHOACH_TEST_PG_URL=*"
                 "$KEHOACH_TEST_PG_SKIP."):
        result.stdout.fnmatch_lines([line])


def test_under_ci_a_need_named_by_its_variable_may_skip(run):
    result = run(CI="true", KEHOACH_TEST_PG_SKIP="PostgreSQL is tested on Linux by .ci/run",
                 KEHOACH_TEST_NO_LIBREOFFICE="no LibreOffice on this runner")
    result.assert_outcomes(passed=1, failed=1, errors=1, skipped=2, xfailed=1)  # the plain skip, the marker fail
    result.stdout.fnmatch_lines(["SKIPPED * LibreOffice not tested: looked for it",
                                 "SKIPPED * PostgreSQL not tested: PostgreSQL is tested on Linux by .ci/run"])


def test_the_variable_of_one_need_does_not_allow_another(run):
    source = "from skip_policy import POPPLER, skip_for_want_of\n\n\ndef test_it():\n    skip_for_want_of(POPPLER)\n"
    run(source, CI="true", KEHOACH_TEST_NO_LIBREOFFICE="x").assert_outcomes(failed=1)
    run(source, CI="true", KEHOACH_TEST_NO_POPPLER="no poppler here").assert_outcomes(skipped=1)


def test_under_ci_a_module_skipped_whole_fails_at_collection(run):
    result = run("import pytest\n\npytest.skip('no module today', allow_module_level=True)\n", CI="true")
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines(["*CI=true and this skipped*no module today*"])


def test_an_empty_parameter_set_fails_at_collection(pytester):
    """pyproject.toml's empty_parameter_set_mark: a list of cases that came
    out empty (files not found, say) is an error, not a silent skip."""
    pytester.makepyfile(test_inner="import pytest\n\n\n@pytest.mark.parametrize('x', [])\n"
                                   "def test_nothing(x):\n    pass\n")
    result = pytester.runpytest("-c", str(REPO / "pyproject.toml"), "--rootdir", str(pytester.path),
                                "-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines(["*Empty parameter set in 'test_nothing'*"])


def test_under_ci_what_the_platform_lacks_may_skip_only_when_the_job_says_so(run):
    """A POSIX-only test (SIGKILL, resource limits) cannot run on Windows,
    whatever the CI job installs: that job names it, as for the others."""
    source = "from skip_policy import POSIX, skip_for_want_of\n\n\ndef test_it():\n    skip_for_want_of(POSIX, 'nt')\n"
    run(source, CI="true").assert_outcomes(failed=1)
    run(source, CI="true", KEHOACH_TEST_NO_POSIX="Windows has no SIGKILL").assert_outcomes(skipped=1)
