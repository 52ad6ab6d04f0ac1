#!/usr/bin/env python3
"""Peer comparison: webclean and the peers on the same pages, scored by the same harness.

    bench/peers/setup                      # once: installs the peers into bench's own environments
    python3 bench/peers/run.py             # every set, every installed peer; tables on stdout
    python3 bench/peers/run.py --record    # ... and into bench/RESULTS.md (peers section)
    python3 bench/peers/run.py --sets cwced-zh --limit 10 --peers trafilatura

webclean runs as bench/accuracy.py runs it (build/webclean); each peer runs through
bench/peers/peer_cli.py, which follows the same batch contract, so bench/accuracy.py reads and
scores every tool alike: text against the gold (metric.py), metadata where the peer gives it.
A page on which a peer raises, times out or crashes counts as an empty output and is counted.
Peer outputs are cached (bench/.cache/peers/), so a second run only scores.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import sys
from collections import Counter
from pathlib import Path
from typing import Optional

PEERS_DIR = Path(__file__).resolve().parent
BENCH_DIR = PEERS_DIR.parent
sys.path.insert(0, str(BENCH_DIR))
sys.path.insert(0, str(PEERS_DIR))
from accuracy import (  # noqa: E402
    ALL_SETS,
    METADATA_FIELDS,
    METADATA_GOLD_KEYS,
    REPO_DIR,
    SetReport,
    default_cli,
    default_shared_dir,
    record_results,
    run_set,
)
from workers import PEERS, why_missing  # noqa: E402

RECORD_MARKERS = ("<!-- peers:begin -->", "<!-- peers:end -->")
WEBCLEAN = "webclean"

# The metadata fields each peer returns at all; the others are shown as "–", not as 0.
PEER_FIELDS = {
    WEBCLEAN: {"title", "author", "date"},
    "trafilatura": {"title", "author", "date"},
    "readability-lxml": {"title"},
    "resiliparse": {"title"},
    "magic-html": {"title"},
    "readability.js": {"title", "author", "date"},
}

# Published scrapinghub-aeb figures (the set's README): (version, precision, recall, F1).
PUBLISHED_AEB = {"trafilatura": ("2.0.0", 0.938, 0.978, 0.958), "readability.js": ("0.6.0", 0.914, 0.982, 0.947)}


def peer_cli(peer: str, page_timeout: float, no_cache: bool) -> list[str]:
    command = [sys.executable, str(PEERS_DIR / "peer_cli.py"), "--peer", peer, "--page-timeout", f"{page_timeout:g}"]
    return command + (["--no-cache"] if no_cache else [])


def peer_failures(report: SetReport) -> Counter:
    """Why a peer gave nothing, counted over the set's pages (webclean's failures: accuracy's)."""
    reasons: Counter = Counter()
    for page in report.pages:
        output = report.run.outputs.get(str(page.row.html_path.resolve())) or {}
        reason = output.get("peer_failure") or page.failure
        if reason:
            reasons[reason.split(":")[0].split(" after ")[0]] += 1
    return reasons


def versions(report: SetReport) -> set[str]:
    return {o["version"] for o in report.run.outputs.values() if o.get("version")}


def _cell(figures) -> str:
    if figures is None:
        return "–"
    return f"**{figures.f1:.3f}** ({figures.precision:.3f} / {figures.recall:.3f})"


def tables(reports: dict[str, dict[str, SetReport]], set_names: list[str]) -> str:
    tools = list(reports)
    lines = ["F1 (precision / recall) per set; failed: pages where the tool gave nothing because it "
             "raised, timed out or crashed (scored as empty output).", ""]
    lines.append("| tool | " + " | ".join(set_names) + " | failed |")
    lines.append("|---|" + "---:|" * (len(set_names) + 1))
    for tool in tools:
        cells = [_cell(reports[tool][name].text_figures()) for name in set_names]
        failed = sum(sum(peer_failures(reports[tool][name]).values()) for name in set_names)
        lines.append(f"| {tool} | " + " | ".join(cells) + f" | {failed} |")

    if "wcxb-dev" in set_names:
        types: Counter = Counter(p.page_type for p in reports[tools[0]]["wcxb-dev"].pages if p.page_type)
        type_names = [name for name, _ in types.most_common()]
        lines += ["", "wcxb-dev by page type, F1 (precision / recall):", ""]
        lines.append("| tool | " + " | ".join(f"{t} ({types[t]})" for t in type_names) + " |")
        lines.append("|---|" + "---:|" * len(type_names))
        for tool in tools:
            report = reports[tool]["wcxb-dev"]
            cells = [_cell(report.text_figures([p for p in report.pages if p.page_type == t])) for t in type_names]
            lines.append(f"| {tool} | " + " | ".join(cells) + " |")

    metadata_sets = [name for name in set_names if name in METADATA_GOLD_KEYS]
    if metadata_sets:
        lines += ["", "Metadata, share right (pages with gold), scored as bench/accuracy.py scores webclean; "
                  "– where the tool returns no such field:", ""]
        columns = [(name, f) for name in metadata_sets for f in METADATA_FIELDS if f in METADATA_GOLD_KEYS[name]]
        lines.append("| tool | " + " | ".join(f"{name} {f}" for name, f in columns) + " |")
        lines.append("|---|" + "---:|" * len(columns))
        for tool in tools:
            cells = []
            for name, field_name in columns:
                verdicts = [p.metadata[field_name] for p in reports[tool][name].pages if field_name in p.metadata]
                if field_name not in PEER_FIELDS[tool] or not verdicts:
                    cells.append("–")
                else:
                    cells.append(f"{sum(verdicts) / len(verdicts):.3f} ({len(verdicts)})")
            lines.append(f"| {tool} | " + " | ".join(cells) + " |")

    if "scrapinghub-aeb" in set_names:
        lines += ["", "Check against the published scrapinghub-aeb figures (the set's README):", ""]
        lines += ["| peer | published version | published F1 (P / R) | measured here | version here |",
                  "|---|---|---:|---:|---|"]
        for peer, (version, p, r, f1) in PUBLISHED_AEB.items():
            if peer in reports:
                report = reports[peer]["scrapinghub-aeb"]
                lines.append(f"| {peer} | {version} | {f1:.3f} ({p:.3f} / {r:.3f}) | {_cell(report.text_figures())} "
                             f"| {', '.join(sorted(versions(report))) or '?'} |")

    failure_lines = []
    for tool in tools:
        for name in set_names:
            reasons = peer_failures(reports[tool][name])
            if reasons:
                failure_lines.append(f"- {tool} on {name}: " + ", ".join(f"{n}× {r}" for r, n in reasons.most_common()))
    if failure_lines:
        lines += ["", "Failures:", ""] + failure_lines
    return "\n".join(lines)


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", default=default_cli(), help="the webclean binary (default %(default)s)")
    parser.add_argument("--shared", type=Path, default=default_shared_dir())
    parser.add_argument("--sets", default=",".join(ALL_SETS), help="comma-separated sets (default: all)")
    parser.add_argument("--peers", default=",".join(PEERS), help="comma-separated peers (default: all installed)")
    parser.add_argument("--limit", type=int, help="only the first N pages of each set")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--page-timeout", type=float, default=60.0, help="seconds a peer may take on one page")
    parser.add_argument("--no-cache", action="store_true", help="run the peers again on every page")
    parser.add_argument("--record", action="store_true", help="write the tables into bench/RESULTS.md")
    args = parser.parse_args(argv)

    if not shutil.which(args.cli):
        print(f"peers: no webclean CLI at {args.cli} (build it first)", file=sys.stderr)
        return 2
    set_names = [n.strip() for n in args.sets.split(",") if n.strip()]
    tools = {WEBCLEAN: [args.cli]}
    skipped = []
    for peer in [p.strip() for p in args.peers.split(",") if p.strip()]:
        if peer not in PEERS:
            print(f"peers: unknown peer {peer} (known: {', '.join(PEERS)})", file=sys.stderr)
            return 2
        missing = why_missing(peer)
        if missing:
            skipped.append(f"{peer}: {missing}")
        else:
            tools[peer] = peer_cli(peer, args.page_timeout, args.no_cache)

    reports: dict[str, dict[str, SetReport]] = {}
    for tool, command in tools.items():
        reports[tool] = {}
        for name in set_names:
            print(f"peers: {tool} on {name} ...", file=sys.stderr, flush=True)
            report = run_set(name, args.shared, command, args.jobs, args.limit, timeout=24 * 3600)
            if report.run.problems:
                print(f"peers: {tool} on {name}: {'; '.join(report.run.problems)}", file=sys.stderr)
            reports[tool][name] = report

    text = tables(reports, set_names)
    peer_versions = [f"{tool} {', '.join(sorted(set().union(*(versions(r) for r in reports[tool].values()))))}"
                     for tool in reports if tool != WEBCLEAN]
    notes = ["Peers: " + "; ".join(peer_versions) + "." if peer_versions else "No peer installed."]
    if skipped:
        notes.append("Not run: " + "; ".join(skipped) + ".")
    if args.limit:
        notes.append(f"Only the first {args.limit} pages of each set.")
    text = "\n".join(notes) + "\n\n" + text
    print(text)
    if args.record:
        command = shlex.join(["python3", os.path.relpath(sys.argv[0], REPO_DIR)] + (argv if argv is not None else sys.argv[1:]))
        record_results(text, command, RECORD_MARKERS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
