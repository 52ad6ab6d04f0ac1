"""Text and metadata scoring for the accuracy benchmark.

Text: 4-gram shingles of lowercased tokens, precision and recall per page, averaged over pages,
F1 of the two means (the Article Extraction Benchmark convention). Tokens are `\\w+` runs, except
that every Han, Kana or Hangul character is a token of its own: plain `\\w+` would turn a whole
Chinese sentence into one token, so one wrong character would cost the whole sentence.

Only the standard library is used, so the harness runs wherever Python 3.9+ does.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from statistics import mean
from typing import Iterable, Optional, Sequence

SHINGLE_SIZE = 4

# Scripts written without spaces between words: each character counts as one token.
CJK_CHARACTER_RANGES = (
    "\u1100-\u11ff"  # Hangul Jamo
    "\u2e80-\u2fdf"  # CJK radicals, Kangxi radicals
    "\u3005\u3007"  # iteration mark, ideographic zero
    "\u3040-\u30ff"  # Hiragana, Katakana (with the prolonged sound mark)
    "\u3130-\u318f"  # Hangul compatibility Jamo
    "\u31f0-\u31ff"  # Katakana phonetic extensions
    "\u3400-\u4dbf"  # CJK extension A
    "\u4e00-\u9fff"  # CJK unified ideographs
    "\ua960-\ua97f"  # Hangul Jamo extended A
    "\uac00-\ud7ff"  # Hangul syllables, Jamo extended B
    "\uf900-\ufaff"  # CJK compatibility ideographs
    "\uff66-\uff9f"  # halfwidth Katakana
    "\U00020000-\U0003134f"  # CJK extensions B to G
)
# A CJK character alone, or a run of word characters that are not CJK.
CJK_AWARE_TOKEN = re.compile(f"[{CJK_CHARACTER_RANGES}]|[^\\W{CJK_CHARACTER_RANGES}]+")
PLAIN_TOKEN = re.compile(r"\w+")


def tokenize(text: Optional[str], cjk_aware: bool = True, lowercase: bool = True) -> list[str]:
    """Tokens of `text` (lowercased unless asked not to); None and "" give no tokens."""
    if not text:
        return []
    pattern = CJK_AWARE_TOKEN if cjk_aware else PLAIN_TOKEN
    return pattern.findall(text.lower() if lowercase else text)


def shingles(tokens: Sequence[str], size: int = SHINGLE_SIZE) -> list[tuple[str, ...]]:
    """Overlapping `size`-grams; fewer tokens than `size` give one shingle of all of them
    (so a two-word text still has something to match), no tokens give none."""
    if not tokens:
        return []
    if len(tokens) < size:
        return [tuple(tokens)]
    return [tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1)]


@dataclass(frozen=True)
class TextScore:
    """One page's text score. `precision` is None when the prediction has no shingles and
    `recall` is None when the gold has none: those pages drop out of that mean, as in the
    AEB evaluation (an empty prediction still costs recall, since the gold is non-empty)."""

    precision: Optional[float]
    recall: Optional[float]

    @property
    def f1(self) -> float:
        """Per-page F1; an undefined side counts as 0 here (nothing extracted is a miss)."""
        p, r = self.precision or 0.0, self.recall or 0.0
        return 2 * p * r / (p + r) if p + r > 0 else 0.0


FAILED_PAGE = TextScore(precision=0.0, recall=0.0)


def score_text(
    predicted: Optional[str],
    gold: str,
    counting: str = "multiset",
    cjk_aware: bool = True,
    lowercase: bool = True,
) -> TextScore:
    """Shingle precision and recall of `predicted` against `gold`.

    counting="multiset": a shingle repeated n times in the gold can be matched n times (what the
    AEB `evaluate.py` does: it counts shingles and takes the minimum of the counts).
    counting="set": each distinct shingle counts once.
    """
    predicted_shingles = shingles(tokenize(predicted, cjk_aware, lowercase))
    gold_shingles = shingles(tokenize(gold, cjk_aware, lowercase))
    if counting == "multiset":
        predicted_counts, gold_counts = Counter(predicted_shingles), Counter(gold_shingles)
        matched = sum((predicted_counts & gold_counts).values())
        predicted_total, gold_total = len(predicted_shingles), len(gold_shingles)
    elif counting == "set":
        predicted_set, gold_set = set(predicted_shingles), set(gold_shingles)
        matched = len(predicted_set & gold_set)
        predicted_total, gold_total = len(predicted_set), len(gold_set)
    else:
        raise ValueError(f"counting must be 'set' or 'multiset', not {counting!r}")
    return TextScore(
        precision=matched / predicted_total if predicted_total else None,
        recall=matched / gold_total if gold_total else None,
    )


@dataclass(frozen=True)
class SetFigures:
    pages: int
    precision: float
    recall: float
    f1: float  # harmonic mean of the mean precision and the mean recall
    mean_page_f1: float


def aggregate(scores: Iterable[TextScore], empty_precision_as_zero: bool = False) -> Optional[SetFigures]:
    """Set-level figures; None when there is nothing to average. By default a page whose
    prediction is empty drops out of the precision mean (AEB); `empty_precision_as_zero` counts
    it as precision 0 instead (only for comparing conventions)."""
    scores = list(scores)
    if not scores:
        return None
    if empty_precision_as_zero:
        scores_for_precision = [TextScore(s.precision or 0.0, s.recall) for s in scores]
    else:
        scores_for_precision = scores
    precisions = [s.precision for s in scores_for_precision if s.precision is not None]
    recalls = [s.recall for s in scores if s.recall is not None]
    precision = mean(precisions) if precisions else 0.0
    recall = mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    return SetFigures(
        pages=len(scores),
        precision=precision,
        recall=recall,
        f1=f1,
        mean_page_f1=mean(s.f1 for s in scores),
    )


# ---------------------------------------------------------------------------------------------
# Snippets and metadata

_WHITESPACE = re.compile(r"\s+")


def fold_whitespace(text: Optional[str]) -> str:
    return _WHITESPACE.sub(" ", text or "").strip()


def snippet_present(snippet: str, text: Optional[str]) -> bool:
    """Whether `snippet` occurs in `text` once both are whitespace-folded and lowercased."""
    return fold_whitespace(snippet).lower() in fold_whitespace(text).lower()


# Typographic quotes fold to ASCII ones: wcxb's hand-written gold types "'" where the page has "’".
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def _fold_title(text: Optional[str]) -> str:
    return fold_whitespace(text).translate(_QUOTES)


def title_matches_exactly(predicted: Optional[str], gold: str) -> bool:
    """Equal after whitespace and quote folding (case counts)."""
    return _fold_title(predicted) == _fold_title(gold)


# Where a title meets the site or section name around it: " | Site", " - Site", "_频道_网站".
_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-{1,2}|\u2013|\u2014|::|\u00b7|\u2022|\u00bb|/)\s+|\s*(?:_|\uff5c|\u2014\u2014)\s*")
# A site or section name is short: a few words, or a few CJK characters.
_MAX_SITE_WORDS, _MAX_SITE_CHARACTERS = 5, 40


def _site_like(part: str) -> bool:
    """`part` (what the gold has beyond our title) is only separators and short names."""
    pieces = [p.strip(" :") for p in _TITLE_SEPARATOR.split(part)]
    return all(len(p.split()) <= _MAX_SITE_WORDS and len(p) <= _MAX_SITE_CHARACTERS for p in pieces)


def title_matches(predicted: Optional[str], gold: str) -> bool:
    """Exact (title_matches_exactly), or the gold is our title plus a site or section name that
    the title field leaves out by definition ("Article | Site", "Site - Article", "标题_频道_网站"):
    Readability's gold keeps them. The extra part must start at a title separator and hold only
    short segments, none longer than our title."""
    ours, theirs = _fold_title(predicted), _fold_title(gold)
    if ours == theirs:
        return True
    if not ours or len(ours) >= len(theirs):
        return False
    if theirs.startswith(ours):
        extra, at_separator = theirs[len(ours):], _TITLE_SEPARATOR.match(theirs, len(ours))
    elif theirs.endswith(ours):
        extra = theirs[: len(theirs) - len(ours)]
        at_separator = next((m for m in _TITLE_SEPARATOR.finditer(extra) if m.end() == len(extra)), None)
    else:
        return False
    return at_separator is not None and _site_like(extra) and len(extra.strip()) < len(ours)


# Gold placeholders meaning "the page names no author / no date".
UNKNOWN_MARKERS = {"unknown"}


# Whitespace and the marks that join names into a list: "A; B" (ours), "A, B" (Readability),
# "A B" and "A、B" (cwced) are the same list of people.
_NAME_LIST_JOINERS = re.compile(r"[\s,;\uff0c\uff1b\u3001]+")


def _normalize_name(name: Optional[str]) -> str:
    return _NAME_LIST_JOINERS.sub("", fold_whitespace(name).lower())


def author_matches(predicted: Optional[str], gold: str) -> bool:
    """Containment either way, case-insensitive, list joiners ignored: gold "Jane Doe" accepts
    "By Jane Doe", "Jane Doe" accepts gold "Jane Doe, Staff Writer", "A; B" accepts gold "A, B" or
    "A B". Gold UNKNOWN is right only when no author is given."""
    gold_norm, predicted_norm = _normalize_name(gold), _normalize_name(predicted)
    if fold_whitespace(gold).lower() in UNKNOWN_MARKERS:
        return not predicted_norm
    if not predicted_norm:
        return False
    return gold_norm in predicted_norm or predicted_norm in gold_norm


# Y, Y-M or Y-M-D at the start of the gold, with -, / or . between and one- or two-digit parts.
_GOLD_DATE = re.compile(r"^\s*(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?!\d)")


def parse_gold_date(gold: Optional[str]) -> Optional[str]:
    """The gold date as "YYYY", "YYYY-MM" or "YYYY-MM-DD" (as precise as the gold is), "unknown"
    for an explicit UNKNOWN, or None when the gold is not a date at all (then the page has no
    date gold)."""
    if gold is None:
        return None
    if gold.strip().lower() in UNKNOWN_MARKERS:
        return "unknown"
    match = _GOLD_DATE.match(gold)
    if not match:
        return None
    year, month, day = match.groups()
    parts = [year] + [f"{int(p):02d}" for p in (month, day) if p]
    return "-".join(parts)


def date_matches(predicted: Optional[str], gold_day: str) -> bool:
    """Same day as the gold (same month or year when the gold is that coarse); only the first
    10 characters of our ISO 8601 date are compared, so time zones never move the day."""
    predicted = (predicted or "").strip()
    if gold_day == "unknown":
        return not predicted
    return predicted[:10].startswith(gold_day) and len(predicted) >= len(gold_day)
