// Names of the files --output-dir writes: derived from the input, safe on any file system, never
// leading outside the output directory.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "inputs.hpp"

namespace webclean::cli {

// The output path of a file input, relative and without extension: its path under the
// directory it was found in ("crawl/a/b.html" given as "crawl" gives "a/b"), else its file name
// ("x/page.html" gives "page"); "stdin" for standard input; a slug for a URL.
std::string file_stem(const Input& input);

// The stem of one page inside a container (a WARC record, a JSONL line): a folder named after
// the container, then the page's number, then its URL as a slug when it has one
// ("crawl/000017-example.com_news_a.html").
std::string page_stem(std::string_view container_stem, std::uint64_t number, std::string_view url);

// A URL as one file name: scheme dropped, characters other than letters, digits, '.', '-' and
// '_' made '_', at most 80 bytes, never starting with '.'.
std::string slug(std::string_view url);

}  // namespace webclean::cli
