// The YAML header of txt and markdown output (--with-metadata), read back with libyaml.
#include <boost/test/unit_test.hpp>

#include <map>
#include <string>
#include <vector>

#include <yaml.h>

#include "webclean/output.hpp"

using webclean::BlockKind;
using webclean::Document;
using webclean::Format;

namespace {

using YamlMap = std::map<std::string, std::vector<std::string>>;

// Reads a flat mapping of scalars and flow sequences of scalars; false when libyaml rejects it.
bool parse_yaml(const std::string& text, YamlMap& out) {
    yaml_parser_t parser;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    bool ok = true;
    std::string key;
    bool in_sequence = false;
    int depth = 0;
    while (true) {
        yaml_event_t event;
        if (!yaml_parser_parse(&parser, &event)) {
            ok = false;
            break;
        }
        const yaml_event_type_t type = event.type;
        if (type == YAML_MAPPING_START_EVENT) ++depth;
        else if (type == YAML_SEQUENCE_START_EVENT) {
            in_sequence = true;
            out[key];
        } else if (type == YAML_SEQUENCE_END_EVENT) {
            in_sequence = false;
            key.clear();
        } else if (type == YAML_SCALAR_EVENT) {
            std::string value(reinterpret_cast<const char*>(event.data.scalar.value), event.data.scalar.length);
            if (in_sequence) out[key].push_back(value);
            else if (key.empty()) key = value;
            else {
                out[key].push_back(value);
                key.clear();
            }
        }
        yaml_event_delete(&event);
        if (type == YAML_STREAM_END_EVENT) break;
    }
    yaml_parser_delete(&parser);
    return ok && depth == 1;
}

// The header between the opening "---" line and the closing one, and what follows it.
void split_header(const std::string& rendered, std::string& header, std::string& body) {
    BOOST_REQUIRE(rendered.rfind("---\n", 0) == 0);
    const std::size_t close = rendered.find("\n---\n", 3);
    BOOST_REQUIRE(close != std::string::npos);
    header = rendered.substr(4, close + 1 - 4);
    body = rendered.substr(close + 5);
}

}  // namespace

BOOST_AUTO_TEST_CASE(yaml_header_round_trips_awkward_values) {
    Document d;
    d.metadata.title = "Quotes \" and \\ backslash: colon # hash";
    d.metadata.authors = {"- dash", "'single'"};
    d.metadata.date = "2024-03-01";
    d.metadata.description = "two\nlines\tand tab, bell\x07, line sep \u2028 end";
    d.metadata.sitename = "新华网";
    d.metadata.tags = {"a, b", "[c]", "yes"};
    d.metadata.license = "\xff broken";
    d.text = "Body line\n";
    webclean::RenderOptions options;
    options.with_metadata = true;
    options.fields = {{"warc_date", "2024-03-01T00:00:00Z"}, {"odd key: x", "null"}};

    std::string header, body;
    split_header(webclean::render(d, Format::Text, options), header, body);
    BOOST_TEST(body == "Body line\n");
    YamlMap yaml;
    BOOST_REQUIRE(parse_yaml(header, yaml));
    BOOST_TEST(yaml["title"].at(0) == d.metadata.title);
    BOOST_TEST(yaml["author"].at(0) == "- dash; 'single'");
    BOOST_TEST(yaml["date"].at(0) == "2024-03-01");
    BOOST_TEST(yaml["description"].at(0) == d.metadata.description);
    BOOST_TEST(yaml["sitename"].at(0) == "新华网");
    BOOST_TEST((yaml["tags"] == std::vector<std::string>{"a, b", "[c]", "yes"}));
    BOOST_TEST(yaml["license"].at(0) == "\xEF\xBF\xBD broken");
    BOOST_TEST(yaml["warc_date"].at(0) == "2024-03-01T00:00:00Z");
    BOOST_TEST(yaml["odd key: x"].at(0) == "null");
    BOOST_TEST(yaml.count("modified") == 0u);  // not found, not written
}

BOOST_AUTO_TEST_CASE(yaml_header_only_when_asked) {
    Document d;
    d.metadata.title = "T";
    d.blocks = {{BlockKind::Heading, 1, "T"}, {BlockKind::Paragraph, 0, "Body"}};
    d.text = "T\nBody\n";
    BOOST_TEST(webclean::render(d, Format::Text) == "T\nBody\n");
    BOOST_TEST(webclean::render(d, Format::Markdown) == "# T\n\nBody");

    webclean::RenderOptions options;
    options.with_metadata = true;
    std::string header, body;
    split_header(webclean::render(d, Format::Markdown, options), header, body);
    BOOST_TEST(body == "# T\n\nBody\n");
    YamlMap yaml;
    BOOST_REQUIRE(parse_yaml(header, yaml));
    BOOST_TEST(yaml.size() == 1u);
    BOOST_TEST(yaml["title"].at(0) == "T");
}

BOOST_AUTO_TEST_CASE(yaml_header_of_empty_document) {
    webclean::RenderOptions options;
    options.with_metadata = true;
    BOOST_TEST(webclean::render(Document{}, Format::Text, options) == "---\n---\n");
}

BOOST_AUTO_TEST_CASE(yaml_header_shows_how_a_fetched_page_was_served) {
    Document d;
    d.metadata.title = "T";
    d.response = {404, "https://example.com/x", ""};
    webclean::RenderOptions options;
    options.with_metadata = true;
    options.fields = {{"input", "https://example.com/x"}};
    std::string header, body;
    split_header(webclean::render(d, Format::Text, options), header, body);
    YamlMap yaml;
    BOOST_REQUIRE(parse_yaml(header, yaml));
    BOOST_TEST(yaml["http_status"].at(0) == "404");
    BOOST_TEST(yaml["final_url"].at(0) == "https://example.com/x");
    BOOST_TEST(yaml.count("content_type") == 0u);
    BOOST_TEST(yaml["input"].at(0) == "https://example.com/x");
}
