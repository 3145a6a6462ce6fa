"""Two Rasa servers, two action servers, nginx, PostgreSQL and Redis: 50 concurrent conversations.

Each conversation's turns alternate between the two Rasa servers. Afterwards every conversation's user
messages are in PostgreSQL, complete and in order, every screening reached its verdict, and every reply
matches its own conversation (question numbers and verdicts depend on that conversation's answers).
"""

import asyncio
import json
import os
import subprocess
import sys
import uuid
from urllib.parse import urlsplit, urlunsplit

import aiohttp
import pytest
import requests
from conftest import PROJECT_DIR, free_port
from sqlalchemy import create_engine, text

from connectors.identity import rest_conversation_id
from padsafety.rules import load_rulebook

CONVERSATIONS = 50
SECRET = "scale-test-conversation-secret"
API_TOKEN = "scale-test-api-token-0123456789"
RULES = load_rulebook()
QUESTIONS = len(RULES.screening_rules)


def required_url(name):
    url = os.environ.get(name)
    if not url:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is not set: CI must run the scale-out test (see .ci/run)")
        pytest.skip(f"{name} is not set")
    return url


@pytest.fixture(scope="module")
def database():
    admin_url = required_url("TEST_POSTGRES_URL")
    name = f"rlt_scale_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    parts = urlsplit(admin_url)
    yield urlunsplit(parts._replace(path=f"/{name}"))
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="module")
def topology(database, tmp_path_factory):
    run_dir = tmp_path_factory.mktemp("scale")
    port = free_port()
    env = dict(
        os.environ,
        TRACKER_STORE_URL=database,
        RECORDS_DB_URL=database,
        RECORDS_SALT="scale-test",
        CONVERSATION_ID_SECRET=SECRET,
        # the HTTP API is on behind the balancer, which must still expose only the channel
        ENABLE_API="true",
        RASA_API_TOKEN=API_TOKEN,
        REDIS_URL=required_url("TEST_REDIS_URL"),
    )
    process = subprocess.Popen(
        [
            sys.executable,
            "scripts/with_env.py",
            "python",
            "scripts/scale_out.py",
            "--port",
            str(port),
            "--run-dir",
            str(run_dir),
        ],
        cwd=PROJECT_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines = []
    for line in process.stdout:
        lines.append(line)
        if line.startswith("rasa servers:"):
            break
    if process.poll() is not None or not lines or not lines[-1].startswith("rasa servers:"):
        pytest.fail("scale_out.py did not start:\n" + "".join(lines))
    balancer = next(line.split()[1] for line in lines if line.startswith("ready:"))
    servers = [f"{url}/webhooks/rest/webhook" for url in lines[-1].split()[2:]]
    yield {"balancer": balancer, "servers": servers, "db": database}
    process.terminate()
    process.wait(timeout=60)


def script(index):
    """Messages of conversation `index`, and its expected verdict."""
    yes_at = index % (QUESTIONS + 1)  # QUESTIONS means: "no" to everything
    answers = ["/affirm" if q == yes_at else "/deny" for q in range(QUESTIONS)]
    verdict = RULES.evaluate(
        {r.id: ("yes" if q == yes_at else "no") for q, r in enumerate(RULES.screening_rules)}
    )
    return ["hello", "what can it do?", "is it safe for me?", *answers, "thanks"], verdict.verdict.value


VERDICT_TEXT = {
    "do_not_use": "Verdict: do not use",
    "ask_doctor": "Verdict: ask your doctor first",
    "no_contraindication_found": "Verdict: from your answers I found no contraindication",
}


async def converse(session, servers, index):
    sender = f"scale-{index}-{uuid.uuid4()}"
    messages, verdict = script(index)
    replies = []
    for turn, message in enumerate(messages):
        url = servers[(index + turn) % len(servers)]  # round-robin over the servers, per conversation
        async with session.post(url, json={"sender": sender, "message": message}) as response:
            assert response.status == 200, await response.text()
            replies.append(" ".join(m.get("text", "") for m in await response.json()))
    return sender, messages, verdict, replies


def test_fifty_concurrent_conversations_over_two_servers(topology):
    async def run_all():
        timeout = aiohttp.ClientTimeout(total=600)
        async with aiohttp.ClientSession(timeout=timeout) as session:
            return await asyncio.gather(
                *(converse(session, topology["servers"], i) for i in range(CONVERSATIONS))
            )

    results = asyncio.run(run_all())

    engine = create_engine(topology["db"])
    for sender, messages, verdict, replies in results:
        # every reply belongs to this conversation: its own question sequence and its own verdict
        assert "not a medical assessment" in replies[0]
        for number in range(1, QUESTIONS + 1):
            assert f"Question {number} of {QUESTIONS}" in replies[2 + number - 1], (sender, number)
        assert VERDICT_TEXT[verdict] in replies[2 + QUESTIONS], (sender, replies[2 + QUESTIONS])
        # and PostgreSQL holds every user message once, in order
        with engine.connect() as connection:
            rows = connection.execute(
                text("SELECT type_name, action_name, data FROM events WHERE sender_id = :s ORDER BY id"),
                {"s": rest_conversation_id(sender, SECRET)},
            ).all()
        said = [json.loads(data).get("text") for kind, _, data in rows if kind == "user"]
        assert said == messages, sender
        assert [a for _, a, _ in rows].count("action_screening_verdict") == 1


def test_the_balancer_serves_conversations(topology):
    sender = f"lb-{uuid.uuid4()}"
    for _ in range(4):
        reply = requests.post(
            topology["balancer"], json={"sender": sender, "message": "/ask_benefits"}, timeout=60
        )
        assert reply.ok and "muscle and joint" in reply.text
    # only the webhook is exposed through the balancer: no HTTP API, with or without the token
    base = topology["balancer"].replace("/webhooks/rest/webhook", "")
    conversation = rest_conversation_id(sender, SECRET)
    for method, path in [
        ("GET", "/status"),
        ("GET", f"/conversations/{conversation}/tracker"),
        ("PUT", "/model"),
        ("POST", "/model/parse"),
    ]:
        response = requests.request(method, f"{base}{path}", params={"token": API_TOKEN}, timeout=10)
        assert response.status_code == 404, (method, path, response.status_code)
    # the health page through the balancer names no version: Rasa's plain body, nginx's server_tokens off
    root = requests.get(f"{base}/", timeout=10)
    assert root.ok and root.headers.get("Server") == "nginx", root.headers
    assert "3.6" not in root.text and "rasa" not in root.text.lower()
    missing = requests.get(f"{base}/nothing-here", timeout=10)
    assert missing.status_code == 404 and "nginx/" not in missing.text
    # while on a server itself the API answers, with the token only
    server = topology["servers"][0].replace("/webhooks/rest/webhook", "")
    tracker = f"{server}/conversations/{conversation}/tracker"
    assert requests.get(tracker, timeout=10).status_code == 401
    assert requests.get(tracker, params={"token": API_TOKEN}, timeout=10).json()["sender_id"] == conversation
