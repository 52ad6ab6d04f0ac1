// Bytes as fetched -> UTF-8. The one place that knows about charsets and compression.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace webclean::decode {

enum class GunzipStatus { Ok, TooLarge, Corrupt };

// True when the bytes start with the gzip magic number.
bool is_gzip(std::string_view bytes);

// Inflates gzip data (all members, as concatenated .gz files hold). Stops with TooLarge as soon
// as the output would pass max_bytes; Corrupt for data zlib rejects or that ends early.
GunzipStatus gunzip(std::string_view bytes, std::size_t max_bytes, std::string& out);

struct Decoded {
    std::string text;          // valid UTF-8, BOM removed
    std::string charset;       // canonical name of the encoding decoded from, e.g. "gb18030"
    std::size_t replaced = 0;  // invalid byte sequences replaced by U+FFFD
};

// Decodes to UTF-8. Order of trust: byte-order mark, then the HTTP charset, then (when
// sniff_html) the HTML prescan of <meta charset> / http-equiv (first 4096 bytes), then a
// detector (uchardet, ICU when it has no answer) for bytes that are not valid UTF-8. A label is
// overruled only on overwhelming evidence: "utf-8" when most non-ASCII is not UTF-8, a legacy
// label when the bytes are valid UTF-8 with multibyte sequences. Labels are mapped as the WHATWG
// Encoding Standard does (gb2312 and gbk decode as GB18030, iso-8859-1 and ascii as
// windows-1252, ...). Invalid sequences become U+FFFD and are counted. Never throws.
Decoded to_utf8(std::string_view bytes, std::string_view http_charset, bool sniff_html);

// The bytes as valid UTF-8: every ill-formed sequence becomes U+FFFD, as in to_utf8. For
// strings that come from the caller rather than the page (a URL), which the document returns,
// and for what a library hands back (Gumbo's decoded character references).
std::string repair_utf8(std::string_view bytes);

// Whether the bytes are valid UTF-8 already.
bool is_utf8(std::string_view bytes);

// True when decoded text is binary data rather than a document: control characters that text
// never holds (NUL and the C0 controls other than tab, line feed, form feed, carriage return and
// escape) are at least 1 in 32 of the characters in its first 64 KiB.
bool looks_binary(std::string_view utf8);

// The WHATWG canonical encoding name for a label ("GBK" -> "gbk", "latin1" -> "windows-1252"),
// empty when the label is unknown.
std::string canonical_encoding(std::string_view label);

}  // namespace webclean::decode
