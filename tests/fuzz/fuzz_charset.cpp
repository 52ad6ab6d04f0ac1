// Fuzz target: decode::to_utf8 with fuzzed labels. Input layout: one flags byte (bit 0: sniff
// <meta>; bits 1-5: label length), the label, then the bytes to decode. The output must be valid
// UTF-8 whatever the label and bytes; canonical_encoding() must be idempotent.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "decode/decode.hpp"
#include "fuzz_checks.hpp"

using webclean::fuzz::require;
using webclean::fuzz::valid_utf8;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace webclean::decode;
    std::string_view input(reinterpret_cast<const char*>(data), size);
    if (input.empty()) return 0;
    const unsigned flags = static_cast<unsigned char>(input[0]);
    const bool sniff_html = flags & 1;
    const std::size_t label_length = std::min<std::size_t>((flags >> 1) & 31, input.size() - 1);
    std::string_view label = input.substr(1, label_length);
    std::string_view bytes = input.substr(1 + label_length);

    Decoded decoded = to_utf8(bytes, label, sniff_html);
    require(valid_utf8(decoded.text));
    require(!decoded.charset.empty());
    (void)looks_binary(decoded.text);

    std::string canonical = canonical_encoding(label);
    if (!canonical.empty()) require(canonical_encoding(canonical) == canonical);
    return 0;
}
