"""Audit the pinned requirements for known vulnerabilities (an offline-capable pip-audit equivalent).

    .venv/bin/python scripts/audit.py [--offline] [--timeout SECONDS] [--snapshot PATH] [--accepted PATH]

Reads every ``name==version`` pin in constraints.txt and requirements*.txt, then:

1. asks the OSV API (https://api.osv.dev, the database pip-audit uses) about every pin, with a short
   timeout, through urllib (no extra dependency);
2. when that API cannot be reached (the normal case here: this machine and CI reach only the package
   registries) it says so in one line and uses the dated snapshot security/advisories.json instead.

Each pin is matched against the advisories' affected ranges (ECOSYSTEM ``introduced`` / ``fixed`` /
``last_affected`` events and explicit ``versions`` lists) with ``packaging.version``. Withdrawn advisories
are ignored. The table shows package, version, advisory (with its CVE), the first fixed version and
whether the finding is accepted in security/accepted-risks.yml.

Exit status: 0 when every finding is accepted and every accepted entry still matches a finding;
1 when a finding is not accepted, an accepted entry is stale (its advisory no longer applies to the
pinned version: remove it) or the accepted-risks file is malformed; 2 when an input file is missing.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple

from packaging.version import InvalidVersion, Version

PROJECT_DIR = Path(__file__).resolve().parent.parent
SNAPSHOT = PROJECT_DIR / "security" / "advisories.json"
ACCEPTED = PROJECT_DIR / "security" / "accepted-risks.yml"
OSV_BATCH_URL = "https://api.osv.dev/v1/querybatch"
OSV_VULN_URL = "https://api.osv.dev/v1/vulns/{}"
REQUIRED_ACCEPT_FIELDS = ("package", "advisories", "why_not_upgraded", "why_acceptable")

_PIN = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*==\s*([^\s;#]+)")


class OSVUnavailable(Exception):
    """The OSV API could not be reached or answered with something unusable."""


def canonical(name: str) -> str:
    """Return the PEP 503 normalised form of a package name (as PyPI and OSV compare names)."""
    return re.sub(r"[-_.]+", "-", name).lower()


@dataclass
class Pin:
    """One pinned package version and the files that pin it."""

    name: str
    version: str
    sources: List[str] = field(default_factory=list)


@dataclass
class Finding:
    """A pinned version that falls inside an advisory's affected ranges."""

    package: str
    version: str
    ids: List[str]
    fixed: List[str]
    summary: str
    accepted_by: Optional[int] = None

    @property
    def display_id(self) -> str:
        """The advisory id followed by its CVE alias(es), e.g. ``PYSEC-2024-60 (CVE-2024-3651)``."""
        cves = [i for i in self.ids[1:] if i.startswith("CVE-")]
        return self.ids[0] + (f" ({', '.join(cves)})" if cves else "")


@dataclass
class Acceptance:
    """One entry of security/accepted-risks.yml."""

    index: int
    package: str
    advisories: List[str]
    version: Optional[str]
    why_not_upgraded: str
    why_acceptable: str


# ---------------------------------------------------------------------------------------------------------
# pins


def parse_pins(paths: Iterable[Path]) -> Dict[Tuple[str, str], Pin]:
    """Collect ``name==version`` pins from requirement/constraint files, keyed by (canonical name, version).

    Comments, options (``-r``, ``-c``, ``--...``) and unpinned requirements are skipped; an environment
    marker after ``;`` is ignored (the pin is audited whatever the marker says).
    """
    pins: Dict[Tuple[str, str], Pin] = {}
    for path in paths:
        for raw in path.read_text(encoding="utf-8").splitlines():
            line = raw.split("#", 1)[0].strip()
            if not line or line.startswith("-"):
                continue
            match = _PIN.match(line)
            if not match:
                continue
            name, version = canonical(match.group(1)), match.group(3)
            pin = pins.setdefault((name, version), Pin(name, version))
            if path.name not in pin.sources:
                pin.sources.append(path.name)
    return pins


def default_pin_files(project_dir: Path = PROJECT_DIR) -> List[Path]:
    """constraints.txt first, then requirements*.txt, in a stable order."""
    files = [project_dir / "constraints.txt"]
    files += sorted(p for p in project_dir.glob("requirements*.txt") if p.is_file())
    return [p for p in files if p.is_file()]


# ---------------------------------------------------------------------------------------------------------
# range matching (OSV semantics, ECOSYSTEM ranges of PyPI packages)


def _version(text: str) -> Optional[Version]:
    try:
        return Version(text)
    except InvalidVersion:
        return None


_ZERO = Version("0")


def _event_key(event: Dict[str, str]) -> Version:
    value = next(iter(event.values()))
    if value == "0":
        return _ZERO
    parsed = _version(value)
    return parsed if parsed is not None else _ZERO


def range_affects(version: Version, events: Sequence[Dict[str, str]]) -> bool:
    """Evaluate one OSV range: events sorted by version, introduced opens, fixed/last_affected close."""
    affected = False
    ordered = sorted((e for e in events if len(e) == 1), key=_event_key)
    for event in ordered:
        kind, value = next(iter(event.items()))
        bound = _ZERO if value == "0" else _version(value)
        if bound is None:
            continue
        if kind == "introduced" and version >= bound:
            affected = True
        elif kind == "fixed" and version >= bound:
            affected = False
        elif kind == "last_affected" and version > bound:
            affected = False
    return affected


def affects(version_text: str, affected: Dict) -> bool:
    """True when the version is in the entry's explicit ``versions`` list or inside an ECOSYSTEM range."""
    version = _version(version_text)
    listed = affected.get("versions") or []
    if version_text in listed:
        return True
    if version is None:
        return False
    if any(_version(v) == version for v in listed):
        return True
    for rng in affected.get("ranges") or []:
        if rng.get("type") == "ECOSYSTEM" and range_affects(version, rng.get("events") or []):
            return True
    return False


def fixed_versions(version_text: str, affected: Dict) -> List[str]:
    """The upgrade targets: in each ECOSYSTEM range that contains the pinned version, the lowest
    ``fixed`` version above it. Empty when no range says where the issue is fixed."""
    version = _version(version_text)
    if version is None:
        return []
    found: Set[str] = set()
    for rng in affected.get("ranges") or []:
        if rng.get("type") != "ECOSYSTEM" or not range_affects(version, rng.get("events") or []):
            continue
        above = [e["fixed"] for e in rng.get("events") or []
                 if "fixed" in e and (_version(e["fixed"]) or _ZERO) > version]
        if above:
            found.add(min(above, key=lambda v: _version(v) or _ZERO))
    return sorted(found, key=lambda v: _version(v) or _ZERO)


def find_vulnerabilities(pins: Iterable[Pin], records: Sequence[Dict]) -> List[Finding]:
    """Match every pin against every (not withdrawn) record; records sharing an id/alias are merged."""
    by_package: Dict[str, List[Dict]] = {}
    for record in records:
        if record.get("withdrawn"):
            continue
        for entry in record.get("affected") or []:
            pkg = entry.get("package") or {}
            if pkg.get("ecosystem", "PyPI") == "PyPI" and pkg.get("name"):
                by_package.setdefault(canonical(pkg["name"]), []).append({"record": record, "entry": entry})
    findings: List[Finding] = []
    for pin in sorted(pins, key=lambda p: (p.name, _version(p.version) or _ZERO)):
        merged: List[Finding] = []
        for item in by_package.get(pin.name, []):
            record, entry = item["record"], item["entry"]
            if not affects(pin.version, entry):
                continue
            ids = [record["id"]] + [a for a in record.get("aliases") or [] if a != record["id"]]
            summary = (record.get("summary") or record.get("details") or "").strip().splitlines()
            finding = Finding(pin.name, pin.version, ids, fixed_versions(pin.version, entry),
                              summary[0] if summary else "")
            twin = next((f for f in merged if set(f.ids) & set(ids)), None)
            if twin is None:
                merged.append(finding)
            else:
                twin.ids += [i for i in ids if i not in twin.ids]
                twin.fixed = sorted(set(twin.fixed) | set(finding.fixed), key=lambda v: _version(v) or _ZERO)
        findings += merged
    return findings


# ---------------------------------------------------------------------------------------------------------
# advisory sources


def load_snapshot(path: Path) -> Tuple[List[Dict], Dict]:
    """Read security/advisories.json: returns (OSV records, the rest of the file as metadata)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    records = data.pop("vulns", [])
    return records, data


def _post_json(url: str, payload: Dict, timeout: float) -> Dict:
    body = json.dumps(payload).encode("utf-8")
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (fixed https URL)
        return json.loads(response.read().decode("utf-8"))


def _get_json(url: str, timeout: float) -> Dict:
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (fixed https URL)
        return json.loads(response.read().decode("utf-8"))


def _query_osv(pins: Sequence[Pin], timeout: float) -> List[Dict]:
    queries = [{"package": {"name": p.name, "ecosystem": "PyPI"}, "version": p.version} for p in pins]
    ids: Set[str] = set()
    for start in range(0, len(queries), 1000):
        answer = _post_json(OSV_BATCH_URL, {"queries": queries[start : start + 1000]}, timeout)
        for result in answer.get("results") or []:
            ids.update(v["id"] for v in result.get("vulns") or [])
    return [_get_json(OSV_VULN_URL.format(i), timeout) for i in sorted(ids)]


def query_osv(pins: Sequence[Pin], timeout: float) -> List[Dict]:
    """Fetch the OSV records that concern the pins; raises OSVUnavailable when the API is unreachable.

    The whole exchange runs in a daemon thread bounded by a deadline, so a DNS lookup that hangs cannot
    hold the test command up longer than the timeout allows.
    """
    outcome: Dict[str, object] = {}

    def run() -> None:
        try:
            outcome["records"] = _query_osv(pins, timeout)
        except (urllib.error.URLError, OSError, ValueError, KeyError, TypeError) as error:
            outcome["error"] = error

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout * 3 + 1)
    if worker.is_alive():
        raise OSVUnavailable(f"no answer within {timeout * 3 + 1:.0f} s")
    if "error" in outcome:
        error = outcome["error"]
        reason = getattr(error, "reason", None) or error
        raise OSVUnavailable(f"{type(error).__name__}: {reason}")
    return outcome["records"]  # type: ignore[return-value]


# ---------------------------------------------------------------------------------------------------------
# accepted risks


class AcceptedRisksError(Exception):
    """security/accepted-risks.yml is missing a field or malformed."""


def load_accepted(path: Path) -> List[Acceptance]:
    """Read and validate the accepted-risks file (YAML: a top-level ``accepted`` list)."""
    import yaml  # PyYAML is pinned in requirements.txt

    if not path.is_file():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return parse_accepted(data)


def parse_accepted(data: Dict) -> List[Acceptance]:
    """Validate already-parsed accepted-risks data; every entry needs a reason it cannot be upgraded
    and a reason the risk is acceptable for this deployment."""
    entries = data.get("accepted") if isinstance(data, dict) else None
    if entries is None:
        entries = []
    if not isinstance(entries, list):
        raise AcceptedRisksError("'accepted' must be a list")
    result = []
    for index, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise AcceptedRisksError(f"entry {index} is not a mapping")
        missing = [f for f in REQUIRED_ACCEPT_FIELDS if not entry.get(f)]
        if missing:
            name = entry.get("package", "?")
            raise AcceptedRisksError(f"entry {index} ({name}) lacks {', '.join(missing)}")
        advisories = entry["advisories"]
        if isinstance(advisories, str):
            advisories = [advisories]
        version = entry.get("version")
        if version is not None and not isinstance(version, str):
            # YAML reads 3.10 as the float 3.1: a version must be written as a string (quoted if needed)
            raise AcceptedRisksError(f"entry {index} ({entry['package']}): quote the version ({version!r})")
        result.append(Acceptance(index, canonical(str(entry["package"])), [str(a) for a in advisories],
                                 version, str(entry["why_not_upgraded"]).strip(),
                                 str(entry["why_acceptable"]).strip()))
    return result


def _same_version(a: str, b: str) -> bool:
    va, vb = _version(a), _version(b)
    return va == vb if va is not None and vb is not None else a == b


def apply_acceptances(findings: List[Finding], acceptances: List[Acceptance]) -> List[Acceptance]:
    """Mark the findings each entry covers; return the stale entries (those that cover no finding).

    An entry covers a finding of the same package when one of its advisory ids is the finding's id or
    one of its aliases, and (when the entry names a version) the pinned version is that version.
    """
    stale = []
    for acceptance in acceptances:
        wanted = set(acceptance.advisories)
        hits = [f for f in findings if f.package == acceptance.package and wanted & set(f.ids)
                and (acceptance.version is None or _same_version(acceptance.version, f.version))]
        for finding in hits:
            finding.accepted_by = acceptance.index
        if not hits:
            stale.append(acceptance)
    return stale


# ---------------------------------------------------------------------------------------------------------
# report


def render_table(findings: Sequence[Finding]) -> str:
    """A plain-text table: package, version, advisory (+CVE), fixed in, accepted."""
    header = ("package", "version", "advisory", "fixed in", "accepted")
    rows = [(f.package, f.version, f.display_id, ", ".join(f.fixed) or "no fix",
             f"yes (entry {f.accepted_by})" if f.accepted_by else "NO") for f in findings]
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip() for r in [header] + rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def coverage_notes(meta: Dict, pins: Iterable[Pin]) -> Tuple[List[str], List[str]]:
    """Pinned packages the snapshot covers only partly, and pinned packages it never looked up (listed so
    nobody reads 'no finding' as 'no advisory'). Both empty when the data came from the OSV API."""
    packages = meta.get("packages")
    if packages is None:
        return [], []
    names = {p.name for p in pins}
    partial = sorted(n for n, info in packages.items() if n in names and info.get("coverage") == "partial")
    return partial, sorted(names - set(packages))


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the audit; see the module docstring for the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--offline", action="store_true", help="skip the OSV API, use the snapshot only")
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds per OSV request (default 5)")
    parser.add_argument("--snapshot", type=Path, default=SNAPSHOT)
    parser.add_argument("--accepted", type=Path, default=ACCEPTED)
    parser.add_argument("--pins", type=Path, nargs="*", help="files to read (default: constraints.txt, "
                        "requirements*.txt)")
    args = parser.parse_args(argv)

    pin_files = args.pins if args.pins else default_pin_files()
    missing = [str(p) for p in pin_files if not p.is_file()]
    if missing or not pin_files:
        print(f"audit: no such pin file: {', '.join(missing) or 'constraints.txt'}", file=sys.stderr)
        return 2
    pins = parse_pins(pin_files)
    source_names = ", ".join(p.name for p in pin_files)

    meta: Dict = {}
    records: Optional[List[Dict]] = None
    if not args.offline:
        try:
            records = query_osv(list(pins.values()), args.timeout)
            source = f"OSV API ({len(records)} records)"
        except OSVUnavailable as error:
            print(f"audit: OSV API unreachable ({error}); using the offline snapshot {args.snapshot.name}")
    if records is None:
        if not args.snapshot.is_file():
            print(f"audit: snapshot {args.snapshot} not found", file=sys.stderr)
            return 2
        records, meta = load_snapshot(args.snapshot)
        source = (f"snapshot {args.snapshot.name} taken {meta.get('snapshot_date', '?')}, newest record "
                  f"{meta.get('newest_record_date', '?')} ({len(records)} records)")

    try:
        acceptances = load_accepted(args.accepted)
    except AcceptedRisksError as error:
        print(f"audit: {args.accepted.name}: {error}", file=sys.stderr)
        return 1

    findings = find_vulnerabilities(pins.values(), records)
    stale = apply_acceptances(findings, acceptances)

    print(f"audit: {len(pins)} pins from {source_names}; advisories from {source}")
    if findings:
        print(render_table(findings))
    partial, unchecked = coverage_notes(meta, pins.values())
    if partial:
        print(f"audit: note: the snapshot does not cover {', '.join(partial)} "
              "(see security/README.md); no finding there is not proof of no advisory")
    if unchecked:
        print(f"audit: note: never looked up for the snapshot (add them to {args.snapshot.name}): "
              f"{', '.join(unchecked)}")
    not_accepted = [f for f in findings if not f.accepted_by]
    for acceptance in stale:
        print(f"audit: STALE accepted entry {acceptance.index} ({acceptance.package} "
              f"{', '.join(acceptance.advisories)}): it matches no finding for the pinned version any more; "
              f"remove it from {args.accepted.name}")
    print(f"audit: {len(findings)} findings, {len(findings) - len(not_accepted)} accepted, "
          f"{len(not_accepted)} not accepted, {len(stale)} stale accepted entries")
    if not_accepted:
        print(f"audit: FAILED: upgrade the pin, or state the risk in {args.accepted.name} "
              "(why it cannot be upgraded, why it is acceptable here)")
    return 1 if not_accepted or stale else 0


if __name__ == "__main__":
    sys.exit(main())
