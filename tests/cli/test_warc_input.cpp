// WARC input from the command line: one output per HTML record, the rest skipped and counted.
#include <boost/test/unit_test.hpp>

#include "../common/warc_writer.hpp"
#include "cli_harness.hpp"

using namespace cli_test;

namespace {

const warc_test::Crawl& crawl() {
    static const warc_test::Crawl crawl = warc_test::mixed_crawl(120);
    return crawl;
}

// The crawl's records, then an HTML response cut off in the middle, as a crawler that died
// leaves its last file.
std::string truncated_last(const std::string& whole_records, const std::string& last) {
    return whole_records + last.substr(0, last.size() / 2);
}

const std::string& cut_record() {
    static const std::string record =
        warc_test::record("response", "https://cut.example/", "application/http; msgtype=response",
                          warc_test::http_response(200, "text/html", warc_test::article_html(9999)), 99999);
    return record;
}

// Writes the crawl as plain, gzip-per-record and zstd files, each ending in a cut record.
void write_crawls(const TempDir& dir) {
    const auto& records = crawl().records;
    dir.write("crawl.warc", truncated_last(warc_test::joined(records), cut_record()));
    dir.write("crawl.warc.gz", truncated_last(warc_test::gzip_per_record(records), warc_test::gzip(cut_record())));
    dir.write("crawl.warc.zst", truncated_last(warc_test::zstd_per_record(records), warc_test::zstd(cut_record())));
}

// "Page 17" for the page at ".../news/17.html?a=1" or "file:///archive/17.html".
std::string title_for(const std::string& uri) {
    const std::size_t end = uri.find(".html");
    const std::size_t start = uri.rfind('/', end) + 1;
    return "Page " + uri.substr(start, end - start);
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_html_record_gives_one_line_and_the_truncated_one_an_error) {
    TempDir dir;
    write_crawls(dir);
    const auto& expected = crawl().html_uris;
    for (const std::string file : {"crawl.warc", "crawl.warc.gz", "crawl.warc.zst"}) {
        BOOST_TEST_CONTEXT(file) {
            const Run run = dir.run("-f jsonl -j 2 " + file);
            BOOST_TEST(run.status == 1);  // the truncated record failed
            const auto lines = parse_lines(run.out);
            BOOST_REQUIRE(lines.size() == expected.size() + 1);
            for (std::size_t i = 0; i < expected.size(); ++i) {
                const json& line = lines[i];
                BOOST_TEST(line.at("input") == file);
                BOOST_TEST(line.at("error").is_null());
                BOOST_TEST(line.at("warc_target_uri") == expected[i]);
                BOOST_TEST(line.at("warc_record_id").get<std::string>().rfind("<urn:uuid:", 0) == 0);
                BOOST_TEST(line.at("warc_date").get<std::string>().rfind("2024-05-0", 0) == 0);
                BOOST_TEST(line.at("title") == title_for(expected[i]));
                BOOST_TEST(contains(line.at("text").get<std::string>(), "Paragraph of record "));
            }
            const json& cut = lines.back();
            BOOST_TEST(cut.at("error").get<std::string>().rfind("truncated: record " + std::to_string(crawl().records.size()), 0) == 0);
            BOOST_TEST(cut.at("text").is_null());

            // stderr counts what was skipped.
            const std::string counts = file + ": " + std::to_string(crawl().records.size() + 1) + " records: " +
                                       std::to_string(expected.size()) + " pages, 1 unreadable; skipped " +
                                       std::to_string(crawl().skipped) + ":";
            BOOST_TEST(contains(run.err, counts), run.err);
            for (const char* kind : {"request", "metadata", "warcinfo", "revisit", "non-html", "http-status"})
                BOOST_TEST(contains(run.err, std::string(" ") + kind), kind);
        }
    }
}

BOOST_AUTO_TEST_CASE(warc_output_is_the_same_for_any_job_count_and_quiet_is_silent) {
    TempDir dir;
    write_crawls(dir);
    const Run one = dir.run("-f jsonl -j 1 -q crawl.warc.gz");
    const Run three = dir.run("-f jsonl -j 3 -q crawl.warc.gz");
    BOOST_TEST(one.out == three.out);
    BOOST_TEST(one.err.empty());
    BOOST_TEST(three.status == 1);

    // Text output: the failure goes to stderr with the record's place.
    const Run text = dir.run("crawl.warc.zst");
    BOOST_TEST(contains(text.err, "webclean: crawl.warc.zst: truncated: record "));
    BOOST_TEST(contains(text.out, "Paragraph of record 119"));
}

BOOST_AUTO_TEST_CASE(warc_records_get_files_of_their_own) {
    TempDir dir;
    write_crawls(dir);
    const Run run = dir.run("-f json -o out crawl.warc.gz");
    BOOST_TEST(run.status == 1);
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(dir.path / "out" / "crawl")) files += entry.is_regular_file();
    BOOST_TEST(files == crawl().html_uris.size() + 1);
    // Record 2 is the first HTML response.
    const fs::path first = dir.path / "out/crawl/000002-site0.example_news_0.html_a_1.json";
    BOOST_REQUIRE(fs::exists(first));
    BOOST_TEST(json::parse(slurp(first)).at("warc_target_uri") == crawl().html_uris[0]);
}

BOOST_AUTO_TEST_CASE(warc_from_standard_input_and_in_directories) {
    TempDir dir;
    write_crawls(dir);
    const Run piped = dir.run("-f jsonl --input-format warc - < crawl.warc.gz");
    BOOST_TEST(piped.status == 1);
    BOOST_TEST(parse_lines(piped.out).size() == crawl().html_uris.size() + 1);

    // A directory walk reads the archives in it as archives.
    fs::create_directories(dir.path / "d");
    fs::copy_file(dir.path / "crawl.warc.gz", dir.path / "d/c.warc.gz");
    dir.write("d/page.html", page("Plain", body_text(1)));
    const Run walked = dir.run("-f jsonl d");
    const auto lines = parse_lines(walked.out);
    BOOST_REQUIRE(lines.size() == crawl().html_uris.size() + 2);
    BOOST_TEST(lines.front().at("warc_target_uri") == crawl().html_uris[0]);
    BOOST_TEST(lines.back().at("input") == "d/page.html");
    BOOST_TEST(!lines.back().contains("warc_target_uri"));

    // A file that is not there is one failure, not a crash.
    const Run missing = dir.run("-f jsonl missing.warc.gz");
    BOOST_TEST(missing.status == 1);
    BOOST_REQUIRE(parse_lines(missing.out).size() == 1u);
    BOOST_TEST(parse_lines(missing.out)[0].at("error").get<std::string>().rfind("read-error: ", 0) == 0);
}
