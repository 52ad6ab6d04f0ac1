// End-to-end tests of the webclean binary: they run it through the shell on files made here.
#define BOOST_TEST_MODULE cli
#include <boost/test/unit_test.hpp>

#include <zlib.h>

#include "cli_harness.hpp"

using namespace cli_test;
namespace fs = std::filesystem;
using nlohmann::json;

BOOST_AUTO_TEST_CASE(single_file_to_text) {
    TempDir dir;
    dir.write("a.html", page("Hello", body_text(1)));
    const Run run = dir.run("a.html");
    BOOST_TEST(run.status == 0);
    BOOST_TEST(contains(run.out, "Paragraph number 1 of the test corpus"));
    BOOST_TEST(run.out.back() == '\n');
    BOOST_TEST(run.err.empty());
}

BOOST_AUTO_TEST_CASE(stdin_when_no_input_or_dash) {
    TempDir dir;
    dir.write("a.html", page("Hello", body_text(2)));
    const Run implicit = dir.run("< a.html");
    BOOST_TEST(implicit.status == 0);
    BOOST_TEST(contains(implicit.out, "Paragraph number 2"));
    const Run dash = dir.run("-f json - < a.html");
    BOOST_TEST(dash.status == 0);
    const json object = json::parse(dash.out);
    BOOST_TEST(object.at("input") == "-");
    BOOST_TEST(object.at("error").is_null());
    BOOST_TEST(contains(object.at("text").get<std::string>(), "Paragraph number 2"));
}

BOOST_AUTO_TEST_CASE(directory_is_read_recursively_in_sorted_order) {
    TempDir dir;
    dir.write("in/b.html", page("b", body_text(3)));
    dir.write("in/a/z.html", page("z", body_text(1)));
    dir.write("in/a/y.html", page("y", body_text(0)));
    dir.write("in/a-c/x.html", page("x", body_text(2)));
    dir.write("in/c/d/w.html", page("w", body_text(4)));
    const Run run = dir.run("-f jsonl in");
    BOOST_TEST(run.status == 0);
    const auto lines = parse_lines(run.out);
    const std::vector<std::string> expected = {"in/a/y.html", "in/a/z.html", "in/a-c/x.html", "in/b.html",
                                               "in/c/d/w.html"};
    BOOST_REQUIRE(lines.size() == expected.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        BOOST_TEST(lines[i].at("input") == expected[i]);
        BOOST_TEST(contains(lines[i].at("text").get<std::string>(), "Paragraph number " + std::to_string(i)));
    }

    // Text mode: the same order, documents one empty line apart.
    const Run text = dir.run("in");
    BOOST_TEST(text.status == 0);
    std::size_t previous = 0;
    for (int i = 0; i < 5; ++i) {
        const std::size_t at = text.out.find("Paragraph number " + std::to_string(i));
        BOOST_REQUIRE(at != std::string::npos);
        BOOST_TEST(at >= previous);
        previous = at;
    }
    BOOST_TEST(contains(text.out, ".\n\n"));
    BOOST_TEST(!contains(text.out, "\n\n\n"));
}

BOOST_AUTO_TEST_CASE(input_list_keeps_failures_in_order) {
    TempDir dir;
    dir.write("one.html", page("One", body_text(1)));
    dir.write("three.html", page("Three", body_text(3)));
    dir.write("list.txt", "one.html\n\nmissing.html\r\nthree.html\n");
    const Run run = dir.run("-f jsonl --input-list list.txt");
    BOOST_TEST(run.status == 1);
    const auto lines = parse_lines(run.out);
    BOOST_REQUIRE(lines.size() == 3u);
    BOOST_TEST(lines[0].at("input") == "one.html");
    BOOST_TEST(lines[0].at("error").is_null());
    BOOST_TEST(lines[1].at("input") == "missing.html");
    BOOST_TEST(lines[1].at("error").is_string());
    BOOST_TEST(lines[1].at("text").is_null());
    BOOST_TEST(lines[1].at("title").is_null());
    BOOST_TEST(lines[2].at("input") == "three.html");
    BOOST_TEST(lines[2].at("error").is_null());
    BOOST_TEST(contains(lines[2].at("text").get<std::string>(), "Paragraph number 3"));

    // The list can come from stdin too.
    const Run from_stdin = dir.run("-f jsonl --input-list - < list.txt");
    BOOST_TEST(from_stdin.status == 1);
    BOOST_TEST(from_stdin.out == run.out);
}

BOOST_AUTO_TEST_CASE(text_mode_reports_failures_on_stderr) {
    TempDir dir;
    dir.write("good.html", page("Good", body_text(5)));
    const Run run = dir.run("good.html missing.html");
    BOOST_TEST(run.status == 1);
    BOOST_TEST(contains(run.out, "Paragraph number 5"));
    BOOST_TEST(run.err.rfind("webclean: missing.html: ", 0) == 0);
    const Run quiet = dir.run("-q good.html missing.html");
    BOOST_TEST(quiet.status == 1);
    BOOST_TEST(quiet.err.empty());
}

BOOST_AUTO_TEST_CASE(gzip_input_is_decompressed) {
    TempDir dir;
    const std::string html = page("Zipped", body_text(7));
    const std::string gz_path = (dir.path / "page.html.gz").string();
    gzFile gz = gzopen(gz_path.c_str(), "wb");
    BOOST_REQUIRE(gz != nullptr);
    BOOST_REQUIRE(gzwrite(gz, html.data(), static_cast<unsigned>(html.size())) == static_cast<int>(html.size()));
    BOOST_REQUIRE(gzclose(gz) == Z_OK);

    const Run run = dir.run("-f json page.html.gz");
    BOOST_TEST(run.status == 0);
    const json object = json::parse(run.out);
    BOOST_TEST(object.at("error").is_null());
    BOOST_TEST(contains(object.at("text").get<std::string>(), "Paragraph number 7"));

    // A truncated archive is an error for that input, not a crash.
    const std::string whole = slurp(gz_path);
    dir.write("cut.html.gz", whole.substr(0, whole.size() / 2));
    const Run cut = dir.run("-f json cut.html.gz");
    BOOST_TEST(cut.status == 1);
    BOOST_TEST(json::parse(cut.out).at("error").is_string());
}

BOOST_AUTO_TEST_CASE(usage_errors_exit_2_with_empty_stdout) {
    TempDir dir;
    dir.write("a.html", page("A", body_text(1)));
    dir.write("b.html", page("B", body_text(2)));
    for (const std::string arguments :
         {"--no-such-option a.html", "-f pdf a.html", "--format", "-j 0 a.html", "-j x a.html",
          "--precision --recall a.html", "--max-bytes -5 a.html", "--url http://x.test/ a.html b.html",
          "--input-format pdf a.html", "--input-list missing-list.txt", "- - < a.html", "-f html a.html b.html",
          "-f html crawl.warc.gz", "--html-key body a.html", "--url-key u --input-format html a.html"}) {
        const Run run = dir.run(arguments);
        BOOST_TEST(run.status == 2, arguments);
        BOOST_TEST(run.out.empty(), arguments);
        BOOST_TEST(!run.err.empty(), arguments);
    }
}

BOOST_AUTO_TEST_CASE(help_and_version_exit_0) {
    TempDir dir;
    const Run help = dir.run("--help");
    BOOST_TEST(help.status == 0);
    BOOST_TEST(contains(help.out, "--format"));
    const Run version = dir.run("--version");
    BOOST_TEST(version.status == 0);
    BOOST_TEST(version.out.rfind("webclean ", 0) == 0);
}

BOOST_AUTO_TEST_CASE(output_is_identical_for_any_job_count) {
    TempDir dir;
    std::string list;
    for (int i = 0; i < 60; ++i) {
        const std::string name = "p" + std::to_string(i) + ".html";
        // Uneven sizes make workers finish out of order.
        std::string body;
        for (int k = 0; k < 1 + (i * 7) % 40; ++k) body += body_text(i) + " ";
        dir.write(name, page("Page " + std::to_string(i), body));
        list += name + "\n";
        if (i % 17 == 5) list += "absent" + std::to_string(i) + ".html\n";
    }
    dir.write("list.txt", list);
    const Run one = dir.run("-j 1 -f jsonl --input-list list.txt");
    const Run four = dir.run("-j 4 -f jsonl --input-list list.txt");
    BOOST_TEST(one.status == 1);
    BOOST_TEST(four.status == 1);
    BOOST_TEST(one.out == four.out);
    const auto lines = parse_lines(four.out);
    BOOST_TEST(lines.size() == 64u);
    const Run one_text = dir.run("-j 1 --input-list list.txt");
    const Run four_text = dir.run("-j 4 --input-list list.txt");
    BOOST_TEST(one_text.out == four_text.out);
}

BOOST_AUTO_TEST_CASE(json_single_is_object_several_is_array) {
    TempDir dir;
    dir.write("a.html", page("A", body_text(1)));
    dir.write("b.html", page("B", body_text(2)));

    const Run single = dir.run("-f json --url https://example.com/a a.html");
    BOOST_TEST(single.status == 0);
    BOOST_TEST(contains(single.out, "\n  \"input\": \"a.html\""));  // pretty-printed, indent 2
    const json object = json::parse(single.out);
    BOOST_REQUIRE(object.is_object());
    BOOST_TEST(object.at("input") == "a.html");
    for (const char* key : {"title", "author", "date", "sitename", "url", "language", "text", "error"})
        BOOST_TEST(object.contains(key), key);

    const Run several = dir.run("-f json a.html missing.html b.html");
    BOOST_TEST(several.status == 1);
    const json array = json::parse(several.out);
    BOOST_REQUIRE(array.is_array());
    BOOST_REQUIRE(array.size() == 3u);
    BOOST_TEST(array[0].at("input") == "a.html");
    BOOST_TEST(array[1].at("input") == "missing.html");
    BOOST_TEST(array[1].at("error").is_string());
    BOOST_TEST(array[2].at("input") == "b.html");

    fs::create_directories(dir.path / "empty");
    const Run none = dir.run("-f json empty");
    BOOST_TEST(none.status == 0);
    BOOST_TEST((json::parse(none.out) == json::array()));
}

BOOST_AUTO_TEST_CASE(max_bytes_rejects_large_files) {
    TempDir dir;
    dir.write("small.html", page("S", "tiny"));
    dir.write("big.html", page("B", std::string(5000, 'x')));
    const Run run = dir.run("-f jsonl --max-bytes 1000 small.html big.html");
    BOOST_TEST(run.status == 1);
    const auto lines = parse_lines(run.out);
    BOOST_REQUIRE(lines.size() == 2u);
    BOOST_TEST(lines[0].at("error").is_null());
    BOOST_TEST(lines[1].at("error").get<std::string>().rfind("too-large: ", 0) == 0);

    // Standard input has no size to check first; it is cut off while reading.
    const Run piped = dir.run("--max-bytes 1000 < big.html");
    BOOST_TEST(piped.status == 1);
    BOOST_TEST(contains(piped.err, "webclean: -: too-large: "));
}

BOOST_AUTO_TEST_CASE(progress_line_only_on_a_terminal) {
    TempDir dir;
    std::string list;
    for (int i = 0; i < 40; ++i) {
        dir.write("p" + std::to_string(i) + ".html", page("P", body_text(i)));
        list += "p" + std::to_string(i) + ".html\n";
    }
    list += "absent.html\n";
    dir.write("list.txt", list);

    // Not a terminal: nothing on stderr but the failure.
    const Run piped = dir.run("-f jsonl --input-list list.txt");
    BOOST_TEST(piped.err == "");  // jsonl carries the error in the record

    // script(1) gives the program a terminal for stderr; stdout still goes to a file.
    if (std::system("command -v script >/dev/null 2>&1") != 0) {
        BOOST_TEST_MESSAGE("script(1) not installed: terminal progress not tested");
        return;
    }
    const std::string command = "'" + binary + "' -f jsonl --input-list list.txt > out.jsonl";
    const Run tty = dir.run("--version >/dev/null; script -qec \"" + command + "\" /dev/null");
    BOOST_TEST(contains(tty.out, "docs/s"), tty.out);
    BOOST_TEST(contains(tty.out, "/41 docs"), tty.out);
    BOOST_TEST(parse_lines(slurp(dir.path / "out.jsonl")).size() == 41u);

    const std::string quiet = "'" + binary + "' -q -f jsonl --input-list list.txt > out.jsonl";
    const Run tty_quiet = dir.run("--version >/dev/null; script -qec \"" + quiet + "\" /dev/null");
    BOOST_TEST(!contains(tty_quiet.out, "docs/s"), tty_quiet.out);
}
