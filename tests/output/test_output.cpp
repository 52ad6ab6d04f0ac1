#define BOOST_TEST_MODULE output
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include "webclean/output.hpp"

using webclean::Block;
using webclean::BlockKind;
using webclean::Document;
using webclean::Format;

namespace {

Document document_with(std::vector<Block> blocks) {
    Document document;
    document.blocks = std::move(blocks);
    for (const auto& block : document.blocks) document.text += block.text + "\n";
    return document;
}

}  // namespace

BOOST_AUTO_TEST_CASE(parse_format_names) {
    Format format = Format::Text;
    BOOST_TEST(webclean::parse_format("json", format));
    BOOST_TEST((format == Format::Json));
    BOOST_TEST(webclean::parse_format("markdown", format));
    BOOST_TEST((format == Format::Markdown));
    format = Format::Text;
    BOOST_TEST(webclean::parse_format("md", format));
    BOOST_TEST((format == Format::Markdown));
    BOOST_TEST(webclean::parse_format("txt", format));
    BOOST_TEST((format == Format::Text));
    BOOST_TEST(!webclean::parse_format("jsonl", format));
    BOOST_TEST(!webclean::parse_format("", format));
    BOOST_TEST(!webclean::parse_format("TXT", format));
}

BOOST_AUTO_TEST_CASE(text_is_the_document_text) {
    Document document;
    document.text = "First line\nSecond line\n";
    BOOST_TEST(webclean::render(document, Format::Text) == "First line\nSecond line\n");
}

BOOST_AUTO_TEST_CASE(json_holds_every_field) {
    Document document;
    auto& m = document.metadata;
    m.title = "A title";
    m.authors = {"Ann", "Bob"};
    m.date = "2024-03-01";
    m.sitename = "Example";
    m.url = "https://example.com/a";
    m.hostname = "example.com";
    m.language = "en";
    m.categories = {"news"};
    m.tags = {"x", "y"};
    m.icp = "京ICP备12345678号";
    m.charset = "gb18030";
    document.text = "Body\n";
    document.comments = "Nice";

    const std::string rendered = webclean::render(document, Format::Json);
    BOOST_TEST(rendered.find('\n') == std::string::npos);  // compact: one line
    const auto json = nlohmann::json::parse(rendered);
    BOOST_TEST(json.is_object());
    BOOST_TEST(json.at("title") == "A title");
    BOOST_TEST(json.at("author") == "Ann; Bob");
    BOOST_TEST(json.at("date") == "2024-03-01");
    BOOST_TEST(json.at("modified").is_null());
    BOOST_TEST(json.at("sitename") == "Example");
    BOOST_TEST(json.at("source").is_null());
    BOOST_TEST(json.at("url") == "https://example.com/a");
    BOOST_TEST(json.at("hostname") == "example.com");
    BOOST_TEST(json.at("description").is_null());
    BOOST_TEST(json.at("language") == "en");
    BOOST_TEST(json.at("image").is_null());
    BOOST_TEST((json.at("categories") == nlohmann::json::array({"news"})));
    BOOST_TEST((json.at("tags") == nlohmann::json::array({"x", "y"})));
    BOOST_TEST(json.at("license").is_null());
    BOOST_TEST(json.at("editor").is_null());
    BOOST_TEST(json.at("icp") == "京ICP备12345678号");
    BOOST_TEST(json.at("public_security").is_null());
    BOOST_TEST(json.at("charset") == "gb18030");
    BOOST_TEST(json.at("text") == "Body\n");
    BOOST_TEST(json.at("comments") == "Nice");
    BOOST_TEST(json.size() == 20u);
}

BOOST_AUTO_TEST_CASE(json_of_empty_document_is_nulls_and_empty_arrays) {
    const auto json = nlohmann::json::parse(webclean::render(Document{}, Format::Json));
    for (const auto& [key, value] : json.items()) {
        if (key == "categories" || key == "tags")
            BOOST_TEST((value == nlohmann::json::array()), key);
        else
            BOOST_TEST(value.is_null(), key);
    }
}

BOOST_AUTO_TEST_CASE(json_keeps_the_documented_key_order) {
    const std::string rendered = webclean::render(Document{}, Format::Json);
    BOOST_TEST(rendered.rfind("{\"title\":null,\"author\":null,\"date\":null,", 0) == 0);
    BOOST_TEST(rendered.find("\"text\":null,\"comments\":null}") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(json_replaces_invalid_utf8_instead_of_throwing) {
    Document document;
    document.metadata.title = "bad \xff\xfe byte";
    document.text = "ok \xc3";
    std::string rendered;
    BOOST_CHECK_NO_THROW(rendered = webclean::render(document, Format::Json));
    const auto json = nlohmann::json::parse(rendered);
    BOOST_TEST(json.at("title") == "bad \xef\xbf\xbd\xef\xbf\xbd byte");
    BOOST_TEST(json.at("text") == "ok \xef\xbf\xbd");
}

BOOST_AUTO_TEST_CASE(markdown_headings_paragraphs_quotes_captions) {
    const auto document = document_with({
        {BlockKind::Heading, 1, "Title"},
        {BlockKind::Paragraph, 0, "First paragraph."},
        {BlockKind::Heading, 3, "Section"},
        {BlockKind::Quote, 0, "Quoted\nsecond line"},
        {BlockKind::Caption, 0, "A caption"},
        {BlockKind::Paragraph, 0, "Last."},
    });
    BOOST_TEST(webclean::render(document, Format::Markdown) ==
               "# Title\n\nFirst paragraph.\n\n### Section\n\n> Quoted\n> second line\n\n"
               "A caption\n\nLast.");
}

BOOST_AUTO_TEST_CASE(markdown_heading_levels_are_clamped) {
    const auto document = document_with({{BlockKind::Heading, 0, "Zero"}, {BlockKind::Heading, 9, "Nine"}});
    BOOST_TEST(webclean::render(document, Format::Markdown) == "# Zero\n\n###### Nine");
}

BOOST_AUTO_TEST_CASE(markdown_list_items_form_a_run) {
    const auto document = document_with({
        {BlockKind::Paragraph, 0, "Intro"},
        {BlockKind::ListItem, 1, "one"},
        {BlockKind::ListItem, 2, "nested\nwrapped"},
        {BlockKind::ListItem, 1, "two"},
        {BlockKind::Paragraph, 0, "After"},
    });
    BOOST_TEST(webclean::render(document, Format::Markdown) ==
               "Intro\n\n- one\n  - nested\n    wrapped\n- two\n\nAfter");
}

BOOST_AUTO_TEST_CASE(markdown_code_shares_one_fence) {
    const auto document = document_with({
        {BlockKind::Code, 0, "int x = 1;"},
        {BlockKind::Code, 0, "return x;"},
        {BlockKind::Paragraph, 0, "Text"},
    });
    BOOST_TEST(webclean::render(document, Format::Markdown) ==
               "```\nint x = 1;\nreturn x;\n```\n\nText");
}

BOOST_AUTO_TEST_CASE(markdown_code_fence_outgrows_backticks_inside) {
    const auto document = document_with({{BlockKind::Code, 0, "see ``` here"}});
    BOOST_TEST(webclean::render(document, Format::Markdown) == "````\nsee ``` here\n````");
}

BOOST_AUTO_TEST_CASE(markdown_table_rows) {
    const auto document = document_with({
        {BlockKind::TableRow, 0, "Name\tAge"},
        {BlockKind::TableRow, 0, "Ann\t41"},
        {BlockKind::TableRow, 0, "a|b\t"},
        {BlockKind::Paragraph, 0, "Between"},
        {BlockKind::TableRow, 0, "solo"},
    });
    BOOST_TEST(webclean::render(document, Format::Markdown) ==
               "| Name | Age |\n|---|---|\n| Ann | 41 |\n| a\\|b |  |\n\nBetween\n\n| solo |\n|---|");
}

BOOST_AUTO_TEST_CASE(markdown_skips_empty_blocks) {
    const auto document = document_with({
        {BlockKind::Paragraph, 0, "A"},
        {BlockKind::Paragraph, 0, ""},
        {BlockKind::Heading, 2, ""},
        {BlockKind::Paragraph, 0, "B"},
    });
    BOOST_TEST(webclean::render(document, Format::Markdown) == "A\n\nB");
}

BOOST_AUTO_TEST_CASE(markdown_without_blocks_falls_back_to_text) {
    Document document;
    document.text = "Just text\nin lines\n";
    BOOST_TEST(webclean::render(document, Format::Markdown) == "Just text\nin lines");
}
