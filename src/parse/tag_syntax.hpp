// How HTML's tokenizer reads a tag, as far as the byte scans before Gumbo (the prescan, the
// planner of pieces) need it: where a tag's name and the tag end, and where an element's end tag is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace webclean::parse::detail {

inline bool is_tag_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

struct TagEnd {
    std::size_t end;             // just past the '>'; size() when the tag never closes
    std::size_t cut = 0;         // where attribute max_attributes + 1 starts; 0 when there is none
    std::size_t attributes = 0;  // how many it has
};

// The end of a tag whose name ends at `from`, honouring quoted attribute values; cut says where
// its attribute max_attributes + 1 starts.
TagEnd tag_end(std::string_view s, std::size_t from, std::size_t max_attributes = SIZE_MAX);

// Finds the end tag "</name" (name in lower case), case-insensitively, at or after from, as
// the tokenizer ends raw text: the name followed by whitespace, '/' or '>'; npos when absent.
std::size_t find_end_tag(std::string_view s, std::size_t from, std::string_view name);

// The tag name starting at i, read as HTML's tokenizer reads it (up to whitespace, '/' or '>'),
// lower-cased; i is left just past it. Names past kMaxStored bytes keep their start plus a hash
// of the whole, so two long names that differ late still differ.
std::string read_tag_name(std::string_view s, std::size_t& i);

}  // namespace webclean::parse::detail
