// Rendering a Document in the output formats the CLI and the bindings offer.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "webclean/document.hpp"

namespace webclean {

enum class Format {
    Text,      // the article text, one block a line
    Json,      // one compact object: the metadata fields, "text", "comments" (and "articles")
    Markdown,  // headings, lists, quotes, code fences and tables as markdown
    Xml,       // a <document> with <metadata>, <main> (the article as elements), <comments>
    Html,      // the article as a minimal HTML5 page with its title and metadata in <head>
};

// Parses a format name ("txt", "json", "markdown"/"md", "xml", "html"); false when unknown.
bool parse_format(std::string_view name, Format& out);

// Name/value pairs that describe where a document came from (the input's name, a WARC record's
// URI, id and date, the other keys of a JSONL line), shown next to the metadata.
using Fields = std::vector<std::pair<std::string, std::string>>;

struct RenderOptions {
    // Text and Markdown: start with a YAML header (--- ... ---) holding the metadata found and
    // the fields. The other formats always carry the metadata.
    bool with_metadata = false;
    // Xml: a <fields> element; Html: data-* attributes of <article>; Text and Markdown: keys of
    // the YAML header. Json leaves them to the caller, who may want its own key order.
    Fields fields;
};

// The document rendered as one string. Json is one compact object (no trailing newline)
// holding every metadata field, "text" and "comments"; Xml and Html are complete documents.
std::string render(const Document& document, Format format, const RenderOptions& options = {});

}  // namespace webclean
