// Which blocks are the article: the container that holds the most content and the least
// furniture, then block-by-block filtering inside it, with a relaxation cascade.
#pragma once

#include <string_view>
#include <vector>

#include "dom/tree.hpp"
#include "extract/blocks.hpp"
#include "webclean/document.hpp"
#include "webclean/options.hpp"

namespace webclean::content {

struct Selection {
    std::vector<Block> article;
    std::vector<Block> comments;
    std::string heading_before;  // the nearest heading shortly before the article, if any
};

// `title` is the page title from metadata. On a web page a heading repeating it is not article
// text (drop_title_heading); in markdown and text dumps the heading is where the title lives.
Selection select_article(const dom::Tree& tree, const Page& page, const Options& options, std::string_view title,
                         bool drop_title_heading);

}  // namespace webclean::content
