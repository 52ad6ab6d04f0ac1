// Output formats from the command line: xml and json read back, html, the YAML header.
#include <boost/test/unit_test.hpp>

#include <pugixml.hpp>

#include "cli_harness.hpp"

using namespace cli_test;

namespace {

std::string rich_page() {
    return "<!DOCTYPE html><html lang=\"en\"><head><title>Rich page</title>"
           "<meta name=\"author\" content=\"Ann Author\"><meta name=\"description\" content=\"About &quot;it&quot;\">"
           "</head><body><article><h1>Rich page</h1><p>" +
           body_text(1) + "</p><h2>Second part</h2><p>" + body_text(2) + "</p><blockquote><p>" + body_text(3) +
           "</p></blockquote></article></body></html>";
}

}  // namespace

BOOST_AUTO_TEST_CASE(xml_output_reads_back) {
    TempDir dir;
    dir.write("rich.html", rich_page());
    const Run run = dir.run("-f xml rich.html");
    BOOST_TEST(run.status == 0);
    pugi::xml_document xml;
    BOOST_REQUIRE(xml.load_string(run.out.c_str()));
    const pugi::xml_node document = xml.child("document");
    BOOST_REQUIRE(document);
    BOOST_TEST(std::string(document.child("fields").find_child_by_attribute("field", "name", "input").text().get()) ==
               "rich.html");
    BOOST_TEST(std::string(document.child("metadata").child("title").text().get()) == "Rich page");
    BOOST_TEST(std::string(document.child("metadata").child("author").text().get()) == "Ann Author");
    BOOST_TEST(std::string(document.child("metadata").child("description").text().get()) == "About \"it\"");
    BOOST_TEST(std::string(document.child("metadata").child("language").text().get()) == "en");
    const pugi::xml_node main = document.child("main");
    BOOST_TEST(std::string(main.find_child_by_attribute("heading", "level", "2").text().get()) == "Second part");
    BOOST_TEST(contains(main.child("p").text().get(), "Paragraph number 1"));
    BOOST_TEST(contains(main.last_child().text().get(), "Paragraph number 3"));
}

BOOST_AUTO_TEST_CASE(xml_of_several_inputs_is_one_documents_element_with_failures_inside) {
    TempDir dir;
    dir.write("a.html", page("A", body_text(1)));
    dir.write("b.html", page("B", body_text(2)));
    const Run run = dir.run("-f xml a.html missing.html b.html");
    BOOST_TEST(run.status == 1);
    BOOST_TEST(run.err.empty());  // the error is in the output
    pugi::xml_document xml;
    BOOST_REQUIRE(xml.load_string(run.out.c_str()));
    std::vector<std::string> inputs, errors;
    for (pugi::xml_node document : xml.child("documents").children("document")) {
        const pugi::xml_node fields = document.child("fields");
        inputs.emplace_back(fields.find_child_by_attribute("field", "name", "input").text().get());
        errors.emplace_back(fields.find_child_by_attribute("field", "name", "error").text().get());
    }
    BOOST_TEST((inputs == std::vector<std::string>{"a.html", "missing.html", "b.html"}));
    BOOST_TEST(errors[0].empty());
    BOOST_TEST(errors[1].rfind("read-error: ", 0) == 0);
    BOOST_TEST(errors[2].empty());

    fs::create_directories(dir.path / "empty");
    const Run none = dir.run("-f xml empty");
    BOOST_TEST(none.status == 0);
    pugi::xml_document empty;
    BOOST_REQUIRE(empty.load_string(none.out.c_str()));
    BOOST_TEST(empty.child("documents"));
    BOOST_TEST(!empty.child("documents").first_child());
}

BOOST_AUTO_TEST_CASE(json_output_reads_back_with_metadata) {
    TempDir dir;
    dir.write("rich.html", rich_page());
    const Run run = dir.run("-f json rich.html");
    BOOST_TEST(run.status == 0);
    const auto object = nlohmann::ordered_json::parse(run.out);
    BOOST_TEST(object.at("title") == "Rich page");
    BOOST_TEST(object.at("author") == "Ann Author");
    BOOST_TEST(object.at("language") == "en");
    BOOST_TEST(contains(object.at("text").get<std::string>(), "Second part"));
    BOOST_TEST(object.begin().key() == "input");
    BOOST_TEST((--object.end()).key() == "error");
}

BOOST_AUTO_TEST_CASE(html_output_is_one_page) {
    TempDir dir;
    dir.write("rich.html", rich_page());
    dir.write("b.html", page("B", body_text(2)));
    const Run run = dir.run("-f html rich.html");
    BOOST_TEST(run.status == 0);
    BOOST_TEST(run.out.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
    BOOST_TEST(contains(run.out, "<title>Rich page</title>"));
    BOOST_TEST(contains(run.out, "<h2>Second part</h2>"));
    BOOST_TEST(contains(run.out, "<meta name=\"author\" content=\"Ann Author\">"));
    BOOST_TEST(contains(run.out, "data-input=\"rich.html\""));

    // Pages cannot be concatenated into one: several need a directory.
    const Run several = dir.run("-f html rich.html b.html");
    BOOST_TEST(several.status == 2);
    BOOST_TEST(several.out.empty());
    BOOST_TEST(contains(several.err, "--output-dir"));
    BOOST_TEST(dir.run("-f html -o out rich.html b.html").status == 0);
    BOOST_TEST(fs::exists(dir.path / "out" / "rich.html"));
    BOOST_TEST(fs::exists(dir.path / "out" / "b.html"));
}

BOOST_AUTO_TEST_CASE(with_metadata_puts_a_yaml_header_on_text_and_markdown) {
    TempDir dir;
    dir.write("rich.html", rich_page());
    for (const std::string format : {"txt", "markdown"}) {
        const Run run = dir.run("--with-metadata -f " + format + " rich.html");
        BOOST_TEST(run.status == 0);
        BOOST_TEST(run.out.rfind("---\n", 0) == 0, format);
        const std::size_t close = run.out.find("\n---\n", 3);
        BOOST_REQUIRE(close != std::string::npos);
        const std::string header = run.out.substr(0, close);
        BOOST_TEST(contains(header, "\ntitle: \"Rich page\"\n"), format);
        BOOST_TEST(contains(header, "\ndescription: \"About \\\"it\\\"\"\n"), format);
        BOOST_TEST(contains(header, "\ninput: \"rich.html\""), format);
        BOOST_TEST(contains(run.out.substr(close), "Paragraph number 1"), format);
    }
    // Without the flag: no header.
    BOOST_TEST(dir.run("rich.html").out.rfind("---", 0) != 0);
}
