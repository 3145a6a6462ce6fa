"""Serves the website widget's demo page (web/index.html) and the self-hosted widget bundle (web/dist/).

    python scripts/web_server.py [--socket-url URL]

Listens on WEB_HOST:WEB_PORT (settings). Serves only the page's own files at the top of web/ and the
build output in web/dist/ (run scripts/build_web.sh first), never web/node_modules or package files.
``/config.js`` is generated here from the settings: it tells the page where Rasa's socket.io endpoint
is (``http://RASA_HOST:RASA_PORT`` unless --socket-url says otherwise, for example behind a proxy).
Every response carries a Content-Security-Policy that allows scripts from this server only and network
connections to this server and Rasa only, plus X-Content-Type-Options: nosniff.

A client gets READ_TIMEOUT_SECONDS to send its request (a half-sent request no longer holds a thread for
ever), and at most MAX_CONNECTIONS requests are served at once; more are closed at once. For anything
beyond a demo, serve web/ with nginx (deploy/).
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import threading
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Optional
from urllib.parse import unquote, urlsplit

from padsafety.settings import settings

PROJECT_DIR = Path(__file__).resolve().parent.parent


WEB_DIR = PROJECT_DIR / "web"
DIST_DIR = WEB_DIR / "dist"
BUNDLE = DIST_DIR / "rasa-webchat.js"

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".txt": "text/plain; charset=utf-8",
}
# what may be served from the top of web/ (the page's own files) and from web/dist/ (build output)
PAGE_SUFFIXES = {".html", ".js", ".css", ".svg", ".png", ".ico"}
DIST_SUFFIXES = {".js", ".css", ".txt"}
WILDCARD_HOSTS = {"", "0.0.0.0", "::", "[::]"}
# a Host header we are willing to echo into config.js and the CSP: a host name or IP, optional port
HOST_HEADER = re.compile(r"(?P<name>[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(:[0-9]{1,5})?")

logger = logging.getLogger("web_server")

READ_TIMEOUT_SECONDS = 10
MAX_CONNECTIONS = 32


class BoundedThreadingHTTPServer(ThreadingHTTPServer):
    """One thread per connection, at most ``max_connections`` at a time; the rest are closed at once."""

    daemon_threads = True

    def __init__(self, *args: object, max_connections: int = MAX_CONNECTIONS, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.slots = threading.BoundedSemaphore(max_connections)
        self.last_refusal_logged = -60.0

    def process_request(self, request: object, client_address: object) -> None:
        """Serve in a new thread when a slot is free, else close the connection."""
        if not self.slots.acquire(blocking=False):
            now = time.monotonic()
            if now - self.last_refusal_logged >= 60:  # at most one line a minute, however many are refused
                self.last_refusal_logged = now
                logger.warning("web_server: %d connections open, refusing more", MAX_CONNECTIONS)
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except Exception:
            self.slots.release()
            raise

    def process_request_thread(self, request: object, client_address: object) -> None:
        """Serve one connection, then free its slot."""
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()


def default_socket_url(request_host: Optional[str] = None) -> str:
    """Rasa's address as the browser sees it: RASA_HOST:RASA_PORT.

    When Rasa listens on all interfaces (0.0.0.0), the browser reaches it under the host name it used
    for this page.
    """
    config = settings()
    host = config.rasa_host
    if host in WILDCARD_HOSTS:
        match = HOST_HEADER.fullmatch(request_host or "")
        host = match.group("name") if match else "127.0.0.1"
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"  # IPv6 literal
    return f"http://{host}:{config.rasa_port}"


def content_security_policy(socket_url: str) -> str:
    """The page's CSP: own scripts only; network connections to this server and Rasa's socket.io only.

    script-src 'self' is also what stops a ``javascript:`` link in a bot message: rasa-webchat 1.0.1
    escapes raw HTML in messages but renders markdown links without filtering their URL scheme.
    'unsafe-inline' styles are needed because the widget bundle injects its CSS as <style> elements;
    fonts are this server's or inline (the bundle's carousel icons), so the bundle's import of an internet
    web font (Google Fonts) is blocked: the page makes no third-party request.
    """
    parts = urlsplit(socket_url)
    websocket = ("wss" if parts.scheme == "https" else "ws") + "://" + parts.netloc
    return "; ".join([
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        f"connect-src 'self' {parts.scheme}://{parts.netloc} {websocket}",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ])


def resolve(url_path: str) -> Optional[Path]:
    """The file under web/ that a URL path names, or None when it must not be served."""
    path = unquote(url_path)
    if path in ("", "/"):
        path = "/index.html"
    if "\\" in path or "\0" in path:
        return None
    parts = path.lstrip("/").split("/")
    if any(part in ("", ".", "..") or part.startswith(".") for part in parts):
        return None
    if len(parts) == 1:
        base, suffixes = WEB_DIR, PAGE_SUFFIXES
    elif len(parts) == 2 and parts[0] == "dist":
        base, suffixes = DIST_DIR, DIST_SUFFIXES
    else:
        return None
    candidate = (base / parts[-1]).resolve()
    try:
        candidate.relative_to(base.resolve())
    except ValueError:  # a symlink pointing out of web/
        return None
    if candidate.suffix not in suffixes or not candidate.is_file():
        return None
    return candidate


class Handler(BaseHTTPRequestHandler):
    """GET/HEAD for the demo page, its own assets, /config.js and web/dist/."""

    server_version = "web_server"
    sys_version = ""
    # seconds a client has for each read: a request sent half-way is dropped after this
    timeout = READ_TIMEOUT_SECONDS
    socket_url_override: Optional[str] = None

    def socket_url(self) -> str:
        """Where the page's widget connects to."""
        return self.socket_url_override or default_socket_url(self.headers.get("Host"))

    def end_headers(self) -> None:
        """Security headers on every response, errors included."""
        self.send_header("Content-Security-Policy", content_security_policy(self.socket_url()))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("X-Frame-Options", "DENY")
        self.send_header("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def do_GET(self) -> None:
        """Serve a file, or the generated /config.js."""
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        """Like GET, without the body."""
        self._respond(send_body=False)

    def _respond(self, send_body: bool) -> None:
        path = urlsplit(self.path).path
        if path == "/config.js":
            config = {"socketUrl": self.socket_url(), "socketPath": "/socket.io/"}
            # "<" escaped so the value can never close a script element
            body = ("window.WIDGET_CONFIG = " + json.dumps(config).replace("<", "\\u003c") + ";\n").encode()
            content_type = CONTENT_TYPES[".js"]
        else:
            file = resolve(path)
            if file is None:
                self.send_error(HTTPStatus.NOT_FOUND)
                return
            body = file.read_bytes()
            content_type = CONTENT_TYPES[file.suffix]
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Access log through logging instead of bare stderr."""
        logger.info("%s %s", self.address_string(), format % args)


def main() -> None:
    """Check the build, warn about a CORS mismatch, and serve until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--socket-url", help="Rasa's URL as the browser sees it (default: http://RASA_HOST:RASA_PORT)")
    args = parser.parse_args()
    config = settings()
    logging.basicConfig(level=config.log_level, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    if not BUNDLE.is_file():
        sys.exit("web_server: web/dist/rasa-webchat.js is missing: run  bash scripts/build_web.sh  first")
    page_origin = f"http://{config.web_host}:{config.web_port}"
    if config.web_host not in WILDCARD_HOSTS and page_origin not in config.cors_origins \
            and "*" not in config.cors_origins:
        logger.warning(
            "%s is not in CORS_ORIGINS (%s): Rasa's socket.io channel will refuse this page's widget",
            page_origin, ",".join(config.cors_origins) or "empty",
        )
    Handler.socket_url_override = args.socket_url
    server = BoundedThreadingHTTPServer((config.web_host, config.web_port), Handler)
    print(f"web_server: demo page at {page_origin}/ (widget connects to "
          f"{args.socket_url or default_socket_url()}); Ctrl-C stops", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
