"""Thread scaling of the Python bindings: extract_many(threads=N) and N Python threads calling
extract(), against one thread, over the corpus inputs repeated. Needs `pip install .` first.

    python bench/python_threads.py [--copies 20] [--rounds 5] [--threads 2]

Prints the median wall time of each and the speedup. For a reading of what the machine can give
at all, it also times N processes of pure-Python arithmetic against one (1.0x there means the
machine has no spare core right now, and no thread count can help).
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import webclean

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def median_seconds(run, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def arithmetic(_: int) -> int:
    total = 0
    for i in range(5_000_000):
        total += i
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=20, help="times each corpus input is repeated")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    pages = [path.read_bytes() for path in sorted(CORPUS.glob("*/input.*"))] * args.copies
    n = args.threads

    def python_threads(count: int):
        with ThreadPoolExecutor(count) as pool:
            list(pool.map(webclean.extract, pages))

    def processes(count: int):
        with multiprocessing.Pool(count) as pool:
            pool.map(arithmetic, range(count))

    rows = [
        ("extract_many(threads=N)", lambda count: webclean.extract_many(pages, threads=count), len(pages)),
        ("N Python threads, extract()", python_threads, len(pages)),
        ("N processes, same arithmetic each (machine check)", processes, None),
    ]
    print(f"webclean {webclean.__version__}, {len(pages)} pages, N={n}, median of {args.rounds}")
    for name, run, count in rows:
        one = median_seconds(lambda: run(1), args.rounds)
        many = median_seconds(lambda: run(n), args.rounds)
        # Processes each do the same work, so their ideal is equal time; threads share the pages.
        speedup = one * n / many if count is None else one / many
        print(f"{name}: 1 -> {one:.2f}s, N -> {many:.2f}s, speedup {speedup:.2f}x")


if __name__ == "__main__":
    main()
