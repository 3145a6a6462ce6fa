"""Rewrite the screening part of domain.yml from the rule book, or check that it is up to date.

    python scripts/screening_domain.py           # rewrite domain.yml's generated blocks (`make domain`)
    python scripts/screening_domain.py --check   # exit 1 when domain.yml and the rule book disagree
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

from padsafety.screening_domain import render

DOMAIN = Path(__file__).resolve().parent.parent / "domain.yml"


def main() -> int:
    """Rewrite or check domain.yml; prints what changed."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="change nothing; fail if domain.yml is stale")
    args = parser.parse_args()
    current = DOMAIN.read_text(encoding="utf-8")
    try:
        wanted = render(current)
    except ValueError as error:
        print(f"screening_domain: {error}", file=sys.stderr)
        return 2
    if wanted == current:
        print("domain.yml: the screening form matches the rule book")
        return 0
    diff = list(difflib.unified_diff(
        current.splitlines(), wanted.splitlines(), "domain.yml", "generated", lineterm=""
    ))
    if args.check:
        print("\n".join(diff))
        print("domain.yml is stale: run `make domain` and commit the result", file=sys.stderr)
        return 1
    DOMAIN.write_text(wanted, encoding="utf-8")
    print(f"domain.yml: screening form rewritten from the rule book ({len(diff)} diff lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
