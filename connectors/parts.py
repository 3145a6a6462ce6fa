"""Several questions in one message: each goes to Rasa as its own turn, and a reply is sent once.

"Can it help with back pain and is it safe during pregnancy?" is split by
:func:`padsafety.inputs.split_questions`; every channel passes its messages through :func:`send_parts`,
so each question is answered in order and each passes the safety policy on its own.
"""

from __future__ import annotations

from typing import Any, Awaitable, Callable, Dict, List, Optional, Set, Text, Tuple

from rasa.core.channels.channel import OutputChannel, UserMessage

from padsafety.inputs import FILLER_REPLIES, SESSION_NOTICE, split_questions


class PartsOutputChannel(OutputChannel):
    """Holds the replies to a message's parts, then sends each text once, in order.

    A part the assistant did not understand ("do they really work" after "are they worth it?") adds
    nothing when another part was answered, so its "I didn't understand" (or another reply that only
    invites a question, ``FILLER_REPLIES``) is dropped; the session-start notice answers nothing.
    """

    def __init__(self, inner: OutputChannel) -> None:
        self.inner = inner
        self.held: List[Tuple[Text, Dict[Text, Any]]] = []

    @classmethod
    def name(cls) -> Text:
        """Name of this wrapper (the inner channel's own name is kept on each UserMessage)."""
        return "parts"

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        """Holds the message until every part has been answered."""
        self.held.append((recipient_id, message))

    async def flush(self) -> None:
        """Sends the held replies: duplicates and needless "I didn't understand" left out."""
        texts = [m.get("text") or "" for _, m in self.held]
        answered = any(t and not t.startswith(FILLER_REPLIES + (SESSION_NOTICE,)) for t in texts)
        sent: Set[Text] = set()
        for recipient_id, message in self.held:
            text = message.get("text") or ""
            if text and (text in sent or (answered and text.startswith(FILLER_REPLIES))):
                continue
            sent.add(text)
            await self.inner.send_response(recipient_id, message)
        self.held = []


async def send_parts(
    text: Text,
    output: OutputChannel,
    sender_id: Text,
    input_channel: Text,
    on_new_message: Callable[[UserMessage], Awaitable[Any]],
    metadata: Optional[Dict[Text, Any]] = None,
) -> None:
    """Hands the message to Rasa, one turn per question it asks."""
    parts = split_questions(text)
    if len(parts) == 1:
        await on_new_message(
            UserMessage(text, output, sender_id, input_channel=input_channel, metadata=metadata)
        )
        return
    channel = PartsOutputChannel(output)
    try:
        for index, part in enumerate(parts):
            # which part of one message this is: "is it safe for my husband? can we do the questions" asks for
            # the check in its second part and says for whom in its first (actions/conversation.py)
            marked = {**(metadata or {}), "part": index, "parts": len(parts)}
            await on_new_message(
                UserMessage(part, channel, sender_id, input_channel=input_channel, metadata=marked)
            )
    finally:
        await channel.flush()
