// Parsing a markup-dense page in pieces, so that Gumbo never holds the whole page's tree: Gumbo
// needs 10 to 15 bytes for each byte of such a page (128 bytes a node, over 100 an attribute),
// our tree 3. Runs of chosen elements' content (all of it, or a few children at a time) are cut
// out of the page; Gumbo parses what is left (the skeleton), and each run on its own, as an HTML
// fragment in its element's context, while the skeleton's tree is copied: the pieces go into one
// dom::Tree in document order.
//
// A fragment parse builds what the whole page's parse builds under the element only when nothing
// in the content reaches outside it. plan_pieces cuts only contents whose tags all pair up inside
// them (optional end tags aside), which leave no formatting element open behind them, and which
// the tree builder reads "in body" (not in a table's mode, not in a select); what depends on the
// element's ancestors is checked against the skeleton Gumbo built (html.cpp), which keeps a run
// in the skeleton, or parses the page whole, when a check fails.
#pragma once

#include <gumbo.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace webclean::parse::detail {

// Some start tags make the tree builder search the open elements for one to close or to adopt
// (an <li> for an open item, a block for an open <p>, an <a> for an open link...). A search
// from inside a piece that goes past the piece's element looks among its ancestors, which the
// fragment parse does not have: the Cut says which searches did, and the skeleton's ancestors
// are searched the same way (html.cpp).
enum Search : unsigned {
    kSearchItem = 1,        // <li>: an open <li>
    kSearchDefinition = 2,  // <dd>, <dt>: an open <dd> or <dt>
    kSearchP = 4,           // a block: an open <p> in button scope
    kSearchLink = 8,        // <a>: an open <a> (the adoption agency)
    kSearchNobr = 16,       // <nobr>: an open <nobr>
    kSearchButton = 32,     // <button>: an open <button> in scope
};
bool search_finds(Search search, GumboTag tag);
bool search_stops_at(Search search, GumboTag tag);  // looks no further than an element with this tag

// A formatting element's start tag also counts the open ones like it back to the last marker:
// a fourth drops the earliest from the list of formatting elements (HTML's "Noah's Ark"), which
// changes what is re-opened later, outside the piece. Which formatting tags a piece's content
// starts (a bit each, by formatting_bit), and the most of one kind open inside it when another
// starts, are checked against the skeleton's ancestors.
int formatting_bit(GumboTag tag);  // -1 for a tag that is not a formatting element
bool is_marker(GumboTag tag);      // puts a marker on the list: the count stops there

struct Cut {
    std::size_t begin = 0, end = 0;    // a run of the element's content: [begin, end) of the page
    GumboTag tag = GUMBO_TAG_UNKNOWN;  // the element, a container whose content is read "in body"
    unsigned searches = 0;             // the Search kinds that went past the element
    std::uint16_t formatting_started = 0;  // formatting_bit()s of the formatting tags inside
    std::uint8_t formatting_nested = 0;    // the most of one kind open inside when another starts
};

struct PiecePlan {
    // The runs to cut, sorted by begin, never nested: the whole content of the outermost elements
    // whose content can be cut and is at most the budget; of larger ones, their children in runs
    // of at most the budget (a child over it stays, and what is inside it may be cut in turn).
    // No run under the smallest piece. Empty when none can be cut, or when the page holds markup
    // whose meaning depends on all that came before it (a frameset, <plaintext>).
    std::vector<Cut> cuts;
    std::size_t cut_bytes = 0;  // what the cuts hold in all
    // About what the page's tree will hold, read off its tags: elements and runs of text, attributes,
    // and the bytes of text and values (at most the page's), so that it is sized once.
    std::size_t nodes = 0, attributes = 0, text_bytes = 0;
};

PiecePlan plan_pieces(std::string_view html, std::size_t budget, std::size_t smallest);

// The skeleton: html with each run replaced by a stand-in, <wbr kPieceAttribute="index">: a void
// element, whose parent and ancestors in Gumbo's tree show where the run would have gone. The
// prescan keeps the attribute from any page.
std::string make_skeleton(std::string_view html, const std::vector<Cut>& cuts);
inline constexpr std::string_view kPieceAttribute = "webclean-piece";

}  // namespace webclean::parse::detail
