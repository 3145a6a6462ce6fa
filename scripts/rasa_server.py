"""`rasa run` as this project runs it (make run, the tests, make scale-out).

The model, endpoints, credentials, interface and port come from the settings; Rasa's HTTP API is on only
when ENABLE_API=true, then always with RASA_API_TOKEN (settings refuse to load without a long one), and its
model-changing endpoints are refused in every case (components/api_guard.py); ``GET /`` names no version;
Rasa's warnings that would carry message text are masked (components/log_guard.py) and repeated warnings
and errors are rate-limited (padsafety/log_limits.py); a model that cannot be loaded stops the server (exit
code 3) instead of leaving it up and silent. Extra arguments are passed
on to `rasa run` and win over these defaults (for example `--credentials FILE` or `--cors ORIGIN`).

    python scripts/with_env.py python scripts/rasa_server.py [rasa run options]
"""

import sys
from pathlib import Path

from components import api_guard, log_guard
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


def limit_logs_when_serving() -> None:
    """Rate-limit repeated warnings and errors once Rasa has set up its log handlers (it does so first)."""
    import rasa.core.run

    from padsafety.log_limits import limit_handlers

    original = rasa.core.run.configure_app

    def configure_app(*args: object, **kwargs: object) -> object:
        limit_handlers()
        return original(*args, **kwargs)

    rasa.core.run.configure_app = configure_app


NO_MODEL_EXIT_CODE = 3


def require_a_model() -> None:
    """Stop the server when its model cannot be loaded (a missing or unreadable file, a model from another
    Rasa version): Rasa itself logs the error and goes on serving, answering every message with silence,
    while ``GET /`` (the health check) still says it is up."""
    import logging
    import os

    import rasa.core.run

    original = rasa.core.run.load_agent_on_start

    async def load_agent_on_start(*args: object, **kwargs: object) -> object:
        agent = await original(*args, **kwargs)
        if agent is None or not agent.is_ready():
            logging.getLogger("rasa_server").critical(
                "No model could be loaded (see the error above): the server stops rather than answer nothing"
            )
            logging.shutdown()
            os._exit(NO_MODEL_EXIT_CODE)  # a listener's SystemExit would be caught by Sanic
        return agent

    rasa.core.run.load_agent_on_start = load_agent_on_start


def main() -> None:
    """Install the guards and run Rasa in this process."""
    api_guard.install()
    require_a_model()
    log_guard.install()  # no message text in the logs (Rasa's warnings about "/..." messages)
    limit_logs_when_serving()
    sys.argv = rasa_arguments(sys.argv[1:])
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
