"""Rasa's SQL tracker store, plus one privacy duty: forgetting a conversation on request.

The deletion has to happen here, in Rasa's process: `SQLTrackerStore.save` re-inserts every event it
does not find in the table, so rows deleted by anyone else would come back on the next save.
"""

from __future__ import annotations

import logging

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

logger = logging.getLogger(__name__)

FORGET_ACTION = "action_forget_me"


def forget_requested(tracker: DialogueStateTracker) -> bool:
    """Whether the latest turn ran the (confirmed) forget-me action."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, ActionExecuted) and event.action_name == FORGET_ACTION:
            return True
    return False


class PrivacySQLTrackerStore(SQLTrackerStore):
    """SQL tracker store that deletes a sender's whole conversation after `action_forget_me`."""

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Store the new events, or delete every event of the sender if they asked to be forgotten."""
        if not forget_requested(tracker):
            await super().save(tracker)
            return
        with self.session_scope() as session:
            deleted = (
                session.query(self.SQLEvent)
                .filter(self.SQLEvent.sender_id == tracker.sender_id)
                .delete(synchronize_session=False)
            )
            session.commit()
        logger.info("Forgot a conversation on its user's request (%d events deleted)", deleted)
