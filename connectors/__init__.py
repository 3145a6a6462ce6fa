"""Rasa input channels of this project (website widget over socket.io, Telegram)."""
