#include <boost/test/unit_test.hpp>

#include "parse/inputs.hpp"

using namespace webclean;

BOOST_AUTO_TEST_CASE(detects_input_kinds) {
    BOOST_TEST((parse::detect_format("<!DOCTYPE html><html><body>x</body></html>") == InputFormat::Html));
    BOOST_TEST((parse::detect_format("更新时间:2026\n<p id=a>一</p> <p id=b>二</p> <p>三</p>\n版权所有") == InputFormat::Html));
    BOOST_TEST((parse::detect_format("---\ntitle: x\n---\n\n# T\n") == InputFormat::Markdown));
    BOOST_TEST((parse::detect_format("# Title\n\nSome **bold** text and a [link](http://x).\n\n## Part\n") == InputFormat::Markdown));
    BOOST_TEST((parse::detect_format("第一行文字\n第二行文字\n第三行") == InputFormat::Text));
    // A script or an unknown tag before <html> (old portals): still a page.
    BOOST_TEST((parse::detect_format("<text id=\"u\">\n<script>if (a) { b(); } else { c(); }</script>\n"
                                     "<!DOCTYPE HTML PUBLIC>\n<html><head><title>T</title></head><body>x</body></html>") ==
                InputFormat::Html));
}

BOOST_AUTO_TEST_CASE(front_matter_fields_and_body) {
    auto fm = parse::split_front_matter("---\ntitle: \"专家解读 | 标题\"\nsource: 中国信息安全\ndate: 2025-01-22\n---\n\n# 正文\n");
    BOOST_TEST(fm.get("title") == "专家解读 | 标题");
    BOOST_TEST(fm.get("source") == "中国信息安全");
    BOOST_TEST(fm.body == "\n# 正文\n");
    BOOST_TEST(parse::split_front_matter("no front matter").fields.empty());
    BOOST_TEST(parse::split_front_matter("---\nnever: closed\n").body == "---\nnever: closed\n");
}

BOOST_AUTO_TEST_CASE(markdown_renders_tables_and_emphasis) {
    std::string html = parse::markdown_to_html("| a | b |\n|---|---|\n| 1 | 2 |\n\n**bold**");
    BOOST_TEST(html.find("<table>") != std::string::npos);
    BOOST_TEST(html.find("<strong>bold</strong>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(text_lines_become_blocks_with_titles_as_headings) {
    dom::Tree tree;
    parse::parse_text("网站首页 | 新闻\n\n人工智能赋能千行百业\n今年以来，我省人工智能产业规模持续扩大，一批重点项目相继落地，带动上下游企业加快集聚发展。\n", tree);
    std::vector<dom::Tag> tags;
    for (dom::NodeId id = tree[tree.body()].first_child; id != dom::none; id = tree[id].next_sibling) tags.push_back(tree[id].tag);
    BOOST_REQUIRE_EQUAL(tags.size(), 3u);
    BOOST_TEST((tags[0] == GUMBO_TAG_P));   // a menu is not a title
    BOOST_TEST((tags[1] == GUMBO_TAG_H2));  // short line over prose
    BOOST_TEST((tags[2] == GUMBO_TAG_P));
}
