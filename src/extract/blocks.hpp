// Tree -> the sequence of text blocks a reader would see, each with the density features that
// scoring uses, plus per-element flags (furniture, comments, data tables, invisible parts).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dom/tree.hpp"
#include "webclean/document.hpp"
#include "webclean/options.hpp"

namespace webclean::content {

// Element flags, one byte per node.
enum ElementFlag : std::uint8_t {
    kSkip = 1,          // never rendered or never text: script, form controls, hidden parts
    kStructural = 2,    // nav/aside/footer/header elements and landmark roles outside the article
    kNamedFurniture = 4,// class/id tokens say menu, share, related, ad, ...
    kComments = 8,      // class/id tokens say comments
    kNamedContent = 16, // class/id tokens say article, content, post, ...
    kDataTable = 32,    // a table of data (rows of cells), not a layout grid
};

struct TextBlock {
    dom::NodeId owner = dom::none;  // the block-level element whose text this is
    BlockKind kind = BlockKind::Paragraph;
    int level = 0;
    std::string text;                // whitespace collapsed, trimmed
    std::uint32_t chars = 0;         // code points, spaces excluded
    std::uint32_t cjk = 0;           // of which Han/kana/hangul
    std::uint32_t link_chars = 0;    // code points inside <a>
    std::uint32_t punct = 0;         // clause and sentence punctuation
    std::uint8_t breaks_before = 0;  // <br> between this block and the previous one of the same owner
    bool sentence_end = false;       // ends like a complete sentence

    // Length in reading weight: a CJK character carries about as much as three Latin letters.
    double weight() const { return double(chars - cjk) + 3.0 * cjk; }
    double link_density() const { return chars ? double(link_chars) / chars : 0.0; }
};

struct Page {
    std::vector<std::uint8_t> flags;       // by node id
    std::vector<dom::NodeId> subtree_end;  // node ids are pre-order: [id, subtree_end[id]) is id's subtree
    std::vector<TextBlock> blocks;         // in reading order
};

Page collect_blocks(const dom::Tree& tree, const Options& options);

}  // namespace webclean::content
