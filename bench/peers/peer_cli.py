#!/usr/bin/env python3
"""A peer extractor behind webclean's batch contract, so bench/accuracy.py scores it as it scores
webclean:

    peer_cli.py --peer trafilatura -f jsonl --input-list FILE [-j N] [--page-timeout S]

One JSON object per input, in input order: `input`, `text`, `title`, `author`, `date`, `error`
(always null), plus `peer_failure` (null, or why the peer gave nothing: an exception, a timeout,
a crash), `seconds` (extraction time) and `version`. A failure is scored as an empty output, as a
user of the peer would get, and counted by bench/peers/run.py.

Outputs are cached in bench/.cache/peers/<peer>/ by the page's content (delete the folder
after upgrading a peer); --no-cache ignores and rewrites the cache.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import queue
import sys
import threading
from pathlib import Path
from typing import Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))
from workers import CACHE_DIR, PEERS, Worker, WorkerError, why_missing  # noqa: E402


def cache_file(peer: str, path: str) -> Path:
    # Keyed by the page's bytes, not its path or mtime: a fresh copy of the sets (as on every new
    # machine) still finds the outputs of the same pages.
    key = hashlib.sha1(Path(path).read_bytes()).hexdigest()
    return CACHE_DIR / peer / f"{key}.json"


def cached(peer: str, path: str) -> Optional[dict]:
    try:
        return json.loads(cache_file(peer, path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def extract_all(peer: str, paths: list[str], jobs: int, page_timeout: float) -> dict[str, dict]:
    """Runs the pages through `jobs` workers; a worker that times out or dies is replaced."""
    results: dict[str, dict] = {}
    todo: queue.Queue = queue.Queue()
    for path in paths:
        todo.put(path)

    def work() -> None:
        worker: Optional[Worker] = None
        while True:
            try:
                path = todo.get_nowait()
            except queue.Empty:
                break
            try:
                if worker is None:
                    worker = Worker(peer)
                answer = worker.request({"cmd": "extract", "path": path}, page_timeout)
                failure = answer.pop("exception", None)
                record = {"text": "", **answer, "version": worker.version, "peer_failure": failure}
            except WorkerError as error:
                worker = None
                record = {"text": "", "seconds": None, "version": None, "peer_failure": str(error)}
            results[path] = record
        if worker is not None:
            worker.close()

    threads = [threading.Thread(target=work) for _ in range(max(1, jobs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--peer", choices=PEERS, required=True)
    parser.add_argument("-f", "--format", choices=["jsonl"], required=True)
    parser.add_argument("--input-list", type=Path, required=True)
    parser.add_argument("-j", "--jobs", type=int, default=1)
    parser.add_argument("--page-timeout", type=float, default=60.0, help="seconds per page (default %(default)s)")
    parser.add_argument("--no-cache", action="store_true", help="extract every page again")
    args = parser.parse_args(argv)

    missing = why_missing(args.peer)
    if missing:
        print(f"peer_cli: {args.peer}: {missing}", file=sys.stderr)
        return 2
    inputs = [line for line in args.input_list.read_text(encoding="utf-8").split("\n") if line.strip()]
    records = {} if args.no_cache else {path: r for path in inputs if (r := cached(args.peer, path))}
    fresh = extract_all(args.peer, [p for p in inputs if p not in records], args.jobs, args.page_timeout)
    for path, record in fresh.items():
        target = cache_file(args.peer, path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    records.update(fresh)

    for path in inputs:
        record = {key: None for key in ("title", "author", "date")}
        record.update(records[path])
        record.update(input=path, error=None)
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
