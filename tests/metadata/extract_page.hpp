// The metadata of an HTML string, for the tests of this stage.
#pragma once

#include <string>
#include <string_view>

#include "dom/tree.hpp"
#include "metadata/metadata.hpp"
#include "parse/html.hpp"

namespace webclean::test {

inline Metadata extract(const std::string& html, std::string_view url = "") {
    dom::Tree tree;
    parse::parse_html(html, 512, 1'000'000, tree);
    return metadata::extract_metadata(tree, url);
}

}  // namespace webclean::test
