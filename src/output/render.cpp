// Rendering a Document as plain text, a JSON object or markdown, and the one dispatch over
// every format.
#include <algorithm>
#include <cstddef>

#include <nlohmann/json.hpp>

#include "output/common.hpp"
#include "output/markup.hpp"
#include "webclean/output.hpp"

namespace webclean {

bool parse_format(std::string_view name, Format& out) {
    if (name == "txt") { out = Format::Text; return true; }
    if (name == "json") { out = Format::Json; return true; }
    if (name == "markdown" || name == "md") { out = Format::Markdown; return true; }
    if (name == "xml") { out = Format::Xml; return true; }
    if (name == "html") { out = Format::Html; return true; }
    return false;
}

namespace {

// ordered_json keeps the keys in the documented order, which readers scanning the output expect.
using Json = nlohmann::ordered_json;

Json string_or_null(std::string_view value) {
    if (value.empty()) return nullptr;
    return std::string(value);
}

std::string render_json(const Document& document) {
    Json object = Json::object();
    for (const output::MetadataEntry& entry : output::metadata_entries(document.metadata)) {
        Json& value = object[std::string(entry.name)];
        switch (entry.shape) {
            case output::MetadataEntry::Shape::Single:
                value = entry.values.empty() ? Json(nullptr) : Json(std::string(entry.values.front()));
                break;
            case output::MetadataEntry::Shape::Joined:
                value = string_or_null(document.metadata.author());
                break;
            case output::MetadataEntry::Shape::List:
                value = Json::array();
                for (std::string_view item : entry.values) value.push_back(std::string(item));
                break;
        }
    }
    object["text"] = string_or_null(document.text);
    object["comments"] = string_or_null(document.comments);
    if (!document.articles.empty()) {
        Json articles = Json::array();
        for (const Article& a : document.articles)
            articles.push_back({{"title", string_or_null(a.title)}, {"byline", string_or_null(a.byline)}, {"text", a.text}});
        object["articles"] = std::move(articles);
    }
    if (document.metadata.replaced > 0) object["replaced"] = document.metadata.replaced;
    if (const Response& r = document.response; !r.empty()) {
        object["http_status"] = r.http_status > 0 ? Json(r.http_status) : Json(nullptr);
        object["final_url"] = string_or_null(r.final_url);
        object["content_type"] = string_or_null(r.content_type);
    }
    // Scraped pages do carry broken UTF-8; replacing it with U+FFFD beats throwing mid-batch.
    return object.dump(-1, ' ', false, Json::error_handler_t::replace);
}

void append_table_row(std::string& out, std::string_view row) {
    out += '|';
    for (std::string_view cell : output::split_cells(row)) {
        out += ' ';
        for (char c : cell) {
            // A literal pipe would end the cell; a newline would end the row.
            if (c == '|') out += "\\|";
            else if (c == '\n' || c == '\r') out += ' ';
            else out += c;
        }
        out += " |";
    }
}

// A fence longer than any backtick run inside the code, so the code cannot close it early.
std::string code_fence(const std::vector<Block>& blocks, std::size_t first, std::size_t last) {
    std::size_t longest = 0;
    for (std::size_t i = first; i < last; ++i) {
        std::size_t run = 0;
        for (char c : blocks[i].text) {
            run = c == '`' ? run + 1 : 0;
            longest = std::max(longest, run);
        }
    }
    return std::string(std::max<std::size_t>(3, longest + 1), '`');
}

// Each line of text gets a prefix: first_prefix on the first line, rest_prefix on the others.
void append_prefixed_lines(std::string& out, std::string_view text, std::string_view first_prefix,
                           std::string_view rest_prefix) {
    auto lines = output::split_lines(output::trim_trailing_newlines(text));
    if (lines.empty()) lines.push_back({});
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i > 0) out += '\n';
        out += i == 0 ? first_prefix : rest_prefix;
        out += lines[i];
    }
}

// List items and table rows of a run are one line apart, consecutive code blocks share one
// fence; runs are separated by a blank line.
std::string render_markdown(const Document& document) {
    using output::trim_trailing_newlines;
    const auto& blocks = document.blocks;
    // Documents built without blocks (e.g. plain-text input) still have text worth showing.
    if (blocks.empty()) return std::string(trim_trailing_newlines(document.text));

    std::string out;
    for (const output::Run& run : output::block_runs(blocks)) {
        const Block& first = blocks[run.first];
        if (!out.empty()) out += "\n\n";
        switch (run.kind) {
            case BlockKind::Heading: {
                const int level = std::clamp(first.level, 1, 6);
                out += std::string(static_cast<std::size_t>(level), '#');
                out += ' ';
                out += trim_trailing_newlines(first.text);
                break;
            }
            case BlockKind::ListItem:
                for (std::size_t k = run.first; k < run.last; ++k) {
                    if (k > run.first) out += '\n';
                    const int depth = std::max(blocks[k].level, 1) - 1;
                    const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
                    // Continuation lines of a multi-line item line up under its text.
                    append_prefixed_lines(out, blocks[k].text, indent + "- ", indent + "  ");
                }
                break;
            case BlockKind::Quote:
                append_prefixed_lines(out, first.text, "> ", "> ");
                break;
            case BlockKind::Code: {
                const std::string fence = code_fence(blocks, run.first, run.last);
                out += fence;
                for (std::size_t k = run.first; k < run.last; ++k) {
                    out += '\n';
                    out += trim_trailing_newlines(blocks[k].text);
                }
                out += '\n';
                out += fence;
                break;
            }
            case BlockKind::TableRow:
                for (std::size_t k = run.first; k < run.last; ++k) {
                    if (k > run.first) out += '\n';
                    append_table_row(out, blocks[k].text);
                    if (k == run.first) {
                        out += "\n|";
                        for (std::size_t c = output::split_cells(first.text).size(); c > 0; --c) out += "---|";
                    }
                }
                break;
            case BlockKind::Caption:
            case BlockKind::Paragraph:
                out += trim_trailing_newlines(first.text);
                break;
        }
    }
    return out;
}

// Text and markdown end with exactly one newline after the header, so the header never runs
// into the first line and an empty document gives the header alone.
std::string with_header(const Document& document, const RenderOptions& options, std::string body) {
    if (!options.with_metadata) return body;
    std::string out = output::yaml_header(document, options.fields);
    out += output::trim_trailing_newlines(body);
    if (!body.empty()) out += '\n';
    return out;
}

}  // namespace

std::string render(const Document& document, Format format, const RenderOptions& options) {
    switch (format) {
        case Format::Text: return with_header(document, options, document.text);
        case Format::Json: return render_json(document);
        case Format::Markdown: return with_header(document, options, render_markdown(document));
        case Format::Xml: return output::render_xml(document, options.fields);
        case Format::Html: return output::render_html(document, options.fields);
    }
    return document.text;
}

}  // namespace webclean
