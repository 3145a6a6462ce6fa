"""Run a command with the project's settings (.env + defaults) in its environment.

Rasa reads `${VAR}` in endpoints.yml from the environment but does not read `.env` itself, so every
Rasa command goes through here:  python scripts/with_env.py [--role ROLE] rasa run ...

``--role`` says which process this is, and so which secrets it gets (padsafety/settings.py SECRET_ROLES):
``rasa`` (the Rasa server: conversation-id key, API and Telegram tokens, tracker store and Redis URLs,
action server token), ``actions`` (the action server: records salt and URL, action server token), ``web``
(the demo page server) and ``none`` (helpers such as the log writer): no secret; ``tool`` (the default:
scripts, tests, training): every setting. A server
role's environment is marked as exported, so its settings do not read `.env` again and a secret left
out cannot come back from the file.

It also makes what the command creates private: the umask is 077 (databases, logs and files of new
directories are readable by this account only) and var/ is mode 700. The action server's interface is
the settings' ACTION_SERVER_HOST, whatever SANIC_HOST said, and Rasa and the action server share
ACTION_SERVER_TOKEN (a random one of this checkout when .env sets none: padsafety/action_auth.py).
"""

import os
import sys
from pathlib import Path
from typing import List, Tuple

from padsafety.settings import ROLES, environment_for_role, settings

try:
    from padsafety.action_auth import local_token
except ImportError:  # a slim image without the action server's code (the page server's) needs no token
    local_token = None

PROJECT_DIR = Path(__file__).resolve().parent.parent


def _checkout_token() -> str:
    """This checkout's random action server token, or "" where it cannot be kept (then calls are refused)."""
    if local_token is None:
        return ""
    try:
        return local_token()
    except OSError as error:
        print(f"with_env: no ACTION_SERVER_TOKEN and var/ is not writable ({error.strerror}): set "
              "ACTION_SERVER_TOKEN, the action server refuses every call without it", file=sys.stderr)
        return ""


USAGE = f"usage: with_env.py [--role {'|'.join(ROLES)}] COMMAND [ARGS...]"


def split_arguments(argv: List[str]) -> Tuple[str, List[str]]:
    """(role, command) from with_env.py's arguments: optionally ``--role ROLE`` (or ``--role=ROLE``) first."""
    role = "tool"
    if argv and argv[0] == "--role":
        if len(argv) < 2:
            sys.exit(USAGE)
        role, argv = argv[1], argv[2:]
    elif argv and argv[0].startswith("--role="):
        role, argv = argv[0][len("--role="):], argv[1:]
    if role not in ROLES:
        sys.exit(f"with_env: unknown role {role!r}\n{USAGE}")
    if not argv:
        sys.exit(USAGE)
    return role, argv


def main() -> None:
    """Export the settings (those of the role), make the project importable, and exec the command."""
    role, command = split_arguments(sys.argv[1:])
    # conversations, screening records and logs hold health information: this account only
    os.umask(0o077)
    var = PROJECT_DIR / "var"
    try:
        var.mkdir(mode=0o700, exist_ok=True)
        var.chmod(0o700)
    except OSError:  # a read-only file system (a container): its data lives on mounted volumes
        pass
    config = settings()
    env = dict(os.environ)
    env.update(config.as_environment())
    # rasa-sdk's action server takes its interface from SANIC_HOST (it has no --interface option) and
    # listens on 0.0.0.0 without it: always the settings' host (rasa_sdk_plugins/ enforces it as well)
    env["SANIC_HOST"] = config.action_server_host
    # the shared secret of Rasa and the action server (no token file made for a role without secrets)
    if role in ("tool", "rasa", "actions"):
        env["ACTION_SERVER_TOKEN"] = config.action_server_token or _checkout_token()
    # no telemetry or crash reports leave the machine (they would carry conversation data)
    env.setdefault("RASA_TELEMETRY_ENABLED", "false")
    # the virtual environment's tools (rasa, pytest...) first
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT_DIR), env.get("PYTHONPATH")]))
    url = config.tracker_store_url
    if url.startswith("sqlite:///"):
        Path(url[len("sqlite:///") :]).parent.mkdir(parents=True, exist_ok=True)
    # only the secrets this role needs, whatever the parent's environment held
    env = environment_for_role(env, role)
    os.chdir(PROJECT_DIR)
    os.execvpe(command[0], command, env)  # searches env's PATH


if __name__ == "__main__":
    main()
