"""Custom actions that fail safely: a timeout, and a reply from Rasa itself when the action server fails.

Rasa 3.6 waits up to 300 s for the action server and, when the call fails, logs the error and sends the
user nothing. Here every remote action call gets a timeout (ACTION_TIMEOUT_SECONDS), and a failure
becomes a short apology, with the doctor referral when the message named a condition, so the user is
never left without an answer and the referral never depends on the action server.

Rasa builds remote actions through the module-level name `RemoteAction` (in its `action` and `forms`
modules) and offers no plug-in point for this, so `install()` swaps that name for the subclass below.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, List

import rasa.core.actions.action as rasa_actions
import rasa.core.actions.forms as rasa_forms
from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
from rasa.shared.core.events import BotUttered, Event, UserUttered

from padsafety.recognition import needs_referral
from padsafety.settings import settings

logger = logging.getLogger(__name__)

APOLOGY = (
    "Sorry, part of me is not working right now, so I can't finish that. Please try again in a few minutes."
)
REFERRAL = (
    " Because you mentioned a health condition, please talk to your doctor before using a red-light"
    " therapy pad."
)


def _apology_already_sent(tracker: Any) -> bool:
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, BotUttered) and (event.text or "").startswith(APOLOGY):
            return True
    return False


class ResilientRemoteAction(RemoteAction):
    """A remote action with a timeout and a safe reply instead of silence when it fails."""

    async def run(self, output_channel: Any, nlg: Any, tracker: Any, domain: Any) -> List[Event]:
        """Runs the action on the action server, or apologises (once per turn) if that fails."""
        try:
            return await asyncio.wait_for(
                super().run(output_channel, nlg, tracker, domain), timeout=settings().action_timeout_seconds
            )
        except ActionExecutionRejection:
            raise  # a form rejecting a message is normal dialogue, not a failure
        except Exception as error:
            logger.error("Action '%s' failed (%s); answering without it", self.name(), type(error).__name__)
            if _apology_already_sent(tracker):
                return []
            text = APOLOGY
            message = tracker.latest_message
            if message and needs_referral(message.text):
                text += REFERRAL
            return [BotUttered(text=text)]


def install() -> None:
    """Make Rasa create ResilientRemoteAction for every custom action, form validation included."""
    rasa_actions.RemoteAction = ResilientRemoteAction
    rasa_forms.RemoteAction = ResilientRemoteAction
