"""Chat with the running assistant in a terminal, over its REST channel.

Buttons are shown as numbered choices: type the number to press one.
"""

import sys
import uuid

import requests

from padsafety.settings import settings


def main() -> None:
    """Read lines, send them, print the replies, until EOF or /quit."""
    config = settings()
    url = f"http://{config.rasa_host}:{config.rasa_port}/webhooks/rest/webhook"
    sender = f"terminal-{uuid.uuid4()}"
    buttons = []
    print("Chatting with the red-light therapy pad assistant. Type /quit to leave.")
    while True:
        try:
            text = input("you> ").strip()
        except (EOFError, KeyboardInterrupt):
            print()
            return
        if text == "/quit":
            return
        if text.isdigit() and 0 < int(text) <= len(buttons):
            text = buttons[int(text) - 1]["payload"]
        try:
            replies = requests.post(url, json={"sender": sender, "message": text}, timeout=60).json()
        except requests.RequestException as error:
            sys.exit(f"Cannot reach the assistant at {url} ({error}). Is `make run` running?")
        buttons = []
        for reply in replies:
            if "text" in reply:
                print(f"bot> {reply['text']}")
            for button in reply.get("buttons", []):
                buttons.append(button)
                print(f"     [{len(buttons)}] {button['title']}")


if __name__ == "__main__":
    main()
