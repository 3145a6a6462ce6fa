"""REST channel that checks its input: clear 4xx errors for bad requests, limits on size and length.

Same name and URL as Rasa's (`/webhooks/rest/webhook`, body `{"sender": ..., "message": ...}`), so clients
do not change. Rasa's own channel answers some malformed bodies with a 500 and takes any size; this one
answers 400/413 with a short JSON error, ignores client-supplied `input_channel` and `metadata` (a client
must not pose as another channel), strips control characters, and answers empty or over-long messages
politely itself (with the doctor referral when an over-long message names a condition).

The client's ``sender`` is a bearer secret of at least 16 characters (a random UUID, say): Rasa's sender id
is derived from it with a keyed hash (connectors/identity.py), so one client cannot reach another's
conversation, nor one of another channel, without knowing that client's own ``sender``.
"""

from __future__ import annotations

import json
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from connectors.identity import MIN_REST_SENDER_LENGTH, rest_conversation_id
from padsafety.inputs import channel_replies, clean
from padsafety.settings import settings

MAX_SENDER_LENGTH = 128


def _error(status: int, message: str) -> HTTPResponse:
    return response.json({"error": message}, status=status)


def parse_request(body: bytes, max_body: int) -> Dict[str, Any]:
    """The request's sender and message, or ValueError / OverflowError with a message for the client."""
    if len(body) > max_body:
        raise OverflowError(f"request body over {max_body} bytes")
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ValueError("the body must be JSON (UTF-8)") from None
    if not isinstance(data, dict):
        raise ValueError('the body must be an object: {"sender": "...", "message": "..."}')
    sender, message = data.get("sender"), data.get("message")
    if not isinstance(sender, str) or not (
        MIN_REST_SENDER_LENGTH <= len(sender.strip()) <= MAX_SENDER_LENGTH
    ):
        raise ValueError(
            f'"sender" must be a string of {MIN_REST_SENDER_LENGTH} to {MAX_SENDER_LENGTH} characters that '
            "only this user knows (a random UUID, for example): it is the key to their conversation"
        )
    if not isinstance(message, str):
        raise ValueError('"message" must be a string')
    return {"sender": sender.strip(), "message": clean(message)}


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
            await on_new_message(UserMessage(text, collector, conversation, input_channel=self.name()))
            # the client knows its conversation by its own sender, never by the derived id
            return response.json([{**reply, "recipient_id": sender} for reply in collector.messages])

        return webhook

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "RestInput":
        """No credentials: limits come from the settings."""
        return cls()
