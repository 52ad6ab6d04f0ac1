// The XML format, read back with pugixml.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include <pugixml.hpp>

#include "webclean/output.hpp"

using webclean::Block;
using webclean::BlockKind;
using webclean::Document;
using webclean::Format;

namespace {

struct ParsedXml {
    pugi::xml_document xml;
    pugi::xml_parse_result result;
};

// Parses rendered XML; whitespace-only text is not kept, so indentation does not show up as text.
void parse(const std::string& text, ParsedXml& out) {
    out.result = out.xml.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_declaration);
}

std::vector<std::string> child_names(pugi::xml_node node) {
    std::vector<std::string> names;
    for (pugi::xml_node child : node.children()) names.emplace_back(child.name());
    return names;
}

Document full_document() {
    Document d;
    d.metadata.title = "Title & <more>";
    d.metadata.authors = {"Ann", "Bob"};
    d.metadata.date = "2024-03-01";
    d.metadata.url = "https://example.com/a?x=1&y=2";
    d.metadata.categories = {"news"};
    d.metadata.tags = {"x", "y"};
    d.metadata.icp = "京ICP备12345678号";
    d.blocks = {
        {BlockKind::Heading, 1, "Title"},
        {BlockKind::Paragraph, 0, "First paragraph with \"quotes\" & <tags>."},
        {BlockKind::ListItem, 1, "one"},
        {BlockKind::ListItem, 2, "one.a"},
        {BlockKind::ListItem, 2, "one.b"},
        {BlockKind::ListItem, 1, "two"},
        {BlockKind::Quote, 0, "Quoted\nsecond line"},
        {BlockKind::Code, 0, "int x = 1;"},
        {BlockKind::Code, 0, "return x;"},
        {BlockKind::TableRow, 0, "Name\tAge"},
        {BlockKind::TableRow, 0, "Ann\t41"},
        {BlockKind::Caption, 0, "A caption"},
        {BlockKind::Heading, 9, "Deep"},
    };
    for (const auto& b : d.blocks) d.text += b.text + "\n";
    d.comment_blocks = {{BlockKind::Paragraph, 0, "Nice post"}};
    d.comments = "Nice post\n";
    return d;
}

}  // namespace

BOOST_AUTO_TEST_CASE(xml_parse_format_name) {
    Format format = Format::Text;
    BOOST_TEST(webclean::parse_format("xml", format));
    BOOST_TEST((format == Format::Xml));
}

BOOST_AUTO_TEST_CASE(xml_holds_metadata_article_and_comments) {
    webclean::RenderOptions options;
    options.fields = {{"input", "a.html"}, {"warc_record_id", "<urn:uuid:1>"}};
    const std::string rendered = webclean::render(full_document(), Format::Xml, options);
    ParsedXml parsed;
    parse(rendered, parsed);
    BOOST_REQUIRE_MESSAGE(parsed.result, parsed.result.description());

    const pugi::xml_node declaration = parsed.xml.first_child();
    BOOST_TEST((declaration.type() == pugi::node_declaration));
    BOOST_TEST(std::string(declaration.attribute("encoding").value()) == "UTF-8");

    const pugi::xml_node root = parsed.xml.child("document");
    BOOST_REQUIRE(root);
    BOOST_TEST((child_names(root) == std::vector<std::string>{"fields", "metadata", "main", "comments"}));

    const pugi::xml_node fields = root.child("fields");
    BOOST_TEST(std::string(fields.find_child_by_attribute("field", "name", "input").text().get()) == "a.html");
    BOOST_TEST(std::string(fields.find_child_by_attribute("field", "name", "warc_record_id").text().get()) ==
               "<urn:uuid:1>");

    const pugi::xml_node metadata = root.child("metadata");
    BOOST_TEST(std::string(metadata.child("title").text().get()) == "Title & <more>");
    BOOST_TEST(std::string(metadata.child("url").text().get()) == "https://example.com/a?x=1&y=2");
    std::vector<std::string> authors;
    for (pugi::xml_node author : metadata.children("author")) authors.emplace_back(author.text().get());
    BOOST_TEST((authors == std::vector<std::string>{"Ann", "Bob"}));
    BOOST_TEST(std::string(metadata.child("category").text().get()) == "news");
    BOOST_TEST(std::string(metadata.child("tag").next_sibling("tag").text().get()) == "y");
    BOOST_TEST(std::string(metadata.child("icp").text().get()) == "京ICP备12345678号");
    BOOST_TEST(!metadata.child("sitename"));  // fields not found are left out

    const pugi::xml_node main = root.child("main");
    BOOST_TEST((child_names(main) ==
                std::vector<std::string>{"heading", "p", "list", "quote", "code", "table", "caption", "heading"}));
    const pugi::xml_node heading = main.child("heading");
    BOOST_TEST(heading.attribute("level").as_int() == 1);
    BOOST_TEST(main.last_child().attribute("level").as_int() == 6);  // clamped
    BOOST_TEST(std::string(main.child("p").text().get()) == "First paragraph with \"quotes\" & <tags>.");

    // Nested items sit in a <list> right after the item they belong to.
    const pugi::xml_node list = main.child("list");
    BOOST_TEST((child_names(list) == std::vector<std::string>{"item", "list", "item"}));
    BOOST_TEST(std::string(list.first_child().text().get()) == "one");
    BOOST_TEST((child_names(list.child("list")) == std::vector<std::string>{"item", "item"}));
    BOOST_TEST(std::string(list.child("list").last_child().text().get()) == "one.b");
    BOOST_TEST(std::string(list.last_child().text().get()) == "two");

    BOOST_TEST(std::string(main.child("quote").text().get()) == "Quoted\nsecond line");
    BOOST_TEST(std::string(main.child("code").text().get()) == "int x = 1;\nreturn x;");
    const pugi::xml_node table = main.child("table");
    BOOST_TEST((child_names(table) == std::vector<std::string>{"row", "row"}));
    BOOST_TEST(std::string(table.last_child().last_child().text().get()) == "41");
    BOOST_TEST(std::string(main.child("caption").text().get()) == "A caption");

    BOOST_TEST(std::string(root.child("comments").child("p").text().get()) == "Nice post");
}

BOOST_AUTO_TEST_CASE(xml_of_several_articles_lists_them) {
    Document d;
    d.text = "One\nFirst story.\nTwo\nSecond story.\n";
    d.articles = {{"One", "本报记者 张三", "One\nFirst story.\n"}, {"Two", "", "Two\nSecond story.\n"}};
    ParsedXml parsed;
    parse(webclean::render(d, Format::Xml), parsed);
    BOOST_REQUIRE(parsed.result);
    const pugi::xml_node articles = parsed.xml.child("document").child("articles");
    BOOST_TEST((child_names(articles) == std::vector<std::string>{"article", "article"}));
    BOOST_TEST(std::string(articles.first_child().child("byline").text().get()) == "本报记者 张三");
    BOOST_TEST(!articles.last_child().child("byline"));
    BOOST_TEST((child_names(articles.last_child()) == std::vector<std::string>{"title", "p", "p"}));
    // A document without blocks still has its lines in <main>.
    BOOST_TEST(child_names(parsed.xml.child("document").child("main")).size() == 4u);
}

BOOST_AUTO_TEST_CASE(xml_leaves_out_characters_xml_cannot_hold) {
    Document d;
    d.metadata.title = "bell\x07 and \xff byte";
    d.blocks = {{BlockKind::Paragraph, 0, "nul\x01 here\x1b[0m, tab\tkept"}};
    d.text = d.blocks[0].text;
    const std::string rendered = webclean::render(d, Format::Xml);
    ParsedXml parsed;
    parse(rendered, parsed);
    BOOST_REQUIRE(parsed.result);
    BOOST_TEST(rendered.find("&#") == std::string::npos);  // no character references to controls
    const pugi::xml_node root = parsed.xml.child("document");
    BOOST_TEST(std::string(root.child("metadata").child("title").text().get()) == "bell and \xEF\xBF\xBD byte");
    BOOST_TEST(std::string(root.child("main").child("p").text().get()) == "nul here[0m, tab\tkept");
}

BOOST_AUTO_TEST_CASE(xml_of_empty_document_is_well_formed) {
    ParsedXml parsed;
    parse(webclean::render(Document{}, Format::Xml), parsed);
    BOOST_REQUIRE(parsed.result);
    const pugi::xml_node root = parsed.xml.child("document");
    BOOST_TEST((child_names(root) == std::vector<std::string>{"metadata", "main"}));
    BOOST_TEST(!root.child("metadata").first_child());
    BOOST_TEST(!root.child("main").first_child());
}

BOOST_AUTO_TEST_CASE(xml_shows_how_a_fetched_page_was_served) {
    Document d;
    d.metadata.replaced = 3;
    d.response = {200, "https://example.com/final", "text/html; charset=gbk"};
    ParsedXml parsed;
    parse(webclean::render(d, Format::Xml), parsed);
    BOOST_REQUIRE(parsed.result);
    const pugi::xml_node metadata = parsed.xml.child("document").child("metadata");
    BOOST_TEST((child_names(metadata) == std::vector<std::string>{"replaced", "http_status", "final_url", "content_type"}));
    BOOST_TEST(metadata.child("http_status").text().as_int() == 200);
    BOOST_TEST(metadata.child("replaced").text().as_int() == 3);
    BOOST_TEST(std::string(metadata.child("final_url").text().get()) == "https://example.com/final");
}
