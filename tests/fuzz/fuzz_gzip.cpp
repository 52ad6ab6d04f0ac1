// Fuzz target: gzip inflation under a size limit. The output never passes the limit, and a
// result is Ok only for data that really is gzip.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "decode/decode.hpp"

namespace {

constexpr std::size_t kLimit = 1u << 20;

void require(bool condition) {
    if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace webclean::decode;
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    std::string out;
    GunzipStatus status = gunzip(bytes, kLimit, out);
    require(out.size() <= kLimit);
    if (status == GunzipStatus::Ok) require(is_gzip(bytes));
    return 0;
}
