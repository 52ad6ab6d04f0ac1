// Boilerplate knowledge as data: class/id tokens and phrases that mark navigation, footers,
// share bars, comment boxes and the like, in English and Chinese (pinyin included).
#pragma once

#include <cstdint>
#include <string_view>

namespace webclean::content {

enum class NameSignal { None, Boilerplate, Comments, Content };

// The kinds of words among the tokens of one class or id attribute ("post-body" -> post, body;
// "relatedNews" -> related, news), read once an attribute for the questions below.
struct NameWords {
    std::uint16_t kinds = 0;
};
NameWords read_name_words(std::string_view names);

// Classifies an element by the tokens of its class and id. Boilerplate wins over Content;
// Comments over both.
NameSignal classify_names(std::string_view class_attr, NameWords class_words, std::string_view id_attr,
                          NameWords id_words);
inline NameSignal classify_names(std::string_view class_attr, std::string_view id_attr) {
    return classify_names(class_attr, read_name_words(class_attr), id_attr, read_name_words(id_attr));
}

// True for a short heading that labels a box of furniture ("Related articles", "相关阅读").
bool is_furniture_heading(std::string_view heading);

// True when an element's class/id names a box of related, recommended, popular or comment
// items (as opposed to a byline or a share bar, which label only themselves).
bool names_furniture_box(std::string_view class_attr, std::string_view id_attr);

// True when an element's class/id names a cookie or consent notice ("onetrust-consent-sdk",
// "cookie-banner"): a dialog over the page, never its content, however much it says.
bool names_consent_box(NameWords class_words, NameWords id_words);

// True when an element's class/id names a pop-up ("popup", "overlay", "lightbox"; not "modal",
// which sites also open whole stories in): furniture when small beside the page.
bool names_popup_box(NameWords class_words, NameWords id_words);

// How strongly a line's wording marks it as boilerplate.
enum class PhraseSignal {
    None,
    Legal,     // copyright, ICP and public-security record numbers, licences, report hotlines
    Interface, // share/subscribe/login/pagination/"related" and similar interface text
    Credit,    // staff and source credits at the start of a line (责任编辑:, 来源:, Photo:)
    Disclosure,// affiliate disclosures: a line or two of their own, or an aside inside a paragraph
};

// The strongest phrase signal found in a line of text (UTF-8, whitespace collapsed).
PhraseSignal classify_phrase(std::string_view line);

// A byline: a short line that opens with a writer, date, source or editor label ("作者：",
// "本报记者", "来源：", "（责任编辑：", "By ", "Published "). Options::keep_byline keeps these.
bool is_byline(std::string_view line);

}  // namespace webclean::content
