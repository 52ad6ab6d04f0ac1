// UTF-8 decoding and the character classes extraction scores with (CJK-aware).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace webclean::text {

// Decodes the code point at s[i] and advances i; a broken, overlong or out-of-range sequence
// decodes as U+FFFD, one byte each.
inline char32_t next_code_point(std::string_view s, std::size_t& i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char lead = byte(i);
    if (lead < 0x80) {
        ++i;
        return lead;
    }
    std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
    if (length == 0 || lead > 0xF4 || i + length > s.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t c = lead & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        c = (c << 6) | (byte(i + k) & 0x3F);
    }
    i += length;
    return c;
}

inline void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) out.push_back(char(cp));
    else if (cp < 0x800) { out.push_back(char(0xC0 | (cp >> 6))); out.push_back(char(0x80 | (cp & 0x3F))); }
    else if (cp < 0x10000) {
        out.push_back(char(0xE0 | (cp >> 12)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(char(0xF0 | (cp >> 18)));
        out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    }
}

constexpr bool is_han(char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0x20000 && c <= 0x2FFFF);
}
constexpr bool is_kana(char32_t c) { return c >= 0x3040 && c <= 0x30FF; }
constexpr bool is_hangul(char32_t c) {
    return (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F);
}

// Han ideographs, kana and hangul: scripts written without spaces, where one character carries
// about as much as a word does in English.
constexpr bool is_cjk(char32_t c) { return is_han(c) || is_kana(c) || is_hangul(c); }

// White space as a reader sees it: ASCII space, no-break space, the ideographic space used to
// indent Chinese paragraphs, and the other Unicode spaces.
constexpr bool is_space(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
           c == 0x3000 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0xFEFF;
}

// Punctuation that separates clauses or ends sentences, in ASCII and full-width CJK forms.
constexpr bool is_clause_punct(char32_t c) {
    switch (c) {
        case ',': case '.': case ';': case ':': case '!': case '?':
        case 0x3001: case 0x3002: case 0xFF0C: case 0xFF1B: case 0xFF1A: case 0xFF01: case 0xFF1F:
        case 0xFF0E: case 0x2026:
            return true;
        default:
            return false;
    }
}

// Characters a complete sentence can end with (closing quotes and brackets included).
constexpr bool ends_sentence(char32_t c) {
    switch (c) {
        case '.': case '!': case '?': case '"': case '\'': case ')': case 0x2019: case 0x201D:
        case 0x3002: case 0xFF01: case 0xFF1F: case 0x2026: case 0x300D: case 0x300F: case 0xFF09:
        case 0xFF1B: case ';':
            return true;
        default:
            return false;
    }
}

// The last code point of a non-empty string.
inline char32_t last_code_point(std::string_view s) {
    if (s.empty()) return 0;
    std::size_t i = s.size() - 1;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    return next_code_point(s, i);
}

}  // namespace webclean::text
