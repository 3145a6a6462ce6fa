"""A minimal Telegram Bot API client, used by the Telegram channel (connectors/telegram.py).

``POST {TELEGRAM_API_BASE_URL}/bot{token}/{method}`` with a JSON body, over aiohttp. It knows nothing of
Rasa: the channel decides what to send, this module only delivers it (one retry on a short HTTP 429) and
keeps the token out of every log line.
"""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any, Dict, Optional
from urllib.parse import quote

import aiohttp

logger = logging.getLogger(__name__)

# Wait and retry once when the Bot API asks for at most this many seconds of patience (HTTP 429).
MAX_RETRY_AFTER_SECONDS = 5
API_TIMEOUT_SECONDS = 15

# The shape of a bot token (aiogram rejects other shapes; the channel only warns about them).
TOKEN_PATTERN = re.compile(r"[0-9]+:[A-Za-z0-9_-]+")


class BotApi:
    """A minimal Telegram Bot API client: ``POST {base}/bot{token}/{method}`` with a JSON body.

    The aiohttp session is created on first use, inside the running event loop (creating it at start-up
    in another loop is what breaks Rasa's own channel), and reused. Calls never raise: failures are logged
    with the method name and Telegram's error, never with the message text or the token.
    """

    def __init__(self, token: str, base_url: str, timeout: float = API_TIMEOUT_SECONDS) -> None:
        # quoted, so that a malformed token cannot change the URL's structure
        self._url = f"{base_url.rstrip('/')}/bot{quote(token, safe=':')}/"
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._session: Optional[aiohttp.ClientSession] = None
        self._loop: Optional[asyncio.AbstractEventLoop] = None

    def _client(self) -> aiohttp.ClientSession:
        loop = asyncio.get_running_loop()
        if self._session is None or self._session.closed or self._loop is not loop:
            self._session = aiohttp.ClientSession(timeout=self._timeout)
            self._loop = loop
        return self._session

    async def call(self, method: str, params: Dict[str, Any]) -> Optional[Any]:
        """Calls a Bot API method; its ``result``, or ``None`` when the call failed."""
        for attempt in (1, 2):
            try:
                async with self._client().post(self._url + method, json=params) as answer:
                    status = answer.status
                    try:
                        body = await answer.json(content_type=None)
                    except ValueError:
                        body = None
            except Exception as error:  # network errors, timeouts: logged, never raised into Rasa
                # only the type: an aiohttp error's text can contain the URL, and so the token
                logger.warning("Telegram %s failed: %s", method, type(error).__name__)
                return None
            if isinstance(body, dict) and body.get("ok") is True:
                return body.get("result")
            body = body if isinstance(body, dict) else {}
            parameters = body.get("parameters") if isinstance(body.get("parameters"), dict) else {}
            retry_after = parameters.get("retry_after")
            if (
                attempt == 1
                and status == 429
                and isinstance(retry_after, int)
                and 0 <= retry_after <= MAX_RETRY_AFTER_SECONDS
            ):
                await asyncio.sleep(retry_after)
                continue
            logger.warning(
                "Telegram %s failed: HTTP %s, error %s: %s",
                method,
                status,
                body.get("error_code"),
                str(body.get("description", "no description"))[:200],
            )
            return None
        return None

    async def close(self) -> None:
        """Closes the HTTP session (at server stop)."""
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None
