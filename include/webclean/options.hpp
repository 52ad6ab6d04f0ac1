// Options that steer extraction. Every field has a documented default; the named presets
// (Options::precision(), Options::recall()) change only what their name says.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace webclean {

// What the input bytes are. Auto looks at the content (markup, markdown syntax, plain lines).
enum class InputFormat { Auto, Html, Markdown, Text };

// Which way to lean when a block could be article or boilerplate.
enum class Focus { Balanced, Precision, Recall };

// Per-document limits. A document over a limit gets an error status, never a crash or a hang.
struct Limits {
    std::size_t max_input_bytes = 64u << 20;  // raw bytes after decompression (64 MiB)
    std::size_t max_depth = 512;              // element nesting kept; deeper tags are flattened
    std::size_t max_nodes = 4'000'000;        // DOM nodes; more gives an error status
    // Wall-clock time one document may take; 0 means no limit. Checked between the stages and
    // inside their long loops (not inside the HTML parser, which the byte prescan keeps linear).
    std::chrono::milliseconds time_budget{0};
};

struct Options {
    InputFormat input_format = InputFormat::Auto;
    Focus focus = Focus::Balanced;
    bool include_tables = true;     // keep data tables (layout tables are always unwrapped)
    bool include_comments = true;   // fill Document::comments (never mixed into text)
    bool include_captions = false;  // keep figure captions in the text (table captions always stay)
    bool include_images = false;    // reserved: image references in markdown output
    bool include_links = false;     // reserved: link targets in markdown output
    bool keep_byline = false;       // keep byline lines (author, date, source, editor) in the text; the
                                    // metadata carries them either way
    bool deduplicate = false;       // drop a block (10+ characters) that repeats an earlier one
    std::string url;                // the page's URL: metadata fallback and base for relative links
    std::string http_charset;       // charset from an HTTP Content-Type header, when known
    Limits limits;

    // Fewer false positives: stricter thresholds, boilerplate-looking blocks are dropped.
    static Options precision();
    // Fewer misses: looser thresholds, short blocks next to content are kept.
    static Options recall();
};

}  // namespace webclean
