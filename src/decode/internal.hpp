// Pieces of the decode stage shared between its files; not part of the public interface.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace webclean::decode::detail {

// What one pass over bytes read as UTF-8 found.
struct Utf8Scan {
    std::size_t invalid = 0;    // ill-formed sequences (each one U+FFFD when decoded)
    std::size_t multibyte = 0;  // well-formed sequences of 2 to 4 bytes
    bool valid() const { return invalid == 0; }
};

// Scans bytes as UTF-8. When out is given, also writes them with every ill-formed sequence
// (maximal subpart, as the Encoding Standard's decoder splits them) replaced by U+FFFD.
Utf8Scan scan_utf8(std::string_view bytes, std::string* out = nullptr);

// The encoding a <meta> in the head declares, found by the HTML "prescan a byte stream";
// canonical name, "" when none. utf-16 declarations come back as "utf-8" (the bytes were
// readable as ASCII, so they cannot be UTF-16).
std::string prescan_meta_charset(std::string_view bytes);

// The name of ICU's converter for a canonical encoding; nullptr for the ones decoded here
// without ICU (utf-8, windows-1252, x-user-defined) or that ICU lacks.
const char* icu_converter_name(std::string_view canonical);

// "utf-16le" or "utf-16be" for UTF-16 without a byte-order mark, recognised by its zero bytes:
// the high byte of every ASCII character (all of an HTML page's markup) is zero, so one byte
// position of the pairs is mostly zero and the other almost never. "" otherwise.
std::string_view sniff_utf16(std::string_view bytes);

enum class Detector { Uchardet, Icu };

// One detector's guess for bytes that are not valid UTF-8: canonical name, "" when it has no
// answer that maps to a known encoding. Looks at the first 64 KiB.
std::string detect_encoding(std::string_view bytes, Detector which);

// The guess decode uses: uchardet, and ICU when uchardet has no answer.
std::string guess_encoding(std::string_view bytes);

}  // namespace webclean::decode::detail
