"""Register, remove or inspect the Telegram bot's webhook, from the settings in `.env`.

    python scripts/with_env.py python scripts/telegram_webhook.py set      # setWebhook
    python scripts/with_env.py python scripts/telegram_webhook.py delete   # deleteWebhook
    python scripts/with_env.py python scripts/telegram_webhook.py info     # getWebhookInfo

`set` registers TELEGRAM_WEBHOOK_URL (the public HTTPS address of Rasa's /webhooks/telegram/webhook) with
TELEGRAM_WEBHOOK_SECRET as the secret token Telegram sends back in every request, for message, edited_message
and callback_query updates; updates waiting at Telegram are kept. Exits 1 on any failure. The bot token is
never printed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Dict, Optional

import requests

from padsafety.settings import Settings, settings

PROJECT_DIR = Path(__file__).resolve().parent.parent


ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]
WEBHOOK_PATH = "/webhooks/telegram/webhook"  # where connectors.telegram listens
SECRET_CHARACTERS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
TIMEOUT_SECONDS = 30


class WebhookError(Exception):
    """A failure explained in one line for the terminal."""


def redact(text: str, token: str) -> str:
    """``text`` without the bot token (request errors quote the URL, which contains it)."""
    return text.replace(token, "<TELEGRAM_TOKEN>") if token else text


def require_token(config: Settings) -> None:
    """Fails clearly when TELEGRAM_TOKEN is missing."""
    if not config.telegram_token:
        raise WebhookError("TELEGRAM_TOKEN is empty: set the token @BotFather gave you in .env")


def call(config: Settings, method: str, params: Optional[Dict[str, Any]] = None) -> Any:
    """POSTs one Bot API method as JSON; its ``result``, or WebhookError when it fails."""
    token = config.telegram_token
    base = config.telegram_api_base_url.rstrip("/")
    try:
        answer = requests.post(f"{base}/bot{token}/{method}", json=params or {}, timeout=TIMEOUT_SECONDS)
    except requests.RequestException as error:
        raise WebhookError(
            f"{method}: could not reach the Bot API at {base}: {redact(str(error), token)}"
        ) from None
    try:
        body = answer.json()
    except ValueError:
        raise WebhookError(f"{method}: the Bot API answered HTTP {answer.status_code} without JSON") from None
    if not isinstance(body, dict) or body.get("ok") is not True:
        description = body.get("description", "no description") if isinstance(body, dict) else body
        code = body.get("error_code", answer.status_code) if isinstance(body, dict) else answer.status_code
        hint = " (is TELEGRAM_TOKEN right?)" if code in (401, 404) else ""
        raise WebhookError(f"{method} failed: {redact(str(description), token)} (error {code}){hint}")
    return body.get("result")


def set_webhook(config: Settings) -> None:
    """Registers TELEGRAM_WEBHOOK_URL with the secret token and the update types the channel handles."""
    require_token(config)
    url, secret = config.telegram_webhook_url, config.telegram_webhook_secret
    if not url:
        raise WebhookError(
            f"TELEGRAM_WEBHOOK_URL is empty: set the public HTTPS address of Rasa's {WEBHOOK_PATH} in .env"
        )
    if not url.startswith("https://"):
        raise WebhookError(f"TELEGRAM_WEBHOOK_URL must start with https:// (Telegram requires it), got {url}")
    if not secret:
        raise WebhookError("TELEGRAM_WEBHOOK_SECRET is empty: set a random secret in .env")
    if len(secret) > 256 or not set(secret) <= SECRET_CHARACTERS:
        raise WebhookError("TELEGRAM_WEBHOOK_SECRET must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
    if not url.rstrip("/").endswith(WEBHOOK_PATH):
        print(f"warning: TELEGRAM_WEBHOOK_URL does not end with {WEBHOOK_PATH}, where Rasa listens")
    call(
        config,
        "setWebhook",
        {
            "url": url,
            "secret_token": secret,
            "allowed_updates": ALLOWED_UPDATES,
            "drop_pending_updates": False,
        },
    )
    print(f"webhook set: {url} (updates: {', '.join(ALLOWED_UPDATES)})")


def delete_webhook(config: Settings) -> None:
    """Removes the webhook (pending updates are kept at Telegram)."""
    require_token(config)
    call(config, "deleteWebhook", {"drop_pending_updates": False})
    print("webhook deleted")


def webhook_info(config: Settings) -> None:
    """Prints what Telegram has registered, and whether it matches TELEGRAM_WEBHOOK_URL."""
    require_token(config)
    info = call(config, "getWebhookInfo")
    if not isinstance(info, dict):
        raise WebhookError("getWebhookInfo: unexpected answer from the Bot API")
    registered = info.get("url") or ""
    print(f"url: {registered or '(none: no webhook is set)'}")
    print(f"pending updates: {info.get('pending_update_count', 0)}")
    print(f"allowed updates: {', '.join(info.get('allowed_updates') or ['(all but a few)'])}")
    if info.get("last_error_message"):
        print(f"last error: {info['last_error_message']} (at unix time {info.get('last_error_date')})")
    if config.telegram_webhook_url and registered != config.telegram_webhook_url:
        print(f"note: this differs from TELEGRAM_WEBHOOK_URL ({config.telegram_webhook_url}); run `set`")


COMMANDS = {"set": set_webhook, "delete": delete_webhook, "info": webhook_info}


def main(argv: Optional[list] = None) -> int:
    """Runs one command; the process's exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=sorted(COMMANDS), help="set, delete or show the webhook")
    args = parser.parse_args(argv)
    try:
        COMMANDS[args.command](settings())
    except WebhookError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
