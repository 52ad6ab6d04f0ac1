#!/usr/bin/env python3
"""Speed benchmark: pages/s, MB/s and peak RSS of webclean (CLI and C++ API), Gumbo parsing
alone, and the peers, on one core and on all cores, over the pages of every set.

    bench/peers/setup                        # once: the peers, in the benchmark's own environments
    python3 bench/speed/run.py               # builds build/webclean_bench, measures, prints tables
    python3 bench/speed/run.py --record      # ... and writes them into bench/RESULTS.md
    python3 bench/speed/run.py --sets mozilla-readability --repeats 3 --tools webclean-api,gumbo

Every tool gets the same pages: read into memory (and gunzipped) before the clock starts, except
the CLI, which is timed end to end on the files as a user runs it (reading, gunzip, JSON output).
The peers run in their own processes (bench/peers/workers.py) with the peer imported before the
clock starts; "all cores" runs one process (peers) or thread (webclean) per core over an even
share of the pages, and its time is the wall time until the last one is done. Each measurement is
repeated, the repeats interleaved across tools (so a burst of load from elsewhere hits all
alike), and the median is kept. MB are 10^6 bytes of page as served (after gunzip).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

SPEED_DIR = Path(__file__).resolve().parent
BENCH_DIR = SPEED_DIR.parent
sys.path.insert(0, str(BENCH_DIR))
sys.path.insert(0, str(BENCH_DIR / "peers"))
from accuracy import ALL_SETS, REPO_DIR, _cpu_model, default_shared_dir, read_index, record_results  # noqa: E402
from workers import PEERS, Worker, WorkerError, why_missing  # noqa: E402

RECORD_MARKERS = ("<!-- speed:begin -->", "<!-- speed:end -->")
OWN_TOOLS = ("webclean-cli", "webclean-api", "webclean-python", "gumbo", "gumbo-quiet")
TOOL_LABELS = {
    "webclean-cli": "webclean CLI",
    "webclean-api": "webclean C++ API",
    "webclean-python": "webclean Python extract_many",
    "gumbo": "Gumbo parse alone",
    "gumbo-quiet": "Gumbo parse alone, error list off",
}


@dataclass
class Sample:
    seconds: float  # wall time
    cpu_seconds: float  # CPU time of the processes: what the machine's other load does not inflate
    maxrss_kb: int  # the largest of the processes' peaks
    failed: int = 0


@dataclass
class Measure:
    tool: str
    set_name: str
    cores: int
    pages: int = 0
    bytes: int = 0
    samples: list[Sample] = field(default_factory=list)
    problem: Optional[str] = None

    @property
    def seconds(self) -> Optional[float]:
        return statistics.median(s.seconds for s in self.samples) if self.samples else None

    @property
    def cpu_seconds(self) -> Optional[float]:
        return statistics.median(s.cpu_seconds for s in self.samples) if self.samples else None

    @property
    def maxrss_mb(self) -> Optional[float]:
        return max(s.maxrss_kb for s in self.samples) / 1024 if self.samples else None


def build_tools(build_dir: Path) -> None:
    subprocess.run(["cmake", "-S", str(REPO_DIR), "-B", str(build_dir), "-DCMAKE_BUILD_TYPE=Release",
                    "-DWEBCLEAN_BUILD_BENCH=ON"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", str(build_dir), "--target", "webclean_cli", "--target", "webclean_bench"],
                   check=True, stdout=subprocess.DEVNULL)


def page_lists(shared: Path, set_names: list[str], limit: Optional[int], folder: Path) -> tuple[dict[str, Path], dict[str, str]]:
    """A file listing each set's pages, and every page's id by path."""
    lists, ids = {}, {}
    for name in set_names:
        rows = read_index(shared / "bench" / name)[:limit]
        lists[name] = folder / f"{name}.txt"
        lists[name].write_text("".join(f"{row.html_path.resolve()}\n" for row in rows), encoding="utf-8")
        ids.update({str(row.html_path.resolve()): row.id for row in rows})
    return lists, ids


def run_bench_program(program: Path, mode: str, list_file: Path, cores: int) -> tuple[int, int, Sample]:
    output = subprocess.run([str(program), mode, "--threads", str(cores), list_file], check=True,
                            capture_output=True, text=True).stdout
    result = json.loads(output)
    return result["pages"], result["bytes"], Sample(result["seconds"][0], result["cpu_seconds"][0], result["maxrss_kb"])


def python_for_api(requested: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """The interpreter that runs bench/speed/python_api.py (one that imports webclean), or why none."""
    candidates = [requested] if requested else [str(BENCH_DIR / ".venv" / "bin" / "python"), sys.executable]
    for python in candidates:
        if python and Path(python).exists() and subprocess.run(
                [python, "-c", "import webclean"], capture_output=True).returncode == 0:
            return python, None
    return None, "webclean is not importable (pip install . into " + (requested or "bench/.venv") + ")"


def run_python_api(python: str, list_file: Path, cores: int) -> tuple[int, int, Sample]:
    output = subprocess.run([python, str(SPEED_DIR / "python_api.py"), str(list_file), "--threads", str(cores)],
                            check=True, capture_output=True, text=True).stdout
    result = json.loads(output)
    return result["pages"], result["bytes"], Sample(result["seconds"][0], result["cpu_seconds"][0], result["maxrss_kb"])


def run_cli(cli: Path, list_file: Path, cores: int) -> Sample:
    started = time.monotonic()
    with open(os.devnull, "wb") as sink:
        process = subprocess.Popen([str(cli), "-q", "-f", "jsonl", "--input-list", str(list_file), "-j", str(cores)],
                                   stdout=sink, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
    return Sample(time.monotonic() - started, usage.ru_utime + usage.ru_stime, usage.ru_maxrss,
                  failed=int(os.waitstatus_to_exitcode(status) != 0))


class PeerPool:
    """`cores` worker processes of one peer, each holding an interleaved share of one set's pages."""

    def __init__(self, peer: str, paths: list[str], cores: int, timeout: float):
        self.timeout = timeout
        self.workers = [Worker(peer) for _ in range(cores)]
        loaded = [w.request({"cmd": "load", "paths": paths[i::cores]}, timeout) for i, w in enumerate(self.workers)]
        self.pages = sum(answer["pages"] for answer in loaded)
        self.bytes = sum(answer["bytes"] for answer in loaded)

    def run(self) -> Sample:
        for worker in self.workers:  # every worker starts at once: commands first, answers after
            worker.process.stdin.write(b'{"cmd": "run"}\n')
        answers = [worker._read_line(self.timeout) for worker in self.workers]
        return Sample(max(a["end"] for a in answers) - min(a["start"] for a in answers),
                      sum(a["cpu"] for a in answers), max(a["maxrss_kb"] for a in answers),
                      sum(a["failed"] for a in answers))

    def close(self) -> None:
        for worker in self.workers:
            worker.close()


def measure_all(tools: list[str], set_names: list[str], lists: dict[str, Path], core_counts: list[int],
                repeats: int, peer_repeats: int, build_dir: Path, timeout: float,
                python: Optional[str] = None) -> list[Measure]:
    measures = {(t, s, c): Measure(t, s, c) for t in tools for s in set_names for c in core_counts}
    program, cli = build_dir / "webclean_bench", build_dir / "webclean"
    for repeat in range(repeats):
        for set_name in set_names:
            paths = lists[set_name].read_text(encoding="utf-8").split()
            for cores in core_counts:
                for tool in tools:
                    m = measures[(tool, set_name, cores)]
                    if m.problem or (tool in PEERS and repeat >= peer_repeats):
                        continue
                    print(f"speed: repeat {repeat + 1}/{repeats}: {tool} on {set_name}, {cores} core(s)",
                          file=sys.stderr, flush=True)
                    try:
                        if tool in ("webclean-api", "gumbo", "gumbo-quiet"):
                            mode = "extract" if tool == "webclean-api" else tool
                            m.pages, m.bytes, sample = run_bench_program(program, mode, lists[set_name], cores)
                        elif tool == "webclean-cli":
                            sample = run_cli(cli, lists[set_name], cores)
                        elif tool == "webclean-python":
                            m.pages, m.bytes, sample = run_python_api(python, lists[set_name], cores)
                        else:
                            pool = PeerPool(tool, paths, cores, timeout)
                            m.pages, m.bytes = pool.pages, pool.bytes
                            try:
                                sample = pool.run()
                            finally:
                                pool.close()
                        m.samples.append(sample)
                    except (WorkerError, subprocess.CalledProcessError, OSError) as error:
                        m.problem = f"{type(error).__name__}: {error}"
    # The CLI reads the same pages; its page and byte counts are the API's.
    for (tool, set_name, cores), m in measures.items():
        if tool == "webclean-cli":
            api = measures.get(("webclean-api", set_name, cores))
            if api:
                m.pages, m.bytes = api.pages, api.bytes
            else:
                paths = lists[set_name].read_text(encoding="utf-8").split()
                m.pages = len(paths)
    return list(measures.values())


def memory_per_page(build_dir: Path, lists: dict[str, Path]) -> list[dict]:
    records = []
    for set_name, list_file in lists.items():
        output = subprocess.run([str(build_dir / "webclean_bench"), "memory", list_file], check=True,
                                capture_output=True, text=True).stdout
        for line in output.splitlines():
            record = json.loads(line)
            record["set"] = set_name
            records.append(record)
    return records


# ---------------------------------------------------------------------------------------------
# Tables


def _rate(amount: float, seconds: Optional[float], digits: int = 1) -> str:
    return f"{amount / seconds:.{digits}f}" if seconds else "–"


def tables(measures: list[Measure], set_names: list[str], core_counts: list[int], memory: list[dict]) -> str:
    by_key = {(m.tool, m.set_name, m.cores): m for m in measures}
    tools = list(dict.fromkeys(m.tool for m in measures))
    one, many = core_counts[0], core_counts[-1]
    lines = [
        f"Per set: pages/s and MB/s by wall time and by CPU time on {one} core; the same by wall time on "
        f"{many} cores with the speed-up over {one} core, and the CPU time the pages took on {many} cores over "
        f"{one} core (1.00: the cores do not slow each other down; on a loaded machine the wall-time speed-up "
        "says more about the other load than about the tool); peak RSS of the largest process; CPU time "
        "per page as a multiple of the webclean C++ API's (1 core).",
        "",
    ]
    for set_name in set_names:
        some = next((m for m in measures if m.set_name == set_name and m.bytes), None)
        if some is None:
            continue
        lines += [f"**{set_name}** ({some.pages} pages, {some.bytes / 1e6:.1f} MB):", ""]
        lines += [f"| tool | pages/s | MB/s | pages/s (CPU) | MB/s (CPU) | peak RSS MB | pages/s {many}c | MB/s {many}c "
                  f"| {many}c ÷ {one}c | CPU {many}c ÷ {one}c | CPU time ÷ webclean API |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        api = by_key.get(("webclean-api", set_name, one))
        for tool in tools:
            m1, mn = by_key[(tool, set_name, one)], by_key[(tool, set_name, many)]
            if m1.problem or not m1.samples:
                lines.append(f"| {TOOL_LABELS.get(tool, tool)} | " + " | ".join(["–"] * 10) + " |")
                continue
            pages, mb = m1.pages, m1.bytes / 1e6
            parallel = mn.samples and mn is not m1 and not mn.problem
            speedup = f"{m1.seconds / mn.seconds:.2f}×" if parallel else "–"
            # CPU time the same pages take on all cores over one core: 1.00 when the cores work
            # without getting in each other's way, whatever else the machine runs.
            cpu_growth = f"{mn.cpu_seconds / m1.cpu_seconds:.2f}" if parallel else "–"
            relative = f"{m1.cpu_seconds / api.cpu_seconds:.2f}×" if api and api.samples and api.cpu_seconds else "–"
            lines.append(
                f"| {TOOL_LABELS.get(tool, tool)} | {_rate(pages, m1.seconds)} | {_rate(mb, m1.seconds, 2)} "
                f"| {_rate(pages, m1.cpu_seconds)} | {_rate(mb, m1.cpu_seconds, 2)} "
                f"| {max(m1.maxrss_mb, mn.maxrss_mb if mn.samples else 0):.0f} "
                f"| {_rate(pages, mn.seconds) if mn is not m1 else '–'} "
                f"| {_rate(mb, mn.seconds, 2) if mn is not m1 else '–'} | {speedup} | {cpu_growth} | {relative} |"
            )
        problems = [f"- {TOOL_LABELS.get(m.tool, m.tool)}, {m.cores} core(s): {m.problem}"
                    for m in measures if m.set_name == set_name and m.problem]
        failed = [f"- {TOOL_LABELS.get(m.tool, m.tool)}, {m.cores} core(s): {max(s.failed for s in m.samples)} pages raised"
                  for m in measures if m.set_name == set_name and m.samples and any(s.failed for s in m.samples)]
        lines += [""] + (problems + failed + [""] if problems or failed else [])

    lines += target_lines(by_key, set_names, one, many, memory)
    if memory:
        lines += memory_lines(memory)
    return "\n".join(lines)


def memory_lines(memory: list[dict]) -> list[str]:
    """Per page: peak memory extract() adds over the page's size, as heap bytes and as resident memory,
    beside Gumbo alone's heap peak on the same page (the floor of a pipeline that hands Gumbo the whole
    page)."""
    large = [r for r in memory if r["bytes"] >= 64 * 1024]
    lines = [f"Peak memory extract() adds per page ÷ page size ({len(memory)} pages, every page extracted once "
             "before the first measurement; heap bytes: the most the process's heap held at once during the "
             "call over what it held before, every malloc counted byte for byte; resident: VmHWM over VmRSS, "
             "the peak reset and freed memory trimmed before each page, in 4 KiB steps; Gumbo alone: the heap "
             "peak of Gumbo parsing the page's UTF-8 with its error list off):", "",
             "| measure | median | max | pages over 10× | median, pages ≥ 64 KB | over 10×, pages ≥ 64 KB |",
             "|---|---:|---:|---:|---:|---:|"]
    for label, ratio in (("webclean, heap bytes", heap_ratio), ("webclean, resident", resident_ratio),
                         ("Gumbo alone, heap bytes", gumbo_ratio)):
        values = [ratio(r) for r in memory]
        big = [ratio(r) for r in large]
        lines.append(f"| {label} | {statistics.median(values):.2f}× | {max(values):.1f}× | {sum(v > 10 for v in values)} "
                     f"| {statistics.median(big) if big else 0:.2f}× | {sum(v > 10 for v in big)} |")
    below_gumbo = sum(r["heap_peak_added"] <= r["gumbo_heap_peak_added"] for r in memory)
    lines += ["", f"webclean adds no more heap than Gumbo alone needs on {below_gumbo} of {len(memory)} pages. "
              "Largest ratios (heap bytes):", "",
              "| set | page | page KB | heap added KB | ratio | resident added KB | ratio | Gumbo alone KB | ratio |",
              "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in sorted(memory, key=heap_ratio, reverse=True)[:10]:
        lines.append(f"| {r['set']} | {r['id']} | {r['bytes'] / 1024:.1f} | {r['heap_peak_added'] / 1024:.0f} "
                     f"| {heap_ratio(r):.1f}× | {r['peak_added_kb']} | {resident_ratio(r):.1f}× "
                     f"| {r['gumbo_heap_peak_added'] / 1024:.0f} | {gumbo_ratio(r):.1f}× |")
    biggest = sorted(memory, key=lambda r: -r["bytes"])[:3]
    lines += ["", "Largest pages: " + "; ".join(
        f"{r['id']} ({r['set']}) {r['bytes'] / 1024:.0f} KB, {r['heap_peak_added'] / 1024:.0f} KB heap added "
        f"({heap_ratio(r):.1f}×)" for r in biggest) + "."]
    return lines


def heap_ratio(record: dict) -> float:
    return record["heap_peak_added"] / max(record["bytes"], 1)


def resident_ratio(record: dict) -> float:
    return record["peak_added_kb"] * 1024 / max(record["bytes"], 1)


def gumbo_ratio(record: dict) -> float:
    return record["gumbo_heap_peak_added"] / max(record["bytes"], 1)


def target_lines(by_key: dict, set_names: list[str], one: int, many: int, memory: list[dict]) -> list[str]:
    """Issue 10's targets, on the mozilla-readability pages, by CPU time and by wall time."""
    target_set = "mozilla-readability"
    api = by_key.get(("webclean-api", target_set, one))
    if target_set not in set_names or not api or not api.samples:
        return []

    def get(tool: str, cores: int = one) -> Optional[Measure]:
        m = by_key.get((tool, target_set, cores))
        return m if m and m.samples and not m.problem else None

    rows = []
    for basis, seconds in (("CPU", lambda m: m.cpu_seconds), ("wall", lambda m: m.seconds)):
        mb_s = api.bytes / seconds(api) / 1e6
        rows.append((f"single core, C++ API, MB/s ({basis})", "≥ 60", f"{mb_s:.1f}"))
        if get("gumbo"):
            rows.append((f"÷ Gumbo parse alone ({basis})", "≥ 2×", f"{seconds(get('gumbo')) / seconds(api):.2f}×"))
        if get("trafilatura"):
            rows.append((f"pages/s ÷ trafilatura's ({basis})", "≥ 10×",
                         f"{seconds(get('trafilatura')) / seconds(api):.1f}×"))
        if get("resiliparse"):
            rows.append((f"time per page ÷ resiliparse's ({basis})", "≤ 2×",
                         f"{seconds(api) / seconds(get('resiliparse')):.2f}×"))
    if get("webclean-python"):
        for cores in sorted({one, many}):
            if get("webclean-python", cores) and get("webclean-api", cores):
                for basis, seconds in (("CPU", lambda m: m.cpu_seconds), ("wall", lambda m: m.seconds)):
                    rows.append((f"Python extract_many ÷ C++ API throughput, {cores} core(s) ({basis})", "≥ 0.90",
                                 f"{seconds(get('webclean-api', cores)) / seconds(get('webclean-python', cores)):.2f}"))
    for tool in ("webclean-api", "webclean-python", "webclean-cli"):
        if get(tool) and get(tool, many) and many != one:
            rows.append((f"{TOOL_LABELS[tool]}, {many} cores ÷ 1 core (wall)", "≥ 1.8×",
                         f"{get(tool).seconds / get(tool, many).seconds:.2f}×"))
            growth = get(tool, many).cpu_seconds / get(tool).cpu_seconds
            rows.append((f"{TOOL_LABELS[tool]}, {many} cores: speed-up if the cores were free ({many} ÷ CPU growth)",
                         "≥ 1.8×", f"{many / growth:.2f}×"))
    if memory:
        for what, ratio in (("heap bytes", heap_ratio), ("resident", resident_ratio)):
            ratios = [(ratio(r), r["bytes"]) for r in memory]
            over = sum(x > 10 for x, _ in ratios)
            rows.append((f"peak memory added ÷ page size ({what}), worst page", "≤ 10×",
                         f"{max(x for x, _ in ratios):.1f}× ({over} of {len(ratios)} pages over 10×)"))
            large = [x for x, size in ratios if size >= 64 * 1024]
            if large:
                rows.append((f"the same, worst page of 64 KB or more", "≤ 10×",
                              f"{max(large):.1f}× ({sum(x > 10 for x in large)} of {len(large)} over 10×)"))
    lines = [f"Targets (issue 10), on the {target_set} pages:", "", "| what | target | measured |", "|---|---:|---:|"]
    lines += [f"| {what} | {target} | {measured} |" for what, target, measured in rows]
    return lines + [""]


def machine_note(loads: list[str]) -> str:
    return (f"{os.cpu_count()} CPUs ({_cpu_model()}), {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB; "
            f"load average (1/5/15 min) before and after: {loads[0]} → {loads[-1]}.")


def loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def from_json(args: argparse.Namespace, argv: Optional[list[str]]) -> int:
    measures, memory, notes, commands = [], [], [], []
    for path in args.from_json:
        saved = json.loads(path.read_text(encoding="utf-8"))
        for record in saved["measures"]:
            measures.append(Measure(record["tool"], record["set"], record["cores"], record["pages"], record["bytes"],
                                    [Sample(**sample) for sample in record["samples"]], record["problem"]))
        memory += saved["memory"]
        notes += saved.get("notes", [])
        commands.append(saved.get("command") or str(path))
    # A tool another run did not measure on a set shows as "–".
    tools = list(dict.fromkeys(m.tool for m in measures))
    set_names = list(dict.fromkeys(m.set_name for m in measures if m.samples))
    core_counts = sorted({m.cores for m in measures})
    present = {(m.tool, m.set_name, m.cores) for m in measures}
    measures += [Measure(t, s, c, problem="not measured in this run") for t in tools for s in set_names
                 for c in core_counts if (t, s, c) not in present]
    text = "\n".join(dict.fromkeys(notes)) + "\n\n" + tables(measures, set_names, core_counts, memory)
    print(text)
    if args.record:
        record_results(text, "\n    ".join(commands), RECORD_MARKERS)
    return 0


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=default_shared_dir())
    parser.add_argument("--sets", default=",".join(ALL_SETS), help="comma-separated sets (default: all)")
    parser.add_argument("--tools", default=",".join(OWN_TOOLS + PEERS),
                        help="comma-separated: " + ", ".join(OWN_TOOLS + PEERS) + " (default: all installed)")
    parser.add_argument("--limit", type=int, help="only the first N pages of each set")
    parser.add_argument("--repeats", type=int, default=3, help="measurements per tool, set and core count (median kept)")
    parser.add_argument("--peer-repeats", type=int, help="measurements of each peer (default: --repeats); the "
                        "peers take minutes per pass and are ten times slower, so fewer do")
    parser.add_argument("--cores", default=f"1,{os.cpu_count() or 1}", help="core counts to measure (default %(default)s)")
    parser.add_argument("--build-dir", type=Path, default=REPO_DIR / "build")
    parser.add_argument("--python", help="interpreter with webclean installed, for webclean-python "
                        "(default: bench/.venv's, else this one)")
    parser.add_argument("--no-build", action="store_true", help="use the binaries in --build-dir as they are")
    parser.add_argument("--no-memory", action="store_true", help="skip the per-page memory run")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds one peer may take over one set")
    parser.add_argument("--json", type=Path, help="write every sample to FILE")
    parser.add_argument("--record", action="store_true", help="write the tables into bench/RESULTS.md")
    parser.add_argument("--from-json", type=Path, nargs="+", metavar="FILE",
                        help="measure nothing: show (and with --record, record) the samples --json runs saved "
                             "(several runs over different sets or tools are shown together)")
    args = parser.parse_args(argv)
    if args.from_json:
        return from_json(args, argv)

    set_names = [n.strip() for n in args.sets.split(",") if n.strip()]
    core_counts = sorted({int(c) for c in args.cores.split(",")})
    tools, skipped, python = [], [], None
    for tool in [t.strip() for t in args.tools.split(",") if t.strip()]:
        if tool not in OWN_TOOLS + PEERS:
            print(f"speed: unknown tool {tool}", file=sys.stderr)
            return 2
        missing = why_missing(tool) if tool in PEERS else None
        if tool == "webclean-python":
            python, missing = python_for_api(args.python)
        (skipped.append(f"{tool}: {missing}") if missing else tools.append(tool))
    if not args.no_build:
        build_tools(args.build_dir)

    loads = [loadavg()]
    peer_versions = []
    for peer in (t for t in tools if t in PEERS):
        try:
            worker = Worker(peer)
            peer_versions.append(f"{peer} {worker.version}")
            worker.close()
        except WorkerError:
            pass
    command = shlex.join(["python3", os.path.relpath(sys.argv[0], REPO_DIR)] + (argv if argv is not None else sys.argv[1:]))

    def report(measures: list[Measure], done: list[str], memory: list[dict]) -> None:
        """Tables for the sets measured so far: written after each set, so a long run that is
        stopped keeps what it measured."""
        notes = [f"Machine: {machine_note(loads + [loadavg()])} Median of {args.repeats} runs"
                 + (f" ({args.peer_repeats} for the peers)" if args.peer_repeats is not None else "")
                 + ", interleaved across tools."]
        if peer_versions:
            notes.append("Peers: " + "; ".join(peer_versions) + ".")
        if skipped:
            notes.append("Not run: " + "; ".join(skipped) + ".")
        if args.limit:
            notes.append(f"Only the first {args.limit} pages of each set.")
        if len(done) < len(set_names):
            notes.append(f"Sets measured so far: {', '.join(done)} (of {', '.join(set_names)}).")
        text = "\n".join(notes) + "\n\n" + tables(measures, done, core_counts, memory)
        if len(done) == len(set_names):
            print(text)
        if args.json:
            args.json.write_text(json.dumps({
                "measures": [{"tool": m.tool, "set": m.set_name, "cores": m.cores, "pages": m.pages, "bytes": m.bytes,
                              "problem": m.problem, "samples": [s.__dict__ for s in m.samples]} for m in measures],
                "memory": memory, "loadavg": loads + [loadavg()], "notes": notes, "command": command,
                "date": datetime.datetime.now(datetime.timezone.utc).isoformat()}, indent=1), encoding="utf-8")
        if args.record:
            record_results(text, command, RECORD_MARKERS)

    with tempfile.TemporaryDirectory() as folder:
        lists, ids = page_lists(args.shared, set_names, args.limit, Path(folder))
        memory = [] if args.no_memory or "webclean-api" not in tools else memory_per_page(args.build_dir, lists)
        for record in memory:
            record["id"] = ids.get(record["path"], Path(record["path"]).name)
        peer_repeats = args.repeats if args.peer_repeats is None else args.peer_repeats
        measures: list[Measure] = []
        for index, set_name in enumerate(set_names):
            measures += measure_all(tools, [set_name], lists, core_counts, args.repeats, peer_repeats,
                                    args.build_dir, args.timeout, python)
            report(measures, set_names[: index + 1], memory)
    return 0


if __name__ == "__main__":
    sys.exit(main())
