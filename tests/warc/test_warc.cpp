// The WARC reader and page taker, on archives the tests write themselves.
#define BOOST_TEST_MODULE warc
#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "../common/warc_writer.hpp"
#include "webclean/warc.hpp"

namespace fs = std::filesystem;
using webclean::warc::PageStatus;
using webclean::warc::ReadStatus;

namespace {

// A file under /tmp, removed when the test ends.
struct TempFile {
    fs::path path;
    explicit TempFile(const std::string& content) {
        std::string pattern = (fs::temp_directory_path() / "webclean-warc-XXXXXX").string();
        const int fd = ::mkstemp(pattern.data());
        BOOST_REQUIRE(fd >= 0);
        ::close(fd);
        path = pattern;
        std::ofstream(path, std::ios::binary) << content;
    }
    ~TempFile() {
        std::error_code ec;
        fs::remove(path, ec);
    }
};

// What reading a whole file gave.
struct Outcome {
    std::vector<std::string> types;       // of the records read whole
    std::vector<std::string> page_uris;   // of the HTML pages taken
    std::vector<std::string> page_bodies;
    std::vector<std::string> errors;      // record read errors and page errors, in order
    std::vector<std::uint64_t> error_indexes;
    std::size_t skipped = 0;
};

Outcome read_all(const std::string& content, webclean::warc::ReaderOptions options = {}) {
    TempFile file(content);
    webclean::warc::Reader reader(options);
    BOOST_REQUIRE(reader.open(file.path.string()));
    Outcome out;
    webclean::warc::Record record;
    for (int guard = 0; guard < 100000; ++guard) {
        const webclean::warc::ReadResult result = reader.next(record);
        if (result.status == ReadStatus::End) return out;
        if (result.status == ReadStatus::Error) {
            out.errors.push_back(result.message);
            BOOST_TEST_MESSAGE("record " << record.index << ": " << result.message);
            out.error_indexes.push_back(record.index);
            continue;
        }
        out.types.emplace_back(record.type());
        webclean::warc::Page page;
        const webclean::warc::PageResult taken = webclean::warc::take_page(std::move(record), 1u << 20, page);
        if (taken.status == PageStatus::Page) {
            out.page_uris.push_back(page.target_uri);
            out.page_bodies.push_back(page.body);
            BOOST_TEST(!page.record_id.empty());
            BOOST_TEST(!page.date.empty());
        } else if (taken.status == PageStatus::Skipped) {
            ++out.skipped;
        } else {
            out.errors.push_back(taken.reason);
        }
    }
    BOOST_FAIL("the reader did not come to an end");
    return {};
}

void check_whole_crawl(const Outcome& out, const warc_test::Crawl& crawl) {
    BOOST_TEST(out.errors.empty());
    BOOST_TEST(out.types.size() == crawl.records.size());
    BOOST_TEST(out.page_uris == crawl.html_uris);
    BOOST_TEST(out.page_bodies == crawl.html_bodies);
    BOOST_TEST(out.skipped == crawl.skipped);
}

const warc_test::Crawl& crawl() {
    static const warc_test::Crawl crawl = warc_test::mixed_crawl(120);
    return crawl;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_crawl_has_several_hundred_records) {
    BOOST_TEST(crawl().records.size() >= 300u);
    BOOST_TEST(crawl().html_uris.size() >= 100u);
    BOOST_TEST(crawl().skipped >= 200u);
}

BOOST_AUTO_TEST_CASE(plain_gzip_and_zstd_files_give_every_record) {
    const auto& records = crawl().records;
    check_whole_crawl(read_all(warc_test::joined(records)), crawl());
    check_whole_crawl(read_all(warc_test::gzip_per_record(records)), crawl());
    check_whole_crawl(read_all(warc_test::gzip(warc_test::joined(records))), crawl());  // one member
    check_whole_crawl(read_all(warc_test::zstd_per_record(records)), crawl());
    check_whole_crawl(read_all(warc_test::zstd_per_record(records, "<!DOCTYPE html><html><head><title>Page")),
                      crawl());
}

BOOST_AUTO_TEST_CASE(skipped_records_are_named_by_kind) {
    std::vector<std::string> records = {
        warc_test::record("warcinfo", "", "application/warc-fields", "a: b\r\n", 1),
        warc_test::record("request", "https://a.example/", "application/http; msgtype=request", "GET / HTTP/1.1\r\n\r\n", 2),
        warc_test::record("response", "https://a.example/x.json", "application/http; msgtype=response",
                          warc_test::http_response(200, "application/json", "{}"), 3),
        warc_test::record("response", "https://a.example/moved", "application/http; msgtype=response",
                          warc_test::http_response(301, "text/html", "<html></html>"), 4),
        warc_test::record("response", "dns:a.example", "text/dns", "a.example. 300 IN A 127.0.0.1", 5),
        warc_test::record("resource", "file:///n.txt", "text/plain", "notes", 6),
    };
    TempFile file(warc_test::joined(records));
    webclean::warc::Reader reader;
    BOOST_REQUIRE(reader.open(file.path.string()));
    std::vector<std::string> reasons;
    webclean::warc::Record record;
    while (reader.next(record)) {
        webclean::warc::Page page;
        const auto taken = webclean::warc::take_page(std::move(record), 1u << 20, page);
        BOOST_TEST((taken.status == PageStatus::Skipped));
        reasons.push_back(taken.reason);
    }
    BOOST_TEST((reasons == std::vector<std::string>{"warcinfo", "request", "non-html", "http-status", "not-http",
                                                    "non-html"}));
}

BOOST_AUTO_TEST_CASE(a_file_cut_short_ends_with_one_truncated_record) {
    const auto& records = crawl().records;
    // The last record is an HTML response, cut in the middle of its page.
    std::vector<std::string> cut = records;
    cut.push_back(warc_test::record("response", "https://cut.example/", "application/http; msgtype=response",
                                    warc_test::http_response(200, "text/html", warc_test::article_html(9999)), 99999));
    const std::string plain = warc_test::joined(cut);
    const std::string last_gzip = warc_test::gzip(cut.back());
    const std::string last_zstd = warc_test::zstd(cut.back());
    const std::vector<std::string> files = {
        plain.substr(0, plain.size() - cut.back().size() / 2),
        warc_test::gzip_per_record(records) + last_gzip.substr(0, last_gzip.size() / 2),
        warc_test::zstd_per_record(records) + last_zstd.substr(0, last_zstd.size() / 2),
    };
    for (const std::string& file : files) {
        const Outcome out = read_all(file);
        BOOST_TEST(out.page_uris == crawl().html_uris);
        BOOST_REQUIRE(out.errors.size() == 1u);
        BOOST_TEST(out.errors[0].rfind("truncated: ", 0) == 0, out.errors[0]);
        BOOST_TEST(out.error_indexes[0] == records.size());
    }
}

BOOST_AUTO_TEST_CASE(a_damaged_member_costs_only_its_record) {
    const auto& records = crawl().records;
    std::string file;
    std::size_t damaged = 0;
    for (std::size_t i = 0; i < records.size(); ++i) {
        std::string member = warc_test::gzip(records[i]);
        // Record 2 (the first HTML response) loses the second half of its compressed bytes.
        if (i == 2) {
            member = member.substr(0, member.size() / 2);
            damaged = i;
        }
        file += member;
    }
    const Outcome out = read_all(file);
    BOOST_REQUIRE(out.errors.size() == 1u);
    BOOST_TEST(out.error_indexes[0] == damaged);
    BOOST_TEST(out.types.size() == records.size() - 1);
    BOOST_TEST(out.page_uris.size() == crawl().html_uris.size() - 1);
    BOOST_TEST(out.page_uris.front() == crawl().html_uris[1]);
}

BOOST_AUTO_TEST_CASE(a_wrong_content_length_costs_only_its_record) {
    std::vector<std::string> records(crawl().records.begin(), crawl().records.begin() + 12);
    const std::string good = records[2];
    const std::size_t at = good.find("Content-Length: ") + 16;
    const std::size_t end = good.find("\r\n", at);
    const std::size_t length = std::stoul(good.substr(at, end - at));
    records[2] = good.substr(0, at) + std::to_string(length + 40) + good.substr(end);
    const Outcome out = read_all(warc_test::joined(records));
    BOOST_REQUIRE(out.errors.size() == 1u);
    BOOST_TEST(out.errors[0].rfind("malformed: ", 0) == 0, out.errors[0]);
    BOOST_TEST(out.error_indexes[0] == 2u);
    BOOST_TEST(out.types.size() == records.size() - 1);
}

BOOST_AUTO_TEST_CASE(oversized_blocks_are_skipped_over_not_held) {
    const std::string big_page = warc_test::article_html(1) + std::string(200000, ' ');
    std::vector<std::string> records = {
        warc_test::record("response", "https://big.example/", "application/http; msgtype=response",
                          warc_test::http_response(200, "text/html", big_page), 1),
        warc_test::record("response", "https://big.example/video", "application/http; msgtype=response",
                          warc_test::http_response(200, "video/mp4", std::string(200000, 'v')), 2),
        warc_test::record("response", "https://small.example/", "application/http; msgtype=response",
                          warc_test::http_response(200, "text/html", warc_test::article_html(2)), 3),
    };
    webclean::warc::ReaderOptions options;
    options.max_block_bytes = 100000;
    options.kept_block_start = 4096;
    const Outcome out = read_all(warc_test::gzip_per_record(records), options);
    BOOST_TEST(out.types.size() == 3u);
    BOOST_REQUIRE(out.errors.size() == 1u);
    BOOST_TEST(out.errors[0].rfind("too-large: ", 0) == 0, out.errors[0]);
    BOOST_TEST(out.skipped == 1u);
    BOOST_TEST((out.page_uris == std::vector<std::string>{"https://small.example/"}));
}

BOOST_AUTO_TEST_CASE(http_responses_are_decoded) {
    webclean::warc::HttpResponse response;
    std::string error;
    const std::string body = "<html><body>Hello, chunks and gzip</body></html>";

    BOOST_REQUIRE(webclean::warc::parse_http_response(
        warc_test::http_response(200, "text/html; charset=GBK", warc_test::chunked(body, 5),
                                 "Transfer-Encoding: chunked\r\nX-Folded: a\r\n  b\r\n"),
        1 << 20, response, error));
    BOOST_TEST(response.status == 200);
    BOOST_TEST(response.body == body);
    BOOST_TEST(webclean::warc::find_field(response.headers, "x-folded") == "a b");

    // Content coding first, then transfer coding, as HTTP applies them.
    BOOST_REQUIRE(webclean::warc::parse_http_response(
        warc_test::http_response(200, "text/html", warc_test::chunked(warc_test::gzip(body), 7),
                                 "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n"),
        1 << 20, response, error));
    BOOST_TEST(response.body == body);

    // A body stored already decoded keeps working, whatever the headers still say.
    BOOST_REQUIRE(webclean::warc::parse_http_response(
        warc_test::http_response(200, "text/html", body, "Transfer-Encoding: chunked\r\nContent-Encoding: br\r\n"),
        1 << 20, response, error));
    BOOST_TEST(response.body == body);

    BOOST_TEST(!webclean::warc::parse_http_response("GET / HTTP/1.1\r\n\r\n", 1 << 20, response, error));
    BOOST_TEST(!webclean::warc::parse_http_response("HTTP/1.1 abc\r\n\r\n", 1 << 20, response, error));
    BOOST_TEST(!webclean::warc::parse_http_response(warc_test::http_response(200, "text/html", body), 10, response,
                                                    error));
    BOOST_TEST(error.rfind("too-large: ", 0) == 0);
}

BOOST_AUTO_TEST_CASE(charset_comes_from_the_http_content_type) {
    const std::string record = warc_test::record(
        "response", "<https://gbk.example/>", "application/http; msgtype=response",
        warc_test::http_response(200, "text/html; charset=\"GBK\"", "<html><body>x</body></html>"), 7);
    TempFile file(record);
    webclean::warc::Reader reader;
    BOOST_REQUIRE(reader.open(file.path.string()));
    webclean::warc::Record read;
    BOOST_REQUIRE(reader.next(read));
    BOOST_TEST(read.target_uri() == "https://gbk.example/");  // WARC/1.0 angle brackets dropped
    webclean::warc::Page page;
    BOOST_REQUIRE((webclean::warc::take_page(std::move(read), 1 << 20, page).status == PageStatus::Page));
    BOOST_TEST(page.http_charset == "GBK");
    BOOST_TEST(!reader.next(read));
}

BOOST_AUTO_TEST_CASE(missing_files_and_junk_are_errors_not_crashes) {
    webclean::warc::Reader reader;
    const auto opened = reader.open("/nonexistent/file.warc");
    BOOST_TEST((opened.status == ReadStatus::Error));
    BOOST_TEST(!opened.message.empty());

    const Outcome junk = read_all("this is not a WARC file\nat all\n");
    BOOST_TEST(junk.errors.size() == 1u);
    BOOST_TEST(junk.types.empty());
    const Outcome empty = read_all("");
    BOOST_TEST(empty.errors.empty());
    BOOST_TEST(empty.types.empty());
}

BOOST_AUTO_TEST_CASE(a_cut_anywhere_ends_the_file_with_at_most_one_error) {
    const auto& records = crawl().records;
    const std::string plain = warc_test::joined(records);
    const std::string gzipped = warc_test::gzip_per_record(records);
    // Cut points spread over the file, plus the awkward ones: right after a version line and
    // inside the "\r\n\r\n" that ends a record.
    std::vector<std::pair<std::string, std::size_t>> cuts;
    for (std::size_t at = 1; at < plain.size(); at += plain.size() / 97) cuts.emplace_back(plain, at);
    for (std::size_t at = 1; at < gzipped.size(); at += gzipped.size() / 61) cuts.emplace_back(gzipped, at);
    const std::size_t second_record = records[0].size();
    cuts.emplace_back(plain, second_record + 8);                 // "WARC/1.1"
    cuts.emplace_back(plain, second_record + 10);                // "WARC/1.1\r\n"
    cuts.emplace_back(plain, second_record - 2);                 // "\r\n" of the first record missing
    for (const auto& [file, at] : cuts) {
        BOOST_TEST_CONTEXT("cut at " << at << " of " << file.size()) {
            const Outcome out = read_all(file.substr(0, at));
            BOOST_TEST(out.errors.size() <= 1u);
            BOOST_TEST(out.types.size() <= records.size());
        }
    }
}

BOOST_AUTO_TEST_CASE(an_overlong_header_line_is_one_error) {
    std::vector<std::string> records(crawl().records.begin(), crawl().records.begin() + 4);
    records[1].insert(records[1].find("\r\n") + 2, "X-Long: " + std::string(5000, 'y') + "\r\n");
    records[2].insert(8, std::string(5000, '.'));  // the version line itself
    webclean::warc::ReaderOptions options;
    options.max_header_bytes = 1000;
    const Outcome out = read_all(warc_test::joined(records), options);
    BOOST_TEST(out.errors.size() == 2u);
    BOOST_TEST((out.types == std::vector<std::string>{"warcinfo", "metadata"}));
}
