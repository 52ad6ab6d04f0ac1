// What the command line asked for, once parsed: shared by every part of the CLI.
#pragma once

#include <string>

#include "webclean/webclean.hpp"

namespace webclean::cli {

enum class OutputFormat { Text, Markdown, Json, JsonLines, Xml, Html };

struct Settings {
    OutputFormat format = OutputFormat::Text;
    // One input that is one page: json prints one object rather than an array, xml one
    // <document> rather than <documents>, and html is allowed on standard output.
    bool single = false;
    bool with_metadata = false;
    std::string output_dir;      // empty: everything goes to standard output
    bool force_warc = false;     // --input-format warc: every input is a WARC file
    bool jsonl = false;          // --input-format jsonl: every input is JSON Lines
    std::string html_key = "html";
    std::string url_key = "url";
    bool quiet = false;
    Options options;
    FetchOptions fetch;          // for URL inputs
};

// The file name extension of a format, with its dot.
const char* extension(OutputFormat format);

bool is_json(OutputFormat format);

}  // namespace webclean::cli
