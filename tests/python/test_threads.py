"""Native threads (extract_many) and Python threads (the GIL is released): results never depend
on how many threads run. Speed is measured, not asserted (see the README)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import webclean
from conftest import EMPTY_PAGE

URL = "https://example.org/page"


def batch(pages: list[bytes], copies: int = 3) -> list[bytes]:
    return [page for _ in range(copies) for page in pages]


def test_extract_many_matches_extract_for_any_thread_count(all_pages):
    pages = batch(all_pages + [EMPTY_PAGE.encode()])
    expected = [webclean.extract(page, output_format="json", with_metadata=True) for page in pages]
    assert expected.count(None) == 3  # the empty page's None keeps its place
    for threads in (1, 2, 3, 0):
        got = webclean.extract_many(pages, threads=threads, output_format="json", with_metadata=True)
        assert got == expected, f"threads={threads}"


def test_extract_many_bare_gives_documents_in_order(all_pages):
    expected = [webclean.bare_extraction(page, url=URL) for page in all_pages]
    got = webclean.extract_many(all_pages, urls=[URL] * len(all_pages), threads=2, bare=True)
    assert got == expected


def test_extract_many_takes_any_iterable_and_mixed_inputs(all_pages):
    def as_str_when_utf8(page: bytes):
        try:
            return page.decode("utf-8")
        except UnicodeDecodeError:
            return page

    mixed = [as_str_when_utf8(page) if i % 2 else page for i, page in enumerate(all_pages)]
    assert any(isinstance(page, str) for page in mixed)
    expected = [webclean.extract(page) for page in mixed]
    assert webclean.extract_many(iter(mixed), threads=2) == expected
    assert webclean.extract_many([]) == []


def test_python_threads_give_the_same_results(all_pages):
    pages = batch(all_pages)
    expected = [webclean.extract(page) for page in pages]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(webclean.extract, pages)) == expected
        assert list(pool.map(webclean.bare_extraction, pages)) == [webclean.bare_extraction(p) for p in pages]
