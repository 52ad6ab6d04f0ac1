#!/usr/bin/env python3
"""One Python peer extractor behind a line protocol, run by peer_cli.py and speed.py in bench/.venv.

    python_worker.py PEER        PEER: trafilatura, readability-lxml, resiliparse, magic-html

Commands come one JSON object a line on stdin; each gets one JSON line on stdout:

    {"cmd": "extract", "path": P}  -> {"text", "title", "author", "date", "seconds"} or {"exception"}
    {"cmd": "load", "paths": [P]}  -> {"pages", "bytes"}: pages read (and gunzipped) into memory
    {"cmd": "run"}                 -> {"start", "end", "cpu", "failed", "maxrss_kb"}: every loaded
                                      page extracted once; start/end on the system-wide monotonic
                                      clock, cpu the process's CPU seconds

The first line written is {"ready": true, "version": V} once the peer is imported, so import time
never counts. Time covers decoding and extraction from bytes in memory, as a user's code would.
"""

from __future__ import annotations

import gzip
import json
import resource
import sys
import time
from pathlib import Path
from typing import Callable, Optional

BENCH_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BENCH_DIR))
from fake_webclean import decode_page  # noqa: E402  (UTF-8, <meta> charset, GB18030, Latin-1)

# Elements after which a text rendering of extracted HTML starts a new line, so that words of
# neighbouring blocks never run together ("<li>a</li><li>b</li>" must not become "ab").
BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5",
    "h6", "section", "article", "blockquote", "pre", "figure", "figcaption", "dd", "dt", "dl",
    "header", "footer", "main", "aside", "hr",
}


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment with one line per block element (lxml, as the peers use)."""
    import lxml.html

    if not fragment or not fragment.strip():
        return ""
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    parts: list[str] = []

    def visit(element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in ("script", "style"):
            if element.tail:
                parts.append(element.tail)
            return
        if tag in BLOCK_TAGS:
            parts.append("\n")
        if element.text:
            parts.append(element.text)
        for child in element:
            visit(child)
        if tag in BLOCK_TAGS:
            parts.append("\n")
        if element.tail:
            parts.append(element.tail)

    visit(root)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def make_trafilatura() -> tuple[Callable[[bytes], dict], str]:
    import trafilatura

    def extract(raw: bytes) -> dict:
        # The JSON output carries the same text as the default txt output, plus the metadata.
        output = trafilatura.extract(raw, output_format="json", with_metadata=True, include_comments=False)
        if not output:
            return {"text": ""}
        record = json.loads(output)
        return {key: record.get(key) for key in ("text", "title", "author", "date")}

    return extract, trafilatura.__version__


def make_readability_lxml() -> tuple[Callable[[bytes], dict], str]:
    from importlib.metadata import version

    from readability import Document

    def extract(raw: bytes) -> dict:
        document = Document(raw)  # bytes: it finds the charset itself
        return {"text": html_to_text(document.summary(html_partial=True)), "title": document.short_title()}

    return extract, version("readability-lxml")


def make_resiliparse() -> tuple[Callable[[bytes], dict], str]:
    from importlib.metadata import version

    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding
    from resiliparse.parse.html import HTMLTree

    def extract(raw: bytes) -> dict:
        tree = HTMLTree.parse(bytes_to_str(raw, detect_encoding(raw)))
        return {"text": extract_plain_text(tree, main_content=True), "title": tree.title}

    return extract, version("resiliparse")


def make_magic_html() -> tuple[Callable[[bytes], dict], str]:
    from importlib.metadata import version

    from magic_html import GeneralExtractor

    extractor = GeneralExtractor()

    def extract(raw: bytes) -> dict:
        result = extractor.extract(decode_page(raw), base_url="")
        return {"text": html_to_text(result.get("html") or ""), "title": result.get("title")}

    return extract, version("magic-html")


PEERS = {
    "trafilatura": make_trafilatura,
    "readability-lxml": make_readability_lxml,
    "resiliparse": make_resiliparse,
    "magic-html": make_magic_html,
}


def read_page(path: str) -> bytes:
    raw = Path(path).read_bytes()
    return gzip.decompress(raw) if path.endswith(".gz") else raw


def answer(record: dict) -> None:
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def main() -> int:
    if len(sys.argv) != 2 or sys.argv[1] not in PEERS:
        print(f"usage: python_worker.py {{{','.join(PEERS)}}}", file=sys.stderr)
        return 2
    extract, version = PEERS[sys.argv[1]]()
    answer({"ready": True, "version": version})
    loaded: list[bytes] = []
    for line in sys.stdin:
        command = json.loads(line)
        if command["cmd"] == "extract":
            raw = read_page(command["path"])
            started = time.perf_counter()
            try:
                record = extract(raw)
            except Exception as error:  # a peer's failure on one page is a result, not a stop
                record = {"exception": f"{type(error).__name__}: {error}"[:500]}
            record["seconds"] = time.perf_counter() - started
            answer(record)
        elif command["cmd"] == "load":
            loaded = [read_page(path) for path in command["paths"]]
            answer({"pages": len(loaded), "bytes": sum(map(len, loaded))})
        elif command["cmd"] == "run":
            failed = 0
            cpu_start = time.process_time()
            start = time.monotonic()
            for raw in loaded:
                try:
                    extract(raw)
                except Exception:
                    failed += 1
            end = time.monotonic()
            answer({"start": start, "end": end, "cpu": time.process_time() - cpu_start, "failed": failed,
                    "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss})
    return 0


if __name__ == "__main__":
    sys.exit(main())
