"""Create .env from .env.example on first run, filling secrets with random values.

Existing .env files are never overwritten; missing or empty secrets are added to them.
"""

import secrets
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
GENERATED = {"CONVERSATION_ID_SECRET", "RASA_API_TOKEN", "RECORDS_SALT", "TELEGRAM_WEBHOOK_SECRET"}


def main() -> None:
    """Write or complete .env."""
    env_file = PROJECT_DIR / ".env"
    if not env_file.exists():
        lines = []
        for line in (PROJECT_DIR / ".env.example").read_text(encoding="utf-8").splitlines():
            key = line.split("=", 1)[0]
            lines.append(f"{key}={secrets.token_urlsafe(32)}" if key in GENERATED else line)
        env_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
        env_file.chmod(0o600)
        print(f"init_env: created .env from .env.example (random {', '.join(sorted(GENERATED))})")
        return
    lines = env_file.read_text(encoding="utf-8").splitlines()
    filled = []
    for index, line in enumerate(lines):
        key, _, value = line.partition("=")
        if key in GENERATED and not value.strip():
            lines[index] = f"{key}={secrets.token_urlsafe(32)}"
            filled.append(key)
    present = {line.partition("=")[0] for line in lines}
    for key in sorted(GENERATED - present):
        lines.append(f"{key}={secrets.token_urlsafe(32)}")
        filled.append(key)
    if filled:
        env_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"init_env: generated {', '.join(filled)} in .env")

if __name__ == "__main__":
    main()
