#!/usr/bin/env python3
"""Accuracy benchmark: run the webclean CLI over the gold sets in ../shared/bench and score it.

One CLI call per set (`webclean -f jsonl --input-list FILE -j N`), then text scoring against each
page's gold (see metric.py and bench/README.md for the exact metric), metadata scoring where the
set has metadata gold, and snippet pass rates where it has with/without snippets.

    python3 bench/accuracy.py                      # all sets, markdown tables to stdout
    python3 bench/accuracy.py --sets cwced-zh --limit 10 --worst 5
    python3 bench/accuracy.py --check-floors --record --json /tmp/run.json

Exit status: 0 fine, 1 a set's F1 is under its floor (with --check-floors), 2 the run could not
be made (no CLI, no data, the CLI failed to start).
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import os
import platform
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))
from metric import (  # noqa: E402
    FAILED_PAGE,
    SetFigures,
    TextScore,
    aggregate,
    author_matches,
    date_matches,
    parse_gold_date,
    score_text,
    snippet_present,
    title_matches,
    title_matches_exactly,
)

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
ALL_SETS = ("scrapinghub-aeb", "cwced-zh", "mozilla-readability", "wcxb-dev")
RESULTS_FILE = BENCH_DIR / "RESULTS.md"
FLOORS_FILE = BENCH_DIR / "floors.json"
RECORD_BEGIN, RECORD_END = "<!-- accuracy:begin -->", "<!-- accuracy:end -->"

# Which meta key holds the gold of each metadata field, per set (the sets name them differently).
METADATA_GOLD_KEYS = {
    "mozilla-readability": {"title": "title", "author": "byline", "date": "publishedTime"},
    "cwced-zh": {"author": "author", "date": "date"},
    "wcxb-dev": {"title": "title", "author": "author", "date": "date"},
}
METADATA_FIELDS = ("title", "author", "date")
# cwced's author gold names the editor (编辑, 责任编辑) when the page credits no writer, and ours
# keeps editors apart: there, our editor stands in for a missing author.
EDITOR_STANDS_IN_FOR_AUTHOR = {"cwced-zh"}


def default_shared_dir() -> Path:
    return REPO_DIR.parent / "shared"


def default_cli() -> str:
    return str(REPO_DIR / "build" / "webclean")


# ---------------------------------------------------------------------------------------------
# The sets


@dataclass(frozen=True)
class IndexRow:
    id: str
    html_path: Path
    gold_path: Optional[Path]  # None: the page has no text gold
    script: str
    meta: dict


def read_index(set_dir: Path) -> list[IndexRow]:
    csv.field_size_limit(sys.maxsize)  # the meta column carries long snippet lists
    with open(set_dir / "index.tsv", encoding="utf-8", newline="") as index:
        return [
            IndexRow(
                id=record["id"],
                html_path=set_dir / record["html"],
                gold_path=None if record["gold"] == "-" else set_dir / record["gold"],
                script=record["script"],
                meta=json.loads(record["meta"]) if record["meta"] else {},
            )
            for record in csv.DictReader(index, delimiter="\t", quoting=csv.QUOTE_NONE)
        ]


# ---------------------------------------------------------------------------------------------
# Running the CLI


@dataclass
class CliRun:
    outputs: dict[str, dict]  # output object per `input` path
    problems: list[str]  # what went wrong with the run as a whole
    seconds: float


def run_cli(cli: list[str], inputs: list[str], jobs: int, timeout: float) -> CliRun:
    """Run the CLI once over `inputs` and collect its JSON lines by their `input` field."""
    problems: list[str] = []
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as input_list:
        input_list.write("".join(path + "\n" for path in inputs))
    command = cli + ["-f", "jsonl", "--input-list", input_list.name, "-j", str(jobs)]
    started = time.monotonic()
    try:
        completed = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
        stdout, stderr, returncode = completed.stdout, completed.stderr, completed.returncode
    except subprocess.TimeoutExpired as expired:
        stdout, stderr, returncode = expired.stdout or b"", expired.stderr or b"", None
        problems.append(f"the CLI did not finish within {timeout:.0f} s")
    finally:
        os.unlink(input_list.name)
    seconds = time.monotonic() - started
    if returncode:
        tail = stderr.decode("utf-8", "replace").strip().splitlines()[-5:]
        problems.append(f"the CLI exited with status {returncode}: " + " | ".join(tail))

    outputs: dict[str, dict] = {}
    order: list[str] = []
    # Split on "\n" only: str.splitlines() would also split inside JSON strings holding a raw
    # U+2028, U+0085 or similar, which valid UTF-8 JSON output may contain.
    lines = [line for line in stdout.decode("utf-8", "replace").split("\n") if line.strip()]
    for number, line in enumerate(lines, 1):
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(f"output line {number} is not JSON ({error.msg})")
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("input"), str):
            problems.append(f"output line {number} has no `input` field")
            continue
        outputs[obj["input"]] = obj
        order.append(obj["input"])
    if len(lines) != len(inputs):
        problems.append(f"{len(lines)} output lines for {len(inputs)} inputs")
    elif order != inputs and sorted(order) == sorted(inputs):
        problems.append("output lines are not in input order")
    return CliRun(outputs=outputs, problems=problems, seconds=seconds)


# ---------------------------------------------------------------------------------------------
# Scoring


@dataclass
class PageResult:
    set_name: str
    row: IndexRow
    failure: Optional[str]  # why the page has no usable output, or None
    text: Optional[TextScore]  # None: no text gold
    metadata: dict[str, bool] = field(default_factory=dict)  # field -> right, for fields with gold
    with_found: tuple[int, int] = (0, 0)  # (present, total)
    without_avoided: tuple[int, int] = (0, 0)  # (absent, total)

    @property
    def page_type(self) -> Optional[str]:
        return self.row.meta.get("page_type")


def _metadata_gold(set_name: str, row: IndexRow) -> dict[str, str]:
    """The metadata gold of a page, only for fields where it has some."""
    gold = {}
    for field_name, meta_key in METADATA_GOLD_KEYS.get(set_name, {}).items():
        value = row.meta.get(meta_key)
        if not isinstance(value, str) or not value.strip():
            continue
        if field_name == "date":
            value = parse_gold_date(value)  # "UNKNOWN" gives "unknown"; a non-date gives None
            if value is None:
                continue
        gold[field_name] = value
    return gold


def score_page(set_name: str, row: IndexRow, output: Optional[dict]) -> PageResult:
    if output is None:
        failure = "no output line"
    elif output.get("error"):
        failure = f"error: {output['error']}"
    else:
        failure = None
    text = output.get("text") if output and not failure else None

    gold_text = row.gold_path.read_text(encoding="utf-8") if row.gold_path else ""
    if not gold_text.strip():
        text_score = None  # nothing to score the text against
    elif failure:
        text_score = FAILED_PAGE
    else:
        text_score = score_text(text, gold_text)

    metadata = {}
    for field_name, gold in _metadata_gold(set_name, row).items():
        predicted = output.get(field_name) if output and not failure else None
        if field_name == "author" and not predicted and set_name in EDITOR_STANDS_IN_FOR_AUTHOR and output:
            predicted = output.get("editor")
        if failure:
            metadata[field_name] = False
            if field_name == "title":
                metadata["title_exact"] = False
        elif field_name == "title":
            metadata[field_name] = title_matches(predicted, gold)
            metadata["title_exact"] = title_matches_exactly(predicted, gold)
        elif field_name == "author":
            metadata[field_name] = author_matches(predicted, gold)
        else:
            metadata[field_name] = date_matches(predicted, gold)

    # A failed page passes no snippet check, not even the "without" ones.
    with_snippets, without_snippets = row.meta.get("with") or [], row.meta.get("without") or []
    with_found = sum(not failure and snippet_present(s, text) for s in with_snippets)
    without_avoided = sum(not failure and not snippet_present(s, text) for s in without_snippets)
    return PageResult(
        set_name=set_name,
        row=row,
        failure=failure,
        text=text_score,
        metadata=metadata,
        with_found=(with_found, len(with_snippets)),
        without_avoided=(without_avoided, len(without_snippets)),
    )


@dataclass
class SetReport:
    name: str
    pages: list[PageResult]
    run: CliRun

    def text_figures(self, pages: Optional[list[PageResult]] = None) -> Optional[SetFigures]:
        pages = self.pages if pages is None else pages
        return aggregate(p.text for p in pages if p.text is not None)

    @property
    def failures(self) -> list[PageResult]:
        return [p for p in self.pages if p.failure]


def run_set(set_name: str, shared: Path, cli: list[str], jobs: int, limit: Optional[int], timeout: float) -> SetReport:
    rows = read_index(shared / "bench" / set_name)[:limit]
    inputs = [str(row.html_path.resolve()) for row in rows]
    run = run_cli(cli, inputs, jobs, timeout)
    pages = [score_page(set_name, row, run.outputs.get(path)) for row, path in zip(rows, inputs)]
    return SetReport(set_name, pages, run)


# ---------------------------------------------------------------------------------------------
# Reporting


def _figure(value: Optional[float]) -> str:
    return "–" if value is None else f"{value:.3f}"


def _rate(passed: int, total: int) -> str:
    return "–" if total == 0 else f"{passed / total:.3f} ({total})"


def _snippet_rates(pages: list[PageResult]) -> tuple[str, str]:
    found = sum(p.with_found[0] for p in pages), sum(p.with_found[1] for p in pages)
    avoided = sum(p.without_avoided[0] for p in pages), sum(p.without_avoided[1] for p in pages)
    return _rate(*found), _rate(*avoided)


def markdown_tables(reports: list[SetReport], floors: dict[str, float]) -> str:
    lines = [
        "| set | pages | failed | precision | recall | F1 | mean page F1 | floor | CLI s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for report in reports:
        figures = report.text_figures()
        lines.append(
            f"| {report.name} | {len(report.pages)} | {len(report.failures)} "
            f"| {_figure(figures and figures.precision)} | {_figure(figures and figures.recall)} "
            f"| {_figure(figures and figures.f1)} | {_figure(figures and figures.mean_page_f1)} "
            f"| {_figure(floors.get(report.name))} | {report.run.seconds:.1f} |"
        )

    metadata_reports = [r for r in reports if r.name in METADATA_GOLD_KEYS]
    if metadata_reports:
        lines += ["", "Metadata accuracy (pages with gold for the field):", ""]
        lines += ["| set | " + " | ".join(METADATA_FIELDS) + " |", "|---|" + "---:|" * len(METADATA_FIELDS)]
        for report in metadata_reports:
            cells = []
            for field_name in METADATA_FIELDS:
                verdicts = [p.metadata[field_name] for p in report.pages if field_name in p.metadata]
                cells.append(_rate(sum(verdicts), len(verdicts)))
            lines.append(f"| {report.name} | " + " | ".join(cells) + " |")
        exact = []
        for report in metadata_reports:
            verdicts = [p.metadata["title_exact"] for p in report.pages if "title_exact" in p.metadata]
            if verdicts:
                exact.append(f"{report.name} {_rate(sum(verdicts), len(verdicts))}")
        if exact:
            lines += ["", "Title without the allowance for a site name the gold keeps (exact): " + ", ".join(exact) + "."]

    for report in reports:
        by_type: dict[str, list[PageResult]] = defaultdict(list)
        for page in report.pages:
            if page.page_type:
                by_type[page.page_type].append(page)
        has_snippets = any(p.with_found[1] or p.without_avoided[1] for p in report.pages)
        if not by_type and not has_snippets:
            continue
        lines += ["", f"{report.name} by page type (with: snippets found; without: snippets kept out):", ""]
        lines += [
            "| page type | pages | precision | recall | F1 | mean page F1 | with | without |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        groups = sorted(by_type.items(), key=lambda item: (-len(item[1]), item[0])) + [("all", report.pages)]
        for type_name, pages in groups:
            figures = report.text_figures(pages)
            with_rate, without_rate = _snippet_rates(pages)
            lines.append(
                f"| {type_name} | {len(pages)} | {_figure(figures and figures.precision)} "
                f"| {_figure(figures and figures.recall)} | {_figure(figures and figures.f1)} "
                f"| {_figure(figures and figures.mean_page_f1)} | {with_rate} | {without_rate} |"
            )
    return "\n".join(lines)


def problem_lines(reports: list[SetReport]) -> list[str]:
    """Run problems and every failed page, for the developers to look at."""
    lines = []
    for report in reports:
        for problem in report.run.problems:
            lines.append(f"{report.name}: {problem}")
        for page in report.failures:
            lines.append(f"{report.name}: page {page.row.id} scored 0 ({page.failure}): {page.row.html_path}")
    return lines


def worst_pages(report: SetReport, count: int) -> list[str]:
    scored = [p for p in report.pages if p.text is not None]
    scored.sort(key=lambda p: (p.text.f1, p.text.recall or 0.0, p.row.id))
    lines = [f"Worst {min(count, len(scored))} of {report.name} (per-page F1):"]
    for page in scored[:count]:
        lines.append(
            f"  {page.row.id}  F1 {page.text.f1:.3f}  P {_figure(page.text.precision)}  R {_figure(page.text.recall)}"
            f"{'  ' + page.page_type if page.page_type else ''}{'  [' + page.failure + ']' if page.failure else ''}\n"
            f"      html {page.row.html_path}\n      gold {page.row.gold_path}"
        )
    return lines


def per_page_records(reports: list[SetReport]) -> list[dict]:
    return [
        {
            "id": page.row.id,
            "set": page.set_name,
            "precision": page.text.precision if page.text else None,
            "recall": page.text.recall if page.text else None,
            "f1": page.text.f1 if page.text else None,
            "page_type": page.page_type,
            "failure": page.failure,
            "metadata": page.metadata,
        }
        for report in reports
        for page in report.pages
    ]


def _git_commit() -> str:
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(REPO_DIR), *args], capture_output=True, text=True).stdout.strip()

    commit = git("rev-parse", "HEAD") or "unknown"
    return commit + (" (with uncommitted changes)" if git("status", "--porcelain") else "")


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def record_results(tables: str, command: str, markers: tuple[str, str] = (RECORD_BEGIN, RECORD_END)) -> None:
    """Replace the section between the markers (the accuracy ones unless told) of RESULTS.md; a
    missing section is added at the end."""
    begin_marker, end_marker = markers
    section = "\n".join(
        [
            begin_marker,
            f"Recorded {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}, "
            f"commit `{_git_commit()}`, on {os.cpu_count()} CPUs ({_cpu_model()}).",
            "",
            f"    {command}",
            "",
            tables,
            end_marker,
        ]
    )
    if RESULTS_FILE.exists():
        current = RESULTS_FILE.read_text(encoding="utf-8")
    else:
        current = "# Benchmark results\n\n## Accuracy\n\n"
    begin, end = current.find(begin_marker), current.find(end_marker)
    if begin != -1 and end > begin:
        updated = current[:begin] + section + current[end + len(end_marker) :]
    else:
        updated = current.rstrip("\n") + "\n\n" + section + "\n"
    RESULTS_FILE.write_text(updated, encoding="utf-8")


def floors_broken(reports: list[SetReport], floors: dict[str, float]) -> list[str]:
    broken = []
    for report in reports:
        floor = floors.get(report.name)
        figures = report.text_figures()
        if floor is not None and (figures is None or figures.f1 < floor):
            measured = "no score" if figures is None else f"F1 {figures.f1:.3f}"
            broken.append(f"{report.name}: {measured} is below its floor {floor:.3f}")
    return broken


# ---------------------------------------------------------------------------------------------


def parse_args(argv: Optional[list[str]]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", default=default_cli(),
                        help="the webclean binary, or a command line (split like a shell does) "
                             "such as 'python3 bench/fake_webclean.py --aeb-tool trafilatura'; "
                             "default %(default)s")
    parser.add_argument("--shared", type=Path, default=default_shared_dir(),
                        help="the shared directory holding bench/ (default %(default)s)")
    parser.add_argument("--sets", default=",".join(ALL_SETS), help="comma-separated sets (default: all)")
    parser.add_argument("--limit", type=int, help="only the first N pages of each set (quick runs)")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1, help="passed to the CLI as -j")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds allowed per CLI call")
    parser.add_argument("--worst", type=int, metavar="N", help="print the N worst pages of each set")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write per-page scores to FILE")
    parser.add_argument("--record", action="store_true", help=f"record the tables in {RESULTS_FILE.name}")
    parser.add_argument("--check-floors", action="store_true",
                        help=f"exit 1 when a set's F1 is below its floor in {FLOORS_FILE.name}")
    return parser.parse_args(argv)


def main(argv: Optional[list[str]] = None) -> int:
    args = parse_args(argv)
    cli = shlex.split(args.cli)
    if not cli or not shutil.which(cli[0]):
        print(f"accuracy: no executable CLI at {args.cli} (build it, or pass --cli)", file=sys.stderr)
        return 2
    set_names = [name.strip() for name in args.sets.split(",") if name.strip()]
    for name in set_names:
        if not (args.shared / "bench" / name / "index.tsv").is_file():
            print(f"accuracy: no set {name} under {args.shared / 'bench'} (pass --shared)", file=sys.stderr)
            return 2
    floors = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))

    reports = []
    for name in set_names:
        report = run_set(name, args.shared, cli, args.jobs, args.limit, args.timeout)
        if not report.run.outputs and report.run.problems:
            print(f"accuracy: {name}: the CLI produced nothing: {'; '.join(report.run.problems)}", file=sys.stderr)
            return 2
        reports.append(report)

    tables = markdown_tables(reports, floors)
    print(tables)
    problems = problem_lines(reports)
    if problems:
        print(f"\n{len(problems)} problems:")
        print("\n".join("- " + line for line in problems))
    if args.worst:
        for report in reports:
            print()
            print("\n".join(worst_pages(report, args.worst)))
    if args.json:
        args.json.write_text(json.dumps(per_page_records(reports), ensure_ascii=False, indent=1), encoding="utf-8")
    if args.record:
        command = shlex.join(["python3", os.path.relpath(sys.argv[0], REPO_DIR)] + (argv if argv is not None else sys.argv[1:]))
        record_results(tables, command)
    if args.check_floors:
        broken = floors_broken(reports, floors)
        for line in broken:
            print(f"accuracy: floor broken: {line}", file=sys.stderr)
        if broken:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
