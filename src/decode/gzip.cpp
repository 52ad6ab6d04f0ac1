// gzip inflation with a hard output cap: the input comes from the network, so a small body must
// not be able to expand into gigabytes before we notice.
#include <zlib.h>

#include <algorithm>
#include <cstdint>

#include "decode/decode.hpp"

namespace webclean::decode {

bool is_gzip(std::string_view b) {
    return b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0x1f &&
           static_cast<unsigned char>(b[1]) == 0x8b;
}

GunzipStatus gunzip(std::string_view bytes, std::size_t max_bytes, std::string& out) {
    out.clear();
    z_stream s{};
    // 16 + MAX_WBITS: expect the gzip wrapper (header and CRC-32 trailer), not raw zlib.
    if (inflateInit2(&s, 16 + MAX_WBITS) != Z_OK) return GunzipStatus::Corrupt;
    struct Cleanup {
        z_stream* s;
        ~Cleanup() { inflateEnd(s); }
    } cleanup{&s};

    // avail_in is a uInt; feed inputs beyond 4 GiB in slices.
    constexpr std::size_t kMaxSlice = 1u << 30;
    const auto* next = reinterpret_cast<const Bytef*>(bytes.data());
    std::size_t left = bytes.size();
    // Grow geometrically but never allocate past the cap (+1 byte, to tell "exactly the cap"
    // from "more than the cap").
    const std::size_t hard_limit = max_bytes == SIZE_MAX ? max_bytes : max_bytes + 1;
    std::size_t produced = 0;

    while (true) {
        if (s.avail_in == 0 && left > 0) {
            std::size_t slice = std::min(left, kMaxSlice);
            s.next_in = const_cast<Bytef*>(next);
            s.avail_in = static_cast<uInt>(slice);
            next += slice;
            left -= slice;
        }
        if (produced == out.size()) {
            if (out.size() >= hard_limit) {
                out.resize(std::min(produced, max_bytes));
                return GunzipStatus::TooLarge;
            }
            std::size_t grow = std::max<std::size_t>(out.size(), std::min<std::size_t>(bytes.size() * 3, 1u << 16));
            grow = std::max<std::size_t>(grow, 4096);
            out.resize(std::min(hard_limit, out.size() + std::min(grow, kMaxSlice)));
        }
        s.next_out = reinterpret_cast<Bytef*>(out.data() + produced);
        s.avail_out = static_cast<uInt>(out.size() - produced);
        const uInt before = s.avail_out;
        int rc = inflate(&s, Z_NO_FLUSH);
        produced += before - s.avail_out;

        if (produced > max_bytes) {
            out.resize(max_bytes);
            return GunzipStatus::TooLarge;
        }
        if (rc == Z_STREAM_END) {
            // Concatenated members are one file to gzip(1); keep going while input remains.
            // Trailing zero padding (some servers and tape formats add it) is not a member.
            auto rest_is_padding = [&] {
                auto zero = [](Bytef c) { return c == 0; };
                return std::all_of(s.next_in, s.next_in + s.avail_in, zero) &&
                       std::all_of(next, next + left, zero);
            };
            if ((s.avail_in == 0 && left == 0) || rest_is_padding()) break;
            if (inflateReset(&s) != Z_OK) return GunzipStatus::Corrupt;
            continue;
        }
        if (rc == Z_BUF_ERROR) {
            // No progress possible: either the output is full (loop grows it) or the input ran
            // out before the end of the stream, which means it was truncated.
            if (s.avail_out != 0 && s.avail_in == 0 && left == 0) {
                out.resize(produced);
                return GunzipStatus::Corrupt;
            }
            continue;
        }
        if (rc != Z_OK) {
            out.resize(produced);
            return GunzipStatus::Corrupt;
        }
        if (s.avail_in == 0 && left == 0 && s.avail_out != 0) {
            // inflate consumed everything and still wants more: truncated.
            out.resize(produced);
            return GunzipStatus::Corrupt;
        }
    }
    out.resize(produced);
    return GunzipStatus::Ok;
}

}  // namespace webclean::decode
