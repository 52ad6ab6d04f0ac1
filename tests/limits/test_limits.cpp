// Pathological inputs through the public entry point. Each one must come back within the
// configured limits with a result or a clear error; none may crash or hang. Nothing here times
// anything: a generous time budget turns a slow stage into a TimedOut failure instead of a hang.
#define BOOST_TEST_MODULE limits
#include <boost/test/unit_test.hpp>

#include <zlib.h>

#include <chrono>
#include <cstdint>
#include <ostream>
#include <random>
#include <string>
#include <thread>

#include "decode/internal.hpp"
#include "limits/deadline.hpp"
#include "webclean/webclean.hpp"

using namespace webclean;
using namespace std::chrono_literals;

namespace webclean {
std::ostream& operator<<(std::ostream& out, Status status) { return out << to_string(status); }
}  // namespace webclean

namespace {

// Far more than any case needs on a loaded machine, even under the sanitizers.
constexpr std::chrono::milliseconds kBudget = 300s;

Options bounded() {
    Options options;
    options.limits.time_budget = kBudget;
    return options;
}

Result run(std::string_view bytes, const Options& options = bounded()) {
    Result result = extract(bytes, options);
    BOOST_TEST_INFO("status " << to_string(result.status) << ": " << result.message);
    BOOST_TEST(result.status != Status::TimedOut);
    return result;
}

bool valid_utf8(std::string_view s) { return decode::detail::scan_utf8(s).valid(); }

std::string repeat(std::string_view piece, std::size_t times) {
    std::string out;
    out.reserve(piece.size() * times);
    for (std::size_t i = 0; i < times; ++i) out += piece;
    return out;
}

const std::string kParagraph =
    "<p>This paragraph has enough words in it to count as article text, with commas, clauses and "
    "a full stop at its end.</p>\n";

std::string page(std::string_view body) {
    return "<!DOCTYPE html><html><head><title>Limits</title></head><body>" + kParagraph + std::string(body) +
           kParagraph + "</body></html>";
}

bool contains(std::string_view haystack, std::string_view needle) { return haystack.find(needle) != haystack.npos; }

}  // namespace

BOOST_AUTO_TEST_CASE(hundred_thousand_nested_divs) {
    Result r = run(page(repeat("<div>", 100'000) + "deep text at the bottom" + repeat("</div>", 100'000)));
    BOOST_REQUIRE(r);
    BOOST_TEST(contains(r.document.text, "deep text at the bottom"));
}

BOOST_AUTO_TEST_CASE(two_hundred_thousand_unclosed_tags) {
    std::string body;
    const char* tags[] = {"<span>", "<b>", "<i>", "<div>", "<font>", "<section>", "<em>", "<u>"};
    for (std::size_t i = 0; i < 200'000; ++i) {
        body += tags[i % 8];
        body += "w ";
    }
    Result r = run(page(body));
    BOOST_REQUIRE(r);
    BOOST_TEST(contains(r.document.text, "enough words"));
}

BOOST_AUTO_TEST_CASE(sixteen_thousand_nested_lists) {
    Result r = run(page(repeat("<ul><li>", 16'000) + "the innermost item"));
    BOOST_REQUIRE(r);
    BOOST_TEST(contains(r.document.text, "enough words"));
}

BOOST_AUTO_TEST_CASE(fifty_megabyte_page) {
    std::string body;
    for (std::size_t i = 0; body.size() < 50u << 20; ++i)
        body += "<div class=\"item\"><p>Paragraph " + std::to_string(i) +
                " with words, commas and a full stop, the way an article's text runs on.</p></div>\n";
    Result r = run(page(body));
    BOOST_REQUIRE(r);
    BOOST_TEST(r.document.text.size() > 1u << 20);

    Options small = bounded();
    small.limits.max_input_bytes = 16u << 20;
    Result refused = run(page(body), small);
    BOOST_TEST(refused.status == Status::TooLarge);
    BOOST_TEST(contains(refused.message, "limit"));

    // The same page under a budget it cannot meet stops with a clear error, not a partial result.
    Options hurried;
    hurried.limits.time_budget = 1ms;
    Result late = extract(page(body), hurried);
    BOOST_TEST(late.status == Status::TimedOut);
    BOOST_TEST(contains(late.message, "time budget"));
    BOOST_TEST(late.document.text.empty());
}

BOOST_AUTO_TEST_CASE(ten_megabyte_single_line) {
    std::string line;
    for (std::size_t i = 0; line.size() < 10u << 20; ++i) line += "word" + std::to_string(i % 1000) + ", ";
    Result html = run("<html><body><p>" + line + "</p></body></html>");
    BOOST_REQUIRE(html);
    BOOST_TEST(html.document.text.size() > 9u << 20);

    Options as_text = bounded();
    as_text.input_format = InputFormat::Text;
    Result text = run(line, as_text);
    BOOST_REQUIRE(text);
    BOOST_TEST(text.document.text.size() > 9u << 20);
}

BOOST_AUTO_TEST_CASE(binary_bytes_are_bad_input) {
    std::mt19937 random(8);
    std::string noise(1u << 20, '\0');
    for (char& c : noise) c = static_cast<char>(random());
    Result r = run(noise);
    BOOST_TEST(r.status == Status::BadInput);
    BOOST_TEST(contains(r.message, "binary"));
}

BOOST_AUTO_TEST_CASE(stray_nul_bytes_are_dropped) {
    std::string body = kParagraph;
    body.insert(body.find("enough"), std::string(3, '\0'));
    Result r = run(page(body));
    BOOST_REQUIRE(r);
    BOOST_TEST(contains(r.document.text, "enough words"));
    BOOST_TEST(!contains(r.document.text, std::string_view("\0", 1)));
}

BOOST_AUTO_TEST_CASE(invalid_utf8_gives_valid_utf8) {
    std::mt19937 random(9);
    std::string body;
    for (int i = 0; i < 20'000; ++i) {
        body += "<p>text ";
        for (int k = 0; k < 8; ++k) body += static_cast<char>(0x80 | (random() & 0x7F));  // bare continuation and lead bytes
        body += "</p>";
    }
    Result r = run(page(body));
    BOOST_REQUIRE(r);
    BOOST_TEST(valid_utf8(r.document.text));
    BOOST_TEST(valid_utf8(r.document.metadata.title));
}

BOOST_AUTO_TEST_CASE(utf16_without_byte_order_mark) {
    const std::u16string html = u"<html><body><p>This paragraph has enough words in it to count as article text, "
                                u"with commas, clauses and a full stop.</p><p>这一段中文也应该原样出现在文章里，不会变成乱码。</p></body></html>";
    for (bool little_endian : {true, false}) {
        std::string bytes;
        for (char16_t unit : html) {
            char low = static_cast<char>(unit & 0xFF), high = static_cast<char>(unit >> 8);
            bytes += little_endian ? low : high;
            bytes += little_endian ? high : low;
        }
        Result r = run(bytes);
        BOOST_REQUIRE(r);
        BOOST_TEST(r.document.metadata.charset == (little_endian ? "utf-16le" : "utf-16be"));
        BOOST_TEST(contains(r.document.text, "enough words"));
        BOOST_TEST(contains(r.document.text, "不会变成乱码"));
    }
}

BOOST_AUTO_TEST_CASE(megabyte_attribute) {
    Result r = run(page("<div title=\"" + std::string(1u << 20, 'x') + "\">" + kParagraph + "</div>"));
    BOOST_REQUIRE(r);
    BOOST_TEST(contains(r.document.text, "enough words"));
}

BOOST_AUTO_TEST_CASE(hundred_thousand_attributes_on_one_tag) {
    std::string tag = "<div";
    for (int i = 0; i < 100'000; ++i) tag += " data-a" + std::to_string(i) + "=v";
    Result r = run(page(tag + ">" + kParagraph + "</div>"));
    BOOST_REQUIRE(r);
    BOOST_TEST(contains(r.document.text, "enough words"));
}

BOOST_AUTO_TEST_CASE(million_entities) {
    Result r = run(page("<p>" + repeat("&#x4e2d;&#25991;&amp;", 1'000'000 / 3) + "。</p>"));
    BOOST_REQUIRE(r);
    BOOST_TEST(contains(r.document.text, "中文&中文&"));
    BOOST_TEST(!contains(r.document.text, "&amp;"));
}

BOOST_AUTO_TEST_CASE(empty_input) {
    for (InputFormat format : {InputFormat::Auto, InputFormat::Html, InputFormat::Markdown, InputFormat::Text}) {
        Options options = bounded();
        options.input_format = format;
        Result r = run("", options);
        BOOST_REQUIRE(r);
        BOOST_TEST(r.document.text.empty());
        BOOST_TEST(r.document.blocks.empty());
    }
}

BOOST_AUTO_TEST_CASE(node_limit_is_an_error) {
    Options options = bounded();
    options.limits.max_nodes = 1000;
    Result r = run(page(repeat("<p>x</p>", 5000)), options);
    BOOST_TEST(r.status == Status::TooManyNodes);
    BOOST_TEST(contains(r.message, "1000"));
}

BOOST_AUTO_TEST_CASE(gzip_bomb_stops_at_the_byte_limit) {
    std::string zeros(64u << 20, ' ');
    uLongf size = compressBound(zeros.size());
    std::string packed(size, '\0');
    z_stream s{};
    BOOST_REQUIRE(deflateInit2(&s, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    s.next_in = reinterpret_cast<Bytef*>(zeros.data());
    s.avail_in = static_cast<uInt>(zeros.size());
    s.next_out = reinterpret_cast<Bytef*>(packed.data());
    s.avail_out = static_cast<uInt>(packed.size());
    BOOST_REQUIRE(deflate(&s, Z_FINISH) == Z_STREAM_END);
    packed.resize(s.total_out);
    deflateEnd(&s);

    Options options = bounded();
    options.limits.max_input_bytes = 8u << 20;
    Result r = run(packed, options);
    BOOST_TEST(r.status == Status::TooLarge);
}

BOOST_AUTO_TEST_CASE(no_budget_means_no_limit) {
    Options options;
    BOOST_TEST(options.limits.time_budget.count() == 0);
    BOOST_TEST(bool(extract(page(repeat(kParagraph, 2000)), options)));
}

BOOST_AUTO_TEST_CASE(deadline_outside_a_scope_never_fires) {
    for (int i = 0; i < 10'000; ++i) limits::check_deadline();
    limits::check_deadline_now();
    {
        limits::DeadlineScope spent(1ms);
        std::this_thread::sleep_for(5ms);
        BOOST_CHECK_THROW(limits::check_deadline_now(), limits::DeadlineExceeded);
        {
            limits::DeadlineScope none(0ms);
            BOOST_CHECK_NO_THROW(limits::check_deadline_now());
        }
        BOOST_CHECK_THROW(limits::check_deadline_now(), limits::DeadlineExceeded);
    }
    BOOST_CHECK_NO_THROW(limits::check_deadline_now());
}

BOOST_AUTO_TEST_CASE(caller_url_that_is_not_utf8_comes_back_as_utf8) {
    Options options = bounded();
    options.url = "https://www.examp\xff\xfele.com/news/a?id=1";
    Result r = run(page(""), options);
    BOOST_REQUIRE(r);
    BOOST_TEST(valid_utf8(r.document.metadata.url));
    BOOST_TEST(valid_utf8(r.document.metadata.hostname));
    BOOST_TEST(contains(r.document.metadata.url, "/news/a?id=1"));
}
