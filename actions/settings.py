"""Settings: read once from the environment and the project's `.env` file (python-dotenv).

Nothing else in the project reads ``os.environ``; `.env.example` documents every variable.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Dict

from dotenv import dotenv_values

PROJECT_DIR = Path(__file__).resolve().parent.parent

DEFAULTS: Dict[str, str] = {
    "RASA_HOST": "127.0.0.1",
    "RASA_PORT": "5005",
    "ACTION_SERVER_HOST": "127.0.0.1",
    "ACTION_SERVER_PORT": "5055",
    "ACTION_SERVER_URL": "http://127.0.0.1:5055/webhook",
    "TRACKER_STORE_URL": f"sqlite:///{PROJECT_DIR / 'var' / 'tracker.db'}",
    "LOG_LEVEL": "INFO",
}


@dataclass(frozen=True)
class Settings:
    """Typed view of the configuration."""

    rasa_host: str
    rasa_port: int
    action_server_host: str
    action_server_port: int
    action_server_url: str
    tracker_store_url: str
    log_level: str

    def as_environment(self) -> Dict[str, str]:
        """The variables Rasa's YAML files (`${VAR}`) and the CLIs read."""
        return {
            "RASA_HOST": self.rasa_host,
            "RASA_PORT": str(self.rasa_port),
            "ACTION_SERVER_HOST": self.action_server_host,
            "ACTION_SERVER_PORT": str(self.action_server_port),
            "ACTION_SERVER_URL": self.action_server_url,
            "TRACKER_STORE_URL": self.tracker_store_url,
            "LOG_LEVEL": self.log_level,
        }


def _int(values: Dict[str, str], name: str) -> int:
    try:
        return int(values[name])
    except ValueError:
        raise SystemExit(f"{name} must be a whole number, got {values[name]!r} (see .env.example)") from None


def load_settings(env_file: Path = PROJECT_DIR / ".env") -> Settings:
    """Defaults, overridden by `.env`, overridden by the process environment."""
    values = dict(DEFAULTS)
    values.update({k: v for k, v in dotenv_values(env_file).items() if v is not None})
    values.update({k: os.environ[k] for k in DEFAULTS if k in os.environ})
    level = values["LOG_LEVEL"].upper()
    if level not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
        raise SystemExit(f"LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, got {level!r}")
    return Settings(
        rasa_host=values["RASA_HOST"],
        rasa_port=_int(values, "RASA_PORT"),
        action_server_host=values["ACTION_SERVER_HOST"],
        action_server_port=_int(values, "ACTION_SERVER_PORT"),
        action_server_url=values["ACTION_SERVER_URL"],
        tracker_store_url=values["TRACKER_STORE_URL"],
        log_level=level,
    )


@functools.lru_cache(maxsize=None)
def settings() -> Settings:
    """The process's settings, loaded once."""
    return load_settings()
