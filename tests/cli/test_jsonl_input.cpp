// JSON Lines input: a page per line, other keys passed through, bad lines as error records.
#include <boost/test/unit_test.hpp>

#include "cli_harness.hpp"

using namespace cli_test;

namespace {

std::string line_with(const json& extra, int n) {
    json line = extra;
    line["html"] = page("Line " + std::to_string(n), body_text(n));
    return line.dump() + "\n";
}

}  // namespace

BOOST_AUTO_TEST_CASE(jsonl_keys_pass_through_and_bad_lines_become_errors) {
    TempDir dir;
    std::string input;
    input += line_with({{"id", 1}, {"url", "https://a.example/1"}, {"meta", {{"lang", "en"}, {"tags", {"x"}}}}}, 1);
    input += "\n";                                              // blank: skipped
    input += "{not json\n";                                     // line 3
    input += "[1, 2]\n";                                        // line 4: not an object
    input += json({{"id", 5}, {"html", 42}}).dump() + "\n";     // line 5: html is no string
    input += line_with({{"id", 6}, {"title", "mine"}, {"error", false}}, 6);
    input += line_with({{"id", "seven"}}, 7);                   // no newline at the end
    input.pop_back();
    dir.write("pages.jsonl", input);

    const Run run = dir.run("-f jsonl -j 3 --input-format jsonl pages.jsonl");
    BOOST_TEST(run.status == 1);
    const auto lines = parse_lines(run.out);
    BOOST_REQUIRE(lines.size() == 6u);
    for (const json& line : lines) BOOST_TEST(line.at("input") == "pages.jsonl");

    BOOST_TEST(lines[0].at("id") == 1);
    BOOST_TEST((lines[0].at("meta") == json{{"lang", "en"}, {"tags", {"x"}}}));
    BOOST_TEST(lines[0].at("url") == "https://a.example/1");  // the URL key feeds the metadata
    BOOST_TEST(lines[0].at("hostname") == "a.example");
    BOOST_TEST(!lines[0].contains("html"));
    BOOST_TEST(contains(lines[0].at("text").get<std::string>(), "Paragraph number 1"));
    BOOST_TEST(lines[0].at("error").is_null());

    BOOST_TEST(lines[1].at("error") == "bad-input: line 3: not a JSON object");
    BOOST_TEST(lines[2].at("error") == "bad-input: line 4: not a JSON object");
    BOOST_TEST(lines[3].at("error") == "bad-input: line 5: no string \"html\" value");
    BOOST_TEST(lines[3].at("id") == 5);  // a failed line keeps its keys

    // Keys that name output fields are kept under input_<key>.
    BOOST_TEST(lines[4].at("title") == "Line 6");
    BOOST_TEST(lines[4].at("input_title") == "mine");
    BOOST_TEST(lines[4].at("input_error") == false);
    BOOST_TEST(lines[4].at("error").is_null());

    BOOST_TEST(lines[5].at("id") == "seven");
    BOOST_TEST(contains(lines[5].at("text").get<std::string>(), "Paragraph number 7"));
}

BOOST_AUTO_TEST_CASE(jsonl_keys_can_be_renamed_and_input_can_be_piped) {
    TempDir dir;
    std::string input;
    for (int i = 0; i < 30; ++i)
        input += json({{"n", i}, {"body", page("P", body_text(i))}, {"link", "https://b.example/" + std::to_string(i)}})
                     .dump() +
                 "\n";
    dir.write("pages.jsonl", input);
    const Run run = dir.run("-f jsonl --input-format jsonl --html-key body --url-key link - < pages.jsonl");
    BOOST_TEST(run.status == 0);
    const auto lines = parse_lines(run.out);
    BOOST_REQUIRE(lines.size() == 30u);
    for (int i = 0; i < 30; ++i) {
        BOOST_TEST(lines[i].at("n") == i);
        BOOST_TEST(lines[i].at("url") == "https://b.example/" + std::to_string(i));
        BOOST_TEST(!lines[i].contains("link"));
        BOOST_TEST(contains(lines[i].at("text").get<std::string>(), "Paragraph number " + std::to_string(i) + " "));
    }
    // With the default key the pages are not found: each line is an error record.
    const Run wrong_key = dir.run("-f jsonl --input-format jsonl pages.jsonl");
    BOOST_TEST(wrong_key.status == 1);
    BOOST_TEST(parse_lines(wrong_key.out).size() == 30u);

    // The key options belong to jsonl input.
    BOOST_TEST(dir.run("--html-key body pages.jsonl").status == 2);
}

BOOST_AUTO_TEST_CASE(jsonl_line_over_the_limit_is_one_error) {
    TempDir dir;
    std::string input = line_with({{"id", 1}}, 1);
    input += json({{"id", 2}, {"html", std::string(100000, 'x')}}).dump() + "\n";
    input += line_with({{"id", 3}}, 3);
    dir.write("pages.jsonl", input);
    const Run run = dir.run("-f jsonl --input-format jsonl --max-bytes 2000 pages.jsonl");
    BOOST_TEST(run.status == 1);
    const auto lines = parse_lines(run.out);
    BOOST_REQUIRE(lines.size() == 3u);
    BOOST_TEST(lines[0].at("error").is_null());
    BOOST_TEST(lines[1].at("error").get<std::string>().rfind("too-large: line 2", 0) == 0);
    BOOST_TEST(lines[2].at("id") == 3);
    BOOST_TEST(lines[2].at("error").is_null());
}
