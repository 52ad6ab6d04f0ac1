#include <boost/test/unit_test.hpp>

#include <string>

#include "extract_page.hpp"
#include "dom/tree.hpp"
#include "metadata/metadata.hpp"
#include "parse/html.hpp"
#include "parse/inputs.hpp"

using namespace webclean;

using test::extract;

BOOST_AUTO_TEST_CASE(json_ld_article) {
    auto md = extract(R"(<html><head><script type="application/ld+json">
        {"@context":"https://schema.org","@type":"NewsArticle","headline":"Rates rise again",
         "author":[{"@type":"Person","name":"Jane Doe"},"John Roe"],"datePublished":"2025-06-02T08:36:20+08:00",
         "dateModified":"2025-06-03","publisher":{"@type":"Organization","name":"Daily Paper"},
         "image":{"url":"https://example.com/a.jpg"},"keywords":"rates, economy","articleSection":"Business"}
        </script></head><body><p>x</p></body></html>)");
    BOOST_TEST(md.title == "Rates rise again");
    BOOST_TEST(md.author() == "Jane Doe; John Roe");
    BOOST_TEST(md.date == "2025-06-02T08:36:20+08:00");
    BOOST_TEST(md.modified == "2025-06-03");
    BOOST_TEST(md.sitename == "Daily Paper");
    BOOST_TEST(md.image == "https://example.com/a.jpg");
    BOOST_REQUIRE(md.tags.size() == 2u);
    BOOST_TEST(md.tags[1] == "economy");
    BOOST_REQUIRE(md.categories.size() == 1u);
    BOOST_TEST(md.categories[0] == "Business");
}

BOOST_AUTO_TEST_CASE(json_ld_graph_and_cdata) {
    auto md = extract(R"(<html><head><script type="application/ld+json"><![CDATA[
        {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"My Blog"},
         {"@type":"WebPage","name":"Page name"},
         {"@type":["BlogPosting"],"headline":"Graph post","author":{"name":"Ann Lee"},"datePublished":"2024-03-01"}]}
        ]]></script></head><body></body></html>)");
    BOOST_TEST(md.title == "Graph post");
    BOOST_TEST(md.author() == "Ann Lee");
    BOOST_TEST(md.date == "2024-03-01");
    BOOST_TEST(md.sitename == "My Blog");
}

BOOST_AUTO_TEST_CASE(junk_json_ld_is_ignored) {
    auto md = extract(R"(<html><head><title>Plain title</title>
        <script type="application/ld+json">{"@type": "Article", "headline": </script>
        <script type="application/ld+json">[1, 2, null, "x"]</script>
        <script type="application/ld+json">{"@type": 5, "author": {"name": 7}}</script>
        <meta name="author" content="Meta Person"></head><body></body></html>)");
    BOOST_TEST(md.title == "Plain title");
    BOOST_TEST(md.author() == "Meta Person");
}

BOOST_AUTO_TEST_CASE(conflicting_sources_json_ld_wins) {
    auto md = extract(R"(<html><head>
        <meta property="og:title" content="Social title">
        <meta property="article:published_time" content="2020-01-01">
        <meta name="author" content="Meta Author">
        <script type="application/ld+json">{"@type":"Article","headline":"Real headline",
          "author":"Ld Author","datePublished":"2021-05-06"}</script></head>
        <body><p>By Text Author</p><time datetime="2019-01-01">x</time></body></html>)");
    BOOST_TEST(md.title == "Real headline");
    BOOST_TEST(md.author() == "Ld Author");
    BOOST_TEST(md.date == "2021-05-06");
}

BOOST_AUTO_TEST_CASE(opengraph_and_head_meta) {
    auto md = extract(R"(<html lang="en-GB"><head><title>Ignored - Site</title>
        <meta property="og:title" content="OG headline about things - The Site">
        <meta property="og:site_name" content="The Site">
        <meta property="og:description" content="  A short   summary. ">
        <meta property="og:image" content="/img/a.png">
        <meta property="article:published_time" content="2025-06-02T08:00:00Z">
        <meta property="article:modified_time" content="2025-06-03T09:00:00Z">
        <meta property="article:author" content="https://facebook.com/someone">
        <meta name="byl" content="By Jane Doe and John Roe">
        <meta property="article:section" content="World">
        <meta property="article:tag" content="one"><meta property="article:tag" content="two">
        <link rel="canonical" href="/news/story.html"><link rel="license" href="https://creativecommons.org/licenses/by/4.0/">
        </head><body></body></html>)", "https://www.example.com/x?y=1");
    BOOST_TEST(md.title == "OG headline about things");
    BOOST_TEST(md.sitename == "The Site");
    BOOST_TEST(md.description == "A short summary.");
    BOOST_TEST(md.image == "https://www.example.com/img/a.png");
    BOOST_TEST(md.date == "2025-06-02T08:00:00+00:00");
    BOOST_TEST(md.modified == "2025-06-03T09:00:00+00:00");
    BOOST_TEST(md.author() == "Jane Doe; John Roe");  // the profile URL is no name
    BOOST_TEST(md.url == "https://www.example.com/news/story.html");
    BOOST_TEST(md.hostname == "www.example.com");
    BOOST_TEST(md.language == "en-GB");
    BOOST_TEST(md.license == "https://creativecommons.org/licenses/by/4.0/");
    BOOST_REQUIRE(md.tags.size() == 2u);
    BOOST_TEST(md.categories.at(0) == "World");
}

BOOST_AUTO_TEST_CASE(itemprop_author_and_date) {
    auto md = extract(R"(<html><body><article>
        <span itemprop="author" itemscope><span itemprop="name">Item Person</span><span>Staff</span></span>
        <meta itemprop="datePublished" content="2023-04-05">
        </article></body></html>)");
    BOOST_TEST(md.author() == "Item Person");
    BOOST_TEST(md.date == "2023-04-05");
}

BOOST_AUTO_TEST_CASE(time_element) {
    auto md = extract(R"(<html><body><h1>Head</h1><p>x <time datetime="2022-01-02">two days</time></p>
        <time datetime="2022-03-04T10:00:00+01:00" pubdate>published</time></body></html>)");
    BOOST_TEST(md.date == "2022-03-04T10:00:00+01:00");  // the marked one wins over the first one
}

BOOST_AUTO_TEST_CASE(meta_names_for_dates) {
    BOOST_TEST(extract(R"(<meta name="PubDate" content="2021-07-08">)").date == "2021-07-08");
    BOOST_TEST(extract(R"(<meta name="sailthru.date" content="2021-07-09 10:11:12">)").date == "2021-07-09T10:11:12");
    BOOST_TEST(extract(R"(<meta name="dc.date.issued" content="2021/7/10">)").date == "2021-07-10");
    BOOST_TEST(extract(R"(<meta name="parsely-pub-date" content="2021-07-11T00:00:00Z">)").date.substr(0, 10) == "2021-07-11");
}

BOOST_AUTO_TEST_CASE(chinese_byline_line) {
    auto md = extract(R"(<html><head><title>新闻标题在这里_中青网</title></head><body>
        <div class="nav">首页 新闻</div><h1>新闻标题在这里</h1>
        <div class="info">来源：中青网 | 时间：2025-06-02 08:36:20 | 作者：张三、李四</div>
        <p>正文第一段，记者从有关部门获悉，这是很长的正文内容。</p>
        <p>（责任编辑：王五）</p>
        <div class="footer">版权所有 京ICP备2025111695号-2 <a>京公网安备11010802046001号</a></div>
        </body></html>)");
    BOOST_TEST(md.title == "新闻标题在这里");
    BOOST_TEST(md.source == "中青网");
    BOOST_TEST(md.date == "2025-06-02T08:36:20");
    BOOST_TEST(md.author() == "张三; 李四");
    BOOST_TEST(md.editor == "王五");
    BOOST_TEST(md.icp == "京ICP备2025111695号-2");
    BOOST_TEST(md.public_security == "京公网安备11010802046001号");
    BOOST_TEST(md.language == "zh");
    BOOST_TEST(md.sitename == "中青网");
}

// Minified markup has no whitespace between a byline's label and the name; the block's edge
// still parts them (and the prescan drops whitespace beside block-level tags).
BOOST_AUTO_TEST_CASE(byline_element_words_are_parted_at_block_edges) {
    auto md = extract(R"(<body><header><h1>The Best Board Games</h1><div class="meta-info">)"
                      R"(<div class="td-post-author-name"><div class="td-author-by">By</div><a href="/author/t/">Tony Mastrangeli</a></div>)"
                      R"(<span>January 1, 2026</span></div></header><p>Long article text about board games.</p></body>)");
    BOOST_TEST(md.author() == "Tony Mastrangeli");
}

BOOST_AUTO_TEST_CASE(chinese_reporter_and_date_lines) {
    auto md = extract(R"(<body><h1>标题</h1><p>发布时间：2025年6月2日 10:20</p>
        <p>光明日报记者 王建宏 张文攀</p><p>正文。</p></body>)");
    BOOST_TEST(md.date == "2025-06-02T10:20:00");
    BOOST_TEST(md.author() == "王建宏; 张文攀");
}

BOOST_AUTO_TEST_CASE(english_byline_and_published_line) {
    auto md = extract(R"(<body><h1>A headline</h1><p>By Jane Doe and John Roe</p>
        <p>Published June 2, 2025</p><p>By 2030, the text says, nothing changes.</p></body>)");
    BOOST_TEST(md.author() == "Jane Doe; John Roe");
    BOOST_TEST(md.date == "2025-06-02");
}

BOOST_AUTO_TEST_CASE(url_date_is_the_last_resort) {
    auto md = extract("<body><p>nothing</p></body>", "https://example.com/2024/05/06/story.html");
    BOOST_TEST(md.date == "2024-05-06");
    BOOST_TEST(md.url == "https://example.com/2024/05/06/story.html");
    BOOST_TEST(md.hostname == "example.com");
}

BOOST_AUTO_TEST_CASE(impossible_and_future_meta_dates_fall_through) {
    auto md = extract(R"(<head><meta property="article:published_time" content="2099-01-01">
        <meta name="date" content="2025-02-30"><meta name="pubdate" content="2020-02-29"></head>)");
    BOOST_TEST(md.date == "2020-02-29");
}

BOOST_AUTO_TEST_CASE(language_guess_and_locale) {
    BOOST_TEST(extract(R"(<meta property="og:locale" content="zh_CN">)").language == "zh-CN");
    std::string japanese = "<body><p>";
    for (int i = 0; i < 10; ++i) japanese += "これは日本語の文章です。";
    BOOST_TEST(extract(japanese + "</p></body>").language == "ja");
    std::string english = "<body><p>";
    for (int i = 0; i < 10; ++i) english += "This is the text of an article and it is in English for the reader. ";
    BOOST_TEST(extract(english + "</p></body>").language == "en");
}

BOOST_AUTO_TEST_CASE(junk_pages_are_safe) {
    auto empty = extract("");
    BOOST_TEST(empty.title == "");
    BOOST_TEST(empty.authors.empty());
    std::string huge = "<meta name=author content=\"" + std::string(100000, 'a') + "\"><p>" +
                       std::string(50000, 'x') + "</p>";
    auto md = extract(huge);
    BOOST_TEST(md.authors.empty());
    dom::Tree tree;  // never parsed
    BOOST_CHECK_NO_THROW(metadata::extract_metadata(tree, ""));
}

BOOST_AUTO_TEST_CASE(labelled_value_stops_at_next_label) {
    auto md = extract(R"(<html><body><h1>标题</h1>
        <div>发布时间：2023-11-08 10:15:32　来源：某某日报　作者：张小明　点击数：<span>2317</span></div>
        <p>正文。</p></body></html>)");
    BOOST_TEST(md.author() == "张小明");
    BOOST_TEST(md.source == "某某日报");
    BOOST_TEST(md.date == "2023-11-08T10:15:32");
    auto gov = extract(R"(<html><body><h1>通知</h1><div>来源：某市农业局 浏览次数：<span>88</span></div></body></html>)");
    BOOST_TEST(gov.source == "某市农业局");
}

BOOST_AUTO_TEST_CASE(sitename_never_software_credit) {
    auto md = extract(R"(<html><head><title>帖子标题写得比较长的一篇 - 版块 - 某某家园论坛 -  Powered by Discuz!</title>
        <meta name="generator" content="Discuz! X3.4"></head><body>
        <div class="authi"><em id="authorposton1">发表于 2024-04-20 20:00</em></div><p>x</p></body></html>)");
    BOOST_TEST(md.sitename == "某某家园论坛");
    BOOST_TEST(md.title == "帖子标题写得比较长的一篇");
    BOOST_TEST(md.author() == "");  // the "author" element holds only a date
}

BOOST_AUTO_TEST_CASE(platform_sitename_gives_way_to_account) {
    auto md = extract(R"(<html><head><meta property="og:site_name" content="微信公众平台">
        <meta property="og:title" content="一篇文章"></head><body>
        <span class="rich_media_meta rich_media_meta_nickname"><a id="js_name">某某文旅</a></span>
        <p>x</p></body></html>)");
    BOOST_TEST(md.sitename == "某某文旅");
    // A real site name stays, whatever nickname elements the page holds.
    auto site = extract(R"(<html><head><meta property="og:site_name" content="Daily Paper"></head><body>
        <span class="nickname">someone</span></body></html>)");
    BOOST_TEST(site.sitename == "Daily Paper");
}

BOOST_AUTO_TEST_CASE(markdown_first_h1_is_title) {
    dom::Tree tree;
    std::string html = parse::markdown_to_html("# 新能源迈入“技术+资本”驱动期\n\n正文第一段。\n\n## 小节\n\n更多。\n");
    parse::parse_html(html, 512, 1'000'000, tree);
    auto md = metadata::extract_metadata(tree, "");
    BOOST_TEST(md.title == "新能源迈入“技术+资本”驱动期");
}

BOOST_AUTO_TEST_CASE(role_words_between_names_are_not_authors) {
    webclean::dom::Tree tree;
    webclean::parse::parse_html("<html><body><h1>标题</h1><p>本报记者 谭书远 实习生 聂小满</p><p>正文内容。</p></body></html>",
                                512, 100000, tree);
    auto md = webclean::metadata::extract_metadata(tree, "");
    BOOST_TEST(md.author() == "谭书远; 聂小满");
}
