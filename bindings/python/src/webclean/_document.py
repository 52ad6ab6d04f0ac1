"""The result of :func:`webclean.bare_extraction`: the clean text and the page's metadata."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Optional


@dataclass
class Document:
    """One page's article text and metadata. Fields that were not found are ``None``
    (lists are empty); dates are ISO 8601 (``"2024-05-01"``, with a time when the page gives one).

    Attributes:
        title: the article's title.
        author: the authors joined with ``"; "``.
        authors: the authors one by one.
        date: publication date.
        modified: last modification date.
        sitename: the site's name.
        source: the original publisher of a reposted article (来源).
        url: the canonical URL, else the URL given to the call.
        hostname: the URL's host.
        description: the page's summary.
        language: a BCP 47 tag such as ``"en"`` or ``"zh-CN"``.
        image: the page's lead image URL.
        categories: section or category names.
        tags: keywords.
        license: the content's license.
        editor: the responsible editor (责任编辑).
        icp: Chinese ICP record number, e.g. 京ICP备12345678号.
        public_security: Chinese public-security record number (公网安备).
        charset: the encoding the page was decoded from.
        replaced: how many invalid byte sequences were decoded as U+FFFD (0 for a clean page).
        text: the article, one block a line.
        comments: reader comments, one a line, when found and wanted.
        articles: for a page holding several articles (a newspaper page), one dict each with
            ``title``, ``byline`` and ``text``, in page order; ``text`` holds them all.
    """

    title: Optional[str] = None
    author: Optional[str] = None
    authors: list[str] = field(default_factory=list)
    date: Optional[str] = None
    modified: Optional[str] = None
    sitename: Optional[str] = None
    source: Optional[str] = None
    url: Optional[str] = None
    hostname: Optional[str] = None
    description: Optional[str] = None
    language: Optional[str] = None
    image: Optional[str] = None
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    license: Optional[str] = None
    editor: Optional[str] = None
    icp: Optional[str] = None
    public_security: Optional[str] = None
    charset: Optional[str] = None
    replaced: int = 0
    text: str = ""
    comments: Optional[str] = None
    articles: list[dict[str, Optional[str]]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """Every field as a plain dict (lists copied), ready for ``json.dumps``."""
        return dataclasses.asdict(self)
