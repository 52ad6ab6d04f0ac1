// The other input kinds, brought to the same document model as HTML: markdown (through md4c's
// HTML renderer, so Gumbo sees it like any page) and text dumped from a page (one block a line).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dom/tree.hpp"
#include "webclean/options.hpp"

namespace webclean::parse {

// Guesses the kind of a UTF-8 input from its content: markup -> Html (also text with HTML
// fragments in it), front matter or markdown syntax -> Markdown, anything else -> Text.
InputFormat detect_format(std::string_view utf8);

// YAML front matter ("---" lines around "key: value" lines) at the start of a markdown file.
struct FrontMatter {
    std::vector<std::pair<std::string, std::string>> fields;  // keys lower-cased, values unquoted
    std::string_view body;                                   // the markdown after it
    std::string_view get(std::string_view key) const;
};
FrontMatter split_front_matter(std::string_view markdown);

// CommonMark + GFM tables -> HTML.
std::string markdown_to_html(std::string_view markdown);

// Text lines -> a tree whose body holds one <p> per non-empty line.
void parse_text(std::string_view utf8, dom::Tree& out);

}  // namespace webclean::parse
