"""Run a command with the project's settings (.env + defaults) in its environment.

Rasa reads `${VAR}` in endpoints.yml from the environment but does not read `.env` itself, so every
Rasa command goes through here:  python scripts/with_env.py rasa run ...
"""

import os
import sys
from pathlib import Path

from padsafety.settings import settings

PROJECT_DIR = Path(__file__).resolve().parent.parent


def main() -> None:
    """Export the settings, make the project importable, and exec the command."""
    if len(sys.argv) < 2:
        sys.exit("usage: with_env.py COMMAND [ARGS...]")
    config = settings()
    env = dict(os.environ)
    env.update(config.as_environment())
    # rasa-sdk's action server takes its interface from SANIC_HOST (it has no --interface option)
    env.setdefault("SANIC_HOST", config.action_server_host)
    # no telemetry or crash reports leave the machine (they would carry conversation data)
    env.setdefault("RASA_TELEMETRY_ENABLED", "false")
    # the virtual environment's tools (rasa, pytest...) first
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT_DIR), env.get("PYTHONPATH")]))
    url = config.tracker_store_url
    if url.startswith("sqlite:///"):
        Path(url[len("sqlite:///") :]).parent.mkdir(parents=True, exist_ok=True)
    os.chdir(PROJECT_DIR)
    os.execvpe(sys.argv[1], sys.argv[1:], env)  # searches env's PATH


if __name__ == "__main__":
    main()
