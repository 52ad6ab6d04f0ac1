// Rendering a Document in the output formats the CLI and the bindings offer.
#pragma once

#include <string>
#include <string_view>

#include "webclean/document.hpp"

namespace webclean {

enum class Format { Text, Json, Markdown };

// Parses a format name ("txt", "json", "markdown"/"md"); false when unknown.
bool parse_format(std::string_view name, Format& out);

// The document rendered as one string. Json is one compact object (no trailing newline)
// holding every metadata field, "text" and "comments".
std::string render(const Document& document, Format format);

}  // namespace webclean
