// The HTML format: the clean article as a small, valid HTML5 page. Written directly: the
// markup is a handful of elements and HTML's void elements do not fit an XML writer.
#include <algorithm>
#include <string>
#include <vector>

#include "output/common.hpp"
#include "output/markup.hpp"
#include "text/ascii.hpp"

namespace webclean::output {

namespace {

void append_escaped(std::string& out, std::string_view text, bool attribute) {
    for (char c : markup_safe(text)) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"':
                if (attribute) out += "&quot;";
                else out += c;
                break;
            default: out += c;
        }
    }
}

// Text whose line breaks should show: each '\n' becomes <br>.
void append_lines(std::string& out, std::string_view text) {
    const auto lines = split_lines(trim_trailing_newlines(text));
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i > 0) out += "<br>";
        append_escaped(out, lines[i], false);
    }
}

void append_element(std::string& out, std::string_view tag, std::string_view text) {
    out += '<';
    out += tag;
    out += '>';
    append_lines(out, text);
    out += "</";
    out += tag;
    out += ">\n";
}

// Nested lists sit inside the <li> they belong to, as HTML wants; a level deeper than one past
// the open lists still nests only one step.
void append_list(std::string& out, const std::vector<Block>& blocks, const Run& run) {
    const int base = std::max(blocks[run.first].level, 1);
    int open = 0;
    for (std::size_t k = run.first; k < run.last; ++k) {
        const int depth = std::clamp(blocks[k].level - base + 1, 1, open + 1);
        if (depth == open + 1) {
            out += "<ul>\n";
            open = depth;
        } else {
            out += "</li>\n";
            for (; open > depth; --open) out += "</ul></li>\n";
        }
        out += "<li>";
        append_lines(out, blocks[k].text);
    }
    out += "</li>\n";
    for (; open > 1; --open) out += "</ul></li>\n";
    out += "</ul>\n";
}

void append_blocks(std::string& out, const std::vector<Block>& blocks) {
    for (const Run& run : block_runs(blocks)) {
        const Block& first = blocks[run.first];
        switch (run.kind) {
            case BlockKind::Heading: {
                const char tag[] = {'h', static_cast<char>('0' + std::clamp(first.level, 1, 6)), '\0'};
                append_element(out, tag, first.text);
                break;
            }
            case BlockKind::Paragraph:
                append_element(out, "p", first.text);
                break;
            case BlockKind::Quote:
                out += "<blockquote>";
                append_element(out, "p", first.text);
                out += "</blockquote>\n";
                break;
            case BlockKind::Caption:
                out += "<figure>";
                append_element(out, "figcaption", first.text);
                out += "</figure>\n";
                break;
            case BlockKind::ListItem:
                append_list(out, blocks, run);
                break;
            case BlockKind::Code:
                out += "<pre><code>";
                for (std::size_t k = run.first; k < run.last; ++k) {
                    if (k > run.first) out += '\n';
                    append_escaped(out, trim_trailing_newlines(blocks[k].text), false);
                }
                out += "</code></pre>\n";
                break;
            case BlockKind::TableRow:
                out += "<table>\n";
                for (std::size_t k = run.first; k < run.last; ++k) {
                    out += "<tr>";
                    for (std::string_view cell : split_cells(blocks[k].text)) {
                        out += "<td>";
                        append_lines(out, cell);
                        out += "</td>";
                    }
                    out += "</tr>\n";
                }
                out += "</table>\n";
                break;
        }
    }
}

void append_meta(std::string& out, std::string_view name, std::string_view content) {
    if (content.empty()) return;
    out += "<meta name=\"";
    out += name;
    out += "\" content=\"";
    append_escaped(out, content, true);
    out += "\">\n";
}

std::string joined(const std::vector<std::string>& values, std::string_view separator) {
    std::string out;
    for (const auto& value : values) {
        if (value.empty()) continue;
        if (!out.empty()) out += separator;
        out += value;
    }
    return out;
}

// HTML requires a non-empty <title>: the page's title, else its first heading, else its host.
std::string page_title(const Document& document) {
    if (!document.metadata.title.empty()) return document.metadata.title;
    for (const Block& block : document.blocks)
        if (block.kind == BlockKind::Heading && !trim_trailing_newlines(block.text).empty()) return block.text;
    if (!document.metadata.hostname.empty()) return document.metadata.hostname;
    return "Untitled";
}

// A data-* attribute name: lower-case letters, digits, '-', '_' and '.' (HTML allows no
// upper case there); anything else becomes '-'.
std::string data_attribute_name(std::string_view name) {
    std::string out = "data-";
    for (char c : name) {
        c = text::ascii_lower(c);
        out += text::is_ascii_alnum(c) || c == '_' || c == '.' ? c : '-';
    }
    return out;
}

void append_data_attribute(std::string& out, std::string_view name, std::string_view value) {
    if (name.empty() || value.empty()) return;
    out += ' ';
    out += data_attribute_name(name);
    out += "=\"";
    append_escaped(out, value, true);
    out += '"';
}

}  // namespace

std::string render_html(const Document& document, const Fields& fields) {
    const Metadata& m = document.metadata;
    std::string out = "<!DOCTYPE html>\n<html";
    if (!m.language.empty()) {
        out += " lang=\"";
        append_escaped(out, m.language, true);
        out += '"';
    }
    out += ">\n<head>\n<meta charset=\"utf-8\">\n<title>";
    append_escaped(out, trim_trailing_newlines(page_title(document)), false);
    out += "</title>\n";
    // Names from the HTML standard and its registered Dublin Core extensions; what they cannot
    // say goes into data-* attributes of <article>.
    for (const auto& author : m.authors) append_meta(out, "author", author);
    append_meta(out, "description", m.description);
    append_meta(out, "keywords", joined(m.tags, ", "));
    append_meta(out, "dcterms.subject", joined(m.categories, ", "));
    append_meta(out, "dcterms.date", m.date);
    append_meta(out, "dcterms.modified", m.modified);
    append_meta(out, "dcterms.publisher", m.sitename);
    append_meta(out, "dcterms.source", m.source);
    append_meta(out, "dcterms.license", m.license);
    append_meta(out, "dcterms.contributor", m.editor);
    if (!m.url.empty()) {
        out += "<link rel=\"canonical\" href=\"";
        append_escaped(out, m.url, true);
        out += "\">\n";
    }
    out += "</head>\n<body>\n<article";
    append_data_attribute(out, "image", m.image);
    append_data_attribute(out, "icp", m.icp);
    append_data_attribute(out, "public_security", m.public_security);
    for (const auto& [name, value] : decoding_and_response(document)) append_data_attribute(out, name, value);
    for (const auto& [name, value] : fields) append_data_attribute(out, name, value);
    out += ">\n";
    if (document.blocks.empty()) {
        for (std::string_view line : split_lines(document.text))
            if (!line.empty()) append_element(out, "p", line);
    } else {
        append_blocks(out, document.blocks);
    }
    out += "</article>\n";
    if (const std::vector<Block> comments = comment_blocks(document); !comments.empty()) {
        out += "<aside class=\"comments\">\n";
        append_blocks(out, comments);
        out += "</aside>\n";
    }
    out += "</body>\n</html>\n";
    return out;
}

}  // namespace webclean::output
