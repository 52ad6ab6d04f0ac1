// Small UTF-8 and string helpers the metadata stage shares. Locale free, no regex: metadata runs
// on every page, and its inputs are short strings and page lines.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "text/utf8.hpp"

namespace webclean::metadata::detail {

// The shared UTF-8 and script helpers, under the names this stage has always used.
using text::is_han;
using text::is_hangul;
using text::is_kana;
using text::is_space;
using text::next_code_point;

// Whitespace runs (any kind above) -> one ASCII space; trimmed; private-use characters dropped.
std::string collapse_space(std::string_view s);
// The same, a piece at a time: appending the pieces of a text in turn gives out what
// collapse_space gives for the whole, once a space still pending at the end is dropped.
void append_collapsed(std::string& out, bool& pending_space, std::string_view s);
// HTML character references decoded ("&#8211;", "&amp;", "&rsquo;"): JSON-LD strings carry them
// raw, and some pages encode meta values twice ("&amp;#8230;"). Gumbo's table, so every name the
// HTML standard knows is decoded; text without "&" comes back as it is.
std::string decode_entities(std::string_view s);
// Number of code points.
std::size_t length_in_code_points(std::string_view s);

bool starts_with_ignoring_case(std::string_view s, std::string_view prefix);
std::size_t find_ignoring_case(std::string_view s, std::string_view needle, std::size_t from = 0);

// A URL-looking or e-mail-looking value (never a person's name).
bool looks_like_url_or_email(std::string_view s);

// A host name standing alone ("51offer.com", "example.co.uk"): a site, never a person.
bool looks_like_domain(std::string_view s);

// Whether a name read from markup can be an author: not a URL, e-mail or host name, not an
// identifier ("L_104485", "CC7567"), not a sentence (CJK sentence punctuation inside).
bool plausible_author(std::string_view name);

// A Chinese personal name as bylines print it: two or three Han characters under one of the
// common family names (a compound family name allows four). Pen names are not recognised.
bool looks_like_han_person(std::string_view name);
// Han characters only, the first a common family name ("罗科苏盈": two names run together).
bool starts_with_family_name(std::string_view name);

// "常书香 马丹阳", "赵延东、风笑天": every piece a Chinese personal name; empty otherwise.
std::vector<std::string> han_persons(std::string_view text);

// Splits a byline value into names: "A, B and C", "A、B", "A；B", "A & B"; strips "By ", "作者：",
// "记者" and similar roles; drops URLs, e-mails and empty pieces.
std::vector<std::string> split_authors(std::string_view value);

// Appends the values not already present (compared without case).
void append_unique(std::vector<std::string>& list, const std::vector<std::string>& values);

// Splits a keyword list on "," "，" ";" "；" "、" "|".
std::vector<std::string> split_keywords(std::string_view value);

}  // namespace webclean::metadata::detail
