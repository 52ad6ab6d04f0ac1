"""The functions of the webclean package, named and shaped like trafilatura's."""

from __future__ import annotations

import codecs
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
    include_captions: bool = False,
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
        output_format, with_metadata, include_comments, include_tables, include_captions,
        include_images, include_links, favor_precision, favor_recall, target_language,
        deduplicate: see :class:`webclean.Options`.
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
    include_captions: bool = False,
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


# Labels whose WHATWG decoder is GB18030, as the library decodes them (Python's gbk codec would
# fail on GB18030-only characters).
_GB18030_LABELS = {"gb2312", "gbk", "gb18030", "x-gbk"}


def _python_codec(charset: str) -> str:
    if charset.lower() in _GB18030_LABELS:
        return "gb18030"
    try:
        return codecs.lookup(charset).name
    except LookupError:
        return "utf-8"


def fetch_url(
    url: str,
    *,
    decode: bool = True,
    no_ssl: bool = False,
    timeout: float = 30.0,
    max_bytes: Optional[int] = None,
    user_agent: Optional[str] = None,
    max_redirects: int = 10,
) -> Union[str, bytes, None]:
    """Downloads one page with the library's libcurl fetcher, the GIL released meanwhile.

    Only http and https URLs are fetched; redirects are followed; the body is decompressed.

    Args:
        url: an ``http://`` or ``https://`` URL.
        decode: give ``str``, decoded as webclean decodes pages (the Content-Type charset, a BOM,
            ``<meta>``, else detection); ``False`` gives the body's ``bytes`` as served.
        no_ssl: do not check TLS certificates (trafilatura's name for it).
        timeout: seconds for the whole transfer, redirects included.
        max_bytes: largest body accepted (``None``: 64 MiB); a larger one gives ``None``.
        user_agent: the User-Agent header (``None``: ``webclean/<version>``).
        max_redirects: redirects followed; more gives ``None``.

    Returns:
        The page, or ``None`` when the URL is not http(s), the transfer fails or times out, the
        answer is not 2xx, or (with ``decode``) the body is an image, audio, video or font.
        Pass the result to :func:`extract` with ``url=`` for the metadata fallback.

    Raises:
        TypeError: an argument of the wrong type.
        ValueError: a timeout, max_bytes or max_redirects out of range.
    """
    if not isinstance(url, str):
        raise TypeError(f"url must be a str, not {type(url).__name__}")
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not timeout > 0:
        raise ValueError(f"timeout must be a positive number of seconds, not {timeout!r}")
    if max_bytes is not None and (isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes <= 0):
        raise ValueError(f"max_bytes must be a positive int or None, not {max_bytes!r}")
    if isinstance(max_redirects, bool) or not isinstance(max_redirects, int) or max_redirects < 0:
        raise ValueError(f"max_redirects must be an int of 0 or more, not {max_redirects!r}")
    if user_agent is not None and not isinstance(user_agent, str):
        raise TypeError(f"user_agent must be a str or None, not {type(user_agent).__name__}")
    fetched = _core.fetch(url, float(timeout), max_bytes, user_agent, not no_ssl, max_redirects, bool(decode))
    if fetched is None:
        return None
    body, charset = fetched
    if not decode:
        return body
    if not charset:
        return None
    return body.decode(_python_codec(charset), "replace")
