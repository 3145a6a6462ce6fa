"""connectors/telegram_api.py against a local HTTP server (stdlib, on 127.0.0.1): results, one retry on a
short 429, no token in logs."""

import asyncio
import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from connectors.telegram_api import BotApi

TOKEN = "123456:secret-token-value"


class FakeBotApi:
    """Answers each POST with the next of `answers` (the last one repeats); records (path, body)."""

    def __init__(self, answers):
        self.answers = answers
        self.calls = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                fake.calls.append((self.path, body))
                status, answer = fake.answers[min(len(fake.calls), len(fake.answers)) - 1]
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def call(self, method="sendMessage", params=None):
        async def main():
            api = BotApi(TOKEN, self.url, timeout=5)
            try:
                return await api.call(method, params or {"chat_id": 1, "text": "hi"})
            finally:
                await api.close()

        return asyncio.run(main())

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def fake_api():
    servers = []

    def start(answers):
        servers.append(FakeBotApi(answers))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


TOO_MANY = (
    429,
    {"ok": False, "error_code": 429, "description": "Too Many", "parameters": {"retry_after": 0}},
)


def test_a_successful_call_returns_the_result(fake_api):
    fake = fake_api([(200, {"ok": True, "result": {"message_id": 7}})])
    assert fake.call() == {"message_id": 7}
    assert fake.calls == [(f"/bot{TOKEN}/sendMessage", {"chat_id": 1, "text": "hi"})]


def test_a_short_429_is_retried_once(fake_api, caplog):
    fake = fake_api([TOO_MANY, (200, {"ok": True, "result": True})])
    assert fake.call() is True and len(fake.calls) == 2
    fake = fake_api([TOO_MANY])
    with caplog.at_level(logging.WARNING, logger="connectors.telegram_api"):
        assert fake.call() is None
    assert len(fake.calls) == 2  # once more, not forever
    assert "sendMessage failed: HTTP 429" in caplog.text


def test_failures_are_logged_without_the_token(caplog):
    async def unreachable():
        api = BotApi(TOKEN, "http://127.0.0.1:9", timeout=2)  # port 9 (discard): refused
        try:
            return await api.call("sendMessage", {"chat_id": 1, "text": "hi"})
        finally:
            await api.close()

    with caplog.at_level(logging.WARNING, logger="connectors.telegram_api"):
        assert asyncio.run(unreachable()) is None
    assert "Telegram sendMessage failed" in caplog.text
    assert "secret-token-value" not in caplog.text
