#include <boost/test/unit_test.hpp>

#include "metadata/metadata.hpp"

using webclean::metadata::clean_title;

BOOST_AUTO_TEST_CASE(english_suffix_and_prefix) {
    BOOST_TEST(clean_title("Obama admits gun laws are his biggest frustration - BBC News", "BBC News", "") ==
               "Obama admits gun laws are his biggest frustration");
    BOOST_TEST(clean_title("The Verge | Apple's Vision Pro is the Retina moment", "The Verge", "") ==
               "Apple's Vision Pro is the Retina moment");
    BOOST_TEST(clean_title("A console that keeps up with gaming PCs - Engadget", "", "") ==
               "A console that keeps up with gaming PCs");
}
BOOST_AUTO_TEST_CASE(chinese_separators) {
    BOOST_TEST(clean_title("海外留学生看两会：出国前后关注点大不同_教育频道_中国青年网", "", "") ==
               "海外留学生看两会：出国前后关注点大不同");
    BOOST_TEST(clean_title("文章标题在这里很长_新华网", "新华网", "") == "文章标题在这里很长");
    BOOST_TEST(clean_title("标题写得很长很长——网站", "网站", "") == "标题写得很长很长");
}
BOOST_AUTO_TEST_CASE(h1_decides) {
    BOOST_TEST(clean_title("Section | Long article headline here | Site", "", "Long article headline here") ==
               "Long article headline here");
    // An h1 that is the logo does not win over the article.
    BOOST_TEST(clean_title("standalone WebAssembly binaries · V8", "", "V8") == "standalone WebAssembly binaries");
}
BOOST_AUTO_TEST_CASE(titles_without_a_site_stay) {
    BOOST_TEST(clean_title("Mozilla - Wikipedia", "", "") == "Mozilla - Wikipedia");
    BOOST_TEST(clean_title("Spider-Man returns to theatres", "", "") == "Spider-Man returns to theatres");
    BOOST_TEST(clean_title("snake_case naming in Python", "", "") == "snake_case naming in Python");
    BOOST_TEST(clean_title("", "", "Heading") == "Heading");
}
BOOST_AUTO_TEST_CASE(bare_hyphen_site_chain) {
    BOOST_TEST(clean_title("山村里的新书屋：年轻人的返乡故事-某某在线-某某新闻", "", "") ==
               "山村里的新书屋：年轻人的返乡故事");
    // A bare hyphen inside a short title, or between ASCII words, joins words.
    BOOST_TEST(clean_title("北京-上海高铁开通", "", "") == "北京-上海高铁开通");
    BOOST_TEST(clean_title("COVID-19 cases fall", "", "") == "COVID-19 cases fall");
}
BOOST_AUTO_TEST_CASE(software_credit_dropped) {
    BOOST_TEST(clean_title("阳台种菜的一些心得和配土比例分享 - 园艺版 - 某某论坛 - Powered by Discuz!", "", "") ==
               "阳台种菜的一些心得和配土比例分享");
    BOOST_TEST(webclean::metadata::looks_like_software_credit("Powered by Discuz!"));
    BOOST_TEST(!webclean::metadata::looks_like_software_credit("某某论坛"));
}
