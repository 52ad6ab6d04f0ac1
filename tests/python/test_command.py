"""The `webclean` command that `pip install` puts beside the interpreter is the C++ CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import webclean
from conftest import CORPUS

SCRIPTS = Path(sys.executable).parent
COMMAND = SCRIPTS / "webclean"
needs_install = pytest.mark.skipif(not COMMAND.exists(), reason="package not pip-installed (no webclean command)")


def run(command: Path | str, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(command), *args], input=stdin, capture_output=True, timeout=60)


@needs_install
def test_command_reports_the_package_version():
    result = run(COMMAND, "--version")
    assert result.returncode == 0
    assert result.stdout.decode().split() == ["webclean", webclean.__version__]


@needs_install
def test_command_cleans_like_the_library():
    page = CORPUS / "en-news-related" / "input.html"
    result = run(COMMAND, "-f", "json", "--url", "https://example.org/a", str(page))
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    document = webclean.bare_extraction(page.read_bytes(), url="https://example.org/a")
    assert record["text"] == document.text
    assert record["title"] == document.title
    assert record["input"] == str(page)


@needs_install
def test_command_usage_errors_exit_2():
    result = run(COMMAND, "--format", "pdf")
    assert result.returncode == 2
    assert b"pdf" in result.stderr


@needs_install
@pytest.mark.skipif("WEBCLEAN_BUILD_DIR" not in os.environ, reason="no developer build to compare with")
def test_command_is_the_developer_build_cli():
    developer_cli = Path(os.environ["WEBCLEAN_BUILD_DIR"]) / "webclean"
    if not developer_cli.exists():
        pytest.skip(f"{developer_cli} not built")
    pages = sorted(str(path) for path in CORPUS.glob("*/input.*"))
    installed = run(COMMAND, "-f", "jsonl", "-j", "2", *pages)
    developer = run(developer_cli, "-f", "jsonl", "-j", "2", *pages)
    assert installed.returncode == developer.returncode
    assert installed.stdout == developer.stdout
