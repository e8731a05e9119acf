"""The program's log file (kehoach_desktop/logs.py): one set-up, the
messages of the migrations, the backups and the crash log in it, rotation,
and a log folder that cannot be written. Every test has its own data folder
(conftest.py), so the log is the test's own, never the user's; conftest.py
also removes the handler a test installed."""
import logging
import os
import subprocess
import sys
import tomllib

from conftest import REPO

from kehoach_desktop import crash_log, logs
from kehoach_desktop.paths import data_dir, logs_dir
from kehoach_desktop.store import migrate
from kehoach_desktop.store.database import open_database


def log_text() -> str:
    return (logs_dir() / logs.LOG_FILE_NAME).read_text(encoding="utf-8")


def test_set_up_twice_keeps_one_handler_in_the_user_log_folder():
    first = logs.set_up("test")
    second = logs.set_up("test")
    assert first == second == logs_dir() / logs.LOG_FILE_NAME == logs.log_file()
    assert logs_dir() == data_dir() / "logs"  # the tests' data folder ($KEHOACH_DATA_DIR), not the user's
    ours = [h for h in logging.getLogger().handlers if isinstance(h, logs.ProgramLogHandler)]
    assert len(ours) == 1
    assert log_text().count("KeHoach Desktop") == 2  # one "started" line per set-up, each written once


def test_a_failed_daily_backup_is_a_warning_in_the_log_file(tmp_path):
    logs.set_up("test")
    path = tmp_path / "kehoach.sqlite3"
    open_database(path).close()
    (tmp_path / "backups").write_text("not a folder")  # the day's copy cannot be made
    open_database(path).close()  # opens all the same
    text = log_text()
    assert "WARNING kehoach_desktop.store.database" in text and "hôm nay chưa sao lưu tự động được" in text


def test_an_upgrade_and_its_backup_are_in_the_log_file(tmp_path):
    from alembic import command
    from alembic.config import Config

    path = tmp_path / "kehoach.sqlite3"
    db = open_database(path)
    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS_DIR))
    with db.engine.begin() as connection:  # the file as the previous version left it
        config.attributes["connection"] = connection
        command.downgrade(config, "0004")
    db.close()
    logs.set_up("test")
    open_database(path).close()
    line = next(line for line in log_text().splitlines() if "kehoach_desktop.store.migrate" in line)
    assert f"{path}: schema 0004 -> {migrate.SCHEMA_HEAD}, backup first:" in line
    assert line.endswith("truoc-nang-cap-0004.sqlite3")


def test_the_log_file_rotates_and_keeps_a_bounded_number_of_files():
    logs.set_up("test")
    logger = logging.getLogger("kehoach_desktop.test")
    line = "Nhật ký " + "x" * 990
    for _ in range((logs.BACKUP_COUNT + 2) * logs.MAX_BYTES // len(line)):
        logger.info(line)
    names = sorted(p.name for p in logs_dir().iterdir())
    assert names == [logs.LOG_FILE_NAME] + [f"{logs.LOG_FILE_NAME}.{n}" for n in range(1, logs.BACKUP_COUNT + 1)]
    assert all((logs_dir() / name).stat().st_size <= logs.MAX_BYTES for name in names)
    assert "Nhật ký" in (logs_dir() / f"{logs.LOG_FILE_NAME}.1").read_text(encoding="utf-8")  # UTF-8


def test_a_crash_is_logged_with_its_traceback():
    logs.set_up("test")
    try:
        raise ValueError("hỏng rồi")
    except ValueError as exc:
        path = crash_log.log_exception(type(exc), exc, exc.__traceback__, origin="window")
    assert path == logs_dir() / logs.LOG_FILE_NAME
    text = log_text()
    version = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert f"ERROR kehoach_desktop.crash_log: unexpected error (window), KeHoach Desktop {version}" in text
    assert "Traceback" in text and "ValueError: hỏng rồi" in text


def test_the_crash_log_sets_the_log_up_when_nothing_has():
    assert logs.installed() is None
    try:
        raise KeyError("khoá")
    except KeyError as exc:
        path = crash_log.log_exception(type(exc), exc, exc.__traceback__)
    assert path == logs.log_file() and "KeyError: 'khoá'" in log_text()


def test_a_log_folder_that_cannot_be_written_does_not_stop_the_program(tmp_path):
    logs_dir().parent.mkdir(parents=True, exist_ok=True)
    logs_dir().write_text("a file where the folder should be")
    assert logs.set_up("test") is None and logs.installed() is None and logs.log_file() is None
    try:
        raise RuntimeError("hỏng")
    except RuntimeError as exc:
        assert crash_log.log_exception(type(exc), exc, exc.__traceback__) is None
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    db = tmp_path / "kehoach.sqlite3"
    listed = subprocess.run([sys.executable, "-m", "kehoach_desktop", "--db", str(db), "list"],
                            env=env, capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert listed.returncode == 0 and "Chưa có kế hoạch nào." in listed.stdout, listed.stderr
    window = subprocess.run([sys.executable, "-m", "kehoach_desktop", "gui", "--db", str(db), "--smoke"],
                            env=env, capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert window.returncode == 0 and "smoke: 0 kế hoạch" in window.stdout, window.stderr


def test_the_command_line_shows_a_warning_in_vietnamese_as_well_as_logging_it(tmp_path):
    db = tmp_path / "kehoach.sqlite3"
    open_database(db).close()
    (tmp_path / "backups").write_text("not a folder")  # the day's copy cannot be made
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    listed = subprocess.run([sys.executable, "-m", "kehoach_desktop", "--db", str(db), "list"],
                            env=env, capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert listed.returncode == 0 and "Chưa có kế hoạch nào." in listed.stdout, listed.stderr
    warning = f"Cảnh báo: {db}: hôm nay chưa sao lưu tự động được"
    assert listed.stderr.startswith(warning) and listed.stderr.count("Cảnh báo:") == 1, listed.stderr
    assert "hôm nay chưa sao lưu tự động được" in log_text()


def test_a_second_set_up_keeps_one_warning_handler_for_the_command_line():
    logs.set_up(logs.COMMAND_LINE)
    logs.set_up(logs.COMMAND_LINE)
    assert sum(isinstance(h, logs.WarningsOnStderr) for h in logging.getLogger().handlers) == 1
    logs.set_up("window")
    assert not any(isinstance(h, logs.WarningsOnStderr) for h in logging.getLogger().handlers)
