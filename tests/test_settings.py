"""padsafety/settings.py: each variable declared once, read with its type, exported back unchanged."""

import dataclasses

import pytest

from padsafety.settings import DEFAULTS, Settings, load_settings


@pytest.fixture
def env_file(tmp_path, monkeypatch):
    for name in DEFAULTS:
        monkeypatch.delenv(name, raising=False)
    return tmp_path / ".env"


def test_every_field_has_one_variable_and_a_default():
    names = [spec.metadata["env"] for spec in dataclasses.fields(Settings)]
    assert len(names) == len(set(names)) == len(DEFAULTS)
    assert all(name == name.upper() for name in names)


def test_defaults(env_file):
    config = load_settings(env_file)
    assert (config.rasa_port, config.action_timeout_seconds, config.max_message_length) == (5005, 10, 2000)
    assert config.enable_api is False and config.telegram_enabled is False
    assert config.cors_origins == ("http://127.0.0.1:8080", "http://localhost:8080")
    assert config.database_connect_timeout_seconds == 5
    assert config.log_level == "INFO"


def test_values_are_read_with_their_types_and_the_environment_wins(env_file, monkeypatch):
    env_file.write_text(
        "RASA_PORT=6000\nENABLE_API=YES\nRASA_API_TOKEN=0123456789abcdef0\nCORS_ORIGINS= http://a , ,http://b\n"
        "HUMAN_CONTACT=  bob  \nLOG_LEVEL=debug\nRETENTION_DAYS=10\n"
    )
    monkeypatch.setenv("RETENTION_DAYS", "30")
    config = load_settings(env_file)
    assert config.rasa_port == 6000 and config.enable_api is True
    assert config.cors_origins == ("http://a", "http://b")
    assert config.human_contact == "bob" and config.log_level == "DEBUG"
    assert config.retention_days == 30


def test_as_environment_gives_every_variable_back(env_file):
    env_file.write_text("TELEGRAM_API_BASE_URL=http://x/\nREDIS_URL=redis://h:7000/3\nENABLE_API=0\n")
    original = load_settings(env_file)
    exported = original.as_environment()
    assert set(DEFAULTS) <= set(exported)
    assert exported["TELEGRAM_API_BASE_URL"] == "http://x"
    assert exported["ENABLE_API"] == "false"
    assert exported["CORS_ORIGINS"] == DEFAULTS["CORS_ORIGINS"]
    assert exported["SANIC_REQUEST_MAX_SIZE"] == str(4 * int(DEFAULTS["MAX_REQUEST_BYTES"]))
    assert (exported["REDIS_HOST"], exported["REDIS_PORT"], exported["REDIS_DB"]) == ("h", "7000", "3")
    # read again, the exported variables give the same settings
    env_file.write_text("".join(f"{name}={exported[name]}\n" for name in DEFAULTS))
    assert load_settings(env_file) == dataclasses.replace(original, telegram_api_base_url="http://x")


@pytest.mark.parametrize(
    "line, message",
    [
        ("RASA_PORT=x", "RASA_PORT must be a whole number"),
        ("ENABLE_API=maybe", "ENABLE_API must be true or false"),
        ("LOG_LEVEL=loud", "LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR"),
        ("ENABLE_API=true", "RASA_API_TOKEN is empty or shorter than 16"),
        ("TELEGRAM_TOKEN=1:a", "TELEGRAM_WEBHOOK_SECRET is empty"),
        ("DATABASE_CONNECT_TIMEOUT_SECONDS=0", "DATABASE_CONNECT_TIMEOUT_SECONDS must be at least 1"),
    ],
)
def test_bad_values_stop_with_a_clear_message(env_file, line, message):
    env_file.write_text(line + "\n")
    with pytest.raises(SystemExit, match=message):
        load_settings(env_file)
