"""The shared secret between Rasa and the action server (no Rasa import; both sides use it).

rasa-sdk 3.6 runs any action for anyone who can reach ``POST /webhook``: a crafted call with another user's
sender id and ``action_forget_me`` deletes their screening records, ``action_screening_verdict`` forges one.
So Rasa sends ``Authorization: Bearer <ACTION_SERVER_TOKEN>`` with every action call
(components/action_auth.py) and the action server refuses, with a 403 and before any action runs, every
call to ``/webhook`` and ``/actions`` without it (rasa_sdk_plugins/). ``/health`` stays open.

The token comes from ``ACTION_SERVER_TOKEN`` (.env). When that is empty, scripts/with_env.py uses a random
one kept in ``var/action_server_token`` (mode 600), so Rasa and the action server of one checkout agree
without configuration; a deployment on two machines sets the same ``ACTION_SERVER_TOKEN`` on both.
"""

from __future__ import annotations

import hmac
import os
import secrets
from pathlib import Path
from typing import Optional

from padsafety.settings import PROJECT_DIR

HEADER = "Authorization"
SCHEME = "Bearer"
TOKEN_FILE = PROJECT_DIR / "var" / "action_server_token"
MIN_TOKEN_LENGTH = 16
PROTECTED_PATHS = ("/webhook", "/actions")


def local_token(path: Path = TOKEN_FILE) -> str:
    """The checkout's own token: read from ``path``, created there (mode 600) on first use."""
    try:
        token = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        token = ""
    if len(token) >= MIN_TOKEN_LENGTH:
        return token
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    token = secrets.token_urlsafe(32)
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write(token + "\n")
    try:
        os.link(temporary, path)  # atomic: when two processes race, the first token wins
    except FileExistsError:
        pass
    finally:
        temporary.unlink()
    return path.read_text(encoding="utf-8").strip()


def header_value(token: str) -> str:
    """What Rasa sends in the Authorization header."""
    return f"{SCHEME} {token}"


def is_authorized(header: Optional[str], token: str) -> bool:
    """Whether an Authorization header carries ``token`` (compared in constant time; never with no token)."""
    if len(token) < MIN_TOKEN_LENGTH or not isinstance(header, str):
        return False
    scheme, _, given = header.partition(" ")
    if scheme != SCHEME:
        return False
    return hmac.compare_digest(given.strip().encode("utf-8", "surrogatepass"), token.encode("utf-8"))


def is_protected(path: str) -> bool:
    """Whether a request path of the action server needs the token."""
    path = "/" + path.strip("/")
    return any(path == p or path.startswith(p + "/") for p in PROTECTED_PATHS)
