"""Split the safety corpus once into a development part and a held-out part (already done; kept to show how).

Each message goes to the held-out part when the first byte of SHA-256 of its lower-cased, space-normalised
text is odd: about half, independent of who wrote it, its label or its order, and stable if files are
re-sorted. The split was run once, before any design was compared; recognition is tuned on
`tests/safety/dev.yml` only, and `tests/safety/heldout.yml` is only run (`make safety-eval`).

    python scripts/split_safety_corpus.py tests/safety/raw/*.yml

Re-running it over dev.yml, heldout.yml and a new raw file keeps every earlier message in its part.
"""

import hashlib
import sys
from pathlib import Path

import yaml

OUT = Path(__file__).resolve().parent.parent / "tests" / "safety"
HEADER = {
    "dev": "# Safety corpus, development part: tune recognition on this part only.\n",
    "heldout": "# Safety corpus, held-out part: never tuned on; run by `make safety-eval`.\n",
}


def held_out(text: str) -> bool:
    """The split rule (see the module docstring)."""
    key = " ".join(text.lower().split()).encode("utf-8")
    return hashlib.sha256(key).digest()[0] % 2 == 1


def main(paths) -> None:
    """Merge the raw files and write dev.yml and heldout.yml."""
    parts = {"dev": {}, "heldout": {}}
    for path in paths:
        for section, items in yaml.safe_load(Path(path).read_text(encoding="utf-8")).items():
            for item in items:
                part = "heldout" if held_out(item["text"]) else "dev"
                parts[part].setdefault(section, []).append(item)
    for part, sections in parts.items():
        lines = [HEADER[part], "# Written apart from the NLU training data; split by this script.\n"]
        for section in ("positives", "negatives", "context", "red_flags"):
            lines.append(f"{section}:\n")
            for item in sections.get(section, []):
                lines.append("  - " + yaml.safe_dump(item, default_flow_style=True, width=10_000,
                                                     allow_unicode=True).strip() + "\n")
        (OUT / f"{part}.yml").write_text("".join(lines), encoding="utf-8")
        print(part, {k: len(v) for k, v in sections.items()})


if __name__ == "__main__":
    main(sys.argv[1:])
