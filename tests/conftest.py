"""Shared fixtures: the project's rule book and recogniser, and the domain's responses."""

from pathlib import Path

import pytest
import yaml

from padsafety.recognition import default_recogniser
from padsafety.rules import default_rulebook

PROJECT_DIR = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def rulebook():
    """The rule book as the assistant loads it."""
    return default_rulebook()


@pytest.fixture(scope="session")
def recogniser():
    """The recognition layer as the assistant builds it."""
    return default_recogniser()


@pytest.fixture(scope="session")
def domain():
    """domain.yml as a dict."""
    return yaml.safe_load((PROJECT_DIR / "domain.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def domain_responses():
    """Each response of domain.yml: its first variant's text, on one line."""
    import yaml

    domain = yaml.safe_load((PROJECT_DIR / "domain.yml").read_text(encoding="utf-8"))
    return {name: " ".join(variants[0]["text"].split()) for name, variants in domain["responses"].items()}
