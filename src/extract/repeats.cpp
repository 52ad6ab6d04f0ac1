#include "extract/repeats.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_set>

namespace webclean::content {

namespace {

// Short lines ("Yes", "—", "Q:", "Step 2") recur within one article for good reasons; a repeated
// line this long is almost always the page printing the same thing twice.
constexpr std::size_t min_repeat_code_points = 10;

std::size_t count_code_points(std::string_view text) {
    // Every code point has exactly one byte that is not a UTF-8 continuation byte (10xxxxxx).
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool may_repeat(const Block& block) {
    return block.kind == BlockKind::TableRow || block.kind == BlockKind::Code ||
           count_code_points(block.text) < min_repeat_code_points;
}

}  // namespace

void drop_repeated_blocks(std::vector<Block>& blocks) {
    std::unordered_set<std::string> seen;
    std::erase_if(blocks, [&](const Block& block) { return !may_repeat(block) && !seen.insert(block.text).second; });
}

}  // namespace webclean::content
