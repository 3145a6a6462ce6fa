"""Settings: read once from the environment and the project's `.env` file (python-dotenv).

Nothing else in the project reads ``os.environ``; `.env.example` documents every variable.

Each server process gets only the secrets it needs: scripts/with_env.py ``--role rasa|actions|web``
exports the settings without the secrets of other roles (:func:`environment_for_role`, :data:`SECRET_ROLES`)
and marks the environment as exported (:data:`EXPORTED_FOR`), and a process so marked does not read `.env`,
so a dropped secret cannot come back from the file.

Each variable is declared once, as a field of :class:`Settings` with its name and its default (as it would
be written in `.env`); reading, checking the type (from the field's annotation: ``str``, ``int``, ``bool``
or ``Tuple[str, ...]`` for comma-separated lists) and exporting to Rasa's `${VAR}` all follow from that.
To add a variable: add a field at the end of the class and a line to `.env.example`.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Dict, Optional, Tuple

from dotenv import dotenv_values

PROJECT_DIR = Path(__file__).resolve().parent.parent


def setting(
    name: str, default: str, *, strip: bool = False, export: Optional[Callable[[Any], str]] = None
) -> Any:
    """A :class:`Settings` field read from the variable ``name``.

    ``default`` is the value as it would be written in `.env`; ``strip`` removes surrounding blanks when
    reading; ``export`` turns the value back into text for :meth:`Settings.as_environment`.
    """
    return dataclasses.field(metadata={"env": name, "default": default, "strip": strip, "export": export})


@dataclass(frozen=True)
class Settings:
    """Typed view of the configuration."""

    rasa_host: str = setting("RASA_HOST", "127.0.0.1")
    rasa_port: int = setting("RASA_PORT", "5005")
    action_server_host: str = setting("ACTION_SERVER_HOST", "127.0.0.1")
    action_server_port: int = setting("ACTION_SERVER_PORT", "5055")
    action_server_url: str = setting("ACTION_SERVER_URL", "http://127.0.0.1:5055/webhook")
    # a custom action that takes longer gets a safe apology from Rasa instead of a reply
    action_timeout_seconds: int = setting("ACTION_TIMEOUT_SECONDS", "10")
    tracker_store_url: str = setting("TRACKER_STORE_URL", f"sqlite:///{PROJECT_DIR / 'var' / 'tracker.db'}")
    # DEBUG, INFO, WARNING or ERROR (any case)
    log_level: str = setting("LOG_LEVEL", "INFO")
    # longer messages get a polite "too long" reply; larger request bodies a 413
    max_message_length: int = setting("MAX_MESSAGE_LENGTH", "2000")
    max_request_bytes: int = setting("MAX_REQUEST_BYTES", "65536")
    # the Redis lock store used when several Rasa servers share conversations (scripts/scale_out.py)
    redis_url: str = setting("REDIS_URL", "redis://127.0.0.1:6379/1")
    # screening records (verdicts only, no free text): SQLite by default, PostgreSQL at scale
    records_db_url: str = setting("RECORDS_DB_URL", f"sqlite:///{PROJECT_DIR / 'var' / 'records.db'}")
    # key for hashing sender ids in the records; `make run` writes a random one into .env
    records_salt: str = setting("RECORDS_SALT", "")
    # how long opening a connection to a database (records, tracker store) may take before it counts as down
    database_connect_timeout_seconds: int = setting("DATABASE_CONNECT_TIMEOUT_SECONDS", "5")
    # keys the conversation ids of the REST and socket.io channels (connectors/identity.py)
    conversation_id_secret: str = setting("CONVERSATION_ID_SECRET", "")
    # Rasa's HTTP API (conversations, model loading): off unless ENABLE_API=true, then with RASA_API_TOKEN
    enable_api: bool = setting("ENABLE_API", "false")
    rasa_api_token: str = setting("RASA_API_TOKEN", "")
    # conversations and records older than this are deleted by `make purge`
    retention_days: int = setting("RETENTION_DAYS", "365")
    # website widget: the demo page's server, and the origins allowed to open a socket.io session
    web_host: str = setting("WEB_HOST", "127.0.0.1")
    web_port: int = setting("WEB_PORT", "8080")
    cors_origins: Tuple[str, ...] = setting("CORS_ORIGINS", "http://127.0.0.1:8080,http://localhost:8080")
    # Telegram: the channel is off while TELEGRAM_TOKEN is empty
    telegram_token: str = setting("TELEGRAM_TOKEN", "")
    telegram_bot_username: str = setting("TELEGRAM_BOT_USERNAME", "")
    telegram_webhook_url: str = setting("TELEGRAM_WEBHOOK_URL", "")
    telegram_webhook_secret: str = setting("TELEGRAM_WEBHOOK_SECRET", "")
    telegram_api_base_url: str = setting(
        "TELEGRAM_API_BASE_URL", "https://api.telegram.org", export=lambda url: url.rstrip("/")
    )
    # who a user can reach instead of the bot, and who answers purchase questions (set by the operator)
    human_contact: str = setting("HUMAN_CONTACT", "", strip=True)
    seller_contact: str = setting("SELLER_CONTACT", "", strip=True)
    # shared secret Rasa sends to the action server (Authorization: Bearer ...), which refuses calls without
    # it (rasa_sdk_plugins/); empty: scripts/with_env.py uses a random one kept in var/action_server_token
    action_server_token: str = setting("ACTION_SERVER_TOKEN", "", strip=True)
    # scripts/log_writer.py rotates each server's log file at this size, keeping this many old files
    log_max_bytes: int = setting("LOG_MAX_BYTES", "10485760")
    log_backup_count: int = setting("LOG_BACKUP_COUNT", "5")
    # a widget session whose conversation has been idle longer than this gets a new session id (a new
    # conversation) when the widget reconnects or writes (connectors/socketio.py)
    widget_session_idle_days: int = setting("WIDGET_SESSION_IDLE_DAYS", "30")

    @property
    def telegram_enabled(self) -> bool:
        """Telegram runs only when a bot token is configured."""
        return bool(self.telegram_token)

    def as_environment(self) -> Dict[str, str]:
        """The variables Rasa's YAML files (`${VAR}`) and the CLIs read."""
        environment: Dict[str, str] = {}
        for spec in dataclasses.fields(self):
            value = getattr(self, spec.name)
            export = spec.metadata["export"]
            if export is not None:
                text = export(value)
            elif isinstance(value, bool):
                text = "true" if value else "false"
            elif isinstance(value, tuple):
                text = ",".join(value)
            else:
                text = str(value)
            environment[spec.metadata["env"]] = text
        # Sanic refuses larger bodies before any handler runs
        environment["SANIC_REQUEST_MAX_SIZE"] = str(self.max_request_bytes * 4)
        environment.update(_redis_parts(self.redis_url))
        return environment


# Every variable and its default, as written in `.env`.
DEFAULTS: Dict[str, str] = {
    spec.metadata["env"]: spec.metadata["default"] for spec in dataclasses.fields(Settings)
}

# The secrets, and the roles of the processes that need them (scripts/with_env.py --role). A process of
# another role gets none of them. Database and Redis URLs count: they can carry passwords.
# POSTGRES_PASSWORD is compose.yaml's (it builds the database URLs); no process needs it.
SECRET_ROLES: Dict[str, Tuple[str, ...]] = {
    "CONVERSATION_ID_SECRET": ("rasa",),  # REST and widget conversation ids (connectors/identity.py)
    "RASA_API_TOKEN": ("rasa",),
    "TELEGRAM_TOKEN": ("rasa",),
    "TELEGRAM_WEBHOOK_SECRET": ("rasa",),
    "TRACKER_STORE_URL": ("rasa",),
    "REDIS_URL": ("rasa",),  # the lock store (deploy/endpoints.scale.yml)
    "ACTION_SERVER_TOKEN": ("rasa", "actions"),
    "RECORDS_SALT": ("actions",),  # screening records (actions/db.py)
    "RECORDS_DB_URL": ("actions",),
    "POSTGRES_PASSWORD": (),
}
# "tool" (the default: scripts, tests, `rasa train`) gets every setting, as before roles existed; "web"
# (the demo page server) and "none" (helpers such as scripts/log_writer.py) get no secret
ROLES = ("tool", "rasa", "actions", "web", "none")
# set by scripts/with_env.py for a server role: the environment holds the settings; `.env` is not read
EXPORTED_FOR = "PADSAFETY_SETTINGS_EXPORTED_FOR"


def environment_for_role(environment: Dict[str, str], role: str) -> Dict[str, str]:
    """``environment`` without the secrets ``role`` does not need, marked as exported (``tool``: as it is)."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}: one of {', '.join(ROLES)}")
    if role == "tool":
        return dict(environment)
    kept = {
        name: value
        for name, value in environment.items()
        if name not in SECRET_ROLES or role in SECRET_ROLES[name]
    }
    if role != "rasa":
        # the HTTP API is Rasa's; without its token the settings would refuse ENABLE_API=true
        kept["ENABLE_API"] = "false"
    kept[EXPORTED_FOR] = role
    return kept


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


def _parse(values: Dict[str, str], spec: "dataclasses.Field[Any]", kind: Any) -> Any:
    """One variable's value, as the type of its field."""
    name = spec.metadata["env"]
    if kind is int:
        return _int(values, name)
    if kind is bool:
        return _bool(values, name)
    if kind == Tuple[str, ...]:
        return tuple(item.strip() for item in values[name].split(",") if item.strip())
    return values[name].strip() if spec.metadata["strip"] else values[name]


def load_settings(env_file: Optional[Path] = None) -> Settings:
    """Defaults, overridden by `.env` (or ``env_file``), overridden by the process environment.

    The project's `.env` is not read in a process whose environment scripts/with_env.py exported for a
    server role (:data:`EXPORTED_FOR`): its secrets are the ones that role was given, no more.
    """
    values = dict(DEFAULTS)
    if env_file is None and EXPORTED_FOR not in os.environ:
        env_file = PROJECT_DIR / ".env"
    if env_file is not None:
        values.update({k: v for k, v in dotenv_values(env_file).items() if v is not None})
    values.update({k: os.environ[k] for k in DEFAULTS if k in os.environ})
    values["LOG_LEVEL"] = values["LOG_LEVEL"].upper()
    if values["LOG_LEVEL"] not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
        raise SystemExit(f"LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, got {values['LOG_LEVEL']!r}")
    kinds = typing.get_type_hints(Settings)
    loaded = Settings(
        **{spec.name: _parse(values, spec, kinds[spec.name]) for spec in dataclasses.fields(Settings)}
    )
    if loaded.database_connect_timeout_seconds < 1:
        raise SystemExit("DATABASE_CONNECT_TIMEOUT_SECONDS must be at least 1 (see .env.example)")
    if loaded.widget_session_idle_days < 1:
        raise SystemExit("WIDGET_SESSION_IDLE_DAYS must be at least 1 (see .env.example)")
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
