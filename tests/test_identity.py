"""Conversation ids: keyed, separate per channel, and only server-issued socket.io session ids accepted."""

from connectors.identity import is_issued_session_id, new_session_id, rest_conversation_id
from connectors.telegram import telegram_sender_id

SECRET = "unit-test-secret"


def test_rest_ids_are_keyed_and_stable():
    sender = "5b0c7c1e-0d7b-4c55-9d0c-3a7f2b1e9a10"
    key = rest_conversation_id(sender, SECRET)
    assert key == rest_conversation_id(sender, SECRET)
    assert key.startswith("rest-") and len(key) == 37 and sender not in key
    assert key != rest_conversation_id(sender, "another secret")
    assert key != rest_conversation_id(sender + "x", SECRET)


def test_a_derived_id_sent_back_as_a_sender_names_another_conversation():
    key = rest_conversation_id("a-user-secret-sender-id", SECRET)
    assert rest_conversation_id(key, SECRET) != key


def test_session_ids_are_issued_and_signed():
    first, second = new_session_id(SECRET), new_session_id(SECRET)
    assert first != second
    assert is_issued_session_id(first, SECRET) and is_issued_session_id(second, SECRET)
    assert not is_issued_session_id(first, "another secret")


def test_chosen_or_tampered_session_ids_are_refused():
    issued = new_session_id(SECRET)
    token, signature = issued.split("-")
    flipped = token[:-1] + ("0" if token[-1] != "0" else "1")
    for value in (
        None,
        42,
        "",
        "victim",
        "0" * 32,
        f"{flipped}-{signature}",
        issued.upper(),
        issued + "0",
        rest_conversation_id("someone-else-entirely", SECRET),
        telegram_sender_id(12345, SECRET),
    ):
        assert not is_issued_session_id(value, SECRET), value


def test_channels_use_separate_key_spaces():
    rest = rest_conversation_id("12345", SECRET)
    telegram = telegram_sender_id(12345, SECRET)
    assert rest != telegram and rest.startswith("rest-") and telegram.startswith("telegram-")
    assert not is_issued_session_id(rest, SECRET) and not is_issued_session_id(telegram, SECRET)
