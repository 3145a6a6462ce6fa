"""Conversation ids that one user cannot guess, choose for someone else, or carry across channels.

Rasa keys a conversation by its sender id; whoever sends a message with a sender id reads (in the
replies) and alters that conversation. So each channel derives the sender id from something only
its user holds, in a key space of its own:

- REST: ``rest-`` + HMAC-SHA256(``CONVERSATION_ID_SECRET``, client sender). The client's ``sender``
  works as a bearer secret (at least 16 characters: use a random UUID). A REST client can never
  name a socket.io or Telegram conversation, and a sender id read from the database or a log cannot
  be replayed as a ``sender``.
- socket.io (website widget): the server issues every session id: 32 random hex digits, ``-``, and 16
  hex digits of HMAC-SHA256(secret, those digits). A session id the server did not sign is replaced
  by a new one, so no client can choose a short, guessable id, or name a REST or Telegram conversation.
  The session id stays with the client (the widget keeps it in its browser storage); Rasa's sender id is
  ``socketio-`` + HMAC-SHA256(secret, ``socketio-sender:`` + session id), so the tracker store, its
  backups and Rasa's logs never hold a session id, and a sender id read from them cannot be replayed as
  one. A session idle for longer than ``WIDGET_SESSION_IDLE_DAYS`` is replaced by a new one
  (:func:`idle_expired`, connectors/socketio.py).
- Telegram: ``telegram-`` + HMAC of the chat id (connectors/telegram.py).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import secrets
from typing import Any, Optional

logger = logging.getLogger(__name__)

MIN_REST_SENDER_LENGTH = 16
DAY_SECONDS = 86_400
_SESSION_ID = re.compile(r"([0-9a-f]{32})-([0-9a-f]{16})")
_warned_empty = False


def _digest(secret: str, message: str) -> str:
    global _warned_empty
    if not secret and not _warned_empty:
        _warned_empty = True
        logger.warning(
            "CONVERSATION_ID_SECRET is empty: conversation ids are unkeyed hashes (`make run` writes a "
            "random secret into .env)"
        )
    # "surrogatepass": JSON can carry a lone surrogate ("\ud800"), which strict UTF-8 refuses to encode;
    # the REST channel refuses such senders, and this never raises for any string
    return hmac.new(
        secret.encode("utf-8", "surrogatepass"), message.encode("utf-8", "surrogatepass"), hashlib.sha256
    ).hexdigest()


def rest_conversation_id(sender: str, secret: str) -> str:
    """Rasa's sender id for a REST client's ``sender``: ``rest-`` + 32 hex digits."""
    return "rest-" + _digest(secret, "rest:" + sender)[:32]


def new_session_id(secret: str) -> str:
    """A fresh, signed socket.io session id."""
    token = secrets.token_hex(16)
    return f"{token}-{_digest(secret, 'socketio:' + token)[:16]}"


def is_issued_session_id(value: Any, secret: str) -> bool:
    """Whether ``value`` is a session id this server (with this secret) issued."""
    if not isinstance(value, str):
        return False
    match = _SESSION_ID.fullmatch(value)
    if match is None:
        return False
    expected = _digest(secret, "socketio:" + match.group(1))[:16]
    return hmac.compare_digest(expected, match.group(2))


def socketio_conversation_id(session_id: str, secret: str) -> str:
    """Rasa's sender id for a widget session id: ``socketio-`` + 32 hex digits (never the id itself)."""
    return "socketio-" + _digest(secret, "socketio-sender:" + session_id)[:32]


def idle_expired(last_activity: Optional[float], now: float, idle_days: int) -> bool:
    """Whether a conversation whose newest event is from ``last_activity`` (epoch seconds) has been idle
    for more than ``idle_days`` days at ``now``. A conversation without any event (an issued id never
    used, or forgotten on its user's request) holds nothing to protect and does not expire."""
    if last_activity is None:
        return False
    return now - last_activity > idle_days * DAY_SECONDS
