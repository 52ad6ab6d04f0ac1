#include <boost/test/unit_test.hpp>

#include "metadata/metadata.hpp"

using namespace webclean::metadata;

BOOST_AUTO_TEST_CASE(icp_numbers) {
    BOOST_TEST(find_icp("版权所有 京ICP备2025111695号-2 联系我们") == "京ICP备2025111695号-2");
    BOOST_TEST(find_icp("沪ICP证123456号") == "沪ICP证123456号");
    BOOST_TEST(find_icp("ICP备案号：粤ICP备 12345678号") == "粤ICP备12345678号");
    BOOST_TEST(find_icp("no record here, ICP only") == "");
    BOOST_TEST(find_icp("") == "");
}
BOOST_AUTO_TEST_CASE(public_security_numbers) {
    BOOST_TEST(find_public_security("京公网安备11010802046001号") == "京公网安备11010802046001号");
    BOOST_TEST(find_public_security("浙公网安备 33010602011771号 | 关于我们") == "浙公网安备33010602011771号");
    BOOST_TEST(find_public_security("公网安备") == "");
}
