// Fuzz target: a page parsed in pieces (parse/pieces.hpp) must give the very tree the whole
// page's parse gives. The bytes are made valid UTF-8, as the pipeline hands them to the parser,
// and cut into pieces as small as the planner finds (a budget of an eighth of the page), so that
// every rule the planner follows is put to the test on whatever markup the fuzzer makes up.
#include <cstddef>
#include <cstdint>
#include <string>

#include "../common/tree_outline.hpp"
#include "decode/decode.hpp"
#include "dom/tree.hpp"
#include "fuzz_checks.hpp"
#include "parse/html.hpp"

using webclean::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string html = webclean::decode::repair_utf8({reinterpret_cast<const char*>(data), size});
    constexpr std::size_t kDepth = 512, kNodes = 1u << 20;
    webclean::dom::Tree whole, pieces;
    auto whole_status = webclean::parse::detail::parse_html_in_pieces(html, kDepth, kNodes, 0, whole);
    auto pieces_status = webclean::parse::detail::parse_html_in_pieces(html, kDepth, kNodes, html.size() / 8 + 1, pieces);
    require(whole_status == pieces_status);
    require(webclean::testing::tree_outline(whole) == webclean::testing::tree_outline(pieces));
    return 0;
}
