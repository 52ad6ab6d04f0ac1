#include <boost/test/unit_test.hpp>

#include "extract/repeats.hpp"

using namespace webclean;

namespace {
Block block(BlockKind kind, std::string text) { return {kind, 0, std::move(text)}; }
Block para(std::string text) { return block(BlockKind::Paragraph, std::move(text)); }

std::vector<std::string> texts(const std::vector<Block>& blocks) {
    std::vector<std::string> out;
    for (const Block& b : blocks) out.push_back(b.text);
    return out;
}
}  // namespace

BOOST_AUTO_TEST_CASE(a_repeated_paragraph_keeps_its_first_place) {
    std::vector<Block> blocks = {para("The council voted to close the bridge."), para("Work starts in May."),
                                 para("The council voted to close the bridge."), para("Drivers must detour.")};
    content::drop_repeated_blocks(blocks);
    std::vector<std::string> expected = {"The council voted to close the bridge.", "Work starts in May.",
                                         "Drivers must detour."};
    BOOST_TEST(texts(blocks) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(repeats_across_block_kinds_go_too) {
    // A pull quote that repeats a paragraph is the same words printed twice.
    std::vector<Block> blocks = {para("这座桥将于五月起封闭施工，为期半年。"), block(BlockKind::Quote, "这座桥将于五月起封闭施工，为期半年。")};
    content::drop_repeated_blocks(blocks);
    BOOST_REQUIRE_EQUAL(blocks.size(), 1u);
    BOOST_TEST((blocks[0].kind == BlockKind::Paragraph));
}

BOOST_AUTO_TEST_CASE(short_blocks_table_rows_and_code_may_repeat) {
    std::vector<Block> blocks = {block(BlockKind::ListItem, "Yes"),           block(BlockKind::ListItem, "Yes"),
                                 block(BlockKind::TableRow, "2024\t—\t—\t—"), block(BlockKind::TableRow, "2024\t—\t—\t—"),
                                 block(BlockKind::Code, "return result;"),   block(BlockKind::Code, "return result;")};
    const std::size_t before = blocks.size();
    content::drop_repeated_blocks(blocks);
    BOOST_TEST(blocks.size() == before);
}

BOOST_AUTO_TEST_CASE(near_repeats_stay) {
    std::vector<Block> blocks = {para("The council voted to close the bridge."), para("The council voted to close the bridge!")};
    content::drop_repeated_blocks(blocks);
    BOOST_TEST(blocks.size() == 2u);
}
