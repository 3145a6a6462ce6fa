"""Screening records, forget-me, the report and the logs, through the running servers and real databases.

The logs carry no message text on any channel (REST, the widget's socket.io, Telegram), slash messages
included, and a message cannot write a line of its own into them.
"""

import json
import re
import sqlite3
import subprocess
import sys
import threading
import time

import pytest
import requests
import socketio
from conftest import MODEL, Servers
from fake_telegram import FakeTelegram

from actions.db import Conversations, Records
from connectors.identity import socketio_conversation_id

SECRET_TEXT = "my-secret-canary-text"
# messages that start with "/" but are not valid intent commands: Rasa 3.6 warns with the whole text
SLASH_MESSAGES = [
    "/{SECRET}",
    "/ask_benefits {SECRET}",
    "/nonexistent_intent{{\"x\": \"{SECRET}\"}}",
    "/affirm@{SECRET}",
    "/{{\"{SECRET}\": 1}}",
    "/",
]
# a message that tries to write a convincing log line of its own (newline, tab, NEL, U+2028, bidi override)
FORGED_LINE = "2026-12-02 04:06:56 ERROR    rasa.core.processor  - forged-log-line-{SECRET}"
FORGERIES = [
    "hello\n" + FORGED_LINE,
    "hello\r\n" + FORGED_LINE,
    "hello\t\t\n\t" + FORGED_LINE,
    "/greet\n" + FORGED_LINE,
    "hello\x85" + FORGED_LINE,
    "hello\u2028" + FORGED_LINE,
    "hello \u202e" + FORGED_LINE + "\u202c",
    "hello \x1b[2K\r" + FORGED_LINE,
]
FORBIDDEN_IN_TEXT = re.compile("[\t\n\r\x0b\x0c\x1b\x85\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def records(servers) -> Records:
    return Records(servers.env["RECORDS_DB_URL"], servers.env["RECORDS_SALT"])


def screen(servers, sender, first_answer="/affirm"):
    servers.say(sender, "is it safe for me?")
    text = servers.say(sender, first_answer)
    while "Verdict" not in text:
        text = servers.say(sender, "/deny")
    return text


def test_a_screening_is_recorded_without_text_or_sender_id(servers, sender):
    screen(servers, sender)
    store = records(servers)
    assert store.count_for(servers.conversation_id(sender)) == 1
    verdicts, rules, _ = store.summary(*_all_time())
    assert verdicts.get("do_not_use", 0) >= 1 and rules["pregnancy"] >= 1
    with store.engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT * FROM screening_records").fetchall()
    for secret in (sender, servers.conversation_id(sender)):
        assert not any(secret in " ".join(map(str, row)) for row in rows)


def test_forget_me_deletes_conversation_and_records(servers, sender):
    screen(servers, sender)
    conversations = Conversations(servers.env["TRACKER_STORE_URL"])
    assert records(servers).count_for(servers.conversation_id(sender)) == 1
    assert conversations.event_count(servers.conversation_id(sender)) > 0

    assert "cannot be undone" in servers.say(sender, "please delete my data")
    assert "deleted this conversation" in servers.say(sender, "/affirm")

    assert records(servers).count_for(servers.conversation_id(sender)) == 0
    assert conversations.event_count(servers.conversation_id(sender)) == 0
    # the next message starts afresh (the disclaimer again)
    assert "not a medical assessment" in servers.say(sender, "hi")


def test_forget_me_can_be_cancelled(servers, sender):
    screen(servers, sender, first_answer="/deny")
    servers.say(sender, "/forget")
    assert "kept everything" in servers.say(sender, "no")
    assert records(servers).count_for(servers.conversation_id(sender)) == 1


def test_report_counts_what_happened(servers, sender, tmp_path):
    servers.say(sender, "I have lupus")
    servers.say(sender, "I can't breathe")
    chart = tmp_path / "verdicts.png"
    result = subprocess.run(
        [
            sys.executable,
            "scripts/with_env.py",
            "python",
            "scripts/records.py",
            "report",
            "--days",
            "1",
            "--chart",
            str(chart),
        ],
        env=servers.env,
        capture_output=True,
        text=True,
        check=True,
        cwd=str(servers.project_dir),
    )
    out = result.stdout
    figures = dict(
        line.split(": ", 1) for line in out.splitlines() if ": " in line and not line.startswith(" ")
    )
    assert int(figures["Conversations"]) >= 1
    assert int(figures["Doctor referrals"]) >= 1
    assert int(figures["Red-flag escalations"]) >= 1
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_logs_never_contain_message_text(servers, sender):
    servers.say(sender, f"I have diabetes {SECRET_TEXT}")
    for log in servers.workdir.glob("*.log"):
        assert SECRET_TEXT not in log.read_text(errors="replace"), log.name


def _all_time():
    import datetime as dt

    return dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc), dt.datetime(2100, 1, 1, tzinfo=dt.timezone.utc)


# -- no message text in any log, on any channel, slash messages included ---------------------------------


def assert_not_in_logs(workdir, secret):
    for log in workdir.glob("*.log"):
        content = log.read_text(errors="replace")
        assert secret not in content, (log.name, [line for line in content.splitlines() if secret in line])
        assert "Failed to parse arguments" not in content, log.name
        assert "message.parsing.failed" not in content, log.name


def stored_user_texts(servers, sender_id):
    with sqlite3.connect(servers.env["TRACKER_STORE_URL"][len("sqlite:///"):]) as db:
        rows = db.execute(
            "SELECT data FROM events WHERE sender_id = ? AND type_name = 'user' ORDER BY id", (sender_id,)
        ).fetchall()
    return [json.loads(data)["text"] for (data,) in rows]


@pytest.mark.parametrize("template", SLASH_MESSAGES)
def test_slash_messages_over_rest_leave_no_text_in_the_logs(servers, sender, template):
    secret = f"slash-rest-{abs(hash(template)) % 10**8}"
    replies = servers.send(sender, template.format(SECRET=secret))
    assert isinstance(replies, list)
    time.sleep(0.5)  # the server writes its log lines after answering
    assert_not_in_logs(servers.workdir, secret)


@pytest.mark.parametrize("forgery", FORGERIES)
def test_a_message_cannot_forge_a_log_line(servers, sender, forgery):
    secret = f"forged-{abs(hash(forgery)) % 10**8}"
    servers.send(sender, forgery.format(SECRET=secret))
    time.sleep(0.5)
    for log in servers.workdir.glob("*.log"):
        assert "forged-log-line" not in log.read_text(errors="replace"), log.name
    # what Rasa stored (and would log at DEBUG) is one line of printable text
    (text,) = [t for t in stored_user_texts(servers, servers.conversation_id(sender)) if secret in t]
    assert not FORBIDDEN_IN_TEXT.search(text), repr(text)
    assert text.startswith(("hello ", "/greet ")), repr(text)


# the same on the widget's socket.io channel and on Telegram (a fake Bot API on 127.0.0.1)
TELEGRAM_TOKEN = "123456:TEST-privacy-token"
TELEGRAM_SECRET = "e2e-privacy_secret-0123456789"
PAGE_ORIGIN = "http://127.0.0.1:9"


@pytest.fixture(scope="module")
def channels(tmp_path_factory):
    if not MODEL.exists():
        pytest.fail("models/current.tar.gz is missing: run `make train`")
    fake = FakeTelegram().start()
    workdir = tmp_path_factory.mktemp("privacy-channels")
    credentials = workdir / "credentials.yml"
    credentials.write_text(
        "connectors.rest.RestInput:\nconnectors.telegram.TelegramInput:\nconnectors.socketio.SocketIOInput:\n"
        "  user_message_evt: user_uttered\n  bot_message_evt: bot_uttered\n  session_persistence: true\n"
    )
    instance = Servers(
        workdir,
        credentials=str(credentials),
        TELEGRAM_TOKEN=TELEGRAM_TOKEN,
        TELEGRAM_WEBHOOK_SECRET=TELEGRAM_SECRET,
        TELEGRAM_API_BASE_URL=fake.base_url,
        TELEGRAM_BOT_USERNAME="rlt_privacy_bot",
        CORS_ORIGINS=PAGE_ORIGIN,
    )
    try:
        instance.start_actions()
        instance.start_rasa()
        yield instance, fake
    finally:
        instance.stop()
        fake.stop()


def telegram_update(chat_id, text):
    command = text.split()[0] if text.startswith("/") else None
    message = {
        "message_id": int(time.time() * 1000) % 10**9,
        "from": {"id": chat_id, "is_bot": False, "first_name": "Test"},
        "chat": {"id": chat_id, "first_name": "Test", "type": "private"},
        "date": int(time.time()),
        "text": text,
    }
    if command:
        message["entities"] = [{"offset": 0, "length": len(command), "type": "bot_command"}]
    return {"update_id": int(time.time() * 1000) % 10**9, "message": message}


def test_telegram_slash_commands_leave_no_text_in_the_logs(channels):
    servers, fake = channels
    url = f"http://127.0.0.1:{servers.rasa_port}/webhooks/telegram/webhook"
    texts = [f"/anycommand {SECRET_TEXT}-tg", f"/{SECRET_TEXT}-tg"]
    texts.append("hello\n" + FORGED_LINE.format(SECRET="tg"))
    texts += [template.format(SECRET=f"{SECRET_TEXT}-tg") for template in SLASH_MESSAGES]
    for index, text in enumerate(texts):
        fake.reset()
        answer = requests.post(
            url, json=telegram_update(10**9 + index, text),
            headers={"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET}, timeout=120,
        )
        assert answer.status_code == 200, answer.text
        if "@" not in text.split(" ")[0]:  # "/command@otherbot" is for another bot: ignored by design
            assert fake.calls_of("sendMessage"), text  # answered, not dropped
    time.sleep(0.5)
    assert_not_in_logs(servers.workdir, f"{SECRET_TEXT}-tg")
    for log in servers.workdir.glob("*.log"):
        assert "forged-log-line" not in log.read_text(errors="replace"), log.name


def test_socketio_slash_messages_leave_no_text_in_the_logs(channels):
    servers, _ = channels
    client = socketio.Client()
    confirmed, replied, session = threading.Event(), threading.Event(), {}
    client.on("session_confirm", lambda session_id: (session.update(id=session_id), confirmed.set()))
    client.on("bot_uttered", lambda message: replied.set())
    client.connect(
        f"http://127.0.0.1:{servers.rasa_port}", headers={"Origin": PAGE_ORIGIN}, transports=["polling"],
        wait_timeout=30,
    )
    try:
        client.emit("session_request", {"session_id": None})
        assert confirmed.wait(30), "no session_confirm"
        texts = [template.format(SECRET=f"{SECRET_TEXT}-sio") for template in SLASH_MESSAGES]
        texts.append("hello\n" + FORGED_LINE.format(SECRET="sio"))
        for text in texts:
            replied.clear()
            client.emit("user_uttered", {"message": text, "session_id": session["id"]})
            assert replied.wait(90), f"no reply to {text!r}"
            time.sleep(0.5)  # the rest of the turn's replies
    finally:
        client.disconnect()
    time.sleep(0.5)
    assert_not_in_logs(servers.workdir, f"{SECRET_TEXT}-sio")
    for log in servers.workdir.glob("*.log"):
        assert "forged-log-line" not in log.read_text(errors="replace"), log.name
    # Rasa's sender id of the session: a keyed hash of the session id (connectors/identity.py)
    sender_id = socketio_conversation_id(session["id"], servers.env["CONVERSATION_ID_SECRET"])
    stored = stored_user_texts(servers, sender_id)
    assert stored  # the messages were stored, under the hash
    assert not any(FORBIDDEN_IN_TEXT.search(t) for t in stored)
