"""Extraction options as one value that can be stored, compared and pickled."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Optional

from . import _core

#: Output formats that :func:`webclean.extract` accepts ("md" is also accepted for "markdown").
OUTPUT_FORMATS: tuple[str, ...] = tuple(_core.OUTPUT_FORMATS)

#: What the input is; "auto" recognises HTML, markdown and flattened text from the content.
INPUT_FORMATS: tuple[str, ...] = ("auto", "html", "markdown", "text")

_FLAGS = (
    "with_metadata",
    "include_comments",
    "include_tables",
    "include_captions",
    "keep_byline",
    "include_images",
    "include_links",
    "favor_precision",
    "favor_recall",
    "deduplicate",
)


@dataclass(frozen=True)
class Options:
    """Everything that steers an extraction except the page itself and its URL.

    An ``Options`` is immutable, compares by value and pickles, so one object can be made once
    and shipped to Dask, Ray or Spark workers. Invalid values raise at construction:
    ``TypeError`` for a value of the wrong type, ``ValueError`` for an unknown name or a
    contradiction.

    Attributes:
        output_format: ``"txt"`` (one block a line), ``"markdown"``, ``"json"``, ``"xml"`` (a
            ``<document>`` with ``<metadata>``, ``<main>`` and ``<comments>``) or ``"html"`` (a
            minimal HTML5 page); :data:`OUTPUT_FORMATS` lists what this build offers.
        with_metadata: txt and markdown get a YAML header (``---`` lines) of the metadata found;
            json gets every metadata field (without it, json holds only ``text`` and
            ``comments``); xml and html always carry the metadata.
        include_comments: extract reader comments; they follow the text after a blank line.
        include_tables: keep data tables (layout tables are always unwrapped).
        include_captions: keep figure captions in the text (table captions always stay).
        keep_byline: keep byline lines (author, date, source, editor) in the text; the
            metadata carries them either way.
        include_images: reserved for image references in markdown output.
        include_links: reserved for link targets in markdown output.
        favor_precision: fewer false positives: doubtful blocks are dropped.
        favor_recall: fewer misses: doubtful blocks next to content are kept.
        target_language: a language code such as ``"en"`` or ``"zh"``; a page whose language is
            known and different gives ``None``. Only the primary subtag is compared ("en"
            matches "en-GB"). The language is the page's declared one (``<html lang>``,
            ``<meta>``, JSON-LD), else a guess from the text that tells Chinese, Japanese,
            Korean and English apart; pages in other languages without a declaration count as
            unknown and pass.
        deduplicate: drop a paragraph (10 or more characters) that repeats an earlier one in
            the same document.
        input_format: ``"auto"``, ``"html"``, ``"markdown"`` or ``"text"``.
        max_bytes: largest input accepted, after decompression (``None``: the library's
            default, 64 MiB); larger pages give ``None``.
    """

    output_format: str = "txt"
    with_metadata: bool = False
    include_comments: bool = True
    include_tables: bool = True
    include_captions: bool = False
    keep_byline: bool = False
    include_images: bool = False
    include_links: bool = False
    favor_precision: bool = False
    favor_recall: bool = False
    target_language: Optional[str] = None
    deduplicate: bool = False
    input_format: str = "auto"
    max_bytes: Optional[int] = None

    def __post_init__(self) -> None:
        for name in _FLAGS:
            value = getattr(self, name)
            if not isinstance(value, bool):
                raise TypeError(f"{name} must be True or False, not {value!r}")
        if not isinstance(self.output_format, str):
            raise TypeError(f"output_format must be a str, not {self.output_format!r}")
        if not _core.is_output_format(self.output_format):
            raise ValueError(
                f"unknown output_format {self.output_format!r}: use one of {', '.join(OUTPUT_FORMATS)}"
            )
        if self.input_format not in INPUT_FORMATS:
            raise ValueError(
                f"unknown input_format {self.input_format!r}: use one of {', '.join(INPUT_FORMATS)}"
            )
        if self.favor_precision and self.favor_recall:
            raise ValueError("favor_precision and favor_recall exclude each other: choose one")
        if self.target_language is not None:
            if not isinstance(self.target_language, str):
                raise TypeError(f"target_language must be a str or None, not {self.target_language!r}")
            if not self.target_language.strip():
                raise ValueError("target_language must not be empty: use None for any language")
        if self.max_bytes is not None:
            if isinstance(self.max_bytes, bool) or not isinstance(self.max_bytes, int):
                raise TypeError(f"max_bytes must be an int or None, not {self.max_bytes!r}")
            if self.max_bytes <= 0:
                raise ValueError(f"max_bytes must be positive, not {self.max_bytes}")

    def replace(self, **changes: Any) -> Options:
        """A copy with some fields changed, checked like a new ``Options``."""
        _check_names("replace", changes)
        return dataclasses.replace(self, **changes)


_FIELD_NAMES = frozenset(field.name for field in dataclasses.fields(Options))


def _check_names(caller: str, keywords: dict[str, Any]) -> None:
    unknown = sorted(set(keywords) - _FIELD_NAMES)
    if unknown:
        raise TypeError(
            f"{caller}() got unknown option{'s' if len(unknown) > 1 else ''} "
            f"{', '.join(map(repr, unknown))}; known options: {', '.join(sorted(_FIELD_NAMES))}"
        )
