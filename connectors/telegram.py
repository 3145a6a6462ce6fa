"""The Telegram channel: a Rasa input channel that talks to the Telegram Bot API directly.

Registered in ``credentials.yml`` by its module path, with no keys (everything comes from ``.env``
through ``padsafety.settings``)::

    connectors.telegram.TelegramInput:

Telegram POSTs each update to ``/webhooks/telegram/webhook`` (register it with
``scripts/telegram_webhook.py set``); replies go out through ``{TELEGRAM_API_BASE_URL}/bot{token}/{method}``
with aiohttp. Rasa's own ``TelegramInput`` (aiogram 2) is not used because, in Rasa 3.6.21, it calls
setWebhook at start-up (fails offline), answers its first update with "Event loop is closed", calls getMe on
every update, never checks Telegram's secret-token header, answers 500 to ``my_chat_member`` updates and never
answers button presses (see shared/RASA-3.6-KNOWN-DEFECTS.md). This channel:

- makes no network call at import or start-up; one aiohttp session is created lazily inside the server's
  event loop and reused;
- accepts an update only with the right ``X-Telegram-Bot-Api-Secret-Token`` header (403 otherwise);
- answers 400 to a body that is not a JSON object, and 200 to every well-formed update, even one it cannot
  process, so Telegram does not redeliver it forever; one bad update never takes the server down;
- maps ``/start`` to ``/greet`` (greeting with disclaimer) and answers ``/help`` itself; passes button presses
  (``callback_query.data``) to Rasa and always calls answerCallbackQuery; answers edited and non-text messages
  with a short explanation; ignores other update types;
- sends plain text only (no ``parse_mode``), split at Telegram's 4096-character limit, with buttons as an
  inline keyboard (one per row);
- uses ``telegram-`` + HMAC-SHA256(``TELEGRAM_WEBHOOK_SECRET``, chat id) as the Rasa sender id, so no other
  channel's client can claim a Telegram user's conversation by sending a chat id; the chat id itself is kept
  only in the per-update output channel, for the replies;
- never logs message text at INFO, nor the bot token (it is part of every Bot API URL).

Three modules, one job each: this one is the channel (the webhook, update dispatch, the sender id and the
output channel); ``connectors/telegram_api.py`` is the Bot API client (HTTP, the retry on 429, logs
without the token); ``connectors/telegram_format.py`` is Telegram's message format (splitting long texts,
inline keyboards, commands, chat ids), with no Rasa and no network.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
from collections import OrderedDict
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text
from urllib.parse import urlsplit

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from connectors.parts import send_parts
from connectors.telegram_api import TOKEN_PATTERN, BotApi
from connectors.telegram_format import (
    NON_TEXT_KINDS,
    chat_id_of,
    inline_keyboard,
    parse_command,
    split_text,
    update_kind,
)
from padsafety.inputs import channel_replies, clean
from padsafety.settings import settings

logger = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# Real updates are a few KB; Sanic would otherwise accept up to 100 MB.
MAX_BODY_BYTES = 1_000_000
# Telegram redelivers an update it got no 200 for; remember this many recent update ids to skip repeats.
SEEN_UPDATES = 1024

# The characters Telegram accepts in setWebhook's secret_token.
SECRET_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,256}")

HELP_TEXT = (
    "I answer questions about red-light therapy pads:\n"
    "- what they can do (benefits) and what they can't do (limitations),\n"
    "- who should avoid them (for example during pregnancy, with photosensitivity or a pacemaker),\n"
    "- a short safety check: a few yes/no questions, then a verdict.\n"
    "\n"
    'Just type a question, for example "who should avoid red-light pads?" or "is it safe for me?". '
    'Say "delete my data" to erase this conversation.\n'
    "\n"
    "I give information, not medical advice, and I am no substitute for a doctor. In an emergency, call your "
    "local emergency number."
)
EDITED_TEXT = "I can't follow edited messages; please send it again as a new message."
NOT_TEXT = (
    "Sorry, I can only read text messages. Please type your question, for example "
    '"who should avoid red-light pads?"'
)
APOLOGY_TEXT = (
    "Sorry, something went wrong on my side and I couldn't answer that. Please try again in a few minutes. "
    "If you have a health concern, please ask your doctor."
)
# sendMessage needs some text; used when Rasa sends buttons with an empty text.
BUTTONS_ONLY_TEXT = "Please choose:"


def telegram_sender_id(chat_id: int, secret: str) -> str:
    """The Rasa sender id of a Telegram chat: ``telegram-`` + 32 hex digits of HMAC-SHA256(secret, chat id).

    Keyed with the webhook secret so that nobody can compute a Telegram user's sender id from their (public)
    chat id and reach their conversation through another channel (the REST channel trusts the sender it is
    given). Changing ``TELEGRAM_WEBHOOK_SECRET`` starts new conversations for every Telegram user.
    """
    digest = hmac.new(secret.encode("utf-8"), str(chat_id).encode("utf-8"), hashlib.sha256).hexdigest()
    return "telegram-" + digest[:32]


class TelegramOutput(OutputChannel):
    """Sends Rasa's replies to one Telegram chat.

    One instance per incoming update: it holds the chat id, because the ``recipient_id`` Rasa passes is the
    hashed sender id, from which the chat id cannot (and must not) be recovered.
    """

    def __init__(self, api: BotApi, chat_id: int) -> None:
        self.api = api
        self.chat_id = chat_id

    @classmethod
    def name(cls) -> Text:
        """The channel's name, as recorded in the tracker."""
        return "telegram"

    async def _send(self, text: str, reply_markup: Optional[Dict[str, Any]] = None) -> None:
        parts = split_text(text or "")
        if not parts and reply_markup:
            parts = [BUTTONS_ONLY_TEXT]
        for number, part in enumerate(parts, start=1):
            # no parse_mode: nothing in a reply is read as HTML or Markdown
            params: Dict[str, Any] = {"chat_id": self.chat_id, "text": part}
            if reply_markup and number == len(parts):
                params["reply_markup"] = reply_markup  # the buttons go under the last part
            await self.api.call("sendMessage", params)

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        """Sends a text (several messages when it is longer than Telegram's limit)."""
        await self._send(text)

    async def send_text_with_buttons(
        self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]], **kwargs: Any
    ) -> None:
        """Sends a text with its buttons as an inline keyboard, one button per row."""
        await self._send(text, inline_keyboard(buttons))

    async def send_quick_replies(
        self, recipient_id: Text, text: Text, quick_replies: List[Dict[Text, Any]], **kwargs: Any
    ) -> None:
        """Sends quick replies as inline buttons, like buttons."""
        await self._send(text, inline_keyboard(quick_replies))

    async def send_image_url(self, recipient_id: Text, image: Text, **kwargs: Any) -> None:
        """Sends an image by URL (sendPhoto)."""
        if isinstance(image, str) and image:
            await self.api.call("sendPhoto", {"chat_id": self.chat_id, "photo": image})

    async def send_attachment(self, recipient_id: Text, attachment: Any, **kwargs: Any) -> None:
        """Sends an attachment as text: itself when it is a string, else its ``text`` or ``url``."""
        if isinstance(attachment, dict):
            attachment = attachment.get("text") or attachment.get("url") or ""
        if isinstance(attachment, str) and attachment.strip():
            await self._send(attachment)

    async def send_custom_json(
        self, recipient_id: Text, json_message: Dict[Text, Any], **kwargs: Any
    ) -> None:
        """Sends the custom payload's ``text``, if it has one; other custom payloads mean nothing here."""
        text = json_message.get("text") if isinstance(json_message, dict) else None
        if isinstance(text, str) and text.strip():
            await self._send(text)
        else:
            logger.debug("Telegram: skipped a custom payload without text")


class TelegramInput(InputChannel):
    """Receives Telegram updates on ``POST /webhooks/telegram/webhook`` and hands them to Rasa."""

    def __init__(
        self,
        token: str,
        webhook_secret: str,
        bot_username: str = "",
        api_base_url: str = "https://api.telegram.org",
    ) -> None:
        self.enabled = bool(token)
        self.webhook_secret = webhook_secret
        self.bot_username = bot_username.lstrip("@")
        self.api = BotApi(token, api_base_url)
        self._seen_updates: "OrderedDict[int, None]" = OrderedDict()
        if not self.enabled:
            logger.info(
                "Telegram channel is off: TELEGRAM_TOKEN is empty (its webhook answers 503). "
                "Set TELEGRAM_TOKEN and TELEGRAM_WEBHOOK_SECRET in .env to turn it on."
            )
            return
        # shapes are only warned about: a wrong value must not stop the other channels from starting
        if not TOKEN_PATTERN.fullmatch(token):
            logger.warning("TELEGRAM_TOKEN does not look like a bot token (digits:text); replies will fail")
        if not SECRET_PATTERN.fullmatch(webhook_secret):
            logger.warning(
                "TELEGRAM_WEBHOOK_SECRET must be 1-256 characters of A-Z, a-z, 0-9, _ and - "
                "(Telegram refuses other secrets)"
            )
        logger.info(
            "Telegram channel is on: webhook POST /webhooks/telegram/webhook, Bot API at %s",
            urlsplit(api_base_url).netloc or api_base_url,
        )

    @classmethod
    def name(cls) -> Text:
        """The channel's name: its webhooks live under ``/webhooks/telegram/``."""
        return "telegram"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "TelegramInput":
        """Builds the channel from the settings (``.env``); ``credentials.yml`` keys are ignored."""
        if credentials:
            logger.warning(
                "Telegram: keys under connectors.telegram.TelegramInput in credentials.yml are ignored; "
                "the channel is configured in .env (TELEGRAM_*)"
            )
        config = settings()
        return cls(
            token=config.telegram_token,
            webhook_secret=config.telegram_webhook_secret,
            bot_username=config.telegram_bot_username,
            api_base_url=config.telegram_api_base_url,
        )

    def get_output_channel(self) -> Optional[OutputChannel]:
        """None: a sender id cannot be turned back into a chat id, so Rasa cannot start a conversation."""
        return None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """The health route ``GET /`` and the webhook ``POST /webhook``."""
        telegram_webhook = Blueprint("telegram_webhook", __name__)

        @telegram_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @telegram_webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            return await self.receive(request, on_new_message)

        @telegram_webhook.listener("after_server_stop")
        async def close_session(*_: Any) -> None:
            await self.api.close()

        return telegram_webhook

    def secret_matches(self, header: Optional[str]) -> bool:
        """Whether the request's secret-token header equals ``TELEGRAM_WEBHOOK_SECRET`` (constant time)."""
        if not header or not self.webhook_secret:
            return False
        return hmac.compare_digest(header.encode("utf-8"), self.webhook_secret.encode("utf-8"))

    async def receive(
        self, request: Request, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> HTTPResponse:
        """Checks one webhook request and handles its update; the HTTP answer for Telegram."""
        if not self.enabled:
            return response.json(
                {"error": "the Telegram channel is off: TELEGRAM_TOKEN is not set"}, status=503
            )
        if not self.secret_matches(request.headers.get(SECRET_HEADER)):
            logger.warning("Telegram webhook: refused a request without the right secret token")
            return response.json({"error": "forbidden"}, status=403)
        body = request.body or b""
        if len(body) > MAX_BODY_BYTES:
            return response.json({"error": "request body too large"}, status=413)
        try:
            update = json.loads(body)
        except ValueError:  # includes UnicodeDecodeError
            return response.json({"error": "the body is not valid JSON"}, status=400)
        if not isinstance(update, dict):
            return response.json({"error": "the body must be a JSON object (a Telegram update)"}, status=400)
        try:
            await self.handle_update(update, on_new_message)
        except Exception as error:  # one bad update must not become a 500 that Telegram retries forever
            kind, failure = update_kind(update), type(error).__name__
            logger.error("Telegram: could not handle a %s update (%s)", kind, failure)
            logger.debug("Telegram update failure", exc_info=True)
        return response.json({"status": "ok"})

    def _first_time(self, update_id: Any) -> bool:
        """False for an update id handled recently (Telegram redelivers after a timeout)."""
        if not isinstance(update_id, int) or isinstance(update_id, bool):
            return True
        if update_id in self._seen_updates:
            return False
        self._seen_updates[update_id] = None
        while len(self._seen_updates) > SEEN_UPDATES:
            self._seen_updates.popitem(last=False)
        return True

    async def handle_update(
        self, update: Dict[str, Any], on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> None:
        """Dispatches one Telegram update by its type."""
        if not self._first_time(update.get("update_id")):
            logger.info("Telegram: skipped a repeated update")
            return
        if "message" in update:
            await self._on_message(update["message"], on_new_message)
        elif "callback_query" in update:
            await self._on_callback_query(update["callback_query"], on_new_message)
        elif "edited_message" in update:
            chat_id = chat_id_of(update["edited_message"])
            if chat_id is not None:
                await TelegramOutput(self.api, chat_id).send_text_message("", EDITED_TEXT)
        else:
            # my_chat_member (blocked/unblocked), channel_post, inline_query...: nothing to answer
            logger.debug("Telegram: ignored a %s update", update_kind(update))

    async def _on_message(
        self, message: Any, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> None:
        chat_id = chat_id_of(message)
        if chat_id is None:
            logger.info("Telegram: ignored a message without a chat id")
            return
        output = TelegramOutput(self.api, chat_id)
        text = message.get("text")
        if not isinstance(text, str):
            if any(kind in message for kind in NON_TEXT_KINDS):
                await output.send_text_message("", NOT_TEXT)
            else:
                logger.debug("Telegram: ignored a service message")
            return
        command = parse_command(text)
        if command is not None:
            name, addressee, rest = command
            if addressee and self.bot_username and addressee.lower() != self.bot_username.lower():
                return  # a command for another bot in a group chat
            if name == "start":
                text = "/greet"  # also for deep links (/start PAYLOAD): the greeting with the disclaimer
            elif name == "help":
                await output.send_text_message("", HELP_TEXT)
                return
            elif addressee:
                text = f"/{name}{rest}"  # /stop@botname -> /stop, as Rasa expects
        text = clean(text)
        if not text:
            return
        # the same checks and replies as REST and the widget (padsafety.inputs), referral included
        own_replies = channel_replies(text, settings().max_message_length)
        if own_replies:
            for reply in own_replies:
                await output.send_text_message("", reply)
            return
        await self._to_rasa(text, output, on_new_message)

    async def _on_callback_query(
        self, query: Any, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> None:
        if not isinstance(query, dict):
            return
        query_id = query.get("id")
        if isinstance(query_id, str) and query_id:
            # first, so the pressed button stops spinning whatever happens next (api.call never raises);
            # answering after Rasa's turn could also be too late ("query is too old")
            await self.api.call("answerCallbackQuery", {"callback_query_id": query_id})
        data = query.get("data")
        chat_id = chat_id_of(query.get("message"))
        if chat_id is None or not isinstance(data, str) or not data.strip():
            # e.g. a button of an inline-mode message, which has no chat to answer in
            logger.info("Telegram: ignored a button press without chat or data")
            return
        limit = settings().max_message_length
        await self._to_rasa(clean(data)[:limit], TelegramOutput(self.api, chat_id), on_new_message)

    async def _to_rasa(
        self, text: str, output: TelegramOutput, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> None:
        sender_id = telegram_sender_id(output.chat_id, self.webhook_secret)
        try:
            await send_parts(text, output, sender_id, self.name(), on_new_message)
        except Exception as error:
            # the user gets an answer rather than silence; Telegram still gets its 200
            logger.error("Telegram: Rasa failed to handle a message (%s)", type(error).__name__)
            logger.debug("Rasa failure", exc_info=True)
            await output.send_text_message("", APOLOGY_TEXT)
