// Repeated blocks within one document: a pull quote printed twice, a teaser that reappears as
// the article's first paragraph, a signature under every post of a thread.
#pragma once

#include <vector>

#include "webclean/document.hpp"

namespace webclean::content {

// Drops every block whose text already appeared in an earlier block, keeping the first.
// Table rows, code and short blocks are left alone: they repeat legitimately.
void drop_repeated_blocks(std::vector<Block>& blocks);

}  // namespace webclean::content
