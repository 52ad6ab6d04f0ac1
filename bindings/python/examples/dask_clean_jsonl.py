"""Cleans a JSONL corpus of scraped pages with webclean on a Dask cluster.

Each input line is a JSON object holding the page (``--html-field``, default ``html``) and,
optionally, its URL (``--url-field``, default ``url``). Each output line is the input object
with the page replaced by webclean's metadata and ``text``; pages without an article are left
out (``--keep-empty`` keeps them with ``text: null``). Input files may be gzip-compressed
(``.gz``). Output goes to OUTPUT_DIR as ``part-*.jsonl``, one file per input partition.

    python dask_clean_jsonl.py crawl-*.jsonl.gz cleaned/ --workers 4 --favor-precision

Without ``--scheduler`` the script starts a ``distributed.LocalCluster`` of ``--workers``
single-threaded processes; with ``--scheduler tcp://host:8786`` it uses that cluster instead
(its workers need webclean installed). The ``webclean.Options`` made here is pickled and
shipped to every worker.
"""

from __future__ import annotations

import argparse
import json
from typing import Any, Iterable, Optional

import dask.bag as db
from distributed import Client, LocalCluster

import webclean


def clean_partition(
    records: Iterable[dict[str, Any]],
    options: webclean.Options,
    html_field: str,
    url_field: str,
    keep_empty: bool,
) -> list[dict[str, Any]]:
    """Cleans one partition's records in one native batch (webclean's own threads, GIL free)."""
    records = list(records)
    documents = webclean.extract_many(
        [record.get(html_field) or "" for record in records],
        [record.get(url_field) for record in records],
        threads=1,  # Dask already runs one task per worker thread
        bare=True,
        options=options,
    )
    cleaned = []
    for record, document in zip(records, documents):
        if document is None and not keep_empty:
            continue
        out = {key: value for key, value in record.items() if key != html_field}
        if document is None:
            out["text"] = None
        else:
            out.update({key: value for key, value in document.as_dict().items() if key not in out})
        cleaned.append(out)
    return cleaned


def clean_corpus(
    inputs: list[str],
    output_dir: str,
    options: webclean.Options,
    html_field: str = "html",
    url_field: str = "url",
    keep_empty: bool = False,
    blocksize: Optional[str] = "64MiB",
) -> list[str]:
    """Builds and runs the Dask graph on the current client; returns the files written."""
    compression = "gzip" if all(path.endswith(".gz") for path in inputs) else None
    # Compressed files cannot be split: one partition per file.
    bag = db.read_text(inputs, blocksize=None if compression else blocksize, compression=compression)
    records = bag.filter(str.strip).map(json.loads)
    cleaned = records.map_partitions(
        clean_partition, options=options, html_field=html_field, url_field=url_field, keep_empty=keep_empty
    )
    lines = cleaned.map(lambda record: json.dumps(record, ensure_ascii=False))
    return lines.to_textfiles(f"{output_dir}/part-*.jsonl", encoding="utf-8")


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", help="JSONL files (.jsonl or .jsonl.gz)")
    parser.add_argument("output_dir", help="directory for the cleaned part-*.jsonl files")
    parser.add_argument("--workers", type=int, default=2, help="local worker processes (default 2)")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler instead of a local cluster")
    parser.add_argument("--html-field", default="html")
    parser.add_argument("--url-field", default="url")
    parser.add_argument("--keep-empty", action="store_true", help="keep pages without an article")
    parser.add_argument("--favor-precision", action="store_true")
    parser.add_argument("--favor-recall", action="store_true")
    parser.add_argument("--no-comments", action="store_true")
    parser.add_argument("--no-tables", action="store_true")
    parser.add_argument("--deduplicate", action="store_true")
    parser.add_argument("--target-language")
    args = parser.parse_args(argv)

    options = webclean.Options(
        favor_precision=args.favor_precision,
        favor_recall=args.favor_recall,
        include_comments=not args.no_comments,
        include_tables=not args.no_tables,
        deduplicate=args.deduplicate,
        target_language=args.target_language,
    )
    if args.scheduler:
        with Client(args.scheduler):
            files = clean_corpus(args.inputs, args.output_dir, options, args.html_field, args.url_field, args.keep_empty)
    else:
        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True) as cluster, Client(cluster):
            files = clean_corpus(args.inputs, args.output_dir, options, args.html_field, args.url_field, args.keep_empty)
    print(f"wrote {len(files)} file(s) to {args.output_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
