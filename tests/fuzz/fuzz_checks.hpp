// What the fuzz targets assert besides "no crash": a failed check aborts, which libFuzzer (and
// the replay driver's test) reports with the input that caused it.
#pragma once

#include <cstdlib>
#include <string_view>

#include "decode/internal.hpp"

namespace webclean::fuzz {

inline void require(bool condition) {
    if (!condition) std::abort();
}

inline bool valid_utf8(std::string_view s) { return decode::detail::scan_utf8(s).valid(); }

}  // namespace webclean::fuzz
