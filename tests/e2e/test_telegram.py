"""The Telegram channel, for real: action server + `rasa run` with connectors.telegram.TelegramInput, real
Telegram Update JSON posted to its webhook, and replies caught by a fake Bot API server on 127.0.0.1
(tests/e2e/fake_telegram.py). Also scripts/telegram_webhook.py against the same fake server.
"""

import asyncio
import hashlib
import hmac
import itertools
import os
import random
import sqlite3
import subprocess
import sys
import time

import pytest
import requests
from conftest import PROJECT_DIR, Servers, free_port, running
from fake_telegram import FakeTelegram

from padsafety.rules import load_rulebook

TOKEN = "123456:TEST-token"
SECRET = "e2e-telegram_secret-0123456789"
BOT_USERNAME = "rlt_test_bot"
PUBLIC_URL = "https://bot.example.test/webhooks/telegram/webhook"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
CREDENTIALS = "connectors.rest.RestInput:\nconnectors.telegram.TelegramInput:\n"

DISCLAIMER = "not a medical assessment"
REFERRAL = "please talk to your doctor"
NOT_TEXT = "only read text"
EDITED = "edited messages"
MARKER = "zebra-quokka-7781"  # planted in a message, must never reach a log
QUESTIONS = len(load_rulebook().screening_rules)

_ids = itertools.count(int(time.time()) % 100_000 * 1000)


# -- Telegram objects, shaped as the Bot API sends them -------------------------------------------------


def new_chat_id() -> int:
    return random.randint(10**8, 10**10)


def person(chat_id):
    return {"id": chat_id, "is_bot": False, "first_name": "Test", "language_code": "en"}


def private_chat(chat_id):
    return {"id": chat_id, "first_name": "Test", "type": "private"}


def message_update(chat_id, text=None, kind="message", **content):
    message = {
        "message_id": next(_ids),
        "from": person(chat_id),
        "chat": private_chat(chat_id),
        "date": int(time.time()),
    }
    if text is not None:
        message["text"] = text
        if text.startswith("/"):
            command = text.split()[0]
            message["entities"] = [{"offset": 0, "length": len(command), "type": "bot_command"}]
    if kind == "edited_message":
        message["edit_date"] = int(time.time())
    message.update(content)
    return {"update_id": next(_ids), kind: message}


def bot_message(chat_id, sent):
    """The Message object Telegram puts in a callback_query: the bot's message with the keyboard."""
    return {
        "message_id": next(_ids),
        "from": {"id": 123456, "is_bot": True, "first_name": "Test bot", "username": BOT_USERNAME},
        "chat": private_chat(chat_id),
        "date": int(time.time()),
        "text": sent.params["text"],
        "reply_markup": sent.params["reply_markup"],
    }


def callback_update(chat_id, sent, data):
    buttons = [row[0] for row in sent.params["reply_markup"]["inline_keyboard"]]
    assert data in [button["callback_data"] for button in buttons], buttons
    query = {
        "id": str(random.randint(10**17, 10**18)),
        "from": person(chat_id),
        "message": bot_message(chat_id, sent),
        "chat_instance": "-4242424242",
        "data": data,
    }
    return {"update_id": next(_ids), "callback_query": query}


def sender_id_of(chat_id) -> str:
    """What the channel must use as Rasa sender id (computed here independently of the connector)."""
    return "telegram-" + hmac.new(SECRET.encode(), str(chat_id).encode(), hashlib.sha256).hexdigest()[:32]


def texts(calls) -> str:
    return "\n".join(call.params.get("text", "") for call in calls if call.method == "sendMessage")


# -- fixtures --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fake():
    server = FakeTelegram().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def servers(fake, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("telegram")
    credentials = workdir / "credentials.yml"
    credentials.write_text(CREDENTIALS)
    instance = Servers(
        workdir,
        credentials=str(credentials),
        TELEGRAM_TOKEN=TOKEN,
        TELEGRAM_WEBHOOK_SECRET=SECRET,
        TELEGRAM_API_BASE_URL=fake.base_url,
        TELEGRAM_BOT_USERNAME=BOT_USERNAME,
        TELEGRAM_WEBHOOK_URL=PUBLIC_URL,
    )
    with running(instance):
        yield instance


class Telegram:
    """Plays Telegram: posts updates to the channel's webhook; the Bot API calls each one caused."""

    def __init__(self, servers, fake):
        self.servers = servers
        self.fake = fake
        self.url = f"http://127.0.0.1:{servers.rasa_port}/webhooks/telegram/webhook"

    def post(self, body=None, secret=SECRET, data=None):
        headers = {"Content-Type": "application/json"}
        if secret is not None:
            headers[SECRET_HEADER] = secret
        return requests.post(self.url, json=body, data=data, headers=headers, timeout=120)

    def send(self, update):
        """Posts one update (the channel handles it before answering) and returns the calls it made."""
        self.fake.reset()
        answer = self.post(update)
        assert answer.status_code == 200, answer.text
        return list(self.fake.calls)

    def say(self, chat_id, text):
        return self.send(message_update(chat_id, text))


@pytest.fixture
def telegram(servers, fake):
    fake.reset()
    return Telegram(servers, fake)


# -- scripts/telegram_webhook.py (needs only the fake Bot API) -----------------------------------------


def run_script(fake, command, **env):
    environment = dict(
        os.environ,
        TELEGRAM_TOKEN=TOKEN,
        TELEGRAM_WEBHOOK_SECRET=SECRET,
        TELEGRAM_WEBHOOK_URL=PUBLIC_URL,
        TELEGRAM_API_BASE_URL=fake.base_url,
    )
    environment.update(env)
    return subprocess.run(
        [sys.executable, "scripts/with_env.py", "python", "scripts/telegram_webhook.py", command],
        cwd=PROJECT_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_script_sets_the_webhook_with_the_secret(fake):
    fake.reset()
    done = run_script(fake, "set")
    assert done.returncode == 0, done.stderr
    (call,) = fake.calls_of("setWebhook")
    assert call.token == TOKEN
    assert call.params["url"] == PUBLIC_URL
    assert call.params["secret_token"] == SECRET
    assert call.params["allowed_updates"] == ["message", "edited_message", "callback_query"]
    assert call.params["drop_pending_updates"] is False
    assert TOKEN not in done.stdout + done.stderr

    info = run_script(fake, "info")
    assert info.returncode == 0, info.stderr
    assert PUBLIC_URL in info.stdout and "differs" not in info.stdout
    assert fake.calls_of("getWebhookInfo")

    deleted = run_script(fake, "delete")
    assert deleted.returncode == 0, deleted.stderr
    assert fake.calls_of("deleteWebhook")
    assert "differs" in run_script(fake, "info").stdout  # nothing registered any more


@pytest.mark.parametrize(
    "env, message",
    [
        ({"TELEGRAM_WEBHOOK_URL": ""}, "TELEGRAM_WEBHOOK_URL is empty"),
        ({"TELEGRAM_WEBHOOK_URL": "http://bot.example.test/webhooks/telegram/webhook"}, "https://"),
        ({"TELEGRAM_TOKEN": ""}, "TELEGRAM_TOKEN is empty"),
        ({"TELEGRAM_WEBHOOK_SECRET": ""}, "TELEGRAM_WEBHOOK_SECRET is empty"),
        ({"TELEGRAM_WEBHOOK_SECRET": "has spaces!"}, "A-Z, a-z, 0-9"),
    ],
)
def test_script_refuses_incomplete_settings(fake, env, message):
    fake.reset()
    done = run_script(fake, "set", **env)
    assert done.returncode != 0
    assert message in done.stderr + done.stdout
    assert not fake.calls_of("setWebhook")


def test_script_reports_a_refusal_from_the_bot_api(fake):
    fake.reset()
    fake.fail_next("setWebhook", 400, "Bad Request: bad webhook: Failed to resolve host")
    done = run_script(fake, "set")
    assert done.returncode == 1
    assert "setWebhook failed: Bad Request: bad webhook" in done.stderr
    fake.fail_next("getWebhookInfo", 401, "Unauthorized")
    done = run_script(fake, "info")
    assert done.returncode == 1 and "Unauthorized" in done.stderr and "TELEGRAM_TOKEN" in done.stderr
    assert TOKEN not in done.stdout + done.stderr


def test_script_reports_an_unreachable_api_without_the_token(fake):
    done = run_script(fake, "info", TELEGRAM_API_BASE_URL=f"http://127.0.0.1:{free_port()}")
    assert done.returncode == 1
    assert "could not reach the Bot API" in done.stderr
    assert TOKEN not in done.stdout + done.stderr


# -- the connector's Bot API client against the fake (no Rasa) ------------------------------------------


def test_bot_api_client_returns_results_and_swallows_failures(fake):
    from connectors.telegram import BotApi

    async def scenario():
        api = BotApi(TOKEN, fake.base_url)
        try:
            sent = await api.call("sendMessage", {"chat_id": 42, "text": "hello"})
            fake.fail_next("sendMessage", 403, "Forbidden: bot was blocked by the user")
            blocked = await api.call("sendMessage", {"chat_id": 42, "text": "hello"})
            fake.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
            retried = await api.call("sendMessage", {"chat_id": 42, "text": "again"})
            unknown = await api.call("noSuchMethod", {})
        finally:
            await api.close()
        unreachable = BotApi(TOKEN, f"http://127.0.0.1:{free_port()}", timeout=5)
        try:
            down = await unreachable.call("sendMessage", {"chat_id": 42, "text": "hello"})
        finally:
            await unreachable.close()
        return sent, blocked, retried, unknown, down

    fake.reset()
    sent, blocked, retried, unknown, down = asyncio.run(scenario())
    assert sent["text"] == "hello" and sent["chat"]["id"] == 42
    assert blocked is None
    assert retried["text"] == "again"
    assert unknown is None and down is None
    assert [call.method for call in fake.calls] == ["sendMessage"] * 4 + ["noSuchMethod"]
    assert all(call.content_type.startswith("application/json") for call in fake.calls)


# -- the channel in `rasa run` ---------------------------------------------------------------------------


def test_health_route(servers):
    answer = requests.get(f"http://127.0.0.1:{servers.rasa_port}/webhooks/telegram/", timeout=10)
    assert answer.status_code == 200 and answer.json() == {"status": "ok"}


def test_start_gives_the_greeting_with_the_disclaimer(telegram):
    calls = telegram.say(new_chat_id(), "/start")
    assert DISCLAIMER in texts(calls)
    assert all("parse_mode" not in call.params for call in calls)  # plain text only
    calls = telegram.say(new_chat_id(), f"/start@{BOT_USERNAME}")
    assert DISCLAIMER in texts(calls)


def test_replies_go_to_the_chat_that_wrote(telegram):
    chat_id = new_chat_id()
    calls = telegram.say(chat_id, "hello")
    assert calls and {call.params["chat_id"] for call in calls} == {chat_id}
    assert {call.token for call in calls} == {TOKEN}


def test_a_command_for_another_bot_is_ignored(telegram):
    assert telegram.say(new_chat_id(), "/start@some_other_bot") == []


def test_help_is_answered_by_the_channel(telegram):
    calls = telegram.say(new_chat_id(), "/help")
    assert len(calls) == 1 and calls[0].method == "sendMessage"
    text = calls[0].params["text"]
    for topic in ("can do", "can't do", "who should avoid", "safety check", "not medical advice"):
        assert topic in text, topic


def test_screening_question_comes_with_an_inline_keyboard(telegram):
    calls = telegram.say(new_chat_id(), "is it safe for me to use?")
    question = [call for call in calls if "reply_markup" in call.params]
    assert len(question) == 1
    assert f"Question 1 of {QUESTIONS}" in question[0].params["text"]
    keyboard = question[0].params["reply_markup"]["inline_keyboard"]
    assert all(len(row) == 1 for row in keyboard)  # one button per row
    assert [row[0]["callback_data"] for row in keyboard] == ["/affirm", "/deny", "/dont_know", "/stop"]
    assert [row[0]["text"] for row in keyboard] == ["Yes", "No", "I don't know", "Stop"]


def test_whole_screening_through_button_presses(telegram, servers):
    chat_id = new_chat_id()
    calls = telegram.say(chat_id, "is it safe for me to use?")
    question = [call for call in calls if "reply_markup" in call.params][-1]
    pressed = []
    for number in range(1, QUESTIONS + 1):
        assert f"Question {number} of {QUESTIONS}" in question.params["text"]
        update = callback_update(chat_id, question, "/affirm" if number == 1 else "/deny")
        pressed.append(update["callback_query"]["id"])
        calls = telegram.send(update)
        answered = [c.params["callback_query_id"] for c in calls if c.method == "answerCallbackQuery"]
        assert answered == [pressed[-1]]  # every press is answered, once
        if number < QUESTIONS:
            question = [call for call in calls if "reply_markup" in call.params][-1]
    assert "Verdict: do not use" in texts(calls)
    # the verdict was recorded as a Telegram screening
    with sqlite3.connect(servers.workdir / "records.db") as db:
        channels = {row[0] for row in db.execute("SELECT channel FROM screening_records")}
    assert "telegram" in channels


def test_condition_mention_is_referred_to_a_doctor(telegram):
    assert REFERRAL in texts(telegram.say(new_chat_id(), "btw I have lupus"))


def test_wrong_or_missing_secret_is_refused_and_nothing_is_processed(telegram, fake):
    chat_id = new_chat_id()
    for secret in ("wrong-secret", SECRET[:-1], "", None):
        answer = telegram.post(message_update(chat_id, "btw I have lupus"), secret=secret)
        assert answer.status_code == 403, secret
    assert fake.calls == []


def test_malformed_bodies_are_refused_and_the_server_goes_on(telegram, fake):
    for data in (b"{not json", b"\xff\xfe", b"[1, 2]", b'"text"', b"null"):
        answer = telegram.post(data=data)
        assert 400 <= answer.status_code < 500, data
        assert "error" in answer.json()
    assert fake.calls == []
    assert DISCLAIMER in texts(telegram.say(new_chat_id(), "/start"))


@pytest.mark.parametrize(
    "content",
    [
        {"sticker": {"file_id": "s1", "file_unique_id": "u1", "type": "regular", "width": 512, "height": 512,
                     "is_animated": False, "is_video": False, "emoji": "\U0001f44d"}},
        {"photo": [{"file_id": "p1", "file_unique_id": "u2", "width": 90, "height": 90}], "caption": "rash"},
        {"voice": {"file_id": "v1", "file_unique_id": "u3", "duration": 2}},
        {"location": {"latitude": 52.5, "longitude": 13.4}},
    ],
    ids=["sticker", "photo", "voice", "location"],
)
def test_non_text_messages_get_a_polite_reply(telegram, content):
    calls = telegram.send(message_update(new_chat_id(), **content))
    assert len(calls) == 1 and NOT_TEXT in texts(calls)


def test_edited_message_gets_a_polite_reply_and_is_not_processed(telegram):
    chat_id = new_chat_id()
    calls = telegram.send(message_update(chat_id, "btw I have lupus", kind="edited_message"))
    assert len(calls) == 1 and EDITED in texts(calls)
    assert REFERRAL not in texts(calls)


def test_other_update_types_are_ignored(telegram):
    chat_id = new_chat_id()
    blocked = {
        "update_id": next(_ids),
        "my_chat_member": {
            "chat": private_chat(chat_id),
            "from": person(chat_id),
            "date": int(time.time()),
            "old_chat_member": {"user": {"id": 123456, "is_bot": True, "first_name": "Test bot"},
                                "status": "member"},
            "new_chat_member": {"user": {"id": 123456, "is_bot": True, "first_name": "Test bot"},
                                "status": "kicked", "until_date": 0},
        },
    }
    assert telegram.send(blocked) == []
    channel_post = {
        "update_id": next(_ids),
        "channel_post": {"message_id": 1, "chat": {"id": -1001, "type": "channel"}, "date": 0, "text": "hi"},
    }
    assert telegram.send(channel_post) == []
    assert telegram.send({"update_id": next(_ids)}) == []  # an update with nothing in it
    # well-formed JSON that is not a valid update: 200 (no endless redelivery), nothing sent
    assert telegram.send({"update_id": next(_ids), "message": "not an object"}) == []
    # a button press without its message (inline mode): answered, not processed
    calls = telegram.send({"update_id": next(_ids), "callback_query": {"id": "77", "data": "/deny"}})
    assert [(c.method, c.params) for c in calls] == [("answerCallbackQuery", {"callback_query_id": "77"})]


def test_a_repeated_update_is_handled_once(telegram):
    update = message_update(new_chat_id(), "/start")
    assert DISCLAIMER in texts(telegram.send(update))
    assert telegram.send(update) == []


def test_bot_api_failure_does_not_break_the_channel(telegram, fake):
    chat_id = new_chat_id()
    fake.reset()
    fake.fail_next("sendMessage", 403, "Forbidden: bot was blocked by the user")
    answer = telegram.post(message_update(chat_id, "hello"))
    assert answer.status_code == 200
    assert fake.calls_of("sendMessage")  # tried, failed, swallowed
    assert "Hello!" in texts(telegram.say(chat_id, "/start"))  # the disclaimer came once, at the start


def test_sender_id_is_a_keyed_hash_of_the_chat_id(telegram, servers):
    chat_id = new_chat_id()
    telegram.say(chat_id, "hello")
    with sqlite3.connect(servers.workdir / "tracker.db") as db:
        senders = {row[0] for row in db.execute("SELECT DISTINCT sender_id FROM events")}
    assert sender_id_of(chat_id) in senders
    assert str(chat_id) not in senders
    assert not any(str(chat_id) in sender for sender in senders)
    # the REST channel cannot reach the Telegram conversation by naming the chat id
    assert all(not sender.isdigit() for sender in senders if sender.startswith("telegram-"))


def test_logs_carry_neither_message_text_nor_the_token(telegram, servers):
    telegram.say(new_chat_id(), f"I have diabetes {MARKER}")
    telegram.send(message_update(new_chat_id(), f"{MARKER} edited", kind="edited_message"))
    log = (servers.workdir / "rasa.log").read_text(errors="replace")
    assert "Telegram channel is on" in log
    for log_file in servers.workdir.glob("*.log"):
        content = log_file.read_text(errors="replace")
        assert MARKER not in content, log_file.name
        assert TOKEN not in content and "TEST-token" not in content, log_file.name
