// Small UTF-8 and string helpers the metadata stage shares. Locale free, no regex: metadata runs
// on every page, and its inputs are short strings and page lines.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace webclean::metadata::detail {

// Decodes the code point at s[i] and advances i; a broken sequence yields U+FFFD and one byte.
char32_t next_code_point(std::string_view s, std::size_t& i);

constexpr bool is_han(char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0x20000 && c <= 0x2FFFF);
}
constexpr bool is_kana(char32_t c) { return c >= 0x3040 && c <= 0x30FF; }
constexpr bool is_hangul(char32_t c) { return (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF); }
// Whitespace as pages write it: ASCII, no-break space, ideographic space, the U+2000 spaces.
constexpr bool is_space(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
           c == 0x3000 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0xFEFF;
}

// Whitespace runs (any kind above) -> one ASCII space; trimmed.
std::string collapse_space(std::string_view s);
// Number of code points.
std::size_t length_in_code_points(std::string_view s);

bool starts_with_ignoring_case(std::string_view s, std::string_view prefix);
std::size_t find_ignoring_case(std::string_view s, std::string_view needle, std::size_t from = 0);

// A URL-looking or e-mail-looking value (never a person's name).
bool looks_like_url_or_email(std::string_view s);

// Splits a byline value into names: "A, B and C", "A、B", "A；B", "A & B"; strips "By ", "作者：",
// "记者" and similar roles; drops URLs, e-mails and empty pieces.
std::vector<std::string> split_authors(std::string_view value);

// Appends the values not already present (compared without case).
void append_unique(std::vector<std::string>& list, const std::vector<std::string>& values);

// Splits a keyword list on "," "，" ";" "；" "、" "|".
std::vector<std::string> split_keywords(std::string_view value);

}  // namespace webclean::metadata::detail
