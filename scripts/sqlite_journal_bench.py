"""CPU and wall time of one tracker-store commit and one session checkout on SQLite: the rollback journal
and a new connection per session (SQLAlchemy 1.4's defaults, as Rasa uses them) against the write-ahead log
and pooled connections of components/tracker_store.py `sqlite_engine`.

    python scripts/with_env.py python scripts/sqlite_journal_bench.py [--turns 300]
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

from components.tracker_store import sqlite_engine

# one turn's rows: about 8 events of ~500 bytes of JSON each
ROW = {"sender_id": "bench", "type_name": "bot", "data": "x" * 500}


def measure(engine: sa.engine.Engine, turns: int) -> tuple:
    """CPU (user + system) and wall milliseconds per turn: a check query in one session, then 8 inserts and
    a commit in another, as the cached tracker store's retrieve and save do."""
    with engine.begin() as connection:
        connection.execute(sa.text(
            "CREATE TABLE IF NOT EXISTS events "
            "(id INTEGER PRIMARY KEY, sender_id TEXT, type_name TEXT, data TEXT)"
        ))
    start = resource.getrusage(resource.RUSAGE_SELF)
    wall = time.perf_counter()
    for _ in range(turns):
        with engine.connect() as connection:
            query = "SELECT count(id), max(id) FROM events WHERE sender_id = 'bench'"
            connection.execute(sa.text(query)).one()
        with engine.begin() as connection:
            connection.execute(sa.text("INSERT INTO events (sender_id, type_name, data) VALUES "
                                       "(:sender_id, :type_name, :data)"), [ROW] * 8)
    end = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (end.ru_utime - start.ru_utime) + (end.ru_stime - start.ru_stime)
    return cpu / turns * 1000, (time.perf_counter() - wall) / turns * 1000


def main() -> None:
    """Prints both variants' figures."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--turns", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for name, make in (
            ("rollback journal, new connection per session", lambda url: sa.create_engine(url)),
            ("write-ahead log, pooled connections", sqlite_engine),
        ):
            url = sa.engine.make_url(f"sqlite:///{Path(folder) / (name.split(',')[0] + '.db')}")
            cpu, wall = measure(make(url), args.turns)
            print(f"{name:48s} CPU {cpu:6.3f} ms per turn   wall {wall:6.3f} ms per turn")


if __name__ == "__main__":
    main()
