// What the output formats share: the metadata fields in their documented order, runs of blocks
// that one element holds, and text made safe for XML and HTML.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "webclean/document.hpp"

namespace webclean::output {

// One metadata field as the formats show it.
struct MetadataEntry {
    enum class Shape {
        Single,  // one string or none
        Joined,  // several strings that one-string formats join with "; " (authors)
        List,    // several strings that every format keeps apart (categories, tags)
    };
    std::string_view name;  // JSON key, YAML key, XML element of a Single field
    std::string_view item;  // XML element of one value of a Joined or List field
    Shape shape = Shape::Single;
    std::vector<std::string_view> values;  // empty when the field was not found
};

// Every metadata field in the documented output order (the JSON key order).
std::vector<MetadataEntry> metadata_entries(const Metadata& metadata);

// What JSON shows besides the metadata fields, when there is something to show: "replaced"
// (invalid byte sequences decoded as U+FFFD) and, for a fetched page, "http_status",
// "final_url" and "content_type"; as name and text.
std::vector<std::pair<std::string, std::string>> decoding_and_response(const Document& document);

// Blocks [first, last) that one element holds: consecutive list items, table rows or code
// lines; any other block stands alone.
struct Run {
    BlockKind kind;
    std::size_t first;
    std::size_t last;
};

// The runs of blocks in order; standalone blocks with no text are left out, since they would
// only give empty elements.
std::vector<Run> block_runs(const std::vector<Block>& blocks);

// Splits on '\n'; a trailing newline does not produce an extra empty line.
std::vector<std::string_view> split_lines(std::string_view text);

// Splits a table row into its tab-separated cells.
std::vector<std::string_view> split_cells(std::string_view row);

std::string_view trim_trailing_newlines(std::string_view text);

// The text as characters XML 1.0 and HTML allow: broken UTF-8, surrogates and noncharacters
// become U+FFFD, control characters other than tab, line feed and carriage return are dropped.
std::string markup_safe(std::string_view text);

// The document's reader comments as blocks: its comment blocks, or one paragraph a line of its
// comments text when it has no blocks for them.
std::vector<Block> comment_blocks(const Document& document);

// A YAML header ("---\n", one "key: value" line per metadata field found, then
// decoding_and_response, then the extra fields, "---\n") with every value a double-quoted YAML
// string.
std::string yaml_header(const Document& document, const std::vector<std::pair<std::string, std::string>>& fields);

}  // namespace webclean::output
