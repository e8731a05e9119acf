"""Schema versions: Alembic migrations applied on open, with a backup first.

The backup is an SQLite file's copy beside it. A server database
(PostgreSQL) gets none from the program: it cannot copy a server, and the
server's own backups (pg_dump, the administrator's schedule) are the ones to
restore from; the upgrade itself runs in one transaction, so a failed one
leaves the schema as it was.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.errors import UserError
from .backups import copy_of

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest revision in migrations/versions (a test keeps the two equal):
# opening an up-to-date database then needs no Alembic import at all, which
# keeps the window's start fast.
SCHEMA_HEAD = "0012"
logger = logging.getLogger(__name__)


def _config(script_location: Path = MIGRATIONS_DIR) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(script_location))
    return config


def head_revision(script_location: Path = MIGRATIONS_DIR) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config(script_location)).get_current_head()


def known_revisions(script_location: Path = MIGRATIONS_DIR) -> set[str]:
    """Every schema revision this program has (a database at any of them can
    be brought to this version; one at another was made by a newer version)."""
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(_config(script_location)).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    from sqlalchemy import inspect, text

    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade_to_head(engine: Engine, file: Path | None, label: str,
                    script_location: Path = MIGRATIONS_DIR) -> Path | None:
    """Bring the schema to this program's version; returns the backup made,
    if any (never for a server database, see the module's docstring)."""
    if script_location == MIGRATIONS_DIR and current_revision(engine) == SCHEMA_HEAD:
        return None
    from alembic import command
    from alembic.script import ScriptDirectory

    config = _config(script_location)
    script = ScriptDirectory.from_config(config)
    head = script.get_current_head()
    current = current_revision(engine)
    if current == head:
        return None
    if current is not None and current not in known_revisions(script_location):
        raise UserError(
            f"cơ sở dữ liệu {label} được tạo bởi phiên bản mới hơn của chương trình "
            f"(lược đồ {current}); hãy cập nhật KeHoach Desktop trước khi mở nó. Không có gì bị thay đổi.")
    backup = None
    if current is not None and file is not None and file.exists():
        backup = backup_sqlite(file, reason=f"truoc-nang-cap-{current}")
    elif current is not None and file is None:
        logger.warning(
            "%s: nâng cấp lược đồ %s -> %s mà chương trình không sao lưu trước được (cơ sở dữ liệu trên máy "
            "chủ: hãy dùng bản sao lưu của máy chủ, ví dụ pg_dump)", label, current, head)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    logger.info("%s: schema %s -> %s%s", label, current or "(new)", head, f", backup first: {backup}" if backup else "")
    return backup


def backup_sqlite(file: Path, reason: str = "sao-luu") -> Path:
    """A consistent copy beside the file, in backups/ (store/backups.py)."""
    return copy_of(file, reason)
