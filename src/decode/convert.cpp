// Bytes -> UTF-8: choosing the encoding (BOM, HTTP label, <meta>, detector) and converting.
// UTF-8 and windows-1252, most of the web, are decoded here; everything else goes through ICU.
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <memory>

#include "decode/decode.hpp"
#include "decode/internal.hpp"

namespace webclean::decode {
namespace detail {

Utf8Scan scan_utf8(std::string_view bytes, std::string* out) {
    Utf8Scan scan;
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t n = bytes.size();
    std::size_t i = 0, copied = 0;  // bytes [copied, i) are valid and not yet appended to out
    constexpr char kReplacement[] = "\xEF\xBF\xBD";
    while (i < n) {
        // ASCII runs, the bulk of any page, eight bytes at a time.
        while (i + 8 <= n) {
            std::uint64_t word;
            std::memcpy(&word, p + i, 8);
            if (word & 0x8080808080808080ull) break;
            i += 8;
        }
        if (i >= n) break;
        unsigned char lead = p[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        // Sequence length and the allowed range of the second byte, which excludes overlong
        // forms, surrogates and code points past U+10FFFF (Unicode table 3-7).
        std::size_t need;
        unsigned char lo = 0x80, hi = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) need = 1;
        else if (lead >= 0xE0 && lead <= 0xEF) {
            need = 2;
            if (lead == 0xE0) lo = 0xA0;
            if (lead == 0xED) hi = 0x9F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            need = 3;
            if (lead == 0xF0) lo = 0x90;
            if (lead == 0xF4) hi = 0x8F;
        } else need = 0;  // never a lead byte

        // Length of the maximal well-formed prefix: an ill-formed sequence is replaced as a
        // whole up to the first byte that breaks it, and that byte is read again.
        std::size_t got = 0;
        if (need > 0) {
            if (i + 1 < n && p[i + 1] >= lo && p[i + 1] <= hi) {
                got = 1;
                while (got < need && i + 1 + got < n && p[i + 1 + got] >= 0x80 && p[i + 1 + got] <= 0xBF) ++got;
            }
        }
        if (need > 0 && got == need) {
            ++scan.multibyte;
            i += need + 1;
            continue;
        }
        ++scan.invalid;
        if (out) {
            out->append(bytes.data() + copied, i - copied);
            out->append(kReplacement, 3);
        }
        i += got + 1;
        copied = i;
    }
    if (out) out->append(bytes.data() + copied, n - copied);
    return scan;
}

}  // namespace detail

namespace {

using detail::Utf8Scan;
using detail::scan_utf8;

Decoded decode_utf8(std::string_view bytes, const Utf8Scan& scan) {
    Decoded d;
    d.charset = "utf-8";
    if (scan.valid()) {
        d.text.assign(bytes);  // the fast path: nothing to convert
        return d;
    }
    d.text.reserve(bytes.size() + 2 * scan.invalid);
    scan_utf8(bytes, &d.text);
    d.replaced = scan.invalid;
    return d;
}

// 0x80-0x9F in windows-1252 as the Encoding Standard's index has them; the five holes decode to
// the C1 control of the same value, so every byte decodes and nothing is ever replaced.
constexpr char16_t kWindows1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

// windows-1252, and x-user-defined (which maps 0x80-0xFF to U+F780-U+F7FF).
Decoded decode_single_byte(std::string_view bytes, bool user_defined) {
    Decoded d;
    d.charset = user_defined ? "x-user-defined" : "windows-1252";
    d.text.reserve(bytes.size() + bytes.size() / 4);
    for (char ch : bytes) {
        auto b = static_cast<unsigned char>(ch);
        if (b < 0x80) d.text.push_back(ch);
        else if (user_defined) append_utf8(d.text, 0xF780 + b - 0x80);
        else if (b < 0xA0) append_utf8(d.text, kWindows1252High[b - 0x80]);
        else append_utf8(d.text, b);
    }
    return d;
}

struct ReplacementCounter {
    std::size_t count = 0;
    bool gb18030 = false;
};

// Writes U+FFFD for every sequence ICU cannot decode (its own substitute would be U+001A for
// some single-byte converters) and counts them. Also does what the Encoding Standard's gb18030
// decoder does and ICU's converter does not: a lone 0x80 is the euro sign (code page 936).
void count_and_replace(const void* context, UConverterToUnicodeArgs* args,
                                   const char* units, int32_t length, UConverterCallbackReason reason,
                                   UErrorCode* err) {
    if (reason > UCNV_IRREGULAR) return;  // reset, close, clone: nothing to replace
    auto* counter = static_cast<ReplacementCounter*>(const_cast<void*>(context));
    *err = U_ZERO_ERROR;
    if (counter->gb18030 && length == 1 && static_cast<unsigned char>(units[0]) == 0x80) {
        const UChar euro = 0x20AC;
        ucnv_cbToUWriteUChars(args, &euro, 1, 0, err);
        return;
    }
    ++counter->count;
    const UChar replacement = 0xFFFD;
    ucnv_cbToUWriteUChars(args, &replacement, 1, 0, err);
}

using Converter = std::unique_ptr<UConverter, decltype(&ucnv_close)>;

Converter open_converter(const char* name) {
    UErrorCode err = U_ZERO_ERROR;
    Converter cnv(ucnv_open(name, &err), ucnv_close);
    if (U_FAILURE(err)) cnv.reset();
    return cnv;
}

// Decodes with ICU into d; false when ICU has no converter for the encoding.
bool decode_with_icu(std::string_view bytes, std::string_view canonical, Decoded& d) {
    const char* name = detail::icu_converter_name(canonical);
    if (!name) return false;
    Converter source = open_converter(name), target = open_converter("UTF-8");
    if (!source || !target) return false;

    ReplacementCounter counter{0, canonical == "gbk" || canonical == "gb18030"};
    UErrorCode err = U_ZERO_ERROR;
    ucnv_setToUCallBack(source.get(), count_and_replace, &counter, nullptr, nullptr, &err);
    if (U_FAILURE(err)) return false;

    // CJK text grows by half (2 bytes -> 3); single-byte scripts may double. Grow when short.
    std::string out(bytes.size() + bytes.size() / 2 + 16, '\0');
    const char* src = bytes.data();
    const char* src_end = src + bytes.size();
    char* dst = out.data();
    UChar pivot[4096];
    UChar* pivot_source = pivot;
    UChar* pivot_target = pivot;
    bool first = true;
    while (true) {
        err = U_ZERO_ERROR;
        ucnv_convertEx(target.get(), source.get(), &dst, out.data() + out.size(), &src, src_end, pivot,
                       &pivot_source, &pivot_target, pivot + std::size(pivot), first, true, &err);
        first = false;
        if (err != U_BUFFER_OVERFLOW_ERROR) break;
        std::size_t written = dst - out.data();
        out.resize(out.size() * 2);
        dst = out.data() + written;
    }
    if (U_FAILURE(err)) return false;
    out.resize(dst - out.data());
    d.text = std::move(out);
    d.charset = std::string(canonical);
    d.replaced = counter.count;
    return true;
}

Decoded decode_as(std::string_view bytes, std::string_view canonical, const Utf8Scan& scan) {
    if (canonical == "utf-8") return decode_utf8(bytes, scan);
    if (canonical == "x-user-defined") return decode_single_byte(bytes, true);
    Decoded d;
    if (canonical != "windows-1252" && decode_with_icu(bytes, canonical, d)) return d;
    // windows-1252 itself, and the fallback for an encoding ICU lacks: every byte decodes.
    return decode_single_byte(bytes, false);
}

bool is_utf16(std::string_view canonical) { return canonical == "utf-16le" || canonical == "utf-16be"; }

// A guess for bytes that are not valid UTF-8. "utf-8" stays possible: detectors say so for
// UTF-8 with a few damaged bytes, which then decodes with a few replacements.
std::string detect(std::string_view bytes) {
    std::string guess = detail::guess_encoding(bytes);
    // UTF-16 without a BOM is not something a detector can see from bytes readable as HTML;
    // windows-1252 decodes every byte, the safest last resort.
    if (guess.empty() || is_utf16(guess)) return "windows-1252";
    return guess;
}

}  // namespace

Decoded to_utf8(std::string_view bytes, std::string_view http_charset, bool sniff_html) try {
    if (bytes.empty()) return {std::string(), "utf-8", 0};

    // 1. A byte-order mark beats every label.
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        bytes.remove_prefix(3);
        return decode_utf8(bytes, scan_utf8(bytes));
    }
    if (bytes.starts_with("\xFE\xFF") || bytes.starts_with("\xFF\xFE")) {
        std::string_view encoding = bytes[0] == '\xFE' ? "utf-16be" : "utf-16le";
        return decode_as(bytes.substr(2), encoding, {});
    }

    // 2./3. The HTTP label, else the page's own <meta>.
    std::string label = canonical_encoding(http_charset);
    // UTF-16 without a byte-order mark reads as valid UTF-8 full of NULs: only its zero bytes
    // tell, and they outweigh any label but a UTF-16 one.
    if (std::string_view utf16 = detail::sniff_utf16(bytes); !utf16.empty() && !is_utf16(label))
        return decode_as(bytes, utf16, {});
    if (label.empty() && sniff_html) label = detail::prescan_meta_charset(bytes);

    const Utf8Scan scan = scan_utf8(bytes);
    const bool utf8_multibyte = scan.valid() && scan.multibyte > 0;  // decided by rule 5 below
    if (label == "windows-1252" && !http_charset.empty() && sniff_html && !utf8_multibyte) {
        // Servers that add a default charset (servlet containers, old Apache configurations)
        // say ISO-8859-1 for every page, GBK ones included; browsers obey the header and show
        // mojibake. windows-1252 decodes any bytes, so it proves nothing: a <meta> naming
        // another encoding in which the bytes are flawless is the page's author speaking.
        std::string declared = detail::prescan_meta_charset(bytes);
        if (!declared.empty() && declared != label && declared != "utf-8") {
            Decoded as_declared = decode_as(bytes, declared, scan);
            if (as_declared.replaced == 0 && as_declared.charset == declared) return as_declared;
        }
    }
    if (label.empty()) {
        // 4. No label: valid UTF-8 (pure ASCII included) is UTF-8; anything else is guessed.
        return decode_as(bytes, scan.valid() ? "utf-8" : detect(bytes), scan);
    }

    // 5. Labels that are plainly wrong. Both overrides need overwhelming evidence, so a right
    // label is never second-guessed on a few stray bytes.
    if (label == "utf-8" && scan.invalid > scan.multibyte) {
        // Labelled UTF-8 but most non-ASCII is not UTF-8: typically a GBK or Latin-1 page
        // served with a site-wide utf-8 header. A real UTF-8 page with a few corrupt bytes has
        // far more good sequences than bad ones and stays UTF-8. The guess must also decode
        // with fewer replacements than UTF-8 did.
        Decoded guessed = decode_as(bytes, detect(bytes), scan);
        if (guessed.replaced < scan.invalid) return guessed;
    } else if (label != "utf-8" && !is_utf16(label) && utf8_multibyte) {
        // Labelled with a legacy encoding, yet valid UTF-8 with multibyte sequences: legacy text
        // is almost never valid UTF-8 by accident (a lead byte must be followed by exactly the
        // right number of 0x80-0xBF bytes), so this is UTF-8 under a stale label. 7-bit
        // encodings such as iso-2022-jp never get here: they have no multibyte sequences.
        return decode_utf8(bytes, scan);
    }
    return decode_as(bytes, label, scan);
} catch (...) {
    // Only allocation can throw here; an empty result is better than unwinding into the caller.
    return {std::string(), "utf-8", 0};
}

bool is_utf8(std::string_view bytes) { return detail::scan_utf8(bytes).valid(); }

std::string repair_utf8(std::string_view bytes) {
    std::string out;
    if (detail::scan_utf8(bytes, &out).valid()) return std::string(bytes);
    return out;
}

bool looks_binary(std::string_view utf8) {
    constexpr std::size_t kLook = 64 * 1024;
    // Per byte: bit 0 when it starts a character (every byte but a continuation byte), bit 1
    // when it is a control that text does not hold (all below 0x20 but tab, line feed, form
    // feed, carriage return and escape). A table, since this reads 64 KB of every page.
    static constexpr std::array<std::uint8_t, 256> kKind = [] {
        std::array<std::uint8_t, 256> kind{};
        for (unsigned byte = 0; byte < 256; ++byte) {
            bool starts = (byte & 0xC0) != 0x80;
            bool control = byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\f' && byte != '\r' && byte != 0x1B;
            kind[byte] = static_cast<std::uint8_t>(starts | control << 1);
        }
        return kind;
    }();
    std::string_view head = utf8.substr(0, kLook);
    std::size_t characters = 0, controls = 0;
    for (char c : head) {
        std::uint8_t kind = kKind[static_cast<unsigned char>(c)];
        characters += kind & 1;
        controls += kind >> 1;
    }
    // Random bytes hold about one such control in ten characters, whatever they decode as.
    return characters > 0 && controls * 32 >= characters;
}

}  // namespace webclean::decode
