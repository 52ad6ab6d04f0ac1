// --output-dir: one file per document, named after its input, never overwriting.
#include <boost/test/unit_test.hpp>

#include <set>

#include "cli_harness.hpp"

using namespace cli_test;

namespace {

// Every regular file under root, as paths relative to it.
std::set<std::string> files_under(const fs::path& root) {
    std::set<std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(root))
        if (entry.is_regular_file()) files.insert(fs::relative(entry.path(), root).string());
    return files;
}

}  // namespace

BOOST_AUTO_TEST_CASE(output_dir_keeps_the_folder_structure_of_a_directory_input) {
    TempDir dir;
    dir.write("crawl/a.html", page("A", body_text(1)));
    dir.write("crawl/news/b.htm", page("B", body_text(2)));
    dir.write("crawl/news/2024/c.html.gz", std::string("\x1f\x8b\x08\x00 cut short", 14));
    dir.write("d.html", page("D", body_text(4)));
    const Run run = dir.run("-f json -o out crawl d.html");
    BOOST_TEST(run.status == 1);  // c.html.gz is broken
    BOOST_TEST(run.out.empty());
    BOOST_TEST((files_under(dir.path / "out") ==
                std::set<std::string>{"a.json", "news/b.json", "news/2024/c.json", "d.json"}));
    const json b = json::parse(slurp(dir.path / "out/news/b.json"));
    BOOST_TEST(b.at("input") == "crawl/news/b.htm");
    BOOST_TEST(contains(b.at("text").get<std::string>(), "Paragraph number 2"));
    BOOST_TEST(json::parse(slurp(dir.path / "out/news/2024/c.json")).at("error").is_string());

    // Text formats have no place for an error: the failed input gets no file and a message.
    const Run text = dir.run("-o txt crawl");
    BOOST_TEST(text.status == 1);
    BOOST_TEST((files_under(dir.path / "txt") == std::set<std::string>{"a.txt", "news/b.txt"}));
    BOOST_TEST(contains(text.err, "crawl/news/2024/c.html.gz: "));
    BOOST_TEST(contains(slurp(dir.path / "txt/a.txt"), "Paragraph number 1"));
}

BOOST_AUTO_TEST_CASE(output_dir_never_overwrites) {
    TempDir dir;
    dir.write("x/page.html", page("X", body_text(1)));
    dir.write("y/page.html", page("Y", body_text(2)));
    const Run first = dir.run("-f markdown -o out x/page.html y/page.html");
    BOOST_TEST(first.status == 0);
    BOOST_TEST((files_under(dir.path / "out") == std::set<std::string>{"page.md", "page-1.md"}));
    BOOST_TEST(contains(slurp(dir.path / "out/page.md"), "Paragraph number 1"));
    BOOST_TEST(contains(slurp(dir.path / "out/page-1.md"), "Paragraph number 2"));

    // A second run adds files beside the first ones and leaves those alone.
    const std::string before = slurp(dir.path / "out/page.md");
    const Run second = dir.run("-f markdown -o out y/page.html");
    BOOST_TEST(second.status == 0);
    BOOST_TEST((files_under(dir.path / "out") == std::set<std::string>{"page.md", "page-1.md", "page-2.md"}));
    BOOST_TEST(slurp(dir.path / "out/page.md") == before);
    BOOST_TEST(contains(slurp(dir.path / "out/page-2.md"), "Paragraph number 2"));
}

BOOST_AUTO_TEST_CASE(output_dir_names_standard_input_and_uses_the_format_extension) {
    TempDir dir;
    dir.write("a.html", page("A", body_text(1)));
    for (const auto& [format, extension] : std::vector<std::pair<std::string, std::string>>{
             {"txt", "txt"}, {"markdown", "md"}, {"json", "json"}, {"jsonl", "jsonl"}, {"xml", "xml"}, {"html", "html"}}) {
        const Run run = dir.run("-f " + format + " -o out-" + format + " < a.html");
        BOOST_TEST(run.status == 0, format);
        BOOST_TEST(fs::exists(dir.path / ("out-" + format) / ("stdin." + extension)), format);
    }
    // A jsonl file holds one line.
    const std::string line = slurp(dir.path / "out-jsonl/stdin.jsonl");
    BOOST_TEST(line.find('\n') == line.size() - 1);
    BOOST_TEST(json::parse(line).at("input") == "-");
}

BOOST_AUTO_TEST_CASE(an_unwritable_output_dir_fails_each_input) {
    TempDir dir;
    dir.write("a.html", page("A", body_text(1)));
    dir.write("blocker", "a file where the directory should be");
    const Run run = dir.run("-o blocker/out a.html");
    BOOST_TEST(run.status == 1);
    BOOST_TEST(contains(run.err, "a.html: write-error: "));
}
