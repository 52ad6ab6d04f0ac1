// Pages that hold several articles (a newspaper page dumped to text or markdown): where one
// article ends and the next begins.
#pragma once

#include <vector>

#include "webclean/document.hpp"

namespace webclean::content {

// Splits the clean blocks into articles, each opened by a heading. A heading opens an article
// when a byline follows it, or (with trust_levels, for markdown) when it sits above the deepest
// heading level in use, which then holds the articles' own sections. Empty unless at least two
// articles are found.
std::vector<Article> split_articles(const std::vector<Block>& blocks, bool trust_levels);

}  // namespace webclean::content
