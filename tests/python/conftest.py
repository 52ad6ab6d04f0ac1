"""Shared fixtures: pages from the golden corpus (corpus/<case>/input.*) of this repository."""

from __future__ import annotations

import importlib
import os
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]
CORPUS = REPOSITORY / "corpus"


def corpus_input(case: str) -> bytes:
    """The raw bytes of a corpus case's input file."""
    (path,) = sorted((CORPUS / case).glob("input.*"))
    return path.read_bytes()


def corpus_inputs() -> list[bytes]:
    """Every corpus case's input, in name order (parked cases under _pending excluded)."""
    return [corpus_input(case.name) for case in sorted(CORPUS.iterdir()) if (case / "case.json").exists()]


def optional_module(name: str):
    """Imports an optional test dependency. Missing, it skips the test, except under
    WEBCLEAN_REQUIRE_TEST_EXTRAS=1 (set by scripts/test.d/40-pytest, which installs them),
    where a missing one is a failure rather than a silent skip."""
    if os.environ.get("WEBCLEAN_REQUIRE_TEST_EXTRAS") == "1":
        return importlib.import_module(name)
    return pytest.importorskip(name)


#: A page with no article at all: webclean gives None for it.
EMPTY_PAGE = "<html><head><title>Nothing here</title></head><body><img src='photo.jpg'></body></html>"


@pytest.fixture(scope="session")
def news_page() -> bytes:
    return corpus_input("en-news-related")


@pytest.fixture(scope="session")
def all_pages() -> list[bytes]:
    return corpus_inputs()
