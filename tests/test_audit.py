"""scripts/audit.py: range matching, pin parsing, accepted risks and the exit status, on small inline data.

Offline throughout: the OSV API is never contacted (urlopen is replaced where the online path is tested).
"""

import importlib.util
import json
import sys
import urllib.error
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("audit", PROJECT_DIR / "scripts" / "audit.py")
audit = importlib.util.module_from_spec(_spec)
sys.modules["audit"] = audit
_spec.loader.exec_module(audit)


def eco(*events):
    """An OSV affected entry with one ECOSYSTEM range made of the given (kind, version) events."""
    return {"package": {"ecosystem": "PyPI", "name": "pkg"},
            "ranges": [{"type": "ECOSYSTEM", "events": [{k: v} for k, v in events]}]}


def record(vid, name, events, aliases=(), **extra):
    """A minimal OSV record for package ``name``."""
    entry = eco(*events)
    entry["package"]["name"] = name
    return {"id": vid, "aliases": list(aliases), "summary": f"{vid} summary", "affected": [entry], **extra}


# --- range matching ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("version, expected", [
    ("0.9", False),     # below introduced
    ("1.0", True),      # introduced is inclusive
    ("1.4.2", True),
    ("1.5rc1", True),   # a pre-release of the fix is still affected
    ("1.5", False),     # fixed is exclusive
    ("2.0", False),
])
def test_introduced_fixed(version, expected):
    assert audit.affects(version, eco(("introduced", "1.0"), ("fixed", "1.5"))) is expected


@pytest.mark.parametrize("version, expected", [("0.1", True), ("3.8.4", True), ("3.8.5", False)])
def test_introduced_zero_and_last_affected(version, expected):
    assert audit.affects(version, eco(("introduced", "0"), ("last_affected", "3.8.4"))) is expected


def test_introduced_without_end_affects_every_later_version():
    assert audit.affects("99.0", eco(("introduced", "2.0")))
    assert not audit.affects("1.9", eco(("introduced", "2.0")))


@pytest.mark.parametrize("version, expected", [
    ("1.25.0", True), ("1.26.17", False), ("1.99", False),
    ("2.0.0", True), ("2.0.5", True), ("2.0.6", False), ("2.8.0", False),
])
def test_two_branches_with_unsorted_events(version, expected):
    # as in PYSEC-2023-192 (urllib3): events listed 2.x branch first; OSV evaluates them sorted
    entry = eco(("introduced", "2.0.0"), ("fixed", "2.0.6"), ("introduced", "0"), ("fixed", "1.26.17"))
    assert audit.affects(version, entry) is expected


def test_explicit_versions_list():
    entry = {"package": {"ecosystem": "PyPI", "name": "pkg"}, "versions": ["1.2", "1.3.0"]}
    assert audit.affects("1.2", entry)
    assert audit.affects("1.2.0", entry)      # same version, other spelling
    assert audit.affects("1.3", entry)
    assert not audit.affects("1.4", entry)


def test_non_matching_and_git_ranges_are_ignored():
    git_only = {"package": {"ecosystem": "PyPI", "name": "pkg"},
                "ranges": [{"type": "GIT", "events": [{"introduced": "0"}, {"fixed": "abc123"}]}]}
    assert not audit.affects("1.0", git_only)
    assert not audit.affects("3.0", eco(("introduced", "0"), ("fixed", "2.0")))


def test_fixed_in_is_the_lowest_fix_of_the_range_that_contains_the_pin():
    entry = eco(("introduced", "2.0.0"), ("fixed", "2.0.6"), ("introduced", "0"), ("fixed", "1.26.17"))
    assert audit.fixed_versions("1.26.5", entry) == ["1.26.17"]
    assert audit.fixed_versions("2.0.1", entry) == ["2.0.6"]
    assert audit.fixed_versions("1.0", eco(("introduced", "0"), ("last_affected", "1.5"))) == []


def test_findings_skip_withdrawn_and_merge_aliases():
    pins = [audit.Pin("pkg", "1.0")]
    records = [
        record("PYSEC-1", "pkg", [("introduced", "0"), ("fixed", "1.1")], aliases=["CVE-1"]),
        record("GHSA-1", "PKG", [("introduced", "0"), ("fixed", "1.1")], aliases=["CVE-1"]),
        record("PYSEC-2", "pkg", [("introduced", "0")], withdrawn="2023-01-01"),
        record("PYSEC-3", "pkg", [("introduced", "2.0")]),
        record("PYSEC-4", "other", [("introduced", "0")]),
    ]
    findings = audit.find_vulnerabilities(pins, records)
    assert len(findings) == 1
    assert findings[0].ids == ["PYSEC-1", "CVE-1", "GHSA-1"]
    assert findings[0].fixed == ["1.1"]
    assert findings[0].display_id == "PYSEC-1 (CVE-1)"


def test_parse_pins(tmp_path):
    (tmp_path / "constraints.txt").write_text(
        "# lock\nAiohttp==3.9.5\nruamel.yaml==0.17.21\nnot-pinned>=1.0\n", encoding="utf-8")
    (tmp_path / "requirements.txt").write_text(
        "-r other.txt\nPyYAML==6.0.4  # comment\ntensorflow==2.12.0 ; sys_platform != 'darwin'\n"
        "pyjwt[crypto]==2.15.1\naiohttp==3.9.5\n", encoding="utf-8")
    pins = audit.parse_pins([tmp_path / "constraints.txt", tmp_path / "requirements.txt"])
    assert set(pins) == {("aiohttp", "3.9.5"), ("ruamel-yaml", "0.17.21"), ("pyyaml", "6.0.4"),
                         ("tensorflow", "2.12.0"), ("pyjwt", "2.15.1")}
    assert pins[("aiohttp", "3.9.5")].sources == ["constraints.txt", "requirements.txt"]


# --- accepted risks ---------------------------------------------------------------------------------------


def finding(package="pkg", version="1.0", ids=("PYSEC-1", "CVE-1")):
    return audit.Finding(package, version, list(ids), ["1.1"], "")


def acceptance(**overrides):
    entry = {"package": "pkg", "advisories": ["CVE-1"], "why_not_upgraded": "x", "why_acceptable": "y"}
    entry.update(overrides)
    return audit.parse_accepted({"accepted": [entry]})


def test_acceptance_by_alias_covers_the_finding():
    findings = [finding()]
    assert audit.apply_acceptances(findings, acceptance()) == []
    assert findings[0].accepted_by == 1


def test_unaccepted_finding_stays_unaccepted():
    findings = [finding(), finding(package="other")]
    audit.apply_acceptances(findings, acceptance())
    assert [f.accepted_by for f in findings] == [1, None]


def test_stale_entry_when_no_finding_matches():
    assert len(audit.apply_acceptances([], acceptance())) == 1
    assert len(audit.apply_acceptances([finding(ids=("PYSEC-9",))], acceptance())) == 1


def test_stale_entry_when_the_pinned_version_changed():
    findings = [finding(version="1.0.1")]
    assert len(audit.apply_acceptances(findings, acceptance(version="1.0"))) == 1
    assert findings[0].accepted_by is None
    assert audit.apply_acceptances([finding(version="1.0.0")], acceptance(version="1.0")) == []


@pytest.mark.parametrize("broken", [
    {"why_acceptable": ""},
    {"why_not_upgraded": None},
    {"advisories": []},
    {"version": 3.1},
])
def test_malformed_entries_are_rejected(broken):
    with pytest.raises(audit.AcceptedRisksError):
        acceptance(**broken)


# --- the command: exit status ---------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path):
    """A pins file and a snapshot with one advisory for pkg 1.0 (fixed in 1.1)."""
    (tmp_path / "constraints.txt").write_text("pkg==1.0\nsafe==2.0\n", encoding="utf-8")
    snapshot = {"snapshot_date": "2026-01-01", "newest_record_date": "2025-12-31",
                "packages": {"pkg": {"coverage": "complete"}, "safe": {"coverage": "partial"}},
                "vulns": [record("PYSEC-1", "pkg", [("introduced", "0"), ("fixed", "1.1")],
                                 aliases=["CVE-1"])]}
    (tmp_path / "advisories.json").write_text(json.dumps(snapshot), encoding="utf-8")
    return tmp_path


def run(project, accepted_yaml, *extra):
    (project / "accepted.yml").write_text(accepted_yaml, encoding="utf-8")
    return audit.main(["--offline", "--pins", str(project / "constraints.txt"),
                       "--snapshot", str(project / "advisories.json"),
                       "--accepted", str(project / "accepted.yml"), *extra])


ACCEPT_PKG = """accepted:
  - package: pkg
    version: "1.0"
    advisories: [PYSEC-1]
    why_not_upgraded: the framework pins pkg <1.1
    why_acceptable: the vulnerable feature is not used
"""


def test_unaccepted_finding_fails(project, capsys):
    assert run(project, "accepted: []\n") == 1
    out = capsys.readouterr().out
    assert "PYSEC-1 (CVE-1)" in out and "NO" in out and "FAILED" in out
    assert "does not cover safe" in out and "never looked up" not in out


def test_accepted_finding_passes(project, capsys):
    assert run(project, ACCEPT_PKG) == 0
    assert "1 findings, 1 accepted, 0 not accepted, 0 stale" in capsys.readouterr().out


def test_stale_entry_fails(project, capsys):
    extra = ACCEPT_PKG + """  - package: safe
    advisories: [CVE-2]
    why_not_upgraded: n/a
    why_acceptable: n/a
"""
    assert run(project, extra) == 1
    assert "STALE accepted entry 2 (safe CVE-2)" in capsys.readouterr().out


def test_upgraded_pin_makes_the_entry_stale(project, capsys):
    (project / "constraints.txt").write_text("pkg==1.1\n", encoding="utf-8")
    assert run(project, ACCEPT_PKG) == 1
    assert "0 findings" in capsys.readouterr().out


def test_malformed_accepted_file_fails(project, capsys):
    assert run(project, "accepted:\n  - package: pkg\n    advisories: [PYSEC-1]\n") == 1
    assert "lacks why_not_upgraded, why_acceptable" in capsys.readouterr().err


def test_unreachable_osv_falls_back_to_the_snapshot(project, capsys, monkeypatch):
    def refuse(*args, **kwargs):
        raise urllib.error.URLError("no network")

    monkeypatch.setattr(audit.urllib.request, "urlopen", refuse)
    (project / "accepted.yml").write_text(ACCEPT_PKG, encoding="utf-8")
    code = audit.main(["--timeout", "1", "--pins", str(project / "constraints.txt"),
                       "--snapshot", str(project / "advisories.json"),
                       "--accepted", str(project / "accepted.yml")])
    out = capsys.readouterr().out
    assert code == 0
    assert out.splitlines()[0].startswith("audit: OSV API unreachable (URLError")
    assert "advisories from snapshot advisories.json taken 2026-01-01" in out


def test_osv_records_are_used_when_the_api_answers(project, capsys, monkeypatch):
    online = [record("GHSA-9", "pkg", [("introduced", "0"), ("fixed", "1.2")], aliases=["CVE-9"])]
    monkeypatch.setattr(audit, "query_osv", lambda pins, timeout: online)
    (project / "accepted.yml").write_text(ACCEPT_PKG, encoding="utf-8")
    code = audit.main(["--pins", str(project / "constraints.txt"),
                       "--snapshot", str(project / "advisories.json"),
                       "--accepted", str(project / "accepted.yml")])
    out = capsys.readouterr().out
    assert code == 1                        # GHSA-9 is new and not accepted; the PYSEC-1 entry is stale
    assert "OSV API (1 records)" in out and "GHSA-9 (CVE-9)" in out and "STALE" in out


def test_the_project_snapshot_is_well_formed():
    records, meta = audit.load_snapshot(audit.SNAPSHOT)
    assert meta["snapshot_date"] and meta["newest_record_date"]
    assert all(r["id"] and r["affected"] and r["database_specific"]["path"] for r in records)
    assert all(info["coverage"] for info in meta["packages"].values())


def test_coverage_notes():
    meta = {"packages": {"a": {"coverage": "partial"}, "b": {"coverage": "complete"}}}
    pins = [audit.Pin("a", "1"), audit.Pin("b", "1"), audit.Pin("c", "1")]
    assert audit.coverage_notes(meta, pins) == (["a"], ["c"])
    assert audit.coverage_notes({}, pins) == ([], [])


def test_a_hanging_osv_query_gives_up(monkeypatch):
    import threading

    release = threading.Event()
    monkeypatch.setattr(audit, "_query_osv", lambda pins, timeout: release.wait(10) or [])
    with pytest.raises(audit.OSVUnavailable, match="no answer"):
        audit.query_osv([audit.Pin("pkg", "1.0")], timeout=0.05)
    release.set()


def test_missing_snapshot_is_an_input_error(project, capsys):
    code = audit.main(["--offline", "--pins", str(project / "constraints.txt"),
                       "--snapshot", str(project / "nope.json"), "--accepted", str(project / "none.yml")])
    assert code == 2
