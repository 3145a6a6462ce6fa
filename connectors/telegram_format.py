"""Telegram's message format, without Rasa or the network: what the channel (connectors/telegram.py) sends
and reads.

Outgoing: plain text cut at Telegram's 4096-character limit (counted in UTF-16 code units), Rasa buttons as
an inline keyboard with ``callback_data`` within 64 bytes. Incoming: commands (``/start@bot payload``), the
chat id of a message, the kind of an update (for logs).
"""

from __future__ import annotations

import logging
import re
from typing import Any, Dict, List, Optional, Text, Tuple

logger = logging.getLogger(__name__)

# Telegram's limits: sendMessage text (counted in UTF-16 code units) and inline button callback_data (bytes).
MAX_TEXT_LENGTH = 4096
MAX_CALLBACK_DATA_BYTES = 64

# "/command", "/command@botname", "/command args"
COMMAND_PATTERN = re.compile(r"/([A-Za-z0-9_]+)(?:@([A-Za-z0-9_]+))?(.*)", re.DOTALL)

# Message kinds that carry something other than text: the user gets told to type instead. Service messages
# (members joining, pinned messages...) carry none of these and are ignored silently.
NON_TEXT_KINDS = (
    "animation",
    "audio",
    "contact",
    "dice",
    "document",
    "game",
    "location",
    "photo",
    "poll",
    "sticker",
    "story",
    "venue",
    "video",
    "video_note",
    "voice",
)


def utf16_length(text: str) -> int:
    """Length of ``text`` as Telegram counts it (UTF-16 code units: emoji count twice)."""
    return len(text.encode("utf-16-le")) // 2


def split_text(text: str, limit: int = MAX_TEXT_LENGTH) -> List[str]:
    """``text`` cut into messages Telegram accepts, at line breaks or spaces when possible; no empty parts."""
    parts: List[str] = []
    rest = text.strip()
    while utf16_length(rest) > limit:
        # the longest prefix within the limit (characters outside the BMP take two units)
        cut, units = 0, 0
        for char in rest:
            units += 2 if ord(char) > 0xFFFF else 1
            if units > limit:
                break
            cut += 1
        # prefer a line break, then a space, in the second half of the prefix, so that words stay whole
        for separator in ("\n", " "):
            position = rest.rfind(separator, 0, cut)
            if position >= cut // 2:
                cut = position + 1
                break
        part = rest[:cut].strip()
        if part:
            parts.append(part)
        rest = rest[cut:].strip()
    if rest:
        parts.append(rest)
    return parts


def callback_data(payload: str) -> str:
    """A button payload as ``callback_data``: at most 64 bytes of UTF-8, cut on a character boundary."""
    encoded = payload.encode("utf-8")
    if len(encoded) <= MAX_CALLBACK_DATA_BYTES:
        return payload
    logger.warning(
        "Telegram: a button payload of %d bytes was cut to %d (Telegram's limit)",
        len(encoded),
        MAX_CALLBACK_DATA_BYTES,
    )
    return encoded[:MAX_CALLBACK_DATA_BYTES].decode("utf-8", errors="ignore")


def inline_keyboard(buttons: List[Dict[Text, Any]]) -> Optional[Dict[str, Any]]:
    """Rasa buttons as a Telegram ``reply_markup``: an inline keyboard, one button per row.

    A button with a ``url`` becomes a link button; otherwise its payload (or, without one, its title) is the
    callback data sent back when it is pressed. Buttons with neither are skipped.
    """
    rows = []
    for button in buttons or []:
        if not isinstance(button, dict):
            continue
        title = str(button.get("title") or button.get("payload") or "").strip()
        url = button.get("url")
        payload = str(button.get("payload") or button.get("title") or "").strip()
        if not title:
            continue
        if isinstance(url, str) and url.startswith(("https://", "http://")):
            rows.append([{"text": title, "url": url}])
        elif payload:
            rows.append([{"text": title, "callback_data": callback_data(payload)}])
    return {"inline_keyboard": rows} if rows else None


def parse_command(text: str) -> Optional[Tuple[str, Optional[str], str]]:
    """``(command, addressee, rest)`` of a Telegram command such as ``/start@bot payload``, else ``None``."""
    match = COMMAND_PATTERN.fullmatch(text.strip())
    if match is None:
        return None
    return match.group(1).lower(), match.group(2), match.group(3)


def chat_id_of(message: Any) -> Optional[int]:
    """The chat id of a Telegram ``Message`` object, or ``None`` when it has none."""
    if not isinstance(message, dict):
        return None
    chat = message.get("chat")
    chat_id = chat.get("id") if isinstance(chat, dict) else None
    # bool is an int in Python; a chat id never is one
    if isinstance(chat_id, int) and not isinstance(chat_id, bool):
        return chat_id
    return None


def update_kind(update: Dict[str, Any]) -> str:
    """The type of an update (``message``, ``callback_query``, ``my_chat_member``...), for logs."""
    for key in update:
        if key != "update_id":
            return str(key)[:32]
    return "empty"
