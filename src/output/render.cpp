// Rendering a Document as plain text, a JSON object or markdown.
#include <algorithm>
#include <cstddef>

#include <nlohmann/json.hpp>

#include "webclean/output.hpp"

namespace webclean {

bool parse_format(std::string_view name, Format& out) {
    if (name == "txt") { out = Format::Text; return true; }
    if (name == "json") { out = Format::Json; return true; }
    if (name == "markdown" || name == "md") { out = Format::Markdown; return true; }
    return false;
}

namespace {

// ordered_json keeps the keys in the documented order, which readers scanning the output expect.
using Json = nlohmann::ordered_json;

Json string_or_null(const std::string& value) {
    if (value.empty()) return nullptr;
    return value;
}

Json string_array(const std::vector<std::string>& values) {
    Json array = Json::array();
    for (const auto& value : values) array.push_back(value);
    return array;
}

std::string render_json(const Document& document) {
    const Metadata& m = document.metadata;
    Json object = {
        {"title", string_or_null(m.title)},
        {"author", string_or_null(m.author())},
        {"date", string_or_null(m.date)},
        {"modified", string_or_null(m.modified)},
        {"sitename", string_or_null(m.sitename)},
        {"source", string_or_null(m.source)},
        {"url", string_or_null(m.url)},
        {"hostname", string_or_null(m.hostname)},
        {"description", string_or_null(m.description)},
        {"language", string_or_null(m.language)},
        {"image", string_or_null(m.image)},
        {"categories", string_array(m.categories)},
        {"tags", string_array(m.tags)},
        {"license", string_or_null(m.license)},
        {"editor", string_or_null(m.editor)},
        {"icp", string_or_null(m.icp)},
        {"public_security", string_or_null(m.public_security)},
        {"charset", string_or_null(m.charset)},
        {"text", string_or_null(document.text)},
        {"comments", string_or_null(document.comments)},
    };
    if (!document.articles.empty()) {
        Json articles = Json::array();
        for (const Article& a : document.articles)
            articles.push_back({{"title", string_or_null(a.title)}, {"byline", string_or_null(a.byline)}, {"text", a.text}});
        object["articles"] = std::move(articles);
    }
    if (m.replaced > 0) object["replaced"] = m.replaced;
    if (const Response& r = document.response; !r.empty()) {
        object["http_status"] = r.http_status > 0 ? Json(r.http_status) : Json(nullptr);
        object["final_url"] = string_or_null(r.final_url);
        object["content_type"] = string_or_null(r.content_type);
    }
    // Scraped pages do carry broken UTF-8; replacing it with U+FFFD beats throwing mid-batch.
    return object.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// Splits on '\n'; a trailing newline does not produce an extra empty line.
std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

std::string_view trim_trailing_newlines(std::string_view text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
    return text;
}

void append_table_row(std::string& out, std::string_view row) {
    out += '|';
    std::size_t start = 0;
    while (true) {
        std::size_t end = row.find('\t', start);
        std::string_view cell = row.substr(start, end == std::string_view::npos ? row.npos : end - start);
        out += ' ';
        for (char c : cell) {
            // A literal pipe would end the cell; a newline would end the row.
            if (c == '|') out += "\\|";
            else if (c == '\n' || c == '\r') out += ' ';
            else out += c;
        }
        out += " |";
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
}

std::size_t count_cells(std::string_view row) {
    return static_cast<std::size_t>(std::count(row.begin(), row.end(), '\t')) + 1;
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
    auto lines = split_lines(trim_trailing_newlines(text));
    if (lines.empty()) lines.push_back({});
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i > 0) out += '\n';
        out += i == 0 ? first_prefix : rest_prefix;
        out += lines[i];
    }
}

// Blocks of one kind that sit next to each other form a run: list items and table rows of a
// run are one line apart, consecutive code blocks share one fence; every other block stands
// alone. Runs are separated by a blank line.
std::string render_markdown(const Document& document) {
    const auto& blocks = document.blocks;
    // Documents built without blocks (e.g. plain-text input) still have text worth showing.
    if (blocks.empty()) return std::string(trim_trailing_newlines(document.text));

    std::string out;
    std::size_t i = 0;
    while (i < blocks.size()) {
        const BlockKind kind = blocks[i].kind;
        const bool groups = kind == BlockKind::ListItem || kind == BlockKind::TableRow ||
                            kind == BlockKind::Code;
        std::size_t end = i + 1;
        if (groups)
            while (end < blocks.size() && blocks[end].kind == kind) ++end;
        // An empty standalone block would only add stray blank lines or a bare "#".
        if (!groups && trim_trailing_newlines(blocks[i].text).empty()) {
            i = end;
            continue;
        }

        if (!out.empty()) out += "\n\n";
        switch (kind) {
            case BlockKind::Heading: {
                const int level = std::clamp(blocks[i].level, 1, 6);
                out += std::string(static_cast<std::size_t>(level), '#');
                out += ' ';
                out += trim_trailing_newlines(blocks[i].text);
                break;
            }
            case BlockKind::ListItem:
                for (std::size_t k = i; k < end; ++k) {
                    if (k > i) out += '\n';
                    const int depth = std::max(blocks[k].level, 1) - 1;
                    const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
                    // Continuation lines of a multi-line item line up under its text.
                    append_prefixed_lines(out, blocks[k].text, indent + "- ", indent + "  ");
                }
                break;
            case BlockKind::Quote:
                append_prefixed_lines(out, blocks[i].text, "> ", "> ");
                break;
            case BlockKind::Code: {
                const std::string fence = code_fence(blocks, i, end);
                out += fence;
                for (std::size_t k = i; k < end; ++k) {
                    out += '\n';
                    out += trim_trailing_newlines(blocks[k].text);
                }
                out += '\n';
                out += fence;
                break;
            }
            case BlockKind::TableRow:
                for (std::size_t k = i; k < end; ++k) {
                    if (k > i) out += '\n';
                    append_table_row(out, blocks[k].text);
                    if (k == i) {
                        out += "\n|";
                        for (std::size_t c = count_cells(blocks[k].text); c > 0; --c) out += "---|";
                    }
                }
                break;
            case BlockKind::Caption:
            case BlockKind::Paragraph:
                out += trim_trailing_newlines(blocks[i].text);
                break;
        }
        i = end;
    }
    return out;
}

}  // namespace

std::string render(const Document& document, Format format) {
    switch (format) {
        case Format::Text: return document.text;
        case Format::Json: return render_json(document);
        case Format::Markdown: return render_markdown(document);
    }
    return document.text;
}

}  // namespace webclean
