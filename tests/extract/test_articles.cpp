#include <boost/test/unit_test.hpp>

#include "extract/articles.hpp"

using namespace webclean;

namespace {
Block heading(std::string text, int level = 2) { return {BlockKind::Heading, level, std::move(text)}; }
Block para(std::string text) { return {BlockKind::Paragraph, 0, std::move(text)}; }
}  // namespace

BOOST_AUTO_TEST_CASE(bylines_mark_articles_and_kickers_join_their_title) {
    std::vector<Block> blocks = {heading("工业快讯"), heading("第一篇文章的标题"), para("本报讯(记者 张三)第一篇的正文。"),
                                 heading("第二篇文章的标题"), para("本报记者 李四 第二篇的正文。"), para("第二篇的第二段。")};
    auto articles = content::split_articles(blocks, false);
    BOOST_REQUIRE_EQUAL(articles.size(), 2u);
    BOOST_TEST(articles[0].title == "第一篇文章的标题");
    BOOST_TEST(articles[0].byline == "本报讯(记者 张三)第一篇的正文。");
    BOOST_TEST(articles[0].text.find("工业快讯") == 0u);  // the section label stays in the text
    BOOST_TEST(articles[1].text == "第二篇文章的标题\n本报记者 李四 第二篇的正文。\n第二篇的第二段。");
}

BOOST_AUTO_TEST_CASE(subheadings_of_one_article_do_not_split_it) {
    std::vector<Block> blocks = {heading("Intro", 2), para("Text one."), heading("Details", 2), para("Text two.")};
    BOOST_TEST(content::split_articles(blocks, false).empty());
    BOOST_TEST(content::split_articles(blocks, true).empty());  // one heading level: sections, not articles
}

BOOST_AUTO_TEST_CASE(markdown_levels_above_the_sections_open_articles) {
    std::vector<Block> blocks = {heading("First story", 1), para("a"), heading("Part", 3), para("b"),
                                 heading("Second story", 2), para("c"), heading("Part", 3), para("d")};
    auto articles = content::split_articles(blocks, true);
    BOOST_REQUIRE_EQUAL(articles.size(), 2u);
    BOOST_TEST(articles[1].title == "Second story");
    BOOST_TEST(articles[1].text == "Second story\nc\nPart\nd");
}
