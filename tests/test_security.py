"""Security hardening without servers: input cleaning, request parsing, log masking and limits, log rotation,
the action server's shared secret, the page server's timeouts. (tests/e2e/test_security.py drives servers.)
"""

import json
import logging
import os
import socket
import stat
import threading
import time
import warnings

import pytest

from connectors.identity import rest_conversation_id
from connectors.rest import header_problem, parse_request, sender_entropy_bits
from padsafety.action_auth import header_value, is_authorized, is_protected, local_token
from padsafety.inputs import clean
from padsafety.log_limits import RateLimitedLogger, RateLimitFilter

SENDER = "5b0c7c1e-0d7b-4c55-9d0c-3a7f2b1e9a10"


# -- clean(): one line of printable text ------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, cleaned",
    [
        ("hi\x00\x1b there\n", "hi there"),
        ("line one\nline two", "line one line two"),
        ("a\r\nb", "a b"),
        ("a\tb\t\tc", "a b c"),
        ("a\x0b\x0cb", "a b"),
        ("nel\x85next", "nel next"),
        ("sep\u2028arator\u2029s", "sep arator s"),
        ("csi\x9b31m", "csi31m"),  # C1 control characters
        ("\u202eevil\u202c text", "evil text"),  # bidi override and pop
        ("\u2066isolate\u2069", "isolate"),
        ("lone \ud800 surrogate", "lone \ufffd surrogate"),
        ("Hilft Rotlicht gegen Rückenschmerzen?", "Hilft Rotlicht gegen Rückenschmerzen?"),
        ("مرحبا\u200f ok", "مرحبا\u200f ok"),  # a right-to-left mark is kept
        ("🔴💡 red light?", "🔴💡 red light?"),
    ],
)
def test_clean_leaves_one_line_of_printable_text(raw, cleaned):
    assert clean(raw) == cleaned


def test_no_cleaned_text_can_start_a_log_line_of_its_own():
    every_control = "".join(chr(c) for c in range(0x00, 0xA0)) + "\u2028\u2029\u202a\u202b\u202c\u202d\u202e"
    text = clean("a" + every_control + "2026-12-02 ERROR forged")
    assert len(text.splitlines()) == 1 and text.isprintable()


# -- REST requests: 400 with a short error, never a 500 or Python's error text ---------------------------


@pytest.mark.parametrize(
    "body",
    [
        b'{"sender": "' + SENDER.encode() + b'", "message": ' + b"[" * 5000 + b"]" * 5000 + b"}",
        b'{"sender": "' + SENDER.encode() + b'", "message": "hi", "n": ' + b"9" * 5000 + b"}",
        b'{"sender": "' + SENDER.encode() + b'", "message": "hi", "n": NaN}',
        b'{"a":' * 100_000,
    ],
)
def test_malicious_json_gets_a_short_error(body):
    with pytest.raises(ValueError) as error:
        parse_request(body, max_body=10**7)
    assert str(error.value) == "the body must be JSON (UTF-8)"


@pytest.mark.parametrize(
    "sender",
    [
        "abcdefghijklmnop\ud800",  # a lone surrogate
        "abcdefghijklmnop\x00",
        "aaaaaaaaaaaaaaaaaaaaaaaa",  # long enough, but no secret
        "abababababababababababab",
        "1111111111111111",
    ],
)
def test_unusable_senders_are_refused(sender):
    with pytest.raises(ValueError, match='"sender"'):
        parse_request(json.dumps({"sender": sender, "message": "hi"}).encode(), 1000)


def test_random_senders_are_accepted():
    import uuid

    for _ in range(200):
        for sender in (str(uuid.uuid4()), uuid.uuid4().hex, f"e2e-{uuid.uuid4()}", "0123456789abcdef"):
            assert parse_request(json.dumps({"sender": sender, "message": "hi"}).encode(), 1000)
    assert sender_entropy_bits(SENDER) > 100


def test_a_lone_surrogate_never_breaks_the_conversation_id():
    assert rest_conversation_id("abc\ud800def", "secret").startswith("rest-")


@pytest.mark.parametrize(
    "content_type, origin, expected",
    [
        ("application/json", None, None),
        ("application/json; charset=utf-8", None, None),
        ("Application/JSON", "http://127.0.0.1:8080", None),
        ("text/plain", None, 415),  # a browser sends this cross-site without a preflight
        (None, None, 415),
        ("application/x-www-form-urlencoded", None, 415),
        ("application/json", "http://evil.example", 403),
        ("application/json", "null", 403),
    ],
)
def test_rest_headers(content_type, origin, expected):
    problem = header_problem(content_type, origin, ("http://127.0.0.1:8080",))
    assert (problem[0] if problem else None) == expected


# -- Rasa's warnings about "/..." messages carry no text -------------------------------------------------


def test_rasa_warns_with_the_text_and_the_guard_masks_it(caplog):
    from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader
    from rasa.shared.nlu.training_data.message import Message

    from components import log_guard

    def unpack(text):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            YAMLStoryReader.unpack_regex_message(Message({"text": text}), domain=None)
        return " ".join(str(w.message) for w in caught)

    if not getattr(YAMLStoryReader.unpack_regex_message, "masked", False):
        # what Rasa 3.6.21 does on its own: the whole text in a UserWarning
        assert "canary-1" in unpack("/greet@2.0 canary-1")
    log_guard.install()
    with caplog.at_level(logging.DEBUG):
        for text in ("/greet@2.0 canary-2", "/greet{bad json canary-3", "/{canary-4}", "/@canary-5", "/"):
            assert "canary" not in unpack(text)
    assert "canary" not in caplog.text and "Failed to parse" not in caplog.text
    assert "message text not logged" in caplog.text
    # valid commands are still unpacked
    message = YAMLStoryReader.unpack_regex_message(Message({"text": "/greet"}), domain=None)
    assert message.get("intent")["name"] == "greet"


# -- rate-limited logging ----------------------------------------------------------------------------------


def test_repeated_errors_are_rate_limited():
    now = [0.0]
    limit = RateLimitFilter(burst=3, window=60, clock=lambda: now[0])

    def record(level=logging.ERROR, msg="boom %s"):
        return logging.LogRecord("sanic.error", level, __file__, 1, msg, ("x",), None)

    assert [limit.filter(record()) for _ in range(10)] == [True] * 3 + [False] * 7
    assert limit.filter(record(msg="another source %s"))  # another key has its own budget
    assert all(limit.filter(record(logging.INFO)) for _ in range(100))  # INFO is not limited
    now[0] = 61.0
    passed = record()
    assert limit.filter(passed) and "7 similar records dropped" in passed.msg


def test_rate_limited_logger(caplog):
    now = [0.0]
    limited = RateLimitedLogger(logging.getLogger("test.limited"), burst=2, window=10, clock=lambda: now[0])
    with caplog.at_level(logging.WARNING):
        results = [limited.warning("key", "refused") for _ in range(5)]
        now[0] = 11.0
        limited.warning("key", "refused")
    assert results == [True, True, False, False, False]
    assert caplog.text.count("refused") == 3 and "3 more dropped" in caplog.text


# -- log rotation and private files -------------------------------------------------------------------------


def test_log_writer_rotates_and_keeps_files_private(tmp_path):
    import subprocess
    import sys

    log = tmp_path / "log" / "rasa.log"
    lines = b"".join(b"line %05d " % i + b"x" * 80 + b"\n" for i in range(2000))
    lines += b"y" * 100_000 + b"\n" + b"after the long line\n"
    env = dict(os.environ, LOG_MAX_BYTES="20000", LOG_BACKUP_COUNT="3")
    done = subprocess.run(
        [sys.executable, "scripts/log_writer.py", str(log)], input=lines, env=env, capture_output=True,
        cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
    )
    assert done.returncode == 0, done.stderr
    files = sorted(p.name for p in log.parent.iterdir())
    assert files == ["rasa.log", "rasa.log.1", "rasa.log.2", "rasa.log.3"]
    for path in log.parent.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
        assert path.stat().st_size <= 20000 + 16384 + 20
    content = log.read_bytes()
    assert content.endswith(b"after the long line\n") and b"[line cut]" in content
    assert b"y" * 20 + b"\n" not in content.replace(b" [line cut]\n", b"")  # the long line's rest is dropped


def test_launcher_and_with_env_make_files_private(tmp_path):
    import subprocess
    import sys

    project = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    run_sh = open(os.path.join(project, "scripts", "run.sh")).read()
    assert "umask 077" in run_sh and "chmod 700 var" in run_sh
    # whatever a command started through with_env.py creates is private
    target = tmp_path / "made.db"
    done = subprocess.run(
        [sys.executable, "scripts/with_env.py", "python", "-c",
         f"import os; open({str(target)!r}, 'w').write('x'); os.mkdir({str(tmp_path / 'dir')!r})"],
        cwd=project, capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "dir").stat().st_mode) == 0o700
    assert stat.S_IMODE(os.stat(os.path.join(project, "var")).st_mode) == 0o700


# -- the action server's shared secret ----------------------------------------------------------------------


def test_the_action_server_token(tmp_path):
    token = local_token(tmp_path / "var" / "token")
    assert len(token) >= 32 and local_token(tmp_path / "var" / "token") == token
    assert stat.S_IMODE((tmp_path / "var" / "token").stat().st_mode) == 0o600
    assert is_authorized(header_value(token), token)
    for header in (None, "", token, f"Bearer {token}x", f"Basic {token}", "Bearer \ud800", f"bearer{token}"):
        assert not is_authorized(header, token), header
    assert not is_authorized("Bearer ", "")  # no token configured: nothing passes
    assert is_protected("/webhook") and is_protected("/actions") and is_protected("//webhook/")
    assert not is_protected("/health")


def test_rasa_sends_the_token_with_every_action_call(monkeypatch):
    from rasa.core.actions.action import RemoteAction
    from rasa.utils.endpoints import EndpointConfig

    import components  # noqa: F401  (installs the token on RemoteAction, as in the server)
    from padsafety import settings as settings_module

    monkeypatch.setenv("ACTION_SERVER_TOKEN", "t" * 32)
    settings_module.settings.cache_clear()
    try:
        endpoint = EndpointConfig("http://127.0.0.1:5055/webhook", headers={"X-Other": "1"})
        action = RemoteAction("action_forget_me", endpoint)
        assert action.action_endpoint.headers == {"X-Other": "1", "Authorization": "Bearer " + "t" * 32}
        assert endpoint.headers == {"X-Other": "1"}  # the shared config is not changed
    finally:
        settings_module.settings.cache_clear()


# -- the page server: a read timeout, a bounded number of connections ---------------------------------------


def test_page_server_drops_half_sent_requests_and_bounds_connections(monkeypatch):
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "scripts" / "web_server.py"
    spec = importlib.util.spec_from_file_location("web_server_under_test", path)
    web_server = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(web_server)
    monkeypatch.setattr(web_server.Handler, "timeout", 1)
    server = web_server.BoundedThreadingHTTPServer(("127.0.0.1", 0), web_server.Handler, max_connections=2)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        half = socket.create_connection(("127.0.0.1", port))
        half.sendall(b"GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # never finished
        other = socket.create_connection(("127.0.0.1", port))
        time.sleep(0.3)
        third = socket.create_connection(("127.0.0.1", port))  # over the limit: closed at once
        third.settimeout(5)
        assert third.recv(100) == b""
        started = time.monotonic()
        half.settimeout(10)
        while half.recv(1000):  # the server gives up on the half-sent request after its read timeout
            pass
        assert time.monotonic() - started < 5
        for sock in (half, other, third):
            sock.close()
    finally:
        server.shutdown()
        server.server_close()
