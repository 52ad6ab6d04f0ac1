// The page as short text lines, and the bylines people read near the article top:
// "来源：中青网 | 时间：2025-06-02 08:36:20 | 作者：张三", "By Jane Doe", "Published June 2, 2025".
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "dom/tree.hpp"

namespace webclean::metadata::detail {

struct PageLines {
    std::vector<std::string> lines;  // one per block element, whitespace collapsed, empty ones dropped
    std::size_t h1_line = SIZE_MAX;  // the first <h1>'s line, when the body has one
};

// Body text split at block elements and <br>.
PageLines page_lines(const dom::Tree& tree);

struct Bylines {
    std::vector<std::string> authors;
    std::string date, modified, source, editor;
};

// Labelled fields in short lines near the top (around the h1 when there is one); the first match
// per field wins. Unlabelled dates count only on short lines after the h1.
Bylines scan_bylines(const PageLines& page);

// Parses one line's labelled fields into found (fields already set stay). Exposed for tests.
void read_byline_line(std::string_view line, Bylines& found);

}  // namespace webclean::metadata::detail
