"""The Python API's speed for bench/speed/run.py: webclean.extract_many over the pages of a list,
held in memory (gunzipped) before the clock starts, as the C++ API is timed by webclean_bench.

    python bench/speed/python_api.py LIST [--threads N] [--repeats R]

Prints one JSON object: pages, bytes, seconds (wall time of each repeat), cpu_seconds (the
process's CPU time of each repeat), maxrss_kb. Needs webclean importable (`pip install .`).
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import time
from pathlib import Path

import webclean


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("list", type=Path)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=1)
    args = parser.parse_args()
    pages = []
    for path in args.list.read_text(encoding="utf-8").split():
        data = Path(path).read_bytes()
        pages.append(gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data)
    webclean.extract_many(pages[:1], threads=1)  # what the first call sets up is no page's cost
    seconds, cpu = [], []
    for _ in range(args.repeats):
        cpu_start, start = cpu_seconds(), time.monotonic()
        webclean.extract_many(pages, threads=args.threads)
        seconds.append(time.monotonic() - start)
        cpu.append(cpu_seconds() - cpu_start)
    print(json.dumps({"pages": len(pages), "bytes": sum(map(len, pages)), "seconds": seconds, "cpu_seconds": cpu,
                      "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))


if __name__ == "__main__":
    main()
