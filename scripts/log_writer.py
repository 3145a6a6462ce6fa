"""Writes a server's output to a log file that rotates by size, as logrotate would (used by `make run`).

    some-server 2>&1 | python scripts/log_writer.py var/log/rasa.log

Each line read from standard input is appended to FILE; when FILE would grow past LOG_MAX_BYTES it is
renamed FILE.1 (FILE.1 becomes FILE.2, ... up to LOG_BACKUP_COUNT, the oldest is deleted) and a new FILE is
started. Files are created with mode 600 (they can hold health-related events). A line longer than 16 KB is
cut (a log line that long is an attack or a bug). Exits when its input ends, that is when the server stops.

In a container, log to standard output instead and let the runtime rotate (Docker's ``json-file`` driver
with ``max-size``/``max-file``, or Kubernetes' kubelet ``containerLogMaxSize``).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path
from typing import BinaryIO, Optional

MAX_LINE_BYTES = 16384


class RotatingFile:
    """Appends lines to ``path``, rotating at ``max_bytes`` and keeping ``backups`` old files."""

    def __init__(self, path: Path, max_bytes: int, backups: int) -> None:
        self.path, self.max_bytes, self.backups = path, max(max_bytes, 1024), max(backups, 0)
        self.out: Optional[BinaryIO] = None

    def _open(self) -> BinaryIO:
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        descriptor = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.fchmod(descriptor, 0o600)
        return os.fdopen(descriptor, "ab", buffering=0)

    def rotate(self) -> None:
        """FILE -> FILE.1 -> ... -> FILE.<backups>, dropping the oldest; then a fresh FILE."""
        if self.out is not None:
            self.out.close()
            self.out = None
        if self.backups == 0:
            self.path.unlink(missing_ok=True)
            return
        for index in range(self.backups - 1, 0, -1):
            older = self.path.with_name(f"{self.path.name}.{index}")
            if older.exists():
                older.replace(self.path.with_name(f"{self.path.name}.{index + 1}"))
        if self.path.exists():
            self.path.replace(self.path.with_name(f"{self.path.name}.1"))

    def write(self, line: bytes) -> None:
        """Append one line, rotating first when it would not fit."""
        if len(line) > MAX_LINE_BYTES:
            line = line[:MAX_LINE_BYTES] + b" [line cut]\n"
        elif not line.endswith(b"\n"):
            line += b"\n"
        if self.out is None:
            self.out = self._open()
        size = os.fstat(self.out.fileno()).st_size
        if size and size + len(line) > self.max_bytes:
            self.rotate()
            self.out = self._open()
        self.out.write(line)

    def close(self) -> None:
        """Close the current file."""
        if self.out is not None:
            self.out.close()


def main() -> None:
    """Copy standard input to the rotating file until it ends."""
    from padsafety.settings import settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    args = parser.parse_args()
    config = settings()
    log = RotatingFile(args.file, config.log_max_bytes, config.log_backup_count)
    source = sys.stdin.buffer
    # Ctrl-C reaches the whole process group: keep writing until the server has written its last line
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        while True:
            line = source.readline(MAX_LINE_BYTES + 1)
            if not line:
                break
            if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
                while True:  # the rest of an over-long line is dropped, never written as a line of its own
                    rest = source.readline(MAX_LINE_BYTES)
                    if not rest or rest.endswith(b"\n"):
                        break
            log.write(line)
    finally:
        log.close()


if __name__ == "__main__":
    main()
