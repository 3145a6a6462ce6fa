"""Messages per second and p95 latency: one Rasa server vs two behind nginx, measured in one run.

Both topologies come from scripts/scale_out.py (PostgreSQL tracker store, Redis locks, nginx in front);
each gets a fresh PostgreSQL database and the same load: --conversations concurrent conversations of
the benchmark's multi-turn script (screening form and custom actions included).

  python scripts/with_env.py python scripts/benchmark_scale.py [--conversations 50]
Needs POSTGRES_ADMIN_URL (default postgresql://postgres@127.0.0.1:5432/test) and REDIS_URL.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from sqlalchemy import create_engine, text

# scripts/ is on the path when this script runs: its sibling module
from benchmark import free_port, load

PROJECT_DIR = Path(__file__).resolve().parent.parent


def measure(servers: int, admin_url: str, conversations: int) -> dict:
    """Start the topology with `servers` Rasa servers, load it through nginx, stop it."""
    name = f"rlt_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    database = urlunsplit(urlsplit(admin_url)._replace(path=f"/{name}"))
    env = dict(os.environ, TRACKER_STORE_URL=database, RECORDS_DB_URL=database)
    env.setdefault("RECORDS_SALT", "benchmark")
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "scripts/scale_out.py",
            "--rasa",
            str(servers),
            "--actions",
            str(servers),
            "--port",
            str(port),
        ],
        cwd=PROJECT_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        url = None
        for line in process.stdout:
            if line.startswith("ready:"):
                url = line.split()[1]
                break
        if not url:
            sys.exit("benchmark_scale: scale_out.py did not start")
        asyncio.run(load(url, 2))  # warm-up
        return asyncio.run(load(url, conversations))
    finally:
        process.terminate()
        process.wait(timeout=60)
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def main() -> None:
    """Measure both topologies and print the comparison."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--conversations", type=int, default=50)
    parser.add_argument("--out", type=Path, default=PROJECT_DIR / "results" / "benchmark" / "scale.json")
    args = parser.parse_args()
    admin_url = os.environ.get("POSTGRES_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/test")
    results = {
        f"{n}_server{'s' if n > 1 else ''}": measure(n, admin_url, args.conversations) for n in (1, 2)
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps({"conversations": args.conversations, "cpus": os.cpu_count(), **results}, indent=2)
    )
    print(f"{'topology':12} {'msgs/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for name, figures in results.items():
        print(
            f"{name:12} {figures['msgs_per_s']:8.1f} {figures['p50_ms']:8.1f} {figures['p95_ms']:8.1f} "
            f"{figures['p99_ms']:8.1f}"
        )
    print(f"results: {args.out}")


if __name__ == "__main__":
    main()
