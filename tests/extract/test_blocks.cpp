#include <boost/test/unit_test.hpp>

#include "extract/blocks.hpp"
#include "parse/html.hpp"

using namespace webclean;

namespace {
content::Page page_of(const std::string& html, dom::Tree& tree, const Options& options = {}) {
    parse::parse_html(html, 512, 1'000'000, tree);
    return content::collect_blocks(tree, options);
}
}  // namespace

BOOST_AUTO_TEST_CASE(features_count_cjk_links_and_punctuation) {
    dom::Tree tree;
    auto page = page_of("<p>中文，测试。<a href=x>链接</a></p><p>Plain words here.</p>", tree);
    BOOST_REQUIRE_EQUAL(page.blocks.size(), 2u);
    const auto& zh = page.blocks[0];
    BOOST_TEST(zh.text == "中文，测试。链接");
    BOOST_TEST(zh.cjk == 6u);
    BOOST_TEST(zh.link_chars == 2u);
    BOOST_TEST(zh.punct == 2u);
    BOOST_TEST(zh.weight() == 3.0 * 6 + 2);
    BOOST_TEST(page.blocks[1].sentence_end);
}

BOOST_AUTO_TEST_CASE(a_space_between_two_cjk_clauses_counts_as_a_comma) {
    dom::Tree tree;
    auto page = page_of("<p>一波波接續性低溫寒流報到 已將新竹尖石鄉後山一帶層層山巒披上彩衣</p>"
                        "<p>首页 新闻中心 体育 财经频道 成为会员</p>", tree);
    BOOST_REQUIRE_EQUAL(page.blocks.size(), 2u);
    BOOST_TEST(page.blocks[0].punct == 1u);
    BOOST_TEST(page.blocks[1].punct == 0u);  // menu words are short
}

BOOST_AUTO_TEST_CASE(no_space_where_a_line_break_falls_between_cjk) {
    dom::Tree tree;
    auto page = page_of("<p>人工智能\n产业 and\nmore</p>", tree);
    BOOST_TEST(page.blocks.at(0).text == "人工智能产业 and more");
}

BOOST_AUTO_TEST_CASE(br_splits_blocks_and_counts_breaks) {
    dom::Tree tree;
    auto page = page_of("<div>第一行<br>第二行<br><br>第三行</div>", tree);
    BOOST_REQUIRE_EQUAL(page.blocks.size(), 3u);
    BOOST_TEST(page.blocks[1].breaks_before == 1);
    BOOST_TEST(page.blocks[2].breaks_before == 2);
}

BOOST_AUTO_TEST_CASE(hidden_and_form_controls_are_skipped) {
    dom::Tree tree;
    auto page = page_of("<p>seen</p><p style=\"display: none\">hidden</p><button>Click</button><p hidden>h2</p>", tree);
    BOOST_REQUIRE_EQUAL(page.blocks.size(), 1u);
    BOOST_TEST(page.blocks[0].text == "seen");
}

BOOST_AUTO_TEST_CASE(data_table_rows_become_tab_separated_lines) {
    dom::Tree tree;
    std::string html = "<table><tr><th>Region</th><th>Share</th></tr><tr><td>North</td><td>84.2</td></tr></table>";
    auto page = page_of(html, tree);
    BOOST_REQUIRE_EQUAL(page.blocks.size(), 2u);
    BOOST_TEST((page.blocks[1].kind == BlockKind::TableRow));
    BOOST_TEST(page.blocks[1].text == "North\t84.2");
    Options no_tables;
    no_tables.include_tables = false;
    dom::Tree tree2;
    BOOST_TEST(page_of(html, tree2, no_tables).blocks.empty());
}

// Inside a cell, a block's edge parts words as a line break does, whether or not the markup
// has whitespace there.
BOOST_AUTO_TEST_CASE(blocks_inside_a_cell_part_their_words) {
    dom::Tree tree;
    auto page = page_of("<table><tr><th>Symbol</th><th>Name</th></tr>"
                        "<tr><td><div>Flag</div><div>Coat of arms</div></td><td><p>New</p><p>Zealand</p></td></tr></table>",
                        tree);
    BOOST_REQUIRE_EQUAL(page.blocks.size(), 2u);
    BOOST_TEST(page.blocks[1].text == "Flag Coat of arms\tNew Zealand");
}

BOOST_AUTO_TEST_CASE(layout_tables_stay_blocks_of_text) {
    dom::Tree tree;
    std::string long_text(600, 'x');  // a content cell far longer than data cells are
    auto page = page_of("<table><tr><td>menu</td><td><p>" + long_text + "</p></td></tr><tr><td>a</td><td>b</td></tr></table>", tree);
    for (const auto& b : page.blocks) BOOST_TEST((b.kind != BlockKind::TableRow));
}

BOOST_AUTO_TEST_CASE(structural_and_named_flags) {
    dom::Tree tree;
    auto page = page_of("<nav><a href=/>Home</a></nav><div class=\"share-bar\">Share</div><div id=comments>c</div>", tree);
    BOOST_REQUIRE_EQUAL(page.blocks.size(), 3u);
    BOOST_TEST((page.flags[page.blocks[0].owner] & content::kStructural) != 0);  // the link's text belongs to <nav>
    BOOST_TEST((page.flags[page.blocks[1].owner] & content::kNamedFurniture) != 0);
    BOOST_TEST((page.flags[page.blocks[2].owner] & content::kComments) != 0);
}

BOOST_AUTO_TEST_CASE(anchor_ids_spelled_from_headings_name_no_box) {
    dom::Tree tree;
    auto page = page_of("<div id=\"sharing-with-a-single-developer\"><p>Section text.</p></div>"
                        "<h2 id=\"related-coverage\">Related coverage</h2><div id=\"share-bar\"><p>Share</p></div>",
                        tree);
    BOOST_REQUIRE_EQUAL(page.blocks.size(), 3u);
    auto named = [&](std::size_t i) {
        for (dom::NodeId id = page.blocks[i].owner; id != dom::none; id = tree[id].parent)
            if (page.flags[id] & content::kNamedFurniture) return true;
        return false;
    };
    BOOST_TEST(!named(0));
    BOOST_TEST(!named(1));
    BOOST_TEST(named(2));
}

BOOST_AUTO_TEST_CASE(a_page_hidden_until_its_scripts_run_is_read) {
    auto texts = [](const std::string& html) {
        dom::Tree tree;
        std::string all;
        for (const auto& b : page_of(html, tree).blocks) all += b.text + "|";
        return all;
    };
    // A wrapper hiding the whole page against a flash of unstyled content hides nothing...
    BOOST_TEST(texts("<div style=\"visibility:hidden; min-height:100vh\"><p>The whole story.</p>"
                     "<p style=display:none>A closed menu</p></div>") == "The whole story.|");
    // ...but a hidden section beside visible text stays hidden, however long it is.
    BOOST_TEST(texts("<p>Shown.</p><div style=\"visibility: hidden\"><p>Hidden paragraph, longer than the "
                     "shown one by far.</p></div>") == "Shown.|");
    // A tab panel waiting for its tab is one click away: read.
    BOOST_TEST(texts("<p>Shown.</p><div role=tabpanel hidden><p>pip install flask</p></div>") ==
               "Shown.|pip install flask|");
    // React streams late parts of a page in <div hidden id="S:n">; a script moves them into place.
    BOOST_TEST(texts("<header><p>Site header with a menu</p></header><div hidden id=\"S:2\"><p>Streamed body.</p></div>"
                     "<div hidden id=\"S:x\"><p>Not a segment</p></div><div hidden><p>Hidden</p></div>") ==
               "Site header with a menu|Streamed body.|");
}

BOOST_AUTO_TEST_CASE(a_small_popup_box_is_skipped_the_prose_around_an_inline_popup_is_read) {
    dom::Tree tree;
    std::string prose;
    for (int i = 0; i < 6; ++i)
        prose += "<p>The product page describes the sheets at length: fabric, weave, care and sizes, with a "
                 "<a class=popup href=#>note</a> on thread counts.</p>";
    auto page = page_of("<main>" + prose + "</main><div class=exit-overlay><p>Enter your email for 15% off "
                        "your order.</p></div>", tree);
    std::string all;
    for (const auto& b : page.blocks) all += b.text + "|";
    BOOST_TEST(all.find("describes the sheets at length") != std::string::npos);
    BOOST_TEST(all.find("15% off") == std::string::npos);
}
