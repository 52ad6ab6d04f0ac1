#define BOOST_TEST_MODULE parse
#include <boost/test/unit_test.hpp>

#include "parse/html.hpp"

using webclean::parse::prescan;

BOOST_AUTO_TEST_CASE(drops_script_style_and_comments_but_keeps_json_ld) {
    auto r = prescan("<p>a</p><script>var x='</p>';</script><style>p{}</style><!-- c --><p>b</p>"
                     "<script type=\"application/ld+json\">{\"@type\":\"Article\"}</script>",
                     100);
    BOOST_TEST(r.html == "<p>a</p><p>b</p>");
    BOOST_REQUIRE_EQUAL(r.json_ld.size(), 1u);
    BOOST_TEST(r.json_ld[0] == "{\"@type\":\"Article\"}");
}

BOOST_AUTO_TEST_CASE(unterminated_script_drops_the_rest) {
    BOOST_TEST(prescan("<p>x</p><SCRIPT>never closed", 100).html == "<p>x</p>");
}

BOOST_AUTO_TEST_CASE(flattens_tags_beyond_max_depth_and_keeps_text) {
    std::string deep;
    for (int i = 0; i < 10; ++i) deep += "<div>";
    deep += "core";
    for (int i = 0; i < 10; ++i) deep += "</div>";
    auto r = prescan(deep, 3);
    BOOST_TEST(r.html == "<div><div><div>core</div></div></div>");
    BOOST_TEST(r.flattened_tags == 14u);
}

BOOST_AUTO_TEST_CASE(optional_end_tags_do_not_count_as_depth) {
    std::string list;
    for (int i = 0; i < 50; ++i) list += "<li>item";
    BOOST_TEST(prescan(list, 3).html == list);
}

BOOST_AUTO_TEST_CASE(quoted_gt_inside_attribute_does_not_end_tag) {
    auto r = prescan("<a title=\"a > b\" href=x>t</a>", 10);
    BOOST_TEST(r.html == "<a title=\"a > b\" href=x>t</a>");
}
