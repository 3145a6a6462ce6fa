"""Settings: read once from the environment and the project's `.env` file (python-dotenv).

Nothing else in the project reads ``os.environ``; `.env.example` documents every variable.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Tuple

from dotenv import dotenv_values

PROJECT_DIR = Path(__file__).resolve().parent.parent

DEFAULTS: Dict[str, str] = {
    "RASA_HOST": "127.0.0.1",
    "RASA_PORT": "5005",
    "ACTION_SERVER_HOST": "127.0.0.1",
    "ACTION_SERVER_PORT": "5055",
    "ACTION_SERVER_URL": "http://127.0.0.1:5055/webhook",
    # a custom action that takes longer gets a safe apology from Rasa instead of a reply
    "ACTION_TIMEOUT_SECONDS": "10",
    "TRACKER_STORE_URL": f"sqlite:///{PROJECT_DIR / 'var' / 'tracker.db'}",
    "LOG_LEVEL": "INFO",
    # longer messages get a polite "too long" reply; larger request bodies a 413
    "MAX_MESSAGE_LENGTH": "2000",
    "MAX_REQUEST_BYTES": "65536",
    # the Redis lock store used when several Rasa servers share conversations (scripts/scale_out.py)
    "REDIS_URL": "redis://127.0.0.1:6379/1",
    # screening records (verdicts only, no free text): SQLite by default, PostgreSQL at scale
    "RECORDS_DB_URL": f"sqlite:///{PROJECT_DIR / 'var' / 'records.db'}",
    # key for hashing sender ids in the records; `make run` writes a random one into .env
    "RECORDS_SALT": "",
    # keys the conversation ids of the REST and socket.io channels (connectors/identity.py)
    "CONVERSATION_ID_SECRET": "",
    # Rasa's HTTP API (conversations, model loading): off unless ENABLE_API=true, then with RASA_API_TOKEN
    "ENABLE_API": "false",
    "RASA_API_TOKEN": "",
    # conversations and records older than this are deleted by `make purge`
    "RETENTION_DAYS": "365",
    # website widget: the demo page's server, and the origins allowed to open a socket.io session
    "WEB_HOST": "127.0.0.1",
    "WEB_PORT": "8080",
    "CORS_ORIGINS": "http://127.0.0.1:8080,http://localhost:8080",
    # Telegram: the channel is off while TELEGRAM_TOKEN is empty
    "TELEGRAM_TOKEN": "",
    "TELEGRAM_BOT_USERNAME": "",
    "TELEGRAM_WEBHOOK_URL": "",
    "TELEGRAM_WEBHOOK_SECRET": "",
    "TELEGRAM_API_BASE_URL": "https://api.telegram.org",
    # who a user can reach instead of the bot, and who answers purchase questions (set by the operator)
    "HUMAN_CONTACT": "",
    "SELLER_CONTACT": "",
}


@dataclass(frozen=True)
class Settings:
    """Typed view of the configuration."""

    rasa_host: str
    rasa_port: int
    action_server_host: str
    action_server_port: int
    action_server_url: str
    action_timeout_seconds: int
    tracker_store_url: str
    log_level: str
    max_message_length: int
    max_request_bytes: int
    redis_url: str
    records_db_url: str
    records_salt: str
    conversation_id_secret: str
    enable_api: bool
    rasa_api_token: str
    retention_days: int
    web_host: str
    web_port: int
    cors_origins: Tuple[str, ...]
    telegram_token: str
    telegram_bot_username: str
    telegram_webhook_url: str
    telegram_webhook_secret: str
    telegram_api_base_url: str
    human_contact: str = ""
    seller_contact: str = ""

    @property
    def telegram_enabled(self) -> bool:
        """Telegram runs only when a bot token is configured."""
        return bool(self.telegram_token)

    def as_environment(self) -> Dict[str, str]:
        """The variables Rasa's YAML files (`${VAR}`) and the CLIs read."""
        return {
            "RASA_HOST": self.rasa_host,
            "RASA_PORT": str(self.rasa_port),
            "ACTION_SERVER_HOST": self.action_server_host,
            "ACTION_SERVER_PORT": str(self.action_server_port),
            "ACTION_SERVER_URL": self.action_server_url,
            "ACTION_TIMEOUT_SECONDS": str(self.action_timeout_seconds),
            "TRACKER_STORE_URL": self.tracker_store_url,
            "LOG_LEVEL": self.log_level,
            "MAX_MESSAGE_LENGTH": str(self.max_message_length),
            "MAX_REQUEST_BYTES": str(self.max_request_bytes),
            # Sanic refuses larger bodies before any handler runs
            "SANIC_REQUEST_MAX_SIZE": str(self.max_request_bytes * 4),
            "REDIS_URL": self.redis_url,
            **_redis_parts(self.redis_url),
            "RECORDS_DB_URL": self.records_db_url,
            "RECORDS_SALT": self.records_salt,
            "CONVERSATION_ID_SECRET": self.conversation_id_secret,
            "ENABLE_API": "true" if self.enable_api else "false",
            "RASA_API_TOKEN": self.rasa_api_token,
            "RETENTION_DAYS": str(self.retention_days),
            "WEB_HOST": self.web_host,
            "WEB_PORT": str(self.web_port),
            "CORS_ORIGINS": ",".join(self.cors_origins),
            "TELEGRAM_TOKEN": self.telegram_token,
            "TELEGRAM_BOT_USERNAME": self.telegram_bot_username,
            "TELEGRAM_WEBHOOK_URL": self.telegram_webhook_url,
            "TELEGRAM_WEBHOOK_SECRET": self.telegram_webhook_secret,
            "TELEGRAM_API_BASE_URL": self.telegram_api_base_url.rstrip("/"),
            "HUMAN_CONTACT": self.human_contact,
            "SELLER_CONTACT": self.seller_contact,
        }


def _redis_parts(url: str) -> Dict[str, str]:
    """REDIS_HOST, REDIS_PORT, REDIS_DB and a key prefix for deploy/endpoints.scale.yml."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return {
        "REDIS_HOST": parts.hostname or "127.0.0.1",
        "REDIS_PORT": str(parts.port or 6379),
        "REDIS_DB": (parts.path or "/1").lstrip("/") or "1",
        "REDIS_KEY_PREFIX": "rlt",
    }


def _int(values: Dict[str, str], name: str) -> int:
    try:
        return int(values[name])
    except ValueError:
        raise SystemExit(f"{name} must be a whole number, got {values[name]!r} (see .env.example)") from None


def _bool(values: Dict[str, str], name: str) -> bool:
    value = values[name].strip().lower()
    if value not in {"true", "false", "1", "0", "yes", "no", ""}:
        raise SystemExit(f"{name} must be true or false, got {values[name]!r} (see .env.example)")
    return value in {"true", "1", "yes"}


def load_settings(env_file: Path = PROJECT_DIR / ".env") -> Settings:
    """Defaults, overridden by `.env`, overridden by the process environment."""
    values = dict(DEFAULTS)
    values.update({k: v for k, v in dotenv_values(env_file).items() if v is not None})
    values.update({k: os.environ[k] for k in DEFAULTS if k in os.environ})
    level = values["LOG_LEVEL"].upper()
    if level not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
        raise SystemExit(f"LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, got {level!r}")
    loaded = Settings(
        rasa_host=values["RASA_HOST"],
        rasa_port=_int(values, "RASA_PORT"),
        action_server_host=values["ACTION_SERVER_HOST"],
        action_server_port=_int(values, "ACTION_SERVER_PORT"),
        action_server_url=values["ACTION_SERVER_URL"],
        action_timeout_seconds=_int(values, "ACTION_TIMEOUT_SECONDS"),
        tracker_store_url=values["TRACKER_STORE_URL"],
        log_level=level,
        max_message_length=_int(values, "MAX_MESSAGE_LENGTH"),
        max_request_bytes=_int(values, "MAX_REQUEST_BYTES"),
        redis_url=values["REDIS_URL"],
        records_db_url=values["RECORDS_DB_URL"],
        records_salt=values["RECORDS_SALT"],
        conversation_id_secret=values["CONVERSATION_ID_SECRET"],
        enable_api=_bool(values, "ENABLE_API"),
        rasa_api_token=values["RASA_API_TOKEN"],
        retention_days=_int(values, "RETENTION_DAYS"),
        web_host=values["WEB_HOST"],
        web_port=_int(values, "WEB_PORT"),
        cors_origins=tuple(o.strip() for o in values["CORS_ORIGINS"].split(",") if o.strip()),
        telegram_token=values["TELEGRAM_TOKEN"],
        telegram_bot_username=values["TELEGRAM_BOT_USERNAME"],
        telegram_webhook_url=values["TELEGRAM_WEBHOOK_URL"],
        telegram_webhook_secret=values["TELEGRAM_WEBHOOK_SECRET"],
        telegram_api_base_url=values["TELEGRAM_API_BASE_URL"],
        human_contact=values["HUMAN_CONTACT"].strip(),
        seller_contact=values["SELLER_CONTACT"].strip(),
    )
    if loaded.telegram_enabled and not loaded.telegram_webhook_secret:
        raise SystemExit(
            "TELEGRAM_TOKEN is set but TELEGRAM_WEBHOOK_SECRET is empty: set a random secret in .env "
            "(for example: python -c 'import secrets; print(secrets.token_urlsafe(32))')"
        )
    if loaded.enable_api and len(loaded.rasa_api_token) < 16:
        raise SystemExit(
            "ENABLE_API is true but RASA_API_TOKEN is empty or shorter than 16 characters: Rasa's HTTP API "
            "reads and changes every conversation, so it only runs with a long random token "
            "(for example: python -c 'import secrets; print(secrets.token_urlsafe(32))')"
        )
    return loaded


@functools.lru_cache(maxsize=None)
def settings() -> Settings:
    """The process's settings, loaded once."""
    return load_settings()
