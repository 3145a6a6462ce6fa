"""The website widget's channel: Rasa's socket.io input channel with three fixes.

Registered in ``credentials.yml`` by its module path::

    connectors.socketio.SocketIOInput:
      user_message_evt: user_uttered
      bot_message_evt: bot_uttered
      session_persistence: true

Differences from ``rasa.core.channels.socketio.SocketIOInput`` (Rasa 3.6.21), whose ``blueprint``
method is copied here and otherwise kept as it is:

1. ``session_request`` awaits ``sio.enter_room(...)``. Since python-socketio 5.10 it is a coroutine;
   upstream never awaits it, so with ``session_persistence: true`` the socket never joins the session's
   room and no bot reply reaches the browser (RasaHQ/rasa#13027).
2. socket.io only accepts connections from the origins in ``CORS_ORIGINS`` (``settings().cors_origins``).
   Upstream passes ``cors_allowed_origins=[]``, which turns python-engineio's origin check off entirely.
   An empty ``CORS_ORIGINS`` means same-origin only, never "any origin". python-engineio then also writes
   the CORS response headers of the socket.io requests, so Sanic-CORS (``rasa run --cors``) is told to
   leave those responses alone: otherwise they carry ``Access-Control-Allow-Origin`` twice and browsers
   reject the widget's polling requests.
3. Payloads that are not what the widget sends are ignored with a log line instead of raising inside
   the event handler: a non-object payload, a message that is not a string. Metadata that is not a JSON
   object is dropped (the message itself is handled).
5. Session ids are issued and signed by the server (connectors/identity.py). Upstream takes any id a
   client sends, and every bot reply goes to the room of that id: a client that chose or guessed another
   user's id would receive that user's replies and write into their conversation. Here a
   ``session_request`` with an id the server did not sign gets a new id, and a message with one is
   ignored.
4. Messages get the same checks as the project's REST channel (connectors/rest.py): control characters
   are removed; an empty message, or one over ``MAX_MESSAGE_LENGTH`` characters, is not passed to Rasa
   but answered politely by the channel (with the doctor referral when an over-long message names a
   condition). socket.io packets over ``MAX_REQUEST_BYTES`` are refused by python-engineio.
"""

from __future__ import annotations

import json
import logging
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text, Union

import rasa.core.channels.channel
import rasa.shared.utils.io
from engineio import AsyncServer as EngineIOServer
from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOOutput
from rasa.core.channels.socketio import SocketIOInput as RasaSocketIOInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from sanic_cors.core import SANIC_CORS_EVALUATED
from socketio import AsyncServer

from connectors.identity import is_issued_session_id, new_session_id
from connectors.parts import send_parts
from padsafety.inputs import channel_replies, clean
from padsafety.settings import settings

logger = logging.getLogger(__name__)



def allowed_origins(origins: tuple) -> Optional[Union[List[str], str]]:
    """The ``cors_allowed_origins`` argument for python-socketio's ``AsyncServer``.

    A list of the configured origins; ``None`` (same origin only) when none is configured, because an
    empty list would switch the origin check off; ``"*"`` only when ``CORS_ORIGINS`` says ``*``.
    """
    if "*" in origins:
        logger.warning("CORS_ORIGINS contains '*': the widget's socket.io endpoint accepts any website")
        return "*"
    return list(origins) or None


def user_text(data: Any) -> Optional[str]:
    """The text of a ``user_uttered`` payload without control characters, or ``None`` to ignore it."""
    if not isinstance(data, dict):
        logger.warning("socket.io: ignored a user message whose payload is not an object")
        return None
    message = data.get("message", "")
    if not isinstance(message, str):
        logger.warning("socket.io: ignored a user message whose text is not a string")
        return None
    return clean(message)


def answer_without_rasa(text: str, limit: int) -> List[str]:
    """The channel's own replies to an empty or over-long message (padsafety.inputs); [] otherwise."""
    replies = channel_replies(text, limit)
    if text and replies:
        logger.warning("socket.io: a message of %d characters (limit %d) not passed on", len(text), limit)
    return replies


class OriginCheckingEngineIOServer(EngineIOServer):
    """Engine.IO server whose CORS headers are the only ones on socket.io responses."""

    async def handle_request(self, *args: Any, **kwargs: Any) -> Any:
        """Mark the Sanic request as CORS-handled, then let python-engineio check the origin and answer."""
        context = getattr(args[0], "ctx", None) if args else None
        if context is not None:
            setattr(context, SANIC_CORS_EVALUATED, "1")
        return await super().handle_request(*args, **kwargs)


class OriginCheckingSocketIOServer(AsyncServer):
    """python-socketio server on top of :class:`OriginCheckingEngineIOServer`."""

    def _engineio_server_class(self) -> type:
        return OriginCheckingEngineIOServer


class SocketIOInput(RasaSocketIOInput):
    """Rasa's socket.io input channel: room join awaited, origins restricted, input checked."""

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Defines a Sanic blueprint (upstream's, with the fixes listed in the module docstring)."""
        config = settings()
        sio = OriginCheckingSocketIOServer(
            async_mode="sanic",
            cors_allowed_origins=allowed_origins(config.cors_origins),
            max_http_buffer_size=config.max_request_bytes,
        )
        socketio_webhook = SocketBlueprint(sio, self.socketio_path, "socketio_webhook", __name__)

        # make sio object static to use in get_output_channel
        self.sio = sio

        @socketio_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sio.on("connect", namespace=self.namespace)
        async def connect(sid: Text, environ: Dict, auth: Optional[Dict]) -> bool:
            if self.jwt_key:
                jwt_payload = None
                if isinstance(auth, dict) and auth.get("token"):
                    jwt_payload = rasa.core.channels.channel.decode_bearer_token(
                        auth.get("token"), self.jwt_key, self.jwt_algorithm
                    )

                if jwt_payload:
                    logger.debug(f"User {sid} connected to socketIO endpoint.")
                    return True
                else:
                    return False
            else:
                logger.debug(f"User {sid} connected to socketIO endpoint.")
                return True

        @sio.on("disconnect", namespace=self.namespace)
        async def disconnect(sid: Text, *_: Any) -> None:
            logger.debug(f"User {sid} disconnected from socketIO endpoint.")

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: Text, data: Optional[Dict] = None) -> None:
            if not isinstance(data, dict):
                data = {}
            if not is_issued_session_id(data.get("session_id"), config.conversation_id_secret):
                # a missing, chosen, tampered or expired id (the secret changed): a new session
                data = {**data, "session_id": new_session_id(config.conversation_id_secret)}
            if self.session_persistence:
                # the fix: enter_room is a coroutine since python-socketio 5.10
                await sio.enter_room(sid, data["session_id"], namespace=self.namespace)
            await sio.emit("session_confirm", data["session_id"], room=sid, namespace=self.namespace)
            logger.debug(f"User {sid} connected to socketIO endpoint.")

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: Text, data: Any = None) -> None:
            text = user_text(data)
            if text is None:
                return
            output_channel = SocketIOOutput(sio, self.bot_message_evt)

            if self.session_persistence:
                if not data.get("session_id"):
                    rasa.shared.utils.io.raise_warning(
                        "A message without a valid session_id "
                        "was received. This message will be "
                        "ignored. Make sure to set a proper "
                        "session id using the "
                        "`session_request` socketIO event."
                    )
                    return
                if not is_issued_session_id(data["session_id"], config.conversation_id_secret):
                    logger.warning("socket.io: ignored a message with a session id the server did not issue")
                    return
                sender_id = data["session_id"]
            else:
                sender_id = sid

            own_replies = answer_without_rasa(text, config.max_message_length)
            if own_replies:
                for reply in own_replies:
                    await output_channel.send_text_message(sender_id, reply)
                return

            metadata = data.get(self.metadata_key, {})
            if isinstance(metadata, Text):
                try:
                    metadata = json.loads(metadata)
                except ValueError:
                    metadata = None
            if metadata is not None and not isinstance(metadata, dict):
                logger.warning("socket.io: dropped metadata that is not a JSON object")
                metadata = {}
            await send_parts(text, output_channel, sender_id, self.name(), on_new_message, metadata)

        return socketio_webhook
