"""The real-user conversation suite, end to end over REST (tests/scenarios/*.yml).

The development part (real_users_dev*.yml, written in rounds) is what changes are tuned on: every
scenario must pass, except those marked ``known_failure`` (with the reason), reported as expected
failures. The held-out part (real_users_heldout.yml) was written without seeing the bot's
wording or training data and is only run, never tuned on; its turn pass rate must stay at or above the
floor in tests/scenarios/floors.yml (target 95 %). Both print their failures.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
import yaml

from padsafety.scenarios import load_suite, run_scenario

SUITES = Path(__file__).resolve().parents[1] / "scenarios"
DEV = [s for path in sorted(SUITES.glob("real_users_dev*.yml")) for s in load_suite(str(path))]
HELDOUT = load_suite(str(SUITES / "real_users_heldout.yml"))
# the target is 95 % of turns; the floor is the figure measured when the suite was added (README, "Figures")
HELDOUT_TURN_FLOOR = yaml.safe_load((SUITES / "floors.yml").read_text())["heldout_turns"]


def _report(scenario, results) -> str:
    lines = []
    for number, user, reply, problems in results:
        if problems:
            lines.append(f"{scenario['id']} turn {number} {user!r}: {'; '.join(problems)}\n    {reply[:600]}")
    return "\n".join(lines)


def test_the_suite_is_large_enough():
    assert len(DEV) + len(HELDOUT) >= 80
    assert len({s["id"] for s in DEV + HELDOUT}) == len(DEV) + len(HELDOUT)


# scenarios of the latest development round that fail today are marked with their reason ("known_failure")
DEV_CASES = [
    pytest.param(s, id=s["id"], marks=pytest.mark.xfail(reason=s["known_failure"], strict=False))
    if s.get("known_failure") else pytest.param(s, id=s["id"])
    for s in DEV
]


@pytest.mark.parametrize("scenario", DEV_CASES)
def test_development_scenario(servers, scenario):
    results = run_scenario(scenario, servers.say, f"suite-{uuid.uuid4()}")
    failures = _report(scenario, results)
    assert not failures, failures


def test_heldout_scenarios(servers, capsys):
    turns = passed = 0
    failures = []
    for scenario in HELDOUT:
        results = run_scenario(scenario, servers.say, f"suite-{uuid.uuid4()}")
        turns += len(results)
        passed += sum(1 for r in results if not r[3])
        report = _report(scenario, results)
        if report:
            failures.append(report)
    rate = passed / turns
    with capsys.disabled():
        print(f"\nheld-out real-user scenarios: {passed}/{turns} turns passed ({100 * rate:.1f} %)")
    assert rate >= HELDOUT_TURN_FLOOR, "\n".join(failures)
