"""webclean as a datatrove extraction step, a drop-in for datatrove's ``Trafilatura`` step.

Importing this module imports datatrove (``pip install datatrove``); ``import webclean`` alone
never does. ::

    from datatrove.pipeline.readers import WarcReader
    from webclean.integrations.datatrove import Webclean

    pipeline = [WarcReader("crawl/"), Webclean(favour_precision=True, timeout=1.0), ...]

The step takes the knobs of datatrove's ``Trafilatura`` step with the same names and defaults
(``favour_precision=True``, ``include_images=False``, ``timeout=1``, ``deduplicate=True``;
comments left out), and passes any other keyword option to :func:`webclean.extract`.
"""

from __future__ import annotations

from typing import Any

try:
    from datatrove.pipeline.extractors.base import BaseExtractor
except ImportError as error:  # pragma: no cover - exercised only without datatrove
    raise ImportError(
        "webclean.integrations.datatrove needs datatrove: pip install datatrove"
    ) from error

from .._api import extract
from .._options import Options


class Webclean(BaseExtractor):
    """Replaces each document's HTML with its article text; documents with none are dropped.

    Args:
        favour_precision: prefer less text but correct extraction (``favor_precision``).
        include_images: reserved for image references (accepted for compatibility; txt output
            has none).
        timeout: seconds per document before datatrove gives up on it and skips it.
        deduplicate: drop paragraphs that repeat within a document.
        **kwargs: any other keyword option of :func:`webclean.extract` (``output_format``,
            ``include_tables``, ``target_language``, ``favor_recall`` ...). Checked here, so a
            misspelt option fails when the pipeline is built, not on the first document.
    """

    name = "🧹 webclean"
    _requires_dependencies: list[str] = []

    def __init__(
        self,
        favour_precision: bool = True,
        include_images: bool = False,
        timeout: float = 1,
        deduplicate: bool = True,
        **kwargs: Any,
    ) -> None:
        super().__init__(timeout)
        # Asking for recall overrides the precision default rather than contradicting it.
        if kwargs.get("favor_recall"):
            favour_precision = False
        self.favour_precision = favour_precision
        self.include_images = include_images
        self.deduplicate = deduplicate
        # datatrove's step leaves comments out; so does this one unless asked.
        kwargs.setdefault("include_comments", False)
        self.options = Options().replace(
            favor_precision=favour_precision, include_images=include_images, deduplicate=deduplicate, **kwargs
        )

    def extract(self, text: str) -> str:
        """The article text of one page, or "" when it has none (datatrove then drops it)."""
        return extract(text, options=self.options) or ""
