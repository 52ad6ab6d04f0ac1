"""The functions of the webclean package, named and shaped like trafilatura's."""

from __future__ import annotations

from typing import Any, Iterable, Optional, Union

from . import _core
from ._document import Document
from ._options import _FIELD_NAMES, Options, _check_names

#: A page: ``str`` (already decoded) or ``bytes`` in any charset, gzip-compressed or not.
Page = Union[str, bytes, bytearray, memoryview]

_DEFAULTS = Options()


def _options_for(caller: str, options: Optional[Options], keywords: dict[str, Any]) -> Options:
    """The Options a call runs with: ``options`` when given, else one built from the keywords."""
    _check_names(caller, keywords)
    if options is None:
        return Options(**keywords)
    if not isinstance(options, Options):
        raise TypeError(f"options must be a webclean.Options, not {type(options).__name__}")
    changed = sorted(name for name, value in keywords.items() if value != getattr(_DEFAULTS, name))
    if changed:
        raise TypeError(
            f"{caller}() got both options= and {', '.join(changed)}: "
            "set them on the Options object (options.replace(...)) instead"
        )
    return options


def _keywords(arguments: dict[str, Any]) -> dict[str, Any]:
    """The keyword options among a function's arguments (its locals() on entry)."""
    return {name: value for name, value in arguments.items() if name in _FIELD_NAMES}


def extract(
    html: Page,
    url: Optional[str] = None,
    *,
    output_format: str = "txt",
    with_metadata: bool = False,
    include_comments: bool = True,
    include_tables: bool = True,
    include_images: bool = False,
    include_links: bool = False,
    favor_precision: bool = False,
    favor_recall: bool = False,
    target_language: Optional[str] = None,
    deduplicate: bool = False,
    options: Optional[Options] = None,
) -> Optional[str]:
    """Extracts the article of one page and renders it.

    Args:
        html: the page: ``str``, or ``bytes`` in any charset (decoded like the command line
            decodes files: BOM, ``<meta>`` charset, else detection), gzip-compressed or not.
            HTML, markdown and text a scraper flattened are all recognised.
        url: the page's URL: a metadata fallback (url, hostname).
        output_format, with_metadata, include_comments, include_tables, include_images,
        include_links, favor_precision, favor_recall, target_language, deduplicate: see
            :class:`webclean.Options`.
        options: an :class:`webclean.Options` to use instead of the keyword options (which
            must then be left at their defaults).

    Returns:
        The article in ``output_format``, or ``None`` when the page has no article, is not a
        text document, is over a limit, or is in another language than ``target_language``.

    Raises:
        TypeError: ``html`` is not str or bytes, ``url`` is not str, or an option has the wrong
            type.
        ValueError: an unknown output format or contradictory options.
    """
    settings = _options_for("extract", options, _keywords(locals()))
    return _core.extract(html, url, settings)


def bare_extraction(
    html: Page,
    url: Optional[str] = None,
    *,
    include_comments: bool = True,
    include_tables: bool = True,
    include_images: bool = False,
    include_links: bool = False,
    favor_precision: bool = False,
    favor_recall: bool = False,
    target_language: Optional[str] = None,
    deduplicate: bool = False,
    options: Optional[Options] = None,
) -> Optional[Document]:
    """Extracts the article and metadata of one page as a :class:`webclean.Document`.

    Takes the same arguments as :func:`extract` except the output ones (output_format and
    with_metadata are ignored when they come in ``options``). Returns ``None`` where
    :func:`extract` would.
    """
    settings = _options_for("bare_extraction", options, _keywords(locals()))
    fields = _core.bare_extraction(html, url, settings)
    return None if fields is None else Document(**fields)


def extract_many(
    htmls: Iterable[Page],
    urls: Optional[Iterable[Optional[str]]] = None,
    threads: int = 0,
    *,
    bare: bool = False,
    options: Optional[Options] = None,
    **keywords: Any,
) -> list[Any]:
    """:func:`extract` for many pages at once, on native threads that run without the GIL.

    Args:
        htmls: the pages (str or bytes each); all are held in memory, so feed a large corpus
            in chunks of a few thousand.
        urls: one URL (or ``None``) per page, or ``None``.
        threads: worker threads; 0 means one per core. The results do not depend on it.
        bare: give :class:`webclean.Document` objects (as :func:`bare_extraction`) instead of
            rendered strings.
        options: an :class:`webclean.Options` instead of keyword options.
        **keywords: the keyword options of :func:`extract` (output_format, with_metadata, ...).

    Returns:
        One result per page, in input order: a ``str`` (or ``Document`` with ``bare``), or
        ``None`` where :func:`extract` would give ``None``.

    Raises:
        TypeError: an unknown option, a page that is not str or bytes, or a bad ``threads``.
        ValueError: ``urls`` of another length than ``htmls``, or a bad option value.
    """
    if isinstance(threads, bool) or not isinstance(threads, int):
        raise TypeError(f"threads must be an int, not {threads!r}")
    if threads < 0:
        raise ValueError(f"threads must be 0 (one per core) or more, not {threads}")
    if isinstance(htmls, (str, bytes, bytearray, memoryview)):
        raise TypeError("extract_many() takes a list of pages; for one page use extract()")
    settings = _options_for("extract_many", options, keywords)
    pages = list(htmls)
    url_list = None if urls is None else list(urls)
    results = _core.extract_many(pages, url_list, threads, settings, bare)
    if bare:
        return [None if fields is None else Document(**fields) for fields in results]
    return results
