// What the decode stage makes of each file: the charset it chose, how many byte sequences it
// replaced, and what each detector guesses on the raw bytes with every label ignored.
// bench/decode_check.py drives it and checks its answers against Python's own codecs.
//
//   webclean_decode_check FILE...
//
// One tab-separated line per file: path, charset, replaced, meta, uchardet, icu (empty fields
// for "none"). A last line starting with '#' gives each detector's total time in seconds.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "decode/decode.hpp"
#include "decode/internal.hpp"

namespace {

using namespace webclean::decode;
using Clock = std::chrono::steady_clock;

bool read_file(const char* path, std::string& bytes) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return !in.bad();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s FILE...\n", argv[0]);
        return 2;
    }
    double uchardet_seconds = 0, icu_seconds = 0;
    int failed = 0;
    for (int i = 1; i < argc; ++i) {
        std::string bytes;
        if (!read_file(argv[i], bytes)) {
            std::fprintf(stderr, "cannot read %s\n", argv[i]);
            ++failed;
            continue;
        }
        const Decoded decoded = to_utf8(bytes, "", true);
        const std::string meta = detail::prescan_meta_charset(bytes);

        auto started = Clock::now();
        const std::string uchardet = detail::detect_encoding(bytes, detail::Detector::Uchardet);
        uchardet_seconds += std::chrono::duration<double>(Clock::now() - started).count();
        started = Clock::now();
        const std::string icu = detail::detect_encoding(bytes, detail::Detector::Icu);
        icu_seconds += std::chrono::duration<double>(Clock::now() - started).count();

        std::printf("%s\t%s\t%zu\t%s\t%s\t%s\n", argv[i], decoded.charset.c_str(), decoded.replaced, meta.c_str(),
                    uchardet.c_str(), icu.c_str());
    }
    std::printf("# seconds\tuchardet\t%.6f\ticu\t%.6f\n", uchardet_seconds, icu_seconds);
    return failed ? 1 : 0;
}
