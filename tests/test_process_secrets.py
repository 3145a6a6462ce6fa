"""Each process gets only the secrets it needs (scripts/with_env.py --role), and no version is shown.

The page server needs no secret, the action server no Telegram, API or conversation-id key, Rasa no records
salt. A process started for a role cannot get a dropped secret back from `.env`: its settings do not read
the file. The scale-out nginx names no version.
"""

import json
import os
import shutil
import socket
import string
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from padsafety import settings as settings_module
from padsafety.settings import EXPORTED_FOR, ROLES, SECRET_ROLES, environment_for_role, load_settings

PROJECT_DIR = Path(__file__).resolve().parents[1]
# a recognisable value for every secret, as the parent's environment (or .env) would hold them
CANARIES = {name: f"canary-{name.lower().replace('_', '-')}-0123456789abcdef" for name in SECRET_ROLES}
CANARIES["TRACKER_STORE_URL"] = "postgresql://rasa:canary-tracker-password@127.0.0.1:9/rasa"
CANARIES["RECORDS_DB_URL"] = "postgresql://rasa:canary-records-password@127.0.0.1:9/rasa"
CANARIES["REDIS_URL"] = "redis://:canary-redis-password@127.0.0.1:9/1"
# what each role must get (the rest of SECRET_ROLES it must not)
NEEDED = {
    "web": set(),
    "none": set(),
    "actions": {"RECORDS_SALT", "RECORDS_DB_URL", "ACTION_SERVER_TOKEN"},
    "rasa": {"CONVERSATION_ID_SECRET", "RASA_API_TOKEN", "ACTION_SERVER_TOKEN", "TELEGRAM_TOKEN",
             "TELEGRAM_WEBHOOK_SECRET", "TRACKER_STORE_URL", "REDIS_URL"},
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# ---- the role filter ---------------------------------------------------------------------------------


@pytest.mark.parametrize("role", sorted(NEEDED))
def test_each_role_keeps_only_its_secrets(role):
    environment = dict(CANARIES, LOG_LEVEL="INFO", WEB_PORT="8080", PATH="/usr/bin", ENABLE_API="true")
    kept = environment_for_role(environment, role)
    assert {name for name in SECRET_ROLES if name in kept} == NEEDED[role]
    assert kept["LOG_LEVEL"] == "INFO" and kept["WEB_PORT"] == "8080" and kept["PATH"] == "/usr/bin"
    assert kept[EXPORTED_FOR] == role
    # the HTTP API is Rasa's: other roles must not refuse to start for want of its token
    assert kept["ENABLE_API"] == ("true" if role == "rasa" else "false")
    assert environment["RECORDS_SALT"] == CANARIES["RECORDS_SALT"]  # the caller's dict is left alone


def test_the_tool_role_keeps_everything_and_unknown_roles_are_refused():
    environment = dict(CANARIES, LOG_LEVEL="INFO")
    assert environment_for_role(environment, "tool") == environment
    assert set(ROLES) == set(NEEDED) | {"tool"}
    with pytest.raises(ValueError):
        environment_for_role(environment, "admin")


def test_a_process_of_a_role_does_not_read_the_env_file(tmp_path, monkeypatch):
    (tmp_path / ".env").write_text("".join(f"{name}={value}\n" for name, value in CANARIES.items()
                                           if name != "POSTGRES_PASSWORD"))
    monkeypatch.setattr(settings_module, "PROJECT_DIR", tmp_path)
    for name in CANARIES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv(EXPORTED_FOR, raising=False)
    assert load_settings().records_salt == CANARIES["RECORDS_SALT"]  # a tool reads .env, as before
    monkeypatch.setenv(EXPORTED_FOR, "web")
    config = load_settings()
    assert config.records_salt == "" and config.conversation_id_secret == "" and config.telegram_token == ""
    assert config.rasa_api_token == "" and config.action_server_token == ""
    assert "canary" not in config.tracker_store_url and "canary" not in config.records_db_url
    # an explicitly named file is still read (tests, scripts that load another file on purpose)
    assert load_settings(tmp_path / ".env").records_salt == CANARIES["RECORDS_SALT"]


# ---- processes started as scripts/run.sh starts them ------------------------------------------------


def test_run_sh_starts_each_server_with_its_role():
    run_sh = (PROJECT_DIR / "scripts" / "run.sh").read_text()
    assert '"${ENV[@]}" --role actions rasa run actions' in run_sh
    assert '"${ENV[@]}" --role rasa python scripts/rasa_server.py' in run_sh
    assert '"${ENV[@]}" --role web python scripts/web_server.py' in run_sh
    assert '"${ENV[@]}" --role none python scripts/log_writer.py' in run_sh


def environ_of(pid: int) -> dict:
    raw = Path(f"/proc/{pid}/environ").read_bytes()
    return dict(item.split("=", 1) for item in raw.decode("utf-8", "replace").split("\0") if "=" in item)


def start(role: str, command: list, env: dict, log: Path) -> subprocess.Popen:
    """``with_env.py --role ROLE COMMAND``, as scripts/run.sh starts each server (with_env.py execs it)."""
    return subprocess.Popen(
        [sys.executable, "scripts/with_env.py", "--role", role, *command],
        cwd=PROJECT_DIR, env=env, stdout=open(log, "w"), stderr=subprocess.STDOUT,
    )


def wait_until_up(url: str, process: subprocess.Popen, log: Path, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, log.read_text()[-3000:]
        try:
            requests.get(url, timeout=2)
            return
        except requests.RequestException:
            time.sleep(0.3)
    pytest.fail(f"{url} did not answer:\n{log.read_text()[-3000:]}")


def assert_only_secrets_of(environment: dict, role: str) -> None:
    text = "\0".join(f"{k}={v}" for k, v in environment.items())
    for name, value in CANARIES.items():
        if name in NEEDED[role]:
            assert environment.get(name) == value, (role, name)
        else:
            assert name not in environment, (role, name)
            assert value not in text, (role, name)  # under no other name either
    assert environment[EXPORTED_FOR] == role


def test_the_page_server_and_the_action_server_get_only_their_secrets(tmp_path):
    web_port, action_port = free_port(), free_port()
    env = dict(
        os.environ, **CANARIES, WEB_HOST="127.0.0.1", WEB_PORT=str(web_port),
        ACTION_SERVER_PORT=str(action_port), ENABLE_API="true", LOG_LEVEL="WARNING",
    )
    web = start("web", ["python", "scripts/web_server.py"], env, tmp_path / "web.log")
    action_server = ["rasa", "run", "actions", "--actions", "actions", "-p", str(action_port)]
    actions = start("actions", action_server, env, tmp_path / "actions.log")
    try:
        wait_until_up(f"http://127.0.0.1:{web_port}/", web, tmp_path / "web.log", seconds=30)
        wait_until_up(f"http://127.0.0.1:{action_port}/health", actions, tmp_path / "actions.log")
        # with_env.py execs the server: the started process is the server itself
        assert "web_server.py" in Path(f"/proc/{web.pid}/cmdline").read_bytes().decode()
        assert b"actions" in Path(f"/proc/{actions.pid}/cmdline").read_bytes()
        assert_only_secrets_of(environ_of(web.pid), "web")
        assert_only_secrets_of(environ_of(actions.pid), "actions")
        # and the action server still works with what it got: it refuses a call without the token
        refused = requests.post(f"http://127.0.0.1:{action_port}/webhook", json={}, timeout=10)
        assert refused.status_code == 403
    finally:
        for process in (web, actions):
            process.terminate()
            process.wait(timeout=30)


def test_rasa_s_role_gets_its_secrets_and_no_records_salt(tmp_path):
    env = dict(os.environ, **CANARIES, ENABLE_API="true")
    done = subprocess.run(
        [sys.executable, "scripts/with_env.py", "--role", "rasa", "python", "-c",
         "import json, os; print(json.dumps(dict(os.environ)))"],
        cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert_only_secrets_of(json.loads(done.stdout), "rasa")


def test_with_env_refuses_an_unknown_role():
    done = subprocess.run(
        [sys.executable, "scripts/with_env.py", "--role", "admin", "true"],
        cwd=PROJECT_DIR, capture_output=True, text=True, timeout=60,
    )
    assert done.returncode != 0 and "unknown role" in done.stderr


# ---- the scale-out nginx names no version --------------------------------------------------------------


def test_the_scale_out_nginx_names_no_version(tmp_path):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        pytest.skip("nginx is not installed (apt-get install nginx-light)")
    port, action_port, dead = free_port(), free_port(), free_port()
    template = string.Template((PROJECT_DIR / "deploy" / "nginx.conf.template").read_text())
    (tmp_path / "nginx.conf").write_text(template.substitute(
        run_dir=tmp_path, host="127.0.0.1", port=port, action_port=action_port,
        rasa_servers=f"        server 127.0.0.1:{dead};", action_servers=f"        server 127.0.0.1:{dead};",
    ))
    process = subprocess.Popen([nginx, "-c", str(tmp_path / "nginx.conf"), "-p", str(tmp_path)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/nothing-here", process, tmp_path / "nginx-error.log", 20)
        for path, status in (("/nothing-here", 404), ("/", 502)):  # nginx's own pages, and the proxied one
            response = requests.get(f"http://127.0.0.1:{port}{path}", timeout=10)
            assert response.status_code == status
            assert response.headers.get("Server") == "nginx", response.headers
            assert "nginx/" not in response.text
    finally:
        process.terminate()
        process.wait(timeout=30)
