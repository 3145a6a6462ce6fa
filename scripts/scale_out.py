"""Start the scaled-out topology on one machine: N Rasa servers and M action servers behind nginx.

  python scripts/with_env.py python scripts/scale_out.py [--rasa 2] [--actions 2] [--port 8000]

Every Rasa server uses deploy/endpoints.scale.yml: conversations in PostgreSQL (TRACKER_STORE_URL), turns
of one conversation serialised through Redis locks (REDIS_URL), custom actions through nginx's second
port to the action servers. nginx (Debian's package) listens on --port and round-robins the REST
webhook over the Rasa servers. Runs in the foreground; Ctrl-C stops everything. Prints `ready: URL`.
Each process gets only the secrets of its role (padsafety/settings.py SECRET_ROLES): nginx none.
"""

from __future__ import annotations

import argparse
import shutil
import signal
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import List

from processes import free_port
from processes import wait_until_up as _wait_until_up

from padsafety.settings import environment_for_role, settings

PROJECT_DIR = Path(__file__).resolve().parent.parent


def wait_until_up(url: str, processes: List[subprocess.Popen], seconds: int = 180) -> None:
    """Poll a URL until it answers; exit with a message if a process died or time ran out."""
    try:
        _wait_until_up(url, processes, seconds)
    except RuntimeError as error:
        sys.exit(f"scale-out: {error}; see the run directory logs")


def main() -> None:
    """Start everything, print where it listens, wait for Ctrl-C or SIGTERM."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rasa", type=int, default=2, help="number of Rasa servers")
    parser.add_argument("--actions", type=int, default=2, help="number of action servers")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000, help="nginx's public port")
    parser.add_argument(
        "--run-dir", type=Path, default=None, help="logs and nginx files (default: a temp dir)"
    )
    args = parser.parse_args()

    config = settings()
    if config.tracker_store_url.startswith("sqlite"):
        sys.exit(
            "scale-out: several Rasa servers cannot share a SQLite file. "
            "Set TRACKER_STORE_URL to PostgreSQL, "
            "e.g. postgresql://postgres@127.0.0.1:5432/test"
        )
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        sys.exit("scale-out: nginx is not installed (apt-get install nginx-light)")
    run_dir = args.run_dir or Path(tempfile.mkdtemp(prefix="scale-out-"))
    run_dir.mkdir(parents=True, exist_ok=True)
    action_lb_port = free_port()
    rasa_ports = [free_port() for _ in range(args.rasa)]
    action_ports = [free_port() for _ in range(args.actions)]
    # the settings (as with_env.py exports them), then each process's role drops what it does not need
    env = {
        **__import__("os").environ,
        **config.as_environment(),
        "ACTION_SERVER_URL": f"http://127.0.0.1:{action_lb_port}/webhook",
    }

    processes: List[subprocess.Popen] = []

    def start(name: str, command: List[str], role: str) -> subprocess.Popen:
        log = open(run_dir / f"{name}.log", "w")
        # only the secrets of the process's role
        own = environment_for_role(env, role)
        process = subprocess.Popen(command, cwd=PROJECT_DIR, env=own, stdout=log, stderr=subprocess.STDOUT)
        processes.append(process)
        return process

    def stop(*_: object) -> None:
        for process in reversed(processes):
            if process.poll() is None:
                process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)

    template = string.Template((PROJECT_DIR / "deploy" / "nginx.conf.template").read_text())
    (run_dir / "nginx.conf").write_text(
        template.substitute(
            run_dir=run_dir,
            host=args.host,
            port=args.port,
            action_port=action_lb_port,
            rasa_servers="\n".join(f"        server 127.0.0.1:{p};" for p in rasa_ports),
            action_servers="\n".join(f"        server 127.0.0.1:{p};" for p in action_ports),
        )
    )
    start("nginx", [nginx, "-c", str(run_dir / "nginx.conf"), "-p", str(run_dir)], "none")
    for index, port in enumerate(action_ports):
        start(
            f"actions-{index}",
            ["rasa", "run", "actions", "--actions", "actions", "-p", str(port)],
            "actions",
        )
    for port in action_ports:
        wait_until_up(f"http://127.0.0.1:{port}/health", processes)
    # one after the other: the first creates the tables, the others find them
    for index, port in enumerate(rasa_ports):
        start(
            f"rasa-{index}",
            # as `make run` starts Rasa (HTTP API per the settings), with the shared stores
            ["python", "scripts/rasa_server.py", "--endpoints", "deploy/endpoints.scale.yml",
             "-i", "127.0.0.1", "-p", str(port)],
            "rasa",
        )
        wait_until_up(f"http://127.0.0.1:{port}/", processes)
    wait_until_up(f"http://{args.host}:{args.port}/", processes)
    servers = " ".join(f"http://127.0.0.1:{p}" for p in rasa_ports)
    print(f"ready: http://{args.host}:{args.port}/webhooks/rest/webhook", flush=True)
    print(f"rasa servers: {servers}", flush=True)
    print(f"logs: {run_dir}", flush=True)
    while True:
        for process in processes:
            if process.poll() is not None:
                print(f"scale-out: {process.args[:4]} exited with {process.returncode}", flush=True)
                stop()
        time.sleep(1)


if __name__ == "__main__":
    main()
