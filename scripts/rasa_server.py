"""`rasa run` as this project runs it (make run, the tests, make scale-out).

The model, endpoints, credentials, interface and port come from the settings; Rasa's HTTP API is on only
when ENABLE_API=true, then always with RASA_API_TOKEN (settings refuse to load without a long one), and its
model-changing endpoints are refused in every case (components/api_guard.py). Extra arguments are passed
on to `rasa run` and win over these defaults (for example `--credentials FILE` or `--cors ORIGIN`).

    python scripts/with_env.py python scripts/rasa_server.py [rasa run options]
"""

import sys
from pathlib import Path

from components import api_guard
from padsafety.settings import settings

PROJECT_DIR = Path(__file__).resolve().parent.parent


def rasa_arguments(extra: list) -> list:
    """The `rasa run` command line for these settings, then ``extra``."""
    config = settings()
    arguments = [
        "rasa", "run",
        "--model", str(PROJECT_DIR / "models" / "current.tar.gz"),
        "--endpoints", "endpoints.yml",
        "--credentials", "credentials.yml",
        "-i", config.rasa_host,
        "-p", str(config.rasa_port),
    ]
    if config.enable_api:
        arguments += ["--enable-api", "--auth-token", config.rasa_api_token]
    if config.log_level == "DEBUG":
        arguments.append("--debug")
    if "--enable-api" in extra and not config.enable_api:
        sys.exit("rasa_server: switch the HTTP API on with ENABLE_API=true and RASA_API_TOKEN in .env")
    return arguments + extra


def main() -> None:
    """Install the API guard and run Rasa in this process."""
    api_guard.install()
    sys.argv = rasa_arguments(sys.argv[1:])
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
