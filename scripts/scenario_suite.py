"""Plays the real-user conversation suite against a running assistant's REST channel.

    python scripts/scenario_suite.py tests/scenarios/real_users_dev.yml [--url http://127.0.0.1:5005]

Prints every failing turn and the pass rates (scenarios, turns). The test command runs the same suite
through tests/e2e/test_real_users.py; this script is for trying a change against `make run`.
"""

from __future__ import annotations

import argparse
import sys
import uuid

import requests

from padsafety.scenarios import load_suite, run_scenario


def main() -> int:
    """Runs the suites, prints failures and figures; exit 1 when a turn fails."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("suites", nargs="+")
    parser.add_argument("--url", default="http://127.0.0.1:5005")
    parser.add_argument("--only", help="run only scenarios whose id contains this")
    args = parser.parse_args()

    def say(sender: str, text: str) -> str:
        response = requests.post(
            f"{args.url}/webhooks/rest/webhook", json={"sender": sender, "message": text}, timeout=60
        )
        response.raise_for_status()
        return "\n".join(r.get("text", "") for r in response.json())

    failed_any = False
    for path in args.suites:
        scenarios = [s for s in load_suite(path) if not args.only or args.only in s["id"]]
        turns = passed_turns = passed_scenarios = 0
        for scenario in scenarios:
            results = run_scenario(scenario, say, f"suite-{uuid.uuid4()}")
            bad = [r for r in results if r[3]]
            turns += len(results)
            passed_turns += len(results) - len(bad)
            passed_scenarios += not bad
            for number, user, reply, problems in bad:
                print(f"FAIL {scenario['id']} turn {number}: {user!r}: {'; '.join(problems)}")
                print("     " + reply.replace("\n", "\n     ")[:900])
        failed_any |= passed_turns < turns
        print(
            f"{path}: scenarios {passed_scenarios}/{len(scenarios)}, "
            f"turns {passed_turns}/{turns} ({100 * passed_turns / max(turns, 1):.1f} %)"
        )
    return 1 if failed_any else 0


if __name__ == "__main__":
    sys.exit(main())
