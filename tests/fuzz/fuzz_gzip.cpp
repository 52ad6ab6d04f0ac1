// Fuzz target: gzip inflation under a size limit. The output never passes the limit, and a
// result is Ok only for data that really is gzip.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "decode/decode.hpp"
#include "fuzz_checks.hpp"

using webclean::fuzz::require;

namespace {

constexpr std::size_t kLimit = 1u << 20;

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
