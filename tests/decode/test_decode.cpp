#define BOOST_TEST_MODULE decode
#include <boost/test/unit_test.hpp>

#include <unicode/ucnv.h>

#include <string>

#include "decode/decode.hpp"
#include "decode/internal.hpp"

using namespace webclean::decode;

namespace {

// UTF-8 -> another encoding with ICU, so the tests hold no opaque byte blobs.
std::string encode(std::string_view utf8, const char* encoding) {
    UErrorCode err = U_ZERO_ERROR;
    std::string out(utf8.size() * 4 + 16, '\0');
    int32_t n = ucnv_convert(encoding, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                             static_cast<int32_t>(utf8.size()), &err);
    BOOST_REQUIRE(U_SUCCESS(err));
    out.resize(n);
    return out;
}

// A paragraph long enough for a detector to settle on.
const std::string kChinese =
    "中国互联网络信息中心今天发布报告，截至去年年底，我国网民规模达到十亿人，互联网普及率继续提高。"
    "报告显示，农村地区网民数量增长明显，移动支付、网络购物和在线教育等应用持续发展。"
    "专家认为，数字经济已经成为推动经济社会发展的重要力量，各地应当进一步完善网络基础设施建设。"
    "与此同时，网络安全和个人信息保护问题也引起了社会各界的广泛关注，有关部门正在加快制定相关法规。";

std::string page(std::string_view head, std::string_view body) {
    return "<!DOCTYPE html><html><head>" + std::string(head) + "<title>t</title></head><body><p>" +
           std::string(body) + "</p></body></html>";
}

std::size_t count_fffd(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t at = s.find("\xEF\xBF\xBD"); at != std::string_view::npos; at = s.find("\xEF\xBF\xBD", at + 3)) ++n;
    return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(labels)

BOOST_AUTO_TEST_CASE(whatwg_mapping) {
    BOOST_TEST(canonical_encoding("gb2312") == "gbk");
    BOOST_TEST(canonical_encoding("GBK") == "gbk");
    BOOST_TEST(canonical_encoding("x-gbk") == "gbk");
    BOOST_TEST(canonical_encoding("chinese") == "gbk");
    BOOST_TEST(canonical_encoding("iso-ir-58") == "gbk");
    BOOST_TEST(canonical_encoding("GB18030") == "gb18030");
    BOOST_TEST(canonical_encoding("big5-hkscs") == "big5");
    BOOST_TEST(canonical_encoding("x-x-big5") == "big5");
    BOOST_TEST(canonical_encoding("latin1") == "windows-1252");
    BOOST_TEST(canonical_encoding("ISO-8859-1") == "windows-1252");
    BOOST_TEST(canonical_encoding("us-ascii") == "windows-1252");
    BOOST_TEST(canonical_encoding("cp1252") == "windows-1252");
    BOOST_TEST(canonical_encoding("iso-8859-9") == "windows-1254");
    BOOST_TEST(canonical_encoding("sjis") == "shift_jis");
    BOOST_TEST(canonical_encoding("windows-31j") == "shift_jis");
    BOOST_TEST(canonical_encoding("ks_c_5601-1987") == "euc-kr");
    BOOST_TEST(canonical_encoding("koi8-r") == "koi8-r");
    BOOST_TEST(canonical_encoding("utf8") == "utf-8");
    BOOST_TEST(canonical_encoding("unicode-1-1-utf-8") == "utf-8");
    BOOST_TEST(canonical_encoding("utf-16") == "utf-16le");
    BOOST_TEST(canonical_encoding("  UTF-8\t\n") == "utf-8");
}

BOOST_AUTO_TEST_CASE(unknown_labels) {
    BOOST_TEST(canonical_encoding("") == "");
    BOOST_TEST(canonical_encoding("   ") == "");
    BOOST_TEST(canonical_encoding("klingon") == "");
    BOOST_TEST(canonical_encoding("utf-8x") == "");
    BOOST_TEST(canonical_encoding("hz-gb-2312") == "");  // a "replacement" label: left to sniffing
    BOOST_TEST(canonical_encoding(std::string(200, 'a')) == "");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(meta_prescan)

using webclean::decode::detail::prescan_meta_charset;

BOOST_AUTO_TEST_CASE(syntaxes) {
    BOOST_TEST(prescan_meta_charset("<meta charset=\"gb2312\">") == "gbk");
    BOOST_TEST(prescan_meta_charset("<meta charset='Big5'>") == "big5");
    BOOST_TEST(prescan_meta_charset("<META CHARSET=shift_jis>") == "shift_jis");
    BOOST_TEST(prescan_meta_charset("<meta charset=utf-8/>") == "");  // "utf-8/" is no label
    BOOST_TEST(prescan_meta_charset("<meta charset = \" euc-kr \" >") == "euc-kr");
    BOOST_TEST(prescan_meta_charset(
                   "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">") == "gbk");
    BOOST_TEST(prescan_meta_charset(
                   "<meta content='text/html;charset=\"windows-1251\"' http-equiv='content-type'>") ==
               "windows-1251");
    BOOST_TEST(prescan_meta_charset("<meta http-equiv=Content-Type content=text/html;charset=koi8-r>") ==
               "koi8-r");
    BOOST_TEST(prescan_meta_charset("<meta/charset=gb18030>") == "gb18030");
}

BOOST_AUTO_TEST_CASE(what_does_not_count) {
    // content without http-equiv=content-type declares nothing.
    BOOST_TEST(prescan_meta_charset("<meta content=\"text/html; charset=gbk\">") == "");
    BOOST_TEST(prescan_meta_charset("<meta name=x content=\"charset=gbk\" http-equiv=refresh>") == "");
    // Comments, attribute values of other tags and non-meta tags are skipped.
    BOOST_TEST(prescan_meta_charset("<!-- <meta charset=gbk> --><meta charset=big5>") == "big5");
    BOOST_TEST(prescan_meta_charset("<!--><meta charset=big5>") == "big5");
    BOOST_TEST(prescan_meta_charset("<div title='<meta charset=gbk>'><meta charset=euc-jp>") == "euc-jp");
    BOOST_TEST(prescan_meta_charset("<metadata charset=gbk><meta charset=koi8-u>") == "koi8-u");
    BOOST_TEST(prescan_meta_charset("<script charset=gbk src=x></script>") == "");
    // An unknown label is skipped and the next meta still counts.
    BOOST_TEST(prescan_meta_charset("<meta charset=bogus><meta charset=gbk>") == "gbk");
    // First occurrence of an attribute wins.
    BOOST_TEST(prescan_meta_charset("<meta charset=gbk charset=big5>") == "gbk");
}

BOOST_AUTO_TEST_CASE(spec_special_cases) {
    BOOST_TEST(prescan_meta_charset("<meta charset=utf-16le>") == "utf-8");
    BOOST_TEST(prescan_meta_charset("<meta charset=utf-16>") == "utf-8");
    BOOST_TEST(prescan_meta_charset("<meta charset=x-user-defined>") == "windows-1252");
}

BOOST_AUTO_TEST_CASE(looks_past_1024_bytes_but_not_forever) {
    std::string long_head = "<script>" + std::string(3000, 'x') + "</script>";
    BOOST_TEST(prescan_meta_charset(long_head + "<meta charset=gbk>") == "gbk");
    std::string huge_head = "<script>" + std::string(10000, 'x') + "</script>";
    BOOST_TEST(prescan_meta_charset(huge_head + "<meta charset=gbk>") == "");
}

BOOST_AUTO_TEST_CASE(junk_does_not_crash) {
    for (std::string_view s : {"<", "<meta", "<meta ", "<meta charset", "<meta charset=", "<meta charset='gbk",
                               "<!--", "<!", "</", "<a b='", "<meta content=\"charset=\"", "<meta http-equiv"})
        BOOST_TEST(prescan_meta_charset(s) == "");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(to_utf8_choice)

BOOST_AUTO_TEST_CASE(empty_input) {
    Decoded d = to_utf8("", "gbk", true);
    BOOST_TEST(d.text == "");
    BOOST_TEST(d.charset == "utf-8");
    BOOST_TEST(d.replaced == 0u);
}

BOOST_AUTO_TEST_CASE(byte_order_marks_win_and_are_stripped) {
    Decoded d = to_utf8("\xEF\xBB\xBFh\xC3\xA9", "gbk", true);
    BOOST_TEST(d.text == "h\xC3\xA9");
    BOOST_TEST(d.charset == "utf-8");

    d = to_utf8(std::string_view("\xFF\xFEh\0\xE9\0", 6), "iso-8859-1", true);
    BOOST_TEST(d.text == "h\xC3\xA9");
    BOOST_TEST(d.charset == "utf-16le");

    d = to_utf8(std::string_view("\xFE\xFF\0h\x4E\x2D", 6), "", false);
    BOOST_TEST(d.text == "h中");
    BOOST_TEST(d.charset == "utf-16be");

    d = to_utf8(std::string_view("\xFF\xFEh\0\xE9", 5), "", false);  // odd byte left over
    BOOST_TEST(d.text == "h\xEF\xBF\xBD");
    BOOST_TEST(d.replaced == 1u);
}

BOOST_AUTO_TEST_CASE(http_label_beats_meta) {
    std::string bytes = page("<meta charset=big5>", encode(kChinese, "GB18030"));
    Decoded d = to_utf8(bytes, "GB2312", true);
    BOOST_TEST(d.charset == "gbk");
    BOOST_TEST(d.replaced == 0u);
    BOOST_TEST(d.text.find(kChinese) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(server_default_latin1_yields_to_a_meta_the_bytes_agree_with) {
    const std::string gbk = page("<meta charset=gb2312>", encode(kChinese, "GB18030"));
    Decoded d = to_utf8(gbk, "ISO-8859-1", true);
    BOOST_TEST(d.charset == "gbk");
    BOOST_TEST(d.replaced == 0u);
    BOOST_TEST(d.text.find(kChinese) != std::string::npos);

    // Bytes the meta's encoding rejects: the header stands.
    const std::string latin1 = page("<meta charset=gb2312>", "caf\xE9 cr\xE8me \xFF\xFF");
    BOOST_TEST(to_utf8(latin1, "iso-8859-1", true).charset == "windows-1252");
    // Only the header's windows-1252 is that weak: a real label still beats the meta.
    BOOST_TEST(to_utf8(gbk, "big5", true).charset == "big5");
    // And only a page's own <meta> speaks against it, not a detector.
    BOOST_TEST(to_utf8(page("", encode(kChinese, "GB18030")), "iso-8859-1", true).charset == "windows-1252");
}

BOOST_AUTO_TEST_CASE(gbk_with_only_meta) {
    for (std::string_view meta : {"<meta charset=\"gb2312\">",
                                  "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=GBK\">"}) {
        Decoded d = to_utf8(page(meta, encode(kChinese, "GB18030")), "", true);
        BOOST_TEST(d.charset == "gbk");
        BOOST_TEST(d.replaced == 0u);
        BOOST_TEST(d.text.find(kChinese) != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(meta_ignored_without_sniff_html) {
    // Short Latin-1 text: no detector could tell it is GBK, and no one said so.
    Decoded d = to_utf8("<meta charset=koi8-r>caf\xE9", "", false);
    BOOST_TEST(d.charset != "koi8-r");
}

BOOST_AUTO_TEST_CASE(gbk_with_no_label_goes_to_the_detector) {
    Decoded d = to_utf8(page("", encode(kChinese, "GB18030")), "", true);
    BOOST_TEST((d.charset == "gbk" || d.charset == "gb18030"));
    BOOST_TEST(d.replaced == 0u);
    BOOST_TEST(d.text.find(kChinese) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(big5_with_label) {
    const std::string traditional = "中華民國臺灣新聞報導，今天天氣很好。";
    Decoded d = to_utf8(page("<meta charset=big5>", encode(traditional, "Big5-HKSCS")), "", true);
    BOOST_TEST(d.charset == "big5");
    BOOST_TEST(d.replaced == 0u);
    BOOST_TEST(d.text.find(traditional) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(gbk_page_labelled_utf8_is_redetected) {
    std::string bytes = page("<meta charset=utf-8>", encode(kChinese, "GB18030"));
    for (Decoded d : {to_utf8(bytes, "utf-8", true), to_utf8(bytes, "", true)}) {
        BOOST_TEST((d.charset == "gbk" || d.charset == "gb18030"));
        BOOST_TEST(d.replaced == 0u);
        BOOST_TEST(d.text.find(kChinese) != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(utf8_page_with_a_few_bad_bytes_stays_utf8) {
    std::string bytes = page("", kChinese + "\xFF" + kChinese);
    Decoded d = to_utf8(bytes, "utf-8", true);
    BOOST_TEST(d.charset == "utf-8");
    BOOST_TEST(d.replaced == 1u);
    BOOST_TEST(d.text.find(kChinese + "\xEF\xBF\xBD" + kChinese) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(utf8_page_labelled_latin1_is_utf8) {
    std::string bytes = page("<meta charset=iso-8859-1>", "Cr\xC3\xA8me br\xC3\xBBl\xC3\xA9" + kChinese);
    Decoded d = to_utf8(bytes, "iso-8859-1", true);
    BOOST_TEST(d.charset == "utf-8");
    BOOST_TEST(d.text == bytes);
    d = to_utf8(bytes, "", true);  // same through the meta
    BOOST_TEST(d.charset == "utf-8");
}

BOOST_AUTO_TEST_CASE(latin1_label_decodes_as_windows_1252) {
    Decoded d = to_utf8("caf\xE9 \x80 \x93quoted\x94 \x81", "latin1", false);
    BOOST_TEST(d.charset == "windows-1252");
    BOOST_TEST(d.text == "caf\xC3\xA9 \xE2\x82\xAC \xE2\x80\x9Cquoted\xE2\x80\x9D \xC2\x81");
    BOOST_TEST(d.replaced == 0u);
}

BOOST_AUTO_TEST_CASE(other_icu_encodings) {
    Decoded d = to_utf8(encode("Привет, мир", "windows-1251"), "cp1251", false);
    BOOST_TEST(d.charset == "windows-1251");
    BOOST_TEST(d.text == "Привет, мир");
    d = to_utf8(encode("日本語のテキスト", "Shift_JIS"), "sjis", false);
    BOOST_TEST(d.charset == "shift_jis");
    BOOST_TEST(d.text == "日本語のテキスト");
    d = to_utf8(encode("日本語", "ISO-2022-JP"), "iso-2022-jp", false);
    BOOST_TEST(d.charset == "iso-2022-jp");
    BOOST_TEST(d.text == "日本語");
    d = to_utf8(encode("한국어", "windows-949"), "ks_c_5601-1987", false);
    BOOST_TEST(d.charset == "euc-kr");
    BOOST_TEST(d.text == "한국어");
}

BOOST_AUTO_TEST_CASE(gbk_lone_0x80_is_the_euro_sign) {
    Decoded d = to_utf8("\x80", "gbk", false);
    BOOST_TEST(d.text == "\xE2\x82\xAC");
    BOOST_TEST(d.replaced == 0u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(replacement)

BOOST_AUTO_TEST_CASE(valid_utf8_is_copied_and_existing_fffd_not_counted) {
    std::string bytes = "ASCII \xEF\xBF\xBD already, \xF0\x9F\x98\x80 emoji, " + kChinese;
    Decoded d = to_utf8(bytes, "utf-8", true);
    BOOST_TEST(d.text == bytes);
    BOOST_TEST(d.replaced == 0u);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_replaced_per_maximal_subpart) {
    struct Case {
        std::string_view in, out;
        std::size_t replaced;
    } cases[] = {
        {"a\x80" "b", "a\xEF\xBF\xBD" "b", 1},
        {"a\xE4\xB8", "a\xEF\xBF\xBD", 1},                         // truncated at the end
        {"\xE4\xB8" "a\xE4\xB8\xAD", "\xEF\xBF\xBD" "a\xE4\xB8\xAD", 1},  // truncated, then valid
        {"\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD", 2},               // overlong: two
        {"\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3}, // surrogate: three
        {"\xF4\x90\x80\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 4},  // > U+10FFFF
        {"\xF0\x9F\x98", "\xEF\xBF\xBD", 1},
        {"\xFF\xFE\xFD", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3},
    };
    for (const Case& c : cases) {
        // Mostly invalid input labelled utf-8 would be re-detected; the BOM forces UTF-8.
        Decoded d = to_utf8("\xEF\xBB\xBF" + std::string(c.in), "", false);
        BOOST_TEST(d.text == c.out);
        BOOST_TEST(d.replaced == c.replaced);
    }
}

BOOST_AUTO_TEST_CASE(invalid_gbk_bytes_counted) {
    std::string bytes = encode(kChinese, "GB18030");
    bytes.insert(30, "\xFF");
    bytes += "\x81";  // a lead byte with nothing after it
    Decoded d = to_utf8(bytes, "gbk", false);
    BOOST_TEST(d.charset == "gbk");
    BOOST_TEST(d.replaced == 2u);
    BOOST_TEST(count_fffd(d.text) == 2u);
}

BOOST_AUTO_TEST_CASE(never_throws_on_junk) {
    std::string junk;
    for (int i = 0; i < 4096; ++i) junk.push_back(static_cast<char>((i * 7919) % 256));
    for (std::string_view label : {"", "utf-8", "gbk", "big5", "utf-16le", "iso-2022-jp", "iso-8859-16", "x-user-defined"}) {
        Decoded d = to_utf8(junk, label, true);
        BOOST_TEST(webclean::decode::detail::scan_utf8(d.text).valid());
        BOOST_TEST(count_fffd(d.text) == d.replaced);
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(utf16_and_binary)

using webclean::decode::detail::sniff_utf16;

BOOST_AUTO_TEST_CASE(utf16_without_bom_is_recognised_from_its_zero_bytes) {
    const std::string html = "<html><body><p>" + std::string(kChinese) + " and some ASCII words.</p></body></html>";
    BOOST_TEST(sniff_utf16(encode(html, "UTF-16LE")) == "utf-16le");
    BOOST_TEST(sniff_utf16(encode(html, "UTF-16BE")) == "utf-16be");
    Decoded d = to_utf8(encode(html, "UTF-16LE"), "utf-8", true);  // a wrong label loses to the zeros
    BOOST_TEST(d.charset == "utf-16le");
    BOOST_TEST(d.text == html);
}

BOOST_AUTO_TEST_CASE(text_and_zero_runs_are_not_utf16) {
    BOOST_TEST(sniff_utf16("<html><body><p>plain ASCII page</p></body></html>").empty());
    BOOST_TEST(sniff_utf16(std::string(4096, '\0')).empty());  // zeros at both positions
    BOOST_TEST(sniff_utf16(encode(kChinese, "GB18030")).empty());
}

BOOST_AUTO_TEST_CASE(control_characters_mark_binary_data) {
    std::string noise;
    for (int i = 0; i < 4096; ++i) noise.push_back(static_cast<char>((i * 7919 + 13) % 256));
    BOOST_TEST(looks_binary(to_utf8(noise, "", true).text));
    BOOST_TEST(looks_binary(to_utf8(noise, "utf-8", true).text));
    std::string page = "<p>" + std::string(kChinese) + "</p>\n\tline\r\n\f";
    BOOST_TEST(!looks_binary(page));
    page.insert(3, 2, '\0');  // a stray NUL or two is damage, not binary
    BOOST_TEST(!looks_binary(page));
    BOOST_TEST(!looks_binary(""));
}

BOOST_AUTO_TEST_SUITE_END()
