#!/usr/bin/env python3
"""Decoding figures on cwced-zh: replacement characters per page, and uchardet against ICU.

Runs build/webclean_decode_check (bench/decode_check.cpp) over the 69 cwced-zh pages and checks
its answers with Python's own codecs, which share no code with ICU or uchardet:

* A page is *valid in its charset* when Python decodes it strictly as UTF-8, else as the charset
  its <meta> declares, else as GB18030. Every valid page must decode with zero replacements, in
  the same charset (GBK and GB18030 count as one: the Encoding Standard decodes GBK with the
  GB18030 decoder). Pages valid in none are listed with both replacement counts.
* Detectors, every label ignored: each guess on the whole raw pages, then on the pages' text
  (tags stripped) re-encoded as GB18030, and as Big5 after ICU's Hans-Hant transliteration to
  traditional characters (`uconv`, from icu-devtools, which libicu-dev pulls in), in slices of
  300, 1000 and 3000 bytes and whole: the way short or markup-poor pages reach a detector.

    python3 bench/decode_check.py            # tables on stdout
    python3 bench/decode_check.py --pages    # also one line per page
    python3 bench/decode_check.py --record   # rewrite the decoding section of bench/RESULTS.md

Exit status: 0 when every valid page decodes with zero replacements in its charset, 1 when one
does not, 2 when the tool or the data is missing.
"""
import argparse
import datetime
import html
import os
import platform
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"
BEGIN, END = "<!-- decode:begin -->", "<!-- decode:end -->"
SLICES = (20, 40, 80, 160, 300, 1000, None)  # bytes; None is the whole text

# Canonical names (as the decode stage gives them) -> Python codec.
CODECS = {"utf-8": "utf-8", "gbk": "gb18030", "gb18030": "gb18030", "big5": "big5hkscs",
          "windows-1252": "cp1252", "euc-jp": "euc_jp", "shift_jis": "shift_jis", "euc-kr": "cp949"}
FAMILY = {"gbk": "gb", "gb18030": "gb", "gb2312": "gb"}

META_CHARSET = re.compile(rb"<meta[^>]*charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def family(charset):
    charset = (charset or "").lower()
    return FAMILY.get(charset, charset)


def codec_for(label):
    label = label.lower()
    if label in ("gb2312", "gbk", "gb18030", "x-gbk", "cp936"):
        return "gb18030"
    return CODECS.get(label, label)


def strictly_decodes(data, codec):
    try:
        data.decode(codec)
        return True
    except (UnicodeDecodeError, LookupError):
        return False


def page_truth(data):
    """(charset family, codec) the page is valid in, or (None, codec tried last) if none."""
    candidates = [("utf-8", "utf-8")]
    match = META_CHARSET.search(data[:4096])
    if match:
        label = match.group(1).decode("ascii").lower()
        candidates.append((label, codec_for(label)))
    candidates.append(("gb18030", "gb18030"))
    for label, codec in candidates:
        if strictly_decodes(data, codec):
            return family(label), codec
    return None, candidates[-1][1] if len(candidates) == 2 else candidates[1][1]


def visible_text(markup):
    markup = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", markup)
    markup = re.sub(r"(?s)<!--.*?-->", " ", markup)
    markup = re.sub(r"(?s)<[^>]*>", " ", markup)
    return re.sub(r"\s+", " ", html.unescape(markup)).strip()


def to_traditional(text):
    """Simplified -> traditional characters, as Big5 pages are written; None without uconv."""
    try:
        done = subprocess.run(["uconv", "-f", "utf-8", "-t", "utf-8", "-x", "Hans-Hant"], input=text.encode("utf-8"),
                              capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return done.stdout.decode("utf-8")


def run_tool(tool, paths):
    out = subprocess.run([str(tool), *map(str, paths)], check=True, capture_output=True, text=True).stdout
    rows, seconds = {}, {}
    for line in out.splitlines():
        fields = line.split("\t")
        if line.startswith("#"):
            seconds = {fields[1]: float(fields[2]), fields[3]: float(fields[4])}
            continue
        path, charset, replaced, meta, uchardet, icu = fields
        rows[path] = {"charset": charset, "replaced": int(replaced), "meta": meta,
                      "uchardet": uchardet, "icu": icu}
    return rows, seconds


def slice_bytes(text, codec, limit):
    """The text encoded, cut to at most limit bytes at a character boundary."""
    data = text.encode(codec, errors="ignore")
    if limit is None or len(data) <= limit:
        return data
    cut = data[:limit]
    while cut and not strictly_decodes(cut, codec):
        cut = cut[:-1]
    return cut


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tool", default=str(ROOT / "build" / "webclean_decode_check"))
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--pages", action="store_true", help="one line per page")
    parser.add_argument("--record", action="store_true", help="rewrite the decoding section of RESULTS.md")
    args = parser.parse_args()

    tool = Path(args.tool)
    pages_dir = Path(args.shared) / "bench" / "cwced-zh" / "original"
    if not tool.exists():
        print(f"no {tool}: build it with cmake --build build --target webclean_decode_check", file=sys.stderr)
        return 2
    pages = sorted(pages_dir.glob("*.html"))
    if not pages:
        print(f"no pages in {pages_dir}", file=sys.stderr)
        return 2

    rows, seconds = run_tool(tool, pages)
    lines = []
    out = lines.append

    # --- Replacements -------------------------------------------------------------------------
    valid = clean = wrong_charset = 0
    by_charset = {}
    invalid_pages, page_lines, legacy_pages = [], [], []
    for path in pages:
        data = path.read_bytes()
        row = rows[str(path)]
        truth, codec = page_truth(data)
        by_charset[row["charset"]] = by_charset.get(row["charset"], 0) + 1
        if truth != "utf-8" and truth is not None or truth is None and codec != "utf-8":
            legacy_pages.append((path, data, truth or family(codec), codec))
        if truth is None:
            python_replaced = data.decode(codec, errors="replace").count("\ufffd")
            invalid_pages.append((path.name, row["charset"], row["replaced"], codec, python_replaced))
        else:
            valid += 1
            clean += row["replaced"] == 0
            wrong_charset += family(row["charset"]) != truth
        page_lines.append(f"| {path.stem} | {row['charset']} | {row['replaced']} | "
                          f"{truth or 'none'} | {row['meta'] or '–'} | {row['uchardet'] or '–'} | {row['icu'] or '–'} |")

    out(f"{len(pages)} pages: " + ", ".join(f"{n} {c}" for c, n in sorted(by_charset.items())) + ".")
    out("")
    out("| pages | valid in their charset | of those, decoded with 0 replacements | in another charset | "
        "not valid in any |")
    out("|---:|---:|---:|---:|---:|")
    out(f"| {len(pages)} | {valid} | {clean} | {wrong_charset} | {len(invalid_pages)} |")
    if invalid_pages:
        out("")
        out("Pages that are not valid in their charset (broken byte sequences in the page itself):")
        out("")
        out("| page | decoded as | replaced | Python's codec | Python's replacements |")
        out("|---|---|---:|---|---:|")
        for name, charset, replaced, codec, python_replaced in invalid_pages:
            out(f"| {name} | {charset} | {replaced} | {codec} | {python_replaced} |")

    # --- Detectors ----------------------------------------------------------------------------
    def score(samples, guesses):
        right = {"uchardet": 0, "icu": 0, "combined": 0}
        silent = {"uchardet": 0, "icu": 0}
        for key, expected in samples:
            row = guesses[key]
            for detector in ("uchardet", "icu"):
                right[detector] += family(row[detector]) == expected
                silent[detector] += not row[detector]
            combined = row["uchardet"] or row["icu"]  # what decode does: uchardet, ICU as fallback
            right["combined"] += family(combined) == expected
        return right, silent

    out("")
    out("Detectors with every label ignored: right guesses (no answer counts as wrong; "
        "GBK and GB18030 are one family). `uchardet→ICU` is what decode uses: ICU only when uchardet "
        "has no answer.")
    out("")
    out("| sample | n | uchardet | ICU | uchardet→ICU | no answer (uchardet / ICU) |")
    out("|---|---:|---:|---:|---:|---:|")

    whole = [(str(p), page_truth(p.read_bytes())[0] or "gb") for p in pages]
    right, silent = score(whole, rows)
    out(f"| whole pages, raw bytes | {len(whole)} | {right['uchardet']} | {right['icu']} | {right['combined']} | "
        f"{silent['uchardet']} / {silent['icu']} |")
    legacy = [(str(p), t) for p, _, t, _ in legacy_pages]
    right, silent = score(legacy, rows)
    out(f"| whole pages, raw bytes, not UTF-8 | {len(legacy)} | {right['uchardet']} | {right['icu']} | {right['combined']} | "
        f"{silent['uchardet']} / {silent['icu']} |")

    with tempfile.TemporaryDirectory(prefix="webclean-decode-") as scratch:
        samples = {}
        for path in pages:
            data = path.read_bytes()
            _, codec = page_truth(data)
            text = visible_text(data.decode(codec, errors="replace").replace("\ufffd", ""))
            traditional = to_traditional(text)
            for target, target_codec, source in (("gb", "gb18030", text), ("big5", "big5hkscs", traditional)):
                if source is None:
                    continue
                for limit in SLICES:
                    sample = slice_bytes(source, target_codec, limit)
                    if len(sample) < (limit or 1) // 2:
                        continue  # the page has too little text for this slice
                    file = Path(scratch) / f"{path.stem}.{target}.{limit or 'all'}"
                    file.write_bytes(sample)
                    samples.setdefault((target, limit), []).append((str(file), target))
        all_files = [f for group in samples.values() for f, _ in group]
        guesses, _ = run_tool(tool, all_files)
        for (target, limit), group in sorted(samples.items(), key=lambda kv: (kv[0][0], kv[0][1] or 10**9)):
            right, silent = score(group, guesses)
            name = f"text as {'GB18030' if target == 'gb' else 'traditional, Big5'}, " \
                   f"{f'{limit} bytes' if limit else 'whole'}"
            out(f"| {name} | {len(group)} | {right['uchardet']} | {right['icu']} | {right['combined']} | "
                f"{silent['uchardet']} / {silent['icu']} |")

    out("")
    out(f"Time in the detectors over the {len(pages)} whole pages (each sees at most 64 KiB): "
        f"uchardet {seconds.get('uchardet', 0):.3f} s, ICU {seconds.get('icu', 0):.3f} s.")

    if args.pages:
        out("")
        out("| page | decoded as | replaced | valid in (Python) | meta | uchardet | ICU |")
        out("|---|---|---:|---|---|---|---|")
        lines.extend(page_lines)

    report = "\n".join(lines)
    print(report)

    if args.record:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        section = (f"{BEGIN}\nRecorded {now}, commit `{commit}`, on {os.cpu_count()} CPUs ({platform.machine()}).\n\n"
                   f"    cmake --build build --target webclean_decode_check && python3 bench/decode_check.py --record\n\n"
                   f"{report}\n{END}")
        text = RESULTS.read_text(encoding="utf-8")
        if BEGIN in text and END in text:
            text = text[:text.index(BEGIN)] + section + text[text.index(END) + len(END):]
        else:
            text = text.rstrip("\n") + "\n\n## Decoding\n\nWritten by `python3 bench/decode_check.py --record` " \
                   "(see the script's docstring for what is counted).\n\n" + section + "\n"
        RESULTS.write_text(text, encoding="utf-8")

    return 0 if clean == valid and wrong_charset == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
