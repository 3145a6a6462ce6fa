"""A fake Telegram Bot API server on 127.0.0.1, for tests: real HTTP, every call recorded.

    fake = FakeTelegram().start()        # a free port, in a background thread
    base_url = fake.base_url             # TELEGRAM_API_BASE_URL for the code under test
    ...
    fake.wait_for(2, "sendMessage")      # the first two sendMessage calls, waiting up to a timeout
    fake.stop()

It serves ``POST /bot<token>/<method>`` with a JSON, form or query-string body and answers like Telegram:
``{"ok": true, "result": ...}`` with plausible results for sendMessage, sendPhoto, answerCallbackQuery,
setWebhook, deleteWebhook, getWebhookInfo and getMe, and ``{"ok": false, "error_code": 404}`` for other
methods. ``fail_next`` makes the next call of a method fail the way Telegram does.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Dict, List, Optional, Tuple
from urllib.parse import parse_qsl, urlsplit


@dataclass
class Call:
    """One recorded Bot API call."""

    method: str
    params: Dict[str, Any]
    token: str
    content_type: str = ""
    at: float = field(default_factory=time.monotonic)


class _Server(ThreadingHTTPServer):
    # http.server's listen backlog is 5: under load (the channel's sends of an earlier test still in
    # flight on a busy 2-core machine) a new connection was reset (ClientOSError); Telegram's is not 5
    request_queue_size = 128


class FakeTelegram:
    """The fake Bot API server: start(), base_url, calls, reset(), wait_for(), fail_next(), stop()."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.host = host
        self.calls: List[Call] = []
        self.webhook: Dict[str, Any] = {}
        self._failures: Dict[str, List[Tuple[int, str, Optional[int]]]] = {}
        self._changed = threading.Condition()
        self._message_id = 0
        self._server: Optional[ThreadingHTTPServer] = None
        self._thread: Optional[threading.Thread] = None

    # -- life cycle -----------------------------------------------------------------------------------

    def start(self) -> "FakeTelegram":
        """Listens on a free port in a daemon thread."""
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                fake._handle(self)

            def do_GET(self) -> None:  # noqa: N802
                fake._handle(self)

            def log_message(self, *args: Any) -> None:
                pass  # quiet test output

        self._server = _Server((self.host, 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="fake-telegram", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stops listening."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    @property
    def port(self) -> int:
        """The port it listens on."""
        assert self._server is not None, "start() first"
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        """The value for TELEGRAM_API_BASE_URL."""
        return f"http://{self.host}:{self.port}"

    # -- what the tests use ---------------------------------------------------------------------------

    def reset(self) -> None:
        """Forgets the recorded calls and pending failures (the registered webhook stays)."""
        with self._changed:
            self.calls.clear()
            self._failures.clear()

    def calls_of(self, method: str) -> List[Call]:
        """The recorded calls of one method, oldest first."""
        with self._changed:
            return [call for call in self.calls if call.method == method]

    def wait_for(self, count: int, method: Optional[str] = None, timeout: float = 60.0) -> List[Call]:
        """Waits until at least ``count`` calls (of ``method``, if given) are recorded; returns them all."""

        def matching() -> List[Call]:
            return [call for call in self.calls if method is None or call.method == method]

        deadline = time.monotonic() + timeout
        with self._changed:
            while len(matching()) < count:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(
                        f"expected {count} {method or 'Bot API'} call(s) within {timeout}s, got "
                        f"{[call.method for call in self.calls]}"
                    )
                self._changed.wait(remaining)
            return matching()

    def fail_next(
        self,
        method: str,
        error_code: int = 400,
        description: str = "Bad Request",
        retry_after: Optional[int] = None,
    ) -> None:
        """The next call of ``method`` answers ``{"ok": false}`` with this HTTP status and description."""
        with self._changed:
            self._failures.setdefault(method, []).append((error_code, description, retry_after))

    # -- the server side ------------------------------------------------------------------------------

    def _handle(self, request: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(request.path)
        segments = parts.path.strip("/").split("/")
        if len(segments) != 2 or not segments[0].startswith("bot"):
            self._answer(request, 404, {"ok": False, "error_code": 404, "description": "Not Found"})
            return
        token, method = segments[0][3:], segments[1]
        length = int(request.headers.get("Content-Length") or 0)
        raw = request.rfile.read(length) if length else b""
        content_type = request.headers.get("Content-Type", "")
        params: Dict[str, Any] = dict(parse_qsl(parts.query))
        if raw:
            if content_type.startswith("application/json"):
                try:
                    body = json.loads(raw)
                except ValueError:
                    self._answer(request, 400, {"ok": False, "error_code": 400, "description": "bad JSON"})
                    return
                if isinstance(body, dict):
                    params.update(body)
            elif content_type.startswith("application/x-www-form-urlencoded"):
                params.update(parse_qsl(raw.decode("utf-8")))
            else:
                params["_raw"] = raw.decode("utf-8", errors="replace")
        with self._changed:
            self.calls.append(Call(method, params, token, content_type))
            failures = self._failures.get(method)
            failure = failures.pop(0) if failures else None
            result = None if failure else self._result(method, params)
            self._changed.notify_all()
        if failure:
            code, description, retry_after = failure
            error: Dict[str, Any] = {"ok": False, "error_code": code, "description": description}
            if retry_after is not None:
                error["parameters"] = {"retry_after": retry_after}
            self._answer(request, code, error)
        elif result is None:
            self._answer(request, 404, {"ok": False, "error_code": 404, "description": "Not Found: method"})
        else:
            self._answer(request, 200, {"ok": True, "result": result})

    def _result(self, method: str, params: Dict[str, Any]) -> Any:
        """A plausible ``result`` for a method (called with the lock held); None for unknown methods."""
        now = int(time.time())
        if method in ("sendMessage", "sendPhoto"):
            self._message_id += 1
            message: Dict[str, Any] = {
                "message_id": self._message_id,
                "from": {"id": 123456, "is_bot": True, "first_name": "Test bot", "username": "rlt_test_bot"},
                "chat": {"id": _int(params.get("chat_id")), "type": "private"},
                "date": now,
            }
            if method == "sendMessage":
                message["text"] = params.get("text", "")
                if params.get("reply_markup"):
                    message["reply_markup"] = params["reply_markup"]
            else:
                photo = {"file_id": "fake-photo", "file_unique_id": "fake", "width": 1, "height": 1}
                message["photo"] = [photo]
            return message
        if method == "answerCallbackQuery":
            return True
        if method == "setWebhook":
            self.webhook = {
                "url": params.get("url", ""),
                "allowed_updates": params.get("allowed_updates"),
                "set_at": now,
            }
            return True
        if method == "deleteWebhook":
            self.webhook = {}
            return True
        if method == "getWebhookInfo":
            info: Dict[str, Any] = {
                "url": self.webhook.get("url", ""),
                "has_custom_certificate": False,
                "pending_update_count": 0,
            }
            if self.webhook.get("allowed_updates"):
                info["allowed_updates"] = self.webhook["allowed_updates"]
            return info
        if method == "getMe":
            return {"id": 123456, "is_bot": True, "first_name": "Test bot", "username": "rlt_test_bot"}
        return None

    @staticmethod
    def _answer(request: BaseHTTPRequestHandler, status: int, body: Dict[str, Any]) -> None:
        data = json.dumps(body).encode("utf-8")
        request.send_response(status)
        request.send_header("Content-Type", "application/json")
        request.send_header("Content-Length", str(len(data)))
        request.end_headers()
        request.wfile.write(data)


def _int(value: Any) -> Any:
    try:
        return int(value)
    except (TypeError, ValueError):
        return value
