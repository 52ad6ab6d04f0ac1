// Finding the encoding when the HTTP header does not say: the <meta> prescan from the HTML
// standard (https://html.spec.whatwg.org/#prescan-a-byte-stream-to-determine-its-encoding),
// then a statistical detector.
#include <unicode/ucsdet.h>
#include <uchardet/uchardet.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <utility>

#include "decode/decode.hpp"
#include "decode/internal.hpp"
#include "text/ascii.hpp"

namespace webclean::decode::detail {
namespace {

// The standard looks at 1024 bytes; real pages often put the meta after long scripts and
// styles in the head, so we look further. Past this the prescan gives up.
constexpr std::size_t kPrescanLimit = 4096;

constexpr bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

struct Attribute {
    std::string name, value;
};

// The standard's "get an attribute": reads one attribute at pos, lowercasing name and value.
// nullopt at the end of the tag (pos then at the '>') or of the input.
std::optional<Attribute> get_attribute(std::string_view s, std::size_t& pos) {
    while (pos < s.size() && (is_space(s[pos]) || s[pos] == '/')) ++pos;
    if (pos >= s.size() || s[pos] == '>') return std::nullopt;
    Attribute a;
    // The name: '=' right at the start belongs to it (an attribute named "=").
    do {
        char c = s[pos];
        if (c == '=' && !a.name.empty()) break;
        if (is_space(c)) {
            while (pos < s.size() && is_space(s[pos])) ++pos;
            if (pos >= s.size()) return std::nullopt;
            if (s[pos] != '=') return a;  // a name without a value
            break;
        }
        if (c == '/' || c == '>') return a;
        a.name.push_back(text::ascii_lower(c));
        ++pos;
    } while (pos < s.size());
    if (pos >= s.size()) return std::nullopt;
    ++pos;  // past '='
    while (pos < s.size() && is_space(s[pos])) ++pos;
    if (pos >= s.size()) return std::nullopt;
    if (char quote = s[pos]; quote == '"' || quote == '\'') {
        std::size_t close = s.find(quote, pos + 1);
        if (close == std::string_view::npos) return std::nullopt;
        for (std::size_t i = pos + 1; i < close; ++i) a.value.push_back(text::ascii_lower(s[i]));
        pos = close + 1;
        return a;
    }
    while (pos < s.size() && !is_space(s[pos]) && s[pos] != '>') a.value.push_back(text::ascii_lower(s[pos++]));
    return a;
}

// The standard's "extract a character encoding from a meta element", on a content attribute
// value such as "text/html; charset=gb2312".
std::string_view charset_from_content(std::string_view v) {
    std::size_t pos = 0;
    while (true) {
        std::size_t at = v.find("charset", pos);  // the value is already lowercase
        if (at == std::string_view::npos) return {};
        pos = at + 7;
        while (pos < v.size() && is_space(v[pos])) ++pos;
        if (pos >= v.size() || v[pos] != '=') continue;  // "charset" not followed by '='
        ++pos;
        while (pos < v.size() && is_space(v[pos])) ++pos;
        if (pos >= v.size()) return {};
        if (char quote = v[pos]; quote == '"' || quote == '\'') {
            std::size_t close = v.find(quote, pos + 1);
            if (close == std::string_view::npos) return {};
            return v.substr(pos + 1, close - pos - 1);
        }
        std::size_t end = pos;
        while (end < v.size() && !is_space(v[end]) && v[end] != ';') ++end;
        return v.substr(pos, end - pos);
    }
}

bool starts_with_ci(std::string_view s, std::size_t pos, std::string_view lower_prefix) {
    if (s.size() - pos < lower_prefix.size()) return false;
    for (std::size_t i = 0; i < lower_prefix.size(); ++i)
        if (text::ascii_lower(s[pos + i]) != lower_prefix[i]) return false;
    return true;
}

// The encoding a <meta> starting after "<meta " declares, "" when it declares none usable.
std::string meta_encoding(std::string_view s, std::size_t& pos) {
    bool got_pragma = false, seen_http_equiv = false, seen_content = false, seen_charset = false;
    enum class NeedPragma { Unset, Yes, No } need_pragma = NeedPragma::Unset;
    std::string charset;
    while (auto attr = get_attribute(s, pos)) {
        // Only an attribute's first occurrence counts, as in the tokenizer.
        if (attr->name == "http-equiv") {
            if (std::exchange(seen_http_equiv, true)) continue;
            if (attr->value == "content-type") got_pragma = true;
        } else if (attr->name == "content") {
            if (std::exchange(seen_content, true)) continue;
            if (charset.empty()) {
                std::string found = canonical_encoding(charset_from_content(attr->value));
                if (!found.empty()) {
                    charset = std::move(found);
                    need_pragma = NeedPragma::Yes;
                }
            }
        } else if (attr->name == "charset") {
            if (std::exchange(seen_charset, true)) continue;
            charset = canonical_encoding(attr->value);
            need_pragma = NeedPragma::No;
        }
    }
    if (need_pragma == NeedPragma::Unset || charset.empty()) return {};
    if (need_pragma == NeedPragma::Yes && !got_pragma) return {};
    // A meta read through ASCII bytes cannot be telling the truth about UTF-16; the standard
    // says to read it as UTF-8, and x-user-defined as windows-1252.
    if (charset == "utf-16le" || charset == "utf-16be") return "utf-8";
    if (charset == "x-user-defined") return "windows-1252";
    return charset;
}

}  // namespace

std::string prescan_meta_charset(std::string_view bytes) {
    std::string_view s = bytes.substr(0, kPrescanLimit);
    std::size_t pos = 0;
    while (pos < s.size()) {
        std::size_t lt = s.find('<', pos);
        if (lt == std::string_view::npos) break;
        pos = lt;
        if (s.compare(pos, 4, "<!--") == 0) {
            // "<!-->" closes itself: the "--" of the opener counts towards "-->".
            std::size_t close = s.find("-->", pos + 2);
            if (close == std::string_view::npos) break;
            pos = close + 3;
        } else if (starts_with_ci(s, pos, "<meta") && pos + 5 < s.size() &&
                   (is_space(s[pos + 5]) || s[pos + 5] == '/')) {
            pos += 6;
            if (std::string found = meta_encoding(s, pos); !found.empty()) return found;
        } else if (pos + 1 < s.size() &&
                   (text::is_ascii_alpha(s[pos + 1]) ||
                    (s[pos + 1] == '/' && pos + 2 < s.size() && text::is_ascii_alpha(s[pos + 2])))) {
            // Any other tag: skip its name, then its attributes, so a '>' or "<meta" inside a
            // quoted attribute value is not mistaken for markup.
            ++pos;
            while (pos < s.size() && !is_space(s[pos]) && s[pos] != '>') ++pos;
            while (get_attribute(s, pos)) {}
            ++pos;
        } else if (s.compare(pos, 2, "<!") == 0 || s.compare(pos, 2, "</") == 0 || s.compare(pos, 2, "<?") == 0) {
            std::size_t gt = s.find('>', pos + 2);
            if (gt == std::string_view::npos) break;
            pos = gt + 1;
        } else {
            ++pos;
        }
    }
    return {};
}

namespace {

// The detectors see at most this much: enough text for their statistics to settle, and a
// bound on their cost for megabyte pages.
constexpr std::size_t kDetectLimit = 64 * 1024;

std::string detect_with_uchardet(std::string_view bytes) {
    std::unique_ptr<uchardet, decltype(&uchardet_delete)> ud(uchardet_new(), uchardet_delete);
    if (!ud) return {};
    if (uchardet_handle_data(ud.get(), bytes.data(), bytes.size()) != 0) return {};
    uchardet_data_end(ud.get());
    const char* name = uchardet_get_charset(ud.get());
    return name ? canonical_encoding(name) : std::string();
}

std::string detect_with_icu(std::string_view bytes) {
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&err), ucsdet_close);
    if (U_FAILURE(err)) return {};
    // Markup is ASCII and would only dilute the statistics.
    ucsdet_enableInputFilter(det.get(), true);
    ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &err);
    const UCharsetMatch* match = ucsdet_detect(det.get(), &err);
    if (U_FAILURE(err) || !match) return {};
    const char* name = ucsdet_getName(match, &err);
    return U_SUCCESS(err) && name ? canonical_encoding(name) : std::string();
}

}  // namespace

std::string_view sniff_utf16(std::string_view bytes) {
    constexpr std::size_t kLook = 4096;
    const std::size_t pairs = std::min(bytes.size(), kLook) / 2;
    if (pairs < 8) return {};
    std::size_t zero_even = 0, zero_odd = 0;
    for (std::size_t k = 0; k < pairs; ++k) {
        zero_even += bytes[2 * k] == '\0';
        zero_odd += bytes[2 * k + 1] == '\0';
    }
    // Text in any script has its ASCII spaces, digits, punctuation or markup: one character in
    // sixteen is enough. Text in an ASCII-compatible encoding has no zero bytes at all, and
    // random data has as many at either position; the other position of UTF-16 may hold a few
    // (U+xx00).
    auto dominant = [&](std::size_t zeros, std::size_t other) { return zeros * 16 >= pairs && other * 16 <= zeros; };
    if (dominant(zero_odd, zero_even)) return "utf-16le";
    if (dominant(zero_even, zero_odd)) return "utf-16be";
    return {};
}

std::string detect_encoding(std::string_view bytes, Detector which) {
    bytes = bytes.substr(0, kDetectLimit);
    return which == Detector::Uchardet ? detect_with_uchardet(bytes) : detect_with_icu(bytes);
}

// Measured with bench/decode_check.py (bench/RESULTS.md, "Decoding"): on the cwced-zh pages
// both detectors name every page right; on their text cut to 20-40 bytes uchardet is right far
// more often (GB18030 at 40 bytes: 66 vs 60 of 69), from 80 bytes up the two are within one
// page of each other, and uchardet is about ten times faster. Where uchardet has no answer,
// ICU's guess still helps: uchardet, then ICU, is right most often of the three.
std::string guess_encoding(std::string_view bytes) {
    std::string guess = detect_encoding(bytes, Detector::Uchardet);
    return guess.empty() ? detect_encoding(bytes, Detector::Icu) : guess;
}

}  // namespace webclean::decode::detail
