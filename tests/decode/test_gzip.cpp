#include <boost/test/unit_test.hpp>

#include <zlib.h>

#include <string>

#include "decode/decode.hpp"

using namespace webclean::decode;

namespace {

std::string gzip(std::string_view data) {
    z_stream s{};
    BOOST_REQUIRE(deflateInit2(&s, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string out(deflateBound(&s, data.size()) + 64, '\0');
    s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    s.avail_in = static_cast<uInt>(data.size());
    s.next_out = reinterpret_cast<Bytef*>(out.data());
    s.avail_out = static_cast<uInt>(out.size());
    BOOST_REQUIRE(deflate(&s, Z_FINISH) == Z_STREAM_END);
    out.resize(s.total_out);
    deflateEnd(&s);
    return out;
}

std::string sample(std::size_t n) {
    std::string s;
    for (std::size_t i = 0; s.size() < n; ++i) s += "<p>paragraph " + std::to_string(i) + "</p>\n";
    s.resize(n);
    return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(gunzip_suite)

BOOST_AUTO_TEST_CASE(magic) {
    BOOST_TEST(is_gzip(gzip("x")));
    BOOST_TEST(!is_gzip("<html>"));
    BOOST_TEST(!is_gzip("\x1f"));
    BOOST_TEST(!is_gzip(""));
}

BOOST_AUTO_TEST_CASE(single_member) {
    std::string data = sample(200000), out;
    BOOST_TEST((gunzip(gzip(data), 1 << 20, out) == GunzipStatus::Ok));
    BOOST_TEST(out == data);
}

BOOST_AUTO_TEST_CASE(empty_member) {
    std::string out = "stale";
    BOOST_TEST((gunzip(gzip(""), 100, out) == GunzipStatus::Ok));
    BOOST_TEST(out == "");
}

BOOST_AUTO_TEST_CASE(multiple_members) {
    std::string a = sample(5000), b = "second member", c = sample(70000), out;
    BOOST_TEST((gunzip(gzip(a) + gzip(b) + gzip(c), 1 << 20, out) == GunzipStatus::Ok));
    BOOST_TEST(out == a + b + c);
}

BOOST_AUTO_TEST_CASE(trailing_zero_padding_is_accepted) {
    std::string data = sample(1000), out;
    BOOST_TEST((gunzip(gzip(data) + std::string(16, '\0'), 1 << 20, out) == GunzipStatus::Ok));
    BOOST_TEST(out == data);
}

BOOST_AUTO_TEST_CASE(truncated_is_corrupt) {
    std::string z = gzip(sample(100000)), out;
    for (std::size_t cut : {std::size_t(1), std::size_t(5), std::size_t(12), z.size() / 2, z.size() - 4, z.size() - 1})
        BOOST_TEST((gunzip(z.substr(0, cut), 1 << 20, out) == GunzipStatus::Corrupt), "cut at " << cut);
    // A second member cut short is as corrupt as the first.
    std::string two = gzip("a") + gzip(sample(5000));
    BOOST_TEST((gunzip(two.substr(0, two.size() - 3), 1 << 20, out) == GunzipStatus::Corrupt));
}

BOOST_AUTO_TEST_CASE(garbage_is_corrupt) {
    std::string out;
    BOOST_TEST((gunzip("\x1f\x8b garbage that is not deflate", 1000, out) == GunzipStatus::Corrupt));
    BOOST_TEST((gunzip("plain text", 1000, out) == GunzipStatus::Corrupt));
    BOOST_TEST((gunzip("", 1000, out) == GunzipStatus::Corrupt));
    std::string z = gzip(sample(1000));
    z[z.size() - 6] ^= 0x55;  // CRC-32 no longer matches
    BOOST_TEST((gunzip(z, 1 << 20, out) == GunzipStatus::Corrupt));
    BOOST_TEST((gunzip(gzip("ok") + "junk after", 1000, out) == GunzipStatus::Corrupt));
}

BOOST_AUTO_TEST_CASE(over_limit) {
    std::string data = sample(1 << 20), out;
    std::string z = gzip(data);  // compresses ~100:1, the shape of a zip bomb
    BOOST_TEST((gunzip(z, 1000, out) == GunzipStatus::TooLarge));
    BOOST_TEST(out.size() <= 1000u);
    BOOST_TEST(out.capacity() < 64u * 1024);  // the cap bounds the allocation, not just the result
    BOOST_TEST((gunzip(z, data.size() - 1, out) == GunzipStatus::TooLarge));
    BOOST_TEST((gunzip(z, data.size(), out) == GunzipStatus::Ok));  // exactly at the cap is fine
    BOOST_TEST(out == data);
    BOOST_TEST((gunzip(gzip("abc") + gzip("def"), 5, out) == GunzipStatus::TooLarge));
}

BOOST_AUTO_TEST_SUITE_END()
