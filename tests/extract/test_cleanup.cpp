#include <boost/test/unit_test.hpp>

#include "extract/cleanup.hpp"

using namespace webclean::content;

BOOST_AUTO_TEST_CASE(pinyin_labels) {
    BOOST_TEST(is_pinyin_label("redian toushi"));
    BOOST_TEST(is_pinyin_label("chuangxin zatan"));
    BOOST_TEST(!is_pinyin_label("the market"));
    BOOST_TEST(!is_pinyin_label("redian"));  // one word is too little to tell
    BOOST_TEST(strip_pinyin_tail("创新杂谈 chuangxin zatan") == "创新杂谈");
    BOOST_TEST(strip_pinyin_tail("Market report weekly") == "Market report weekly");
}

BOOST_AUTO_TEST_CASE(continuation_markers) {
    BOOST_TEST(strip_continuation_markers("(上接 A1 版)农村冬季取暖能耗高") == "农村冬季取暖能耗高");
    BOOST_TEST(strip_continuation_markers("取暖设备迅速风靡。（下转第3版）") == "取暖设备迅速风靡。");
    BOOST_TEST(strip_continuation_markers("会议(上午)在北京召开") == "会议(上午)在北京召开");
}

BOOST_AUTO_TEST_CASE(figure_credits) {
    BOOST_TEST(is_figure_credit("■ 田晶娟制图"));
    BOOST_TEST(is_figure_credit("新华社记者 张三 摄"));
    BOOST_TEST(!is_figure_credit("数据、算法与工程、场景与平台。"));
}

BOOST_AUTO_TEST_CASE(markup_escaped_into_text) {
    BOOST_TEST(looks_like_markup("<div style=\"position:absolute;\"><img width=1 height=1 src=\"http://b.example/p\"></div>"));
    BOOST_TEST(!looks_like_markup("<The Palace: Tale of Jang Noksu> opens in May"));
    BOOST_TEST(!looks_like_markup("Use the <div> element for blocks."));
}

BOOST_AUTO_TEST_CASE(menu_lines) {
    BOOST_TEST(looks_like_menu("北京 天津 河北 山西 内蒙古"));
    BOOST_TEST(looks_like_menu("首页 | 新闻 | 体育"));
    BOOST_TEST(looks_like_menu("每日新闻网 > 科技前沿"));
    // A breadcrumb ends in the page's title, however long and whatever marks it holds.
    BOOST_TEST(looks_like_menu("每日新闻网 > 科技前沿 > 加快赋能千行百业 持续优化产业生态——浙江推动人工智能发展"));
    BOOST_TEST(looks_like_menu("Home » News » The harbour will get electric ferries, the council says"));
    BOOST_TEST(!looks_like_menu("If x > 3 and y > 4, the inequality in section two > the bound, so it holds."));
    BOOST_TEST(!looks_like_menu("Up to 12 hours of battery life to power through workouts"));
    BOOST_TEST(!looks_like_menu("浙江持之以恒深化数字浙江建设，加速向人工智能产业高地迈进。"));
}
