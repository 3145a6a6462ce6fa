"""The website widget's channel: Rasa's socket.io input channel with the fixes below.

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
6. The session id is not Rasa's sender id: upstream stores it as the sender id, so anyone who reads the
   tracker store (or a backup) could replay it and continue the conversation. Here the sender id is a
   keyed hash of it (``socketio_conversation_id``), and the socket joins the room named after that hash
   (the output channel sends each reply to the room named after the sender id, so replies, and bot
   messages pushed through the HTTP API, reach the browsers of that session only). Rooms live in this
   process's memory; a client never names a room.
7. Idle sessions expire: when a ``session_request`` or a message carries a session id whose conversation's
   newest event is older than ``WIDGET_SESSION_IDLE_DAYS``, the server issues a new session id (a new
   conversation; rasa-webchat stores it and, for a new page, sends its init payload). An unexpired id is
   confirmed unchanged, so a reload keeps its conversation and is not greeted again. The check is one
   aggregate query over the events table's sender index on ``session_request``; a message is checked
   against the database only when the socket has seen no activity of its session within the limit. If
   the tracker store cannot be asked (a database outage), sessions are kept (checked again later).
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text, Tuple, Union

import rasa.core.channels.channel
import rasa.shared.utils.io
import sqlalchemy as sa
from engineio import AsyncServer as EngineIOServer
from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOOutput
from rasa.core.channels.socketio import SocketIOInput as RasaSocketIOInput
from rasa.core.tracker_store import FailSafeTrackerStore, SQLTrackerStore, TrackerStore
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse
from sanic_cors.core import SANIC_CORS_EVALUATED
from socketio import AsyncServer

from connectors.identity import (
    idle_expired,
    is_issued_session_id,
    new_session_id,
    socketio_conversation_id,
)
from connectors.parts import send_parts
from padsafety.inputs import channel_replies, clean
from padsafety.log_limits import RateLimitedLogger
from padsafety.settings import settings

logger = logging.getLogger(__name__)
limited = RateLimitedLogger(logger)
# after the tracker store could not be asked, sessions are kept without asking it for this long
CHECK_PAUSE_SECONDS = 30.0


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


async def last_event_time(tracker_store: TrackerStore, sender_id: str) -> Optional[float]:
    """When the conversation's newest stored event happened (epoch seconds); ``None`` if it has none.

    Rasa's SQL tracker store (the project's, behind Rasa's ``FailSafeTrackerStore``): one aggregate query
    over the events table's sender index, without loading the conversation. Any other store: the newest
    event of the conversation's latest session.
    """
    store = tracker_store._tracker_store if isinstance(tracker_store, FailSafeTrackerStore) else tracker_store
    if isinstance(store, SQLTrackerStore):
        with store.session_scope() as session:
            newest = (
                session.query(sa.func.max(store.SQLEvent.timestamp))
                .filter(store.SQLEvent.sender_id == sender_id)
                .scalar()
            )
        return None if newest is None else float(newest)
    tracker = await store.retrieve(sender_id)
    if tracker is None or not tracker.events:
        return None
    return tracker.events[-1].timestamp


class WidgetSessions:
    """The widget's sessions: Rasa's sender id of a session id, idle expiry, each socket's latest activity.

    ``app`` is the Sanic app (set when the server has started): its ``ctx.agent`` holds the tracker store.
    Per connected socket, the session it uses and the newest activity of that session it knows of; a
    message of that session within the limit of it needs no database query.
    """

    def __init__(
        self,
        secret: str,
        idle_days: int,
        clock: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.secret = secret
        self.idle_days = idle_days
        self.clock = clock
        self.monotonic = monotonic
        self.app: Optional[Sanic] = None
        self._seen: Dict[str, Tuple[str, float]] = {}  # socket id -> (session id, newest activity known)
        self._paused_until = 0.0

    def sender_id(self, session_id: str) -> str:
        """Rasa's sender id (and the socket.io room) of a session id."""
        return socketio_conversation_id(session_id, self.secret)

    def tracker_store(self) -> Optional[TrackerStore]:
        """The running agent's tracker store (``None`` before the model is loaded)."""
        agent = getattr(getattr(self.app, "ctx", None), "agent", None)
        return getattr(agent, "tracker_store", None)

    async def last_activity(self, session_id: str) -> Optional[float]:
        """The newest event of the session's conversation; ``None`` if none, or if it cannot be asked."""
        store = self.tracker_store()
        if store is None or self.monotonic() < self._paused_until:
            return None
        try:
            return await last_event_time(store, self.sender_id(session_id))
        except Exception as error:  # a database outage must not break the widget: keep the session
            self._paused_until = self.monotonic() + CHECK_PAUSE_SECONDS
            limited.warning(
                "idle-check", "socket.io: could not read a session's last activity (%s): sessions are kept "
                "for %.0f s", type(error).__name__, CHECK_PAUSE_SECONDS,
            )
            return None

    def start(self, sid: str, session_id: str) -> None:
        """``sid`` uses ``session_id``, active now."""
        self._seen[sid] = (session_id, self.clock())

    async def resolve(self, sid: str, session_id: str, message: bool) -> Tuple[str, bool]:
        """The session id to use for an issued ``session_id`` from socket ``sid``, and whether it is new.

        A session idle for more than ``idle_days`` is replaced by a new one. For a message (``message``),
        the database is asked only when this socket has seen no activity of that session within the limit.
        """
        now = self.clock()
        known = self._seen.get(sid)
        if message and known is not None and known[0] == session_id and not idle_expired(
            known[1], now, self.idle_days
        ):
            self._seen[sid] = (session_id, now)
            return session_id, False
        last = await self.last_activity(session_id)
        if idle_expired(last, now, self.idle_days):
            limited.log(
                logging.INFO, "idle-expired",
                "socket.io: a widget session idle for more than %d days was replaced by a new one",
                self.idle_days,
            )
            session_id = new_session_id(self.secret)
            self.start(sid, session_id)
            return session_id, True
        self._seen[sid] = (session_id, now if message or last is None else last)
        return session_id, False

    def forget(self, sid: str) -> None:
        """The socket disconnected."""
        self._seen.pop(sid, None)


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
    """Rasa's socket.io input channel: room join awaited, origins restricted, input checked, session ids
    server-issued, hashed before Rasa sees them and expiring when idle."""

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
        secret = config.conversation_id_secret
        sessions = WidgetSessions(secret, config.widget_session_idle_days)
        self.sessions = sessions

        @socketio_webhook.listener("after_server_start")
        async def keep_app(app: Sanic, _: Any) -> None:
            sessions.app = app  # its ctx.agent (loaded at start-up) holds the tracker store

        async def join(sid: Text, session_id: str) -> None:
            """The socket receives the replies of ``session_id`` only (its room: the sender id's name)."""
            room = sessions.sender_id(session_id)
            for other in sio.rooms(sid, namespace=self.namespace):
                if other not in (sid, room):
                    await sio.leave_room(sid, other, namespace=self.namespace)
            # the fix: enter_room is a coroutine since python-socketio 5.10
            await sio.enter_room(sid, room, namespace=self.namespace)

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
            sessions.forget(sid)
            logger.debug(f"User {sid} disconnected from socketIO endpoint.")

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: Text, data: Optional[Dict] = None) -> None:
            requested = data.get("session_id") if isinstance(data, dict) else None
            if not is_issued_session_id(requested, secret):
                # a missing, chosen, tampered or expired id (the secret changed): a new session
                session_id = new_session_id(secret)
                sessions.start(sid, session_id)
            elif self.session_persistence:
                # the same id (a reload keeps its conversation) unless the session has been idle too long
                session_id, _ = await sessions.resolve(sid, requested, message=False)
            else:
                session_id = requested
            if self.session_persistence:
                await join(sid, session_id)
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)
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
                if not is_issued_session_id(data["session_id"], secret):
                    logger.warning("socket.io: ignored a message with a session id the server did not issue")
                    return
                session_id, replaced = await sessions.resolve(sid, data["session_id"], message=True)
                if replaced:
                    # idle too long: this message starts the new session, whose id the widget stores
                    await join(sid, session_id)
                    await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)
                # Rasa's sender id, and the room the replies go to: a keyed hash, never the session id
                sender_id = sessions.sender_id(session_id)
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
