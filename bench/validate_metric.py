#!/usr/bin/env python3
"""Check bench/metric.py against the published AEB leaderboard.

Scores every extractor output stored in <shared>/bench/scrapinghub-aeb/output/*.json against the
set's gold with our metric and prints it beside the figures in that set's README.rst. If our
figures match, the harness measures what the leaderboard measures and webclean's AEB score can be
read against it. `--variants` also shows how far each alternative convention (sets instead of
multisets, case kept, plain `\\w+` tokens, empty output as precision 0) moves the figures.

    python3 bench/validate_metric.py [--shared DIR] [--variants]
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from pathlib import Path
from statistics import mean

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy import default_shared_dir, read_index  # noqa: E402
from metric import aggregate, score_text  # noqa: E402

# Leaderboard rows whose name differs from the output file's stem.
PUBLISHED_NAME_TO_STEM = {"newspaper4k": "newspaper", "readability-lxml": "readability"}

# "    name   version   0.958 ± 0.006  0.938 ± 0.009  0.978 ± 0.006 ..." (version may hold a space)
_LEADERBOARD_ROW = re.compile(
    r"^\s+(\S+)\s+.*?\s(\d\.\d{3}) ± \d\.\d{3}\s+(\d\.\d{3}) ± \d\.\d{3}\s+(\d\.\d{3}) ± "
)


def published_figures(readme: Path) -> dict[str, tuple[float, float, float]]:
    """(F1, precision, recall) per output stem; the README lists the latest evaluation first,
    so the first row for a name wins."""
    figures: dict[str, tuple[float, float, float]] = {}
    for line in readme.read_text(encoding="utf-8").splitlines():
        match = _LEADERBOARD_ROW.match(line)
        if match:
            name = PUBLISHED_NAME_TO_STEM.get(match.group(1), match.group(1))
            figures.setdefault(name, tuple(float(x) for x in match.group(2, 3, 4)))
    return figures


def load_outputs(output_dir: Path) -> dict[str, dict[str, str]]:
    """articleBody per page id, per extractor; files may wrap the map in {"version", "output"}."""
    outputs = {}
    for path in sorted(output_dir.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        items = data["output"] if "output" in data and "version" in data else data
        outputs[path.stem] = {key: (item or {}).get("articleBody") or "" for key, item in items.items()}
    return outputs


def score_extractor(predictions, golds, counting, lowercase, cjk_aware, empty_as_zero):
    scores = [
        score_text(predictions.get(page_id, ""), gold, counting, cjk_aware, lowercase)
        for page_id, gold in golds.items()
    ]
    return aggregate(scores, empty_precision_as_zero=empty_as_zero)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=default_shared_dir())
    parser.add_argument("--variants", action="store_true", help="also compare alternative conventions")
    args = parser.parse_args(argv)

    set_dir = args.shared / "bench" / "scrapinghub-aeb"
    golds = {row.id: row.gold_path.read_text(encoding="utf-8") for row in read_index(set_dir)}
    published = published_figures(set_dir / "README.rst")
    outputs = load_outputs(set_dir / "output")

    print("| extractor | published F1 | ours F1 | Δ | published P | ours P | published R | ours R |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    deltas = []
    for name, predictions in outputs.items():
        ours = score_extractor(predictions, golds, "multiset", True, True, False)
        if name in published:
            f1, p, r = published[name]
            deltas.append(abs(ours.f1 - f1))
            print(f"| {name} | {f1:.3f} | {ours.f1:.3f} | {ours.f1 - f1:+.3f} | {p:.3f} | {ours.precision:.3f} "
                  f"| {r:.3f} | {ours.recall:.3f} |")
        else:
            print(f"| {name} | – | {ours.f1:.3f} | | – | {ours.precision:.3f} | – | {ours.recall:.3f} |")
    print(f"\n{len(deltas)} extractors with published figures: mean |ΔF1| {mean(deltas):.4f}, "
          f"max |ΔF1| {max(deltas):.4f}")

    if args.variants:
        print("\n| counting | lowercase | CJK tokens | empty output | mean |ΔF1| | max |ΔF1| | trafilatura F1 | readability_js F1 |")
        print("|---|---|---|---|---:|---:|---:|---:|")
        for counting, lowercase, cjk_aware, empty_as_zero in itertools.product(
            ("multiset", "set"), (True, False), (True, False), (False, True)
        ):
            figures = {
                name: score_extractor(outputs[name], golds, counting, lowercase, cjk_aware, empty_as_zero)
                for name in outputs
                if name in published
            }
            variant_deltas = [abs(figures[name].f1 - published[name][0]) for name in figures]
            print(f"| {counting} | {lowercase} | {cjk_aware} | {'precision 0' if empty_as_zero else 'dropped'} "
                  f"| {mean(variant_deltas):.4f} | {max(variant_deltas):.4f} "
                  f"| {figures['trafilatura'].f1:.3f} | {figures['readability_js'].f1:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
