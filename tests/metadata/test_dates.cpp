#define BOOST_TEST_MODULE metadata
#include <boost/test/unit_test.hpp>

#include "metadata/metadata.hpp"

using webclean::metadata::date_from_url;
using webclean::metadata::normalize_date;

BOOST_AUTO_TEST_CASE(iso_with_time_and_zone) {
    BOOST_TEST(normalize_date("2025-06-02T08:36:20+08:00") == "2025-06-02T08:36:20+08:00");
    BOOST_TEST(normalize_date("2025-06-02T08:36:20.123Z") == "2025-06-02T08:36:20+00:00");
    BOOST_TEST(normalize_date("2021-11-01T10:52:50+0100") == "2021-11-01T10:52:50+01:00");
}
BOOST_AUTO_TEST_CASE(date_and_time_with_space) {
    BOOST_TEST(normalize_date("2025-06-02 08:36:20") == "2025-06-02T08:36:20");
    BOOST_TEST(normalize_date("2025-06-02 08:36") == "2025-06-02T08:36:00");
}
BOOST_AUTO_TEST_CASE(chinese_dates) {
    BOOST_TEST(normalize_date("2025年6月2日") == "2025-06-02");
    BOOST_TEST(normalize_date("2025年06月02日 08:36") == "2025-06-02T08:36:00");
    BOOST_TEST(normalize_date("发布时间：2025年6月2日 10:20") == "2025-06-02T10:20:00");
}
BOOST_AUTO_TEST_CASE(slashes_and_dots) {
    BOOST_TEST(normalize_date("2025/06/02") == "2025-06-02");
    BOOST_TEST(normalize_date("2025.6.2") == "2025-06-02");
    BOOST_TEST(normalize_date("06/02/2025") == "2025-06-02");
    BOOST_TEST(normalize_date("25/06/2025") == "2025-06-25");
}
BOOST_AUTO_TEST_CASE(english_month_names) {
    BOOST_TEST(normalize_date("June 2, 2025") == "2025-06-02");
    BOOST_TEST(normalize_date("Jun 2, 2025") == "2025-06-02");
    BOOST_TEST(normalize_date("02 Jun 2025") == "2025-06-02");
    BOOST_TEST(normalize_date("2 June 2025") == "2025-06-02");
    BOOST_TEST(normalize_date("Published June 2, 2025 at 6:01 pm") == "2025-06-02T18:01:00");
    BOOST_TEST(normalize_date("Monday, Sept. 1st, 2025") == "2025-09-01");
}
BOOST_AUTO_TEST_CASE(colloquial_forms) {
    BOOST_TEST(normalize_date("2005年3月11日12:12") == "2005-03-11T12:12:00");  // the time glued to 日
    BOOST_TEST(normalize_date("2025年6月2号") == "2025-06-02");
    BOOST_TEST(normalize_date("——《北京之春》1998年3月号") == "1998-03");  // a month alone
    BOOST_TEST(normalize_date("2005-9-15 11:46:00") == "2005-09-15T11:46:00");
    BOOST_TEST(normalize_date("7/5/2005 9:23:57 PM") == "2005-07-05T21:23:57");
    BOOST_TEST(normalize_date("2.6.2025") == "2025-06-02");
    BOOST_TEST(normalize_date("Saturday, September 10th, 2005 10:56 am") == "2005-09-10T10:56:00");
    BOOST_TEST(normalize_date("发布时间 2005/03/15 22:36:13 by duscha") == "2005-03-15T22:36:13");
    BOOST_TEST(normalize_date("2025-06-021") == "");  // glued to more digits: another number
}
BOOST_AUTO_TEST_CASE(impossible_dates_are_rejected) {
    BOOST_TEST(normalize_date("2025-13-02") == "");
    BOOST_TEST(normalize_date("2025-06-32") == "");
    BOOST_TEST(normalize_date("2023-02-29") == "");
    BOOST_TEST(normalize_date("2024-02-29") == "2024-02-29");
    BOOST_TEST(normalize_date("1989-06-02") == "");
    BOOST_TEST(normalize_date("2025-06-02 25:00") == "2025-06-02");  // the time, not the date, is junk
}
BOOST_AUTO_TEST_CASE(future_dates_are_rejected) {
    BOOST_TEST(normalize_date("2099-01-01") == "");
    BOOST_TEST(normalize_date("9999-12-31") == "");
}
BOOST_AUTO_TEST_CASE(non_dates) {
    BOOST_TEST(normalize_date("") == "");
    BOOST_TEST(normalize_date("hello world") == "");
    BOOST_TEST(normalize_date("20250602") == "");  // compact dates only count in URLs
    BOOST_TEST(normalize_date("Call 2025-0602-123") == "");
    BOOST_TEST(normalize_date(std::string(100000, '9')) == "");
}
BOOST_AUTO_TEST_CASE(dates_in_url_paths) {
    BOOST_TEST(date_from_url("https://example.com/2025/06/02/story.html") == "2025-06-02");
    BOOST_TEST(date_from_url("https://example.com/news/2025-06-02/doc-1.shtml") == "2025-06-02");
    BOOST_TEST(date_from_url("https://example.com/a/20250602/c1.html") == "2025-06-02");
    BOOST_TEST(date_from_url("https://example.com/n1/2025/0602/c1001.html") == "2025-06-02");
    BOOST_TEST(date_from_url("https://example.com/story?id=20250602") == "");
    BOOST_TEST(date_from_url("https://example.com/2025/13/02/") == "");
    BOOST_TEST(date_from_url("") == "");
}
