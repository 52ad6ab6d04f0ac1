// Whatever the metadata reads, right, wrong or nothing, the article's text comes out the same.
#include <boost/test/unit_test.hpp>

#include <string>

#include "webclean/extract.hpp"

namespace {

const std::string body =
    "<body><div class=nav><a href=/>首页</a> <a href=/n>新闻</a></div><h1>渡轮明年春天投入使用</h1>"
    "<div class=info>来源：某某日报 | 时间：2025-06-02 08:36:20 | 作者：张三</div>"
    "<p>港务局周二表示，新的电动渡轮将于明年春天投入使用，航行时间缩短四分之一，运营成本减半。</p>"
    "<h2>航线</h2><p>首批渡轮将在东西两条航线上运行，每天往返二十班，高峰时段加密到每十五分钟一班。</p>"
    "<p>（责任编辑：王五）</p><div class=footer>版权所有 京ICP备2025111695号-2</div></body>";

// The text without the headline's line: a title the metadata recognises is left out of the text,
// one it does not know stays; the article under it must not change either way.
std::string text_of(const std::string& head) {
    webclean::Result result = webclean::extract("<html><head>" + head + "</head>" + body + "</html>");
    BOOST_REQUIRE(result);
    std::string text = result.document.text;
    const std::string headline = "渡轮明年春天投入使用\n";
    if (text.compare(0, headline.size(), headline) == 0) text.erase(0, headline.size());
    return text;
}

}  // namespace

BOOST_AUTO_TEST_CASE(wrong_or_missing_metadata_never_changes_the_text) {
    const std::string plain = text_of("");
    BOOST_TEST(plain.find("新的电动渡轮") != std::string::npos);
    BOOST_TEST(plain.find("每十五分钟一班") != std::string::npos);
    BOOST_TEST(plain.find("航线\n") != std::string::npos);  // the section heading
    const std::string junk_heads[] = {
        // A title that names a section heading, another page's headline in JSON-LD, impossible dates.
        "<title>航线</title>",
        R"(<script type="application/ld+json">{"@type":"NewsArticle","headline":"航线","author":{"name":7},
           "datePublished":"2099-13-45"}</script>)",
        R"(<script type="application/ld+json">{"@type": "Article", "headline": </script>)",
        "<meta property=\"og:title\" content=\"" + std::string(20000, 'x') + "\"><meta name=author content=\"&#0;&bogus;\">",
        "<meta name=\"date\" content=\"not a date\"><meta property=\"article:published_time\" content=\"0000-00-00\">",
    };
    for (const std::string& head : junk_heads) BOOST_TEST(text_of(head) == plain);
}
