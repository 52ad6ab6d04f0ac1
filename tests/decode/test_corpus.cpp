// Decodes the cwced-zh pages (Chinese news and forum pages, mostly GB2312/GBK) when the shared
// benchmark folder is present; skips otherwise, so the suite runs anywhere.
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "decode/decode.hpp"
#include "decode/internal.hpp"

using namespace webclean::decode;
namespace fs = std::filesystem;

namespace {

fs::path shared_dir() {
    if (const char* env = std::getenv("WEBCLEAN_SHARED")) return env;
    return fs::path(WEBCLEAN_SOURCE_DIR) / ".." / "shared";
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

BOOST_AUTO_TEST_CASE(cwced_zh_pages) {
    const fs::path dir = shared_dir() / "bench" / "cwced-zh" / "original";
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        BOOST_TEST_MESSAGE("cwced-zh not found at " << dir << ": skipped");
        return;
    }
    std::size_t pages = 0, clean = 0, replaced = 0, detected = 0;
    std::map<std::string, std::size_t> by_charset;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() != ".html") continue;
        const std::string bytes = read_file(entry.path());
        const bool was_utf8 = detail::scan_utf8(bytes).valid();
        Decoded d = to_utf8(bytes, "", true);
        if (!was_utf8 && detail::prescan_meta_charset(bytes).empty()) ++detected;
        ++pages;
        ++by_charset[d.charset];
        replaced += d.replaced;
        if (d.replaced == 0) ++clean;
        BOOST_TEST(detail::scan_utf8(d.text).valid(), entry.path().filename());
        // Every page of this set is either UTF-8 or GB2312/GBK (checked by hand with iconv):
        // nothing may be read as Big5, Latin-1 or anything else.
        if (was_utf8)
            BOOST_TEST(d.charset == "utf-8", entry.path().filename());
        else
            BOOST_TEST((d.charset == "gbk" || d.charset == "gb18030"), entry.path().filename() << " " << d.charset);
        // Two pages hold a few truly broken GBK sequences (cut characters); no page is garbage.
        BOOST_TEST(d.replaced < 20u, entry.path().filename());
    }
    std::ostringstream charsets;
    for (const auto& [name, n] : by_charset) charsets << ' ' << name << '=' << n;
    BOOST_TEST_MESSAGE("cwced-zh: " << pages << " pages, " << clean << " without replacement, " << replaced
                                     << " replacements;" << charsets.str() << "; " << detected
                                     << " without a usable label went to the detector (uchardet, ICU fallback)");
    BOOST_TEST(pages == 69u);
    BOOST_TEST(clean >= 67u);
}
