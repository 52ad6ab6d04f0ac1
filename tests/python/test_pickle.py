"""Options and Documents pickle, so Dask, Ray or Spark can ship them to workers."""

from __future__ import annotations

import copy
import pickle

import webclean


def test_options_round_trip():
    options = webclean.Options(output_format="json", with_metadata=True, favor_precision=True,
                               target_language="zh", deduplicate=True, max_bytes=1 << 20)
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        restored = pickle.loads(pickle.dumps(options, protocol=protocol))
        assert restored == options
        assert hash(restored) == hash(options)
    assert copy.deepcopy(options) == options


def test_options_are_immutable_and_replace_checks():
    options = webclean.Options()
    try:
        options.output_format = "json"
    except AttributeError:
        pass
    else:
        raise AssertionError("Options must be frozen")
    changed = options.replace(output_format="json")
    assert changed.output_format == "json" and options.output_format == "txt"


def test_unpickled_options_extract_the_same(news_page):
    options = webclean.Options(output_format="markdown", include_comments=False)
    restored = pickle.loads(pickle.dumps(options))
    assert webclean.extract(news_page, options=restored) == webclean.extract(news_page, options=options)


def test_documents_round_trip(news_page):
    document = webclean.bare_extraction(news_page)
    assert pickle.loads(pickle.dumps(document)) == document
