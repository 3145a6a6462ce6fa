"""Screening records, forget-me, the report and the logs, through the running servers and real databases."""

import subprocess
import sys

from actions.db import Conversations, Records

SECRET_TEXT = "my-secret-canary-text"


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
