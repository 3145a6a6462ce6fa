"""connectors/telegram.py and connectors/telegram_format.py without servers: webhook checks, update dispatch
and output (recording Bot API)."""

import asyncio
import itertools
import json
import logging
from types import SimpleNamespace

import pytest

from connectors import telegram as tg
from connectors.telegram import SECRET_HEADER, TelegramInput, TelegramOutput, telegram_sender_id
from connectors.telegram_format import (
    MAX_CALLBACK_DATA_BYTES,
    callback_data,
    inline_keyboard,
    parse_command,
    split_text,
    utf16_length,
)
from padsafety.settings import load_settings

SECRET = "unit-test_secret"
CHAT = 987654321


class RecordingApi:
    """Stands in for BotApi: records (method, params), answers like Telegram."""

    def __init__(self):
        self.calls = []

    async def call(self, method, params):
        self.calls.append((method, params))
        return {"message_id": len(self.calls)} if method.startswith("send") else True

    async def close(self):
        pass

    def methods(self):
        return [method for method, _ in self.calls]

    def texts(self):
        return [params["text"] for method, params in self.calls if method == "sendMessage"]


class FakeRasa:
    """Stands in for Rasa's on_new_message: records messages, optionally replies or fails."""

    def __init__(self, reply=None, error=None):
        self.messages = []
        self.reply = reply
        self.error = error

    async def __call__(self, message):
        self.messages.append(message)
        if self.error:
            raise self.error
        if self.reply:
            await message.output_channel.send_response(message.sender_id, dict(self.reply))


@pytest.fixture
def channel():
    instance = TelegramInput("123456:ABC-def", SECRET, bot_username="rlt_test_bot", api_base_url="http://x")
    instance.api = RecordingApi()
    return instance


def run(coroutine):
    return asyncio.run(coroutine)


def request(body, secret=SECRET):
    headers = {} if secret is None else {SECRET_HEADER: secret}
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    return SimpleNamespace(headers=headers, body=raw)


def message(text=None, chat_id=CHAT, **content):
    body = {"message_id": 5, "from": {"id": chat_id, "is_bot": False, "first_name": "A"},
            "chat": {"id": chat_id, "type": "private"}, "date": 1700000000}
    if text is not None:
        body["text"] = text
    body.update(content)
    return body


_update_ids = itertools.count(1000)


def update(kind="message", body=None, update_id=None):
    return {"update_id": update_id if update_id is not None else next(_update_ids), kind: body}


# -- pure functions ----------------------------------------------------------------------------------------


def test_sender_id_is_a_keyed_hash_not_the_chat_id():
    sender = telegram_sender_id(CHAT, SECRET)
    assert sender.startswith("telegram-") and len(sender) == len("telegram-") + 32
    assert str(CHAT) not in sender
    assert sender == telegram_sender_id(CHAT, SECRET)
    assert sender != telegram_sender_id(CHAT + 1, SECRET)
    assert sender != telegram_sender_id(CHAT, SECRET + "x")


def test_split_text_keeps_short_texts_and_drops_empty_ones():
    assert split_text("hello") == ["hello"]
    assert split_text("  \n ") == []
    assert split_text("") == []


def test_split_text_cuts_long_texts_between_words():
    words = " ".join(f"word{i}" for i in range(2000))  # about 15,000 characters
    parts = split_text(words)
    assert len(parts) >= 4
    assert all(utf16_length(part) <= 4096 for part in parts)
    assert " ".join(parts) == words  # nothing lost, no word cut in two


def test_split_text_counts_like_telegram():
    emoji = "\U0001f600" * 3000  # 6000 UTF-16 units, no spaces
    parts = split_text(emoji)
    assert all(utf16_length(part) <= 4096 for part in parts)
    assert "".join(parts) == emoji
    assert split_text("x" * 4096) == ["x" * 4096]


def test_callback_data_fits_64_bytes():
    assert callback_data("/affirm") == "/affirm"
    assert len(callback_data("/" + "a" * 100).encode()) == MAX_CALLBACK_DATA_BYTES
    cut = callback_data("é" * 40)  # two bytes each: cut on a character boundary
    assert len(cut.encode()) <= MAX_CALLBACK_DATA_BYTES and cut == "é" * 32


def test_inline_keyboard_one_button_per_row():
    markup = inline_keyboard(
        [
            {"title": "Yes", "payload": "/affirm"},
            {"title": "Only a title"},
            {"title": "Manual", "url": "https://example.org/manual", "type": "web_url"},
            {"payload": "/deny"},
            {},
            "not a button",
        ]
    )
    assert markup == {
        "inline_keyboard": [
            [{"text": "Yes", "callback_data": "/affirm"}],
            [{"text": "Only a title", "callback_data": "Only a title"}],
            [{"text": "Manual", "url": "https://example.org/manual"}],
            [{"text": "/deny", "callback_data": "/deny"}],
        ]
    }
    assert inline_keyboard([]) is None


def test_parse_command():
    assert parse_command("/start") == ("start", None, "")
    assert parse_command("/Start@RLT_test_bot") == ("start", "RLT_test_bot", "")
    assert parse_command("/start deep-link") == ("start", None, " deep-link")
    assert parse_command("hello /start") is None
    assert parse_command("/") is None


# -- the webhook request -----------------------------------------------------------------------------------


def test_secret_is_required(channel):
    rasa = FakeRasa()
    for secret in (None, "", "wrong", SECRET + "x", SECRET[:-1], "é"):
        answer = run(channel.receive(request(update(body=message("hi")), secret=secret), rasa))
        assert answer.status == 403, secret
    assert rasa.messages == [] and channel.api.calls == []


def test_malformed_bodies_get_400(channel):
    rasa = FakeRasa()
    for raw in (b"{", b"\xff", b"[]", b"42", b"null", b""):
        answer = run(channel.receive(request(raw), rasa))
        assert answer.status == 400, raw
        assert "error" in json.loads(answer.body)
    assert rasa.messages == []


def test_too_large_body_is_refused(channel):
    answer = run(channel.receive(request(b" " * (tg.MAX_BODY_BYTES + 1)), FakeRasa()))
    assert answer.status == 413


def test_disabled_channel_answers_503_and_says_so_once(caplog):
    with caplog.at_level(logging.INFO, logger="connectors.telegram"):
        off = TelegramInput("", "", api_base_url="http://x")
    assert [r.message for r in caplog.records if "Telegram channel is off" in r.message]
    answer = run(off.receive(request(update(body=message("hi"))), FakeRasa()))
    assert answer.status == 503 and "TELEGRAM_TOKEN" in json.loads(answer.body)["error"]


def test_an_exception_while_handling_still_answers_200(channel, monkeypatch):
    async def broken(*_):
        raise RuntimeError("boom")

    monkeypatch.setattr(channel, "handle_update", broken)
    answer = run(channel.receive(request(update(body=message("hi"))), FakeRasa()))
    assert answer.status == 200


# -- updates -----------------------------------------------------------------------------------------------


def test_text_goes_to_rasa_with_a_hashed_sender(channel):
    rasa = FakeRasa()
    run(channel.handle_update(update(body=message("what can the pad do?")), rasa))
    (sent,) = rasa.messages
    assert sent.text == "what can the pad do?"
    assert sent.sender_id == telegram_sender_id(CHAT, SECRET)
    assert sent.input_channel == "telegram" and sent.metadata is None
    assert isinstance(sent.output_channel, TelegramOutput) and sent.output_channel.chat_id == CHAT


@pytest.mark.parametrize("text", ["/start", "/start@rlt_test_bot", "/start some-deep-link"])
def test_start_becomes_greet(channel, text):
    rasa = FakeRasa()
    run(channel.handle_update(update(body=message(text)), rasa))
    assert [m.text for m in rasa.messages] == ["/greet"]


def test_commands_for_this_bot_lose_the_bot_name_and_others_are_ignored(channel):
    rasa = FakeRasa()
    run(channel.handle_update(update(body=message("/stop@rlt_test_bot"), update_id=1), rasa))
    run(channel.handle_update(update(body=message("/start@other_bot"), update_id=2), rasa))
    assert [m.text for m in rasa.messages] == ["/stop"]


def test_help_is_answered_without_rasa(channel):
    rasa = FakeRasa()
    run(channel.handle_update(update(body=message("/help")), rasa))
    assert rasa.messages == []
    assert channel.api.methods() == ["sendMessage"]
    assert channel.api.calls[0][1]["chat_id"] == CHAT
    assert "not medical advice" in channel.api.texts()[0]


def test_button_press_is_answered_and_passed_on(channel):
    rasa = FakeRasa(reply={"text": "Question 2 of 9: ..."})
    query = {"id": "4242", "from": {"id": CHAT}, "message": message("Question 1"), "data": "/deny"}
    run(channel.handle_update(update("callback_query", query), rasa))
    assert [m.text for m in rasa.messages] == ["/deny"]
    assert channel.api.calls[0] == ("answerCallbackQuery", {"callback_query_id": "4242"})
    assert channel.api.texts() == ["Question 2 of 9: ..."]


def test_button_press_is_answered_even_when_rasa_fails(channel):
    rasa = FakeRasa(error=RuntimeError("boom"))
    query = {"id": "1", "message": message("Question 1"), "data": "/affirm"}
    run(channel.handle_update(update("callback_query", query), rasa))
    assert channel.api.methods() == ["answerCallbackQuery", "sendMessage"]
    assert "something went wrong" in channel.api.texts()[0]


@pytest.mark.parametrize(
    "query",
    [
        {"id": "9", "data": "/deny"},
        {"id": "9", "message": message("q")},
        {"id": "9", "message": {}, "data": 5},
    ],
)
def test_unusable_button_press_is_still_answered(channel, query):
    rasa = FakeRasa()
    run(channel.handle_update(update("callback_query", query), rasa))
    assert rasa.messages == []
    assert channel.api.calls == [("answerCallbackQuery", {"callback_query_id": "9"})]


def test_edited_message_gets_a_polite_reply(channel):
    rasa = FakeRasa()
    run(channel.handle_update(update("edited_message", message("btw I have lupus")), rasa))
    assert rasa.messages == []
    assert channel.api.texts() == [tg.EDITED_TEXT]


@pytest.mark.parametrize("kind", ["sticker", "photo", "voice", "video", "document", "location", "contact",
                                  "animation"])
def test_non_text_messages_get_a_polite_reply(channel, kind):
    rasa = FakeRasa()
    run(channel.handle_update(update(body=message(**{kind: {"file_id": "x"}})), rasa))
    assert rasa.messages == []
    assert channel.api.texts() == [tg.NOT_TEXT]


@pytest.mark.parametrize(
    "body",
    [
        update(body=message(new_chat_members=[{"id": 1}])),  # a service message
        update("my_chat_member", {"chat": {"id": CHAT}, "new_chat_member": {"status": "kicked"}}),
        update("channel_post", message("hello")),
        update("message", "not an object"),
        update("message", {"text": "no chat"}),
        update("message", message("hi", chat_id=True)),
        {"update_id": 3},
        {},
    ],
)
def test_other_updates_are_ignored(channel, body):
    rasa = FakeRasa()
    run(channel.handle_update(body, rasa))
    assert rasa.messages == [] and channel.api.calls == []


def test_rasa_failure_gets_an_apology(channel):
    run(channel.handle_update(update(body=message("hi")), FakeRasa(error=ValueError("x"))))
    assert channel.api.texts() == [tg.APOLOGY_TEXT]


def test_overlong_message_is_not_passed_on(channel):
    from padsafety.inputs import too_long_reply
    from padsafety.settings import settings

    rasa = FakeRasa()
    run(channel.handle_update(update(body=message("a" * 5000)), rasa))
    assert rasa.messages == [] and channel.api.texts() == [too_long_reply(settings().max_message_length)]


def test_overlong_message_naming_a_condition_still_gets_the_referral(channel):
    from padsafety.inputs import REFERRAL

    rasa = FakeRasa()
    run(channel.handle_update(update(body=message("I have lupus. " + "a" * 5000)), rasa))
    assert rasa.messages == [] and channel.api.texts()[-1] == REFERRAL


def test_repeated_update_is_handled_once(channel):
    rasa = FakeRasa()
    same = update(body=message("hi"), update_id=77)
    run(channel.handle_update(same, rasa))
    run(channel.handle_update(same, rasa))
    assert len(rasa.messages) == 1


def test_logs_carry_no_message_text(channel, caplog):
    with caplog.at_level(logging.INFO):
        run(channel.handle_update(update(body=message("secret-words-123")), FakeRasa(error=KeyError("x"))))
        run(channel.handle_update(update("edited_message", message("secret-words-123")), FakeRasa()))
    assert "secret-words-123" not in caplog.text


# -- output ------------------------------------------------------------------------------------------------


def test_output_sends_plain_text_with_an_inline_keyboard():
    api = RecordingApi()
    output = TelegramOutput(api, CHAT)
    buttons = [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}]
    run(output.send_response("telegram-abc", {"text": "Question 1", "buttons": buttons}))
    ((method, params),) = api.calls
    assert method == "sendMessage" and "parse_mode" not in params
    assert params["chat_id"] == CHAT and params["text"] == "Question 1"
    assert params["reply_markup"]["inline_keyboard"] == [
        [{"text": "Yes", "callback_data": "/affirm"}],
        [{"text": "No", "callback_data": "/deny"}],
    ]


def test_output_quick_replies_are_buttons_and_long_texts_are_split():
    api = RecordingApi()
    output = TelegramOutput(api, CHAT)
    text = ("A sentence of the answer. " * 400).strip()  # about 10,000 characters
    run(output.send_response("r", {"text": text, "quick_replies": [{"title": "OK", "payload": "/affirm"}]}))
    assert len(api.calls) == 3
    assert ["reply_markup" in params for _, params in api.calls] == [False, False, True]
    assert all(len(params["text"]) <= 4096 for _, params in api.calls)


def test_output_html_is_sent_as_it_is():
    api = RecordingApi()
    markup = "<b>x</b> *y* <img src=x onerror=alert(1)>"
    run(TelegramOutput(api, CHAT).send_text_message("r", markup))
    assert api.calls == [("sendMessage", {"chat_id": CHAT, "text": markup})]


def test_output_image_custom_and_attachment():
    api = RecordingApi()
    output = TelegramOutput(api, CHAT)
    run(output.send_response("r", {"image": "https://example.org/pad.png"}))
    run(output.send_response("r", {"custom": {"text": "custom text"}}))
    run(output.send_response("r", {"custom": {"blocks": []}}))
    run(output.send_response("r", {"attachment": "see the manual"}))
    run(output.send_response("r", {"attachment": {"url": "https://example.org/manual.pdf"}}))
    run(output.send_text_with_buttons("r", "", [{"title": "Go", "payload": "/go"}]))
    assert api.calls == [
        ("sendPhoto", {"chat_id": CHAT, "photo": "https://example.org/pad.png"}),
        ("sendMessage", {"chat_id": CHAT, "text": "custom text"}),
        ("sendMessage", {"chat_id": CHAT, "text": "see the manual"}),
        ("sendMessage", {"chat_id": CHAT, "text": "https://example.org/manual.pdf"}),
        ("sendMessage", {"chat_id": CHAT, "text": tg.BUTTONS_ONLY_TEXT,
                         "reply_markup": {"inline_keyboard": [[{"text": "Go", "callback_data": "/go"}]]}}),
    ]


# -- start-up ----------------------------------------------------------------------------------------------


def test_from_credentials_reads_the_settings_only(monkeypatch, tmp_path):
    env = tmp_path / ".env"
    env.write_text(
        "TELEGRAM_TOKEN=42:abc\nTELEGRAM_WEBHOOK_SECRET=from-env\nTELEGRAM_BOT_USERNAME=@my_bot\n"
        "TELEGRAM_API_BASE_URL=http://127.0.0.1:9/\n"
    )
    for name in ("TOKEN", "WEBHOOK_SECRET", "BOT_USERNAME", "API_BASE_URL"):
        monkeypatch.delenv(f"TELEGRAM_{name}", raising=False)
    monkeypatch.setattr(tg, "settings", lambda: load_settings(env))
    channel = TelegramInput.from_credentials({"token": "ignored", "webhook_url": "ignored"})
    assert channel.enabled and channel.webhook_secret == "from-env" and channel.bot_username == "my_bot"
    assert channel.api._url == "http://127.0.0.1:9/bot42:abc/"
    assert TelegramInput.name() == "telegram" and TelegramOutput.name() == "telegram"


def test_start_up_makes_no_network_call_and_survives_a_bad_token(caplog):
    with caplog.at_level(logging.WARNING, logger="connectors.telegram"):
        channel = TelegramInput("not a token/../x?y", SECRET, api_base_url="http://127.0.0.1:9")
        blueprint = channel.blueprint(FakeRasa())
    assert blueprint.name == "telegram_webhook"
    assert channel.api._session is None  # created lazily, inside the server's loop
    assert "does not look like a bot token" in caplog.text
    assert "not a token" not in caplog.text  # the token itself is never logged
    assert "/bot" in channel.api._url and "/../" not in channel.api._url and "?" not in channel.api._url
    assert channel.get_output_channel() is None


# One input path for every channel: the same cases through REST, the widget's socket.io and Telegram.
LIMIT_CASES = [
    ("", "empty"),
    ("   \x00\x07  ", "empty"),
    ("a" * 5000, "too long"),
    ("I have lupus. " + "a" * 5000, "too long + referral"),
    ("what can it do?", "to rasa"),
]


def _expected(kind):
    from padsafety.inputs import EMPTY_REPLY, REFERRAL, too_long_reply
    from padsafety.settings import settings

    limit = settings().max_message_length
    return {"empty": [EMPTY_REPLY], "too long": [too_long_reply(limit)],
            "too long + referral": [too_long_reply(limit), REFERRAL], "to rasa": []}[kind]


@pytest.mark.parametrize("text, kind", LIMIT_CASES)
def test_rest_input_path(text, kind):
    import json

    from connectors.rest import parse_request
    from padsafety.inputs import channel_replies
    from padsafety.settings import settings

    body = json.dumps({"sender": "0123456789abcdef", "message": text}).encode()
    data = parse_request(body, 1_000_000)
    assert channel_replies(data["message"], settings().max_message_length) == _expected(kind)


@pytest.mark.parametrize("text, kind", LIMIT_CASES)
def test_socketio_input_path(text, kind):
    from connectors.socketio import answer_without_rasa, user_text
    from padsafety.settings import settings

    cleaned = user_text({"message": text})
    assert answer_without_rasa(cleaned, settings().max_message_length) == _expected(kind)


@pytest.mark.parametrize("text, kind", LIMIT_CASES)
def test_telegram_input_path(channel, text, kind):
    rasa = FakeRasa()
    run(channel.handle_update(update(body=message(text)), rasa))
    if kind == "to rasa":
        assert [m.text for m in rasa.messages] == [text]
    elif kind == "empty":
        assert rasa.messages == [] and channel.api.texts() == []  # Telegram sends no empty messages
    else:
        assert rasa.messages == [] and channel.api.texts() == _expected(kind)
