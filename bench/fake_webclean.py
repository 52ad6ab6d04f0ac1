#!/usr/bin/env python3
"""A stand-in for `webclean -f jsonl --input-list FILE [-j N]`, for testing the harness itself.

It follows the CLI's output contract (one JSON object per input, in input order, with `input`,
`title`, `author`, `date`, `sitename`, `url`, `language`, `text`, `error`) but extracts nothing
clever. Where the text comes from:

  (default)          the whole visible text of the page, tags stripped: a floor any real
                     extractor must beat (the AEB leaderboard's html-text baseline)
  --aeb-tool NAME    for AEB pages, NAME's stored output (scrapinghub-aeb/output/NAME.json),
                     so the harness can be checked against the published leaderboard
  --gold             the page's own gold text and metadata: every score should be perfect

--drop-every K and --error-every K break every K-th page (no line / an `error`) to exercise the
harness's handling of failures.

    python3 bench/accuracy.py --cli "python3 bench/fake_webclean.py --aeb-tool trafilatura"
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy import METADATA_GOLD_KEYS, read_index  # noqa: E402
from metric import parse_gold_date  # noqa: E402


class VisibleText(HTMLParser):
    """Text outside script/style-like elements, plus the <title>."""

    INVISIBLE = {"script", "style", "noscript", "template", "head"}
    BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "td"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self.open_invisible = 0
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self.in_title = True
        elif tag in self.INVISIBLE:
            self.open_invisible += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        elif tag in self.INVISIBLE:
            self.open_invisible = max(0, self.open_invisible - 1)

    def handle_data(self, data):
        if self.in_title:
            self.title_parts.append(data)
        elif not self.open_invisible:
            self.parts.append(data)


def decode_page(raw: bytes) -> str:
    """UTF-8 when it decodes, else the charset a <meta> names, else GB18030 (the Chinese set's
    legacy pages), else Latin-1, which always decodes."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = re.search(rb"charset=[\"']?([\w-]+)", raw[:4096], re.IGNORECASE)
    for encoding in ([declared.group(1).decode("ascii")] if declared else []) + ["gb18030"]:
        try:
            return raw.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return raw.decode("latin-1")


def strip_tags(path: Path) -> dict:
    raw = path.read_bytes()
    if path.suffix == ".gz":
        raw = gzip.decompress(raw)
    parser = VisibleText()
    parser.feed(decode_page(raw))
    parser.close()
    text = re.sub(r"[ \t\r\f\v]+", " ", "".join(parser.parts))
    text = "\n".join(line.strip() for line in text.splitlines() if line.strip())
    title = " ".join("".join(parser.title_parts).split()) or None
    return {"title": title, "text": text}


@lru_cache(maxsize=None)
def aeb_output(output_file: Path) -> dict[str, str]:
    data = json.loads(output_file.read_text(encoding="utf-8"))
    items = data["output"] if "output" in data and "version" in data else data
    return {key: (item or {}).get("articleBody") or "" for key, item in items.items()}


@lru_cache(maxsize=None)
def gold_by_html_path(set_dir: Path) -> dict[Path, tuple[str, dict]]:
    gold = {}
    for row in read_index(set_dir):
        text = row.gold_path.read_text(encoding="utf-8") if row.gold_path else ""
        fields = {"text": text}
        for field_name, meta_key in METADATA_GOLD_KEYS.get(set_dir.name, {}).items():
            value = row.meta.get(meta_key)
            if field_name == "date":
                value = parse_gold_date(value)
                value = None if value == "unknown" else value
            elif isinstance(value, str) and value.strip().lower() == "unknown":
                value = None
            fields[field_name] = value
        gold[row.html_path.resolve()] = fields
    return gold


def set_dir_of(path: Path) -> Optional[Path]:
    """The benchmark set a page belongs to: the nearest parent holding an index.tsv."""
    for parent in path.resolve().parents:
        if (parent / "index.tsv").is_file():
            return parent
    return None


def extract(path: Path, args: argparse.Namespace) -> dict:
    if args.gold:
        set_dir = set_dir_of(path)
        return dict(gold_by_html_path(set_dir)[path.resolve()]) if set_dir else {}
    result = strip_tags(path)
    if args.aeb_tool:
        output_file = path.resolve().parent.parent / "output" / f"{args.aeb_tool}.json"
        if output_file.is_file():
            page_id = path.name.split(".")[0]
            result["text"] = aeb_output(output_file).get(page_id, "")
    return result


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-f", "--format", choices=["jsonl"], required=True)
    parser.add_argument("--input-list", type=Path, required=True)
    parser.add_argument("-j", "--jobs", type=int, default=1, help="accepted and ignored")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--aeb-tool", metavar="NAME")
    source.add_argument("--gold", action="store_true")
    parser.add_argument("--drop-every", type=int, metavar="K")
    parser.add_argument("--error-every", type=int, metavar="K")
    args = parser.parse_args(argv)

    inputs = [line for line in args.input_list.read_text(encoding="utf-8").split("\n") if line.strip()]
    for number, given in enumerate(inputs, 1):
        if args.drop_every and number % args.drop_every == 0:
            continue
        record = {key: None for key in ("title", "author", "date", "sitename", "url", "language", "text", "error")}
        record["input"] = given
        if args.error_every and number % args.error_every == 0:
            record["error"] = "fake failure"
        else:
            try:
                record.update(extract(Path(given), args))
            except (OSError, KeyError, ValueError) as error:
                record["error"] = f"{type(error).__name__}: {error}"
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
