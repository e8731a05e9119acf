"""The database: migrations, round trips, transactions, locking, bad places."""
import hashlib
import shutil
import sqlite3
import unicodedata
from datetime import date

import pytest
from conftest import FIXTURE_FILES
from sqlalchemy import inspect, text

from kehoach_desktop.core import content as c
from kehoach_desktop.core.codec import DataError, plan_to_data
from kehoach_desktop.core.errors import UserError
from kehoach_desktop.core.model import DocumentNumber, Plan, Section, Signature
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.store import migrate
from kehoach_desktop.store.database import open_database
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.store.versions import ConflictError


def test_fresh_database_is_migrated_to_head(db):
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    tables = set(inspect(db.engine).get_table_names())
    assert {"plans", "plan_sections", "plan_signatures", "alembic_version"} <= tables


@pytest.mark.sqlite_only
def test_foreign_keys_are_on(db):
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_reopening_does_not_migrate_again_or_back_up(tmp_path):
    from kehoach_desktop.store.backups import DAILY, backups

    path = tmp_path / "db.sqlite3"
    open_database(path).close()
    open_database(path).close()
    assert [c.reason for c in backups(path)] == [DAILY]  # the day's copy only, no upgrade copy


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.name)
def test_every_fixture_round_trips_through_the_database(store, path):
    plan = kehoach_json.read_file(path)
    plan_id = store.add(plan)
    assert plan_to_data(store.get(plan_id)) == plan_to_data(plan)


def test_text_is_stored_in_nfc(store):
    plan = Plan(title=unicodedata.normalize("NFD", "Hội nghị sơ kết"),
                sections=[Section(unicodedata.normalize("NFD", "Thành phần"), c.Participants(
                    [c.ParticipantGroup("", [c.ParticipantEntry(unicodedata.normalize("NFD", "Bí thư"))])]))])
    loaded = store.get(store.add(plan))
    assert loaded.title == "Hội nghị sơ kết"
    assert loaded.sections[0].heading == "Thành phần"
    assert loaded.sections[0].content.groups[0].entries[0].text == "Bí thư"


def test_update_reorders_adds_and_removes_sections(store):
    plan = Plan(sections=[Section(h, c.FreeContent([c.Paragraph(h)])) for h in ("A", "B", "C")],
                signatures=[Signature(name="X"), Signature(name="Y")])
    plan_id = store.add(plan)
    plan.sections = [plan.sections[2], plan.sections[0], Section("D", c.Timeline())]
    plan.signatures = [Signature(name="Y")]
    store.update(plan_id, plan)
    loaded = store.get(plan_id)
    assert [s.heading for s in loaded.sections] == ["C", "A", "D"]
    assert [s.name for s in loaded.signatures] == ["Y"]


def test_optimistic_locking_refuses_a_stale_save(store):
    plan_id = store.add(Plan(title="Bản đầu"))
    version = store.version(plan_id)
    store.update(plan_id, Plan(title="Người thứ nhất"), expected_version=version)
    with pytest.raises(UserError, match="sửa ở nơi khác"):
        store.update(plan_id, Plan(title="Người thứ hai"), expected_version=version)
    assert store.get(plan_id).title == "Người thứ nhất"


def test_two_programs_editing_one_plan_the_second_save_is_refused(db_target):
    """Two programs (two connections to one database) open the same plan;
    the first save wins, the second is refused and overwrites nothing."""
    first, second = open_database(db_target), open_database(db_target)
    try:
        a, b = PlanStore(first), PlanStore(second)
        plan_id = a.add(Plan(title="Bản đầu"))
        plan_a, version_a = a.get(plan_id), a.version(plan_id)
        plan_b, version_b = b.get(plan_id), b.version(plan_id)
        plan_a.title, plan_b.title = "Sửa ở máy A", "Sửa ở máy B"
        assert a.update(plan_id, plan_a, expected_version=version_a) == version_a + 1
        with pytest.raises(ConflictError, match="kế hoạch đã được sửa ở nơi khác sau khi anh/chị mở nó"):
            b.update(plan_id, plan_b, expected_version=version_b)
        assert b.get(plan_id).title == "Sửa ở máy A" and b.version(plan_id) == version_a + 1
    finally:
        first.close()
        second.close()


def test_a_failed_save_changes_nothing(store, db):
    plan_id = store.add(Plan(title="Cũ", sections=[Section("A", c.FreeContent())]))
    bad = Plan(title="Mới", sections=[Section("A", c.FreeContent()), Section("B", c.FreeContent())])
    bad.status = "sai"  # not a status: the codec refuses it before anything is written
    with pytest.raises(DataError):
        store.update(plan_id, bad)
    loaded = store.get(plan_id)
    assert loaded.title == "Cũ" and len(loaded.sections) == 1


def test_delete_moves_to_the_trash_and_restore_brings_back(store):
    keep = store.add(Plan(title="Kế hoạch giữ lại"))
    plan_id = store.add(Plan(title="Hội nghị tổng kết", sections=[Section("A", c.FreeContent())]))
    store.delete(plan_id)
    assert [p.id for p in store.summaries()] == [keep]
    assert store.summary(plan_id) is None and store.search("tong ket") == []
    trashed = store.trash()
    assert [p.id for p in trashed] == [plan_id] and trashed[0].deleted_at is not None
    assert store.get(plan_id).title == "Hội nghị tổng kết"  # still readable
    with pytest.raises(UserError, match="đã bị chuyển vào thùng rác"):
        store.update(plan_id, Plan(title="Sửa khi đã xoá"))
    with pytest.raises(UserError, match="đã ở trong thùng rác"):
        store.delete(plan_id)
    store.restore(plan_id)
    assert store.trash() == [] and store.search("tong ket") == [plan_id]
    assert store.get(plan_id).sections[0].heading == "A"
    with pytest.raises(UserError, match="không ở trong thùng rác"):
        store.restore(plan_id)


def test_purge_deletes_for_good_with_sections_and_signatures(store, db):
    plan_id = store.add(Plan(sections=[Section("A", c.FreeContent())], signatures=[Signature(name="A")]))
    with pytest.raises(UserError, match="không ở trong thùng rác"):
        store.purge(plan_id)  # only from the trash
    store.delete(plan_id)
    store.purge(plan_id)
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM plan_sections")).scalar() == 0
        assert conn.execute(text("SELECT COUNT(*) FROM plan_signatures")).scalar() == 0
    with pytest.raises(UserError, match="không có kế hoạch mã số"):
        store.get(plan_id)


def test_empty_trash(store):
    ids = [store.add(Plan(title=f"Kế hoạch {n}")) for n in range(3)]
    store.delete(ids[0])
    store.delete(ids[2])
    assert store.empty_trash() == 2
    assert store.trash() == [] and [p.id for p in store.summaries()] == [ids[1]]
    assert store.empty_trash() == 0


def test_a_database_without_the_trash_is_upgraded_keeping_its_plans(tmp_path, backend, db_target):
    """A database of the first schema (0001) opens with the trash added and,
    for an SQLite file, a backup taken (a server database is backed up by its server)."""
    from alembic import command

    path = tmp_path / "cu.sqlite3" if backend == "sqlite" else db_target
    db = open_database(path)
    plan_id = PlanStore(db).add(Plan(title="Kế hoạch năm ngoái"))
    config = migrate._config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
    assert "deleted_at" not in {col["name"] for col in inspect(db.engine).get_columns("plans")}
    db.close()
    db = open_database(path)
    store = PlanStore(db)
    assert migrate.current_revision(db.engine) == migrate.SCHEMA_HEAD
    assert [p.title for p in store.summaries()] == ["Kế hoạch năm ngoái"] and store.trash() == []
    store.delete(plan_id)
    assert [p.id for p in store.trash()] == [plan_id]
    db.close()
    if backend == "sqlite":
        assert list((tmp_path / "backups").glob("cu-*-truoc-nang-cap-0001.sqlite3"))
    else:
        assert not list(tmp_path.rglob("*.sqlite3"))


def test_summaries_and_search_without_diacritics(store):
    a = store.add(Plan(title="Tổ chức Hội nghị sơ kết", number=DocumentNumber(37), plan_date=date(2022, 12, 23),
                       issuing_bodies=["BCH ĐOÀN KHỐI"]))
    b = store.add(Plan(title="Kế hoạch hiến máu", plan_date=date(2023, 2, 16), status="issued"))
    summaries = store.summaries()
    assert [s.id for s in summaries] == [b, a]
    assert summaries[1].number == "37-KH/ĐTN" and summaries[1].issuing_body == "BCH ĐOÀN KHỐI"
    assert store.search("hoi nghi") == [a]
    assert store.search(unicodedata.normalize("NFD", "HIẾN máu")) == [b]
    assert store.search("37 kh") == [a]
    assert store.search("100%") == []
    assert store.search("") == [a, b]


def test_database_made_by_a_newer_version_is_refused_untouched(db_target, backend):
    db = open_database(db_target)
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))

    def state():
        if backend == "sqlite":
            return hashlib.sha256(db_target.read_bytes()).hexdigest()
        with db.engine.connect() as connection:
            return (connection.execute(text("SELECT version_num FROM alembic_version")).all(),
                    sorted(inspect(connection).get_table_names()),
                    [col["name"] for col in inspect(connection).get_columns("plans")])

    before = state()
    with pytest.raises(UserError, match="phiên bản mới hơn"):
        open_database(db_target)
    assert state() == before
    db.close()


def test_unwritable_place_is_refused(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(UserError, match="không tạo được thư mục"):
        open_database(blocker / "sub" / "db.sqlite3")


def test_a_folder_is_not_a_database(tmp_path):
    with pytest.raises(UserError, match="thư mục"):
        open_database(tmp_path)


def test_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("đây không phải cơ sở dữ liệu " * 100, encoding="utf-8")
    with pytest.raises(UserError, match="không phải cơ sở dữ liệu"):
        open_database(path)


@pytest.mark.sqlite_only
def test_backup_uses_the_sqlite_backup_api(tmp_path, store, db):
    store.add(Plan(title="Sao lưu"))
    backup = migrate.backup_sqlite(db.file, reason="thu")
    con = sqlite3.connect(backup)
    assert con.execute("SELECT title FROM plans").fetchall() == [("Sao lưu",)]
    con.close()


NEXT_REVISION = """
import sqlalchemy as sa
from alembic import op

revision = "0002_test"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("plans") as batch:
        batch.add_column(sa.Column("extra", sa.Text, nullable=True))


def downgrade():
    with op.batch_alter_table("plans") as batch:
        batch.drop_column("extra")
"""


def test_upgrade_of_an_older_database_takes_a_backup_first(tmp_path, backend, db_target):
    """A future program with one more migration opens today's database: an
    SQLite file is copied first; a server database is not (its server's backups serve)."""
    db = open_database(db_target)
    PlanStore(db).add(Plan(title="Giữ lại"))
    future = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, future, ignore=shutil.ignore_patterns("__pycache__"))
    (future / "versions" / "0002_test.py").write_text(NEXT_REVISION.format(head=migrate.head_revision()))
    backup = migrate.upgrade_to_head(db.engine, db.file, db.label, script_location=future)
    assert migrate.current_revision(db.engine) == "0002_test"
    assert "extra" in {col["name"] for col in inspect(db.engine).get_columns("plans")}
    assert [p.title for p in PlanStore(db).summaries()] == ["Giữ lại"]
    db.close()
    if backend == "postgresql":
        assert backup is None and not (tmp_path / "backups").exists()
        return
    assert backup is not None and backup.parent == tmp_path / "backups"
    con = sqlite3.connect(backup)
    assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [(migrate.head_revision(),)]
    assert con.execute("SELECT title FROM plans").fetchall() == [("Giữ lại",)]
    con.close()


def test_url_target_and_env_override(tmp_path, monkeypatch):
    path = tmp_path / "via-url.sqlite3"
    db = open_database(f"sqlite:///{path}")
    assert db.file == path and path.exists()
    db.close()
    monkeypatch.setenv("KEHOACH_DB", str(tmp_path / "via-env.sqlite3"))
    db = open_database(None)
    assert db.file == tmp_path / "via-env.sqlite3"
    db.close()


def test_schema_head_constant_matches_the_migrations():
    assert migrate.SCHEMA_HEAD == migrate.head_revision()


def test_a_damaged_section_in_the_database_is_reported_not_crashed_on(store, db):
    plan_id = store.add(Plan(sections=[Section("A", c.FreeContent([c.Paragraph("x")]))]))
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE plan_sections SET content = '{\"kind\": \"bang\"}'"))
    with pytest.raises(UserError, match=f"kế hoạch mã số {plan_id}.*bị hỏng.*kind"):
        store.get(plan_id)


def test_reading_an_up_to_date_file_needs_no_sqlalchemy(tmp_path):
    """The window starts without importing SQLAlchemy; it loads on the first write."""
    import subprocess
    import sys

    path = tmp_path / "db.sqlite3"
    db = open_database(path)
    PlanStore(db).add(kehoach_json.read_file(FIXTURE_FILES[0]))
    db.close()
    script = (
        "import sys\n"
        "from kehoach_desktop.store.database import open_database\n"
        "from kehoach_desktop.store.plans import PlanStore\n"
        f"store = PlanStore(open_database({str(path)!r}))\n"
        "summaries = store.summaries()\n"
        "plan = store.get(summaries[0].id)\n"
        "print(len(summaries), plan.number.value, store.search('hoi nghi so ket'), 'sqlalchemy' in sys.modules)\n"
        "store.update(summaries[0].id, plan)\n"
        "print('sqlalchemy' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split("\n")[:2] == ["1 37 [1] False", "True"]


def test_a_url_without_a_file_is_read_through_the_engine():
    db = open_database("sqlite://")  # no file: the engine's own connections, as for PostgreSQL
    store = PlanStore(db)
    plan = kehoach_json.read_file(FIXTURE_FILES[2])
    plan_id = store.add(plan)
    assert plan_to_data(store.get(plan_id)) == plan_to_data(plan)
    assert [s.id for s in store.summaries()] == [plan_id] and store.version(plan_id) == 1
    db.close()


def test_plans_without_a_date_are_listed_last(store):
    undated = store.add(Plan(title="Chưa có ngày"))
    old = store.add(Plan(title="Cũ", plan_date=date(2023, 1, 5)))
    new = store.add(Plan(title="Mới", plan_date=date(2024, 6, 1)))
    assert [s.id for s in store.summaries()] == [new, old, undated]


def test_a_postgresql_url_without_a_driver_uses_psycopg():
    """"postgresql://" alone would ask for psycopg2; the program ships psycopg 3.
    The engine is made without connecting, and the label hides the password."""
    db = open_database("postgresql://nguoi_dung:mat-khau@127.0.0.1:5432/kehoach", upgrade=False)
    try:
        assert (db.engine.dialect.name, db.engine.dialect.driver) == ("postgresql", "psycopg")
        assert db.file is None and "mat-khau" not in db.label and "***" in db.label
    finally:
        db.close()


def test_a_server_that_does_not_answer_gives_a_vietnamese_message():
    with pytest.raises(UserError, match=r"không mở được cơ sở dữ liệu postgresql\+psycopg://u:\*\*\*@127.0.0.1:9/x"):
        open_database("postgresql+psycopg://u:secret@127.0.0.1:9/x?connect_timeout=2")


def test_a_postgresql_database_that_is_not_utf8_is_refused(pg_server, pg_database):
    from sqlalchemy.engine import make_url

    name = make_url(pg_database).database + "_ascii"
    with pg_server.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'SQL_ASCII\' '
                                "LC_COLLATE 'C' LC_CTYPE 'C'"))
    try:
        with pytest.raises(UserError, match="bảng mã SQL_ASCII.*ENCODING 'UTF8'"):
            open_database(make_url(pg_database).set(database=name).render_as_string(hide_password=False))
    finally:
        with pg_server.connect() as connection:
            connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
