"""Keeps user text out of the Rasa server's logs, whatever the log level, on every channel.

Rasa 3.6.21 reads a user message that starts with ``/`` as an intent command (``/intent{"entity": ...}``,
what buttons send). When the message is not a valid command, ``YAMLStoryReader.unpack_regex_message``
reports it with the whole text, in two ways that ``LOG_LEVEL`` does not control:

- a Python ``UserWarning`` ("Failed to parse arguments in line '/...'") through
  ``rasa.shared.utils.io.raise_warning``; Rasa's "once" warning filter shows each distinct text once;
- a structlog warning ``message.parsing.failed`` with ``user_text=...`` for a ``/`` followed by ``{``, ``@``
  or nothing.

``install()`` (called by scripts/rasa_server.py, the way every server of this project is started) replaces
both with one fixed line that carries no text and is rate-limited (components/log_limits.py). The message
itself is handled as before: read as text, or as the command with the unparsable rest dropped.

Telegram's ``/anycommand text`` takes the same path and is covered by the same patch: it lives in Rasa's
message parsing, not in a channel.
"""

from __future__ import annotations

import logging
from typing import Any, Optional

from padsafety.log_limits import RateLimitedLogger

logger = logging.getLogger(__name__)
limited = RateLimitedLogger(logger)

PARSE_WARNING = "Failed to parse arguments in line"
MASKED = (
    "A message starting with '/' is not a valid intent command; it was read as text or with its unparsable "
    "part dropped (message text not logged)"
)


def _masked_warning(original: Any) -> Any:
    def raise_warning(
        message: str, category: Optional[type] = None, docs: Optional[str] = None, **kwargs: Any
    ) -> None:
        if isinstance(message, str) and message.startswith(PARSE_WARNING):
            limited.warning("slash-command", MASKED)
            return None
        return original(message, category, docs, **kwargs)

    raise_warning.masked = True  # type: ignore[attr-defined]
    return raise_warning


def install() -> None:
    """Mask Rasa's reports of unparsable ``/`` messages in this process (idempotent)."""
    import rasa.shared.utils.io
    from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader

    if not getattr(rasa.shared.utils.io.raise_warning, "masked", False):
        # yaml_story_reader calls it as rasa.shared.utils.io.raise_warning(...), looked up at each call
        rasa.shared.utils.io.raise_warning = _masked_warning(rasa.shared.utils.io.raise_warning)

    original = YAMLStoryReader.unpack_regex_message
    if getattr(original, "masked", False):
        return

    def unpack_regex_message(message: Any, *args: Any, **kwargs: Any) -> Any:
        text = message.get("text")
        if isinstance(text, str):
            stripped = text.strip()
            if stripped.startswith("/") and YAMLStoryReader._regex_message_pattern().match(stripped) is None:
                # what Rasa does here, without its structlog line that carries the text
                limited.warning("slash-command", MASKED)
                return message
        return original(message, *args, **kwargs)

    unpack_regex_message.masked = True  # type: ignore[attr-defined]
    YAMLStoryReader.unpack_regex_message = staticmethod(unpack_regex_message)  # type: ignore[method-assign]
