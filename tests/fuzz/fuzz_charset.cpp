// Fuzz target: decode::to_utf8 with fuzzed labels. Input layout: one flags byte (bit 0: sniff
// <meta>; bits 1-5: label length), the label, then the bytes to decode. The output must be valid
// UTF-8 whatever the label and bytes; canonical_encoding() must be idempotent.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "decode/decode.hpp"
#include "decode/internal.hpp"

namespace {

void require(bool condition) {
    if (!condition) std::abort();
}

}  // namespace

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
    require(detail::scan_utf8(decoded.text).valid());
    require(!decoded.charset.empty());

    std::string canonical = canonical_encoding(label);
    if (!canonical.empty()) require(canonical_encoding(canonical) == canonical);
    return 0;
}
