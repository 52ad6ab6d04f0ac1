"""The documented Dask example (bindings/python/examples/dask_clean_jsonl.py), run as users run
it: a small JSONL corpus, a LocalCluster of 2 worker processes."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys

import webclean
from conftest import EMPTY_PAGE, REPOSITORY, corpus_input, optional_module

EXAMPLE = REPOSITORY / "bindings" / "python" / "examples" / "dask_clean_jsonl.py"
CASES = ["en-news-related", "zh-gbk-portal", "empty", "md-multi-article", "table-article"]


def write_corpus(path, compress: bool) -> list[dict]:
    records = []
    for i, case in enumerate(CASES):
        if case == "empty":
            html = EMPTY_PAGE
        else:
            # JSONL holds text: decode as the page says (the GBK case), like a crawler's export would.
            html = corpus_input(case).decode("gb18030" if case == "zh-gbk-portal" else "utf-8")
        records.append({"id": i, "url": f"https://example.org/{case}", "html": html})
    lines = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    opener = gzip.open if compress else open
    with opener(path, "wt", encoding="utf-8") as out:
        out.write(lines)
    return records


def clean_with_example(tmp_path, compress: bool, *args: str) -> tuple[list[dict], dict[int, dict]]:
    """Runs the example on a fresh corpus with 2 workers: the input records, and the output
    records by id."""
    optional_module("dask.bag")
    optional_module("distributed")
    corpus = tmp_path / ("corpus.jsonl.gz" if compress else "corpus.jsonl")
    records = write_corpus(corpus, compress)
    out = tmp_path / "cleaned"
    command = [sys.executable, str(EXAMPLE), str(corpus), str(out), "--workers", "2", *args]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    cleaned = {}
    for part in sorted(out.glob("part-*.jsonl")):
        for line in part.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            cleaned[record["id"]] = record
    return records, cleaned


def test_dask_example_cleans_a_jsonl_corpus(tmp_path):
    records, cleaned = clean_with_example(tmp_path, False, "--deduplicate")
    options = webclean.Options(deduplicate=True)
    for record in records:
        expected = webclean.bare_extraction(record["html"], url=record["url"], options=options)
        if expected is None:  # the empty page: left out
            assert record["id"] not in cleaned
            continue
        got = cleaned[record["id"]]
        assert "html" not in got
        assert got["url"] == record["url"]
        assert got["text"] == expected.text
        assert got["title"] == expected.title
        assert got["language"] == expected.language
    assert len(cleaned) == len(records) - 1


def test_dask_example_reads_gzip_and_keeps_empty_pages(tmp_path):
    records, cleaned = clean_with_example(tmp_path, True, "--keep-empty", "--target-language", "en")
    assert set(cleaned) == {record["id"] for record in records}
    assert cleaned[CASES.index("empty")]["text"] is None
    assert cleaned[CASES.index("zh-gbk-portal")]["text"] is None  # Chinese, not English
    assert cleaned[CASES.index("en-news-related")]["text"]
