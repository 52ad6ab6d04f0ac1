"""webclean.integrations.datatrove: a datatrove extraction step with the knobs of datatrove's
Trafilatura step, run through datatrove's own BaseExtractor.run (sandbox process, timeout)."""

from __future__ import annotations

import subprocess
import sys

import pytest

import webclean
from conftest import EMPTY_PAGE, corpus_input, optional_module


def test_import_webclean_does_not_import_datatrove():
    code = "import sys, webclean, webclean.integrations; print('datatrove' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_step_has_the_trafilatura_knobs():
    base = optional_module("datatrove.pipeline.extractors.base")
    from webclean.integrations.datatrove import Webclean

    step = Webclean()
    assert isinstance(step, base.BaseExtractor)
    assert (step.favour_precision, step.include_images, step.timeout, step.deduplicate) == (True, False, 1, True)
    assert step.options == webclean.Options(favor_precision=True, deduplicate=True, include_comments=False)

    step = Webclean(favour_precision=False, timeout=5, deduplicate=False, output_format="markdown")
    assert step.timeout == 5
    assert step.options == webclean.Options(output_format="markdown", include_comments=False)
    assert Webclean(favor_recall=True).options.favor_recall


def test_misspelt_options_fail_when_the_pipeline_is_built():
    optional_module("datatrove")
    from webclean.integrations.datatrove import Webclean

    with pytest.raises(TypeError, match="unknown option 'favour_recall'"):
        Webclean(favour_recall=True)


def test_step_cleans_documents_and_drops_empty_ones():
    data = optional_module("datatrove.data")
    from webclean.integrations.datatrove import Webclean

    pages = {
        "news": corpus_input("en-news-related").decode("utf-8"),
        "empty": EMPTY_PAGE,
        "chinese": corpus_input("zh-news-province-menu").decode("utf-8"),
    }
    documents = [data.Document(text=html, id=name) for name, html in pages.items()]
    step = Webclean(timeout=30)
    out = list(step.run(iter(documents)))

    assert [doc.id for doc in out] == ["news", "chinese"]  # the empty page has no article
    options = webclean.Options(favor_precision=True, deduplicate=True, include_comments=False)
    for doc in out:
        assert doc.text == webclean.extract(pages[doc.id], options=options)
    assert step.stats["forwarded"].total == 2
    assert step.stats["dropped"].total == 1
