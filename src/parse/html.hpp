// HTML -> dom::Tree through Gumbo, behind a byte prescan that keeps Gumbo away from bytes that
// can never hold article text and from nesting deep enough to make it quadratic.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "dom/tree.hpp"

namespace webclean::parse {

struct PrescanResult {
    std::string html;                 // what Gumbo gets
    std::vector<std::string> json_ld; // bodies of <script type="application/ld+json">
    std::size_t flattened_tags = 0;   // start/end tags dropped for passing max_depth
    std::size_t start_tags = 0;       // start tags kept: about the elements the tree will have
    std::size_t line_breaks = 0;      // <br> tags handed to Gumbo as kLineBreakMark
};

// A <br> without attributes goes to Gumbo as this character (U+10FFFD, the last of the private
// use planes) in the text around it, and comes back as a <br> element between the pieces of that
// text when the tree is copied: in the tree builder's rules for the body a <br> does what a
// character does (it re-opens formatting elements left open, it closes nothing), but as an
// element it costs Gumbo a node of 128 bytes and splits the text around it into two more. Pages
// of old layouts are mostly lines ended by <br>. The prescan drops the character from the page's
// own text and turns a character reference to it into U+FFFD; inside elements Gumbo reads as
// raw text (<title>...) nothing is converted either way. What differs from Gumbo's own tree:
// inside a <select> a <br> is dropped, the character kept; in a table outside its cells, the
// whitespace around it goes out in front of the table with it.
inline constexpr std::string_view kLineBreakMark = "\xF4\x8F\xBF\xBD";
inline constexpr char32_t kLineBreakCodePoint = 0x10FFFD;

// One pass over the bytes: removes comments and the content of script, style,
// template, svg, iframe, object and textarea elements (keeping JSON-LD scripts aside), drops
// tags that would nest deeper than max_depth (their text stays), drops attributes no stage reads
// (data-*, on*, srcset, ...) and <link>s no stage reads, empties data: URIs, shrinks whitespace
// between tags to one character outside pre and tables, and writes bare <br> tags as
// kLineBreakMark. None of it changes what a later stage sees of the page.
PrescanResult prescan(std::string_view html, std::size_t max_depth);

enum class ParseStatus { Ok, TooManyNodes };

// Parses UTF-8 HTML into out (a fresh Tree). Gumbo's error list is off: it grows quadratically.
ParseStatus parse_html(std::string_view utf8, std::size_t max_depth, std::size_t max_nodes, dom::Tree& out);
// The same, taking the page: its memory goes as soon as the prescan has copied what Gumbo gets,
// so that the page, Gumbo's tree and ours are never held at once.
ParseStatus parse_html(std::string&& utf8, std::size_t max_depth, std::size_t max_nodes, dom::Tree& out);
inline ParseStatus parse_html(const char* utf8, std::size_t max_depth, std::size_t max_nodes, dom::Tree& out) {
    return parse_html(std::string_view(utf8), max_depth, max_nodes, out);
}

namespace detail {
// How a page went through Gumbo: in how many pieces (1: whole), the bytes of the largest, and
// whether the skeleton refused its pieces (the page was then parsed whole).
struct PieceReport {
    std::size_t pieces = 0;
    std::size_t largest = 0;
    bool refused = false;
};
// parse_html, cutting the page into pieces of at most about budget bytes wherever it can (0: none),
// however dense its markup and however small the piece: what parse_html does for markup-dense
// pages, open to tests.
ParseStatus parse_html_in_pieces(std::string_view utf8, std::size_t max_depth, std::size_t max_nodes,
                                 std::size_t budget, dom::Tree& out, PieceReport* report = nullptr);
}  // namespace detail

// The character references in a piece of text decoded as Gumbo decodes them inside <title>
// (raw text: references are decoded, tags are not), as valid UTF-8. For values a page encoded
// twice ("And finally&amp;#8230;" in a meta tag).
std::string decode_references(std::string_view text);

}  // namespace webclean::parse
