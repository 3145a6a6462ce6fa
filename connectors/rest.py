"""REST channel that checks its input: clear 4xx errors for bad requests, limits on size and length.

Same name and URL as Rasa's (`/webhooks/rest/webhook`, body `{"sender": ..., "message": ...}`), so clients
do not change. Rasa's own channel answers some malformed bodies with a 500 and takes any size; this one
answers 400/413 with a short JSON error that echoes nothing of Python's (JSON nested a thousand deep, a
5000-digit number, NaN, invalid UTF-8 all get the same "the body must be JSON"), ignores client-supplied
`input_channel` and `metadata` (a client must not pose as another channel), cleans the text (one line of
printable text: padsafety.inputs.clean), and answers empty or over-long messages politely itself (with the
doctor referral when an over-long message names a condition).

Only `Content-Type: application/json` is accepted (415 otherwise: a browser sends a cross-site `text/plain`
POST without a CORS preflight), and a request from a browser `Origin` not in CORS_ORIGINS gets a 403.

The client's ``sender`` is a bearer secret: 16 to 128 printable characters with enough randomness (a random
UUID, say; "aaaaaaaaaaaaaaaa" is refused): Rasa's sender id is derived from it with a keyed hash
(connectors/identity.py), so one client cannot reach another's conversation, nor one of another channel,
without knowing that client's own ``sender``.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from typing import Any, Awaitable, Callable, Dict, Optional, Text, Tuple

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from connectors.identity import MIN_REST_SENDER_LENGTH, rest_conversation_id
from connectors.parts import send_parts
from padsafety.inputs import LONE_SURROGATES, channel_replies, clean
from padsafety.settings import settings

MAX_SENDER_LENGTH = 128
# "aaaaaaaaaaaaaaaa" is 16 characters but no secret; a random UUID scores about 140 (sender_entropy_bits)
MIN_SENDER_ENTROPY_BITS = 48


def _error(status: int, message: str) -> HTTPResponse:
    return response.json({"error": message}, status=status)


# integers in a request are never needed; longer ones are refused before Python converts them
# (Python refuses to convert more than 4300 digits, with an error text that must not reach the client)
MAX_INTEGER_DIGITS = 20
BAD_JSON = "the body must be JSON (UTF-8)"
# the refusals of the request's headers
NOT_JSON = "the request's Content-Type must be application/json"
FOREIGN_ORIGIN = "requests from this web page's origin are not accepted (see CORS_ORIGINS)"


def _integer(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_INTEGER_DIGITS:
        raise ValueError("integer too long")
    return int(digits)


def _no_constant(name: str) -> Any:
    raise ValueError("NaN and Infinity are not JSON")


def _load_json(body: bytes) -> Any:
    """The JSON value of ``body``, or ValueError with a short message that echoes nothing of Python's."""
    try:
        return json.loads(body.decode("utf-8"), parse_int=_integer, parse_constant=_no_constant)
    except (ValueError, RecursionError):
        # ValueError: invalid UTF-8 or JSON, a huge integer; RecursionError: arrays or objects nested
        # about a thousand deep. Python's own message is never shown: it describes its internals.
        raise ValueError(BAD_JSON) from None


def sender_entropy_bits(sender: str) -> float:
    """An estimate of the sender's randomness: its length times the Shannon entropy of its characters.

    A random UUID scores about 140; "aaaaaaaaaaaaaaaa" scores 0 and "abababababababab" 16.
    """
    counts = Counter(sender)
    per_character = -sum(n / len(sender) * math.log2(n / len(sender)) for n in counts.values())
    return len(sender) * per_character


def _valid_sender(sender: Any) -> bool:
    if not isinstance(sender, str) or not MIN_REST_SENDER_LENGTH <= len(sender) <= MAX_SENDER_LENGTH:
        return False
    # printable text only (no lone surrogate, no control character) and not a guessable pattern
    return sender.isprintable() and not LONE_SURROGATES.search(sender) and (
        sender_entropy_bits(sender) >= MIN_SENDER_ENTROPY_BITS
    )


def parse_request(body: bytes, max_body: int) -> Dict[str, Any]:
    """The request's sender and message, or ValueError / OverflowError with a message for the client."""
    if len(body) > max_body:
        raise OverflowError(f"request body over {max_body} bytes")
    data = _load_json(body)
    if not isinstance(data, dict):
        raise ValueError('the body must be an object: {"sender": "...", "message": "..."}')
    sender, message = data.get("sender"), data.get("message")
    if isinstance(sender, str):
        sender = sender.strip()
    if not _valid_sender(sender):
        raise ValueError(
            f'"sender" must be a string of {MIN_REST_SENDER_LENGTH} to {MAX_SENDER_LENGTH} printable '
            "characters, random and known only to this user (a random UUID, for example): it is the key to "
            "their conversation"
        )
    if not isinstance(message, str):
        raise ValueError('"message" must be a string')
    return {"sender": sender, "message": clean(message)}


def header_problem(content_type: Optional[str], origin: Optional[str], allowed_origins: tuple) -> Optional[
    Tuple[int, str]
]:
    """(status, error) when the request's headers are refused, None otherwise.

    Only ``application/json`` is accepted: a browser sends a cross-site ``text/plain`` POST without asking
    the server first (no CORS preflight), so accepting any type let any web page post as its visitor. A
    request that names a browser ``Origin`` must come from one of ``CORS_ORIGINS``; clients that are not
    browsers send no Origin and are not affected.
    """
    media_type = (content_type or "").split(";", 1)[0].strip().lower()
    if media_type != "application/json":
        return 415, NOT_JSON
    if origin is not None and origin not in allowed_origins and "*" not in allowed_origins:
        return 403, FOREIGN_ORIGIN
    return None


class RestInput(InputChannel):
    """Rasa's REST channel with input checks (see the module docstring)."""

    @classmethod
    def name(cls) -> Text:
        """Keeps Rasa's URL: /webhooks/rest/webhook."""
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """A health route and the checked webhook."""
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)
        config = settings()

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            refused = header_problem(
                request.headers.get("content-type"), request.headers.get("origin"), config.cors_origins
            )
            if refused:
                return _error(*refused)
            try:
                data = parse_request(request.body or b"", config.max_request_bytes)
            except OverflowError as error:
                return _error(413, str(error))
            except ValueError as error:
                return _error(400, str(error))
            sender, text = data["sender"], data["message"]
            own_replies = channel_replies(text, config.max_message_length)
            if own_replies:
                return response.json([{"recipient_id": sender, "text": reply} for reply in own_replies])
            collector = CollectingOutputChannel()
            conversation = rest_conversation_id(sender, config.conversation_id_secret)
            await send_parts(text, collector, conversation, self.name(), on_new_message)
            # the client knows its conversation by its own sender, never by the derived id
            return response.json([{**reply, "recipient_id": sender} for reply in collector.messages])

        return webhook

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "RestInput":
        """No credentials: limits come from the settings."""
        return cls()
