"""Wrong calls fail at once with a clear TypeError or ValueError."""

from __future__ import annotations

import pytest

import webclean

PAGE = "<html><body><p>text</p></body></html>"


def test_unknown_output_format_lists_the_known_ones():
    with pytest.raises(ValueError, match=r"unknown output_format 'pdf'.*txt.*markdown.*json"):
        webclean.extract(PAGE, output_format="pdf")


def test_unknown_keyword_option():
    with pytest.raises(TypeError, match="no_fallback"):
        webclean.extract(PAGE, no_fallback=True)
    with pytest.raises(TypeError, match=r"extract_many\(\) got unknown option 'no_fallback'; known options: "):
        webclean.extract_many([PAGE], no_fallback=True)
    with pytest.raises(TypeError, match="unknown options 'a', 'b'"):
        webclean.Options().replace(a=1, b=2)


@pytest.mark.parametrize("html", [None, 12, 3.5, ["<p>x</p>"], object()])
def test_pages_must_be_str_or_bytes(html):
    with pytest.raises(TypeError, match="html must be str or bytes, not"):
        webclean.extract(html)
    with pytest.raises(TypeError, match="html must be str or bytes, not"):
        webclean.bare_extraction(html)
    with pytest.raises(TypeError, match="html must be str or bytes, not"):
        webclean.extract_many([PAGE, html])


def test_url_must_be_str():
    with pytest.raises(TypeError, match="url must be str or None, not bytes"):
        webclean.extract(PAGE, url=b"https://example.com/")


@pytest.mark.parametrize(
    "options, error, message",
    [
        ({"include_tables": "yes"}, TypeError, "include_tables must be True or False"),
        ({"with_metadata": 1}, TypeError, "with_metadata must be True or False"),
        ({"output_format": None}, TypeError, "output_format must be a str"),
        ({"favor_precision": True, "favor_recall": True}, ValueError, "exclude each other"),
        ({"target_language": ""}, ValueError, "target_language must not be empty"),
        ({"target_language": 7}, TypeError, "target_language must be a str or None"),
        ({"input_format": "pdf"}, ValueError, "unknown input_format 'pdf'"),
        ({"max_bytes": 0}, ValueError, "max_bytes must be positive"),
        ({"max_bytes": "10"}, TypeError, "max_bytes must be an int"),
    ],
)
def test_bad_option_values(options, error, message):
    with pytest.raises(error, match=message):
        webclean.Options(**options)
    with pytest.raises(error, match=message):
        webclean.extract_many([PAGE], **options)


def test_options_and_keywords_do_not_mix():
    with pytest.raises(TypeError, match="got both options= and output_format"):
        webclean.extract(PAGE, output_format="json", options=webclean.Options())
    with pytest.raises(TypeError, match="options must be a webclean.Options"):
        webclean.extract(PAGE, options={"output_format": "json"})


def test_extract_many_argument_errors():
    with pytest.raises(ValueError, match="urls has 1 entries for 2 pages"):
        webclean.extract_many([PAGE, PAGE], urls=["https://example.com/"])
    with pytest.raises(ValueError, match="threads must be 0"):
        webclean.extract_many([PAGE], threads=-1)
    with pytest.raises(TypeError, match="threads must be an int"):
        webclean.extract_many([PAGE], threads=2.0)
    with pytest.raises(TypeError, match="for one page use extract"):
        webclean.extract_many(PAGE)
    with pytest.raises(TypeError, match="url must be str or None"):
        webclean.extract_many([PAGE], urls=[3])
