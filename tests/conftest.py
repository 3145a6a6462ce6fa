"""Shared fixtures: the project's rule book and detector, and the domain's responses."""

import sys
from pathlib import Path

import pytest
import yaml

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))

from actions.conditions import default_detector  # noqa: E402
from actions.rules_engine import default_rulebook  # noqa: E402


@pytest.fixture(scope="session")
def rulebook():
    """The rule book as the assistant loads it."""
    return default_rulebook()


@pytest.fixture(scope="session")
def detector():
    """The condition detector as the assistant builds it."""
    return default_detector()


@pytest.fixture(scope="session")
def domain():
    """domain.yml as a dict."""
    return yaml.safe_load((PROJECT_DIR / "domain.yml").read_text(encoding="utf-8"))
