"""extract() and bare_extraction(): formats, metadata, options, input kinds."""

from __future__ import annotations

import gzip
import json

import pytest

import webclean
from conftest import corpus_input

URL = "https://news.example.org/local/story"


def test_txt_is_the_article_one_block_a_line(news_page):
    text = webclean.extract(news_page)
    assert text is not None
    lines = text.splitlines()
    assert len(lines) > 3
    assert all(line.strip() for line in lines)
    # The document's text and extract()'s txt are the same when comments are off.
    assert webclean.extract(news_page, include_comments=False) == webclean.bare_extraction(news_page).text


def test_json_without_metadata_holds_text_and_comments(news_page):
    record = json.loads(webclean.extract(news_page, output_format="json"))
    assert set(record) == {"text", "comments"}
    assert record["text"] == webclean.bare_extraction(news_page).text


def test_json_with_metadata_holds_every_field(news_page):
    record = json.loads(webclean.extract(news_page, output_format="json", with_metadata=True))
    document = webclean.bare_extraction(news_page)
    assert record["title"] == document.title
    assert record["author"] == document.author
    assert record["date"] == document.date
    assert record["language"] == document.language
    assert record["text"] == document.text


def header_fields(output: str) -> tuple[dict, str]:
    """The YAML header of txt or markdown output as a dict, and the body after it. The library
    writes every value double-quoted (lists as [..]), which JSON reads too."""
    assert output.startswith("---\n")
    header, separator, body = output[4:].partition("---\n")
    assert separator
    fields = {}
    for line in header.splitlines():
        key, value = line.split(": ", 1)
        fields[key] = json.loads(value)
    return fields, body


def test_txt_with_metadata_starts_with_a_header(news_page):
    fields, body = header_fields(webclean.extract(news_page, with_metadata=True, include_comments=False))
    document = webclean.bare_extraction(news_page)
    assert fields["title"] == document.title
    assert fields["date"] == document.date
    assert fields["language"] == document.language
    assert body == document.text


def test_header_values_that_yaml_would_misread_are_quoted():
    page = (
        "<html><head><title>Breaking: a title with a colon</title></head><body><article>"
        + "<p>Paragraph of the article with enough words to be kept as content here.</p>" * 4
        + "</article></body></html>"
    )
    fields, _ = header_fields(webclean.extract(page, with_metadata=True))
    assert fields["title"] == "Breaking: a title with a colon"


def test_xml_and_html_carry_text_and_metadata(news_page):
    document = webclean.bare_extraction(news_page)
    xml = webclean.extract(news_page, output_format="xml")
    html = webclean.extract(news_page, output_format="html")
    from xml.etree import ElementTree

    root = ElementTree.fromstring(xml)
    assert document.title in ElementTree.tostring(root, encoding="unicode")
    first_line = document.text.splitlines()[0]
    assert first_line in "".join(root.itertext())
    assert html.lstrip().lower().startswith("<!doctype html")
    assert document.title in html


def test_markdown_keeps_structure():
    page = corpus_input("en-recipe-or-howto")
    markdown = webclean.extract(page, output_format="markdown")
    assert any(line.startswith("- ") for line in markdown.splitlines())
    assert webclean.extract(page, output_format="md") == markdown


def test_bare_extraction_document(news_page):
    document = webclean.bare_extraction(news_page, url=URL)
    assert isinstance(document, webclean.Document)
    assert document.title and document.text
    assert document.language == "en"
    assert isinstance(document.categories, list) and isinstance(document.tags, list)
    as_dict = document.as_dict()
    for name in ("title", "author", "date", "sitename", "url", "hostname", "description", "language",
                 "categories", "tags", "image", "icp", "text", "comments"):
        assert as_dict[name] == getattr(document, name)
    json.dumps(as_dict)  # plain data


def test_url_is_a_metadata_fallback():
    page = "<html><body><article>" + "<p>Some article text that is long enough to keep around.</p>" * 4 + "</article></body></html>"
    document = webclean.bare_extraction(page, url=URL)
    assert document.url == URL
    assert document.hostname == "news.example.org"
    assert webclean.bare_extraction(page).url is None


def test_chinese_metadata_fields():
    document = webclean.bare_extraction(corpus_input("zh-news-province-menu"))
    assert document.language.startswith("zh")
    assert document.icp and "ICP" in document.icp


def test_bytes_are_decoded_like_files_and_str_is_taken_as_decoded():
    gbk_page = corpus_input("zh-gbk-portal")
    from_bytes = webclean.bare_extraction(gbk_page)
    assert from_bytes.charset == "gbk"
    # The same page already decoded: the <meta charset=gb2312> inside must not be obeyed again.
    from_str = webclean.bare_extraction(gbk_page.decode("gb18030"))
    assert from_str.text == from_bytes.text
    assert from_str.charset == "utf-8"


def test_bytearray_memoryview_and_gzip_are_accepted(news_page):
    expected = webclean.extract(news_page)
    assert webclean.extract(bytearray(news_page)) == expected
    assert webclean.extract(memoryview(news_page)) == expected
    assert webclean.extract(gzip.compress(news_page)) == expected


def test_markdown_and_text_inputs():
    document = webclean.bare_extraction(corpus_input("md-multi-article"))
    assert len(document.articles) >= 2
    assert all(article["text"] in document.text for article in document.articles)
    assert webclean.extract(corpus_input("txt-page-dump")) is not None


def test_input_format_forces_the_reader():
    page = (
        "# Title\n\nA paragraph of markdown text that is long enough to be kept by the cleaner here.\n\n"
        "Another paragraph with **bold** text and more words to make it count as content."
    )
    as_text = webclean.extract(page, options=webclean.Options(input_format="text"))
    as_markdown = webclean.extract(page, options=webclean.Options(input_format="markdown"))
    assert "**bold**" in as_text
    assert "**bold**" not in as_markdown and "bold text" in as_markdown
    assert webclean.extract(page) == as_markdown  # detected as markdown


def test_include_comments():
    page = corpus_input("en-blog-sidebar-comments")
    with_comments = webclean.extract(page)
    without = webclean.extract(page, include_comments=False)
    comments = webclean.bare_extraction(page).comments
    assert comments
    assert with_comments == without + "\n\n" + comments
    assert webclean.bare_extraction(page, include_comments=False).comments is None


def test_include_tables():
    page = corpus_input("table-article")
    assert "\t" in webclean.extract(page)
    without = webclean.extract(page, include_tables=False)
    assert without is None or "\t" not in without


def test_include_captions(news_page):
    caption = "Photo: Luis Ferrante"
    assert caption not in webclean.extract(news_page)
    assert caption in webclean.extract(news_page, include_captions=True)


def test_keep_byline():
    page = corpus_input("en-recipe-or-howto")
    author = webclean.bare_extraction(page).author
    assert author and author not in webclean.extract(page)
    kept = webclean.extract_many([page], keep_byline=True)[0]
    assert any(line.startswith("By " + author) for line in kept.splitlines())


def test_precision_drops_a_link_heavy_paragraph_that_recall_keeps():
    prose = "".join(f"<p>Paragraph {i} of the article is a full sentence of ordinary prose text.</p>" for i in range(5))
    linky = (
        '<p>Read more about this in <a href="/minutes">the council minutes from March</a>'
        " and see the plans online today.</p>"
    )
    page = f"<html><body><article>{prose}{linky}{prose}</article></body></html>"
    assert "council minutes" not in webclean.extract(page, favor_precision=True)
    assert "council minutes" in webclean.extract(page, favor_recall=True)


def test_target_language_filters_known_languages(news_page):
    assert webclean.extract(news_page, target_language="en") is not None
    assert webclean.extract(news_page, target_language="EN") is not None
    assert webclean.extract(news_page, target_language="en-GB") is not None  # primary subtags compared
    assert webclean.extract(news_page, target_language="zh") is None
    chinese = corpus_input("zh-news-province-menu")
    assert webclean.extract(chinese, target_language="zh") is not None
    assert webclean.bare_extraction(chinese, target_language="en") is None


def test_target_language_lets_unknown_languages_pass():
    page = "<html><body><article>" + "<p>Lorem ipsum dolor sit amet consectetur adipiscing.</p>" * 5 + "</article></body></html>"
    assert webclean.bare_extraction(page).language is None
    assert webclean.extract(page, target_language="de") is not None


def test_deduplicate_drops_repeated_paragraphs():
    repeated = "<p>This exact paragraph is printed twice by the page template.</p>"
    page = (
        "<html><body><article>"
        + repeated
        + "<p>Between the two copies there is a paragraph of real article text.</p>"
        + repeated
        + "<p>And a closing paragraph that also belongs to the article body.</p>"
        + "</article></body></html>"
    )
    plain = webclean.extract(page).splitlines()
    deduplicated = webclean.extract(page, deduplicate=True).splitlines()
    assert plain.count("This exact paragraph is printed twice by the page template.") == 2
    assert deduplicated.count("This exact paragraph is printed twice by the page template.") == 1
    assert deduplicated == plain[:2] + plain[3:]


@pytest.mark.parametrize(
    "junk",
    [b"", "", b"\x00\x01\x02\x03" * 100, b"\x1f\x8b\x08broken gzip", "<html></html>", "   \n\n ", b"\xff\xfe\x00"],
)
def test_junk_gives_none(junk):
    assert webclean.extract(junk) is None
    assert webclean.bare_extraction(junk) is None


def test_over_the_size_limit_gives_none(news_page):
    small = webclean.Options(max_bytes=100)
    assert webclean.extract(news_page, options=small) is None
    assert webclean.extract(news_page, options=small.replace(max_bytes=len(news_page))) is not None


def test_lone_surrogates_do_not_raise():
    page = "<html><body><article>" + "<p>Text with a broken \udcff character in a long enough paragraph.</p>" * 4
    assert "broken" in webclean.extract(page)


def test_options_object_equals_keywords(news_page):
    options = webclean.Options(output_format="json", with_metadata=True, favor_precision=True)
    assert webclean.extract(news_page, options=options) == webclean.extract(
        news_page, output_format="json", with_metadata=True, favor_precision=True
    )


def test_output_formats_listed():
    assert {"txt", "markdown", "json"} <= set(webclean.OUTPUT_FORMATS)
    assert webclean.__version__.count(".") == 2
