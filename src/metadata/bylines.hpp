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
    std::vector<bool> quoted;        // per line: inside a <blockquote> (someone else's words)
    std::size_t h1_line = SIZE_MAX;  // the first <h1>'s line, when the body has one
};

// Where a line ends as a reader sees it: block-level elements, <br>, <option> and <title>.
bool ends_line(dom::Tag tag);

// Body text split at block elements and <br>.
PageLines page_lines(const dom::Tree& tree);

struct Bylines {
    std::vector<std::string> authors;
    std::string date, modified, source, editor;
    bool authors_settled = false;  // a later line may add no more names (set while scanning)
    std::string dateline;          // an unlabelled date on a line of labelled fields: a fallback
};

// The bylines of a page. Around the headline (the h1, or the line that repeats the title when the
// h1 is a logo or missing): labelled fields, the first match per field winning; a date on a line
// of labelled fields; a bare date just under the headline; a line of Chinese names just before
// the article's first paragraph. Past that, down to the page's end, what the top left open:
// credits that close an article ("（记者 张三）", "（责任编辑：王五）", "（姚峰 上海报道）") and a
// print source with its issue ("——《北京之春》1998年3月号").
Bylines scan_bylines(const PageLines& page, std::string_view title);

// Parses one line's labelled fields into found (fields already set stay). Exposed for tests.
void read_byline_line(std::string_view line, Bylines& found);

}  // namespace webclean::metadata::detail
