"""A power cut, simulated: a child process saves plans in a loop and is
killed with SIGKILL at random moments, 100 times. After each kill the
database passes PRAGMA integrity_check and every plan is wholly as it was
before a save or wholly as after it, never a mix (header, sections and
signatures are written in one transaction)."""
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from kehoach_desktop.core import content as c
from kehoach_desktop.core.model import Plan, Section, Signature
from kehoach_desktop.store.database import open_database
from kehoach_desktop.store.plans import PlanStore

KILLS = int(os.environ.get("KEHOACH_CRASH_KILLS", "100"))
PLANS = 3

SAVER = r"""
import sys
from kehoach_desktop.core import content as c
from kehoach_desktop.core.model import Section, Signature
from kehoach_desktop.store.database import open_database
from kehoach_desktop.store.plans import PlanStore

db = open_database(sys.argv[1])
store = PlanStore(db)
ids = [int(i) for i in sys.argv[2].split(",")]
generation = int(sys.argv[3])


def save_all():
    global generation
    generation += 1
    for plan_id in ids:
        plan = store.get(plan_id)
        mark = f"thế hệ {generation}"
        plan.title = mark
        plan.preamble = [mark] * 3
        plan.sections = [Section(f"{mark} mục {i}", c.FreeContent([c.Paragraph(mark * 20)])) for i in range(6)]
        plan.signatures = [Signature("TM.", mark, mark, mark)]
        store.update(plan_id, plan)


save_all()  # the first write loads the ORM: after it, saves follow each other quickly
print("ready", flush=True)
while True:
    save_all()
"""


def marks(plan: Plan) -> set[str]:
    """Every generation mark the plan's parts carry."""
    found = {plan.title, *plan.preamble}
    found |= {s.heading.split(" mục ")[0] for s in plan.sections}
    found |= {b.text[:len(plan.title)] for s in plan.sections for b in s.content.blocks}
    found |= {getattr(sig, name) for sig in plan.signatures for name in ("body", "position", "name")}
    return found


@pytest.mark.usefixtures("posix")  # SIGKILL
def test_killed_while_saving_never_leaves_a_mix(db_target, backend):
    """On SQLite the file must also pass PRAGMA integrity_check; on
    PostgreSQL the server rolls back the killed client's transaction."""
    path = db_target
    db = open_database(path)
    store = PlanStore(db)
    ids = [store.add(Plan(title="thế hệ 0", preamble=["thế hệ 0"] * 3,
                          sections=[Section(f"thế hệ 0 mục {i}", c.FreeContent([c.Paragraph("thế hệ 0" * 20)]))
                                    for i in range(6)],
                          signatures=[Signature("TM.", "thế hệ 0", "thế hệ 0", "thế hệ 0")])) for _ in range(PLANS)]
    db.close()
    rnd = random.Random(20261201)
    seen_generations = set()
    for kill in range(KILLS):
        child = subprocess.Popen([sys.executable, "-c", SAVER, str(path), ",".join(map(str, ids)),
                                  str(kill * 1000)], stdout=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rnd.uniform(0.0, 0.3))
        child.send_signal(signal.SIGKILL)
        child.wait()
        if backend == "sqlite":
            check = sqlite3.connect(path)
            try:
                assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok", f"kill {kill}"
            finally:
                check.close()
        db = open_database(path)
        try:
            for plan_id in ids:
                found = marks(PlanStore(db).get(plan_id))
                assert len(found) == 1, f"kill {kill}: plan {plan_id} mixes {sorted(found)}"
                seen_generations |= found
        finally:
            db.close()
    assert len(seen_generations) > KILLS // 2  # the kills really fell between and inside saves
