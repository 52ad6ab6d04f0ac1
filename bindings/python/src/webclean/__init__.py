"""webclean: clean article text and metadata from scraped web pages.

HTML in any charset, markdown or text a scraper flattened, gzip-compressed or not, becomes the
article's text (txt, markdown or json) and its metadata. The functions are named and shaped like
trafilatura's, so ``from webclean import extract`` is usually the only change a pipeline needs::

    import webclean
    text = webclean.extract(html, url="https://example.com/a")
    document = webclean.bare_extraction(html)          # title, author, date, ... and text
    texts = webclean.extract_many(pages, threads=2)    # native threads, GIL released
    html = webclean.fetch_url("https://example.com/a")  # libcurl; str or None

Extraction runs in C++ without the GIL, so Python threads run it in parallel too.
"""

from ._api import Page, bare_extraction, extract, extract_many, fetch_url
from ._core import __version__
from ._document import Document
from ._options import INPUT_FORMATS, OUTPUT_FORMATS, Options

__all__ = [
    "INPUT_FORMATS",
    "OUTPUT_FORMATS",
    "Document",
    "Options",
    "Page",
    "__version__",
    "bare_extraction",
    "extract",
    "extract_many",
    "fetch_url",
]
