#define BOOST_TEST_MODULE extract
#include <boost/test/unit_test.hpp>

#include <string>

#include "extract/lexicon.hpp"

using namespace webclean::content;

BOOST_AUTO_TEST_CASE(class_tokens_split_on_punctuation_and_camel_case) {
    BOOST_TEST((classify_names("site-nav main", "") == NameSignal::Boilerplate));
    BOOST_TEST((classify_names("relatedNews", "") == NameSignal::Boilerplate));
    BOOST_TEST((classify_names("", "post_body") == NameSignal::Content));
    BOOST_TEST((classify_names("comment-list", "") == NameSignal::Comments));
    // Short tokens only match whole: "head" and "shadow" are not "ad".
    BOOST_TEST((classify_names("head shadow", "") == NameSignal::None));
    BOOST_TEST((classify_names("left-side", "") == NameSignal::None));
}

BOOST_AUTO_TEST_CASE(neighbouring_tokens_are_also_read_joined) {
    BOOST_TEST((classify_names("side-bar", "") == NameSignal::Boilerplate));       // "sidebar"
    BOOST_TEST((classify_names("side bar", "") == NameSignal::None));              // two class names
    BOOST_TEST((classify_names("BreadCrumb", "") == NameSignal::Boilerplate));     // "breadcrumb"
    // A token longer than any known word matches nothing, alone or joined, and does not stop
    // the tokens after it from being read.
    const std::string long_token(40, 'x');
    BOOST_TEST((classify_names(long_token + "-nav", "") == NameSignal::Boilerplate));
    BOOST_TEST((classify_names(long_token + "-bar", "") == NameSignal::None));
}

BOOST_AUTO_TEST_CASE(consent_and_popup_names_are_read_once_per_attribute) {
    BOOST_TEST(names_consent_box(read_name_words("onetrust-consent-sdk"), {}));
    BOOST_TEST(names_consent_box({}, read_name_words("CookieBanner")));
    BOOST_TEST(!names_consent_box(read_name_words("cookbook"), {}));
    BOOST_TEST(names_popup_box(read_name_words("newsletter-popup"), {}));
    BOOST_TEST(!names_popup_box(read_name_words("modal"), read_name_words("story-modal")));
}

BOOST_AUTO_TEST_CASE(utility_class_sides_are_no_furniture_names) {
    // "bottom" after a spacing or border word is a side of the box, not a page-bottom bar.
    BOOST_TEST((classify_names("grid__col fx-space-bottom--xxl", "") == NameSignal::None));
    BOOST_TEST((classify_names("margin-bottom-lg border-top", "") == NameSignal::None));
    BOOST_TEST((classify_names("page-bottom", "") == NameSignal::Boilerplate));
    BOOST_TEST((classify_names("space-bottom site-footer", "") == NameSignal::Boilerplate));
}

BOOST_AUTO_TEST_CASE(long_furniture_words_match_inside_run_together_names) {
    BOOST_TEST((classify_names("relatedpoststitle", "") == NameSignal::Boilerplate));
    BOOST_TEST((classify_names("", "commentsbox") == NameSignal::Comments));
}

BOOST_AUTO_TEST_CASE(phrases_by_strength) {
    BOOST_TEST((classify_phrase("Copyright © 2024 Example Ltd. All rights reserved.") == PhraseSignal::Legal));
    BOOST_TEST((classify_phrase("京ICP备12345678号") == PhraseSignal::Legal));
    BOOST_TEST((classify_phrase("版权 所有 未经许可") == PhraseSignal::Legal));  // spaced-out footer words
    BOOST_TEST((classify_phrase("责任编辑：张三") == PhraseSignal::Credit));
    BOOST_TEST((classify_phrase("目前人工智能已渗透 编辑 余冬梅 审核 官莉") == PhraseSignal::Credit));
    BOOST_TEST((classify_phrase("分享到：微信 微博") == PhraseSignal::Interface));
    BOOST_TEST((classify_phrase("The council met on Tuesday to discuss the budget.") == PhraseSignal::None));
}

BOOST_AUTO_TEST_CASE(furniture_headings) {
    BOOST_TEST(is_furniture_heading("相关阅读"));
    BOOST_TEST(is_furniture_heading("Related stories"));
    BOOST_TEST(!is_furniture_heading("热点透视"));
    BOOST_TEST(!is_furniture_heading("How the vote went"));
}

BOOST_AUTO_TEST_CASE(an_embedded_post_is_not_a_share_bar) {
    BOOST_TEST((classify_names("social-share", "") == NameSignal::Boilerplate));
    BOOST_TEST((classify_names("social-media-embed", "") != NameSignal::Boilerplate));
    BOOST_TEST((classify_names("newsletter-embed", "") == NameSignal::Boilerplate));
}

BOOST_AUTO_TEST_CASE(byline_lines) {
    BOOST_TEST(is_byline("作者：张三"));
    BOOST_TEST(is_byline("（责任编辑：王五）"));
    BOOST_TEST(is_byline("By Jane Doe"));
    BOOST_TEST(is_byline("文／王建宏"));
    BOOST_TEST(is_byline("文：眉间尺"));
    BOOST_TEST(!is_byline("文章写得很好"));
    BOOST_TEST(is_byline("来源：中青网 | 时间：2025-06-02"));
    BOOST_TEST(!is_byline("Byzantine history"));
    BOOST_TEST(!is_byline("记录一下过程"));
    BOOST_TEST(!is_byline("时间过得真快，转眼又是一年。"));
}
