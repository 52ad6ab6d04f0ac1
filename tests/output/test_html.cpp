// The HTML format, read back with Gumbo with its parse-error list on.
#include <boost/test/unit_test.hpp>

#include <functional>
#include <string>
#include <vector>

#include <gumbo.h>

#include "webclean/output.hpp"

using webclean::BlockKind;
using webclean::Document;
using webclean::Format;

namespace {

// Owns a Gumbo parse of an HTML string.
struct ParsedHtml {
    explicit ParsedHtml(const std::string& html) : text(html) {
        GumboOptions options = kGumboDefaultOptions;
        options.max_errors = -1;
        output = gumbo_parse_with_options(&options, text.data(), text.size());
    }
    ~ParsedHtml() { gumbo_destroy_output(&kGumboDefaultOptions, output); }
    ParsedHtml(const ParsedHtml&) = delete;
    ParsedHtml& operator=(const ParsedHtml&) = delete;

    std::string text;
    GumboOutput* output;
};

std::vector<const GumboNode*> elements(const GumboNode* node) {
    std::vector<const GumboNode*> out;
    if (node->type != GUMBO_NODE_ELEMENT) return out;
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
        const auto* child = static_cast<const GumboNode*>(children.data[i]);
        if (child->type == GUMBO_NODE_ELEMENT) out.push_back(child);
    }
    return out;
}

// Every element with this tag, in document order.
std::vector<const GumboNode*> find_all(const GumboNode* root, GumboTag tag) {
    std::vector<const GumboNode*> found;
    std::function<void(const GumboNode*)> walk = [&](const GumboNode* node) {
        if (node->type != GUMBO_NODE_ELEMENT) return;
        if (node->v.element.tag == tag) found.push_back(node);
        for (const GumboNode* child : elements(node)) walk(child);
    };
    walk(root);
    return found;
}

std::string text_of(const GumboNode* node) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) return node->v.text.text;
    if (node->type != GUMBO_NODE_ELEMENT) return {};
    std::string out;
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
        const auto* child = static_cast<const GumboNode*>(children.data[i]);
        if (child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == GUMBO_TAG_BR) out += '\n';
        else out += text_of(child);
    }
    return out;
}

std::string attribute(const GumboNode* node, const char* name) {
    const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
    return a ? a->value : std::string();
}

std::string meta_content(const GumboNode* root, const std::string& name) {
    for (const GumboNode* meta : find_all(root, GUMBO_TAG_META))
        if (attribute(meta, "name") == name) return attribute(meta, "content");
    return {};
}

}  // namespace

BOOST_AUTO_TEST_CASE(html_is_a_valid_page_with_metadata_in_head) {
    Document d;
    d.metadata.title = "A <title> & more";
    d.metadata.authors = {"Ann", "Bob \"B\""};
    d.metadata.description = "About it";
    d.metadata.date = "2024-03-01";
    d.metadata.sitename = "Example";
    d.metadata.language = "en";
    d.metadata.url = "https://example.com/a?x=1&y=2";
    d.metadata.tags = {"x", "y"};
    d.blocks = {
        {BlockKind::Heading, 1, "Title"},
        {BlockKind::Paragraph, 0, "Line one\nline two & <three>"},
        {BlockKind::ListItem, 1, "one"},
        {BlockKind::ListItem, 2, "one.a"},
        {BlockKind::ListItem, 1, "two"},
        {BlockKind::Quote, 0, "Quoted"},
        {BlockKind::Code, 0, "a < b"},
        {BlockKind::Code, 0, "return;"},
        {BlockKind::TableRow, 0, "Name\tAge"},
        {BlockKind::TableRow, 0, "Ann\t41"},
        {BlockKind::Caption, 0, "A caption"},
    };
    for (const auto& b : d.blocks) d.text += b.text + "\n";
    d.comments = "First comment\nSecond comment\n";
    webclean::RenderOptions options;
    options.fields = {{"warc_target_uri", "https://example.com/a"}, {"Odd Key!", "v"}};

    const std::string html = webclean::render(d, Format::Html, options);
    BOOST_TEST(html.rfind("<!DOCTYPE html>\n", 0) == 0);
    ParsedHtml parsed(html);
    BOOST_TEST(parsed.output->errors.length == 0u);
    const GumboNode* root = parsed.output->root;

    BOOST_TEST(attribute(root, "lang") == "en");
    BOOST_TEST(text_of(find_all(root, GUMBO_TAG_TITLE).at(0)) == "A <title> & more");
    BOOST_TEST(attribute(find_all(root, GUMBO_TAG_META).at(0), "charset") == "utf-8");
    BOOST_TEST(meta_content(root, "description") == "About it");
    BOOST_TEST(meta_content(root, "dcterms.date") == "2024-03-01");
    BOOST_TEST(meta_content(root, "dcterms.publisher") == "Example");
    BOOST_TEST(meta_content(root, "keywords") == "x, y");
    std::vector<std::string> authors;
    for (const GumboNode* meta : find_all(root, GUMBO_TAG_META))
        if (attribute(meta, "name") == "author") authors.push_back(attribute(meta, "content"));
    BOOST_TEST((authors == std::vector<std::string>{"Ann", "Bob \"B\""}));
    BOOST_TEST(attribute(find_all(root, GUMBO_TAG_LINK).at(0), "href") == "https://example.com/a?x=1&y=2");

    const GumboNode* article = find_all(root, GUMBO_TAG_ARTICLE).at(0);
    BOOST_TEST(attribute(article, "data-warc_target_uri") == "https://example.com/a");
    BOOST_TEST(attribute(article, "data-odd-key-") == "v");
    std::vector<GumboTag> tags;
    for (const GumboNode* child : elements(article)) tags.push_back(child->v.element.tag);
    BOOST_TEST((tags == std::vector<GumboTag>{GUMBO_TAG_H1, GUMBO_TAG_P, GUMBO_TAG_UL, GUMBO_TAG_BLOCKQUOTE,
                                              GUMBO_TAG_PRE, GUMBO_TAG_TABLE, GUMBO_TAG_FIGURE}));
    BOOST_TEST(text_of(find_all(article, GUMBO_TAG_P).at(0)) == "Line one\nline two & <three>");

    // The nested list sits inside the first item.
    const auto items = find_all(article, GUMBO_TAG_LI);
    BOOST_REQUIRE(items.size() == 3u);
    BOOST_TEST(find_all(items[0], GUMBO_TAG_UL).size() == 1u);
    BOOST_TEST(text_of(items[1]) == "one.a");
    BOOST_TEST(text_of(items[2]) == "two");

    BOOST_TEST(text_of(find_all(article, GUMBO_TAG_CODE).at(0)) == "a < b\nreturn;");
    const auto cells = find_all(article, GUMBO_TAG_TD);
    BOOST_TEST(cells.size() == 4u);
    BOOST_TEST(text_of(cells.at(3)) == "41");
    BOOST_TEST(text_of(find_all(article, GUMBO_TAG_FIGCAPTION).at(0)) == "A caption");

    const GumboNode* aside = find_all(root, GUMBO_TAG_ASIDE).at(0);
    const auto comments = find_all(aside, GUMBO_TAG_P);
    BOOST_REQUIRE(comments.size() == 2u);
    BOOST_TEST(text_of(comments[1]) == "Second comment");
}

BOOST_AUTO_TEST_CASE(html_title_falls_back_to_first_heading_then_placeholder) {
    Document with_heading;
    with_heading.blocks = {{BlockKind::Paragraph, 0, "Intro"}, {BlockKind::Heading, 2, "The heading"}};
    ParsedHtml first(webclean::render(with_heading, Format::Html));
    BOOST_TEST(text_of(find_all(first.output->root, GUMBO_TAG_TITLE).at(0)) == "The heading");

    ParsedHtml empty(webclean::render(Document{}, Format::Html));
    BOOST_TEST(empty.output->errors.length == 0u);
    BOOST_TEST(!text_of(find_all(empty.output->root, GUMBO_TAG_TITLE).at(0)).empty());
    BOOST_TEST(find_all(empty.output->root, GUMBO_TAG_ASIDE).empty());
}

BOOST_AUTO_TEST_CASE(html_deep_list_jumps_nest_one_step) {
    Document d;
    d.blocks = {{BlockKind::ListItem, 1, "a"}, {BlockKind::ListItem, 4, "deep"}, {BlockKind::ListItem, 1, "b"}};
    ParsedHtml parsed(webclean::render(d, Format::Html));
    BOOST_TEST(parsed.output->errors.length == 0u);
    BOOST_TEST(find_all(parsed.output->root, GUMBO_TAG_UL).size() == 2u);
    BOOST_TEST(find_all(parsed.output->root, GUMBO_TAG_LI).size() == 3u);
}
