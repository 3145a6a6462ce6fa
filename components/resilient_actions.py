"""Custom actions that fail safely: a timeout, and a reply from Rasa itself when the action server fails.

Rasa 3.6 waits up to 300 s for the action server and, when the call fails, logs the error and sends the
user nothing. Here every remote action call gets a timeout (ACTION_TIMEOUT_SECONDS), and a failure
becomes a short apology, with the doctor referral when the message named a condition, so the user is
never left without an answer and the referral never depends on the action server.

Rasa builds remote actions through the module-level name `RemoteAction` (in its `action` and `forms`
modules) and offers no plug-in point for this, so `install()` swaps that name for the subclass below.

The subclass also checks the action server's reply against Rasa's reply schema with a validator built
once: Rasa calls `jsonschema.validate`, which checks the (constant) schema itself against the JSON Schema
meta-schema on every call, and that was about a third of the Rasa server's CPU time per message (see
README, Figures, Performance). The reply is checked exactly as before; only the schema check is not repeated.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Dict, List

import rasa.core.actions.action as rasa_actions
import rasa.core.actions.forms as rasa_forms
from jsonschema import ValidationError
from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
from rasa.shared.constants import DOCS_BASE_URL
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


def response_validator(schema: Dict[str, Any]) -> Any:
    """A validator for `schema`, as `jsonschema.validate` builds one: the draft it names (or the latest),
    after checking the schema itself (once, here)."""
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


class ResilientRemoteAction(RemoteAction):
    """A remote action with a timeout and a safe reply instead of silence when it fails."""

    # reply-schema validators, per class (a subclass may define another `action_response_format_spec`)
    _validators: Dict[type, Any] = {}

    def _validate_action_result(self, result: Dict[str, Any]) -> bool:
        """Rasa's check of the action server's reply, with the validator built once per class.

        Same as `RemoteAction._validate_action_result`, which calls `jsonschema.validate(result, schema)`:
        the same validator class, the same most relevant error (`best_match`), the same message.
        """
        validator = self._validators.get(type(self))
        if validator is None:
            validator = self._validators[type(self)] = response_validator(self.action_response_format_spec())
        error = best_match(validator.iter_errors(result))
        if error is None:
            return True
        assert isinstance(error, ValidationError)
        error.message += (
            ". Failed to validate Action server response from API, "
            "make sure your response from the Action endpoint is valid. "
            "For more information about the format visit "
            f"{DOCS_BASE_URL}/custom-actions"
        )
        raise error

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
