// Placeholder until the decode stage lands: UTF-8 pass-through, no gzip.
#include "decode/decode.hpp"

namespace webclean::decode {
bool is_gzip(std::string_view b) { return b.size() >= 2 && (unsigned char)b[0] == 0x1f && (unsigned char)b[1] == 0x8b; }
GunzipStatus gunzip(std::string_view, std::size_t, std::string&) { return GunzipStatus::Corrupt; }
Decoded to_utf8(std::string_view bytes, std::string_view, bool) { return {std::string(bytes), "utf-8", 0}; }
std::string canonical_encoding(std::string_view) { return {}; }
}  // namespace webclean::decode
